/**
 * Retention, tried on a real library (SQLite in a temp folder, real ffmpeg media) with the
 * clock moved forward: `retention.due` lists exactly what is past its period for each
 * kind and each edited setting, one action erases it (every byte of the library folder is
 * then searched for the erased comment's words, and the media files are gone), the log
 * holds counts only, what is not yet due stays untouched, and the command line does the
 * same. Also the two gaps of #13 closed with it: a recipient's hand-over date cannot be in
 * the future, and a parent's capacity corrected so the signatures no longer suffice
 * recalls the exports showing the minor.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { ConsentDashboard, PersonConsent, Recording, RetentionDue } from '../../src-shared/contract/schemas';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-retention-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;
let video: string;

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files (database, -wal, media, renders, sheets…) whose bytes hold the word. */
function filesHolding(dir: string, word: string): string[] {
  const needle = Buffer.from(word, 'utf8');
  return filesUnder(dir).filter((file) => fs.readFileSync(file).includes(needle));
}

async function setup(kind: 'interview-workshop' | 'testimony-campaign' = 'interview-workshop') {
  video ??= makeTestVideo(root, 'entretien.mp4', 3);
  const clock = { today: '2026-01-12' };
  const dir = path.join(root, `library-${++count}`);
  const ctx = createApiContext(dir, 'http', { trusted: true, now: () => `${clock.today}T10:00:00.000Z` });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown, options?: { idempotencyKey?: string }) =>
    dispatch(method, input, ctx, options) as Promise<T>;
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier entretiens 2026', kind })).id;
  const person = async (displayName: string, birthDate?: string) => {
    const id = (await call<{ id: number }>('people.add', { projectId, displayName, role: 'job-seeker', birthDate })).id;
    if (!birthDate)
      for (const scope of ['recording', 'workshop'])
        await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form' });
    return id;
  };
  const take = (title: string, personId: number, recordingKind: 'interview' | 'testimony' = 'interview') =>
    call<Recording>('recordings.importFile', { path: video, projectId, kind: recordingKind, title, people: [{ personId }] });
  const comment = (recordingId: number, text: string, startSeconds = 1) =>
    call<{ id: number }>('comments.add', { recordingId, startSeconds, text });
  const due = async (on?: string) => (await call<RetentionDue>('retention.due', { projectId, on })).projects[0]!.items;
  return { ctx, dir, call, clock, projectId, person, take, comment, due };
}

