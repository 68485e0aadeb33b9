/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
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
let lea: number;
let marc: number;
let recording: Recording;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await server.call('projects.create', { name: 'Restitution Région', kind: 'testimony-campaign' })).json.result.id;
  const sessionId = (await server.call('sessions.create', { projectId, date: '2026-11-22' })).json.result.id;
  lea = (await server.call('people.add', { projectId, displayName: 'Léa', role: 'young-person' })).json.result.id;
  marc = (await server.call('people.add', { projectId, displayName: 'Marc', role: 'employer' })).json.result.id;
  const file = makeTestVideo(makeTempDir('eric-e2e-consent-'), 'temoignage.mp4', 1);
  recording = (await dispatch(
    'recordings.importFile',
    { path: file, sessionId, people: [{ personId: lea }, { personId: marc }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  names.set(lea, 'Léa').set(marc, 'Marc');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

const names = new Map<number, string>();

async function decide(personId: number, scopeLabel: string, status: string, options: { method?: string; reason?: string } = {}) {
  await page.goto(`${server.url}#/people/${personId}/consent`);
  await page.getByRole('heading', { level: 1, name: names.get(personId) }).waitFor();
  const history = page.getByRole('list', { name: 'Historique' }).getByRole('listitem');
  const before = await history.count();
  // each scope is a group of the person's one consent form, saved by the one button
  const card = page.getByRole('group', { name: scopeLabel, exact: true });
  await card.getByText(status, { exact: true }).click();
  if (options.method) await card.getByLabel('Comment ?').selectOption(options.method);
  if (options.reason) await page.getByLabel('Pourquoi ? (facultatif)').fill(options.reason);
  await page.locator('.save-bar').getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect.poll(() => history.count()).toBe(before + 1);
}

describe('consent in the browser UI', () => {
  it('records consent for two people; one withdraws "elected"; dashboard, check and audit log agree', async () => {
    await page.goto(`${server.url}#/people/${lea}/consent`);
    await page.getByLabel('Votre nom (pour le journal)').fill('Karim');
    for (const person of [lea, marc]) {
      await decide(person, 'Être filmé ou filmée', 'Accordé', { method: 'signed-form' });
      await decide(person, 'Élus', 'Accordé', { method: 'signed-form' });
    }
    await decide(lea, 'Élus', 'Retiré', { reason: 'a changé d’avis' });

    // audit log: both changes of Léa's "Élus", in order, with who and why
    const history = await page.getByRole('list', { name: 'Historique' }).getByRole('listitem').allInnerTexts();
    expect(history).toHaveLength(3);
    expect(history[0]).toMatch(/Être filmé ou filmée : — → Accordé · Karim/);
    expect(history[1]).toMatch(/Élus : — → Accordé · Karim/);
    expect(history[2]).toMatch(/Élus : Accordé → Retiré · Karim · « a changé d’avis »/);

    // dashboard
    await page.goto(`${server.url}#/projects/${projectId}/consent`);
    const cell = (name: string, scope: string) => page.getByRole('cell', { name: `${name} — ${scope}` });
    await expect.poll(() => cell('Léa', 'Élus').innerText()).toBe('Non — retiré');
    expect(await cell('Marc', 'Élus').innerText()).toBe('Oui');
    expect(await cell('Léa', 'Être filmé ou filmée').innerText()).toBe('Oui');
    expect(await cell('Marc', 'Public').innerText()).toMatch(/^Non — pas de réponse/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-dashboard.png'), fullPage: true });

    // the CLI's consent check on the same library says the same
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        'consent',
        'check',
        '--recording',
        String(recording.id),
        '--audience',
        'elected',
        '--library',
        server.libraryDir,
        '--json',
      ],
      { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const check = JSON.parse(result.stdout);
    expect(check.decision).toBe('refused');
    expect(check.people.map((p: { displayName: string; result: { decision: string } }) => [p.displayName, p.result.decision])).toEqual([
      ['Léa', 'refused'],
      ['Marc', 'allowed'],
    ]);
  });
});
