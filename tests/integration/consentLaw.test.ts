// Consent as French law has it, through dispatch and through the CLI: a minor's consent
// is saved only with the parental authorisations it needs, a consent cannot be dated in
// the future, the register keeps the proof, and the dashboard lists renewals at majority.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { ConsentDashboard, PersonConsent } from '../../src-shared/contract/schemas';
import { CONSENT_FORM_VERSION, consentFormSha256 } from '../../src-main/consent/consentFormVersion';
import { localToday } from '../../src-shared/age';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-consent-law-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;
const TODAY = '2026-11-22';

async function setup() {
  const ctx = createApiContext(path.join(root, `library-${++count}`), 'http', { trusted: true, now: () => `${TODAY}T10:00:00.000Z` });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const project = await call<{ id: number }>('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' });
  const person = (displayName: string, birthDate: string | null) =>
    call<{ id: number }>('people.add', { projectId: project.id, displayName, role: 'young-person', birthDate }).then((p) => p.id);
  const guardian = (personId: number, name: string, extra: Record<string, unknown> = {}) =>
    call<PersonConsent>('consent.addGuardian', { personId, name, ...extra }).then((c) => c.guardians.find((g) => g.name === name)!.id);
  return { ctx, call, projectId: project.id, person, guardian };
}

const grant = (personId: number, scope: string, extra: Record<string, unknown> = {}) => ({
  personId,
  scope,
  status: 'granted',
  method: 'signed-form',
  decidedOn: '2026-11-20',
  ...extra,
});

