/**
 * After an erasure, a video that showed the erased person with others is "à revoir" and
 * nothing of it may be exported. This panel gives the three ways out, in plain words:
 * keep only the passages without the person (they become clips), confirm the person is
 * not in it (who and why), or delete the video. Once cut out, it says which parts remain.
 */
import { useState } from 'react';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { formatTimecode, parseTimecode } from '../../../../src-shared/time';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import type { PlayRange } from './useInOutRange';

type Choice = 'cut-out' | 'confirmed-absent' | 'deleted';
interface Resolution {
  resolution: Choice;
  keep?: Array<{ fromSeconds: number; toSeconds: number }>;
  actor?: string;
  reason?: string;
}
interface Passage {
  from: string;
  to: string;
}

export function ErasureReviewPanel({
  recording,
  range,
  onError,
}: {
  recording: Recording;
  range: PlayRange | null;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [actor, setActor] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  if (!recording.needsReview) {
    if (recording.reviewResolution !== 'cut-out' || !recording.keptRanges?.length) return null;
    return (
      <p className="info-banner" data-testid="kept-parts">
        ✂{' '}
        {t('erasureReview.keptOnly', {
          parts: recording.keptRanges.map((r) => `${formatTimecode(r.fromSeconds)} → ${formatTimecode(r.toSeconds)}`).join(', '),
        })}
      </p>
    );
  }

  async function resolve(input: Resolution) {
    setBusy(true);
    onError(null);
    try {
      await api.call('recordings.resolveReview', { recordingId: recording.id, ...input });
      if (input.resolution === 'deleted') navigate({ name: 'project', projectId: recording.projectId });
      setChoice(null);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  function cutOut() {
    try {
      const keep = passages.map((passage, index) => ({
        fromSeconds: parseTimecode(passage.from, `keep.${index}`),
        toSeconds: parseTimecode(passage.to, `keep.${index}`),
      }));
      void resolve({ resolution: 'cut-out', keep });
    } catch (error) {
      onError(error);
    }
  }

  const addFromRange = () => {
    if (range && range.end !== null) setPassages([...passages, { from: formatTimecode(range.start), to: formatTimecode(range.end) }]);
  };

  return (
    <section className="warning-banner erasure-review" aria-labelledby="erasure-review-title">
      <h2 id="erasure-review-title">⚠ {t('erasureReview.title')}</h2>
      <p>{t('erasureReview.explain')}</p>
      <div className="button-row" role="group" aria-label={t('erasureReview.title')}>
        <button aria-pressed={choice === 'cut-out'} onClick={() => setChoice('cut-out')}>
          ✂ {t('erasureReview.cutOut')}
        </button>
        <button aria-pressed={choice === 'confirmed-absent'} onClick={() => setChoice('confirmed-absent')}>
          ✔ {t('erasureReview.absent')}
        </button>
        <button className="danger" aria-pressed={choice === 'deleted'} onClick={() => setChoice('deleted')}>
          <Icon name="trash" /> {t('erasureReview.delete')}
        </button>
      </div>

      {choice === 'cut-out' && (
        <div className="erasure-review-step">
          <p>{t('erasureReview.cutOutHelp')}</p>
          <ol>
            {passages.map((passage, index) => (
              <li key={index}>
                <label>
                  {t('erasureReview.from')}{' '}
                  <input
                    value={passage.from}
                    onChange={(e) => setPassages(passages.map((p, i) => (i === index ? { ...p, from: e.target.value } : p)))}
                  />
                </label>{' '}
                <label>
                  {t('erasureReview.to')}{' '}
                  <input
                    value={passage.to}
                    onChange={(e) => setPassages(passages.map((p, i) => (i === index ? { ...p, to: e.target.value } : p)))}
                  />
                </label>{' '}
                <button className="small" onClick={() => setPassages(passages.filter((_, i) => i !== index))}>
                  ✕ {t('erasureReview.removePassage')}
                </button>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button onClick={addFromRange} disabled={!range || range.end === null}>
              <Icon name="plus" /> {t('erasureReview.addRange')}
            </button>
            <button onClick={() => setPassages([...passages, { from: '00:00:00.000', to: '00:00:00.000' }])}>
              <Icon name="plus" /> {t('erasureReview.addPassage')}
            </button>
            <button className="primary" disabled={busy || passages.length === 0} onClick={cutOut}>
              ✂ {t('erasureReview.keepOnly')}
            </button>
          </div>
        </div>
      )}

      {choice === 'confirmed-absent' && (
        <div className="erasure-review-step">
          <label>
            {t('erasureReview.actor')} <input value={actor} onChange={(e) => setActor(e.target.value)} />
          </label>
          <label>
            {t('erasureReview.reason')} <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <button
            className="primary"
            disabled={busy || !actor.trim() || !reason.trim()}
            onClick={() => void resolve({ resolution: 'confirmed-absent', actor: actor.trim(), reason: reason.trim() })}
          >
            ✔ {t('erasureReview.confirm')}
          </button>
        </div>
      )}

      {choice === 'deleted' && (
        <div className="erasure-review-step">
          <p>{t('erasureReview.deleteWarning')}</p>
          <button className="danger" disabled={busy} onClick={() => void resolve({ resolution: 'deleted' })}>
            <Icon name="trash" /> {t('erasureReview.deleteForGood')}
          </button>
        </div>
      )}
    </section>
  );
}
