/// <reference lib="dom" />
/**
 * As a new user would: an imported testimony gets its people in the UI (« Personnes
 * filmées »), one clip is narrowed to the person on screen, a pack is built for the
 * elected officials and its recipient noted; after a withdrawal the consent dashboard
 * shows the recall with the person's name and whom to notify, the letter names the pack
 * and the recipient, and the rebuilt pack leaves the person out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import type { Clip, ExportRecord } from '../../src-shared/contract/schemas/editing';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId: number;
let sessionId: number;
let lea: number;
let karim: number;
let recording: Recording;
const tmp = makeTempDir('eric-e2e-recall-');
const call = <T>(method: string, input: unknown) => dispatch(method, input, { ...server.ctx, trusted: true }) as Promise<T>;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await call<{ id: number }>('projects.create', { name: 'Paroles d’apprentis', kind: 'testimony-campaign' })).id;
  sessionId = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-11-20' })).id;
  const person = async (displayName: string, role: string) => {
    const id = (await call<{ id: number }>('people.add', { projectId, displayName, role })).id;
    for (const scope of ['recording', 'workshop', 'elected'])
      await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form' });
    return id;
  };
  lea = await person('Léa Martin', 'young-person');
  karim = await person('Karim Haddad', 'employer');
  // imported as a file, with nobody linked: what a new user gets
  recording = await call<Recording>('recordings.importFile', {
    path: makeTestVideo(tmp, 'temoignage.mp4', 4),
    sessionId,
    kind: 'testimony',
    title: 'Atelier menuiserie',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('who is in a recording, and the recall with its recipients', () => {
  it('links the people of an imported testimony from its card', async () => {
    await page.goto(`${server.url}#/sessions/${sessionId}`);
    const card = page.getByRole('listitem', { name: 'Atelier menuiserie' });
    const people = card.getByRole('region', { name: 'Personnes filmées' });
    await expect.poll(() => people.getByRole('status').first().innerText()).toContain('aucun export n’est possible');
    for (const [name, part] of [
      ['Léa Martin', 'apprentie'],
      ['Karim Haddad', 'employeur'],
    ] as const) {
      const form = people.getByRole('form', { name: 'Ajouter une personne filmée' });
      await form
        .getByLabel('Personne à ajouter')
        .selectOption({ label: `${name} · ${name === 'Léa Martin' ? 'Jeune en emploi aidé' : 'Employeur'}` });
      await form.getByLabel('Son rôle dans la vidéo (facultatif)').fill(part);
      await form.getByRole('button', { name: 'Ajouter' }).click();
      await people.getByRole('button', { name: `Retirer ${name} des personnes filmées` }).waitFor();
    }
    await expect
      .poll(() => people.innerText())
      .toMatch(/Léa Martin · apprentie[\s\S]*Karim Haddad · employeur|Karim Haddad · employeur[\s\S]*Léa Martin · apprentie/);
    expect(await people.innerText()).toContain('Obligatoire pour tout export');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-people-in-recording.png'), fullPage: true });
    const linked = await call<Recording>('recordings.get', { id: recording.id });
    expect(linked.people.map((p) => p.personId).sort()).toEqual([lea, karim].sort());
  });

  it('search finds the testimony by the name of a person filmed in it', async () => {
    await page.goto(server.url);
    await page.getByLabel('Rechercher').fill('Haddad');
    const results = page.locator('.search-results');
    await expect.poll(() => results.innerText()).toMatch(/Atelier menuiserie \(vidéo, avec Karim Haddad\)/);
    await results.getByRole('link', { name: 'Atelier menuiserie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Atelier menuiserie' }).waitFor();
  });

  it('the person’s page lists the videos she is in, and opens one', async () => {
    await page.goto(`${server.url}#/people/${lea}/consent`);
    const where = page.getByRole('region', { name: 'Où cette personne apparaît' });
    await expect
      .poll(() => where.innerText())
      .toMatch(/Ses vidéos \(1\)\s*Atelier menuiserie\s*· Témoignage · 20 novembre 2026 · 00:04 · apprentie/);
    expect(await where.innerText()).toContain('Aucun export ne montre cette personne.');
    await where.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-person-appearances.png') });
    await where.getByRole('link', { name: /Atelier menuiserie/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Atelier menuiserie' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/recordings/${recording.id}$`));
  });

  it('narrows a clip to the person on screen, with the confirmation', async () => {
    await call<Clip>('clips.create', { recordingId: recording.id, name: 'Le duo', inSeconds: 0.5, outSeconds: 2 });
    const alone = await call<Clip>('clips.create', {
      recordingId: recording.id,
      name: 'Le regard employeur',
      inSeconds: 2,
      outSeconds: 3.5,
    });
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    const clip = page.getByRole('listitem', { name: 'Le regard employeur' });
    await clip.getByText(/Qui apparaît :/).click();
    const save = clip.getByRole('button', { name: 'Enregistrer' });
    await clip.getByRole('checkbox', { name: 'Léa Martin' }).uncheck();
    expect(await save.isDisabled()).toBe(true); // not without the confirmation
    await clip.getByRole('checkbox', { name: 'Je confirme que seules ces personnes apparaissent dans cet extrait' }).check();
    await clip.getByLabel('Votre nom').fill('Sophie');
    await save.click();
    await clip.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    expect((await call<Clip[]>('clips.list', { recordingId: recording.id })).find((c) => c.id === alone.id)!.excludedPersonIds).toEqual([
      lea,
    ]);
  });

  it('builds the pack for the elected officials and notes to whom it was given', async () => {
    await page.goto(`${server.url}#/projects/${projectId}`);
    const panel = page.getByRole('region', { name: 'Dossier de restitution' });
    await panel.getByLabel('Pour qui ?').selectOption({ label: 'Élus' });
    await expect.poll(() => panel.getByTestId('pack-preview').innerText()).toMatch(/Dans le pack : 2/);
    await panel.getByRole('button', { name: 'Construire le pack' }).click();
    const item = page
      .getByRole('listitem', { name: 'Paroles d’apprentis — Élus' })
      .filter({ has: page.getByRole('link', { name: 'Télécharger' }) });
    await item.waitFor({ timeout: 90_000 });
    const form = item.getByRole('form', { name: 'Noter à qui « Paroles d’apprentis — Élus » a été remis' });
    await form.getByLabel('Remis à… (service ou personne)').fill('Conseil régional — service Jeunesse');
    // typed JJ/MM/AAAA; a hand-over date is never in the future
    await form.getByLabel('Le').fill('02/11/2026');
    await form.getByRole('button', { name: 'Noter' }).click();
    await expect.poll(() => item.innerText()).toContain('Remis à : Conseil régional — service Jeunesse (le 2 novembre 2026)');
  }, 150_000);

  it('after a withdrawal, the dashboard shows the recall with the person and the recipient; the letter and the rebuild follow', async () => {
    await call('consent.set', { personId: lea, scope: 'elected', status: 'withdrawn', actor: 'Léa Martin', reason: 'a changé d’avis' });
    await page.goto(`${server.url}#/projects/${projectId}/consent`);
    const recall = page
      .getByRole('list', { name: 'Vidéos et documents à rappeler' })
      .getByRole('listitem', { name: 'Paroles d’apprentis — Élus' });
    await expect.poll(() => recall.innerText()).toMatch(/Léa Martin a retiré son accord pour les élus le \d{1,2}(er)? \S+ \d{4}/);
    expect(await recall.innerText()).toContain('À prévenir : Conseil régional — service Jeunesse (remis le 2 novembre 2026)');

    await recall.getByRole('button', { name: 'Préparer la lettre pour Conseil régional — service Jeunesse' }).click();
    const link = recall.getByRole('link', { name: 'Télécharger la lettre pour Conseil régional — service Jeunesse' });
    await link.waitFor();
    await recall.scrollIntoViewIfNeeded();
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-recall-dashboard.png'), fullPage: true });
    const pdf = Buffer.from(await (await fetch(new URL((await link.getAttribute('href'))!, server.url))).arrayBuffer());
    const letterFile = path.join(tmp, 'lettre.pdf');
    fs.writeFileSync(letterFile, pdf);
    const text = execFileSync('pdftotext', [letterFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('« Paroles d’apprentis — Élus »');
    expect(text).toContain('À : Conseil régional — service Jeunesse');
    expect(text).toContain('Le 2 novembre 2026, nous vous avons remis');
    expect(text).toContain('Supprimez toutes les copies');

    const before = (await call<ExportRecord[]>('exports.list', { projectId })).length;
    await recall.getByRole('button', { name: 'Reconstruire sans les retraits' }).click();
    await expect
      .poll(async () => (await call<ExportRecord[]>('exports.list', { projectId })).length, { timeout: 90_000, interval: 1000 })
      .toBe(before + 1);
    const rebuilt = (await call<ExportRecord[]>('exports.list', { projectId }))[0]!;
    expect(rebuilt).toMatchObject({ kind: 'pack', audience: 'elected', flaggedAt: null });
    expect(server.ctx.exports.personIds(rebuilt.id)).toEqual([karim]);
    const summary = server.ctx.exports.summary(rebuilt.id) as { folder: string };
    const folder = path.join(server.ctx.library.dir, summary.folder);
    for (const file of ['index.html', 'consentements.csv', 'manifest.json'])
      expect(fs.readFileSync(path.join(folder, file), 'utf8'), file).not.toMatch(/Léa|Martin/);
    expect(execFileSync('pdftotext', [path.join(folder, 'synthese.pdf'), '-'], { encoding: 'utf8' })).not.toMatch(/Léa|Martin/);
    expect(fs.readdirSync(path.join(folder, 'videos')).some((name) => name.includes('duo'))).toBe(false);
  }, 150_000);
});
