/// <reference lib="dom" />
/**
 * Retention as an animator meets it: on the consent dashboard, a mock interview filmed
 * more than 6 months ago is listed with the day it fell due; the animator asks to erase,
 * reads what goes in the confirmation, confirms, and it disappears (files gone), while a
 * recent interview stays.
 */
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
let projectId: number;
let old: Recording;
let recent: Recording;
const tmp = makeTempDir('eric-e2e-retention-');
const call = <T>(method: string, input: unknown) => dispatch(method, input, { ...server.ctx, trusted: true }) as Promise<T>;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await call<{ id: number }>('projects.create', { name: 'Ateliers entretien Brest', kind: 'interview-workshop' })).id;
  const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa Martin', role: 'job-seeker' })).id;
  for (const scope of ['recording', 'workshop'])
    await call('consent.set', { personId: lea, scope, status: 'granted', method: 'signed-form' });
  const video = makeTestVideo(tmp, 'entretien.mp4', 3);
  const take = (title: string) =>
    call<Recording>('recordings.importFile', { path: video, projectId, kind: 'interview', title, people: [{ personId: lea }] });
  old = await take('Entretien de Léa');
  recent = await take('Entretien de la semaine');
  await call('comments.add', { recordingId: old.id, startSeconds: 1, text: 'Bonne poignée de main' });
  // filmed on 12 January 2026: kept through 12 July, due since 13 July
  server.ctx.library.db.prepare("UPDATE recordings SET recorded_at = '2026-01-12T10:00:00.000Z' WHERE id = ?").run(old.id);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('retention on the consent dashboard', () => {
  it('lists the interview past 6 months, erases it after a confirmation saying what goes, and it disappears', async () => {
    const master = server.ctx.library.mediaAssets.resolve(old.masterAssetId!).absolutePath;
    const recentMaster = server.ctx.library.mediaAssets.resolve(recent.masterAssetId!).absolutePath;
    await page.goto(`${server.url}#/projects/${projectId}/consent`);
    const card = page.getByRole('region', { name: 'Conservation : à effacer' });
    const list = card.getByRole('list', { name: 'Conservation : à effacer' });
    await expect
      .poll(() => list.innerText())
      .toContain('Vidéo « Entretien de Léa » — à effacer depuis le 13/07/2026 (conservation 6 mois), avec 1 commentaire');
    expect(await list.innerText()).not.toContain('Entretien de la semaine');

    await card.getByRole('button', { name: 'Effacer ce qui a dépassé sa durée' }).click();
    const dialog = card.getByRole('alertdialog', { name: 'Effacer définitivement ?' });
    await expect.poll(() => dialog.innerText()).toContain('1 vidéo(s) avec leurs exports, 1 commentaire(s) et 0 fiche(s) de retour');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-retention-confirm.png') });

    await dialog.getByRole('button', { name: 'Oui, effacer définitivement' }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toContain('Effacé : 1 vidéo(s), 1 commentaire(s)');
    await expect.poll(() => card.innerText()).toContain('Rien à effacer');
    expect(await card.innerText()).not.toContain('Entretien de Léa');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-retention-done.png') });

    expect(fs.existsSync(master)).toBe(false);
    expect(fs.existsSync(recentMaster)).toBe(true);
    const left = await call<Recording[]>('recordings.list', { projectId });
    expect(left.map((recording) => recording.title)).toEqual(['Entretien de la semaine']);
    const logged = server.ctx.library.db.prepare("SELECT change FROM consent_audit WHERE action = 'retention-erased'").all() as Array<{
      change: string;
    }>;
    expect(logged).toHaveLength(1);
    expect(logged[0]!.change).not.toMatch(/Léa|Entretien/);
  });

  it('edits a period: interview videos kept 12 months, then nothing of January is due', async () => {
    // a second old interview, to see the setting change what is listed
    const again = await call<Recording>('recordings.importFile', {
      path: path.join(tmp, 'entretien.mp4'),
      projectId,
      kind: 'interview',
      title: 'Entretien de mars',
    });
    server.ctx.library.db.prepare("UPDATE recordings SET recorded_at = '2026-03-02T10:00:00.000Z' WHERE id = ?").run(again.id);
    await page.goto(`${server.url}#/projects/${projectId}/consent`);
    const card = page.getByRole('region', { name: 'Conservation : à effacer' });
    await expect.poll(() => card.innerText()).toContain('Vidéo « Entretien de mars » — à effacer depuis le 03/09/2026');
    await card.getByText('Durées de conservation de ce projet').click();
    await card.getByLabel('Vidéos d’entretien').selectOption({ label: '12 mois' });
    await expect.poll(() => card.innerText()).toContain('Modifié pour ce projet');
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Conservation : à effacer' }).innerText()).toContain('Rien à effacer');
  });
});
