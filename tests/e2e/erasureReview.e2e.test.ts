/// <reference lib="dom" />
// The review screen of a recording left "à revoir" by an erasure: the three ways out are
// there in plain French; keeping only one passage (typed, or taken from the I/O range)
// clears the flag, makes a "Partie gardée" clip and says which parts may still be exported.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).json.result.id;
  const person = async (displayName: string) => {
    const id = (await server.call('people.add', { projectId, displayName, role: 'young-person' })).json.result.id as number;
    for (const scope of ['recording', 'workshop'])
      await server.call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form' });
    return id;
  };
  const ines = await person('Inès Valmont');
  const hugo = await person('Hugo Ferrand');
  const file = makeTestVideo(makeTempDir('eric-e2e-erasure-review-'), 'duo.mp4', 6);
  recording = (await dispatch(
    'recordings.importFile',
    { path: file, projectId, title: 'Témoignage à deux', people: [{ personId: ines }, { personId: hugo }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  await server.call('people.erase', { personId: ines });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('a recording to review after an erasure', () => {
  it('offers cut out, absent or delete; keeping one passage clears the flag and lists the kept part', async () => {
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    const panel = page.getByRole('region', { name: 'À revoir après un effacement' });
    await panel.waitFor();
    await expect.poll(() => panel.innerText()).toContain('Rien de cette vidéo ne peut être exporté');
    for (const name of ['Couper la personne', 'Elle n’apparaît pas', 'Supprimer la vidéo'])
      await panel.getByRole('button', { name }).waitFor();

    // "absent" needs a name and a reason before it can be confirmed
    await panel.getByRole('button', { name: 'Elle n’apparaît pas' }).click();
    const confirm = panel.getByRole('button', { name: 'Confirmer : elle n’apparaît pas' });
    expect(await confirm.isDisabled()).toBe(true);

    await panel.getByRole('button', { name: 'Couper la personne' }).click();
    await panel.getByRole('button', { name: 'Ajouter un passage' }).click();
    await panel.getByLabel('Début').fill('00:02');
    await panel.getByLabel('Fin').fill('00:04.500');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'erasure-review-1366.png') });
    await panel.getByRole('button', { name: 'Garder seulement ces passages' }).click();

    const kept = page.getByTestId('kept-parts');
    await kept.waitFor();
    expect(await kept.innerText()).toContain('seules ces parties peuvent être exportées : 00:00:02.000 → 00:00:04.500.');
    expect(await page.getByRole('region', { name: 'À revoir après un effacement' }).count()).toBe(0);
    const after = (await server.call('recordings.get', { id: recording.id })).json.result as Recording;
    expect(after).toMatchObject({ needsReview: null, reviewResolution: 'cut-out', keptRanges: [{ fromSeconds: 2, toSeconds: 4.5 }] });
    const clips = (await server.call('clips.list', { recordingId: recording.id })).json.result as Array<{ name: string }>;
    expect(clips.map((clip) => clip.name)).toContain('Partie gardée n° 1');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'erasure-review-kept-1366.png') });
  });
});
