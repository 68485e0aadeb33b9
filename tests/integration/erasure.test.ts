// Erasure reaches every copy (issue #14): a person filmed alone and with someone else, in
// renders, a pack (folder and zip), feedback sheets, comments, subtitles of the review,
// a consent form and scan, is erased; then every byte of the library folder (database,
// WAL, shared memory, media, exports, tmp; raw, through `strings`, and PDFs and zips
// opened) is searched for their given name, family name and a word only they said.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, restoreBackup, type ApiContext } from '../../src-main/app';
import type { ErasurePlan, Recording } from '../../src-shared/contract/schemas';
import type { Clip, ExportRecord } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-erasure-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;

const NEEDLES = ['zephyrine', 'quillard', 'ornithorynque'];
// FTS5 stores terms with their prefix shared with the previous term: look for tails too
const TAILS = ['phyrine', 'uillard', 'thorynque'];

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every place in a folder where one of the needles can still be read, by any of four means. */
function findTraces(dir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    const views: Array<[string, string]> = [
      ['utf8', bytes.toString('utf8')],
      ['utf16le', bytes.toString('utf16le')],
      ['latin1', bytes.toString('latin1')],
      ['strings', String(execFileSync('strings', ['-a', '-n', '4', file], { maxBuffer: 1 << 28 }))],
      ['strings-16', String(execFileSync('strings', ['-a', '-n', '4', '-e', 'l', file], { maxBuffer: 1 << 28 }))],
    ];
    const opened = (command: string, args: string[]) => {
      const result = spawnSync(command, args, { maxBuffer: 1 << 28, encoding: 'utf8' });
      return result.stdout ?? ''; // a file that is not really a PDF or a zip: its raw bytes were read above
    };
    if (file.endsWith('.pdf')) views.push(['pdftotext', opened('pdftotext', [file, '-'])]);
    if (file.endsWith('.zip')) views.push(['unzip', opened('unzip', ['-p', file])]);
    for (const [how, text] of views) {
      const folded = fold(text);
      for (const needle of [...NEEDLES, ...TAILS]) {
        if (folded.includes(needle)) found.push(`${path.relative(dir, file)} (${how}): ${needle}`);
      }
    }
  }
  return [...new Set(found)];
}

async function setup() {
  const dir = path.join(root, `library-${++count}`);
  const ctx = createApiContext(dir, 'http', {
    trusted: true,
    now: () => '2026-11-22T10:00:00.000Z',
    checkpoint: { attempts: 2, busyMs: 50, pauseMs: 10 },
  });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const project = await call<{ id: number }>('projects.create', {
    name: 'Témoignages 2026',
    kind: 'testimony-campaign',
    withdrawalContact: 'eric@example.org',
  });
  const session = await call<{ id: number }>('sessions.create', { projectId: project.id, date: '2026-11-22' });
  const person = async (displayName: string) => {
    const id = (await call<{ id: number }>('people.add', { projectId: project.id, displayName, role: 'young-person' })).id;
    for (const scope of ['recording', 'workshop', 'partners', 'elected', 'public']) {
      await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form' });
    }
    return id;
  };
  const importVideo = (title: string, people: number[]) =>
    call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `${count}-${title.replace(/\W/g, '')}.mp4`, 3),
      sessionId: session.id,
      title,
      people: people.map((personId) => ({ personId })),
    });
  return { ctx, dir, call, projectId: project.id, person, importVideo };
}

