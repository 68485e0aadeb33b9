// Every PDF the app writes is tagged for screen readers: the consent form, the feedback sheet,
// the pack's synthesis and the recall letter. Each is read back with poppler: tagged, French
// title shown, a structure that starts with the title (H1), headings in it, each picture a
// Figure with words, and every word of the page inside the structure (nothing left untagged).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { Recording } from '../../src-shared/contract/schemas';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-tagged-pdfs-');
const clock = { now: '2026-11-20T10:00:00.000Z' };
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const pdfs: Record<string, string> = {};

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true, now: () => clock.now });
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Paroles d’apprentis', kind: 'testimony-campaign' })).id;
  const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa Martin', role: 'young-person' })).id;
  for (const scope of ['recording', 'workshop', 'elected'])
    await call('consent.set', { personId: lea, scope, status: 'granted', method: 'signed-form', decidedOn: '2026-11-20' });
  const recording = await call<Recording>('recordings.importFile', {
    path: makeTestVideo(root, 'lea.mp4', 4),
    projectId,
    title: 'Témoignage de Léa',
    people: [{ personId: lea, part: 'apprentie' }],
  });
  await call('comments.add', { recordingId: recording.id, startSeconds: 1, text: 'Très claire sur son parcours', category: 'Point fort' });
  await call('clips.create', { recordingId: recording.id, name: 'Mon métier', inSeconds: 0.5, outSeconds: 3, tags: ['Parcours'] });
  const resolve = (assetId: number) => ctx.library.mediaAssets.resolve(assetId).absolutePath;
  pdfs.form = resolve((await call<{ assetId: number }>('consent.form', { personId: lea })).assetId);
  pdfs.sheet = resolve((await call<{ assetId: number }>('feedback.sheet', { recordingId: recording.id })).assetId);
  const pack = (
    await call<{ export: ExportRecord }>('packs.build', {
      spec: { projectId, audience: 'elected' },
      destination: path.join(root, 'pack'),
      wait: true,
    })
  ).export;
  pdfs.synthesis = path.join(root, 'pack', 'synthese.pdf');
  const recipient = await call<{ id: number }>('exports.addRecipient', {
    exportId: pack.id,
    name: 'Service Jeunesse',
    givenOn: '2026-11-20',
  });
  clock.now = '2026-11-23T10:00:00.000Z';
  await call('consent.set', { personId: lea, scope: 'elected', status: 'withdrawn', decidedOn: '2026-11-23' });
  pdfs.letter = resolve(
    (await call<{ assetId: number }>('exports.recallLetter', { exportId: pack.id, recipientId: recipient.id })).assetId,
  );
}, 300_000);

afterAll(() => closeApiContext(ctx));

const words = (text: string) => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);

describe.each([
  ['form', 'Autorisation de filmer', 0],
  ['sheet', 'Fiche de retour', 1],
  ['synthesis', 'Paroles d’apprentis — synthèse', 1],
  ['letter', null, 0],
] as const)('the %s PDF', (key, title, figures) => {
  it('is tagged, in French, shows its title, reads in order from an H1, and leaves no word outside its structure', () => {
    const file = pdfs[key]!;
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    if (title) expect(info).toContain(`Title:           ${title}`);
    const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    const lines = structure.split('\n');
    expect(lines[0]).toBe('Document');
    if (key === 'letter') {
      // a letter reads its letterhead, date and addressee first, then its subject as the title
      const h1 = lines.findIndex((line) => /^\s+H1 \(block\)/.test(line));
      expect(lines[h1 + 1]).toMatch(/Objet : /);
    } else expect(lines.find((line) => /^\s+[A-Z][A-Za-z0-9]* \(block\)/.test(line))).toMatch(/^\s+H1 \(block\)/);
    if (key === 'sheet' || key === 'synthesis') expect(structure).toMatch(/^\s+H2 \(block\)/m);
    expect((structure.match(/^\s+Figure/gm) ?? []).length).toBeGreaterThanOrEqual(figures);
    const page = words(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    const tagged = words(structure);
    const outside = [...page].filter((word) => !tagged.has(word));
    expect(outside).toEqual([]);
    if (key === 'synthesis') expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).not.toMatch(/0 séance/); // no session here
    // the language of the document is French (the catalog's /Lang)
    expect(execFileSync('strings', [file], { encoding: 'latin1' })).toMatch(/\/Lang \(fr-FR\)/);
  });
});
