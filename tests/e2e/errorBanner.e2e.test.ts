/// <reference lib="dom" />
// The error banner shows the main side's own French sentence for every code, not a generic
// one: a project that does not exist reads "Aucun projet n’a le numéro …" with the fix
// (the hint), where it used to read "Cet élément n’existe plus". In English the generic
// English sentence comes first and the French reason follows it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('error banner', () => {
  it('shows the French reason and its fix for a code other than invalid input (not-found)', async () => {
    await page.goto(new URL('#/projects/987654', server.url).href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect.poll(() => alert.innerText()).toMatch(/Aucun projet n’a le numéro 987654\./);
    expect(await alert.innerText()).not.toMatch(/Cet élément n’existe plus/);
    // the fix shows with the reason, not folded away with the technical detail
    await expect.poll(() => alert.innerText()).toMatch(/Il a peut-être été supprimé : revenez à la liste des projets/);
    expect(await alert.innerText()).not.toMatch(/\bNo project\b|\bwith id\b/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-error-banner-not-found.png') });
  });

  it('in English: the generic English sentence, then the French reason', async () => {
    await page.evaluate(() => localStorage.setItem('eric-studio.locale', 'en'));
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect
      .poll(() => alert.innerText())
      .toMatch(/This item no longer exists \(it may have been deleted elsewhere\)\. — Aucun projet n’a le numéro 987654\./);
    await page.evaluate(() => localStorage.removeItem('eric-studio.locale'));
  });
});