/** A project where Zéphyrine Quillard is everywhere, and Marc too. */
async function projectWithEveryCopy(setupResult: Awaited<ReturnType<typeof setup>>) {
  const { call, person, importVideo, projectId } = setupResult;
  const zephyrine = await person('Zéphyrine Quillard');
  const marc = await person('Marc Lebrun');
  await call('consent.addGuardian', { personId: zephyrine, name: 'Odile Quillard', relationship: 'mère' });
  await call('consent.form', { personId: zephyrine });
  await call('consent.attachEvidence', {
    personId: zephyrine,
    scope: 'recording',
    fileName: 'scan.pdf',
    data: Buffer.from('%PDF-1.4 autorisation signée par Zéphyrine Quillard'),
  });
  const alone = await importVideo('Témoignage de Zéphyrine', [zephyrine]);
  const mixed = await importVideo('À deux', [zephyrine, marc]);
  const marcOnly = await importVideo('Marc seul', [marc]);
  const ownComment = await call<{ id: number }>('comments.add', {
    recordingId: mixed.id,
    startSeconds: 0.5,
    endSeconds: 1.5,
    authorPersonId: zephyrine,
    text: 'Je m’appelle Zéphyrine Quillard et je rêve d’un ornithorynque',
  });
  await call('comments.update', { id: ownComment.id, changes: { isQuote: true } });
  await call('comments.add', { recordingId: marcOnly.id, startSeconds: 1, authorPersonId: marc, text: 'Zéphyrine m’a bien aidé' });
  const kept = await call<{ id: number }>('comments.add', {
    recordingId: marcOnly.id,
    startSeconds: 2,
    authorPersonId: marc,
    text: 'Bonne posture face au jury',
  });
  await call('markers.add', { recordingId: mixed.id, atSeconds: 1, tag: 'Quillard entre' });
  const clip = (recordingId: number, name: string, speakerPersonId?: number) =>
    call<Clip>('clips.create', { recordingId, name, inSeconds: 0.5, outSeconds: 2.5, tags: ['Parcours'], speakerPersonId });
  const clipAlone = await clip(alone.id, 'Le rêve de Zéphyrine', zephyrine);
  const clipMixed = await clip(mixed.id, 'À deux voix', zephyrine);
  const clipMarc = await clip(marcOnly.id, 'Marc raconte', marc);
  const render = (clipId: number, destination?: string) =>
    call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'clip', clipId },
      audience: 'workshop',
      options: { lowerThirds: true },
      destination,
      wait: true,
    }).then((result) => result.export);
  const renders = { alone: await render(clipAlone.id), mixed: await render(clipMixed.id), marc: await render(clipMarc.id) };
  const outside = path.join(root, `outside-${count}`);
  fs.mkdirSync(outside);
  const externalRender = await render(clipMixed.id, path.join(outside, 'extrait-a-deux.mp4'));
  const pack = (
    await call<{ export: ExportRecord }>('packs.build', {
      spec: { projectId, audience: 'elected', clipIds: [clipAlone.id, clipMixed.id, clipMarc.id] },
      zip: true,
      wait: true,
    })
  ).export;
  const sheets = {
    mixed: await call<{ assetId: number; exportId: number }>('feedback.sheet', { recordingId: mixed.id }),
    marc: await call<{ assetId: number; exportId: number }>('feedback.sheet', { recordingId: marcOnly.id }),
  };
  return { zephyrine, marc, alone, mixed, marcOnly, kept, renders, externalRender, outside, pack, sheets, clipMarc };
}

