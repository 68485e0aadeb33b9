/**
 * The review screen in Chromium (playwright-core, browser mode) at 1,000 / 20,000 /
 * 100,000 comments on one recording (`BENCH_UI_COUNTS=0,1000,20000` to choose; 0 is the floor of
 * this machine: the same screen and video without comments): time to
 * interactive (video ready and list drawn), a comment added through the API until it is
 * painted, a seek by clicking the timeline until the list shows the place, the playback
 * frame rate with the list open (requestVideoFrameCallback over 10 s, on a 60 fps master),
 * long tasks during playback, DOM size and JS heap after use. Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import { startBrowserServer } from '../../src-main/server/browserServer';
import { launchChromium } from '../helpers/browser';
import { runFfmpegSync, testSourceInputs } from '../helpers/media';
import { median, type BenchResult } from './benchResult';

const VIDEO_SECONDS = 60;
const PLAY_SECONDS = Number(process.env.BENCH_UI_PLAY_SECONDS ?? 10);
const CATEGORIES = ['Présentation', 'Posture', 'Voix', 'Argumentation', 'Questions posées', 'Point fort', 'À améliorer'];

declare global {
  interface Window {
    __tti?: number;
    __videoReady?: number;
    __listDrawn?: number;
  }
}

function makeVideo(dir: string): string {
  const file = path.join(dir, 'review-ui-bench.mp4');
  runFfmpegSync([
    ...testSourceInputs(VIDEO_SECONDS, { size: '640x360', rate: 60 }),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
  ]);
  return file;
}

async function measure(root: string, video: string, count: number): Promise<BenchResult[]> {
  const ctx = createApiContext(path.join(root, `review-ui-${count}`), 'http', { trusted: true });
  const projectId = ((await dispatch('projects.create', { name: 'Bench UI', kind: 'interview-workshop' }, ctx)) as { id: number }).id;
  const sessionId = ((await dispatch('sessions.create', { projectId, date: '2026-11-22' }, ctx)) as { id: number }).id;
  const people: number[] = [];
  for (let i = 0; i < 12; i++)
    people.push(
      ((await dispatch('people.add', { projectId, displayName: `Participant ${i}`, role: 'job-seeker' }, ctx)) as { id: number }).id,
    );
  const recording = (await dispatch('recordings.importFile', { path: video, sessionId, title: 'Bench UI' }, ctx)) as { id: number };
  const insert = ctx.library.db.prepare(
    `INSERT INTO comments (recording_id, parent_id, start_seconds, end_seconds, author_person_id, category, text, created_at, updated_at)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  ctx.library.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const start = ((i + 0.5) / count) * (VIDEO_SECONDS - 1);
      insert.run(
        recording.id,
        start,
        i % 5 === 0 ? Math.min(VIDEO_SECONDS, start + 4) : null,
        i % 3 === 0 ? null : people[i % people.length]!,
        CATEGORIES[i % CATEGORIES.length]!,
        `Commentaire numéro ${i}, avec des accents : élan, ça, où`,
        at,
        at,
      );
    }
  })();

  const server = await startBrowserServer({ ctx, rendererDir: path.resolve('out/renderer'), port: 0 });
  const browser = await launchChromium();
  const label = count.toLocaleString('en-US');
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    // tsx (esbuild, keepNames) wraps the functions sent to the page in __name(): give the page one
    await page.addInitScript('window.__name = (fn) => fn;');
    // time to interactive: the first frame where the video has data and the list has rows
    await page.addInitScript(() => {
      const check = () => {
        const video = document.querySelector('video.player') as HTMLVideoElement | null;
        if (video && video.readyState >= 2) window.__videoReady ??= performance.now();
        if (document.querySelector('.comment-list > li, .comments-column .empty')) window.__listDrawn ??= performance.now();
        if (window.__videoReady !== undefined && window.__listDrawn !== undefined) window.__tti = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page
      .waitForFunction(() => window.__tti !== undefined, null, { timeout: 60_000 })
      .catch(async (error: unknown) => {
        const state = await page.evaluate(() => ({
          readyState: (document.querySelector('video.player') as HTMLVideoElement | null)?.readyState,
          rows: document.querySelectorAll('.comment-list > li').length,
          text: document.body.innerText.slice(0, 400),
        }));
        throw new Error(`The review screen did not become interactive: ${JSON.stringify(state)}`, { cause: error });
      });
    const [tti, listDrawn, videoReady] = await page.evaluate(() => [window.__tti!, window.__listDrawn!, window.__videoReady!]);
    await page.locator('.comment-list-scroll').scrollIntoViewIfNeeded();

    // a comment added through the API (HTTP, as a phone would) until it is in the DOM and painted
    const addTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      addTimes.push(
        await page.evaluate(async (n) => {
          const video = document.querySelector('video.player') as HTMLVideoElement;
          const list = document.querySelector('.comment-list')!;
          const text = `Ajout mesuré ${n}`;
          const painted = new Promise<number>((resolve, reject) => {
            setTimeout(() => reject(new Error(`"${text}" was not painted within 15 s`)), 15_000);
            const observer = new MutationObserver(() => {
              if (!list.textContent?.includes(text)) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            });
            observer.observe(list, { childList: true, subtree: true, characterData: true });
          });
          const start = performance.now();
          const recordingId = Number(location.hash.split('/').pop());
          await fetch('/api/comments.add', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ recordingId, startSeconds: video.currentTime, text }),
          });
          return (await painted) - start;
        }, i),
      );
    }

    // seek by clicking the marks strip, until the video has seeked and the list shows the place
    const seekTimes: number[] = [];
    for (const fraction of [0.2, 0.8, 0.45, 0.65, 0.3]) {
      seekTimes.push(
        await page.evaluate(
          async ({ x, withList }) => {
            const video = document.querySelector('video.player') as HTMLVideoElement;
            const marks = document.querySelector('[data-testid="comment-marks"]') as HTMLElement;
            const box = marks.getBoundingClientRect();
            const start = performance.now();
            const seeked = new Promise<void>((resolve) => video.addEventListener('seeked', () => resolve(), { once: true }));
            marks.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width * x, clientY: box.top + 10 }));
            await seeked;
            const target = video.currentTime;
            // the list shows the place when the picked (or the active) row is drawn, within 2 s of the playhead
            await new Promise<void>((resolve, reject) => {
              if (!withList) return resolve();
              const giveUp = performance.now() + 15_000;
              const check = () => {
                const label = document.querySelector('li.comment.selected, li.comment.active')?.getAttribute('aria-label') ?? '';
                const [, mm, ss] = /^(\d\d):(\d\d)/.exec(label) ?? [];
                if (mm !== undefined && Math.abs(Number(mm) * 60 + Number(ss) - target) <= 2) resolve();
                else if (performance.now() > giveUp) reject(new Error(`the list did not show ${target} s after a seek`));
                else requestAnimationFrame(check);
              };
              check();
            });
            return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
          },
          { x: fraction, withList: count > 0 },
        ),
      );
    }

    // playback with the list open: frames presented, long tasks
    const playback = await page.evaluate(async (seconds) => {
      const video = document.querySelector('video.player') as HTMLVideoElement;
      video.muted = true;
      video.currentTime = 5;
      await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      let frames = 0;
      let animationFrames = 0;
      let playing = true;
      const onFrame = () => {
        frames++;
        if (playing) video.requestVideoFrameCallback(onFrame);
      };
      const onAnimationFrame = () => {
        animationFrames++;
        if (playing) requestAnimationFrame(onAnimationFrame);
      };
      await video.play();
      const start = performance.now();
      video.requestVideoFrameCallback(onFrame);
      requestAnimationFrame(onAnimationFrame);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      playing = false;
      const elapsed = (performance.now() - start) / 1000;
      video.pause();
      observer.disconnect();
      return {
        fps: frames / elapsed,
        rafFps: animationFrames / elapsed,
        longTasks: longTasks.length,
        longestTask: Math.max(0, ...longTasks),
        blockedMs: longTasks.reduce((sum, duration) => sum + duration, 0),
      };
    }, PLAY_SECONDS);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const listRows = await page.evaluate(() => document.querySelectorAll('.comment-list > li').length);
    const target = (value: string) => (count === 20_000 ? value : undefined);
    return [
      { name: `review UI, ${label} comments: time to interactive`, value: tti, unit: 'ms', target: target('< 1000 ms') },
      { name: `review UI, ${label} comments: list drawn (part of the above)`, value: listDrawn, unit: 'ms' },
      { name: `review UI, ${label} comments: video ready (part of the above)`, value: videoReady, unit: 'ms' },
      {
        name: `review UI, ${label} comments: new comment painted (median of 7)`,
        value: median(addTimes),
        unit: 'ms',
        target: target('< 100 ms'),
      },
      { name: `review UI, ${label} comments: seek by click, list there (median of 5)`, value: median(seekTimes), unit: 'ms' },
      {
        name: `review UI, ${label} comments: playback video frames/s (60 fps master)`,
        value: playback.fps,
        unit: 'fps',
        target: target('>= 55 fps'),
      },
      { name: `review UI, ${label} comments: playback animation frames/s`, value: playback.rafFps, unit: 'fps' },
      { name: `review UI, ${label} comments: long tasks during ${PLAY_SECONDS} s of playback`, value: playback.longTasks, unit: 'tasks' },
      {
        name: `review UI, ${label} comments: longest task during playback`,
        value: playback.longestTask,
        unit: 'ms',
        target: target('<= 50 ms'),
      },
      { name: `review UI, ${label} comments: DOM elements (list rows: ${listRows})`, value: domNodes, unit: 'elements' },
      { name: `review UI, ${label} comments: JS heap after use (after GC)`, value: heap.usedSize / 1024 / 1024, unit: 'MB' },
    ].map((result) => (result.target === undefined ? { name: result.name, value: result.value, unit: result.unit } : result));
  } finally {
    await browser.close();
    await server.close();
    closeApiContext(ctx);
  }
}

export async function runReviewUiBench(root: string): Promise<BenchResult[]> {
  if (!fs.existsSync(path.resolve('out/renderer/index.html')))
    throw new Error('out/renderer is missing: run "npm run build" before "npm run bench -- ui".');
  const counts = (process.env.BENCH_UI_COUNTS ?? '1000,20000,100000').split(',').map(Number);
  const video = makeVideo(root);
  const results: BenchResult[] = [];
  for (const count of counts) results.push(...(await measure(root, video, count)));
  return results;
}