describe('retention per project kind', () => {
  it('lists exactly what is due for each kind and each edited setting, erases it in one logged action, leaves the rest', async () => {
    const { ctx, dir, call, clock, projectId, person, take, comment, due } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad');

    // 12 January: a mock interview with a comment, a render and a feedback sheet; a testimony with a comment
    const old = await take('Entretien de Léa', lea);
    const oldComment = await comment(old.id, 'Regard fuyant quetzalcoatl zéphyrin');
    await call('comments.add', { recordingId: old.id, startSeconds: 1.5, text: 'Réponse au regard', parentId: oldComment.id });
    const render = (
      await call<{ export: ExportRecord }>('render.start', {
        target: { kind: 'range', recordingId: old.id, fromSeconds: 0.5, toSeconds: 2 },
        audience: 'workshop',
        wait: true,
      })
    ).export;
    const sheet = await call<{ assetId: number; exportId: number }>('feedback.sheet', { recordingId: old.id });
    const testimony = await take('Témoignage de Karim', karim, 'testimony');
    const testimonyComment = await comment(testimony.id, 'Belle énergie xylographe', 2);
    const renderFile = ctx.library.mediaAssets.resolve(render.assetId!).absolutePath;
    const sheetFile = ctx.library.mediaAssets.resolve(sheet.assetId).absolutePath;
    const oldMaster = ctx.library.mediaAssets.resolve(old.masterAssetId!).absolutePath;
    const oldFolder = path.dirname(oldMaster);

    // 1 May: a recent interview, with a comment
    clock.today = '2026-05-01';
    const recent = await take('Entretien récent', lea);
    await comment(recent.id, 'Commentaire récent gardé');
    const recentMaster = ctx.library.mediaAssets.resolve(recent.masterAssetId!).absolutePath;

    // defaults of the kind: interview videos 6 months, testimonies as long as the consent, comments and sheets 12 months
    expect(await call('retention.settings', { projectId })).toMatchObject({
      kind: 'interview-workshop',
      settings: { 'interview-videos': 6, testimonies: null, comments: 12, 'feedback-sheets': 12 },
    });

    // kept through 12 July (6 months), due on 13 July
    clock.today = '2026-07-12';
    expect(await due()).toEqual([]);
    clock.today = '2026-07-13';
    const items = await due();
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'recording',
        id: old.id,
        category: 'interview-videos',
        dueSince: '2026-07-13',
        months: 6,
        goesWith: { comments: 2, feedbackSheets: 1 },
        sentence:
          'Vidéo « Entretien de Léa » — à effacer depuis le 13/07/2026 (conservation 6 mois), avec 2 commentaires et 1 fiche de retour',
      }),
    ]);
    // a day asked about ahead: the recent video falls due on 2 November (its comment goes with it), the testimony's comment at 12 months
    expect((await due('2027-01-13')).map((item) => `${item.kind}:${item.id}:${item.dueSince}`)).toEqual([
      `recording:${old.id}:2026-07-13`,
      `recording:${recent.id}:2026-11-02`,
      `comment:${testimonyComment.id}:2027-01-13`,
    ]);

    // edited settings: comments 3 months, testimonies 5 months
    await call('retention.update', { projectId, category: 'comments', months: 3, actor: 'Sophie' });
    // the testimony's comment is due since 13 April; the recent one (1 May) only on 2 August; the old video's go with it
    expect((await due()).map((item) => `${item.kind}:${item.id}:${item.dueSince}`)).toEqual([
      `recording:${old.id}:2026-07-13`,
      `comment:${testimonyComment.id}:2026-04-13`,
    ]);
    await call('retention.update', { projectId, category: 'testimonies', months: 5 });
    expect((await due()).map((item) => `${item.kind}:${item.id}:${item.dueSince}`)).toEqual([
      `recording:${testimony.id}:2026-06-13`,
      `recording:${old.id}:2026-07-13`,
    ]);
    // back to "as long as the consent": the testimony is kept while Karim's consent to be filmed holds
    await call('retention.update', { projectId, category: 'testimonies', months: null });
    await call('retention.update', { projectId, category: 'comments', months: 12 });
    expect((await due()).map((item) => item.id)).toEqual([old.id]);
    await expect(call('retention.update', { projectId, category: 'comments', months: 0 })).rejects.toMatchObject({ field: 'months' });

    // Karim withdraws his consent to be filmed on 13 July: his testimony is due from that day
    await call('consent.set', { personId: karim, scope: 'recording', status: 'withdrawn', decidedOn: '2026-07-13' });
    const before = await due();
    expect(before.map((item) => `${item.kind}:${item.id}:${item.dueSince}`)).toEqual([
      `recording:${old.id}:2026-07-13`,
      `recording:${testimony.id}:2026-07-13`,
    ]);
    expect(before[1]!.sentence).toBe(
      'Témoignage « Témoignage de Karim » — à effacer depuis le 13/07/2026 (conservation tant que le consentement est valable), avec 1 commentaire',
    );

    // the animator confirms what was shown; a double click (same idempotency key) erases once
    const confirm = { projectId, items: before.map(({ kind, id }) => ({ kind, id })), actor: 'Sophie' };
    const [first, again] = await Promise.all([
      call<{ erased: Record<string, number> }>('retention.apply', confirm, { idempotencyKey: 'retention-0001' }),
      call<{ erased: Record<string, number> }>('retention.apply', confirm, { idempotencyKey: 'retention-0001' }),
    ]);
    expect(first).toEqual(again);
    expect(first.erased).toEqual({ recordings: 2, comments: 3, feedbackSheets: 1, renders: 1, exportFiles: 2 });
    // nothing left: a second erasure changes nothing
    expect((await call<{ erased: Record<string, number> }>('retention.apply', { projectId })).erased).toEqual({
      recordings: 0,
      comments: 0,
      feedbackSheets: 0,
      renders: 0,
      exportFiles: 0,
    });
    expect(await due()).toEqual([]);

    // gone: rows, media, renders, sheets; and not one byte of the comment anywhere in the library folder
    for (const file of [oldMaster, renderFile, sheetFile]) expect(fs.existsSync(file), file).toBe(false);
    expect(fs.existsSync(oldFolder)).toBe(false);
    for (const word of ['quetzalcoatl', 'zéphyrin', 'xylographe', 'Réponse au regard']) expect(filesHolding(dir, word), word).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'library.sqlite-wal')) ? fs.statSync(path.join(dir, 'library.sqlite-wal')).size : 0).toBe(0);
    await expect(call('recordings.get', { id: old.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call('recordings.get', { id: testimony.id })).rejects.toMatchObject({ code: 'not-found' });
    expect((await call<ExportRecord[]>('exports.list', { projectId })).map((record) => record.id)).toEqual([]);

    // not yet due: untouched
    expect(fs.existsSync(recentMaster)).toBe(true);
    expect((await call<Array<{ id: number; text: string }>>('comments.list', { recordingId: recent.id })).map((c) => c.text)).toEqual([
      'Commentaire récent gardé',
    ]);

    // the log: one entry with counts only — no name, no title, no words of the comments
    const rows = ctx.library.db.prepare("SELECT * FROM consent_audit WHERE action = 'retention-erased'").all() as Array<{
      person_id: number | null;
      change: string;
      actor: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.person_id).toBeNull();
    expect(rows[0]!.actor).toBe('Sophie');
    const change = JSON.parse(rows[0]!.change) as Record<string, unknown>;
    expect(Object.values(change).every((value) => typeof value === 'number')).toBe(true);
    for (const word of ['Léa', 'Karim', 'Entretien', 'Témoignage', 'regard']) expect(rows[0]!.change).not.toContain(word);
    const changes = ctx.library.db.prepare("SELECT change FROM consent_audit WHERE action = 'retention-changed'").all();
    expect(changes).toHaveLength(4); // the refused one (0 months) is not logged
  });

  it('a testimony campaign keeps comments with the testimony; a minor’s testimony falls due the day after the eve of 18', async () => {
    const { call, clock, projectId, person, take, comment, due } = await setup('testimony-campaign');
    expect((await call<{ settings: unknown }>('retention.settings', { projectId })).settings).toEqual({
      'interview-videos': 6,
      testimonies: null,
      comments: null,
      'feedback-sheets': 12,
    });
    // Inès is 17 on the day she and both parents sign: her consent ends on the eve of her 18th birthday
    const ines = await person('Inès Roux', '2008-08-20');
    const parent1 = (await call<PersonConsent>('consent.addGuardian', { personId: ines, name: 'Mère', capacity: 'parent-1' }))
      .guardians[0]!;
    const both = await call<PersonConsent>('consent.addGuardian', { personId: ines, name: 'Père', capacity: 'parent-2' });
    const guardianIds = both.guardians.map((guardian) => guardian.id);
    expect(guardianIds).toContain(parent1.id);
    for (const scope of ['recording', 'workshop'])
      await call('consent.set', { personId: ines, scope, status: 'granted', method: 'signed-form', minorAgreed: true, guardianIds });
    const testimony = await take('Témoignage d’Inès', ines, 'testimony');
    await comment(testimony.id, 'Citation forte');

    clock.today = '2026-08-19';
    expect(await due()).toEqual([]); // still 17: kept, and the comment too (as long as the consent)
    clock.today = '2026-08-20';
    expect((await due()).map((item) => `${item.kind}:${item.id}:${item.dueSince}:${item.goesWith.comments}`)).toEqual([
      `recording:${testimony.id}:2026-08-20:1`,
    ]);
  });

  it('the command line lists and erases what is due today', async () => {
    const { ctx, dir, clock, person, take, comment } = await setup();
    clock.today = '2025-12-01'; // long enough ago for the real clock of the command line
    const lea = await person('Léa Martin');
    const old = await take('Entretien de décembre', lea);
    await comment(old.id, 'Posture ornithorynque');
    const master = ctx.library.mediaAssets.resolve(old.masterAssetId!).absolutePath;
    closeApiContext(ctx);
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', dir], {
        cwd: repo,
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const listed = cli('retention', 'due');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(
      'Vidéo « Entretien de décembre » — à effacer depuis le 02/06/2026 (conservation 6 mois), avec 1 commentaire',
    );
    const json = JSON.parse(cli('retention', 'due', '--json').stdout) as RetentionDue;
    expect(json.projects[0]!.items.map((item) => item.id)).toEqual([old.id]);
    const set = cli('retention', 'set', '--project', '1', '--category', 'comments', '--months', 'jamais');
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('--months');
    const applied = cli('retention', 'apply', '--actor', 'Sophie', '--json');
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout).erased).toMatchObject({ recordings: 1, comments: 1 });
    expect(fs.existsSync(master)).toBe(false);
    expect(filesHolding(dir, 'ornithorynque')).toEqual([]);
    expect(cli('retention', 'due').stdout).toContain('Rien à effacer');
  });
});

