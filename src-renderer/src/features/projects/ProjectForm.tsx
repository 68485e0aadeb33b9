/**
 * Create or edit a project: name, type (two big choices), place, dates, description.
 */
import { useState, type FormEvent } from 'react';
import type { Project, ProjectKind } from '../../../../src-shared/contract/schemas';
import { PROJECT_KINDS } from '../../../../src-shared/contract/vocabulary';
import { InlineStatus } from '../../components/InlineStatus';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../components/DateField';

export interface ProjectFormValues {
  name: string;
  kind: ProjectKind;
  place: string;
  startDate: string | null;
  endDate: string | null;
  description: string;
}

export function ProjectForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial?: Project;
  onSubmit(values: ProjectFormValues): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<ProjectKind>(initial?.kind ?? 'interview-workshop');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [startDate, setStartDate] = useState(initial?.startDate ?? '');
  const [endDate, setEndDate] = useState(initial?.endDate ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ name, kind, place, startDate: startDate || null, endDate: endDate || null, description });
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-label={t(initial ? 'project.form.editTitle' : 'project.form.createTitle')}>
      <h2>{t(initial ? 'project.form.editTitle' : 'project.form.createTitle')}</h2>
      <Field label={t('project.name')} required>
        {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />}
      </Field>
      <fieldset className="choice-group">
        <legend>{t('project.kind')}</legend>
        {PROJECT_KINDS.map((value) => (
          <label key={value} className={`choice ${kind === value ? 'selected' : ''}`}>
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            <span className="choice-title">{t(`kind.${value}`)}</span>
            <span className="choice-help">{t(`kind.${value}.help`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('project.place')}>
        {(id) => <input id={id} value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} />}
      </Field>
      <div className="field-row">
        <Field label={t('project.startDate')}>
          {(id) => <DateField id={id} value={startDate} onChange={(value) => setStartDate(value)} />}
        </Field>
        <Field label={t('project.endDate')}>
          {(id) => <DateField id={id} value={endDate} min={startDate || undefined} onChange={(value) => setEndDate(value)} />}
        </Field>
      </div>
      <Field label={t('project.description')}>
        {(id) => <textarea id={id} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : t(initial ? 'project.save' : 'project.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {/* next to the button that failed, in French, naming the field */}
        {error ? <InlineStatus outcome={{ kind: 'failed', error }} /> : null}
      </div>
    </form>
  );
}