describe('erasure reaches every copy', () => {
  it('leaves no byte of the person in the library folder, lists the copies outside it, and keeps the other person', async () => {
    const context = await setup();
    const { ctx, dir, call, projectId } = context;
    const made = await projectWithEveryCopy(context);
    const { zephyrine, marc } = made;
    expect(findTraces(dir).length).toBeGreaterThan(10); // the search can fail
    expect(findTraces(made.outside).length).toBeGreaterThan(0);

    const plan = await call<ErasurePlan>('people.erasurePlan', { personId: zephyrine });
    expect(plan.recordingsToDelete).toEqual([made.alone.id]);
    expect(plan.recordingsToReview).toEqual([made.mixed.id]);
    // feedback sheets are exports too: the mixed recording's shows her (Marc's names her in a comment)
    const listed = plan.exportsInLibrary.map((entry) => entry.exportId);
    expect(listed).toEqual(
      expect.arrayContaining([made.renders.alone.id, made.renders.mixed.id, made.pack.id, made.sheets.mixed.exportId]),
    );
    expect(
      listed.filter((id) => ![made.renders.alone.id, made.renders.mixed.id, made.pack.id, made.sheets.mixed.exportId].includes(id)),
    ).toEqual(listed.includes(made.sheets.marc.exportId) ? [made.sheets.marc.exportId] : []);
    expect(plan.externalCopies).toEqual([
      expect.objectContaining({
        exportId: made.externalRender.id,
        audience: 'workshop',
        reachable: true,
        paths: [path.join(made.outside, 'extrait-a-deux.mp4'), path.join(made.outside, 'extrait-a-deux.vtt')],
      }),
    ]);
    expect(plan.feedbackSheets).toBe(2);
    // a backup taken before the erasure (one inside the library is refused)
    await expect(call('library.backup', { destination: path.join(dir, 'exports', 'sauvegarde') })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'destination',
    });
    const backups = path.join(root, `backups-${count}`);
    await call('library.backup', { destination: path.join(backups, 'avant') });
    expect(plan.mentions.map((mention) => `${mention.table}.${mention.column}`).sort()).toEqual([
      'clips.name',
      'comments.text',
      'exports.label',
      'markers.tag',
      'recordings.title',
    ]);

    const result = await call('people.erase', { personId: zephyrine, actor: 'Karim', deleteExternalCopies: true });
    expect(result).toEqual({ erased: true, recordingsDeleted: 1, recordingsToReview: [made.mixed.id] });

    // not one byte left, in the library or in the copy outside it the app could reach
    expect(findTraces(dir)).toEqual([]);
    expect(fs.readdirSync(made.outside)).toEqual([]);
    expect(fs.statSync(path.join(dir, 'library.sqlite-wal')).size).toBe(0);
    // the free pages are zeroed (secure_delete), not just unlinked
    expect(ctx.library.db.pragma('secure_delete', { simple: true })).toBe(1);

    // the register keeps what went out, flagged for recall, without the files or the person
    const exports = await call<ExportRecord[]>('exports.list', { projectId });
    const flagged = exports.filter((record) => record.flaggedAt !== null).map((record) => record.id);
    // feedback sheets that showed her are exports too
    const sheetsShowingHer = [
      made.sheets.mixed.exportId,
      ...(listed.includes(made.sheets.marc.exportId) ? [made.sheets.marc.exportId] : []),
    ];
    expect(flagged.sort()).toEqual(
      [made.renders.alone.id, made.renders.mixed.id, made.externalRender.id, made.pack.id, ...sheetsShowingHer].sort(),
    );
    expect(exports.find((record) => record.id === made.pack.id)!.assetId).toBeNull();
    // Marc is still there: his person, consent, recording, comment, clip render and its file
    expect((await call<Array<{ id: number }>>('people.list', { projectId })).map((p) => p.id)).toEqual([marc]);
    expect((await call<Array<{ id: number }>>('comments.list', { recordingId: made.marcOnly.id })).map((c) => c.id)).toContain(
      made.kept.id,
    );
    expect(fs.existsSync(ctx.library.mediaAssets.resolve(made.marcOnly.masterAssetId!).absolutePath)).toBe(true);
    expect(fs.existsSync(ctx.library.mediaAssets.resolve(made.renders.marc.assetId!).absolutePath)).toBe(true);
    expect(((await call<Recording>('recordings.get', { id: made.mixed.id })).people ?? []).map((p) => p.personId)).toEqual([marc]);
    // the log keeps counts only
    const log = ctx.library.db.prepare("SELECT change FROM consent_audit WHERE action = 'erasure'").get() as { change: string };
    expect(JSON.parse(log.change)).toMatchObject({
      recordingsDeleted: 1,
      recordingsToReview: 1,
      exportsFlagged: 4 + sheetsShowingHer.length,
      externalCopiesListed: 1,
      externalCopiesDeleted: 1,
      feedbackSheetsDeleted: 2,
      mentionsRedacted: 5,
    });
    expect(ctx.library.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // backups remember: the journal beside them has ids and fingerprints only, and a restore forgets again
    const journal = fs.readFileSync(path.join(backups, 'erasure-journal.jsonl'), 'utf8');
    expect(
      journal
        .trim()
        .split('\n')
        .map((line) => Object.keys(JSON.parse(line)).sort()),
    ).toEqual([['at', 'fingerprint', 'id', 'kind']]);
    expect(findTraces(backups).length).toBeGreaterThan(0); // the old backup itself still holds her, by nature
    const restoredDir = path.join(root, `restored-${count}`);
    const restored = await restoreBackup(path.join(backups, 'avant'), restoredDir);
    expect(restored).toMatchObject({ erasuresReapplied: 1, note: expect.stringMatching(/1 effacement/) });
    expect(findTraces(restoredDir)).toEqual([]);
    const copy = createApiContext(restoredDir, 'http');
    contexts.push(copy);
    expect((await dispatch('people.list', { projectId }, copy)) as Array<{ id: number }>).toEqual([expect.objectContaining({ id: marc })]);
    expect(copy.library.db.prepare("SELECT actor FROM consent_audit WHERE action = 'erasure'").all()).toEqual([{ actor: 'restauration' }]);
  }, 300_000);

  it('does not call the erasure done while another reader pins old pages, and finishes once it lets go', async () => {
    const { ctx, dir, call, person } = await setup();
    const zephyrine = await person('Zéphyrine Quillard');
    await person('Marc Lebrun');
    const reader = new Database(path.join(dir, 'library.sqlite'), { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM people').get(); // holds the snapshot that still has her
    await expect(call('people.erase', { personId: zephyrine })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/un autre programme lit encore la bibliothèque/),
      hint: expect.stringMatching(/Terminer l’effacement/),
    });
    expect(ctx.library.db.prepare('SELECT count(*) AS n FROM people WHERE id = ?').get(zephyrine)).toEqual({ n: 0 });
    reader.prepare('COMMIT').run();
    reader.close();
    expect(await call('privacy.finishErasure', {})).toEqual({ done: true, walFrames: 0 });
    expect(findTraces(dir)).toEqual([]);
  });
});

