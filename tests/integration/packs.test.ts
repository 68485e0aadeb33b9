import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, recoverUnfinishedWork, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord, Montage } from '../../src-shared/contract/schemas/editing';
import type { PackPreview, PackVerification } from '../../src-shared/contract/schemas/packs';
import type { Recording } from '../../src-shared/contract/schemas';
import { listFiles } from '../../src-main/platform/folderFiles';
import { sha256OfFile } from '../../src-main/platform/fileManifest';
import type { PackManifest } from '../../src-main/packs/packManifest';
import { makeFrameCodedVideo, probeStreams } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';
import { jobEnd, progressPast } from '../helpers/jobEvents';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-packs-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const people: Record<string, number> = {};
const clips: Record<string, Clip> = {};
const montages: Record<string, Montage> = {};
let projectId: number;
let built: { export: ExportRecord; dir: string };

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const source = makeFrameCodedVideo(root, 12);
  projectId = (
    await call<{ id: number }>('projects.create', {
      name: 'Témoignages Bretagne',
      kind: 'testimony-campaign',
      place: 'ERIC de Brest',
      description: 'Des jeunes en apprentissage racontent leur parcours.',
      withdrawalContact: 'eric-brest@example.org',
    })
  ).id;
  await call('sessions.create', { projectId, date: '2026-11-20' });
  const person = async (key: string, displayName: string, role: string, conditions: string[], refuse?: string) => {
    people[key] = (await call<{ id: number }>('people.add', { projectId, displayName, role })).id;
    for (const scope of ['recording', 'workshop', 'partners', 'elected', 'public']) {
      if (scope === refuse) await call('consent.set', { personId: people[key], scope, status: 'refused' });
      else await call('consent.set', { personId: people[key], scope, status: 'granted', method: 'signed-form', conditions });
    }
  };
  await person('samira', 'Samira Benali', 'young-person', ['first-name-only']);
  await person('karim', 'Karim Haddad', 'employer', [], 'elected');
  await person('lea', 'Léa Fontaine', 'young-person', []);
  const recordings: Record<string, Recording> = {};
  for (const key of ['samira', 'karim', 'lea']) {
    recordings[key] = await call<Recording>('recordings.importFile', {
      path: source,
      projectId,
      title: `Témoignage ${key}`,
      people: [{ personId: people[key] }],
    });
  }
  await call('subtitles.import', {
    recordingId: recordings.samira!.id,
    format: 'srt',
    content: '1\n00:00:02,000 --> 00:00:04,000\nJe voulais travailler avec mes mains.\n',
  });
  const quote = async (key: string, at: number, text: string) => {
    const comment = await call<{ id: number }>('comments.add', {
      recordingId: recordings[key]!.id,
      startSeconds: at,
      endSeconds: at + 1,
      text,
    });
    await call('comments.update', { id: comment.id, changes: { isQuote: true } });
  };
  await quote('samira', 2, 'J’ai trouvé ma voie dans la menuiserie');
  await quote('karim', 3, 'Nous recrutons trois apprentis par an');
  await quote('lea', 2, 'Mon tuteur m’a fait confiance');
  clips.samira = await call<Clip>('clips.create', {
    recordingId: recordings.samira!.id,
    name: 'Trouver sa voie',
    inSeconds: 1,
    outSeconds: 5,
    tags: ['Motivation'],
  });
  clips.karim = await call<Clip>('clips.create', {
    recordingId: recordings.karim!.id,
    name: 'Le regard employeur',
    inSeconds: 2,
    outSeconds: 6,
    tags: ['Recrutement'],
  });
  clips.lea = await call<Clip>('clips.create', {
    recordingId: recordings.lea!.id,
    name: 'La confiance',
    inSeconds: 1,
    outSeconds: 4,
    tags: ['Parcours'],
  });
  const montage = async (key: string, name: string, items: unknown[]) => {
    const created = await call<Montage>('montages.create', { projectId, name });
    montages[key] = await call<Montage>('montages.update', { id: created.id, changes: { items } });
  };
  await montage('short', 'Le film court', [
    { kind: 'title', text: 'Témoignages', seconds: 2 },
    { kind: 'clip', clipId: clips.samira.id },
  ]);
  await montage('withKarim', 'Le film complet', [
    { kind: 'clip', clipId: clips.samira.id },
    { kind: 'clip', clipId: clips.karim.id },
  ]);
}, 120_000);

