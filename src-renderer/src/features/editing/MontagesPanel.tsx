/**
 * The montages of a project, on its screen: list, create, open.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';

export function MontagesPanel({ projectId, onError }: { projectId: number; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const { data: montages } = useApiData(() => api.call('montages.list', { projectId }), [projectId], ['montage', 'clip']);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const montage = await api.call('montages.create', { projectId, name });
      setName('');
      navigate({ name: 'montage', montageId: montage.id });
    } catch (reason) {
      onError(reason);
    }
  }

  return (
    <section className="card" aria-labelledby="montages-title">
      <h2 id="montages-title">{t('montages.title')}</h2>
      {montages && montages.length === 0 && <p className="empty">{t('montages.empty')}</p>}
      <ul className="simple-list">
        {(montages ?? []).map((montage) => (
          <li key={montage.id}>
            <a href={hrefFor({ name: 'montage', montageId: montage.id })}>{montage.name}</a>{' '}
            <span className="muted">{t('montages.items', { count: montage.items.length })}</span>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={create}>
        <label htmlFor="montage-name">{t('montages.name')}</label>
        <input id="montage-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        <button type="submit" className="primary">
          {t('montages.new')}
        </button>
      </form>
    </section>
  );
}
