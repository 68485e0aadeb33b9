/**
 * Create or edit a project: name, type (two big choices), place, dates, description.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Project, ProjectKind } from '../../../../src-shared/contract/schemas';
import { PROJECT_KINDS } from '../../../../src-shared/contract/vocabulary';
import { InlineStatus } from '../../components/InlineStatus';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../components/DateField';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';

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
  // a date typed but not a real day (31/02/2026) or an end before the start is refused here, never dropped
  const [datesValid, setDatesValid] = useState({ start: true, end: true });
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const dateIds = useRef({ start: '', end: '' });
  // typed but not saved: leaving the screen asks first (a new project's name, an edit)
  const dirty =
    name !== (initial?.name ?? '') ||
    kind !== (initial?.kind ?? 'interview-workshop') ||
    place !== (initial?.place ?? '') ||
    startDate !== (initial?.startDate ?? '') ||
    endDate !== (initial?.endDate ?? '') ||
    description !== (initial?.description ?? '');
  const guard = useUnsavedChangesGuard(dirty, t('project.leaveUnsaved'), { confirmLabel: t('project.leaveAnyway'), danger: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = !datesValid.start ? 'start' : !datesValid.end || (startDate && endDate && endDate < startDate) ? 'end' : null;
    if (wrong) {
      setDateProblem(t('project.dateProblem', { field: t(wrong === 'start' ? 'project.startDate' : 'project.endDate') }));
      document.getElementById(dateIds.current[wrong])?.focus();
      return;
    }
    setDateProblem(null);
    setSaving(true);
    setError(null);
    try {
      guard.allowLeaving(); // a new project opens its own screen once saved
      await onSubmit({ name, kind, place, startDate: startDate || null, endDate: endDate || null, description });
    } catch (reason) {
      guard.allowLeaving(false);
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
          {(id) => {
            dateIds.current.start = id;
            return (
              <DateField
                id={id}
                value={startDate}
                onChange={(value, valid) => {
                  setStartDate(value);
                  setDatesValid((current) => ({ ...current, start: valid }));
                }}
              />
            );
          }}
        </Field>
        <Field label={t('project.endDate')}>
          {(id) => {
            dateIds.current.end = id;
            return (
              <DateField
                id={id}
                value={endDate}
                min={startDate || undefined}
                onChange={(value, valid) => {
                  setEndDate(value);
                  setDatesValid((current) => ({ ...current, end: valid }));
                }}
              />
            );
          }}
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
        {dateProblem && (
          <p className="field-error" role="alert">
            {dateProblem}
          </p>
        )}
      </div>
    </form>
  );
}
