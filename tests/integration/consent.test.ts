import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { ConsentDashboard, PersonConsent, Recording, RecordingCheck } from '../../src-shared/contract/schemas';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-consent-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;

async function setup(today = '2026-11-22') {
  const dir = path.join(root, `library-${++count}`);
  const ctx = createApiContext(dir, 'http', { trusted: true, now: () => `${today}T10:00:00.000Z` });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const project = await call<{ id: number }>('projects.create', {
    name: 'Témoignages 2026',
    kind: 'testimony-campaign',
    retentionMonths: 24,
    withdrawalContact: 'eric@example.org',
  });
  const session = await call<{ id: number }>('sessions.create', { projectId: project.id, date: today });
  const person = (displayName: string, birthDate: string | null = null) =>
    call<{ id: number }>('people.add', { projectId: project.id, displayName, role: 'young-person', birthDate }).then((p) => p.id);
  return { ctx, dir, call, projectId: project.id, sessionId: session.id, person };
}

const grant = (personId: number, scope: string, extra: Record<string, unknown> = {}) => ({
  personId,
  scope,
  status: 'granted',
  method: 'signed-form',
  ...extra,
});

describe('recording consent decisions', () => {
  it('records decisions with a default expiry from the project, and logs each change in order', async () => {
    const { call, person } = await setup();
    const lea = await person('Léa');
    await call('consent.set', grant(lea, 'recording', { actor: 'Karim' }));
    await call('consent.set', grant(lea, 'elected', { conditions: ['first-name-only'] }));
    const { consent } = await call<{ consent: PersonConsent }>('consent.set', {
      personId: lea,
      scope: 'elected',
      status: 'withdrawn',
      reason: 'a changé d’avis',
      actor: 'Karim',
    });
    const elected = consent.scopes.find((s) => s.scope === 'elected')!;
    expect(elected).toMatchObject({ status: 'withdrawn', conditions: ['first-name-only'], expiresOn: '2028-11-22' });
    expect(consent.scopes.find((s) => s.scope === 'public')).toMatchObject({ status: 'pending', recorded: false });
    expect(consent.history.map((h) => [h.scope, h.change.from, h.change.to, h.actor])).toEqual([
      ['recording', null, 'granted', 'Karim'],
      ['elected', null, 'granted', ''],
      ['elected', 'granted', 'withdrawn', 'Karim'],
    ]);
    expect(consent.history[2]!.reason).toBe('a changé d’avis');
  });

  it('refuses malformed input, unknown people and bad dates, changing nothing', async () => {
    const { ctx, call, person } = await setup();
    const lea = await person('Léa');
    const rows = () =>
      JSON.stringify(ctx.library.db.prepare('SELECT (SELECT count(*) FROM consents) c, (SELECT count(*) FROM consent_audit) a').get());
    const before = rows();
    await expect(call('consent.set', grant(lea, 'tiktok'))).rejects.toMatchObject({ code: 'invalid-input', field: 'scope' });
    await expect(call('consent.set', grant(999, 'recording'))).rejects.toMatchObject({ code: 'not-found', field: 'personId' });
    await expect(call('consent.set', grant(lea, 'recording', { expiresOn: '2027-13-01' }))).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'expiresOn',
    });
    await expect(call('consent.set', grant(lea, 'recording', { decidedOn: '22/11/2026' }))).rejects.toMatchObject({ field: 'decidedOn' });
    await expect(call('consent.set', { personId: lea, scope: 'recording', status: 'granted' })).rejects.toMatchObject({ field: 'method' });
    await expect(call('consent.set', grant(lea, 'recording', { guardianIds: [42] }))).rejects.toMatchObject({ field: 'guardianIds' });
    await expect(call('consent.set', grant(lea, 'recording', { expiresOn: '2020-01-01' }))).rejects.toMatchObject({ field: 'expiresOn' });
    expect(rows()).toBe(before);
  });

  it('keeps the audit log append-only', async () => {
    const { ctx, call, person } = await setup();
    const lea = await person('Léa');
    await call('consent.set', grant(lea, 'recording'));
    expect(() => ctx.library.db.prepare("UPDATE consent_audit SET actor = 'faussaire'").run()).toThrow(/append-only/);
    expect(() => ctx.library.db.prepare('DELETE FROM consent_audit').run()).toThrow(/append-only/);
  });

  it('flags earlier exports that showed the person when they withdraw', async () => {
    const { ctx, call, person, projectId } = await setup();
    const lea = await person('Léa');
    await call('consent.set', grant(lea, 'recording'));
    await call('consent.set', grant(lea, 'elected'));
    const insert = ctx.library.db.prepare(
      "INSERT INTO exports (project_id, kind, audience, label, created_at) VALUES (?, 'pack', ?, ?, '2026-11-01')",
    );
    const electedPack = Number(insert.run(projectId, 'elected', 'Pack élus novembre').lastInsertRowid);
    const publicPack = Number(insert.run(projectId, 'public', 'Pack public').lastInsertRowid);
    for (const id of [electedPack, publicPack])
      ctx.library.db.prepare('INSERT INTO export_people (export_id, person_id) VALUES (?, ?)').run(id, lea);
    const { flaggedExports } = await call<{ flaggedExports: number[] }>('consent.set', {
      personId: lea,
      scope: 'elected',
      status: 'withdrawn',
    });
    expect(flaggedExports).toEqual([electedPack]);
    const dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    expect(dashboard.flaggedExports).toEqual([
      expect.objectContaining({
        id: electedPack,
        label: 'Pack élus novembre',
        flagReason: 'Léa a retiré son accord pour les élus le 22 novembre 2026',
      }),
    ]);
  });
});

