/**
 * CLI verbs of faces: analyse a recording (waits for the job, prints progress), list its
 * tracks, say whose face a track is (a person linked to the recording, or "inconnu"),
 * and merge tracks of one person by hand.
 */
import { parseIdFlag, list, str } from './cliArgs';
import type { CliCommand } from './cliCommand';
import type { FaceTracksView } from '../../src-shared/contract/schemas/faces';

const TRACK_COLUMNS = ['id', 'recordingId', 'firstSeconds', 'lastSeconds', 'assignment', 'personId', 'boxes'];
/** A table row: the number of boxes instead of the boxes, no picture. */
const row = (track: FaceTracksView['tracks'][number]) => ({
  ...track,
  boxes: track.boxes.length,
  thumbnail: track.thumbnail ? 'jpeg' : null,
});

export const FACE_COMMANDS: CliCommand[] = [
  {
    name: 'faces analyse',
    usage: 'faces analyse --recording <id>',
    summary: 'Find the faces of a recording and link them into tracks (detection only, no recognition)',
    flags: { recording: { type: 'string' } },
    method: 'faces.analyse',
    toInput: (flags) => ({ recordingId: parseIdFlag(str(flags, 'recording'), 'recording'), wait: true }),
    columns: ['recordingId', 'tracks', 'analysedFrames', 'seconds'],
    showsProgress: true,
    afterResult: (result) => (result as { result: unknown }).result,
  },
  {
    name: 'faces list',
    usage: 'faces list --recording <id>',
    summary: 'The face tracks of a recording and whose face each one is',
    flags: { recording: { type: 'string' } },
    method: 'faces.tracks',
    toInput: (flags) => ({ recordingId: parseIdFlag(str(flags, 'recording'), 'recording') }),
    columns: TRACK_COLUMNS,
    afterResult: (result, flags) => (flags.json ? result : (result as FaceTracksView).tracks.map(row)),
  },
  {
    name: 'faces assign',
    usage: 'faces assign --track <id> (--person <id> | --unknown)',
    summary: 'Say whose face a track is: a person linked to the recording, or "inconnu"',
    flags: { track: { type: 'string' }, person: { type: 'string' }, unknown: { type: 'boolean' } },
    method: 'faces.assign',
    toInput: (flags) => ({
      trackId: parseIdFlag(str(flags, 'track'), 'track'),
      personId: flags.unknown ? null : parseIdFlag(str(flags, 'person'), 'person'),
    }),
    columns: TRACK_COLUMNS,
    afterResult: (result, flags) => (flags.json ? result : row(result as FaceTracksView['tracks'][number])),
  },
  {
    name: 'faces merge',
    usage: 'faces merge --track <id> --track <id>…',
    summary: 'Join tracks of the same face into one (by hand: there is no recognition)',
    flags: { track: { type: 'string', multiple: true } },
    method: 'faces.merge',
    toInput: (flags) => ({ trackIds: list(flags, 'track').map((id) => parseIdFlag(id, 'track')) }),
    columns: TRACK_COLUMNS,
    afterResult: (result, flags) => (flags.json ? result : row(result as FaceTracksView['tracks'][number])),
  },
];
