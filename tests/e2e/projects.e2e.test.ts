/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
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

describe('projects, sessions and people in the browser UI', () => {
  it('creates a project, a session and two people, and keeps them after a reload', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Vos projets' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Nouveau projet' }).click();
    await page.getByLabel('Nom du projet').fill('Atelier entretien — Saint-Brieuc');
    await page.getByText('Campagne de témoignages').click();
    await page.getByText("Ateliers d'entretien", { exact: true }).click();
    await page.getByLabel('Lieu (ERIC)').fill('ERIC Saint-Brieuc');
    await page.getByRole('button', { name: 'Créer le projet' }).click();

    await page.getByRole('heading', { level: 1, name: 'Atelier entretien — Saint-Brieuc' }).waitFor();
    expect(page.url()).toMatch(/#\/projects\/\d+$/);

    // people first, so the animator can be chosen for the session
    const people = page.getByRole('form', { name: 'Ajouter la personne' });
    await people.getByLabel('Prénom').fill('Karim');
    await people.getByLabel('Rôle').selectOption('animator');
    await people.getByRole('button', { name: 'Ajouter la personne' }).click();
    await page.getByRole('list', { name: 'Personnes' }).getByText('Karim').waitFor();

    await people.getByLabel('Prénom').fill('Léa');
    await people.getByLabel('Rôle').selectOption('job-seeker');
    await people.getByLabel('Date de naissance (facultatif)').fill('2010-03-04');
    await people.getByRole('button', { name: 'Ajouter la personne' }).click();
    await page.getByRole('list', { name: 'Personnes' }).getByText('Léa').waitFor();

    const sessions = page.getByRole('form', { name: 'Ajouter la séance' });
    await sessions.getByLabel('Date de la séance').fill('2026-11-20');
    await sessions.getByLabel('Titre de la séance').fill('Premier passage devant la caméra');
    await sessions.getByLabel('Animateur ou animatrice').selectOption({ label: 'Karim' });
    await sessions.getByRole('button', { name: 'Ajouter la séance' }).click();
    await page.getByText('Premier passage devant la caméra').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Atelier entretien — Saint-Brieuc' }).waitFor();
    const peopleList = page.getByRole('list', { name: 'Personnes' });
    await expect
      .poll(() => peopleList.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining('Karim'), expect.stringContaining('Léa')]);
    expect(await peopleList.getByRole('listitem').nth(1).innerText()).toContain('Mineur');
    const sessionItem = page.getByRole('list', { name: 'Séances' }).getByRole('listitem');
    expect(await sessionItem.innerText()).toMatch(/20 novembre 2026[\s\S]*Premier passage devant la caméra[\s\S]*Animée par Karim/);

    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-project.png'), fullPage: true });

    // back home: the card shows the counts
    await page.getByRole('link', { name: 'Retour aux projets' }).click();
    const card = page.getByRole('link', { name: /Atelier entretien — Saint-Brieuc/ });
    await expect.poll(() => card.innerText()).toMatch(/1 séance\(s\)[\s\S]*2 personne\(s\)/);
  });

  it('the same project is listed by the CLI on the same library', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'projects', 'list', '--library', server.libraryDir, '--json'],
      {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ name: 'Atelier entretien — Saint-Brieuc', kind: 'interview-workshop', sessionCount: 1, peopleCount: 2 }),
    ]);
  });

  it('shows changes made elsewhere live, without a reload', async () => {
    const [project] = (await server.call('projects.list', {})).json.result as Array<{ id: number }>;
    await page.goto(`${server.url}#/projects/${project!.id}`);
    await page.getByRole('list', { name: 'Personnes' }).getByText('Léa').waitFor();
    await server.call('people.add', { projectId: project!.id, displayName: 'Yanis', role: 'job-seeker' });
    await page.getByRole('list', { name: 'Personnes' }).getByText('Yanis').waitFor({ timeout: 5000 });
  });

  it('explains a refused input in French, naming the field', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nouveau projet' }).click();
    await page.getByLabel('Nom du projet').fill('   ');
    // bypass the browser's own "required" check to reach the server's validation
    await page
      .locator('form')
      .first()
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // the main side's own French sentence, naming the field, next to the button (§1 of issue 16)
    expect(await alert.innerText()).toMatch(/Le nom ne peut pas être vide\./);
    expect(await alert.innerText()).not.toMatch(/Invalid|must not|expected/);
  });

  it('backs up the library in one click', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sauvegarder la bibliothèque' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Sauvegarde faite' });
    await status.waitFor();
    const dir = /dans : (.+)$/.exec(await status.innerText())![1]!;
    expect(fs.existsSync(path.join(dir, 'backup.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(true);
  });

  it('a project date that is not a real day, or an end before the start, is refused by name, never dropped', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nouveau projet' }).click();
    await page.getByLabel('Nom du projet').fill('Projet aux dates fausses');
    const start = page.getByLabel('Date de début');
    await start.fill('31/02/2026');
    const before = (await server.call('projects.list', {})).json.result.length;
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByText('« Date de début » n’est pas une date correcte', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('JJ/MM/AAAA');
    await start.fill('01/03/2026');
    await page.getByLabel('Date de fin').fill('15/01/2026');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByText('« Date de fin » n’est pas une date correcte', { exact: false }).waitFor();
    expect((await server.call('projects.list', {})).json.result.length).toBe(before);
    await page.getByLabel('Date de fin').fill('15/06/2026');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projet aux dates fausses' }).waitFor();
    const made = (await server.call('projects.list', {})).json.result.find((p: { name: string }) => p.name === 'Projet aux dates fausses');
    expect(made).toMatchObject({ startDate: '2026-03-01', endDate: '2026-06-15' });

    // a double click adds one person and one session, not two
    const people = page.getByRole('form', { name: 'Ajouter la personne' });
    await people.getByLabel('Prénom').fill('Paul');
    await people.getByLabel('Rôle').selectOption('employer');
    await people.getByRole('button', { name: 'Ajouter la personne' }).dblclick();
    await page.getByRole('list', { name: 'Personnes' }).getByText('Paul').waitFor();
    const sessions = page.getByRole('form', { name: 'Ajouter la séance' });
    await sessions.getByLabel('Date de la séance').fill('2026-03-10');
    await sessions.getByRole('button', { name: 'Ajouter la séance' }).dblclick();
    await page.waitForTimeout(500);
    expect((await server.call('people.list', { projectId: made.id })).json.result).toHaveLength(1);
    expect((await server.call('sessions.list', { projectId: made.id })).json.result).toHaveLength(1);
    await page.getByRole('link', { name: /Retour aux projets/ }).click();
    await page.getByRole('heading', { name: 'Vos projets' }).waitFor();
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Vos projets' }).waitFor();
  });

  it('asks before leaving a project edit that is not saved; staying keeps the edit, leaving drops it', async () => {
    await page
      .getByRole('link', { name: /Atelier entretien — Saint-Brieuc/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Atelier entretien — Saint-Brieuc' }).waitFor();
    await page.getByRole('button', { name: 'Modifier' }).click();
    const form = page.getByRole('form', { name: 'Modifier le projet' });
    await form.getByLabel('Nom du projet').fill('Atelier entretien — Lannion');
    const url = page.url();
    await page.getByRole('link', { name: /Retour aux projets/ }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/Les changements du projet ne sont pas enregistrés/);
    await ask.getByRole('button', { name: 'Annuler' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(page.url()).toBe(url);
    expect(await form.getByLabel('Nom du projet').inputValue()).toBe('Atelier entretien — Lannion');
    await page.getByRole('link', { name: /Retour aux projets/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await page.getByRole('heading', { name: 'Vos projets' }).waitFor();
    const names = (await server.call('projects.list', {})).json.result.map((project: { name: string }) => project.name);
    expect(names).toContain('Atelier entretien — Saint-Brieuc');
    expect(names).not.toContain('Atelier entretien — Lannion');
  });

  it('opens and closes the app’s confirmation dialog; the styles it adds carry the page’s one-time nonce', async () => {
    await page
      .getByRole('link', { name: /Atelier entretien — Saint-Brieuc/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Supprimer le projet' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const styles = await page.evaluate(() => {
      const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
      return { nonce: meta?.nonce ?? '', added: Array.from(document.querySelectorAll('style'), (style) => style.nonce) };
    });
    expect(styles.nonce.length).toBeGreaterThanOrEqual(16);
    expect(styles.added.length).toBeGreaterThan(0);
    for (const nonce of styles.added) expect(nonce).toBe(styles.nonce);
    await page.getByRole('link', { name: /Retour aux projets/ }).click();
    await page.getByRole('heading', { name: 'Vos projets' }).waitFor();
  });

  it('ran without console errors (CSP violations included)', () => {
    expect(consoleErrors.filter((text) => !text.includes('400 (Bad Request)'))).toEqual([]);
  });
});
