/// <reference lib="dom" />
// Issue 16 §9: leaving in the middle of a take. Closing or reloading the page while filming asks
// first (the page holds beforeunload); a take whose page was closed anyway is finalised by the running server from
// what it received, and appears as a recording with about its real length, without a restart.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let sessionId: number;

beforeAll(async () => {
  // a take silent for 3 s is taken as left (the default is longer; chunks come every second)
  server = await startTestServer(builtRendererDir(), { silentTakeSeconds: 3 });
  const project = (await server.call('projects.create', { name: 'Entretiens filmés', kind: 'interview-workshop' })).json.result;
  sessionId = (await server.call('sessions.create', { projectId: project.id, date: '2026-11-19', title: 'Simulation' })).json.result.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const recordings = async (): Promise<Recording[]> => (await server.call('recordings.list', { sessionId })).json.result;

async function startFilming(page: Page): Promise<void> {
  await page.goto(`${server.url}#/sessions/${sessionId}/record`);
  await page.getByRole('heading', { name: 'Filmer' }).waitFor();
  await expect
    .poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Démarrer' }).click();
  await page.getByLabel('Durée').waitFor({ timeout: 10_000 });
}

describe('leaving in the middle of a take', () => {
  it('closing or reloading the page while filming asks first (beforeunload is held), and only then', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    // what the browser does before closing or reloading: a cancelable beforeunload; held = it asks
    const held = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await page.goto(`${server.url}#/sessions/${sessionId}/record`);
    await page.getByRole('heading', { name: 'Filmer' }).waitFor();
    expect(await held()).toBe(false); // nothing filmed yet: leave freely
    await startFilming(page);
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:01');
    expect(await held()).toBe(true);
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:02');
    await page.getByRole('button', { name: 'Arrêter' }).click();
    await page.waitForURL(new RegExp(`#/sessions/${sessionId}$`));
    expect(await held()).toBe(false); // the take is saved: nothing to lose
    await expect.poll(async () => (await recordings())[0]?.status, { timeout: 60_000 }).toBe('ready');
    await page.close();
  });

  it('a take left "en cours" by a closed page is finalised by the running app with about its real length', async () => {
    const before = (await recordings()).length;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    await startFilming(page);
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:05');
    await expect.poll(async () => (await recordings()).find((r) => r.status === 'capturing')?.id).toBeDefined();
    const taken = (await recordings()).find((r) => r.status === 'capturing')!;
    await page.close(); // gone without asking: a crash, a closed laptop lid, a killed browser

    await expect.poll(async () => (await recordings()).find((r) => r.id === taken.id)?.status, { timeout: 60_000 }).toBe('ready');
    const recovered = (await recordings()).find((r) => r.id === taken.id)!;
    expect(recovered).toMatchObject({ recovered: true, source: 'camera', hasVideo: true });
    // filmed for 5 to 6 s before the page closed; the last second may be lost
    expect(recovered.durationSeconds!).toBeGreaterThan(3.5);
    expect(recovered.durationSeconds!).toBeLessThan(7.5);
    expect((await recordings()).length).toBe(before + 1);

    // the session page shows it, marked as recovered
    const next = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    await next.goto(`${server.url}#/sessions/${sessionId}`);
    await next
      .getByRole('listitem', { name: `Vidéo n° ${recovered.id}` })
      .getByText(/Récupérée/)
      .waitFor();
    await next.close();
  });
});
