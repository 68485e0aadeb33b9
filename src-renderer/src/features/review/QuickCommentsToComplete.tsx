/**
 * Quick comments dropped in group mode hold only their category ("Voix"): after the
 * session the animator completes them here ("À compléter"), one field each, so the
 * feedback sheet says what was meant. The list covers the whole recording (not only the
 * comments loaded around the playhead) and follows changes (useCommentWindow's events).
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Comment } from '../../../../src-shared/contract/schemas';
import { formatClock } from '../../../../src-shared/time';
import { api } from '../../api/client';
import { queryClient } from '../../app/queryClient';
import { useI18n } from '../../i18n/i18n';
import { commentKeys } from './useCommentWindow';

function CompleteOne({ comment, onSeek, onError }: { comment: Comment; onSeek(seconds: number): void; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = `complete-${comment.id}`;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    api
      .call('comments.update', { id: comment.id, changes: { text: text.trim() } })
      .catch(onError)
      .finally(() => setBusy(false));
  }

  return (
    <li className="to-complete-item">
      <form onSubmit={save}>
        <div className="comment-head">
          <button type="button" className="time-link" onClick={() => onSeek(comment.startSeconds)}>
            {formatClock(comment.startSeconds)}
          </button>
          <strong>{comment.authorName}</strong>
          <span className="badge">{comment.category}</span>
        </div>
        <label htmlFor={fieldId}>{t('review.complete.what', { category: comment.category })}</label>
        <div className="reply-form">
          <input id={fieldId} value={text} onChange={(e) => setText(e.target.value)} maxLength={1900} />
          <button type="submit" className="primary small" disabled={busy || !text.trim()}>
            {t('project.save')}
          </button>
        </div>
      </form>
    </li>
  );
}

export function QuickCommentsToComplete({
  recordingId,
  onSeek,
  onError,
}: {
  recordingId: number;
  onSeek(seconds: number): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { data } = useQuery(
    { queryKey: commentKeys.toComplete(recordingId), queryFn: () => api.call('comments.toComplete', { recordingId }) },
    queryClient,
  );
  const toComplete = data ?? [];
  if (toComplete.length === 0) return null;
  return (
    <div className="to-complete">
      <button className="small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        ✎ {t('review.complete.button', { count: toComplete.length })}
      </button>
      {open && (
        <ul className="to-complete-list" aria-label={t('review.complete.title')}>
          {toComplete.map((comment) => (
            <CompleteOne key={comment.id} comment={comment} onSeek={onSeek} onError={onError} />
          ))}
        </ul>
      )}
    </div>
  );
}