describe('two gaps of #13', () => {
  it('a parent’s capacity corrected so the signatures no longer suffice recalls the exports showing the minor', async () => {
    const { call, clock, projectId, person, take } = await setup('testimony-campaign');
    clock.today = '2026-03-02';
    const ines = await person('Inès Roux', '2010-05-05');
    await call('consent.addGuardian', { personId: ines, name: 'Mère', capacity: 'parent-1' });
    const withBoth = await call<PersonConsent>('consent.addGuardian', { personId: ines, name: 'Père', capacity: 'parent-2' });
    const guardianIds = withBoth.guardians.map((guardian) => guardian.id);
    for (const scope of ['recording', 'workshop', 'elected'])
      await call('consent.set', { personId: ines, scope, status: 'granted', method: 'signed-form', minorAgreed: true, guardianIds });
    const testimony = await take('Témoignage d’Inès', ines, 'testimony');
    const made = (
      await call<{ export: ExportRecord }>('render.start', {
        target: { kind: 'range', recordingId: testimony.id, fromSeconds: 0.5, toSeconds: 2 },
        audience: 'elected',
        wait: true,
      })
    ).export;
    // the "father" was in fact a second signature of the same parent: corrected to parent 1
    await call('consent.updateGuardian', { guardianId: guardianIds[1], capacity: 'parent-1', actor: 'Sophie', reason: 'erreur de saisie' });
    const dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    expect(dashboard.flaggedExports).toEqual([
      expect.objectContaining({
        id: made.id,
        flagReason:
          'Qualité d’un parent signataire pour Inès Roux corrigée (parent 2 → parent 1) le 2 mars 2026 : ' +
          'Inès Roux a moins de 18 ans et la signature du second parent manque pour les élus',
      }),
    ]);
  });
});
