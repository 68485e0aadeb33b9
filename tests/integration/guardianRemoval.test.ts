// A parent entered by mistake can be removed; a parent whose signature backs an agreement
// cannot (the signature is the proof of what was allowed), and the refusal names the
// agreements. A removed parent's name is gone from every byte of the library folder (the
// database, its WAL), and the log keeps the removal without the name.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { PersonConsent } from '../../src-shared/contract/schemas';
import { runCli } from '../../src-main/cli/runCli';
import { listFiles } from '../../src-main/platform/folderFiles';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-guardian-removal-');
const libraryDir = path.join(root, 'library');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let camille: number;
const ids: Record<string, number> = {};
const MISTAKE = 'Zéphyrin Malentendu';
const SECOND_MISTAKE = 'Ambroisine Quiproquo';

/** Every file of the library folder, as bytes, searched for a name (UTF-8 and UTF-16). */
function libraryHolds(name: string): string[] {
  return listFiles(libraryDir)
    .map((relative) => path.join(libraryDir, relative))
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return bytes.includes(Buffer.from(name, 'utf8')) || bytes.includes(Buffer.from(name, 'utf16le'));
    });
}

beforeAll(async () => {
  ctx = createApiContext(libraryDir, 'http', { trusted: true, now: () => '2026-11-23T10:00:00.000Z' });
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Paroles', kind: 'testimony-campaign' })).id;
  camille = (await call<{ id: number }>('people.add', { projectId, displayName: 'Camille', role: 'young-person', birthDate: '2010-05-02' }))
    .id;
  for (const [key, name, capacity] of [
    ['nadia', 'Nadia Kervella', 'parent-1'],
    ['samir', 'Samir Kervella', 'parent-2'],
    ['mistake', MISTAKE, 'parent-2'],
    ['second', SECOND_MISTAKE, 'legal-guardian'],
  ] as const) {
    const shown = await call<PersonConsent>('consent.addGuardian', { personId: camille, name, capacity });
    ids[key] = shown.guardians.find((guardian) => guardian.name === name)!.id;
  }
  const signed = { status: 'granted', method: 'signed-form', minorAgreed: true, decidedOn: '2026-11-20' };
  await call('consent.set', { personId: camille, scope: 'recording', ...signed, guardianIds: [ids.nadia] });
  await call('consent.set', { personId: camille, scope: 'elected', ...signed, guardianIds: [ids.nadia, ids.samir] });
}, 60_000);

afterAll(() => closeApiContext(ctx));

describe('removing a parent', () => {
  it('removes a parent who signed nothing: gone from the person, from the log’s text and from every byte of the library', async () => {
    expect(libraryHolds(MISTAKE).length).toBeGreaterThan(0); // the search can see it
    const shown = await call<PersonConsent>('consent.removeGuardian', {
      guardianId: ids.mistake,
      actor: 'Sophie',
      reason: 'saisi par erreur',
    });
    expect(shown.guardians.map((guardian) => guardian.name)).toEqual(['Nadia Kervella', 'Samir Kervella', SECOND_MISTAKE]);
    const entry = shown.history.find((line) => line.action === 'guardian-removed')!;
    expect(entry).toMatchObject({ actor: 'Sophie', reason: 'saisi par erreur', change: { guardianId: ids.mistake, capacity: 'parent-2' } });
    expect(JSON.stringify(shown.history)).not.toContain('Malentendu');
    expect(libraryHolds(MISTAKE)).toEqual([]);
    // the agreements are as they were
    const elected = shown.scopes.find((view) => view.scope === 'elected')!;
    expect(elected).toMatchObject({ status: 'granted', guardianIds: [ids.nadia, ids.samir] });
  });

  it('refuses a parent whose signature backs an agreement, naming it, and changes nothing', async () => {
    const error = await call('consent.removeGuardian', { guardianId: ids.samir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', field: 'guardianId', message: expect.stringMatching(/l’accord « Élus » de Camille/) });
    const both = await call('consent.removeGuardian', { guardianId: ids.nadia }).catch((e: unknown) => e);
    expect(both).toMatchObject({ code: 'conflict', message: expect.stringMatching(/les accords « Être filmé », « Élus »/) });
    const shown = await call<PersonConsent>('consent.show', { personId: camille });
    expect(shown.guardians.map((guardian) => guardian.id)).toEqual([ids.nadia, ids.samir, ids.second]);
    expect(shown.scopes.find((view) => view.scope === 'elected')).toMatchObject({ status: 'granted', guardianIds: [ids.nadia, ids.samir] });
    expect(shown.history.filter((line) => line.action === 'guardian-removed')).toHaveLength(1);
  });

  it('once the agreement is recorded as refused, the parent can go (a refusal authorises nothing)', async () => {
    await call('consent.set', { personId: camille, scope: 'elected', status: 'refused', decidedOn: '2026-11-23', method: 'signed-form' });
    const shown = await call<PersonConsent>('consent.removeGuardian', { guardianId: ids.samir });
    expect(shown.guardians.map((guardian) => guardian.id)).toEqual([ids.nadia, ids.second]);
    expect(shown.scopes.find((view) => view.scope === 'elected')).toMatchObject({ status: 'refused' });
  });

  it('through the CLI, and an unknown parent is named as not found', async () => {
    const lines: string[] = [];
    const code = await runCli(['consent', 'guardian-remove', '--guardian', String(ids.second), '--library', libraryDir], {
      out: (text: string) => lines.push(text),
      err: (text: string) => lines.push(text),
    });
    expect(code, lines.join('')).toBe(0);
    expect(libraryHolds(SECOND_MISTAKE)).toEqual([]);
    await expect(call('consent.removeGuardian', { guardianId: ids.second })).rejects.toMatchObject({
      code: 'not-found',
      field: 'guardianId',
    });
  });
});
