/// <reference lib="dom" />
// Issue 16 §4: review on the usual ERIC PC (1366×768). Player, timeline and comment composer
// fit without scrolling; "Voir" and "En faire un extrait" bring what they act on into view
// with the focus; `?` opens the list of keys (a dialog that Escape closes); Space on a focused
// button presses that button; Ctrl/Alt combinations are left to the browser; a clip is
// renamed, trimmed to the frame under the playhead and given another speaker.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, Recording } from '../../src-shared/contract/schemas';
import type { Clip } from '../../src-shared/contract/schemas/editing';
import { FALLBACK_FRAME_RATE, snapToFrame } from '../../src-shared/frameGrid';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;
let clip: Clip;
let samiraId: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Atelier entretien', kind: 'interview-workshop' })).json.result.id;
  const sessionId = (await server.call('sessions.create', { projectId, date: '2026-11-19' })).json.result.id;
  samiraId = (await server.call('people.add', { projectId, displayName: 'Samira', role: 'job-seeker' })).json.result.id;
  const marcId = (await server.call('people.add', { projectId, displayName: 'Marc', role: 'employer' })).json.result.id;
  const file = makeTestVideo(makeTempDir('eric-e2e-review-layout-'), 'entretien.mp4', 8);
  recording = (await dispatch(
    'recordings.importFile',
    {
      path: file,
      sessionId,
      title: 'Entretien de Samira',
      people: [
        { personId: samiraId, part: 'candidate' },
        { personId: marcId, part: 'recruiter' },
      ],
    },
    { ...server.ctx, trusted: true },
  )) as Recording;
  clip = (
    await server.call('clips.create', {
      recordingId: recording.id,
      name: 'Premier essai',
      inSeconds: 4,
      outSeconds: 6,
      speakerPersonId: marcId,
    })
  ).json.result;
  await server.call('comments.add', { recordingId: recording.id, startSeconds: 2, endSeconds: 3.5, text: 'Belle réponse sur le parcours' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.goto(`${server.url}#/recordings/${recording.id}`);
  await page.getByRole('heading', { name: 'Entretien de Samira' }).waitFor();
  await page.waitForFunction(() => ((document.querySelector('video.player') as HTMLVideoElement | null)?.readyState ?? 0) >= 1);
});

afterAll(async () => {
  await browser?.close();
});

const video = () => page.locator('video.player');
const playerTime = () => video().evaluate((element: HTMLVideoElement) => element.currentTime);
const paused = () => video().evaluate((element: HTMLVideoElement) => element.paused);
const seekTo = async (seconds: number) => {
  await video().evaluate((element: HTMLVideoElement, at) => (element.currentTime = at), seconds);
  await expect.poll(playerTime).toBeCloseTo(seconds, 1);
};
const bottomOf = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => element.getBoundingClientRect().bottom);