describe('copies outside the library', () => {
  it('deletes only what an export wrote, even if the register points elsewhere', async () => {
    const { ctx, call, person, projectId } = await setup();
    const zephyrine = await person('Zéphyrine Quillard');
    const notAnExport = path.join(root, `notes-${count}.txt`);
    fs.writeFileSync(notAnExport, 'mes notes');
    const record = ctx.exports.insert({
      projectId,
      kind: 'clip',
      audience: 'workshop',
      label: 'Extrait',
      assetId: null,
      outputPath: notAnExport,
      spec: {},
      summary: {},
      personIds: [zephyrine],
    });
    const plan = await call<ErasurePlan>('people.erasurePlan', { personId: zephyrine });
    expect(plan.externalCopies).toEqual([expect.objectContaining({ exportId: record.id, reachable: false })]);
    await call('people.erase', { personId: zephyrine, deleteExternalCopies: true });
    expect(fs.existsSync(notAnExport)).toBe(true);
  });
});

describe('after an erasure, mixed recordings get a decision', () => {
  it('confirms the person is absent or deletes the recording, each logged; the API and the CLI', async () => {
    const { ctx, dir, call, person, importVideo } = await setup();
    const zephyrine = await person('Zéphyrine Quillard');
    const marc = await person('Marc Lebrun');
    const first = await importVideo('Premier', [zephyrine, marc]);
    const second = await importVideo('Second', [zephyrine, marc]);
    await expect(call('recordings.resolveReview', { recordingId: first.id, resolution: 'confirmed-absent' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await call('people.erase', { personId: zephyrine });
    expect((await call<Recording>('recordings.get', { id: first.id })).needsReview).not.toBeNull();

    expect(
      await call('recordings.resolveReview', {
        recordingId: first.id,
        resolution: 'confirmed-absent',
        actor: 'Karim',
        reason: 'vérifié image par image',
      }),
    ).toEqual({
      recordingId: first.id,
      resolution: 'confirmed-absent',
    });
    expect((await call<Recording>('recordings.get', { id: first.id })).needsReview).toBeNull();
    closeApiContext(ctx);

    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        'recordings',
        'resolve-review',
        '--recording',
        String(second.id),
        '--resolution',
        'deleted',
      ],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, ERIC_STUDIO_LIBRARY: dir } },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const reopened = createApiContext(dir, 'http');
    contexts.push(reopened);
    await expect(dispatch('recordings.get', { id: second.id }, reopened)).rejects.toMatchObject({ code: 'not-found' });
    const log = reopened.library.db
      .prepare("SELECT person_id, change, actor FROM consent_audit WHERE action = 'review-resolved' ORDER BY id")
      .all() as Array<{ person_id: number | null; change: string; actor: string }>;
    expect(log.map((entry) => [entry.person_id, JSON.parse(entry.change), entry.actor])).toEqual([
      [null, { recordingId: first.id, resolution: 'confirmed-absent' }, 'Karim'],
      [null, { recordingId: second.id, resolution: 'deleted' }, 'cli'],
    ]);
  }, 120_000);
});

