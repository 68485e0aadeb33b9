// The register proves consent in what leaves the library, and the decision is taken again
// when an export is recorded: a withdrawal while ffmpeg runs leaves no file and no row.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { PersonConsent, Recording } from '../../src-shared/contract/schemas';
import { CONSENT_FORM_VERSION, consentFormSha256 } from '../../src-main/consent/consentFormVersion';
import { listFiles } from '../../src-main/platform/folderFiles';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-consent-proof-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let projectId: number;
const people: Record<string, number> = {};
const recordings: Record<string, Recording> = {};
const clips: Record<string, Clip> = {};
const PARENT_NAMES = ['Nadia Kervella', 'Samir Kervella'];

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true, now: () => '2026-11-22T10:00:00.000Z' });
  projectId = (await call<{ id: number }>('projects.create', { name: 'Preuves', kind: 'testimony-campaign' })).id;
  const all = ['recording', 'workshop', 'partners', 'elected', 'public'];
  const add = async (key: string, displayName: string, birthDate: string | null) => {
    people[key] = (await call<{ id: number }>('people.add', { projectId, displayName, role: 'young-person', birthDate })).id;
  };
  await add('camille', 'Camille Fabre', '2009-03-15'); // 17
  let shown = await call<PersonConsent>('consent.addGuardian', { personId: people.camille, name: PARENT_NAMES[0], capacity: 'parent-1' });
  shown = await call<PersonConsent>('consent.addGuardian', { personId: people.camille, name: PARENT_NAMES[1], capacity: 'parent-2' });
  const parents = shown.guardians.map((g) => g.id);
  for (const scope of all)
    await call('consent.set', {
      personId: people.camille,
      scope,
      status: 'granted',
      method: 'signed-form',
      decidedOn: '2026-11-20',
      minorAgreed: true,
      guardianIds: parents,
      place: 'ERIC de Lens',
    });
  await add('lea', 'Léa Fontaine', null);
  await add('jonas', 'Jonas Mercier', null);
  for (const key of ['lea', 'jonas'])
    for (const scope of all) await call('consent.set', { personId: people[key], scope, status: 'granted', method: 'signed-form' });
  for (const key of ['camille', 'lea', 'jonas']) {
    recordings[key] = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `${key}.mp4`, 6),
      projectId,
      title: `Témoignage ${key}`,
      people: [{ personId: people[key] }],
    });
    clips[key] = await call<Clip>('clips.create', {
      recordingId: recordings[key]!.id,
      name: `Extrait ${key}`,
      inSeconds: 0.5,
      outSeconds: 5.5,
    });
  }
}, 120_000);

afterAll(() => closeApiContext(ctx));

/** Every text a pack holds: raw bytes of each file, PDF text, decoded data: URLs, subtitle tracks, file names. */
function everyText(dir: string): string {
  const parts: string[] = [];
  for (const file of listFiles(dir)) {
    const absolute = path.join(dir, file);
    parts.push(file, fs.readFileSync(absolute, 'latin1'), fs.readFileSync(absolute, 'utf8'));
    if (file.endsWith('.pdf')) parts.push(String(execFileSync('pdftotext', [absolute, '-'])));
    if (file.endsWith('.html'))
      for (const match of fs.readFileSync(absolute, 'utf8').matchAll(/data:[^;,]+;base64,([A-Za-z0-9+/=]+)/g))
        parts.push(Buffer.from(match[1]!, 'base64').toString('latin1'));
  }
  return parts.join('\n');
}

const exportRows = () => (ctx.library.db.prepare('SELECT count(*) AS n FROM exports').get() as { n: number }).n;