describe('consent.set enforces the parental authorisations of a minor (Code civil art. 372-1)', () => {
  it('17 with one parent: workshop accepted, elected refused naming the missing second parent; both parents accepted', async () => {
    const { ctx, call, person, guardian } = await setup();
    const camille = await person('Camille Fabre', '2009-03-15');
    const mother = await guardian(camille, 'Nadia Fabre', { capacity: 'parent-1', relationship: 'mère' });
    const rows = () => JSON.stringify(ctx.library.db.prepare('SELECT count(*) c FROM consents').get());

    await call('consent.set', grant(camille, 'recording', { minorAgreed: true, guardianIds: [mother] }));
    await call('consent.set', grant(camille, 'workshop', { minorAgreed: true, guardianIds: [mother] }));
    const before = rows();
    const refusal = call('consent.set', grant(camille, 'elected', { minorAgreed: true, guardianIds: [mother] }));
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-input', field: 'guardianIds' });
    await expect(refusal).rejects.toThrow(/Camille Fabre.*mineur.*20\/11\/2026[\s\S]*second parent/);
    expect(rows()).toBe(before);
    // without the minor's own agreement, even the workshop is refused
    await expect(call('consent.set', grant(camille, 'partners', { guardianIds: [mother] }))).rejects.toThrow(/accord du jeune/);
    // and without any parent, being filmed is refused
    const alone = await person('Yanis', '2010-06-01');
    await expect(call('consent.set', grant(alone, 'recording', { minorAgreed: true }))).rejects.toThrow(/signature écrite d’un parent/);

    const father = await guardian(camille, 'Samir Fabre', { capacity: 'parent-2', relationship: 'père' });
    const { consent } = await call<{ consent: PersonConsent }>(
      'consent.set',
      grant(camille, 'elected', { minorAgreed: true, guardianIds: [mother, father], place: 'ERIC de Lens' }),
    );
    const elected = consent.scopes.find((s) => s.scope === 'elected')!;
    expect(elected).toMatchObject({
      status: 'granted',
      place: 'ERIC de Lens',
      formVersion: CONSENT_FORM_VERSION,
      formSha256: consentFormSha256(),
      missing: [],
      validUntil: '2027-03-14',
      validUntilMajority: true,
      signatories: [
        { guardianId: mother, capacity: 'parent-1', soleHolderReason: null },
        { guardianId: father, capacity: 'parent-2', soleHolderReason: null },
      ],
    });
    expect(consent.majorityOn).toBe('2027-03-15');
  });

  it('a sole holder needs the reason recorded; an emancipated minor consents alone (with proof)', async () => {
    const { call, person, guardian } = await setup();
    const lina = await person('Lina', '2009-05-02');
    const sole = await guardian(lina, 'Mme Roux', { capacity: 'sole-holder' });
    await expect(call('consent.set', grant(lina, 'public', { minorAgreed: true, guardianIds: [sole] }))).rejects.toMatchObject({
      field: 'guardianIds',
    });
    await call('consent.updateGuardian', { guardianId: sole, capacity: 'sole-holder', soleHolderReason: 'other-parent-deceased' });
    await call('consent.set', grant(lina, 'public', { minorAgreed: true, guardianIds: [sole] }));
    await expect(
      call('consent.addGuardian', { personId: lina, name: 'X', capacity: 'parent-1', soleHolderReason: 'court-decision' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'soleHolderReason',
    });

    const noa = await person('Noa', '2009-01-10');
    await expect(call('consent.setEmancipation', { personId: noa, emancipatedOn: '2026-09-01' })).rejects.toMatchObject({ field: 'proof' });
    await call('consent.setEmancipation', {
      personId: noa,
      emancipatedOn: '2026-09-01',
      proof: 'Jugement du tribunal judiciaire de Lille, 1er septembre 2026',
    });
    const { consent } = await call<{ consent: PersonConsent }>('consent.set', grant(noa, 'public'));
    expect(consent.emancipation).toMatchObject({ emancipatedOn: '2026-09-01' });
    expect(consent.scopes.find((s) => s.scope === 'public')).toMatchObject({ status: 'granted', missing: [], validUntilMajority: false });
  });

  it('refuses a consent dated in the future, naming the field, in French', async () => {
    const { call, person } = await setup();
    const lea = await person('Léa', null);
    const refusal = call('consent.set', grant(lea, 'recording', { decidedOn: '2026-11-23' }));
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-input', field: 'decidedOn' });
    await expect(refusal).rejects.toThrow(/dans le futur : 23\/11\/2026/);
    await call('consent.set', grant(lea, 'recording', { decidedOn: TODAY }));
  });

  it('a consent covers only uses from its date: a check on an earlier day refuses, naming the date', async () => {
    const { call, person, projectId } = await setup();
    const lea = await person('Léa', null);
    for (const scope of ['recording', 'workshop']) await call('consent.set', grant(lea, scope));
    const earlier = await call<ConsentDashboard>('consent.dashboard', { projectId, on: '2026-11-19' });
    expect(earlier.people[0]!.audiences.workshop.reasons).toEqual([
      { code: 'before-consent', scope: 'recording', decidedOn: '2026-11-20' },
      { code: 'before-consent', scope: 'workshop', decidedOn: '2026-11-20' },
    ]);
    const onTheDay = await call<ConsentDashboard>('consent.dashboard', { projectId, on: '2026-11-20' });
    expect(onTheDay.people[0]!.audiences.workshop.decision).toBe('allowed');
  });

  it('old guardians count as one parent: an old consent beyond the workshop is "missing second parent" on the dashboard', async () => {
    const { ctx, call, person, projectId } = await setup();
    const tom = await person('Tom', '2010-02-01');
    // a library from before schema 10: guardian without capacity, consent written directly
    const guardianId = Number(
      ctx.library.db
        .prepare("INSERT INTO guardians (person_id, name, relationship, created_at) VALUES (?, 'M. Petit', 'père', '')")
        .run(tom).lastInsertRowid,
    );
    for (const scope of ['recording', 'elected']) {
      ctx.library.db
        .prepare(
          "INSERT INTO consents (person_id, scope, status, decided_on, method, conditions, minor_agreed, updated_at) VALUES (?, ?, 'granted', '2026-10-01', 'signed-form', '[]', 1, '')",
        )
        .run(tom, scope);
      ctx.library.db
        .prepare('INSERT INTO consent_guardian_signatures (person_id, scope, guardian_id) VALUES (?, ?, ?)')
        .run(tom, scope, guardianId);
    }
    const dashboard = await call<ConsentDashboard>('consent.dashboard', { projectId });
    expect(dashboard.people[0]!.audiences.elected.reasons).toEqual([{ code: 'second-holder-missing', scope: 'elected' }]);
    const shown = await call<PersonConsent>('consent.show', { personId: tom });
    expect(shown.guardians[0]).toMatchObject({ capacity: 'parent-1', soleHolderReason: null });
    expect(shown.scopes.find((s) => s.scope === 'elected')).toMatchObject({ missing: ['second-holder'], formVersion: null });
  });

  it('lists minors whose consent ends at majority within the window, with "majorité le JJ/MM/AAAA"', async () => {
    const { call, person, guardian, projectId } = await setup();
    const zoe = await person('Zoé', '2008-12-10'); // 18 on 2026-12-10
    const p1 = await guardian(zoe, 'Parent A', { capacity: 'parent-1' });
    await call('consent.set', grant(zoe, 'recording', { minorAgreed: true, guardianIds: [p1] }));
    const soon = await call<ConsentDashboard>('consent.dashboard', { projectId, expiringWithinDays: 30 });
    expect(soon.people[0]!.expiringSoon).toEqual([
      { scope: 'recording', expiresOn: '2026-12-09', majorityOn: '2026-12-10', reason: 'majorité le 10/12/2026' },
    ]);
    const after = await call<ConsentDashboard>('consent.dashboard', { projectId, on: '2026-12-10' });
    expect(after.people[0]!.recordingConsent.reasons).toEqual([{ code: 'ended-at-majority', scope: 'recording', expiredOn: '2026-12-09' }]);
  });
});

describe('the CLI cannot bypass the law', () => {
  const repo = path.resolve(__dirname, '../..');
  const library = path.join(root, 'cli-library');
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
      cwd: repo,
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const json = (...args: string[]) => {
    const result = cli(...args, '--json');
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  };

  it('refuses elected with one parent, accepts workshop, refuses a date tomorrow, and prints the register', () => {
    const today = localToday();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const birth = `${y - 17}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
    const project = json('projects', 'create', '--name', 'CLI', '--kind', 'testimony-campaign');
    const minor = json(
      'people',
      'add',
      '--project',
      String(project.id),
      '--name',
      'Maël Durand',
      '--role',
      'young-person',
      '--birth-date',
      birth,
    );
    const shown = json('consent', 'guardian', '--person', String(minor.id), '--name', 'Anne Durand', '--capacity', 'parent-1');
    const parent = String(shown.guardians[0].id);
    const set = (scope: string, ...extra: string[]) =>
      cli('consent', 'set', '--person', String(minor.id), '--scope', scope, '--status', 'granted', '--method', 'signed-form', ...extra);

    expect(set('recording', '--minor-agreed', '--guardian', parent, '--place', 'ERIC de Brest').code).toBe(0);
    expect(set('workshop', '--minor-agreed', '--guardian', parent).code).toBe(0);
    const elected = set('elected', '--minor-agreed', '--guardian', parent);
    expect(elected.code).not.toBe(0);
    expect(elected.stderr).toMatch(/second parent/);

    const tomorrow = new Date(y, m - 1, d + 1);
    const tomorrowIso = localToday(tomorrow);
    const future = set('workshop', '--minor-agreed', '--guardian', parent, '--date', tomorrowIso);
    expect(future.code).not.toBe(0);
    expect(future.stderr).toMatch(/decidedOn.*futur|futur[\s\S]*decidedOn/);

    const register = cli('consent', 'show', '--person', String(minor.id));
    expect(register.code).toBe(0);
    expect(register.stdout).toContain('Registre des consentements');
    expect(register.stdout).toContain(`formulaire ${CONSENT_FORM_VERSION} (SHA-256 ${consentFormSha256()})`);
    expect(register.stdout).toMatch(/Être filmé : accordé le .* à ERIC de Brest · formulaire signé/);
    expect(register.stdout).toContain('parent 1 (titulaire de l’autorité parentale) (Anne Durand)');
    expect(register.stdout).toContain('accord du jeune : oui');
    expect(register.stdout).toMatch(/Élus : en attente/);
  });
});
