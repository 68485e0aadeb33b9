/**
 * « Personnes filmées »: who is in a recording and their part in the take, added from the
 * project's people and removed. Required for any export, so with nobody linked it says so
 * plainly. Every change goes into the consent log; removing someone from a video already
 * exported, or someone who refused, asks who does it and why (the app says when).
 */
import { useState, type FormEvent } from 'react';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { api, ApiCallError } from '../../api/client';
import { useApiData } from '../../app/useApiData';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';

interface PendingRemoval {
  personId: number;
  name: string;
  why: string;
}

export function PeopleInRecording({ recording }: { recording: Recording }) {
  const { t } = useI18n();
  const { data: people } = useApiData(() => api.call('people.list', { projectId: recording.projectId }), [recording.projectId], ['person']);
  const [personId, setPersonId] = useState('');
  const [part, setPart] = useState('');
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  const [actor, setActor] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const linked = new Set(recording.people.map((person) => person.personId));
  const addable = (people ?? []).filter((person) => !linked.has(person.id));

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!personId) return;
    setError(null);
    setNotice(null);
    try {
      const result = await api.call('recordings.linkPerson', {
        recordingId: recording.id,
        personId: Number(personId),
        part: part || undefined,
      });
      if (result.flaggedExports.length) setNotice(t('peopleIn.flagged', { count: result.flaggedExports.length }));
      setPersonId('');
      setPart('');
    } catch (reason) {
      setError(reason);
    }
  }

  async function remove(target: { personId: number; name: string }, withWhy?: { actor: string; reason: string }) {
    setError(null);
    setNotice(null);
    try {
      await api.call('recordings.unlinkPerson', { recordingId: recording.id, personId: target.personId, ...withWhy });
      setRemoval(null);
      setActor('');
      setReason('');
    } catch (failure) {
      const needsWhy = failure instanceof ApiCallError && (failure.field === 'actor' || failure.field === 'reason');
      if (needsWhy && !withWhy) setRemoval({ ...target, why: failure.message });
      else setError(failure);
    }
  }

  return (
    <section className="people-in-recording" aria-label={t('peopleIn.title')}>
      <h3>
        <Icon name="person" /> {t('peopleIn.title')}
      </h3>
      {recording.people.length === 0 ? (
        <p className="warning-text" role="status">
          {t('peopleIn.none')}
        </p>
      ) : (
        <p className="muted small-text">{t('peopleIn.required')}</p>
      )}
      <ErrorBanner error={error} />
      {notice && (
        <p className="warning-text" role="status">
          {notice}
        </p>
      )}
      <ul className="item-list" aria-label={t('peopleIn.title')}>
        {recording.people.map((person) => (
          <li key={person.personId} className="item">
            <span className="item-main">
              <strong>{person.displayName}</strong>
              {person.part && <span className="muted"> · {person.part}</span>}
            </span>
            <button
              className="small"
              aria-label={t('peopleIn.removeLabel', { name: person.displayName })}
              onClick={() => void remove({ personId: person.personId, name: person.displayName })}
            >
              <Icon name="trash" /> {t('peopleIn.remove')}
            </button>
          </li>
        ))}
      </ul>
      {removal && (
        <form
          className="inline-form removal-why"
          aria-label={t('peopleIn.removeLabel', { name: removal.name })}
          onSubmit={(event) => {
            event.preventDefault();
            void remove(removal, { actor, reason });
          }}
        >
          <p className="warning-text">{removal.why}</p>
          <label>
            {t('peopleIn.actor')}
            <input value={actor} onChange={(e) => setActor(e.target.value)} required maxLength={120} />
          </label>
          <label>
            {t('peopleIn.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
          </label>
          <button type="submit" className="danger small">
            {t('peopleIn.confirmRemove')}
          </button>
          <button type="button" className="small" onClick={() => setRemoval(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {people && people.length === 0 && <p className="muted">{t('peopleIn.noPeople')}</p>}
      {addable.length > 0 && (
        <form className="inline-form" onSubmit={(event) => void add(event)} aria-label={t('peopleIn.addLabel')}>
          <label>
            {t('peopleIn.person')}
            <select value={personId} onChange={(e) => setPersonId(e.target.value)} required>
              <option value="">{t('peopleIn.choose')}</option>
              {addable.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName} · {t(`role.${person.role}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('peopleIn.part')}
            <input value={part} onChange={(e) => setPart(e.target.value)} maxLength={80} />
          </label>
          <button type="submit" className="primary small">
            <Icon name="plus" /> {t('peopleIn.add')}
          </button>
        </form>
      )}
    </section>
  );
}