describe('filmed oral consent', () => {
  it('links the consent to a segment of one of the project’s recordings, and refuses what does not fit', async () => {
    const { call, person, sessionId } = await setup();
    const lea = await person('Léa');
    const take = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `oral-${count}.mp4`, 2),
      sessionId,
      people: [{ personId: lea }],
    });
    const oral = { personId: lea, scope: 'recording', status: 'granted', method: 'filmed-oral-consent' };
    await expect(call('consent.set', oral)).rejects.toMatchObject({ field: 'evidenceRecordingId' });
    await expect(
      call('consent.set', { ...oral, evidenceRecordingId: take.id, evidenceFromSeconds: 1.5, evidenceToSeconds: 0.5 }),
    ).rejects.toMatchObject({ field: 'evidenceToSeconds' });
    const { consent } = await call<{ consent: PersonConsent }>('consent.set', {
      ...oral,
      evidenceRecordingId: take.id,
      evidenceFromSeconds: 0.2,
      evidenceToSeconds: 1.8,
    });
    expect(consent.scopes[0]).toMatchObject({
      method: 'filmed-oral-consent',
      evidenceRecordingId: take.id,
      evidenceFromSeconds: 0.2,
      evidenceToSeconds: 1.8,
    });

    const other = await setup();
    const stranger = await other.person('Autre');
    await expect(other.call('consent.set', { ...oral, personId: stranger, evidenceRecordingId: 999 })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('consent check and dashboard agree', () => {
  it('blocks a mixed recording for the audience one person withdrew, and names them', async () => {
    const { call, person, sessionId, projectId } = await setup();
    const lea = await person('Léa');
    const marc = await person('Marc');
    for (const id of [lea, marc]) for (const scope of ['recording', 'workshop', 'elected']) await call('consent.set', grant(id, scope));
    await call('consent.set', grant(marc, 'partners', { conditions: ['face-blurred'] }));
    await call('consent.set', grant(lea, 'partners'));
    await call('consent.set', { personId: lea, scope: 'elected', status: 'withdrawn' });
    const recording = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `mixed-${count}.mp4`, 1),
      sessionId,
      people: [{ personId: lea }, { personId: marc }],
    });

    const elected = await call<RecordingCheck>('consent.check', { recordingId: recording.id, audience: 'elected' });
    expect(elected.decision).toBe('refused');
    expect(elected.people.find((p) => p.personId === lea)!.result).toEqual({
      decision: 'refused',
      conditions: [],
      reasons: [{ code: 'withdrawn', scope: 'elected' }],
    });
    expect(elected.people.find((p) => p.personId === marc)!.result.decision).toBe('allowed');
    const partners = await call<RecordingCheck>('consent.check', { recordingId: recording.id, audience: 'partners' });
    expect(partners.decision).toBe('allowed-with');
    expect(partners.people.find((p) => p.personId === marc)!.result.conditions).toEqual(['face-blurred']);

    const dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    const row = (id: number) => dashboard.people.find((p) => p.personId === id)!;
    expect(row(lea).audiences.elected.decision).toBe('refused');
    expect(row(marc).audiences.elected.decision).toBe('allowed');
    expect(row(lea).audiences.public.reasons).toEqual([{ code: 'no-consent', scope: 'public' }]);
  });

  it('lists what expires soon and treats expired consent as missing', async () => {
    const { call, person, projectId } = await setup();
    const lea = await person('Léa');
    await call('consent.set', grant(lea, 'recording', { expiresOn: '2026-12-10' }));
    await call('consent.set', grant(lea, 'workshop', { expiresOn: '2026-11-30' }));
    const soon = await call<ConsentDashboard>('consent.dashboard', { projectId, expiringWithinDays: 30 });
    expect(soon.people[0]!.expiringSoon).toEqual([
      { scope: 'recording', expiresOn: '2026-12-10' },
      { scope: 'workshop', expiresOn: '2026-11-30' },
    ]);
    const later = await call<ConsentDashboard>('consent.dashboard', { projectId, on: '2026-12-05' });
    expect(later.people[0]!.audiences.workshop.reasons).toEqual([{ code: 'expired', scope: 'workshop', expiredOn: '2026-11-30' }]);
  });

  it('requires a guardian and the child’s own agreement under 15', async () => {
    const { ctx, call, person, projectId } = await setup();
    const ines = await person('Inès', '2013-05-01');
    const shown = await call<PersonConsent>('consent.addGuardian', { personId: ines, name: 'Mme Martin', relationship: 'mère' });
    const guardianId = shown.guardians[0]!.id;
    // consent.set refuses a minor's consent without their agreement; a library from before schema 10 may hold one
    await expect(call('consent.set', grant(ines, 'recording', { guardianIds: [guardianId] }))).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'minorAgreed',
    });
    ctx.library.db
      .prepare(
        "INSERT INTO consents (person_id, scope, status, decided_on, method, conditions, minor_agreed, updated_at) VALUES (?, 'recording', 'granted', '2026-11-22', 'signed-form', '[]', 0, '')",
      )
      .run(ines);
    ctx.library.db
      .prepare("INSERT INTO consent_guardian_signatures (person_id, scope, guardian_id) VALUES (?, 'recording', ?)")
      .run(ines, guardianId);
    await call('consent.set', grant(ines, 'workshop', { guardianIds: [guardianId], minorAgreed: true }));
    let dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    expect(dashboard.people[0]).toMatchObject({ minor: true });
    expect(dashboard.people[0]!.audiences.workshop.reasons).toEqual([{ code: 'minor-agreement-missing', scope: 'recording' }]);
    await call('consent.set', grant(ines, 'recording', { minorAgreed: true, guardianIds: [guardianId] }));
    dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    expect(dashboard.people[0]!.audiences.workshop.decision).toBe('allowed');
  });
});