describe('delete and erase are clear', () => {
  it('refuses to delete a person who was filmed, pointing at erasure; deletes one who left no trace, with their files', async () => {
    const { ctx, dir, call, person, importVideo } = await setup();
    const filmed = await person('Zéphyrine Quillard');
    await importVideo('Seule', [filmed]);
    await expect(call('people.delete', { id: filmed })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/apparaît dans 1 enregistrement/),
      hint: expect.stringMatching(/effacement/),
    });
    const mistake = await person('Personne ajoutée par erreur');
    await call('consent.form', { personId: mistake });
    await call('people.delete', { id: mistake });
    expect(fs.existsSync(path.join(dir, 'exports', 'forms', `person-${mistake}`))).toBe(false);
    expect(ctx.library.db.prepare('SELECT count(*) AS n FROM consent_audit WHERE person_id = ?').get(mistake)).toEqual({ n: 0 });
    // ids are never reused: the next person does not inherit anything
    const next = await person('Nouvelle personne');
    expect(next).toBeGreaterThan(mistake);
  }, 60_000);

  it('deleting a project removes its files and asset rows, so /media serves nothing of it', async () => {
    const context = await setup();
    const { ctx, dir, call, projectId } = context;
    const made = await projectWithEveryCopy(context);
    const other = await call<{ id: number }>('projects.create', { name: 'Autre atelier', kind: 'interview-workshop' });
    await call('projects.delete', { id: projectId });
    expect(ctx.library.db.prepare('SELECT count(*) AS n FROM media_assets').get()).toEqual({ n: 0 });
    expect(filesUnder(path.join(dir, 'media'))).toEqual([]);
    expect(filesUnder(path.join(dir, 'exports'))).toEqual([]);
    expect(ctx.library.db.prepare('SELECT count(*) AS n FROM consent_audit WHERE person_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(findTraces(dir)).toEqual([]);
    // what was written outside the library belongs to whoever has it
    expect(fs.readdirSync(made.outside).sort()).toEqual(['extrait-a-deux.mp4', 'extrait-a-deux.vtt']);
    expect((await call<Array<{ id: number }>>('projects.list', {})).map((project) => project.id)).toEqual([other.id]);
    const again = await call<{ id: number }>('projects.create', { name: 'Encore', kind: 'interview-workshop' });
    expect(again.id).toBeGreaterThan(other.id);
  }, 240_000);
});
