/// <reference lib="dom" />
// Issue 16 §6 and §8 in Chromium at 1366×768: a person's consent is edited as one draft and
// saved in one call (consent.setMany, never one consent.set per scope), "Enregistré" shows by
// the button, leaving with unsaved changes asks first, "Tout accorder" asks for the method
// once, a missing field is named, a date is typed as 03/11/2026 even in an English
// (en-US) browser, and "Joindre le scan" is reached and pressed with the keyboard.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonConsent } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let projectId: number;
let lea: number;
let marc: number;
let ines: number;
const VIEWPORT = { width: 1366, height: 768 };

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await server.call('projects.create', { name: 'Témoignages 2026', kind: 'testimony-campaign' })).json.result.id;
  lea = (await server.call('people.add', { projectId, displayName: 'Léa Martin', role: 'young-person' })).json.result.id;
  marc = (await server.call('people.add', { projectId, displayName: 'Marc Durand', role: 'employer' })).json.result.id;
  ines = (await server.call('people.add', { projectId, displayName: 'Inès Roux', role: 'tutor' })).json.result.id;
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function openPerson(context: BrowserContext, personId: number, name: string): Promise<{ page: Page; calls: string[] }> {
  const page = await context.newPage();
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/(consent\.set[A-Za-z]*)$/.exec(new URL(request.url()).pathname);
    if (match && request.method() === 'POST') calls.push(match[1]!);
  });
  await page.goto(`${server.url}#/people/${personId}/consent`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return { page, calls };
}

const show = async (personId: number) => (await server.call('consent.show', { personId })).json.result as PersonConsent;
const saveButton = (page: Page) => page.locator('.save-bar').getByRole('button', { name: 'Enregistrer', exact: true });

