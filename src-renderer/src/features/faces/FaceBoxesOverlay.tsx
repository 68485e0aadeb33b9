/**
 * Drawn over the player: the face boxes found at the current time, each labelled with
 * whose face it is, so the animator sees what the tracking follows. Looks only; the
 * assignment happens in the strip below the video.
 */
import { api } from '../../api/client';
import { useApiData } from '../../app/useApiData';
import { useI18n } from '../../i18n/i18n';
import type { FaceTrackView } from '../../../../src-shared/contract/schemas/faces';
import type { Recording } from '../../../../src-shared/contract/schemas';

/** The track's box at `t`, interpolated between its analysed boxes (null outside it or in a long gap). */
export function boxOfTrackAt(track: FaceTrackView, t: number, step: number) {
  const { boxes } = track;
  if (!boxes.length || t < boxes[0]!.t - step || t > boxes[boxes.length - 1]!.t + step) return null;
  const after = boxes.findIndex((box) => box.t >= t);
  if (after <= 0) return boxes[after === 0 ? 0 : boxes.length - 1]!;
  const a = boxes[after - 1]!;
  const b = boxes[after]!;
  if (b.t - a.t > step * 4.5) return null;
  const k = (t - a.t) / (b.t - a.t);
  return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k, w: a.w + (b.w - a.w) * k, h: a.h + (b.h - a.h) * k };
}

export function FaceBoxesOverlay({ recording, currentTime }: { recording: Recording; currentTime: number }) {
  const { t } = useI18n();
  const { data } = useApiData(() => api.call('faces.tracks', { recordingId: recording.id }), [recording.id], ['recording', 'person']);
  if (!data?.analysed || !data.stepSeconds) return null;
  const step = data.stepSeconds;
  const nameOf = (track: FaceTrackView) =>
    track.assignment === 'person'
      ? (recording.people.find((person) => person.personId === track.personId)?.displayName ?? '?')
      : t(track.assignment === 'unknown' ? 'faces.unknown' : 'faces.unreviewed');
  return (
    <div className="face-boxes" aria-hidden="true" data-testid="face-boxes">
      {data.tracks.map((track) => {
        const box = boxOfTrackAt(track, currentTime, step);
        if (!box) return null;
        return (
          <div
            key={track.id}
            className={`face-box face-box-${track.assignment}`}
            style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.w * 100}%`, height: `${box.h * 100}%` }}
          >
            <span className="face-box-label">
              {track.id} · {nameOf(track)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