describe('review at 1366×768', () => {
  it('shows player, timeline (filmstrip, markers, comment dots) and composer without scrolling', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const figures = {
      player: await bottomOf('.player-wrap'),
      controls: await bottomOf('.player-controls'),
      timeline: await bottomOf('.timeline'),
      composer: await bottomOf('form.comment-form'),
      scrollY: await page.evaluate(() => window.scrollY),
    };
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'review-1366x768-figures.json'), JSON.stringify(figures, null, 2));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-review-1366x768.png') });
    expect(figures.scrollY).toBe(0);
    for (const [what, bottom] of Object.entries(figures)) if (what !== 'scrollY') expect(bottom, what).toBeLessThanOrEqual(768);
    // the composer's button itself is reachable without scrolling
    expect(await bottomOf('form.comment-form button[type="submit"]')).toBeLessThanOrEqual(768);
    expect(await page.locator('.timeline .filmstrip').count()).toBe(1);
  });

  it('`?` opens the list of keys as a dialog that takes the focus; Escape closes it', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await dialog.waitFor();
    expect(await dialog.getByText('Lecture ou pause').count()).toBe(1);
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    // the screen's keys rest while the list is open
    await page.keyboard.press('l');
    expect(await playerTime()).toBeLessThan(0.5);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // and the button opens it too
    await page.getByRole('button', { name: 'Raccourcis (?)' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('Space on a focused button presses that button, not play/pause', async () => {
    await seekTo(0);
    await page.getByRole('button', { name: '+ 5 s' }).focus();
    await page.keyboard.press(' ');
    await expect.poll(playerTime).toBeCloseTo(5, 0);
    expect(await paused()).toBe(true);
    // away from a button, Space still plays and pauses
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await expect.poll(paused).toBe(false);
    await page.keyboard.press(' ');
    await expect.poll(paused).toBe(true);
  });

  it('Ctrl, Alt and Meta combinations do nothing on the review screen', async () => {
    await seekTo(3);
    await expect.poll(() => page.getByTestId('range-label').innerText()).toBe('À 00:03');
    const rangeBefore = await page.getByTestId('range-label').innerText();
    for (const combo of ['Control+l', 'Control+j', 'Alt+l', 'Control+k', 'Alt+k', 'Control+i', 'Alt+o', 'Meta+l', 'Control+.'])
      await page.keyboard.press(combo);
    await page.waitForTimeout(300); // nothing is expected to happen: give a wrong handler time to show
    expect(await playerTime()).toBeCloseTo(3, 1);
    expect(await paused()).toBe(true);
    expect(await page.getByTestId('range-label').innerText()).toBe(rangeBefore);
    // without the modifier the same key works
    await page.keyboard.press('l');
    await expect.poll(playerTime).toBeCloseTo(8, 0);
  });

  it('"Voir" on a clip shows the player with the focus on play; "En faire un extrait" shows the clip form, ready to name', async () => {
    const clipItem = page.getByRole('listitem', { name: 'Premier essai' });
    await clipItem.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await clipItem.getByRole('button', { name: 'Voir' }).click();
    await expect.poll(playerTime).toBeCloseTo(4, 1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('player-play');
    await expect
      .poll(() =>
        page
          .locator('.player-wrap')
          .evaluate((element) => element.getBoundingClientRect().top >= -1 && element.getBoundingClientRect().top < 400),
      )
      .toBe(true);

    const rangeComment = page.getByRole('listitem', { name: /Belle réponse sur le parcours/ });
    await rangeComment.getByRole('button', { name: 'En faire un extrait' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('clip-name');
    await expect
      .poll(() =>
        page.locator('#clip-name').evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-review-make-clip-1366x768.png') });
  });

  it('a clip is renamed, given themes, trimmed to the frame under the playhead, and given another speaker', async () => {
    const clipItem = page.getByRole('listitem', { name: 'Premier essai' });
    await clipItem.getByRole('button', { name: 'Modifier' }).click();
    const editor = page.getByRole('form', { name: 'Modifier l’extrait Premier essai' });
    await editor.getByLabel("Nom de l'extrait").fill('La poignée de main');
    await editor.getByLabel('Thèmes (séparés par des virgules)').fill('Accueil, Posture, Accueil');
    await editor.getByLabel('Nom dans le bandeau (personne filmée)').selectOption({ label: 'Samira' });
    await seekTo(1.23);
    const inAt = await playerTime();
    await editor.getByRole('button', { name: /Début ici/ }).click();
    await seekTo(3.51);
    const outAt = await playerTime();
    await editor.getByRole('button', { name: /Fin ici/ }).click();
    await editor.getByRole('button', { name: 'Enregistrer l’extrait' }).click();
    await page.getByRole('listitem', { name: 'La poignée de main' }).waitFor();

    const [saved] = (await server.call('clips.list', { recordingId: recording.id })).json.result as Clip[];
    const fresh = (await server.call('recordings.get', { id: recording.id })).json.result as Recording;
    const fps = fresh.frameRate ?? FALLBACK_FRAME_RATE;
    expect(saved).toMatchObject({ id: clip.id, name: 'La poignée de main', speakerPersonId: samiraId, tags: ['Accueil', 'Posture'] });
    expect(saved!.inSeconds).toBeCloseTo(snapToFrame(inAt, fps), 6);
    expect(saved!.outSeconds).toBeCloseTo(snapToFrame(outAt, fps), 6);
    expect(saved!.inSeconds).toBeCloseTo(1.23, 1);
    expect(saved!.outSeconds).toBeCloseTo(3.51, 1);
    await page
      .getByRole('listitem', { name: 'La poignée de main' })
      .getByText(/Samira/)
      .first()
      .waitFor();
  });

  it('the comments list keeps its comment ids for the views that bring a comment into sight', async () => {
    const all = (await server.call('comments.list', { recordingId: recording.id })).json.result as Comment[];
    expect(await page.locator(`[data-comment-id="${all[0]!.id}"]`).count()).toBe(1);
  });
});
