/// <reference lib="dom" />
// Réglages and À propos in browser mode: what a page may see and change there (the
// folder and program choices belong to the desktop app), and the licences shown.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium, openFrenchPage } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  browser = await launchChromium();
  ({ page, consoleErrors } = await openFrenchPage(browser, { width: 1280, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
});

describe('settings and about', () => {
  it('shows the library and ffmpeg, keeps the defaults, and leaves program paths to the desktop app', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    await page.getByText('ffmpeg utilisé :').waitFor();
    expect(await page.getByText('Se règle dans l’application de bureau', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Chemin de ffmpeg').count()).toBe(0);

    const retention = page.getByLabel('Durée des consentements pour les nouveaux projets (mois)');
    await retention.fill('18');
    await retention.blur();
    await page.getByRole('status').getByText('Enregistré.').waitFor();
    await page.getByLabel('Qualité par défaut').selectOption('1080p');
    expect(await page.evaluate(() => localStorage.getItem('eric-studio.devices'))).toContain('1080p');

    await page.reload();
    await expect.poll(() => page.getByLabel('Durée des consentements pour les nouveaux projets (mois)').inputValue()).toBe('18');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'settings.png'), fullPage: true });
  });

  it('About shows the version and the licences, FFmpeg’s first', async () => {
    await page.getByRole('link', { name: 'À propos' }).click();
    await page.getByRole('heading', { level: 1, name: 'À propos d’ERIC Studio' }).waitFor();
    await page.getByText('FFmpeg (ffmpeg, ffprobe)').click();
    await page.getByText('get-sources', { exact: false }).first().waitFor();
    expect(await page.getByText(/ERIC Studio \d+\.\d+\.\d+/).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
