/**
 * The buttons under the player: five seconds and one frame back and forward, play or
 * pause, the clock, and the speed.
 */
import { formatClock, formatDuration } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { Player } from './usePlayer';

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

export function PlayerControls({
  player: { currentTime, playing, speed, seek, stepFrames, togglePlay, setRate },
  duration,
}: {
  player: Player;
  duration: number;
}) {
  const { t } = useI18n();
  return (
    <div className="player-controls">
      <button onClick={() => seek(currentTime - 5)}>{t('review.back5')}</button>
      <button onClick={() => stepFrames(-1)} aria-label={t('review.prevFrame')}>
        ◀|
      </button>
      <button id="player-play" className="primary" onClick={togglePlay}>
        {playing ? t('review.pause') : t('review.play')}
      </button>
      <button onClick={() => stepFrames(1)} aria-label={t('review.nextFrame')}>
        |▶
      </button>
      <button onClick={() => seek(currentTime + 5)}>{t('review.forward5')}</button>
      <span className="clock" aria-live="off" data-testid="clock">
        {formatClock(currentTime)} / {formatDuration(duration)}
      </span>
      <label>
        {t('review.speed')}{' '}
        <select value={speed} onChange={(e) => setRate(Number(e.target.value))}>
          {SPEEDS.map((value) => (
            <option key={value} value={value}>
              {value}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
