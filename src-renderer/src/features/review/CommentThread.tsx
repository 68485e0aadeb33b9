/**
 * One comment and its replies: click the time to seek; +1, mark as dealt with,
 * reply, edit, delete (the previous text is kept by the main side).
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { memo, useEffect, useState, type FormEvent, type LiHTMLAttributes, type Ref } from 'react';
import type { Comment, Person } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import { AuthorSelect } from './AuthorSelect';

/** What the virtual list puts on a row: its place (style, ref to measure it), its position in the whole list. */
export type CommentRowProps = LiHTMLAttributes<HTMLLIElement> & { ref?: Ref<HTMLLIElement>; 'data-index'?: number };

export const CommentThread = memo(function CommentThread({
  comment,
  replies,
  people,
  onSeek,
  onError,
  onMakeClip,
  rowProps,
  active = false,
  selected = false,
}: {
  comment: Comment;
  replies: Comment[];
  /** Who may reply (the project's people, or the group). */
  people: readonly Person[];
  onSeek(seconds: number): void;
  onError(error: unknown): void;
  /** For a range comment: put its range in the clip form. */
  onMakeClip?(start: number, end: number): void;
  rowProps?: CommentRowProps;
  /** The thread at the playhead. */
  active?: boolean;
  /** The thread picked on the timeline. */
  selected?: boolean;
}) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [replying, setReplying] = useState(false);
  const [replyText, setReplyText] = useState('');
  const [replyAuthor, setReplyAuthor] = useState('');
  const [editing, setEditing] = useState(false);
  const [editText, setEditText] = useState(comment.text);
  // shown at once, confirmed (or reverted) by the main side
  const [resolved, setResolved] = useState(comment.resolved);
  useEffect(() => setResolved(comment.resolved), [comment.resolved]);
  const time =
    comment.endSeconds === null
      ? formatClock(comment.startSeconds)
      : `${formatClock(comment.startSeconds)} – ${formatClock(comment.endSeconds)}`;
  const run = (action: () => Promise<unknown>) => void action().catch(onError);

  function sendReply(event: FormEvent) {
    event.preventDefault();
    run(async () => {
      await api.call('comments.add', {
        recordingId: comment.recordingId,
        startSeconds: comment.startSeconds,
        parentId: comment.id,
        text: replyText,
        authorPersonId: replyAuthor ? Number(replyAuthor) : null,
      });
      setReplyText('');
      setReplying(false);
    });
  }

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    run(async () => {
      await api.call('comments.update', { id: comment.id, changes: { text: editText } });
      setEditing(false);
    });
  }

  return (
    <li
      {...rowProps}
      className={`comment ${resolved ? 'resolved' : ''} ${active ? 'active' : ''} ${selected ? 'selected' : ''}`}
      aria-label={`${time} ${comment.text}`}
      aria-current={selected ? 'true' : undefined}
      data-comment-id={comment.id}
    >
      <div className="comment-head">
        <button className="time-link" onClick={() => onSeek(comment.startSeconds)} aria-label={t('review.seekTo', { time })}>
          {time}
        </button>
        <strong>{comment.authorName}</strong>
        {comment.category && <span className="badge">{comment.category}</span>}
      </div>
      {editing ? (
        <form onSubmit={saveEdit} className="comment-edit">
          <textarea
            value={editText}
            onChange={(e) => setEditText(e.target.value)}
            aria-label={t('review.text')}
            rows={2}
            maxLength={2000}
          />
          <button type="submit" className="primary small">
            {t('project.save')}
          </button>
          <button type="button" className="small" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <p className="comment-text">
          {comment.text} {comment.edited && <span className="muted">{t('review.edited')}</span>}
        </p>
      )}
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <strong>{reply.authorName}</strong> : {reply.text}
            </li>
          ))}
        </ul>
      )}
      <div className="comment-actions">
        <button
          className="small"
          onClick={() => run(() => api.call('comments.react', { id: comment.id }))}
          aria-label={`${t('review.plusOne')} (${comment.plusOnes})`}
        >
          {t('review.plusOne')} {comment.plusOnes > 0 ? `(${comment.plusOnes})` : ''}
        </button>
        <label className="check small-check">
          <input
            type="checkbox"
            checked={comment.resolved}
            onChange={(e) => run(() => api.call('comments.update', { id: comment.id, changes: { resolved: e.target.checked } }))}
          />
          {t('review.resolved')}
        </label>
        <label className="check small-check">
          <input
            type="checkbox"
            checked={comment.isQuote}
            onChange={(e) => run(() => api.call('comments.update', { id: comment.id, changes: { isQuote: e.target.checked } }))}
          />
          {t('review.quote')}
        </label>
        {onMakeClip && comment.endSeconds !== null && (
          <button className="small" onClick={() => onMakeClip(comment.startSeconds, comment.endSeconds!)}>
            {t('clips.fromComment')}
          </button>
        )}
        <button className="small" onClick={() => setReplying((value) => !value)}>
          {t('review.reply')}
        </button>
        <button className="small" onClick={() => setEditing(true)}>
          {t('review.edit')}
        </button>
        <button
          className="small danger"
          onClick={() =>
            void confirm(t('review.deleteConfirm'), { danger: true, confirmLabel: t('common.delete') }).then((yes) =>
              yes ? run(() => api.call('comments.delete', { id: comment.id })) : undefined,
            )
          }
        >
          {t('review.delete')}
        </button>
      </div>
      {replying && (
        <form onSubmit={sendReply} className="reply-form">
          <span className="reply-author">
            <AuthorSelect
              id={`reply-author-${comment.id}`}
              label={t('review.replyAuthor')}
              value={replyAuthor}
              onChange={setReplyAuthor}
              people={people}
            />
          </span>
          <input
            value={replyText}
            onChange={(e) => setReplyText(e.target.value)}
            aria-label={t('review.replyText')}
            required
            maxLength={2000}
            autoFocus
          />
          <button type="submit" className="primary small">
            {t('review.send')}
          </button>
        </form>
      )}
    </li>
  );
});