describe('consentements.csv proves consent without naming the parents', () => {
  it('carries the form version and hash, the signatories’ capacities and the minor’s agreement, never a parent’s name', async () => {
    const dir = path.join(root, 'pack-elus');
    await call<{ export: ExportRecord }>('packs.build', {
      spec: { projectId, audience: 'elected', clipIds: [clips.camille!.id, clips.lea!.id] },
      destination: dir,
      zip: true,
      wait: true,
    });
    const csv = fs.readFileSync(path.join(dir, 'consentements.csv'), 'utf8');
    const rows = parseCsv(csv, { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    const camille = rows.find((row) => row.reference === `P-${people.camille}`)!;
    expect(camille).toMatchObject({
      nom_affiche: 'Camille Fabre',
      public_elected: 'accordé',
      public_elected_date: '2026-11-20',
      public_elected_expire_le: '2027-03-14',
      public_elected_signataires: 'la personne + accord du jeune + parent 1 + parent 2',
      public_elected_formulaire_version: CONSENT_FORM_VERSION,
      public_elected_formulaire_sha256: consentFormSha256(),
      etre_filme_formulaire_sha256: consentFormSha256(),
      mineur_signature_representant: 'oui',
    });
    expect(rows.find((row) => row.reference === `P-${people.lea}`)).toMatchObject({
      public_elected_signataires: 'la personne',
      mineur_signature_representant: 'majeur',
    });
    const texts = everyText(dir);
    for (const name of [...PARENT_NAMES, 'Kervella', 'Nadia', 'Samir']) expect(texts).not.toContain(name);
    expect(execFileSync('unzip', ['-Z1', `${dir}.zip`], { encoding: 'utf8' })).not.toMatch(/Kervella|Nadia|Samir/);
  }, 120_000);
});

describe('the consent decision is taken again when the export is recorded', () => {
  it('a clip render: consent withdrawn while ffmpeg runs leaves no file (outside the library too), no export row, and names the person', async () => {
    const dir = path.join(root, 'race-clip');
    fs.mkdirSync(dir);
    const rowsBefore = exportRows();
    const leaRows = () => ctx.library.db.prepare('SELECT count(*) AS n FROM export_people WHERE person_id = ?').get(people.lea);
    const leaBefore = leaRows();
    let withdrawn: Promise<unknown> | null = null;
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'kind' in payload && payload.kind === 'render' && !withdrawn)
        withdrawn = call('consent.set', { personId: people.lea, scope: 'partners', status: 'withdrawn', reason: 'a changé d’avis' });
    });
    try {
      const error = await call('render.start', {
        target: { kind: 'clip', clipId: clips.lea!.id },
        audience: 'partners',
        options: { preset: '720p', normaliseAudio: true, lowerThirds: true },
        destination: path.join(dir, 'lea.mp4'),
        wait: true,
      }).catch((e: unknown) => e);
      expect(withdrawn).not.toBeNull();
      expect(error).toMatchObject({
        code: 'consent-refused',
        message: expect.stringMatching(/Léa Fontaine : a retiré son consentement « Partenaires »/),
      });
    } finally {
      off();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(exportRows()).toBe(rowsBefore);
    const inLibrary = path.join(ctx.library.dir, 'exports', 'renders');
    expect(fs.existsSync(inLibrary) ? fs.readdirSync(inLibrary) : []).toEqual([]);
    expect(leaRows()).toEqual(leaBefore);
  }, 120_000);

  it('a render into the library: an erasure during the render leaves nothing behind either', async () => {
    const rowsBefore = exportRows();
    const inLibrary = path.join(ctx.library.dir, 'exports', 'renders');
    const before = fs.existsSync(inLibrary) ? fs.readdirSync(inLibrary) : [];
    let erased: Promise<unknown> | null = null;
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'kind' in payload && payload.kind === 'render' && !erased)
        erased = call('consent.set', { personId: people.jonas, scope: 'recording', status: 'withdrawn' });
    });
    try {
      const error = await call('render.start', {
        target: { kind: 'clip', clipId: clips.jonas!.id },
        audience: 'workshop',
        options: { preset: '720p', normaliseAudio: true },
        wait: true,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'consent-refused', message: expect.stringContaining('Jonas Mercier') });
    } finally {
      off();
    }
    expect(fs.existsSync(inLibrary) ? fs.readdirSync(inLibrary) : []).toEqual(before);
    expect(exportRows()).toBe(rowsBefore);
  }, 120_000);

  it('a pack: a withdrawal during the build removes the pack folder and zip, records nothing, and names the person', async () => {
    const dir = path.join(root, 'race-pack');
    const rowsBefore = exportRows();
    let withdrawn: Promise<unknown> | null = null;
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'kind' in payload && payload.kind === 'pack' && !withdrawn)
        withdrawn = call('consent.set', { personId: people.camille, scope: 'public', status: 'withdrawn' });
    });
    try {
      const error = await call('packs.build', {
        spec: { projectId, audience: 'public', clipIds: [clips.camille!.id] },
        destination: dir,
        zip: true,
        wait: true,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'consent-refused',
        message: expect.stringMatching(/Camille Fabre : a retiré son consentement « Public »/),
      });
    } finally {
      off();
    }
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(`${dir}.zip`)).toBe(false);
    expect(fs.readdirSync(root).filter((name) => name.startsWith('race-pack'))).toEqual([]);
    expect(exportRows()).toBe(rowsBefore);
  }, 120_000);
});
