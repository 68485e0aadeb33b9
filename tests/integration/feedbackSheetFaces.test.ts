// Issue 18 §3, the feedback sheet: a candidate whose workshop consent asks for a blurred face gets
// pictures of the commented moments once her face tracks are reviewed, her face pixelated in each
// (as tracked blur does it, from faceStillFilter) and the recruiter's face left as it is; without the
// analysis there are no pictures at all, as before. The pictures are pulled out of the real PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { makeTempDir } from '../helpers/tempDir';
import { binaries } from '../helpers/media';
import { detailIn, innerRect, makeFaceVideo, type FaceVideo, type Rect } from '../helpers/faceVideos';

const root = makeTempDir('eric-sheet-faces-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let video: FaceVideo;
let ines: number;
let marc: number;
let analysed: Recording;
let notAnalysed: Recording;

/** Sheet pictures are 180 pixels high: half the source's 360. */
const PW = 320;
const PH = 180;
const K = PH / 360;
const MOMENTS = [1, 2.5, 4.2];

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  video = makeFaceVideo(root, 'entretien.mp4', [
    { x: '120+25*t', y: '30', size: '150', at: (t) => ({ x: 120 + 25 * t, y: 30, size: 150 }) },
    { x: '430', y: '190', size: '130', at: () => ({ x: 430, y: 190, size: 130 }) },
  ]);
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier entretiens', kind: 'interview-workshop' })).id;
  ines = (await call<{ id: number }>('people.add', { projectId, displayName: 'Inès Moreau', role: 'job-seeker' })).id;
  marc = (await call<{ id: number }>('people.add', { projectId, displayName: 'Marc Dupuis', role: 'employer' })).id;
  for (const scope of ['recording', 'workshop']) {
    const conditions = scope === 'workshop' ? ['face-blurred'] : [];
    await call('consent.set', { personId: ines, scope, status: 'granted', method: 'signed-form', conditions });
    await call('consent.set', { personId: marc, scope, status: 'granted', method: 'signed-form' });
  }
  const take = (title: string) =>
    call<Recording>('recordings.importFile', {
      path: video.file,
      projectId,
      kind: 'interview',
      title,
      people: [
        { personId: ines, part: 'candidate' },
        { personId: marc, part: 'recruiter' },
      ],
    });
  analysed = await take('Entretien analysé');
  notAnalysed = await take('Entretien sans analyse');
  for (const recording of [analysed, notAnalysed]) {
    const texts = ['Bon contact visuel', 'Parler plus lentement', 'Belle conclusion'];
    for (const [i, startSeconds] of MOMENTS.entries()) {
      await call('comments.add', {
        recordingId: recording.id,
        startSeconds,
        category: i === 1 ? 'À améliorer' : 'Point fort',
        text: texts[i],
        authorPersonId: marc,
      });
    }
  }
  await call('faces.analyse', { recordingId: analysed.id, wait: true });
}, 180_000);

afterAll(() => closeApiContext(ctx));

const sheetFile = (assetId: number) => ctx.library.mediaAssets.resolve(assetId).absolutePath;
const pictureCount = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).length;
const scaled = (r: Rect): Rect => ({ x: Math.round(r.x * K), y: Math.round(r.y * K), w: Math.round(r.w * K), h: Math.round(r.h * K) });
const gray = (file: string, seek?: number) =>
  execFileSync(binaries.ffmpeg, [
    '-v',
    'error',
    ...(seek === undefined ? [] : ['-ss', seek.toFixed(3)]),
    '-i',
    file,
    '-frames:v',
    '1',
    '-vf',
    `scale=-2:${PH},scale=${PW}:${PH},format=gray`,
    '-f',
    'rawvideo',
    '-',
  ]);

describe('feedback sheet pictures of a face-blurred candidate', () => {
  it('without the faces analysed: no pictures (tracking cannot vouch)', async () => {
    const sheet = await call<{ assetId: number }>('feedback.sheet', { recordingId: notAnalysed.id });
    expect(pictureCount(sheetFile(sheet.assetId))).toBe(0);
    // the tracks not reviewed yet: no pictures either
    const unreviewed = await call<{ assetId: number }>('feedback.sheet', { recordingId: analysed.id });
    expect(pictureCount(sheetFile(unreviewed.assetId))).toBe(0);
  });

  it('with her tracks reviewed: a picture per moment, her face pixelated in each, the recruiter’s untouched', async () => {
    const view = await call<FaceTracksView>('faces.tracks', { recordingId: analysed.id });
    for (const track of view.tracks) {
      const box = track.boxes[Math.floor(track.boxes.length / 2)]!;
      await call('faces.assign', { trackId: track.id, personId: box.y < 0.4 ? ines : marc });
    }
    const sheet = await call<{ assetId: number; exportId: number }>('feedback.sheet', { recordingId: analysed.id });
    const file = sheetFile(sheet.assetId);
    expect(pictureCount(file)).toBe(MOMENTS.length);
    // the people in the pictures are in the register (Inès shown blurred is shown, with her conditions)
    expect(ctx.exports.personIds(sheet.exportId)).toEqual([ines, marc].sort((a, b) => a - b));

    const out = path.join(root, 'pictures');
    fs.mkdirSync(out);
    execFileSync('pdfimages', ['-j', file, path.join(out, 'p')]);
    const pictures = fs
      .readdirSync(out)
      .filter((name) => name.endsWith('.jpg'))
      .sort();
    expect(pictures).toHaveLength(MOMENTS.length);
    for (const [i, name] of pictures.entries()) {
      const t = MOMENTS[i]!;
      const picture = gray(path.join(out, name));
      const raw = gray(video.file, t);
      const face = innerRect(scaled(video.faceAt(0, t)!), 0.12);
      const other = innerRect(scaled(video.faceAt(1, t)!), 0.15);
      expect(detailIn(picture, PW, face), `${name} (${t} s): Inès’s face keeps its detail`).toBeLessThan(detailIn(raw, PW, face) * 0.6);
      expect(detailIn(picture, PW, other), `${name}: Marc’s face was blurred`).toBeGreaterThan(detailIn(raw, PW, other) * 0.7);
    }
    if (process.env.FACES_DEBUG) {
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(process.env.FACES_DEBUG, 'fiche')]);
    }
  }, 120_000);
});
