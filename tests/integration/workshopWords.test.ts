/**
 * Issue 16 §6–§7 read back from the outputs: one save for several consent scopes (one
 * transaction), the feedback sheet (the session's date, one page for a short sheet, no
 * "Voix : Voix", bullets that keep their indent), the pack page and synthesis (counts of
 * what is in the pack, plurals, one pair of guillemets, no jargon in the main part), and
 * the names of downloads, pack videos and zip entries — never a no-name person's name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { AuditEntry, PersonConsent, Recording } from '../../src-shared/contract/schemas';
import { readZipEntries } from '../../src-main/packs/packZip';
import { listFiles } from '../../src-main/platform/folderFiles';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-words-');
/** Copies kept for a person to look at (pdftoppm → PNG). */
const results = path.resolve(__dirname, '../../test-results');
fs.mkdirSync(results, { recursive: true });
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

beforeAll(() => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
});
afterAll(() => closeApiContext(ctx));

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const ALL_SCOPES = ['recording', 'workshop', 'partners', 'elected', 'public'] as const;

describe('consent of several scopes in one save (consent.setMany)', () => {
  it('saves every scope in one call, one audit row each; a refused change undoes them all and names scope and field', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier', kind: 'interview-workshop' })).id;
    const personId = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa Martin', role: 'job-seeker' })).id;
    const saved = await call<{ consent: PersonConsent }>('consent.setMany', {
      personId,
      changes: [
        { scope: 'recording', status: 'granted', method: 'signed-form' },
        { scope: 'workshop', status: 'granted', method: 'signed-form', conditions: ['first-name-only'] },
        { scope: 'elected', status: 'refused' },
      ],
      actor: 'Karim',
      reason: 'formulaire du jour',
    });
    const byScope = Object.fromEntries(saved.consent.scopes.map((view) => [view.scope, view]));
    expect(byScope.recording).toMatchObject({ status: 'granted', method: 'signed-form', recorded: true });
    expect(byScope.workshop).toMatchObject({ status: 'granted', conditions: ['first-name-only'] });
    expect(byScope.elected).toMatchObject({ status: 'refused', recorded: true });
    expect(byScope.public).toMatchObject({ recorded: false });
    const sets = saved.consent.history.filter((entry: AuditEntry) => entry.action === 'set');
    expect(sets.map((entry) => entry.scope)).toEqual(['recording', 'workshop', 'elected']);
    expect(sets.every((entry) => entry.actor === 'Karim' && entry.reason === 'formulaire du jour')).toBe(true);

    // the second change lacks the way consent was given: nothing of the call is kept
    const error = await call('consent.setMany', {
      personId,
      changes: [
        { scope: 'partners', status: 'granted', method: 'signed-form' },
        { scope: 'public', status: 'granted' },
      ],
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-input', field: 'changes.1.method' });
    expect((error as Error).message).toMatch(/^Accord pour le public : Il manque la façon dont l’accord a été donné/);
    const after = await call<PersonConsent>('consent.show', { personId });
    expect(after.scopes.find((view) => view.scope === 'partners')).toMatchObject({ recorded: false });
    expect(after.history.filter((entry) => entry.action === 'set')).toHaveLength(3);

    // one scope twice in one save is refused before anything runs
    await expect(
      call('consent.setMany', {
        personId,
        changes: [
          { scope: 'public', status: 'refused' },
          { scope: 'public', status: 'pending' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('consent set-many on the command line', () => {
  it('records one decision for several scopes in one call, and names a missing flag', () => {
    const library = path.join(root, 'cli-library');
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const project = JSON.parse(cli('projects', 'create', '--name', 'Atelier', '--kind', 'interview-workshop', '--json').stdout) as {
      id: number;
    };
    const person = JSON.parse(
      cli('people', 'add', '--project', String(project.id), '--name', 'Léa Martin', '--role', 'job-seeker', '--json').stdout,
    ) as { id: number };
    const done = cli(
      'consent',
      'set-many',
      '--person',
      String(person.id),
      '--scope',
      'recording',
      '--scope',
      'workshop',
      '--status',
      'granted',
      '--method',
      'signed-form',
      '--actor',
      'Karim',
      '--json',
    );
    expect(done.code, done.stderr).toBe(0);
    const consent = (JSON.parse(done.stdout) as { consent: PersonConsent }).consent;
    expect(consent.scopes.filter((view) => view.status === 'granted').map((view) => view.scope)).toEqual(['recording', 'workshop']);
    expect(consent.history.filter((entry) => entry.action === 'set' && entry.actor === 'Karim')).toHaveLength(2);
    const missing = cli('consent', 'set-many', '--person', String(person.id), '--status', 'granted', '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--scope/);
  }, 120_000);
});

describe('the feedback sheet people read', () => {
  it('prints the session’s date, fits a short sheet on one page, prints a quick tag once, keeps the bullets’ indent', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier entretien Lannion', kind: 'interview-workshop' })).id;
    const sessionId = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-09-01' })).id;
    const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa Martin', role: 'job-seeker' })).id;
    await call('consent.setMany', {
      personId: lea,
      changes: [
        { scope: 'recording', status: 'granted', method: 'signed-form' },
        { scope: 'workshop', status: 'granted', method: 'signed-form' },
      ],
    });
    // the file is imported weeks later: its own date is not the interview's
    const recording = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, 'entretien-lea.mp4', 4),
      sessionId,
      title: 'Entretien',
      people: [{ personId: lea, part: 'candidate' }],
    });
    expect(recording.recordedAt.slice(0, 10)).not.toBe('2026-09-01');
    const long =
      'Très bonne présentation de son parcours, avec des exemples précis tirés de son stage en boulangerie et de son service civique à la mairie';
    await call('comments.add', { recordingId: recording.id, startSeconds: 1, category: 'Point fort', text: long });
    await call('comments.add', { recordingId: recording.id, startSeconds: 2, category: 'À améliorer', text: 'Regarder le recruteur' });
    await call('comments.add', { recordingId: recording.id, startSeconds: 3, category: 'Voix', text: 'Voix' });
    const sheet = await call<{ assetId: number; fileName: string; exportId: number }>('feedback.sheet', { recordingId: recording.id });
    const file = ctx.library.mediaAssets.resolve(sheet.assetId).absolutePath;
    fs.copyFileSync(file, path.join(results, 'feedback-sheet-short.pdf'));
    const text = pdfText(file);
    expect(text).toContain('entretien du 1er septembre 2026');
    expect(pdfPages(file)).toBe(1);
    expect(text).not.toMatch(/Voix\s*:\s*Voix/);
    expect(text).toMatch(/•\s+Voix\s+\(00:03\)/);
    // hanging indent: the wrapped line starts under the text, not under the bullet
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('Très bonne présentation'));
    const textColumn = lines[first]!.indexOf('Très');
    const bulletColumn = lines[first]!.indexOf('•');
    const next = lines[first + 1]!;
    expect(next.trim().length).toBeGreaterThan(0);
    expect(next.length - next.trimStart().length).toBeGreaterThanOrEqual(textColumn - 1);
    expect(next.length - next.trimStart().length).toBeGreaterThan(bulletColumn);
    // the download is named for people, with the candidate's name as consented
    expect(sheet.fileName).toBe('Fiche-retour-Lea-Martin-2026-09-01.pdf');
    const exported = (await call<ExportRecord[]>('exports.list', { projectId })).find((item) => item.id === sheet.exportId);
    expect(exported?.fileName).toBe('Fiche-de-retour-Entretien.pdf');
  });

  it('tightens a sheet that would leave a few lines on a second page', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier long', kind: 'interview-workshop' })).id;
    const sessionId = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-11-03' })).id;
    const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Inès', role: 'job-seeker' })).id;
    for (const scope of ['recording', 'workshop'])
      await call('consent.set', { personId: lea, scope, status: 'granted', method: 'signed-form' });
    const recording = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, 'entretien-ines.mp4', 4),
      sessionId,
      title: 'Entretien',
      people: [{ personId: lea, part: 'candidate' }],
    });
    // enough remarks to spill just over one page at full size
    const pages: number[] = [];
    let count = 0;
    for (let round = 0; round < 40 && !(pages.length && pages[pages.length - 1]! > 1); round++) {
      await call('comments.add', {
        recordingId: recording.id,
        startSeconds: 1 + (count % 3),
        category: count % 2 ? 'Point fort' : 'À améliorer',
        text: `Remarque numéro ${++count} du groupe sur l’entretien`,
      });
      const sheet = await call<{ assetId: number }>('feedback.sheet', { recordingId: recording.id });
      const file = ctx.library.mediaAssets.resolve(sheet.assetId).absolutePath;
      pages.push(pdfPages(file));
      if (pages[pages.length - 1]! === 1) fs.copyFileSync(file, path.join(results, 'feedback-sheet-full.pdf'));
    }
    // the sheet stayed on one page for several remarks more than the full-size layout holds
    const onePage = pages.filter((n) => n === 1).length;
    expect(onePage).toBeGreaterThan(3);
    expect(pages[pages.length - 1]).toBe(2);
    const last = await call<{ assetId: number }>('feedback.sheet', { recordingId: recording.id });
    const text = pdfText(ctx.library.mediaAssets.resolve(last.assetId).absolutePath);
    expect(text).toContain('entretien du 3 novembre 2026');
  }, 240_000);
});

describe('the pack page, the synthesis and file names', () => {
  let record: ExportRecord;
  let zipFile: string;
  let folder: string;
  let leaClip: Clip;
  let packId: string;

  beforeAll(async () => {
    const projectId = (
      await call<{ id: number }>('projects.create', {
        name: 'Témoignages 2025',
        kind: 'testimony-campaign',
        startDate: '2025-09-01',
        endDate: '2025-12-03',
      })
    ).id;
    const used = (await call<{ id: number }>('sessions.create', { projectId, date: '2025-09-01' })).id;
    await call('sessions.create', { projectId, date: '2025-10-15' });
    const person = async (displayName: string, role: string, elected: 'granted' | 'refused', conditions: string[] = []) => {
      const personId = (await call<{ id: number }>('people.add', { projectId, displayName, role })).id;
      await call('consent.setMany', {
        personId,
        changes: ALL_SCOPES.map((scope) =>
          scope === 'elected' && elected === 'refused'
            ? { scope, status: 'refused' }
            : { scope, status: 'granted', method: 'signed-form', conditions },
        ),
      });
      return personId;
    };
    const lea = await person('Léa Martin', 'young-person', 'granted');
    const samira = await person('Samira Benali', 'young-person', 'granted', ['no-name']);
    const karim = await person('Karim Haddad', 'employer', 'refused');
    const source = makeTestVideo(root, 'temoignage.mp4', 6);
    const take = (title: string, personId: number) =>
      call<Recording>('recordings.importFile', { path: source, sessionId: used, title, people: [{ personId }] });
    const [rLea, rSamira, rKarim] = [await take('Léa', lea), await take('Samira Benali', samira), await take('Karim', karim)];
    const quote = await call<{ id: number }>('comments.add', {
      recordingId: rLea.id,
      startSeconds: 1.5,
      endSeconds: 2.5,
      text: '« J’ai trouvé ma voie »',
      quotedPersonId: lea,
    });
    await call('comments.update', { id: quote.id, changes: { isQuote: true } });
    leaClip = await call<Clip>('clips.create', {
      recordingId: rLea.id,
      name: 'Léa : le métier',
      inSeconds: 1,
      outSeconds: 4,
      tags: ['Métier'],
    });
    await call('clips.create', {
      recordingId: rSamira.id,
      name: 'Samira Benali : le métier',
      inSeconds: 1,
      outSeconds: 4,
      tags: ['Métier'],
    });
    await call('clips.create', { recordingId: rKarim.id, name: 'Karim recrute', inSeconds: 1, outSeconds: 4, tags: ['Métier'] });
    record = (await call<{ export: ExportRecord }>('packs.build', { spec: { projectId, audience: 'elected' }, wait: true })).export;
    zipFile = ctx.library.mediaAssets.resolve(record.assetId!).absolutePath;
    folder = zipFile.replace(/\.zip$/, '');
    packId = (JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { packId: string }).packId;
  }, 240_000);

  it('counts only what is in the pack, in French, with one pair of guillemets and no jargon in the main part', () => {
    const html = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
    fs.copyFileSync(path.join(folder, 'index.html'), path.join(results, 'pack-index.html'));
    fs.copyFileSync(path.join(folder, 'synthese.pdf'), path.join(results, 'pack-synthese.pdf'));
    const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
    expect(main).toContain('<strong>2 vidéos</strong> dans ce dossier');
    expect(main).toContain('<strong>1 séance</strong>');
    expect(main).toContain('<strong>2 personnes filmées</strong>');
    expect(main).toContain('<li>2 jeunes</li>');
    expect(main).not.toMatch(/employeur|\(s\)|·/);
    expect(html).toContain('du 1er septembre 2025 au 3 décembre 2025');
    expect(main).toContain('« J’ai trouvé ma voie »');
    expect(html).not.toMatch(/«\s*«|»\s*»/);
    for (const jargon of [/manifest/i, new RegExp(packId), /SHA/, /\bpack\b/i]) expect(main).not.toMatch(jargon);
    const technical = html.slice(html.indexOf('</main>'));
    expect(technical).toContain('Informations techniques');
    expect(technical).toContain(packId);

    const synthesis = pdfText(path.join(folder, 'synthese.pdf'));
    expect(synthesis).toContain('2 vidéos');
    expect(synthesis).toContain('1 séance');
    expect(synthesis).toContain('2 jeunes');
    expect(synthesis).not.toMatch(/«\s*«|»\s*»|\(s\)|·es/);
    expect(synthesis).not.toMatch(/employeur/i);
    expect(synthesis).toMatch(/Informations techniques/);
  });

  it('names the download, the videos and the zip entries for people — never with the no-name person’s name', async () => {
    expect(record.fileName).toBe('Temoignages-2025-Elus.zip');
    const entries = (await readZipEntries(zipFile)).map((entry) => entry.path);
    expect(entries.every((name) => name.startsWith('Temoignages-2025-Elus/'))).toBe(true);
    expect(entries).toContain('Temoignages-2025-Elus/index.html');
    const videos = entries.filter((name) => name.endsWith('.mp4'));
    expect(videos).toHaveLength(2);
    expect(videos.some((name) => /\/videos\/\d\d-Lea-le-metier\.mp4$/.test(name))).toBe(true);
    expect(listFiles(folder).filter((name) => name.endsWith('.mp4'))).toHaveLength(2);

    const rendered = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'clip', clipId: leaClip.id },
      audience: 'elected',
      wait: true,
    });
    expect(rendered.export.fileName).toBe('Lea-le-metier.mp4');

    // every name a file or an entry carries, and every register label: Samira (no name) is in none
    const exports = await call<ExportRecord[]>('exports.list', { projectId: record.projectId });
    const names = [
      ...entries,
      ...listFiles(folder),
      ...exports.map((item) => item.fileName ?? ''),
      record.fileName ?? '',
      path.basename(zipFile),
      ...fs.readdirSync(path.dirname(zipFile)),
    ];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).not.toMatch(/samira|benali/i);
    for (const name of names) expect(name).not.toMatch(/karim|haddad/i);
    // and the bytes of the zip's central directory (entry names as stored)
    const bytes = fs.readFileSync(zipFile).toString('latin1');
    expect(bytes).not.toMatch(/Samira|Benali/i);
  });
});
