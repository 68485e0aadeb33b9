/**
 * What the review screen shows, kept live: the recording with its project's people and
 * comment categories, and the rubric. The comments come by window and by change
 * (useCommentWindow), never as one whole list.
 */
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
  const { data: rubric } = useApiData(() => api.call('rubric.get', { recordingId }), [recordingId], ['recording']);

  return { base, loadError, rubric };
}