afterAll(() => closeApiContext(ctx));

function pdfText(file: string): string {
  return String(execFileSync('pdftotext', ['-layout', file, '-']));
}

describe('restitution pack for elected officials', () => {
  it('previews what consent lets in, and what it leaves out and why', async () => {
    const preview = await call<PackPreview>('packs.preview', { projectId, audience: 'elected' });
    expect(preview.included.map((item) => item.name).sort()).toEqual(['La confiance', 'Le film court', 'Trouver sa voie']);
    expect(preview.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Le film complet',
          blockers: [{ displayName: 'Karim Haddad', reasons: [{ code: 'refused', scope: 'elected' }] }],
        }),
        expect.objectContaining({ name: 'Le regard employeur' }),
      ]),
    );
    expect(preview.quotes).toBe(2);
  });

  it('builds a pack in which a person who refused appears nowhere, and names appear as consented', async () => {
    const dir = path.join(root, 'pack-elus');
    const result = await call<{ export: ExportRecord }>('packs.build', {
      spec: { projectId, audience: 'elected' },
      destination: dir,
      zip: true,
      wait: true,
    });
    built = { export: result.export, dir };
    expect(result.export).toMatchObject({ kind: 'pack', audience: 'elected', outputPath: dir });
    const files = listFiles(dir);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'synthese.pdf', 'consentements.csv', 'manifest.json']));
    const videos = files.filter((file) => file.endsWith('.mp4'));
    expect(videos).toHaveLength(3);
    // subtitles: Samira's imported cue (her clip, the short film) and Léa's quote (her clip)
    expect(files.filter((file) => file.endsWith('.vtt'))).toHaveLength(3);
    for (const video of videos) {
      const codecs = probeStreams(path.join(dir, video)).map((s) => s.codec_name);
      expect(codecs.slice(0, 2)).toEqual(['h264', 'aac']);
      // a subtitle track inside the MP4 exactly when a .vtt sits beside it
      expect(codecs.includes('mov_text')).toBe(fs.existsSync(path.join(dir, video.replace(/\.mp4$/, '.vtt'))));
    }
    expect(fs.existsSync(`${dir}.zip`)).toBe(true);
    expect(fs.readdirSync(root).filter((name) => name.includes('.partial-'))).toEqual([]);

    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const pdf = pdfText(path.join(dir, 'synthese.pdf'));
    const csv = fs.readFileSync(path.join(dir, 'consentements.csv'), 'utf8');
    for (const text of [html, pdf, csv]) {
      expect(text).not.toMatch(/Karim|Haddad|Nous recrutons|Le regard employeur|Benali/);
    }
    expect(html).toContain('J’ai trouvé ma voie dans la menuiserie');
    expect(html).toMatch(/— Samira/);
    expect(html).toContain('<track kind="subtitles" srclang="fr"');
    expect(pdf).toMatch(/Thème : Motivation/);
    expect(pdf).toContain('Trouver sa voie');
    expect(pdf).toMatch(/3 participant|3 vidéo/);
    const rows = parseCsv(csv, { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.nom_affiche).sort()).toEqual(['Léa Fontaine', 'Samira']);
    expect(rows.every((row) => row.public_elected === 'accordé' && row.etre_filme === 'accordé')).toBe(true);
    expect(ctx.exports.personIds(result.export.id).sort()).toEqual([people.samira, people.lea].sort());

    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PackManifest;
    expect(manifest).toMatchObject({ audience: 'elected', project: { id: projectId, name: 'Témoignages Bretagne' } });
    expect(manifest.files.map((file) => file.path)).toEqual(files.filter((file) => file !== 'manifest.json'));
    for (const file of manifest.files) expect(await sha256OfFile(path.join(dir, file.path))).toBe(file.sha256);
  }, 120_000);

  it('verifies a fresh pack (folder and zip), and names the file after one byte changes or a file goes', async () => {
    expect(await call<PackVerification>('packs.verify', { exportId: built.export.id })).toMatchObject({ ok: true, problems: [] });
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: repo, encoding: 'utf8' });
    const zipCheck = cli('pack', 'verify', `${built.dir}.zip`, '--json');
    expect(zipCheck.status).toBe(0);
    expect(JSON.parse(zipCheck.stdout)).toMatchObject({ ok: true });

    const copy = path.join(root, 'tampered');
    fs.cpSync(built.dir, copy, { recursive: true });
    const video = listFiles(copy).find((file) => file.endsWith('.mp4'))!;
    const bytes = fs.readFileSync(path.join(copy, video));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(path.join(copy, video), bytes);
    fs.rmSync(path.join(copy, 'consentements.csv'));
    fs.writeFileSync(path.join(copy, 'notes.txt'), 'ajouté');
    const tampered = cli('pack', 'verify', copy, '--json');
    expect(tampered.status).toBe(1);
    expect(JSON.parse(tampered.stdout).problems).toEqual([
      { path: 'consentements.csv', problem: 'missing' },
      { path: video, problem: 'altered' },
      { path: 'notes.txt', problem: 'extra' },
    ]);
    const human = cli('pack', 'verify', copy);
    expect(human.status).toBe(1);
    expect(human.stdout).toContain(video);
  }, 60_000);

  it('a withdrawal flags the pack; the rebuilt pack leaves the person out', async () => {
    await call('consent.set', { personId: people.lea, scope: 'elected', status: 'withdrawn', reason: 'ne souhaite plus' });
    const flagged = ctx.exports.get(built.export.id);
    expect(flagged.flaggedAt).not.toBeNull();
    const dir = path.join(root, 'pack-elus-corrige');
    const rebuilt = await call<{ export: ExportRecord }>('packs.rebuild', { exportId: built.export.id, destination: dir, wait: true });
    expect(rebuilt.export.id).not.toBe(built.export.id);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/Léa|La confiance|Mon tuteur/);
    expect(html).toContain('Trouver sa voie');
    expect(ctx.exports.personIds(rebuilt.export.id)).toEqual([people.samira]);
  }, 120_000);

  it('cancelling a build leaves no folder, no partial folder, no zip and no record', async () => {
    const dir = path.join(root, 'pack-cancelled');
    const before = ctx.exports.list(projectId).length;
    const progressed = progressPast(ctx, 'pack', 0.05);
    const finished = jobEnd(ctx, 'pack');
    const { jobId } = await call<{ jobId: string }>('packs.build', {
      spec: { projectId, audience: 'workshop' },
      destination: dir,
      zip: true,
    });
    expect(await progressed).toBe(jobId);
    await call('jobs.cancel', { jobId });
    expect(await finished).toBe('cancelled');
    expect(fs.readdirSync(root).filter((name) => name.startsWith('pack-cancelled'))).toEqual([]);
    expect(ctx.exports.list(projectId)).toHaveLength(before);
  }, 60_000);

  it('refuses to write into a folder that is not empty, and start-up recovery removes partial packs', async () => {
    const busy = path.join(root, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'x');
    await expect(call('packs.build', { spec: { projectId, audience: 'workshop' }, destination: busy, wait: true })).rejects.toMatchObject({
      code: 'conflict',
      field: 'destination',
    });
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);
    const packs = path.join(ctx.library.dir, 'exports', 'packs');
    fs.mkdirSync(path.join(packs, '2026-11-23-x-elected.partial-deadbeef', 'videos'), { recursive: true });
    fs.writeFileSync(path.join(packs, '2026-11-23-x-elected.partial-0badf00d.zip'), 'half');
    expect(recoverUnfinishedWork(ctx).partialExportsRemoved).toBe(2);
    expect(fs.readdirSync(packs)).toEqual([]);
  });
});
