/// <reference lib="dom" />
// Issue 16 §3: group mode made for the projector. Full screen at 1920×1080; the turn and the key
// legend stay on screen (1920×1080 and 1366×768); a key press shows "Posture — 00:02 — Marc"
// in a polite live region and brings the new comment into view; labels fit their keys; a quick
// comment is completed afterwards ("À compléter"); the resolved comment passes WCAG AA on the dark
// screen, computed from the styles the browser applied.
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
    projectName: 'Atelier du jeudi',
    date: '2026-11-19',
    candidate: 'Samira',
    employer: 'Marc',
    tempPrefix: 'eric-e2e-group-',
  }));
  // enough comments that the list scrolls: the new one must be brought into view
  server.ctx.library.db.transaction(() => {
    for (let i = 0; i < 40; i++)
      server.ctx.review.comments.add(
        { recordingId: recording.id, startSeconds: 0.05 + (i / 40) * 7.5, text: `Remarque ${i}`, category: 'Voix' },
        recording.projectId,
      );
  })();
  const first = (await server.call('comments.list', { recordingId: recording.id })).json.result[0];
  await server.call('comments.update', { id: first.id, changes: { resolved: true } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const comments = async (): Promise<Comment[]> => (await server.call('comments.list', { recordingId: recording.id })).json.result;

/** Relative luminance and contrast ratio, WCAG 2.x. */
function luminance([r, g, b]: number[]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
function contrast(a: number[], b: number[]): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** Everything the room must see, inside the window? */
async function inWindow(selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return (
        box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight + 0.5 && box.right <= window.innerWidth + 0.5 && box.height > 0
      );
    });
}

describe('group mode on the projector', () => {
  it('fills the screen, keeps the turn and the keys in sight, confirms each key press and shows the new comment', async () => {
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Entretien de Samira' }).waitFor();
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Mode groupe' }).click();
    await page.getByRole('button', { name: /Plein écran/ }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('group-mode') ?? false)).toBe(true);

    // the turn, the legend and the seven keys: on screen, the labels inside their keys
    for (const selector of ['[data-testid="turn"]', '.group-legend', '.quick-tags', '.timeline'])
      expect(await inWindow(selector)).toBe(true);
    const keys = page.locator('.quick-tag');
    expect(await keys.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const fits = await keys.nth(i).evaluate((key) => key.scrollWidth <= key.clientWidth && key.scrollHeight <= key.clientHeight);
      expect(fits, `key ${i + 1} holds its label`).toBe(true);
    }
    // the page itself does not scroll in group mode: everything is in the one screen
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);

    // at 2 s, key 2 (Posture) for Marc, whose turn it is (people in name order, then the group)
    await page.locator('video.player').evaluate((video: HTMLVideoElement) => (video.currentTime = 2));
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.currentTime)).toBeCloseTo(2, 1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Au tour de' }).innerText()).toMatch(/Marc/);
    await page.keyboard.press('2');
    const confirmation = page.getByTestId('quick-confirmation');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Au tour de' }).innerText()).toMatch(/Samira/);
    await expect.poll(() => confirmation.innerText()).toMatch(/Posture — 00:02 — Marc/);
    expect(await confirmation.getAttribute('aria-live')).toBe('polite');
    expect(await confirmation.getAttribute('role')).toBe('status');
    expect(await inWindow('[data-testid="quick-confirmation"]')).toBe(true);

    const added = (await comments()).find((comment) => comment.text === 'Posture')!;
    expect(added).toMatchObject({ category: 'Posture', authorName: 'Marc' });
    // the new comment is in view inside the comment column
    const item = page.locator(`[data-comment-id="${added.id}"]`);
    await item.waitFor();
    await expect
      .poll(() =>
        item.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const column = element.closest('.comments-column')!.getBoundingClientRect();
          return box.top >= column.top - 1 && box.bottom <= column.bottom + 1 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);

    // a second key late in the take: its comment is far down the list and is scrolled to
    await page.locator('video.player').evaluate((video: HTMLVideoElement) => (video.currentTime = 7.6));
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.currentTime)).toBeCloseTo(7.6, 1);
    await page.keyboard.press('3');
    await expect.poll(() => confirmation.innerText()).toMatch(/Voix — 00:07 — Samira/);
    const late = (await comments()).find((comment) => comment.text === 'Voix' && comment.authorName === 'Samira')!;
    await expect
      .poll(() =>
        page.locator(`[data-comment-id="${late.id}"]`).evaluate((element) => {
          const box = element.getBoundingClientRect();
          const column = element.closest('.comments-column')!.getBoundingClientRect();
          return box.top >= column.top - 1 && box.bottom <= column.bottom + 1;
        }),
      )
      .toBe(true);

    // a resolved comment stays readable on the dark screen: WCAG AA 4.5:1, from the computed styles
    // (the list is virtual and follows the playhead: back to the start, where the resolved one is)
    await page.locator('video.player').evaluate((video: HTMLVideoElement) => (video.currentTime = 0));
    const colours = await page
      .locator('.comment.resolved .comment-text')
      .first()
      .evaluate((element) => {
        const parse = (value: string) =>
          value
            .match(/\d+(\.\d+)?/g)!
            .slice(0, 4)
            .map(Number);
        let node: Element | null = element;
        let background = 'rgba(0, 0, 0, 0)';
        while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
          background = getComputedStyle(node).backgroundColor;
          node = node.parentElement;
        }
        return { text: parse(getComputedStyle(element).color), background: parse(background) };
      });
    const ratio = contrast(colours.text, colours.background);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'group-mode-contrast.txt'), `resolved comment on dark: ${ratio.toFixed(2)}:1\n`);

    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-group-mode-1920x1080.png') });
    await page.getByRole('button', { name: /Quitter le plein écran/ }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  });

  it('at 1366×768 the turn, the confirmation and the seven keys are all on screen', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-group-mode-1366x768.png') });
    for (const selector of ['[data-testid="turn"]', '[data-testid="quick-confirmation"]', '.group-legend', '.quick-tags', '.timeline'])
      expect(await inWindow(selector), selector).toBe(true);
    const keys = page.locator('.quick-tag');
    for (let i = 0; i < 7; i++) {
      expect(await keys.nth(i).evaluate((key) => key.scrollWidth <= key.clientWidth && key.scrollHeight <= key.clientHeight)).toBe(true);
    }
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-group-mode-1366x768.png') });
    await page.getByRole('button', { name: 'Quitter le mode groupe' }).click();
  });

  it('quick comments are completed after the session ("À compléter")', async () => {
    await page.getByRole('button', { name: /À compléter \(2\)/ }).click();
    const list = page.getByRole('list', { name: 'Commentaires rapides à compléter' });
    await list.getByLabel(/Qu’a-t-on remarqué\s\? \(Posture\)/).fill('Dos droit, mains posées');
    await list.getByRole('button', { name: 'Enregistrer' }).first().click();
    await page.getByRole('button', { name: /À compléter \(1\)/ }).waitFor();
    await expect
      .poll(async () => (await comments()).some((comment) => comment.category === 'Posture' && comment.text === 'Dos droit, mains posées'))
      .toBe(true);
    // the list is virtual and follows the playhead: at the comment's time it is on screen
    const completed = (await comments()).find((comment) => comment.text === 'Dos droit, mains posées')!;
    await page.locator('video.player').evaluate((video: HTMLVideoElement, at: number) => (video.currentTime = at), completed.startSeconds);
    await page.getByRole('list', { name: 'Commentaires' }).getByText('Dos droit, mains posées').waitFor();
  });
});
