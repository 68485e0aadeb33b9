/**
 * Per project: the comment categories (the first seven are the group-mode keys 1–7)
 * and the interview grid's criteria, one per line.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';

function LabelsEditor({
  title,
  help,
  initial,
  onSave,
}: {
  title: string;
  help: string;
  initial: string[];
  onSave(labels: string[]): Promise<unknown>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial.join('\n'));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(initial.join('\n')), [initial]);
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await onSave(
        text
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
      setSaved(true);
    } catch (reason) {
      setError(reason);
    }
  }
  const id = `labels-${title.replace(/\W+/g, '-')}`;
  return (
    <form onSubmit={save} className="field" aria-label={title}>
      <label htmlFor={id}>{title}</label>
      <textarea id={id} rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-help`} />
      <p className="field-help" id={`${id}-help`}>
        {help}
      </p>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="small primary">
          {t('project.save')}
        </button>
        {saved && <span role="status">{t('consent.saved')}</span>}
      </div>
    </form>
  );
}

export function ReviewVocabularyPanel({ projectId }: { projectId: number }) {
  const { t } = useI18n();
  const { data } = useApiData(async () => {
    const [categories, criteria] = await Promise.all([
      api.call('categories.list', { projectId }),
      api.call('rubric.criteria', { projectId }),
    ]);
    return { categories, criteria: criteria.map((criterion) => criterion.label) };
  }, [projectId]);
  if (!data) return null;
  return (
    <details className="card">
      <summary>
        <strong>{t('vocabulary.title')}</strong>
      </summary>
      <div className="columns">
        <LabelsEditor
          title={t('vocabulary.categories')}
          help={t('vocabulary.categoriesHelp')}
          initial={data.categories}
          onSave={(labels) => api.call('categories.set', { projectId, labels })}
        />
        <LabelsEditor
          title={t('vocabulary.criteria')}
          help={t('vocabulary.criteriaHelp')}
          initial={data.criteria}
          onSave={(labels) => api.call('rubric.setCriteria', { projectId, labels })}
        />
      </div>
    </details>
  );
}
