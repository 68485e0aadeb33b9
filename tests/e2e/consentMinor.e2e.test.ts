/// <reference lib="dom" />
// The consent screen refuses to save a minor's consent for elected officials with one
// parent, says in French what is missing, and saves it once the second parent signed.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastDayAsMinor, localToday } from '../../src-shared/age';
import { frenchLongDate } from '../../src-shared/frenchDate';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let page: Page;
let minor: number;
let birthDate: string;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Témoignages jeunes', kind: 'testimony-campaign' })).json.result.id;
  const [y, m, d] = localToday().split('-').map(Number) as [number, number, number];
  birthDate = `${y - 17}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
  minor = (await server.call('people.add', { projectId, displayName: 'Maël', role: 'young-person', birthDate })).json.result.id;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

async function addParent(name: string, capacity: string) {
  const form = page.getByRole('form', { name: 'Ajouter', exact: true });
  await form.getByLabel('Nom du parent ou responsable').fill(name);
  await form.getByLabel('À quel titre ?').selectOption(capacity);
  await form.getByRole('button', { name: /Ajouter/ }).click();
  await page.getByRole('form', { name }).waitFor();
}

describe('a minor’s consent in the browser UI', () => {
  it('refuses “Accordé” for elected officials with one parent, naming the second parent, then saves with both', async () => {
    await page.goto(`${server.url}#/people/${minor}/consent`);
    await page.getByRole('heading', { level: 1, name: 'Maël' }).waitFor();
    await addParent('Anne Martin', 'parent-1');
    const history = page.getByRole('list', { name: 'Historique' }).getByRole('listitem');
    const before = await history.count();

    const card = page.getByRole('group', { name: 'Élus', exact: true });
    await card.getByText('Accordé', { exact: true }).click();
    // the written end date is later than the eve of the 18th birthday: the screen says which day really ends it
    expect(await card.getByTestId('scope-elected-majority').innerText()).toContain(
      `la veille de ses 18 ans : le ${frenchLongDate(lastDayAsMinor(birthDate))}`,
    );
    await card.getByLabel('Comment ?').selectOption('signed-form');
    await card.getByLabel(/Le jeune a donné son accord/).check();
    await card.getByLabel(/A signé : Anne Martin \(Parent 1\)/).check();
    const alert = card.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/il manque[\s\S]*la signature du second parent/);
    const save = page.locator('.save-bar').getByRole('button', { name: 'Enregistrer', exact: true });
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    await save.click({ force: true }); // pressing it anyway saves nothing
    await page.waitForTimeout(500);
    expect(await history.count()).toBe(before);

    await addParent('Paul Martin', 'parent-2');
    const refreshed = page.getByRole('group', { name: 'Élus', exact: true });
    await refreshed.getByText('Accordé', { exact: true }).click();
    await refreshed.getByLabel('Comment ?').selectOption('signed-form');
    await refreshed.getByLabel(/Le jeune a donné son accord/).check();
    await refreshed.getByLabel(/A signé : Anne Martin/).check();
    await refreshed.getByLabel(/A signé : Paul Martin \(Parent 2\)/).check();
    expect(await refreshed.getByRole('alert').count()).toBe(0);
    await page.locator('.save-bar').getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => history.count()).toBe(before + 2); // the second parent, then the consent

    const proof = page.getByRole('group', { name: 'Élus', exact: true }).getByText('Preuve du consentement');
    await proof.click();
    const details = await page.getByRole('group', { name: 'Élus', exact: true }).locator('.consent-proof').innerText();
    expect(details).toMatch(/Formulaire 2026-11-loi-2024-120/);
    expect(details).toMatch(/Anne Martin \(Parent 1\), Paul Martin \(Parent 2\)/);
    expect(details).toMatch(/veille des 18 ans/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-consent-minor.png'), fullPage: true });
  });

  it('removes a parent entered by mistake after the app’s confirmation, and refuses one who signed, saying why', async () => {
    const history = page.getByRole('list', { name: 'Historique' }).getByRole('listitem');
    const before = await history.count();
    await addParent('Paul Martinn', 'legal-guardian');
    await expect.poll(() => history.count()).toBe(before + 1);
    await page.getByRole('button', { name: 'Retirer Paul Martinn des parents' }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/Retirer Paul Martinn des parents de cette personne/);
    await ask.getByRole('button', { name: 'Retirer ce parent' }).click();
    await page.getByRole('form', { name: 'Paul Martinn' }).waitFor({ state: 'detached' });
    await expect.poll(() => history.count()).toBe(before + 2);
    expect(await history.filter({ hasText: 'saisi par erreur a été retiré' }).count()).toBe(1);
    const shown = (await server.call('consent.show', { personId: minor })).json.result as { guardians: Array<{ name: string }> };
    expect(shown.guardians.map((guardian) => guardian.name)).toEqual(['Anne Martin', 'Paul Martin']);

    // Paul Martin signed the agreement for elected officials: refused, in French, naming it
    await page.getByRole('button', { name: 'Retirer Paul Martin des parents' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Retirer ce parent' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Ce parent a signé' }).first().innerText())
      .toMatch(/l’accord « Élus » de Maël[\s\S]*enregistrez d’abord ces accords à nouveau sans lui/);
    expect(await page.getByRole('form', { name: 'Paul Martin' }).count()).toBe(1);
  });
});
