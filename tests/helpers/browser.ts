// Launches Debian's Chromium through playwright-core with the fake camera/microphone.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-results');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/** The built renderer, required by E2E tests (npm test builds it first). */
export function builtRendererDir(): string {
  const dir = path.resolve(__dirname, '../../out/renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('out/renderer is missing: run "npm run build" before the E2E tests.');
  return dir;
}

/** A French page of the given size, and the console errors and uncaught exceptions it reports. */
export async function openFrenchPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'fr-FR' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors };
}
