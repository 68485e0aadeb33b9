/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { seedInterview } from '../helpers/interviewFixture';

let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  ({ recording } = await seedInterview(server, {
    projectName: 'Atelier entretien',
    date: '2026-11-22',
    candidate: 'Léa',
    employer: 'Marc',
    tempPrefix: 'eric-e2e-review-',
  }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

const playerTime = () => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.currentTime);
const comments = async (): Promise<Comment[]> => (await server.call('comments.list', { recordingId: recording.id })).json.result;

/** Seeks by clicking the timeline at a fraction of its width, and returns where the player landed. */
async function clickTimeline(fraction: number): Promise<number> {
  const timeline = page.getByRole('slider', { name: 'Ligne de temps' });
  const box = (await timeline.boundingBox())!;
  await timeline.click({ position: { x: box.width * fraction, y: 20 } });
  await expect.poll(playerTime).toBeCloseTo(8 * fraction, 0);
  return playerTime();
}

describe('reviewing a take together', () => {
  it('adds point and range comments, a reply, a resolved flag and a group-mode quick tag; all survive a reload; clicking a comment seeks', async () => {
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Entretien de Léa' }).waitFor();
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    const form = page.getByRole('form', { name: 'Ajouter le commentaire' });

    // a point comment at ~2 s
    const pointAt = await clickTimeline(0.3);
    await form.getByLabel('Qui commente ?').selectOption({ label: 'Léa' });
    await form.getByLabel('Catégorie').selectOption('Posture');
    await form.getByLabel('Commentaire').fill('Bon contact visuel');
    await form.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await page.getByRole('list', { name: 'Commentaires' }).getByText('Bon contact visuel').waitFor();

    // a range comment from ~4 s to ~6 s, with the I and O keys
    const rangeStart = await clickTimeline(0.55);
    await page.keyboard.press('i');
    const rangeEnd = await clickTimeline(0.8);
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('range-label').innerText()).toMatch(/^De 00:0\d à 00:0\d$/);
    await form.getByLabel('Qui commente ?').selectOption({ label: 'Groupe' });
    await form.getByLabel('Catégorie').selectOption('À améliorer');
    await form.getByLabel('Commentaire').fill('Réponse trop longue, aller à l’essentiel');
    await form.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    const rangeItem = page.getByRole('listitem', { name: /Réponse trop longue/ });
    await rangeItem.waitFor();

    // reply to the first, resolve the second
    const pointItem = page.getByRole('listitem', { name: /Bon contact visuel/ });
    await pointItem.getByRole('button', { name: 'Répondre' }).click();
    // a reply says who replies, like a comment (it was always « Groupe »)
    await pointItem.getByLabel('Qui répond ?').selectOption({ label: 'Marc' });
    await pointItem.getByLabel('Votre réponse').fill('Oui, et un beau sourire');
    await pointItem.getByRole('button', { name: 'Envoyer' }).click();
    await pointItem.getByText('Oui, et un beau sourire').waitFor();
    await rangeItem.getByLabel('Traité').click();
    await expect.poll(async () => (await comments()).find((c) => c.endSeconds !== null)?.resolved).toBe(true);

    // group mode: key 1 drops "Présentation" for whoever's turn it is (Léa first), then it is Marc's turn
    await page.getByRole('button', { name: 'Mode groupe' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Au tour de' }).innerText()).toMatch(/Léa/);
    const quickAt = await clickTimeline(0.16);
    await page.keyboard.press('1');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Au tour de' }).innerText()).toMatch(/Marc/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-group-mode.png') });
    await page.getByRole('button', { name: 'Quitter le mode groupe' }).click();

    // the main side holds them at the player's times
    const saved = await comments();
    const byText = (text: string) => saved.find((c) => c.text.startsWith(text))!;
    expect(byText('Bon contact visuel')).toMatchObject({ authorName: 'Léa', category: 'Posture', endSeconds: null });
    expect(byText('Oui, et un beau sourire')).toMatchObject({ authorName: 'Marc', parentId: byText('Bon contact visuel').id });
    expect(byText('Bon contact visuel').startSeconds).toBeCloseTo(pointAt, 3);
    expect(byText('Réponse trop longue').startSeconds).toBeCloseTo(rangeStart, 3);
    expect(byText('Réponse trop longue').endSeconds).toBeCloseTo(rangeEnd, 3);
    expect(byText('Présentation')).toMatchObject({ authorName: 'Léa', category: 'Présentation' });
    expect(byText('Présentation').startSeconds).toBeCloseTo(quickAt, 3);

    // reload: all there, in time order
    await page.reload();
    const items = page.getByRole('list', { name: 'Commentaires' }).locator(':scope > li');
    await expect.poll(() => items.count()).toBe(3);
    const texts = await items.allInnerTexts();
    const mmss = (seconds: number) => `00:${String(Math.floor(seconds)).padStart(2, '0')}`;
    expect(texts[0]!.startsWith(mmss(byText('Présentation').startSeconds))).toBe(true);
    expect(texts[0]).toMatch(/Léa[\s\S]*Présentation/);
    expect(texts[1]!.startsWith(mmss(byText('Bon contact visuel').startSeconds))).toBe(true);
    expect(texts[1]).toMatch(/Bon contact visuel[\s\S]*Marc : Oui, et un beau sourire/);
    expect(
      texts[2]!.startsWith(`${mmss(byText('Réponse trop longue').startSeconds)} – ${mmss(byText('Réponse trop longue').endSeconds!)}`),
    ).toBe(true);
    expect(texts[2]).toMatch(/Réponse trop longue/);
    expect(
      await page
        .getByRole('listitem', { name: /Réponse trop longue/ })
        .getByLabel('Traité')
        .isChecked(),
    ).toBe(true);

    // clicking a comment's time seeks the player there
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    await page
      .getByRole('listitem', { name: /Réponse trop longue/ })
      .getByRole('button', { name: /Aller à/ })
      .click();
    await expect.poll(playerTime).toBeCloseTo(rangeStart, 2);
  });

  it('keeps a long comment list quick: a window around the playhead, or everything on demand', async () => {
    const ctx = server.ctx;
    ctx.library.db.transaction(() => {
      for (let i = 0; i < 500; i++)
        ctx.review.comments.add(
          { recordingId: recording.id, startSeconds: (i / 500) * 8, text: `Remarque ${i}`, category: 'Voix' },
          recording.projectId,
        );
    })();
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.reload(); // the comments were written straight into the store, unannounced
    const items = page.getByRole('list', { name: 'Commentaires' }).locator(':scope > li');
    // the window holds 200 threads; the virtual list draws only those in view, each knowing its place among the 503
    await page.getByText(/503 commentaires : voici les 200/).waitFor();
    await expect.poll(() => items.first().getAttribute('aria-setsize')).toBe('503');
    expect(await items.count()).toBeLessThan(200);
    await clickTimeline(0.8); // ~6.4 s: the window follows the playhead
    await page.getByRole('listitem', { name: /Remarque 400$/ }).waitFor();
    await page.getByRole('button', { name: 'Tout afficher' }).click();
    await page.getByText('503 commentaires affichés.').waitFor();
    await expect.poll(() => items.first().getAttribute('aria-setsize')).toBe('503');
    // all 503 are reachable: the last one is drawn once the list is scrolled to its end
    await page.locator('.comment-list-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('listitem', { name: /Remarque 499$/ }).waitFor();
  });

  it('a double click on "Ajouter le commentaire" makes one comment', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Entretien de Léa' }).waitFor();
    const before = (await comments()).length;
    const form = page.getByRole('form', { name: 'Ajouter le commentaire' });
    await form.getByLabel('Commentaire').fill('Un seul commentaire malgré le double clic');
    await form.getByRole('button', { name: 'Ajouter le commentaire' }).dblclick();
    await page.getByRole('list', { name: 'Commentaires' }).getByText('Un seul commentaire malgré le double clic').waitFor();
    await expect.poll(async () => (await comments()).length).toBe(before + 1);
    // nothing else arrives late
    await page.waitForLoadState('networkidle');
    expect((await comments()).filter((comment) => comment.text === 'Un seul commentaire malgré le double clic')).toHaveLength(1);
  });
});
