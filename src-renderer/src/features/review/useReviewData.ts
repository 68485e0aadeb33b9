/**
 * What the review screen shows, kept live: the recording with its project's people and
 * comment categories, the comments (threads in time order, replies by thread), the rubric.
 */
import { useMemo } from 'react';
import type { Comment } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { useApiData } from '../../app/useApiData';

export function useReviewData(recordingId: number) {
  const { data: base, error: loadError } = useApiData(
    async () => {
      const recording = await api.call('recordings.get', { id: recordingId });
      const [people, categories] = await Promise.all([
        api.call('people.list', { projectId: recording.projectId }),
        api.call('categories.list', { projectId: recording.projectId }),
      ]);
      return { recording, people, categories };
    },
    [recordingId],
    ['recording', 'person', 'project', 'marker'],
  );
  const { data: comments } = useApiData(() => api.call('comments.list', { recordingId }), [recordingId], ['comment', 'person']);
  const { data: rubric } = useApiData(() => api.call('rubric.get', { recordingId }), [recordingId], ['recording']);

  const threads = useMemo(() => (comments ?? []).filter((comment) => comment.parentId === null), [comments]);
  const repliesOf = useMemo(() => {
    const map = new Map<number, Comment[]>();
    for (const comment of comments ?? [])
      if (comment.parentId !== null) map.set(comment.parentId, [...(map.get(comment.parentId) ?? []), comment]);
    return map;
  }, [comments]);

  return { base, loadError, rubric, threads, repliesOf };
}
