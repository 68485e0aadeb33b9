/// <reference lib="dom" />
/**
 * axe-core on every main screen at 1366×768 (the usual ERIC PC): the projects list, a
 * project page (with its packs panel), a session, the record screen, the review screen,
 * group mode, a montage with its export dialog open, the consent dashboard and a person's
 * consent editor, settings and about. A serious or critical violation fails the test and
 * is printed readably; a screenshot of each screen is kept in test-results/.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId: number;
let sessionId: number;
let personId: number;
let montageId: number;
let recording: Recording;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary?: string; html: string }>;
}

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await server.call('projects.create', { name: 'Témoignages Béthune', kind: 'testimony-campaign', place: 'Béthune' })).json
    .result.id;
  sessionId = (await server.call('sessions.create', { projectId, date: '2026-11-20' })).json.result.id;
  personId = (await server.call('people.add', { projectId, displayName: 'Léa Martin', role: 'young-person', birthDate: '2000-04-02' })).json
    .result.id;
  await server.call('people.add', { projectId, displayName: 'Marc Petit', role: 'employer' });
  for (const scope of ['recording', 'workshop']) {
    await server.call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
  }
  const file = makeTestVideo(makeTempDir('eric-e2e-a11y-'), 'temoignage.mp4', 4);
  recording = (await dispatch(
    'recordings.importFile',
    { path: file, sessionId, title: 'Le métier de Léa', people: [{ personId, part: 'Apprentie' }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  await server.call('comments.add', { recordingId: recording.id, startSeconds: 1, text: 'Bonne posture', category: 'Posture' });
  // a resolved comment too: its dimmed text must keep its contrast (dark theme of group mode)
  const resolved = (
    await server.call('comments.add', { recordingId: recording.id, startSeconds: 2, text: 'Regard fuyant', category: 'Regard' })
  ).json.result;
  await server.call('comments.update', { id: resolved.id, changes: { resolved: true } });
  const clip = (await server.call('clips.create', { recordingId: recording.id, name: 'Le métier', inSeconds: 0, outSeconds: 3 })).json
    .result;
  const montage = (await server.call('montages.create', { projectId, name: 'Restitution' })).json.result;
  montageId = montage.id;
  await server.call('montages.update', {
    id: montageId,
    changes: {
      items: [
        { kind: 'title', text: 'Premiers emplois en boulangerie — ERIC de Béthune', seconds: 2 },
        { kind: 'clip', clipId: clip.id },
      ],
    },
  });
  browser = await launchChromium();
  // axe is injected as a script: the test page lets it past the app's CSP (the app itself is unchanged)
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
});

async function scan(name: string): Promise<AxeViolation[]> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `a11y-${name}.png`) });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  const minor = violations.filter((violation) => violation.impact !== 'serious' && violation.impact !== 'critical');
  if (minor.length) console.log(`[${name}] minor or moderate: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

function readable(screen: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `[${screen}] ${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .slice(0, 6)
          .map(
            (node) =>
              `    ${node.target.join(' ')}  ${node.html.slice(0, 140)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}

async function open(hash: string, heading?: string | RegExp) {
  await page.goto(`${server.url}${hash}`);
  if (heading) await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  else await page.locator('main h1').first().waitFor();
}

describe('accessibility of the main screens (axe-core, 1366×768)', () => {
  const found: string[] = [];
  const check = async (screen: string) => {
    const violations = await scan(screen);
    if (violations.length) found.push(readable(screen, violations));
  };

  it('has no serious or critical violation on any main screen', async () => {
    await open('#/');
    await check('projects-list');

    await open(`#/projects/${projectId}`, 'Témoignages Béthune');
    await check('project-page');
    await page.locator('.packs-panel').scrollIntoViewIfNeeded();
    await check('pack-panel');

    await open(`#/sessions/${sessionId}`);
    await check('session');

    await page.goto(`${server.url}#/sessions/${sessionId}/record`);
    await page.locator('video').first().waitFor();
    await check('record-screen');

    await open(`#/recordings/${recording.id}`, 'Le métier de Léa');
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    await check('review-screen');
    await page.getByRole('button', { name: 'Mode groupe' }).click();
    await page.getByRole('button', { name: 'Quitter le mode groupe' }).waitFor();
    await check('group-mode');
    await page.getByRole('button', { name: 'Quitter le mode groupe' }).click();

    await open(`#/montages/${montageId}`, 'Restitution');
    await check('montage');
    await page.getByRole('button', { name: 'Exporter le montage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Restitution »' });
    await dialog.getByTestId('consent-gate').waitFor();
    await dialog.getByTestId('title-previews').getByRole('img').first().waitFor({ timeout: 30_000 });
    await check('export-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await open(`#/projects/${projectId}/consent`);
    await check('consent-dashboard');
    await open(`#/people/${personId}/consent`);
    await check('person-consent');

    await open('#/settings');
    await check('settings');
    await open('#/about');
    await check('about');

    if (found.length) console.log(`axe-core found serious or critical violations:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  }, 180_000);
});