describe('editing a person’s consent in one go', () => {
  it('“Tout accorder” with one method, one save for every scope, “Enregistré” by the button', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
    const { page, calls } = await openPerson(context, lea, 'Léa Martin');
    // the method is asked once, before anything changes
    await page.getByRole('button', { name: 'Tout accorder' }).click();
    await page.getByText('Choisissez d’abord comment l’accord a été donné.').waitFor();
    await page.getByLabel('Comment l’accord a été donné (pour tout)').selectOption('signed-form');
    await page.getByRole('button', { name: 'Tout accorder' }).click();
    for (const scope of ['Être filmé ou filmée', "Groupe de l'atelier", 'Partenaires', 'Élus', 'Public']) {
      const card = page.getByRole('group', { name: scope, exact: true });
      expect(await card.getByRole('radio', { name: 'Accordé' }).isChecked()).toBe(true);
      expect(await card.getByLabel('Comment ?').inputValue()).toBe('signed-form');
    }
    // nothing is saved yet, and the page says so
    expect(calls).toEqual([]);
    await page.getByText('Des changements ne sont pas enregistrés.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-editing-draft.png') });

    await saveButton(page).click();
    const saved = page.locator('.save-bar').getByRole('status');
    await expect.poll(() => saved.innerText()).toMatch(/Enregistré/);
    expect(await saved.isVisible()).toBe(true);
    // the confirmation sits next to the button, on screen
    const [button, note] = [await saveButton(page).boundingBox(), await saved.boundingBox()];
    expect(Math.abs(button!.y - note!.y)).toBeLessThan(40);
    expect(note!.y + note!.height).toBeLessThanOrEqual(VIEWPORT.height);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-editing-saved.png') });

    expect(calls).toEqual(['consent.setMany']);
    const consent = await show(lea);
    expect(consent.scopes.every((view) => view.status === 'granted' && view.method === 'signed-form')).toBe(true);
    expect(consent.history.filter((entry) => entry.action === 'set')).toHaveLength(5);
    await expect.poll(() => page.getByRole('list', { name: 'Historique' }).getByRole('listitem').count()).toBe(5);
    // saved: leaving no longer asks
    const asks = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(asks).toBe(false);
    await context.close();
  });

  it('names the missing field, and asks before leaving unsaved changes (in the app and when the window closes)', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
    const { page, calls } = await openPerson(context, marc, 'Marc Durand');
    const card = page.getByRole('group', { name: 'Élus', exact: true });
    await card.getByText('Accordé', { exact: true }).click();
    await saveButton(page).click();
    const problem = page.locator('.save-bar').getByRole('alert');
    await expect.poll(() => problem.innerText()).toMatch(/Élus : il manque « Comment\s\? »/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scope-elected-method');
    expect(await card.getByLabel('Comment ?').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-editing-missing.png') });

    // closing or reloading the window asks
    const asks = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(asks).toBe(true);

    // a link inside the app asks, in the app's own dialog (never the browser's); staying keeps the page and the draft
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = page.url();
    await page.getByRole('link', { name: /Retour aux consentements/ }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/ne sont pas enregistrés/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-leave-unsaved.png') });
    expect(dialogs).toEqual([]);
    expect(page.url()).toBe(url);
    await ask.getByRole('button', { name: 'Annuler' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(await page.getByRole('heading', { level: 1, name: 'Marc Durand' }).isVisible()).toBe(true);
    expect(await card.getByRole('radio', { name: 'Accordé' }).isChecked()).toBe(true);

    // leaving when the person says so
    await page.getByRole('link', { name: /Retour aux consentements/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/projects/${projectId}/consent$`));
    expect(calls).toEqual([]);
    await context.close();
  });

  it('a refusal not yet saved is not lost by a link in the header or Back: the app asks first', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
    const page = await context.newPage();
    const calls: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/consent\.set/.test(new URL(request.url()).pathname)) calls.push(request.url());
    });
    // arrive from the project's consent page, so that Back has somewhere to go inside the app
    await page.goto(`${server.url}#/projects/${projectId}/consent`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/people/${id}/consent`), ines);
    await page.getByRole('heading', { level: 1, name: 'Inès Roux' }).waitFor();
    const card = page.getByRole('group', { name: 'Public', exact: true });
    await card.getByText('Refusé', { exact: true }).click();
    await page.getByText('Des changements ne sont pas enregistrés.').waitFor();
    const url = page.url();
    for (const leave of [
      () => page.getByRole('link', { name: /Retour aux consentements/ }).click(),
      () => page.getByRole('link', { name: 'Réglages' }).click(),
      () => page.goBack(),
    ]) {
      await leave();
      const ask = page.getByRole('alertdialog');
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Annuler' }).click();
      await ask.waitFor({ state: 'detached' });
      expect(page.url()).toBe(url);
      expect(await card.getByRole('radio', { name: 'Refusé' }).isChecked()).toBe(true);
    }
    expect(calls).toEqual([]);
    await context.close();
  });

  it('takes a date typed as 03/11/2026 in an English (en-US) browser, and refuses a day that does not exist', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const { page, calls } = await openPerson(context, ines, 'Inès Roux');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const card = page.getByRole('group', { name: 'Partenaires', exact: true });
    await card.getByText('Accordé', { exact: true }).click();
    await card.getByLabel('Comment ?').selectOption('signed-form');
    const day = card.getByLabel('Date de la réponse');
    expect(await day.getAttribute('type')).toBe('text');
    expect(await day.getAttribute('placeholder')).toBe('JJ/MM/AAAA');
    await day.fill('31/02/2026');
    await day.blur();
    await card.getByText(/Date incorrecte : écrivez le jour, le mois et l’année/).waitFor();
    await saveButton(page).click();
    await expect.poll(() => page.locator('.save-bar').getByRole('alert').innerText()).toMatch(/Partenaires : une date est incorrecte/);
    expect(calls).toEqual([]);

    await day.fill('03/11/2026');
    await day.blur();
    expect(await day.inputValue()).toBe('03/11/2026');
    expect(await card.getByText(/Date incorrecte/).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-editing-date-en-US.png') });
    await saveButton(page).click();
    await expect.poll(() => page.locator('.save-bar').getByRole('status').innerText()).toMatch(/Enregistré/);
    expect(calls).toEqual(['consent.setMany']);
    const partners = (await show(ines)).scopes.find((view) => view.scope === 'partners')!;
    expect(partners).toMatchObject({ status: 'granted', decidedOn: '2026-11-03' });
    // and shown back as typed, the French way
    await expect.poll(() => card.getByLabel('Date de la réponse').inputValue()).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    await context.close();
  });

  it('reaches and presses “Joindre le scan” with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
    const { page } = await openPerson(context, marc, 'Marc Durand');
    const card = page.getByRole('group', { name: 'Être filmé ou filmée', exact: true });
    await card.getByLabel('Lieu (facultatif)').focus();
    let reached = false;
    for (let tab = 0; tab < 40 && !reached; tab++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.includes('Joindre le scan') ?? false);
    }
    expect(reached).toBe(true);
    const focusedIsButton = await page.evaluate(() => document.activeElement?.tagName);
    expect(focusedIsButton).toBe('BUTTON');
    // the focused button is on screen, above the sticky save bar (not hidden under it)
    const [scanBox, barBox] = [
      await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect),
      await page.locator('.save-bar').boundingBox(),
    ];
    expect(scanBox.bottom).toBeLessThanOrEqual(barBox!.y);
    expect(scanBox.top).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-editing-scan-focus.png') });
    // the chooser is intercepted once the waiter is registered: a round trip to the page makes sure before the key
    const choosing = page.waitForEvent('filechooser');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Joindre le scan');
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    await chooser.setFiles({ name: 'formulaire-marc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await card.getByRole('status').filter({ hasText: 'Scan joint : formulaire-marc.pdf' }).waitFor();
    await expect.poll(async () => (await show(marc)).scopes.find((view) => view.scope === 'recording')!.evidenceAssetId).not.toBeNull();
    // Space presses it too
    await card.getByRole('button', { name: 'Joindre le scan' }).focus();
    const choosingAgain = page.waitForEvent('filechooser');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Joindre le scan');
    await page.keyboard.press('Space');
    const again = await choosingAgain;
    expect(again.isMultiple()).toBe(false);
    await context.close();
  });
});
