/**
 * The clips of one recording, on the review screen: make one from the I/O range, from
 * two markers or from a range comment; name it, tag its themes, say who speaks (for
 * the lower third), who appears in it, draw the region to pixelate; play, export or delete it.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useState, type FormEvent } from 'react';
import type { Clip } from '../../../../src-shared/contract/schemas/editing';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { formatClock, formatDuration } from '../../../../src-shared/time';
import { FALLBACK_FRAME_RATE, snapToFrame } from '../../../../src-shared/frameGrid';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';
import { ExportPanel } from './ExportPanel';
import { FaceRegionCheck } from './FaceRegionCheck';
import { useSubmitOnce } from '../../app/useSubmitOnce';
import { ClipPeople } from './ClipPeople';
import { ClipEditor } from './ClipEditor';
import { Icon } from '../../components/Icon';
import { SpeakerField } from './SpeakerField';
import { parseTags } from './clipTags';

export function ClipsPanel({
  recording,
  range,
  onSeek,
  onDrawBox,
  onError,
  currentTime = () => 0,
}: {
  recording: Recording;
  range: { start: number; end: number | null } | null;
  onSeek(seconds: number): void;
  onDrawBox(clipId: number): void;
  onError(error: unknown): void;
  /** The playhead, for trimming a clip to the frame under it. */
  currentTime?(): number;
}) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [markerA, setMarkerA] = useState('');
  const [markerB, setMarkerB] = useState('');
  const [exporting, setExporting] = useState<Clip | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const { data: clips } = useApiData(() => api.call('clips.list', { recordingId: recording.id }), [recording.id], ['clip']);

  const creation = useSubmitOnce(async (idempotencyKey: string, inSeconds: number, outSeconds: number) => {
    try {
      await api.call(
        'clips.create',
        {
          recordingId: recording.id,
          name: name.trim() || t('clips.defaultName', { time: formatClock(inSeconds) }),
          inSeconds,
          outSeconds,
          tags: parseTags(tags),
          speakerPersonId: speaker ? Number(speaker) : recording.people.length === 1 ? recording.people[0]!.personId : null,
        },
        { idempotencyKey },
      );
      setName('');
    } catch (reason) {
      onError(reason);
    }
  });
  const create = creation.run;

  function createFromRange(event: FormEvent) {
    event.preventDefault();
    if (!range || range.end === null) {
      onError(new Error(t('clips.needRange')));
      return;
    }
    void create(range.start, range.end);
  }

  function createFromMarkers() {
    const a = recording.markers.find((m) => m.id === Number(markerA));
    const b = recording.markers.find((m) => m.id === Number(markerB));
    if (!a || !b || a.atSeconds === b.atSeconds) return;
    // markers are dropped while filming, before the master exists: they land on its frame grid here
    const fps = recording.frameRate ?? FALLBACK_FRAME_RATE;
    void create(snapToFrame(Math.min(a.atSeconds, b.atSeconds), fps), snapToFrame(Math.max(a.atSeconds, b.atSeconds), fps));
  }

  const markerSelect = (value: string, onChange: (id: string) => void) => (
    <select aria-label={t('clips.marker')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {recording.markers.map((marker) => (
        <option key={marker.id} value={marker.id}>
          {formatClock(marker.atSeconds)} {marker.tag}
        </option>
      ))}
    </select>
  );

  const speakerName = (clip: Clip) => recording.people.find((p) => p.personId === clip.speakerPersonId)?.displayName;

  return (
    <section className="card clips-panel" aria-labelledby="clips-title">
      <h2 id="clips-title">{t('clips.title')}</h2>
      <form className="clip-form" onSubmit={createFromRange} aria-label={t('clips.create')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="clip-name">{t('clips.name')}</label>
            <input id="clip-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="clip-tags">{t('clips.tags')}</label>
            <input id="clip-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('clips.tagsExample')} />
          </div>
          <SpeakerField id="clip-speaker" recording={recording} value={speaker} onChange={setSpeaker} emptyLabel={t('clips.speakerAuto')} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!range || range.end === null || creation.busy}>
            {t('clips.createFromRange')}
          </button>
          <span className="muted">
            {range && range.end !== null
              ? t('review.range', { start: formatClock(range.start), end: formatClock(range.end) })
              : t('clips.needRange')}
          </span>
        </div>
        {recording.markers.length >= 2 && (
          <div className="actions">
            <span>{t('clips.fromMarkers')}</span>
            {markerSelect(markerA, setMarkerA)}
            {markerSelect(markerB, setMarkerB)}
            <button type="button" onClick={createFromMarkers} disabled={!markerA || !markerB || markerA === markerB || creation.busy}>
              {t('clips.createFromMarkers')}
            </button>
          </div>
        )}
      </form>
      {clips && clips.length === 0 && <p className="empty">{t('clips.empty')}</p>}
      <ul className="clip-list">
        {(clips ?? []).map((clip) => (
          <li key={clip.id} className="clip" aria-label={clip.name}>
            <div>
              <strong>{clip.name}</strong>{' '}
              <span className="muted">
                {t('clips.span', {
                  start: formatClock(clip.inSeconds),
                  end: formatClock(clip.outSeconds),
                  duration: formatDuration(clip.outSeconds - clip.inSeconds),
                })}
              </span>
              {clip.tags.map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
              {speakerName(clip) && <span className="muted"> · {t('clips.speaking', { name: speakerName(clip)! })}</span>}
              <span className="muted"> · {clip.blurBox ? t('clips.boxSet') : t('clips.noBox')}</span>
              {clip.blurBox && <FaceRegionCheck clip={clip} onError={onError} />}
            </div>
            <div className="actions">
              <button className="small" onClick={() => onSeek(clip.inSeconds)}>
                {t('clips.play')}
              </button>
              <button
                className="small"
                aria-expanded={editingId === clip.id}
                onClick={() => setEditingId(editingId === clip.id ? null : clip.id)}
              >
                <Icon name="edit" /> {t('clips.edit.open')}
              </button>
              <button className="small" onClick={() => onDrawBox(clip.id)}>
                {t('clips.drawBox')}
              </button>
              {clip.blurBox && (
                <button
                  className="small"
                  onClick={() => void api.call('clips.update', { id: clip.id, changes: { blurBox: null } }).catch(onError)}
                >
                  {t('clips.clearBox')}
                </button>
              )}
              <button className="small primary" onClick={() => setExporting(clip)}>
                {t('clips.export')}
              </button>
              <button
                className="small danger"
                onClick={() =>
                  void confirm(t('clips.deleteConfirm', { name: clip.name }), { danger: true, confirmLabel: t('common.delete') }).then(
                    (yes) => (yes ? api.call('clips.delete', { id: clip.id }).catch(onError) : undefined),
                  )
                }
              >
                {t('clips.delete')}
              </button>
            </div>
            {editingId === clip.id && (
              <ClipEditor clip={clip} recording={recording} currentTime={currentTime} onDone={() => setEditingId(null)} onError={onError} />
            )}
            <ClipPeople
              key={`${clip.id}-${recording.people.map((person) => person.personId).join(',')}`}
              clip={clip}
              recording={recording}
              onError={onError}
            />
            {exporting?.id === clip.id && (
              <ExportPanel
                target={{ kind: 'clip', clipId: clip.id }}
                name={clip.name}
                projectId={clip.projectId}
                clipOptions
                onClose={() => setExporting(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
