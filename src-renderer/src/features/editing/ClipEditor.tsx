/**
 * Changing a clip after it was made: its name, its themes, who speaks in it (the lower
 * third), and its ends, trimmed to the frame under the playhead ("Début ici", "Fin ici"). Saved in
 * one go through clips.update; a changed range asks for the face check again.
 */
import { useState, type FormEvent } from 'react';
import type { Clip } from '../../../../src-shared/contract/schemas/editing';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { FALLBACK_FRAME_RATE, snapToFrame } from '../../../../src-shared/frameGrid';
import { formatTimecode } from '../../../../src-shared/time';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { SpeakerField } from './SpeakerField';
import { parseTags, tagsText } from './clipTags';

export function ClipEditor({
  clip,
  recording,
  currentTime,
  onDone,
  onError,
}: {
  clip: Clip;
  recording: Recording;
  /** The playhead, read when a trim button is pressed. */
  currentTime(): number;
  onDone(): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(clip.name);
  const [tags, setTags] = useState(tagsText(clip.tags));
  const [speaker, setSpeaker] = useState(clip.speakerPersonId === null ? '' : String(clip.speakerPersonId));
  const [inSeconds, setIn] = useState(clip.inSeconds);
  const [outSeconds, setOut] = useState(clip.outSeconds);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fps = recording.frameRate ?? FALLBACK_FRAME_RATE;
  const prefix = `clip-edit-${clip.id}`;

  function here(): number {
    return snapToFrame(currentTime(), fps);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (outSeconds <= inSeconds) {
      setProblem(t('clips.edit.badRange'));
      return;
    }
    setProblem(null);
    setBusy(true);
    api
      .call('clips.update', {
        id: clip.id,
        changes: {
          name: name.trim() || clip.name,
          tags: parseTags(tags),
          inSeconds,
          outSeconds,
          speakerPersonId: speaker ? Number(speaker) : null,
        },
      })
      .then(onDone, onError)
      .finally(() => setBusy(false));
  }

  return (
    <form className="clip-editor" onSubmit={save} aria-label={t('clips.edit.title', { name: clip.name })}>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-name`}>{t('clips.name')}</label>
          <input id={`${prefix}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-tags`}>{t('clips.tags')}</label>
          <input id={`${prefix}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('clips.tagsExample')} />
        </div>
        <SpeakerField
          id={`${prefix}-speaker`}
          recording={recording}
          value={speaker}
          onChange={setSpeaker}
          emptyLabel={t('clips.edit.noSpeaker')}
        />
      </div>
      <div className="actions">
        <button type="button" className="small" onClick={() => setIn(here())}>
          ⇤ {t('clips.edit.inHere')}
        </button>
        <button type="button" className="small" onClick={() => setOut(here())}>
          {t('clips.edit.outHere')} ⇥
        </button>
        <span className="muted" data-testid={`${prefix}-range`}>
          {t('review.range', { start: formatTimecode(inSeconds), end: formatTimecode(outSeconds) })}
        </span>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary small" disabled={busy}>
          {t('clips.edit.save')}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
