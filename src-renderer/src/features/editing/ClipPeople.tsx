/**
 * Who appears in a clip: by default everyone filmed in the recording. Unticking someone
 * who is not on screen in this range lets the clip out without them (so one refusal does
 * not block every clip), once the animator confirms it; the change goes into each
 * person's consent log. Someone added to the recording later appears in every clip.
 */
import { useState } from 'react';
import type { Recording } from '../../../../src-shared/contract/schemas';
import type { Clip } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export function ClipPeople({ clip, recording, onError }: { clip: Clip; recording: Recording; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<number[]>(() =>
    recording.people.map((p) => p.personId).filter((id) => !clip.excludedPersonIds.includes(id)),
  );
  const [confirmed, setConfirmed] = useState(false);
  const [actor, setActor] = useState('');
  const [saved, setSaved] = useState(false);
  const leavesOut = recording.people.some((person) => !shown.includes(person.personId));
  const inClip = recording.people.filter((person) => !clip.excludedPersonIds.includes(person.personId));

  async function save() {
    setSaved(false);
    try {
      await api.call('clips.setPeople', {
        clipId: clip.id,
        personIds: shown,
        confirmed: leavesOut ? confirmed : undefined,
        actor: actor || undefined,
      });
      setSaved(true);
      setConfirmed(false);
    } catch (reason) {
      onError(reason);
    }
  }

  if (recording.people.length === 0) return null;
  return (
    <details className="clip-people">
      <summary>{t('clipPeople.summary', { names: inClip.map((person) => person.displayName).join(', ') || '—' })}</summary>
      <fieldset>
        <legend>{t('clipPeople.legend', { name: clip.name })}</legend>
        {recording.people.map((person) => (
          <label key={person.personId} className="check">
            <input
              type="checkbox"
              checked={shown.includes(person.personId)}
              onChange={(e) =>
                setShown((all) => (e.target.checked ? [...all, person.personId] : all.filter((id) => id !== person.personId)))
              }
            />{' '}
            {person.displayName}
          </label>
        ))}
        {leavesOut && (
          <>
            <label className="check confirm">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('clipPeople.confirm')}
            </label>
            <label>
              {t('peopleIn.actor')}
              <input value={actor} onChange={(e) => setActor(e.target.value)} maxLength={120} />
            </label>
          </>
        )}
        <button className="small primary" disabled={shown.length === 0 || (leavesOut && !confirmed)} onClick={() => void save()}>
          {t('clipPeople.save')}
        </button>
        {saved && <span role="status"> {t('clipPeople.saved')}</span>}
      </fieldset>
    </details>
  );
}
