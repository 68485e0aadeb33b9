/**
 * The draft of a new comment: author, category, text, at the playhead or over the I/O
 * range. Held by the screen, so a draft survives a detour through group mode.
 */
import { useState, type FormEvent, type RefObject } from 'react';
import { api } from '../../api/client';
import { useSubmitOnce } from '../../app/useSubmitOnce';
import type { InOutRange } from './useInOutRange';
import { snapToFrame } from '../../../../src-shared/frameGrid';

export function useCommentComposer(
  recordingId: number,
  videoRef: RefObject<HTMLVideoElement | null>,
  { range, clear }: InOutRange,
  setError: (error: unknown) => void,
  frameRate: number,
) {
  const [authorId, setAuthorId] = useState<string>('');
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');

  const add = useSubmitOnce(async (idempotencyKey: string) => {
    setError(null);
    try {
      const start = range ? range.start : snapToFrame(videoRef.current?.currentTime ?? 0, frameRate);
      await api.call(
        'comments.add',
        {
          recordingId,
          startSeconds: start,
          endSeconds: range?.end ?? null,
          authorPersonId: authorId ? Number(authorId) : null,
          category,
          text,
        },
        { idempotencyKey },
      );
      setText('');
      clear();
    } catch (reason) {
      setError(reason);
    }
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run();
  }

  return { authorId, setAuthorId, category, setCategory, text, setText, submit, busy: add.busy };
}

export type CommentComposerState = ReturnType<typeof useCommentComposer>;
