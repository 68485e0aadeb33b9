/**
 * Who is in a recording, as an adversary would try it through the API: every change that
 * can widen an output (link, unlink, delete, birth date, name, a clip's narrowing,
 * conditions, expiry) is logged with actor and reason, can never silently lift the gate,
 * and recalls what already left with a French reason naming the person and the change.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { ConsentDashboard, PersonConsent, Recording } from '../../src-shared/contract/schemas';
import type { Clip, ExportRecord, RenderCheck } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-people-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;
let video: string;

async function setup() {
  video ??= makeTestVideo(root, 'temoignage.mp4', 4);
  const clock = { today: '2026-11-22' };
  const dir = path.join(root, `library-${++count}`);
  const ctx = createApiContext(dir, 'http', { trusted: true, now: () => `${clock.today}T10:00:00.000Z` });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Témoignages 2026', kind: 'testimony-campaign' })).id;
  const person = async (displayName: string, options: { refuse?: string; conditions?: string[]; birthDate?: string } = {}) => {
    const id = (await call<{ id: number }>('people.add', { projectId, displayName, role: 'young-person', birthDate: options.birthDate }))
      .id;
    for (const scope of ['recording', 'workshop', 'partners', 'elected', 'public']) {
      if (scope === options.refuse) await call('consent.set', { personId: id, scope, status: 'refused' });
      else await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form', conditions: options.conditions });
    }
    return id;
  };
  const testimony = () =>
    call<Recording>('recordings.importFile', { path: video, projectId, kind: 'testimony', title: 'Témoignage atelier bois' });
  const exportRange = async (recordingId: number, audience = 'elected', options?: Record<string, unknown>) =>
    (
      await call<{ export: ExportRecord }>('render.start', {
        target: { kind: 'range', recordingId, fromSeconds: 0.5, toSeconds: 2.5 },
        audience,
        options,
        wait: true,
      })
    ).export;
  const history = async (personId: number) => (await call<PersonConsent>('consent.show', { personId })).history;
  const flagged = async () => (await call<ConsentDashboard>('consent.dashboard', { projectId })).flaggedExports;
  return { ctx, call, clock, projectId, person, testimony, exportRange, history, flagged };
}

describe('who is in a recording', () => {
  it('an imported testimony is refused for every audience until its people are linked; each link is logged with its part', async () => {
    const { call, person, testimony, history } = await setup();
    const lea = await person('Léa Martin');
    const take = await testimony();
    const check = (recordingId: number) =>
      call<RenderCheck>('render.check', { target: { kind: 'range', recordingId, fromSeconds: 0, toSeconds: 2 }, audience: 'elected' });
    expect((await check(take.id)).recordingProblems).toEqual([expect.objectContaining({ problem: 'nobody-linked' })]);

    const linked = await call<{ recording: Recording; flaggedExports: number[] }>('recordings.linkPerson', {
      recordingId: take.id,
      personId: lea,
      part: 'apprentie',
      actor: 'Karim',
    });
    expect(linked.recording.people).toEqual([expect.objectContaining({ personId: lea, part: 'apprentie' })]);
    expect((await check(take.id)).allowed).toBe(true);
    const entry = (await history(lea)).find((h) => h.action === 'recording-linked')!;
    expect(entry).toMatchObject({ actor: 'Karim', change: { recordingId: take.id, from: null, to: 'apprentie' } });

    // someone from another project cannot be linked; an unknown person neither
    const otherProject = (await call<{ id: number }>('projects.create', { name: 'Autre', kind: 'testimony-campaign' })).id;
    const stranger = (await call<{ id: number }>('people.add', { projectId: otherProject, displayName: 'Inconnu', role: 'other' })).id;
    await expect(call('recordings.linkPerson', { recordingId: take.id, personId: stranger })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'personId',
    });
    await expect(call('recordings.linkPerson', { recordingId: take.id, personId: 9999 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('unlinking is logged; after an export or for a person who refused, it needs an actor and a reason', async () => {
    const { call, person, testimony, exportRange, history } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad', { refuse: 'elected' });
    const mistaken = await person('Yanis Erreur');
    const take = await testimony();
    for (const personId of [lea, karim, mistaken]) await call('recordings.linkPerson', { recordingId: take.id, personId });

    // a person linked by mistake, never exported, no refusal: a plain unlink, still logged
    await call('recordings.unlinkPerson', { recordingId: take.id, personId: mistaken });
    expect((await history(mistaken)).at(-1)).toMatchObject({ action: 'recording-unlinked', change: { from: '', to: null } });

    // Karim refused the elected: taking him out would let the video reach them
    await expect(call('recordings.unlinkPerson', { recordingId: take.id, personId: karim })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'actor',
      message: expect.stringContaining('Karim Haddad'),
    });
    await expect(call('recordings.unlinkPerson', { recordingId: take.id, personId: karim, actor: 'Sophie' })).rejects.toMatchObject({
      field: 'reason',
    });
    // nor can recordings.update slip around it with a whole new list
    await expect(call('recordings.update', { id: take.id, changes: { people: [{ personId: lea }] } })).rejects.toMatchObject({
      field: 'actor',
    });
    expect((await call<Recording>('recordings.get', { id: take.id })).people.map((p) => p.personId).sort()).toEqual([lea, karim].sort());

    await call('recordings.unlinkPerson', { recordingId: take.id, personId: karim, actor: 'Sophie', reason: 'Karim est hors champ' });
    expect((await history(karim)).at(-1)).toMatchObject({
      action: 'recording-unlinked',
      actor: 'Sophie',
      reason: 'Karim est hors champ',
      change: { recordingId: take.id, refusing: true },
    });

    // once exported, unlinking anyone needs an actor and a reason too
    await exportRange(take.id);
    await expect(call('recordings.unlinkPerson', { recordingId: take.id, personId: lea })).rejects.toMatchObject({ field: 'actor' });
  });

  it('linking a refusing person to an exported recording flags the export with a French reason naming them', async () => {
    const { call, person, testimony, exportRange, flagged } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad', { refuse: 'elected' });
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea });
    const forElected = await exportRange(take.id, 'elected');
    const forPartners = await exportRange(take.id, 'partners');

    const linked = await call<{ flaggedExports: number[] }>('recordings.linkPerson', {
      recordingId: take.id,
      personId: karim,
      part: 'employeur',
    });
    expect(linked.flaggedExports).toEqual([forElected.id]);
    const recall = await flagged();
    expect(recall).toEqual([
      expect.objectContaining({
        id: forElected.id,
        change: 'linked',
        flagReason:
          'Lien ajouté le 22 novembre 2026 : Karim Haddad apparaît dans « Témoignage atelier bois », déjà exporté ; Karim Haddad a refusé son accord pour les élus',
      }),
    ]);
    // the partners export showed him too: he is now in its register, and a later withdrawal recalls it
    const { flaggedExports } = await call<{ flaggedExports: number[] }>('consent.set', {
      personId: karim,
      scope: 'partners',
      status: 'withdrawn',
      actor: 'Karim',
    });
    expect(flaggedExports).toEqual([forPartners.id]);
    expect((await flagged()).find((f) => f.id === forPartners.id)!.flagReason).toBe(
      'Karim Haddad a retiré son accord pour les partenaires le 22 novembre 2026',
    );
  });

  it('refuses to delete a person linked to a recording or shown in an export, with the French hint; others are deleted and logged', async () => {
    const { ctx, call, person, testimony, exportRange } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad');
    const nobody = await person('Personne Ajoutée Par Erreur');
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea });
    await call('recordings.linkPerson', { recordingId: take.id, personId: karim });
    await exportRange(take.id);
    // Karim leaves the recording (with a reason), but he is still in the export
    await call('recordings.unlinkPerson', { recordingId: take.id, personId: karim, actor: 'Sophie', reason: 'hors champ' });

    const hint = "Cette personne apparaît dans un enregistrement ou un export : utilisez « Effacer ses données » (droit à l'effacement).";
    for (const id of [lea, karim]) {
      await expect(call('people.delete', { id })).rejects.toMatchObject({ code: 'conflict', hint });
      expect(ctx.library.people.get(id).id).toBe(id);
    }
    await call('people.delete', { id: nobody, actor: 'Sophie', reason: 'doublon' });
    expect(() => ctx.library.people.get(nobody)).toThrow();
    const log = ctx.library.db.prepare("SELECT * FROM consent_audit WHERE action = 'person-deleted'").all() as Array<{
      person_id: number;
      actor: string;
      reason: string;
      change: string;
    }>;
    // a plain delete forgets the person everywhere: the log keeps who did it and why, not whom
    expect(log).toEqual([expect.objectContaining({ person_id: null, actor: 'Sophie', reason: 'doublon' })]);
    expect(JSON.parse(log[0]!.change)).toMatchObject({ to: null });
  });

  it('a birth date that reveals a minor recalls the export; making a minor an adult or clearing the date needs an actor and a reason', async () => {
    const { call, person, testimony, exportRange, flagged, history } = await setup();
    const lea = await person('Léa Martin');
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea });
    const made = await exportRange(take.id, 'elected');
    const workshop = await exportRange(take.id, 'workshop');

    await call('people.update', { id: lea, changes: { birthDate: '2010-03-03' }, actor: 'Sophie', reason: 'vérifié sur sa carte' });
    const recall = await flagged();
    // French law: under 18, even the workshop needs a parent's authorisation, so both exports are recalled
    expect(recall.map((f) => f.id).sort()).toEqual([made.id, workshop.id].sort());
    expect(recall.find((f) => f.id === made.id)).toMatchObject({
      change: 'minor',
      flagReason:
        'Date de naissance de Léa Martin corrigée le 22 novembre 2026 : Léa Martin a moins de 18 ans et son propre accord manque pour le tournage',
    });
    expect((await history(lea)).at(-1)).toMatchObject({
      action: 'birth-date-changed',
      actor: 'Sophie',
      change: { from: null, to: '2010-03-03' },
    });

    // clearing the date (or an adult's date) would lift the guardian rule: not without an actor and a reason
    await expect(call('people.update', { id: lea, changes: { birthDate: null } })).rejects.toMatchObject({ field: 'actor' });
    await expect(call('people.update', { id: lea, changes: { birthDate: '1990-01-01' }, actor: 'X' })).rejects.toMatchObject({
      field: 'reason',
    });
    const refused = await call<RenderCheck>('render.check', {
      target: { kind: 'range', recordingId: take.id, fromSeconds: 0, toSeconds: 2 },
      audience: 'elected',
    });
    expect(refused.allowed).toBe(false);
    await call('people.update', { id: lea, changes: { birthDate: null }, actor: 'Sophie', reason: 'date saisie par erreur' });
    expect((await history(lea)).at(-1)).toMatchObject({
      action: 'birth-date-changed',
      reason: 'date saisie par erreur',
      change: { from: '2010-03-03', to: null },
    });
    // clearing the date flags nothing more than the two exports the minor's date recalled
    expect((await flagged()).map((f) => f.id).sort()).toEqual([made.id, workshop.id].sort());
  });

  it('a name change recalls exports that printed the name, not those that printed only the first name or none', async () => {
    const { call, person, testimony, exportRange, flagged, history } = await setup();
    const lea = await person('Léa Martin');
    const samira = await person('Samira Benali', { conditions: ['first-name-only'] });
    const leaTake = await testimony();
    const samiraTake = await testimony();
    await call('recordings.linkPerson', { recordingId: leaTake.id, personId: lea });
    await call('recordings.linkPerson', { recordingId: samiraTake.id, personId: samira });
    const named = await exportRange(leaTake.id, 'elected', { lowerThirds: true });
    const faceOnly = await exportRange(leaTake.id, 'partners');
    const firstNameOnly = await exportRange(samiraTake.id, 'elected', { lowerThirds: true });

    await call('people.update', { id: lea, changes: { displayName: 'Léa Durand' }, actor: 'Léa' });
    await call('people.update', { id: samira, changes: { displayName: 'Samira Haddad' } });
    const recall = await flagged();
    expect(recall.map((f) => f.id)).toEqual([named.id]);
    expect(recall[0]!.flagReason).toBe("Léa Durand a changé de nom le 22 novembre 2026 (nom montré dans l'export : « Léa Martin »)");
    expect([faceOnly.id, firstNameOnly.id].some((id) => recall.some((f) => f.id === id))).toBe(false);
    expect((await history(lea)).at(-1)).toMatchObject({ action: 'renamed', change: { from: 'Léa Martin', to: 'Léa Durand' } });
  });

  it('conditions added, an end date brought forward, and an end date passed each recall the export in French', async () => {
    const { call, clock, person, testimony, exportRange, flagged } = await setup();
    const lea = await person('Léa Martin');
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea });
    const first = await exportRange(take.id);
    await call('consent.set', { personId: lea, scope: 'elected', status: 'granted', method: 'signed-form', conditions: ['face-blurred'] });
    expect((await flagged()).find((f) => f.id === first.id)).toMatchObject({
      change: 'conditions',
      flagReason: 'Léa Martin a demandé le 22 novembre 2026 une condition de plus pour les élus : visage flouté',
    });

    const second = await exportRange(take.id); // blurred now
    await call('consent.set', {
      personId: lea,
      scope: 'elected',
      status: 'granted',
      method: 'signed-form',
      conditions: ['face-blurred'],
      expiresOn: '2026-12-31',
    });
    expect((await flagged()).find((f) => f.id === second.id)).toMatchObject({
      change: 'expiry-shortened',
      flagReason: 'Léa Martin a avancé le 22 novembre 2026 la fin de son accord pour les élus au 31 décembre 2026',
    });

    const third = await exportRange(take.id);
    expect((await flagged()).some((f) => f.id === third.id)).toBe(false);
    clock.today = '2027-01-04';
    expect((await flagged()).find((f) => f.id === third.id)).toMatchObject({
      change: 'expired',
      flagReason: "L'accord de Léa Martin pour les élus a pris fin le 31 décembre 2026",
    });
  });
});

describe('who appears in a clip', () => {
  it('a confirmed narrowing lets a clip out without the person who refused; someone linked later is never silently left out', async () => {
    const { call, person, testimony, history } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad', { refuse: 'elected' });
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea });
    await call('recordings.linkPerson', { recordingId: take.id, personId: karim });
    const clip = await call<Clip>('clips.create', { recordingId: take.id, name: 'Léa seule', inSeconds: 0.5, outSeconds: 2.5 });
    expect(clip).toMatchObject({ excludedPersonIds: [], peopleConfirmedAt: null });
    const check = () => call<RenderCheck>('render.check', { target: { kind: 'clip', clipId: clip.id }, audience: 'elected' });
    expect((await check()).blockers.map((b) => b.displayName)).toEqual(['Karim Haddad']);

    await expect(call('clips.setPeople', { clipId: clip.id, personIds: [lea] })).rejects.toMatchObject({ field: 'confirmed' });
    await expect(call('clips.setPeople', { clipId: clip.id, personIds: [lea, 9999], confirmed: true })).rejects.toMatchObject({
      field: 'personIds',
    });
    const narrowed = await call<Clip>('clips.setPeople', {
      clipId: clip.id,
      personIds: [lea],
      confirmed: true,
      actor: 'Sophie',
      reason: 'Karim est hors champ de 0:00 à 0:03',
    });
    expect(narrowed).toMatchObject({ excludedPersonIds: [karim], peopleConfirmedAt: '2026-11-22T10:00:00.000Z' });
    const allowed = await check();
    expect(allowed).toMatchObject({ allowed: true, blockers: [] });
    expect(allowed.people.map((p) => p.displayName)).toEqual(['Léa Martin']);
    expect((await history(karim)).at(-1)).toMatchObject({
      action: 'clip-person-excluded',
      actor: 'Sophie',
      change: {
        clipId: clip.id,
        from: 'appears',
        to: 'excluded',
        confirmation: 'Je confirme que seules ces personnes apparaissent dans cet extrait',
      },
    });
    // a range of the same recording is not narrowed
    const range = await call<RenderCheck>('render.check', {
      target: { kind: 'range', recordingId: take.id, fromSeconds: 0.5, toSeconds: 2.5 },
      audience: 'elected',
    });
    expect(range.allowed).toBe(false);

    // a person linked after the confirmation appears in the clip until someone confirms again
    const yanis = await person('Yanis Morel', { refuse: 'elected' });
    await call('recordings.linkPerson', { recordingId: take.id, personId: yanis });
    expect((await check()).blockers.map((b) => b.displayName)).toEqual(['Yanis Morel']);
    // unlinking Karim and linking him again brings him back into the clip too
    await call('recordings.unlinkPerson', { recordingId: take.id, personId: yanis, actor: 'Sophie', reason: 'erreur' });
    await call('recordings.unlinkPerson', { recordingId: take.id, personId: karim, actor: 'Sophie', reason: 'erreur' });
    await call('recordings.linkPerson', { recordingId: take.id, personId: karim });
    expect((await call<Clip[]>('clips.list', { recordingId: take.id }))[0]!.excludedPersonIds).toEqual([]);
    expect((await check()).blockers.map((b) => b.displayName)).toEqual(['Karim Haddad']);
  });
});

describe('recall with its recipients', () => {
  it('lists whom to notify, writes a letter naming the export and the recipient but not the person, and rebuilds without them', async () => {
    const { ctx, call, clock, person, testimony, flagged, projectId } = await setup();
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad');
    const take = await testimony();
    await call('recordings.linkPerson', { recordingId: take.id, personId: lea, part: 'apprentie' });
    await call('recordings.linkPerson', { recordingId: take.id, personId: karim, part: 'employeur' });
    const both = await call<Clip>('clips.create', { recordingId: take.id, name: 'Le duo', inSeconds: 0.5, outSeconds: 2 });
    const karimAlone = await call<Clip>('clips.create', {
      recordingId: take.id,
      name: 'Le regard employeur',
      inSeconds: 2,
      outSeconds: 3.5,
    });
    await call('clips.setPeople', { clipId: karimAlone.id, personIds: [karim], confirmed: true, actor: 'Sophie' });
    const clipExport = (
      await call<{ export: ExportRecord }>('render.start', { target: { kind: 'clip', clipId: both.id }, audience: 'elected', wait: true })
    ).export;
    const pack = (await call<{ export: ExportRecord }>('packs.build', { spec: { projectId, audience: 'elected' }, wait: true, zip: false }))
      .export;

    clock.today = '2026-11-26'; // the exports are handed over a few days after they were made
    await expect(call('exports.addRecipient', { exportId: clipExport.id, name: '  ' })).rejects.toMatchObject({ field: 'name' });
    // a hand-over cannot be dated in the future: refused in French, naming the field
    await expect(
      call('exports.addRecipient', { exportId: clipExport.id, name: 'Conseil régional', givenOn: '2026-11-27' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'givenOn',
      message: expect.stringMatching(/date de remise \(givenOn\) est dans le futur : 27 novembre 2026/),
    });
    expect(await call('exports.recipients', { exportId: clipExport.id })).toEqual([]);
    const region = await call<{ id: number }>('exports.addRecipient', {
      exportId: clipExport.id,
      name: 'Conseil régional — service Jeunesse',
      givenOn: '2026-11-25',
      actor: 'Sophie',
    });
    await call('exports.addRecipient', { exportId: pack.id, name: 'Mme Le Goff, élue', givenOn: '2026-11-26' });
    expect(await call('exports.recipients', { exportId: clipExport.id })).toEqual([
      expect.objectContaining({ name: 'Conseil régional — service Jeunesse', givenOn: '2026-11-25' }),
    ]);
    await expect(call('exports.recallLetter', { exportId: clipExport.id, recipientId: region.id })).rejects.toMatchObject({
      field: 'exportId',
    });

    clock.today = '2026-11-28'; // a consent cannot be dated in the future: the withdrawal comes days later
    await call('consent.set', { personId: lea, scope: 'elected', status: 'withdrawn', decidedOn: '2026-11-28', actor: 'Léa' });
    const recall = await flagged();
    expect(recall.map((f) => [f.id, f.flagReason, f.recipients.map((r) => r.name)])).toEqual([
      [pack.id, 'Léa Martin a retiré son accord pour les élus le 28 novembre 2026', ['Mme Le Goff, élue']],
      [clipExport.id, 'Léa Martin a retiré son accord pour les élus le 28 novembre 2026', ['Conseil régional — service Jeunesse']],
    ]);

    const letter = await call<{ assetId: number }>('exports.recallLetter', { exportId: clipExport.id, recipientId: region.id });
    const text = execFileSync('pdftotext', [ctx.library.mediaAssets.resolve(letter.assetId).absolutePath, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      '« Le duo »',
      'Conseil régional — service Jeunesse',
      'Le 25 novembre 2026, nous vous avons remis',
      'Une personne qui apparaît dans ce document a retiré son accord.',
      'Supprimez toutes les copies',
      'RGPD, article 19',
    ])
      expect(flat).toContain(expected);
    expect(flat).not.toMatch(/Léa|Martin/); // the clip printed no name: the letter names nobody
    await expect(
      call('exports.recallLetter', {
        exportId: clipExport.id,
        recipientId: (await call<{ id: number }>('exports.addRecipient', { exportId: pack.id, name: 'Autre' })).id,
      }),
    ).rejects.toMatchObject({ field: 'recipientId' });

    // the pack printed her name: its letter may use it, and only it
    const packRecipient = (await call<Array<{ id: number }>>('exports.recipients', { exportId: pack.id }))[0]!;
    const packLetter = await call<{ assetId: number }>('exports.recallLetter', { exportId: pack.id, recipientId: packRecipient.id });
    const packText = execFileSync('pdftotext', [ctx.library.mediaAssets.resolve(packLetter.assetId).absolutePath, '-'], {
      encoding: 'utf8',
    });
    expect(packText.replace(/\s+/g, ' ')).toContain('Léa Martin, qui apparaît dans ce document, a retiré son accord.');

    // a clip export with her in it cannot be rebuilt; the pack is rebuilt without her
    await expect(call('exports.rebuild', { exportId: clipExport.id, wait: true })).rejects.toMatchObject({ code: 'consent-refused' });
    const rebuilt = (await call<{ export: ExportRecord }>('exports.rebuild', { exportId: pack.id, wait: true })).export;
    const folder = ctx.library.db.prepare('SELECT summary FROM exports WHERE id = ?').get(rebuilt.id) as { summary: string };
    const dir = path.join(ctx.library.dir, JSON.parse(folder.summary).folder as string);
    const names = fs.readdirSync(dir, { recursive: true }) as string[];
    expect(names.some((name) => name.includes('regard-employeur'))).toBe(true);
    expect(names.some((name) => name.includes('duo'))).toBe(false);
    for (const name of names) {
      const file = path.join(dir, name);
      if (!fs.statSync(file).isFile()) continue;
      let content = fs.readFileSync(file).toString('latin1') + fs.readFileSync(file, 'utf8');
      if (name.endsWith('.pdf')) content += execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      if (name.endsWith('.html'))
        for (const match of content.matchAll(/base64,([A-Za-z0-9+/=]+)/g)) content += Buffer.from(match[1]!, 'base64').toString('utf8');
      expect(content, name).not.toMatch(/Léa|Martin|L\\u00e9a/);
    }
    expect(ctx.exports.personIds(rebuilt.id)).toEqual([karim]);
  });
});

describe('the feedback sheet is an export', () => {
  it('passes the workshop gate for the candidate, the authors it names and the people in its pictures; it is recalled and rebuilt', async () => {
    const { ctx, call, person, projectId, flagged } = await setup();
    const ines = await person('Inès Moreau');
    const marc = await person('Marc Dupuis');
    const nadia = await person('Nadia Roux', { refuse: 'workshop' });
    const take = await call<Recording>('recordings.importFile', {
      path: video,
      projectId,
      kind: 'interview',
      title: 'Entretien blanc',
      people: [
        { personId: ines, part: 'candidate' },
        { personId: marc, part: 'recruiter' },
      ],
    });
    await call('comments.add', {
      recordingId: take.id,
      startSeconds: 1,
      category: 'Point fort',
      text: 'Bon contact visuel',
      authorPersonId: marc,
    });
    await call('comments.add', {
      recordingId: take.id,
      startSeconds: 2,
      category: 'À améliorer',
      text: 'Parler plus lentement',
      authorPersonId: nadia,
    });
    const pdfText = (assetId: number) =>
      execFileSync('pdftotext', [ctx.library.mediaAssets.resolve(assetId).absolutePath, '-'], { encoding: 'utf8' });
    const pictures = (assetId: number) =>
      execFileSync('pdfimages', ['-list', ctx.library.mediaAssets.resolve(assetId).absolutePath], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2).length;

    const sheet = await call<{ assetId: number; exportId: number }>('feedback.sheet', { recordingId: take.id });
    const text = pdfText(sheet.assetId);
    expect(text).toContain('Inès Moreau');
    expect(text).toContain('Marc Dupuis');
    expect(text).toContain('Un participant');
    expect(text).not.toMatch(/Nadia|Roux/);
    expect(pictures(sheet.assetId)).toBe(2);
    const record = (await call<ExportRecord[]>('exports.list', { projectId })).find((e) => e.id === sheet.exportId)!;
    expect(record).toMatchObject({ kind: 'feedback-sheet', audience: 'workshop', assetId: sheet.assetId });
    expect(ctx.exports.personIds(sheet.exportId)).toEqual([ines, marc].sort((a, b) => a - b));

    // Marc withdraws: the sheet is recalled, and rebuilt without his name or any picture of him
    await call('consent.set', { personId: marc, scope: 'workshop', status: 'withdrawn' });
    expect((await flagged()).find((f) => f.id === sheet.exportId)).toMatchObject({
      kind: 'feedback-sheet',
      flagReason: "Marc Dupuis a retiré son accord pour l'atelier le 22 novembre 2026",
    });
    const rebuilt = (await call<{ export: ExportRecord }>('exports.rebuild', { exportId: sheet.exportId })).export;
    expect(rebuilt.kind).toBe('feedback-sheet');
    const rebuiltText = pdfText(rebuilt.assetId!);
    expect(rebuiltText).toContain('Inès Moreau');
    expect(rebuiltText).not.toMatch(/Marc|Dupuis|Nadia|Roux/);
    expect(pictures(rebuilt.assetId!)).toBe(0);
    expect(ctx.exports.personIds(rebuilt.id)).toEqual([ines]);

    // the candidate's own refusal refuses the sheet
    await call('consent.set', { personId: ines, scope: 'workshop', status: 'withdrawn' });
    await expect(call('feedback.sheet', { recordingId: take.id })).rejects.toMatchObject({
      code: 'consent-refused',
      message: expect.stringContaining('Inès Moreau'),
    });
  });
});
