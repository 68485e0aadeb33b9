// After an erasure, recordings that showed the erased person with someone else are "à revoir"
// and nothing of them may leave the library (issue #14, point 4). Each of the three ways out
// is taken through the API and through the CLI: cut the person out (only the kept passages,
// which become clips, may be exported), confirm they do not appear (who and why required),
// delete the recording (rows and files). After "cut out", the export of the kept part is
// searched byte by byte — the MP4, its mov_text track, the .vtt beside it, the file names —
// for the erased person's names; the audit rows carry ids and counts, never a name.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import type { Clip, ExportRecord, RenderCheck } from '../../src-shared/contract/schemas/editing';
import { binaries, makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-erasure-review-');
const dir = path.join(root, 'library');
const NEEDLES = ['zephyrine', 'quillard'];
const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const namesIn = (text: string) => NEEDLES.filter((needle) => fold(text).includes(needle));

let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const rejection = (method: string, input: unknown) =>
  call(method, input).then(
    () => null,
    (error: unknown) => error,
  );
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', dir, '--json'], {
    cwd: repo,
    encoding: 'utf8',
  });

let projectId: number;
let zephyrine: number;
let marc: number;
const recordings: Record<string, Recording> = {};

beforeAll(async () => {
  ctx = createApiContext(dir, 'http', { trusted: true });
  projectId = (await call<{ id: number }>('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).id;
  const person = async (displayName: string) => {
    const id = (await call<{ id: number }>('people.add', { projectId, displayName, role: 'young-person' })).id;
    for (const scope of ['recording', 'workshop', 'partners'])
      await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form' });
    return id;
  };
  zephyrine = await person('Zéphyrine Quillard');
  marc = await person('Marc Lebrun');
  const video = makeTestVideo(root, 'duo.mp4', 4);
  for (const key of ['apiCut', 'apiAbsent', 'apiDelete', 'cliCut', 'cliAbsent', 'cliDelete']) {
    recordings[key] = await call<Recording>('recordings.importFile', {
      path: video,
      projectId,
      title: `Zéphyrine et Marc ${key}`,
      people: [{ personId: zephyrine }, { personId: marc }],
    });
  }
  for (const key of ['apiCut', 'cliCut']) {
    await call('subtitles.import', {
      recordingId: recordings[key]!.id,
      format: 'srt',
      content:
        '1\n00:00:00,200 --> 00:00:01,500\nBonjour, je suis Zéphyrine Quillard\n\n2\n00:00:02,200 --> 00:00:03,200\nQuillard raconte son stage avec Marc\n',
    });
    await call('comments.add', { recordingId: recordings[key]!.id, startSeconds: 2.5, text: 'Zéphyrine parle bien', authorPersonId: marc });
  }
  await call('people.erase', { personId: zephyrine, actor: 'Animatrice', reason: 'demande d’effacement' });
  for (const key of Object.keys(recordings)) recordings[key] = await call<Recording>('recordings.get', { id: recordings[key]!.id });
}, 180_000);

afterAll(() => {
  if (ctx.library.db.open) closeApiContext(ctx);
});

const rangeCheck = (recordingId: number, fromSeconds: number, toSeconds: number) =>
  call<RenderCheck>('render.check', { target: { kind: 'range', recordingId, fromSeconds, toSeconds }, audience: 'workshop' });

describe('a mixed recording after an erasure', () => {
  it('is flagged, and nothing of it can be exported until someone decides', async () => {
    for (const recording of Object.values(recordings)) expect(recording.needsReview).not.toBeNull();
    const check = await rangeCheck(recordings.apiCut!.id, 2, 3.5);
    expect(check.allowed).toBe(false);
    expect(check.recordingProblems).toEqual([expect.objectContaining({ recordingId: recordings.apiCut!.id, problem: 'needs-review' })]);
  });

  it('API, cut out: the kept passages become clips, the only exportable parts; the export holds no name of the erased person', async () => {
    const id = recordings.apiCut!.id;
    // overlapping passages and passages past the end are refused, nothing changes
    expect(
      await rejection('recordings.resolveReview', {
        recordingId: id,
        resolution: 'cut-out',
        keep: [
          { fromSeconds: 2, toSeconds: 3 },
          { fromSeconds: 2.5, toSeconds: 3.5 },
        ],
      }),
    ).toMatchObject({ code: 'invalid-input' });
    expect(
      await rejection('recordings.resolveReview', { recordingId: id, resolution: 'cut-out', keep: [{ fromSeconds: 2, toSeconds: 60 }] }),
    ).toMatchObject({ code: 'invalid-input', field: 'keep.0' });
    expect(await rejection('recordings.resolveReview', { recordingId: id, resolution: 'cut-out' })).toMatchObject({
      code: 'invalid-input',
      field: 'keep',
    });

    const result = await call<{ recordingId: number; resolution: string; clipIds: number[] }>('recordings.resolveReview', {
      recordingId: id,
      resolution: 'cut-out',
      keep: [{ fromSeconds: 2, toSeconds: 3.5 }],
      actor: 'Animatrice',
    });
    expect(result).toMatchObject({ recordingId: id, resolution: 'cut-out', clipIds: [expect.any(Number)] });
    const recording = await call<Recording>('recordings.get', { id });
    expect(recording).toMatchObject({
      needsReview: null,
      reviewResolution: 'cut-out',
      keptRanges: [{ fromSeconds: 2, toSeconds: 3.5, clipId: result.clipIds[0] }],
    });
    const clip = (await call<Clip[]>('clips.list', { recordingId: id })).find((c) => c.id === result.clipIds[0])!;
    expect(clip).toMatchObject({ name: 'Partie gardée n° 1', inSeconds: 2, outSeconds: 3.5 });

    // outside the kept passage: refused, and says why
    for (const [from, to] of [
      [0, 1.5],
      [1.5, 3],
    ] as const) {
      const outside = await rangeCheck(id, from, to);
      expect(outside.allowed).toBe(false);
      expect(outside.recordingProblems).toEqual([expect.objectContaining({ problem: 'outside-kept-part' })]);
    }
    await expect(
      call('render.start', { target: { kind: 'range', recordingId: id, fromSeconds: 0, toSeconds: 3 }, audience: 'workshop', wait: true }),
    ).rejects.toMatchObject({ code: 'consent-refused', message: expect.stringMatching(/seules ses parties gardées peuvent sortir/) });
    expect((await rangeCheck(id, 2.2, 3.4)).allowed).toBe(true);

    // the kept part goes out, subtitles and all
    const { export: record } = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'clip', clipId: clip.id },
      audience: 'workshop',
      options: { lowerThirds: true },
      wait: true,
    });
    const video = ctx.library.mediaAssets.resolve(record.assetId!).absolutePath;
    const vtt = video.replace(/\.mp4$/, '.vtt');
    const track = execFileSync(binaries.ffmpeg, ['-v', 'error', '-i', video, '-map', '0:s:0', '-f', 'srt', '-'], { encoding: 'utf8' });
    expect(track).toContain('raconte son stage avec Marc');
    const seen: Array<[string, string]> = [
      ['mp4 bytes (latin1)', fs.readFileSync(video).toString('latin1')],
      ['mp4 bytes (utf8)', fs.readFileSync(video).toString('utf8')],
      ['mp4 strings', String(execFileSync('strings', ['-a', '-n', '4', video]))],
      ['ffprobe tags', execFileSync(binaries.ffprobe, ['-v', 'error', '-show_format', '-show_streams', video], { encoding: 'utf8' })],
      ['mov_text track', track],
      ['vtt', fs.readFileSync(vtt, 'utf8')],
      ['file names', fs.readdirSync(path.dirname(video)).join('\n')],
      ['export label', JSON.stringify(await call('exports.list', { projectId }))],
    ];
    for (const [where, text] of seen) expect(namesIn(text), where).toEqual([]);
  }, 120_000);

  it('API, confirmed absent: needs who and why; then the flag clears and the whole recording may go out', async () => {
    const id = recordings.apiAbsent!.id;
    expect(
      await rejection('recordings.resolveReview', { recordingId: id, resolution: 'confirmed-absent', actor: 'Animatrice' }),
    ).toMatchObject({
      code: 'invalid-input',
      field: 'reason',
    });
    expect(
      await call('recordings.resolveReview', {
        recordingId: id,
        resolution: 'confirmed-absent',
        actor: 'Animatrice',
        reason: 'vérifié image par image : hors champ',
      }),
    ).toEqual({ recordingId: id, resolution: 'confirmed-absent' });
    expect(await call<Recording>('recordings.get', { id })).toMatchObject({ needsReview: null, reviewResolution: 'confirmed-absent' });
    expect((await rangeCheck(id, 0, 3)).allowed).toBe(true);
    // decided once: asking again is a conflict
    expect(await rejection('recordings.resolveReview', { recordingId: id, resolution: 'deleted' })).toMatchObject({ code: 'conflict' });
  });

  it('API, deleted: rows and files go', async () => {
    const recording = recordings.apiDelete!;
    const folder = path.dirname(ctx.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath);
    expect(await call('recordings.resolveReview', { recordingId: recording.id, resolution: 'deleted', actor: 'Animatrice' })).toEqual({
      recordingId: recording.id,
      resolution: 'deleted',
    });
    await expect(call('recordings.get', { id: recording.id })).rejects.toMatchObject({ code: 'not-found' });
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('CLI: cut out with --keep, confirmed absent with --actor and --reason, deleted; each logged without a name', async () => {
    closeApiContext(ctx); // the CLI is another process on the same library

    const cut = cli(
      'recordings',
      'resolve-review',
      '--recording',
      String(recordings.cliCut!.id),
      '--resolution',
      'cut-out',
      '--keep',
      '00:00:02-00:00:03.500',
    );
    expect(cut.stderr).toBe('');
    expect(JSON.parse(cut.stdout)).toMatchObject({
      recordingId: recordings.cliCut!.id,
      resolution: 'cut-out',
      clipIds: [expect.any(Number)],
    });

    const withoutReason = cli(
      'recordings',
      'resolve-review',
      '--recording',
      String(recordings.cliAbsent!.id),
      '--resolution',
      'confirmed-absent',
    );
    expect(withoutReason.status).toBe(2);
    expect(withoutReason.stderr).toMatch(/qui confirme/);
    const absent = cli(
      'recordings',
      'resolve-review',
      '--recording',
      String(recordings.cliAbsent!.id),
      '--resolution',
      'confirmed-absent',
      '--actor',
      'Karim',
      '--reason',
      'elle est hors champ',
    );
    expect(absent.stderr).toBe('');
    expect(absent.status).toBe(0);
    const deleted = cli('recordings', 'resolve-review', '--recording', String(recordings.cliDelete!.id), '--resolution', 'deleted');
    expect(deleted.stderr).toBe('');
    expect(deleted.status).toBe(0);

    ctx = createApiContext(dir, 'http', { trusted: true });
    expect(await call<Recording>('recordings.get', { id: recordings.cliCut!.id })).toMatchObject({
      needsReview: null,
      reviewResolution: 'cut-out',
      keptRanges: [{ fromSeconds: 2, toSeconds: 3.5 }],
    });
    expect(await call<Recording>('recordings.get', { id: recordings.cliAbsent!.id })).toMatchObject({ needsReview: null });
    await expect(call('recordings.get', { id: recordings.cliDelete!.id })).rejects.toMatchObject({ code: 'not-found' });

    const log = ctx.library.db
      .prepare("SELECT person_id, change, actor, reason FROM consent_audit WHERE action = 'review-resolved' ORDER BY id")
      .all() as Array<{ person_id: number | null; change: string; actor: string | null; reason: string | null }>;
    expect(log.map((entry) => [JSON.parse(entry.change).recordingId, JSON.parse(entry.change).resolution, entry.actor])).toEqual([
      [recordings.apiCut!.id, 'cut-out', 'Animatrice'],
      [recordings.apiAbsent!.id, 'confirmed-absent', 'Animatrice'],
      [recordings.apiDelete!.id, 'deleted', 'Animatrice'],
      [recordings.cliCut!.id, 'cut-out', 'cli'],
      [recordings.cliAbsent!.id, 'confirmed-absent', 'Karim'],
      [recordings.cliDelete!.id, 'deleted', 'cli'],
    ]);
    expect(JSON.parse(log[0]!.change)).toEqual({
      recordingId: recordings.apiCut!.id,
      resolution: 'cut-out',
      keptRanges: 1,
      keptSeconds: 1.5,
      clipIds: [expect.any(Number)],
    });
    for (const entry of log) {
      expect(entry.person_id).toBeNull();
      expect(namesIn(JSON.stringify(entry))).toEqual([]);
    }
  }, 120_000);

  it('a second erasure can only narrow what was kept', async () => {
    const id = recordings.cliCut!.id;
    const otherId = (await call<{ id: number }>('people.add', { projectId, displayName: 'Paul Verne', role: 'tutor' })).id;
    await call('recordings.linkPerson', { recordingId: id, personId: otherId });
    await call('people.erase', { personId: otherId });
    expect((await call<Recording>('recordings.get', { id })).needsReview).not.toBeNull();
    expect(
      await rejection('recordings.resolveReview', { recordingId: id, resolution: 'cut-out', keep: [{ fromSeconds: 0, toSeconds: 3 }] }),
    ).toMatchObject({ code: 'invalid-input', field: 'keep.0' });
    // confirming the new person absent keeps the earlier cut: the first erased person stays out
    await call('recordings.resolveReview', { recordingId: id, resolution: 'confirmed-absent', actor: 'Karim', reason: 'hors champ' });
    expect(await call<Recording>('recordings.get', { id })).toMatchObject({ needsReview: null, reviewResolution: 'cut-out' });
    expect((await rangeCheck(id, 0, 1.5)).allowed).toBe(false);
  });
});
