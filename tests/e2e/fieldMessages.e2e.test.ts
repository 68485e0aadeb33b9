/// <reference lib="dom" />
// A field left empty explains itself in the app's language, under the field, never in the
// browser's bubble (English in an English Chromium): the walkthrough met "Please fill out this
// field" on a French screen. Chromium runs here in English (locale en-US); the app in French.
import path from 'node:path';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await server.call('projects.create', { name: 'Atelier du mardi', kind: 'interview-workshop' })).json.result.id;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  await page.addInitScript(() => localStorage.setItem('eric-studio.locale', 'fr'));
});

afterAll(async () => {
  await browser?.close();
});

/** Whether the last `invalid` event of a field was cancelled (no browser bubble): read in the target phase. */
async function watchInvalid(selector: string) {
  await page.locator(selector).evaluate((element) => {
    element.addEventListener('invalid', (event) => element.setAttribute('data-bubble-cancelled', String(event.defaultPrevented)));
  });
}

describe('empty required fields, in an English Chromium', () => {
  it('the project name: a French message under the field, focused and announced, gone once filled', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Vos projets' }).waitFor();
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.getByRole('button', { name: 'Nouveau projet' }).click();
    const form = page.getByRole('form', { name: 'Nouveau projet' });
    const name = form.getByLabel('Nom du projet');
    await watchInvalid('form[aria-label="Nouveau projet"] input[required]');
    await form.getByRole('button', { name: 'Créer le projet' }).click();
    const message = form.getByRole('alert');
    await expect.poll(() => message.innerText()).toBe('« Nom du projet » est vide : remplissez ce champ pour continuer.');
    expect(await name.getAttribute('data-bubble-cancelled')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await message.getAttribute('id'));
    expect(await name.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(/Please fill/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-field-message.png') });
    await name.fill('Atelier du jeudi');
    await expect.poll(() => form.getByRole('alert').count()).toBe(0);
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Annuler' }).click();
  });

  it('a person without a first name, and a session without a date (a date field with its own message)', async () => {
    await page.goto(`${server.url}#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: 'Atelier du mardi' }).waitFor();
    const people = page.getByRole('form', { name: 'Ajouter la personne' });
    await people.getByRole('button', { name: 'Ajouter la personne' }).click();
    await expect
      .poll(() => people.getByRole('alert').first().innerText())
      .toBe('« Prénom » est vide : remplissez ce champ pour continuer.');
    const sessions = page.getByRole('form', { name: 'Ajouter la séance' });
    const date = sessions.getByLabel('Date de la séance');
    await watchInvalid('form[aria-label="Ajouter la séance"] input[required]');
    await date.fill(''); // it starts at today
    await sessions.getByRole('button', { name: 'Ajouter la séance' }).click();
    await expect.poll(() => sessions.getByRole('alert').innerText()).toBe('Indiquez une date, par exemple 03/11/2026.');
    expect(await date.getAttribute('data-bubble-cancelled')).toBe('true');
    // one message, not the date's and the page's both
    expect(await sessions.getByRole('alert').count()).toBe(1);
    expect((await server.call('people.list', { projectId })).json.result).toEqual([]);
    expect((await server.call('sessions.list', { projectId })).json.result).toEqual([]);
  });

  it('in English, the same message in English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    const people = page.getByRole('form', { name: 'Add person' });
    await people.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => people.getByRole('alert').first().innerText()).toMatch(/^“Given name” is empty/);
    await page.getByLabel('Language').selectOption('fr');
  });
});
