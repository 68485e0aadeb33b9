/**
 * The API methods a CLI command may run on a library another process holds (the app
 * or browser mode during a take): they only read, so the CLI opens SQLite read-only
 * for them instead of refusing. Anything not listed takes the library's lock.
 */
import type { ApiMethodName } from '../../src-shared/contract/names';

export const READ_ONLY_METHODS: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>([
  'system.info',
  'projects.list',
  'projects.get',
  'sessions.list',
  'sessions.get',
  'people.list',
  'people.appearances',
  'recordings.list',
  'recordings.get',
  'consent.show',
  'comments.list',
  'comments.history',
  'clips.list',
  'montages.list',
  'montages.get',
  'subtitles.list',
  'exports.list',
  'exports.recipients',
  'search',
]);
