/// <reference lib="dom" />
// The review screen at many comments, in Chromium: the virtual list holds far fewer rows
// than comments, a comment added through the API appears without any list request, the
// canvas timeline seeks on click and is walked with the keyboard. No timed assertions.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { frenchNumber } from '../../src-shared/frenchNumber';
import { dispatch } from '../../src-main/app';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const COMMENTS = 2000;
const DURATION = 20;
let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;
/** Every /api/<method> the page asked for. */
const requests: string[] = [];

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Atelier nombreux', kind: 'interview-workshop' })).json.result.id;
  const sessionId = (await server.call('sessions.create', { projectId, date: '2026-11-22' })).json.result.id;
  const lea = (await server.call('people.add', { projectId, displayName: 'Léa', role: 'job-seeker' })).json.result.id;
  const file = makeTestVideo(makeTempDir('eric-e2e-review-fast-'), 'longue.mp4', DURATION);
  recording = (await dispatch(
    'recordings.importFile',
    { path: file, sessionId, title: 'Témoignage très commenté', people: [{ personId: lea, part: 'candidate' }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  const categories = ['Voix', 'Posture', 'Présentation', 'À améliorer'];
  server.ctx.library.db.transaction(() => {
    // the first 10 seconds hold every comment, the last 10 none: marks only on the left half
    for (let i = 0; i < COMMENTS; i++)
      server.ctx.review.comments.add(
        {
          recordingId: recording.id,
          startSeconds: 0.5 + (i / COMMENTS) * 9,
          endSeconds: i % 10 === 0 ? 0.5 + (i / COMMENTS) * 9 + 1 : null,
          category: categories[i % categories.length],
          text: `Remarque ${i}`,
        },
        recording.projectId,
      );
  })();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  page.on('request', (request) => {
    const match = /\/api\/([\w.]+)/.exec(request.url());
    if (match) requests.push(match[1]!);
  });
});

afterAll(async () => {
  await browser?.close();
});

const playerTime = () => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.currentTime);
const rows = () => page.getByRole('list', { name: 'Commentaires' }).locator(':scope > li');

describe('the review screen at 2,000 comments', () => {
  it('holds far fewer list rows than comments, each knowing its place among all of them', async () => {
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Témoignage très commenté' }).waitFor();
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    // French counts group their thousands: "2 000 commentaires" (src-shared/frenchNumber.ts)
    await page.getByText(`${frenchNumber(COMMENTS)} commentaires : voici les 200`).waitFor();
    await rows().first().waitFor();
    const count = await rows().count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(40);
    expect(await rows().first().getAttribute('aria-setsize')).toBe(String(COMMENTS));
    // nothing but the visible rows and the single canvas for the marks: no element per comment
    expect(await page.locator('.comment-marks canvas').count()).toBe(1);
    expect(await page.locator('.comment-dot, .comment-bar').count()).toBe(0);
    expect(await page.locator('li').count()).toBeLessThan(80);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-review-many-comments.png') });
    // the timeline and the list, as seen after scrolling down at 1366×768
    await page.getByTestId('comment-marks').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-review-many-comments-timeline.png') });
  });

  it('shows a comment added through the API without asking for any list', async () => {
    await rows().first().waitFor();
    const before = requests.length;
    const added = await server.call('comments.add', { recordingId: recording.id, startSeconds: 0.4, text: 'Ajouté par un téléphone' });
    expect(added.status).toBe(200);
    await page.getByRole('listitem', { name: /Ajouté par un téléphone/ }).waitFor();
    const since = requests.slice(before);
    expect(since).toContain('comments.byIds');
    expect(since.filter((method) => method === 'comments.list' || method === 'comments.window')).toEqual([]);
    await page.getByText(`${frenchNumber(COMMENTS + 1)} commentaires : voici les`).waitFor();
    // an edit and a deletion arrive the same way
    await server.call('comments.update', { id: added.json.result.id, changes: { text: 'Modifié depuis un téléphone' } });
    await page.getByRole('listitem', { name: /Modifié depuis un téléphone/ }).waitFor();
    await server.call('comments.delete', { id: added.json.result.id });
    await expect.poll(() => page.getByRole('listitem', { name: /depuis un téléphone/ }).count()).toBe(0);
    expect(requests.slice(before).filter((method) => method === 'comments.list' || method === 'comments.window')).toEqual([]);
  });

  it('seeks when the canvas timeline is clicked: on a mark, to its first comment, shown in the list', async () => {
    const marks = page.getByTestId('comment-marks');
    const box = (await marks.boundingBox())!;
    // the right half has no comment: a click there seeks to that point
    await marks.click({ position: { x: box.width * 0.75, y: 18 } });
    await expect.poll(playerTime).toBeCloseTo(DURATION * 0.75, 0);
    // on the left half every pixel has a mark: the click seeks to the mark's first comment and selects it
    await marks.click({ position: { x: box.width * 0.25, y: 18 } });
    await expect.poll(playerTime).toBeCloseTo(DURATION * 0.25, 0);
    const selected = page.locator('li.comment.selected');
    await selected.waitFor();
    const label = (await selected.getAttribute('aria-label'))!;
    const [, seconds] = /^00:0?(\d+)/.exec(label)!;
    expect(Math.abs(Number(seconds) - DURATION * 0.25)).toBeLessThanOrEqual(1);
    expect(Math.abs((await playerTime()) - DURATION * 0.25)).toBeLessThan(0.3);
  });

  it('walks the marks with the arrow keys and seeks with Enter', async () => {
    const marks = page.getByRole('group', { name: /Repères des commentaires/ });
    expect(await marks.getAttribute('tabindex')).toBe('0');
    const summary = await page.locator('#comment-marks-summary').innerText();
    expect(summary).toMatch(
      new RegExp(`^${frenchNumber(COMMENTS)} commentaires en \\d+ repères sur la ligne de temps. Par catégorie : Voix 500, Posture 500`),
    );
    await marks.focus();
    await page.keyboard.press('Home');
    const first = await page.getByTestId('comment-mark-focused').textContent();
    expect(first).toMatch(/^00:00 : \d+ commentaires \(/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = (await page.getByTestId('comment-mark-focused').textContent())!;
    expect(third).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.locator('li.comment.selected').waitFor();
    const time = await playerTime();
    expect(time).toBeGreaterThan(0.4);
    expect(time).toBeLessThan(1.5);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(playerTime).toBeGreaterThan(9);
    expect(await playerTime()).toBeLessThan(9.6);
    await page.getByRole('listitem', { name: /Remarque 1999$/ }).waitFor();
  });
});