describe('consent form', () => {
  it('makes a one-page A4 PDF with the person, the scopes and the guardian block', async () => {
    const { ctx, call, person } = await setup();
    const ines = await person('Inès Durand', '2013-05-01');
    const form = await call<{ assetId: number }>('consent.form', { personId: ines });
    const file = ctx.library.mediaAssets.resolve(form.assetId).absolutePath;
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Inès Durand',
      "J'accepte d'être filmé·e",
      'élus de la Région',
      'public',
      'Flouter mon visage',
      'responsable légal',
      'moins de 18 ans',
      'Parent 2',
      '2026-11-loi-2024-120',
      'eric@example.org',
      '2 ans',
    ]) {
      expect(text).toContain(expected);
    }
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*A4/);
  });
});

describe('erasure (right to be forgotten)', () => {
  it('deletes every file and row of a person who appears alone, keeps mixed videos for review, and the library still opens', async () => {
    const { ctx, dir, call, person, sessionId, projectId } = await setup();
    const name = 'Zéphyrine Quillard';
    const zephyrine = await person(name);
    const marc = await person('Marc');
    await call('consent.set', grant(zephyrine, 'recording'));
    await call('consent.addGuardian', { personId: zephyrine, name: 'Tuteur Quillard' });
    await call('consent.form', { personId: zephyrine });
    const scan = Buffer.from('%PDF-1.4 scan of the signed form');
    await call('consent.attachEvidence', { personId: zephyrine, scope: 'recording', fileName: 'scan.pdf', data: scan });
    const alone = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `alone-${count}.mp4`, 1),
      sessionId,
      title: 'Témoignage seule',
      people: [{ personId: zephyrine }],
    });
    const mixed = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `both-${count}.mp4`, 1),
      sessionId,
      title: 'À deux',
      people: [{ personId: zephyrine }, { personId: marc }],
    });
    const aloneFolder = path.dirname(ctx.library.mediaAssets.resolve(alone.masterAssetId!).absolutePath);
    await call('comments.add', {
      recordingId: mixed.id,
      startSeconds: 0.5,
      authorPersonId: zephyrine,
      text: 'Je m’appelle Zéphyrine Quillard',
    });
    const kept = await call<{ id: number }>('comments.add', {
      recordingId: mixed.id,
      startSeconds: 0.7,
      authorPersonId: marc,
      text: 'Bonne entrée en matière',
    });

    const onDisk = (needle: Buffer) =>
      ['library.sqlite', 'library.sqlite-wal'].some(
        (file) => fs.existsSync(path.join(dir, file)) && fs.readFileSync(path.join(dir, file)).includes(needle),
      );
    expect(onDisk(Buffer.from('Quillard'))).toBe(true); // the check below can fail

    const result = await call<{ recordingsDeleted: number; recordingsToReview: number[] }>('people.erase', {
      personId: zephyrine,
      actor: 'Karim',
    });
    expect(result).toEqual({ erased: true, recordingsDeleted: 1, recordingsToReview: [mixed.id] });

    // files
    expect(fs.existsSync(aloneFolder)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'exports', 'forms', `person-${zephyrine}`))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'media', 'consents'))).toEqual([]);
    // rows
    const db = ctx.library.db;
    for (const [table, column] of [
      ['people', 'id'],
      ['consents', 'person_id'],
      ['guardians', 'person_id'],
      ['recording_people', 'person_id'],
      ['consent_audit', 'person_id'],
    ]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(zephyrine)).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM recordings WHERE id = ?').get(alone.id)).toEqual({ n: 0 });
    expect((await call<Recording>('recordings.get', { id: mixed.id })).needsReview).toMatch(/erased/);
    expect((await call<Array<{ id: number }>>('comments.list', { recordingId: mixed.id })).map((c) => c.id)).toEqual([kept.id]);
    // the erasure is logged, without personal data
    const log = db.prepare("SELECT * FROM consent_audit WHERE action = 'erasure'").all() as Array<Record<string, unknown>>;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ person_id: null, project_id: projectId, actor: 'Karim' });
    expect(JSON.stringify(log)).not.toContain('Zéphyrine');

    // nothing of the name is left on disk, WAL included
    expect(onDisk(Buffer.from('Quillard'))).toBe(false);
    closeApiContext(ctx);
    const reopened = createApiContext(dir, 'http');
    contexts.push(reopened);
    expect((await dispatch('people.list', { projectId }, reopened)) as unknown[]).toHaveLength(1);
  });
});
