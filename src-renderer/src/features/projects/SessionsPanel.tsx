/**
 * A project's sessions: list (newest first) and a one-line form to add one.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useState, type FormEvent } from 'react';
import type { Person, Session } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { localToday } from '../../../../src-shared/age';
import { DateField } from '../../components/DateField';
import { useSubmitOnce } from '../../app/useSubmitOnce';

export function SessionsPanel({ projectId, sessions, people }: { projectId: number; sessions: Session[]; people: Person[] }) {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const [date, setDate] = useState(() => localToday());
  const [title, setTitle] = useState('');
  const [animatorId, setAnimatorId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const animators = people.filter((person) => person.role === 'animator');
  const nameOf = (id: number | null) => people.find((person) => person.id === id)?.displayName;

  // one request per click: a double click adds one, not two
  const adding = useSubmitOnce(async () => {
    setError(null);
    try {
      await api.call('sessions.create', { projectId, date, title, animatorPersonId: animatorId ? Number(animatorId) : null });
      setTitle('');
    } catch (reason) {
      setError(reason);
    }
  });

  function add(event: FormEvent) {
    event.preventDefault();
    void adding.run();
  }

  async function remove(session: Session) {
    if (
      !(await confirm(t('sessions.deleteConfirm', { date: formatDate(session.date) }), { danger: true, confirmLabel: t('common.delete') }))
    )
      return;
    try {
      await api.call('sessions.delete', { id: session.id });
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">
        <Icon name="calendar" /> {t('sessions.title')}
      </h2>
      <ErrorBanner error={error} />
      {sessions.length === 0 && <p className="empty">{t('sessions.empty')}</p>}
      <ul className="item-list" aria-label={t('sessions.title')}>
        {sessions.map((session) => (
          <li key={session.id} className="item">
            <a className="item-main item-link session-link" href={hrefFor({ name: 'session', sessionId: session.id })}>
              <strong>{formatDate(session.date)}</strong>
              {session.title && <span> — {session.title}</span>}
              {nameOf(session.animatorPersonId) && (
                <span className="muted"> · {t('sessions.ledBy', { name: nameOf(session.animatorPersonId)! })}</span>
              )}
            </a>
            <a className="button small" href={hrefFor({ name: 'record', sessionId: session.id })}>
              <span className="rec-dot" aria-hidden="true" /> {t('session.record')}
            </a>
            <button
              className="danger small"
              onClick={() => void remove(session)}
              aria-label={`${t('sessions.delete')} ${formatDate(session.date)}`}
            >
              <Icon name="trash" /> {t('people.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} aria-label={t('sessions.add')}>
        <Field label={t('sessions.date')} required>
          {(id) => <DateField id={id} value={date} onChange={(value) => setDate(value)} required />}
        </Field>
        <Field label={t('sessions.titleField')}>
          {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
        </Field>
        <Field label={t('sessions.animator')}>
          {(id) => (
            <select id={id} value={animatorId} onChange={(e) => setAnimatorId(e.target.value)}>
              <option value="">{t('sessions.noAnimator')}</option>
              {animators.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={adding.busy}>
          <Icon name="plus" /> {t('sessions.add')}
        </button>
      </form>
    </section>
  );
}
