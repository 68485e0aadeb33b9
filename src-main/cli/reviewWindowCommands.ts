/**
 * CLI verbs for the review screen's reads: the comments of a time window, the counts per
 * time bucket and category (the timeline), and the comments a change event names.
 */
import { parseTimecode } from '../../src-shared/time';
import { parseIdFlag, requireFlag, str } from './cliArgs';
import type { CliCommand } from './cliCommand';

const COMMENT_COLUMNS = ['id', 'parentId', 'startSeconds', 'endSeconds', 'authorName', 'category', 'text', 'resolved'];

export const REVIEW_WINDOW_COMMANDS: CliCommand[] = [
  {
    name: 'comments window',
    usage: 'comments window --recording <id> --from <time> --to <time> [--limit <n>]',
    summary: 'The threads starting between two times (with their replies), at most --limit (500)',
    flags: { recording: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } },
    method: 'comments.window',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      from: parseTimecode(requireFlag(str(flags, 'from'), 'from'), 'from'),
      to: parseTimecode(requireFlag(str(flags, 'to'), 'to'), 'to'),
      ...(str(flags, 'limit') !== undefined ? { limit: Number(str(flags, 'limit')) } : {}),
    }),
    columns: [],
  },
  {
    name: 'comments counts',
    usage: 'comments counts --recording <id> --bucket <seconds>',
    summary: 'How many threads start in each time bucket, per category (what the timeline draws)',
    flags: { recording: { type: 'string' }, bucket: { type: 'string' } },
    method: 'comments.counts',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      bucketSeconds: Number(requireFlag(str(flags, 'bucket'), 'bucket')),
    }),
    columns: [],
  },
  {
    name: 'comments get',
    usage: 'comments get --recording <id> --ids <id,id,…>',
    summary: 'The live comments among these ids (a deleted one is left out)',
    flags: { recording: { type: 'string' }, ids: { type: 'string' } },
    method: 'comments.byIds',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      ids: requireFlag(str(flags, 'ids'), 'ids')
        .split(',')
        .map((id) => parseIdFlag(id.trim(), 'ids')),
    }),
    columns: COMMENT_COLUMNS,
  },
  {
    name: 'comments to-complete',
    usage: 'comments to-complete --recording <id>',
    summary: 'The quick comments of group mode still holding only their category (À compléter)',
    flags: { recording: { type: 'string' } },
    method: 'comments.toComplete',
    toInput: (flags) => ({ recordingId: parseIdFlag(str(flags, 'recording'), 'recording') }),
    columns: COMMENT_COLUMNS,
  },
];
