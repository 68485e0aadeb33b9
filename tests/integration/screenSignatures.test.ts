// « Signature sur l'écran »: an agreement given with this method is recorded as granted only
// with a signature from each signatory (the person; each parent who signs, for a minor),
// drawn (a PNG) or typed by someone who cannot sign by hand. The signatures are the proof:
// kept with the agreement, shown with it, and gone with every byte on erasure.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { PersonConsent } from '../../src-shared/contract/schemas';
import { listFiles } from '../../src-main/platform/folderFiles';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-screen-signatures-');
const libraryDir = path.join(root, 'library');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let projectId: number;

/** A real PNG (one row of pixels per line of a signature), with a marker in a text chunk to find its bytes later. */
function signaturePng(marker: string): string {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey
  const pixels = zlib.deflateSync(Buffer.from([0, 0, 255, 0, 255, 0, 255, 0, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1')),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

function libraryHolds(text: string): string[] {
  return listFiles(libraryDir).filter((relative) => fs.readFileSync(path.join(libraryDir, relative)).includes(Buffer.from(text, 'latin1')));
}

beforeAll(async () => {
  ctx = createApiContext(libraryDir, 'http', { trusted: true, now: () => '2026-11-23T10:00:00.000Z' });
  projectId = (await call<{ id: number }>('projects.create', { name: 'Signatures', kind: 'testimony-campaign' })).id;
}, 60_000);

afterAll(() => closeApiContext(ctx));

describe('signatures on the screen', () => {
  it('an adult: refused without a signature, then granted with it; the picture is kept and shown with the agreement', async () => {
    const adult = (await call<{ id: number }>('people.add', { projectId, displayName: 'Karim Haddad', role: 'employer' })).id;
    const granted = { personId: adult, scope: 'workshop', status: 'granted', method: 'on-screen-signature' };
    await expect(call('consent.set', granted)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'screenSignatures',
      message: 'Signature à l’écran : il manque la signature de Karim Haddad.',
    });
    const png = signaturePng('SIGNATURE-KARIM');
    const { consent } = await call<{ consent: PersonConsent }>('consent.set', {
      ...granted,
      screenSignatures: [{ signer: 'person', png }],
    });
    const view = consent.scopes.find((scope) => scope.scope === 'workshop')!;
    expect(view).toMatchObject({ status: 'granted', method: 'on-screen-signature' });
    expect(view.screenSignatures).toEqual([
      { signer: 'person', guardianId: null, image: `data:image/png;base64,${png}`, typedName: null, signedOn: '2026-11-23' },
    ]);
    // a later change of the same agreement keeps the signature
    const { consent: again } = await call<{ consent: PersonConsent }>('consent.set', { ...granted, conditions: ['first-name-only'] });
    expect(again.scopes.find((scope) => scope.scope === 'workshop')!.screenSignatures).toHaveLength(1);
    // the log counts the signatures, never holds them
    expect(JSON.stringify(again.history)).not.toContain(png.slice(0, 40));
  });

  it('a minor: the minor and each parent who signs; a missing parent is named; a typed name stands for someone who cannot draw', async () => {
    const minor = (
      await call<{ id: number }>('people.add', { projectId, displayName: 'Maël', role: 'young-person', birthDate: '2010-04-02' })
    ).id;
    let shown = await call<PersonConsent>('consent.addGuardian', { personId: minor, name: 'Anne Martin', capacity: 'parent-1' });
    shown = await call<PersonConsent>('consent.addGuardian', { personId: minor, name: 'Paul Martin', capacity: 'parent-2' });
    const [anne, paul] = shown.guardians.map((guardian) => guardian.id) as [number, number];
    const change = {
      scope: 'elected',
      status: 'granted',
      method: 'on-screen-signature',
      minorAgreed: true,
      guardianIds: [anne, paul],
    };
    const error = await call('consent.setMany', {
      personId: minor,
      changes: [change],
      screenSignatures: [
        { signer: 'person', png: signaturePng('MAEL') },
        { signer: 'guardian', guardianId: anne, png: signaturePng('ANNE') },
      ],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/il manque la signature de Paul Martin\.$/) });
    const { consent } = await call<{ consent: PersonConsent }>('consent.setMany', {
      personId: minor,
      changes: [change, { ...change, scope: 'recording' }],
      screenSignatures: [
        { signer: 'person', png: signaturePng('MAEL') },
        { signer: 'guardian', guardianId: anne, png: signaturePng('ANNE') },
        { signer: 'guardian', guardianId: paul, typedName: 'Paul Martin' },
      ],
    });
    for (const scope of ['elected', 'recording']) {
      const view = consent.scopes.find((candidate) => candidate.scope === scope)!;
      expect(view.status).toBe('granted');
      expect(view.screenSignatures.map((s) => [s.signer, s.guardianId, s.image !== null, s.typedName])).toEqual([
        ['person', null, true, null],
        ['guardian', anne, true, null],
        ['guardian', paul, false, 'Paul Martin'],
      ]);
    }
  });

  it('a parent who signs later signs alone: the signatures already given are kept', async () => {
    const minor = (
      await call<{ id: number }>('people.add', { projectId, displayName: 'Noé', role: 'young-person', birthDate: '2011-02-03' })
    ).id;
    let shown = await call<PersonConsent>('consent.addGuardian', { personId: minor, name: 'Lise Roux', capacity: 'parent-1' });
    const lise = shown.guardians[0]!.id;
    const change = { personId: minor, scope: 'recording', status: 'granted', method: 'on-screen-signature', minorAgreed: true };
    await call('consent.set', {
      ...change,
      guardianIds: [lise],
      screenSignatures: [
        { signer: 'person', png: signaturePng('NOE') },
        { signer: 'guardian', guardianId: lise, png: signaturePng('LISE') },
      ],
    });
    shown = await call<PersonConsent>('consent.addGuardian', { personId: minor, name: 'Marc Roux', capacity: 'parent-2' });
    const marc = shown.guardians.find((guardian) => guardian.name === 'Marc Roux')!.id;
    const { consent } = await call<{ consent: PersonConsent }>('consent.set', {
      ...change,
      guardianIds: [lise, marc],
      screenSignatures: [{ signer: 'guardian', guardianId: marc, typedName: 'Marc Roux' }],
    });
    const view = consent.scopes.find((scope) => scope.scope === 'recording')!;
    expect(view.screenSignatures.map((s) => [s.signer, s.guardianId, s.typedName])).toEqual([
      ['person', null, null],
      ['guardian', lise, null],
      ['guardian', marc, 'Marc Roux'],
    ]);
  });

  it('refuses what is not a PNG, or too heavy, in French, and records nothing', async () => {
    const person = (await call<{ id: number }>('people.add', { projectId, displayName: 'Inès', role: 'tutor' })).id;
    const granted = { personId: person, scope: 'workshop', status: 'granted', method: 'on-screen-signature' };
    for (const png of [Buffer.from('<svg onload=alert(1)>').toString('base64'), Buffer.alloc(70 * 1024, 1).toString('base64')]) {
      await expect(call('consent.set', { ...granted, screenSignatures: [{ signer: 'person', png }] })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    }
    await expect(call('consent.set', { ...granted, screenSignatures: [{ signer: 'person' }] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const shown = await call<PersonConsent>('consent.show', { personId: person });
    expect(shown.scopes.find((scope) => scope.scope === 'workshop')!.status).toBe('pending');
  });

  it('erasure takes the signatures with every byte, WAL included', async () => {
    const person = (await call<{ id: number }>('people.add', { projectId, displayName: 'Zélie', role: 'young-person' })).id;
    await call('consent.set', {
      personId: person,
      scope: 'workshop',
      status: 'granted',
      method: 'on-screen-signature',
      screenSignatures: [{ signer: 'person', png: signaturePng('SIGNATURE-ZELIE-UNIQUE') }],
    });
    expect(libraryHolds('SIGNATURE-ZELIE-UNIQUE').length).toBeGreaterThan(0); // the search can see it
    await call('people.erase', { personId: person });
    expect(libraryHolds('SIGNATURE-ZELIE-UNIQUE')).toEqual([]);
    expect(ctx.library.db.prepare('SELECT COUNT(*) AS n FROM consent_screen_signatures WHERE person_id = ?').get(person)).toEqual({ n: 0 });
  });
});
