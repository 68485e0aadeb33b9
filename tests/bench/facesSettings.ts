/**
 * Faces: what the analysis width costs and what it finds. For each width (the detector's input
 * size follows it), the share of analysed frames where a face of a given width in a 1280×720
 * picture is found (the astronaut's face, moving, 4 s per size), and the analysis speed of the
 * two-face 720p source as times real time (wall clock and CPU time: detector thread + decoding).
 * Detection goes through the detector's thread, as in the app.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { inputSizeFor } from '../../src-main/faces/faceDetector';
import { FaceDetectorThread } from '../../src-main/faces/faceDetectorThread';
import { ANALYSIS_RATE } from '../../src-main/faces/faceAnalysisService';
import { readRawFrames } from '../../src-main/media/rawFrames';
import { binaries } from '../helpers/media';
import { makeFaceVideo, type FaceVideo } from '../helpers/faceVideos';
import type { BenchResult } from './benchResult';

const FACE_IN_HEAD_WIDTH = 0.62;

const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) => {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (w * h) / (a.w * a.h + b.w * b.h - w * h);
};

export async function runFaceSettingsBench(
  dir: string,
  speedSource: FaceVideo,
  childCpuSeconds: () => number,
  options: { widths?: number[]; faceWidths?: number[] } = {},
): Promise<BenchResult[]> {
  const widths = options.widths ?? (process.env.BENCH_FACES_WIDTHS ?? '384,512,576,640').split(',').map(Number);
  const faceWidths = options.faceWidths ?? [60, 80, 100, 115, 150];
  const results: BenchResult[] = [];
  const detector = new FaceDetectorThread();
  try {
    await detector.load();
    const small = faceWidths.map((faceWidth) => {
      const head = faceWidth / FACE_IN_HEAD_WIDTH;
      return makeFaceVideo(
        dir,
        `face-${faceWidth}px.mp4`,
        [
          {
            x: '100+200*t',
            y: '200+40*sin(t)',
            size: String(head),
            at: (t) => ({ x: 100 + 200 * t, y: 200 + 40 * Math.sin(t), size: head }),
          },
        ],
        { width: 1280, height: 720, rate: 25, seconds: 4 },
      );
    });
    const analyse = (
      video: FaceVideo,
      width: number,
      onFaces: (faces: Awaited<ReturnType<FaceDetectorThread['detect']>>, t: number) => void,
    ) => {
      const height = Math.round((width * video.height) / video.width / 2) * 2;
      return readRawFrames(binaries, video.file, { width, height, rate: ANALYSIS_RATE }, async (rgb, index) => {
        const t = index / ANALYSIS_RATE;
        onFaces(await detector.detect({ rgb, width, height, t, inputSize: inputSizeFor(width) }), t);
      });
    };
    for (const width of widths) {
      for (const [i, video] of small.entries()) {
        let found = 0;
        let frames = 0;
        await analyse(video, width, (faces, t) => {
          const truth = video.faceAt(0, t);
          if (!truth) return;
          frames++;
          if (faces.some((face) => overlap(truth, { x: face.x * 1280, y: face.y * 720, w: face.w * 1280, h: face.h * 720 }) > 0.3)) found++;
        });
        results.push({
          name: `faces: ${faceWidths[i]} px face in 1280×720 found, analysed ${width} px wide`,
          value: (100 * found) / Math.max(1, frames),
          unit: '% of frames',
        });
      }
      const start = performance.now();
      const cpuBefore = process.cpuUsage();
      const childrenBefore = childCpuSeconds();
      await analyse(speedSource, width, () => {});
      const wall = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (childCpuSeconds() - childrenBefore);
      results.push({
        name: `faces: analysis ${width} px wide, wall clock (${os.loadavg()[0]!.toFixed(1)} load)`,
        value: speedSource.seconds / wall,
        unit: '× real time',
        target: '≥ 1×',
      });
      results.push({
        name: `faces: analysis ${width} px wide, by CPU time (detector thread + decoding)`,
        value: speedSource.seconds / cpuSeconds,
        unit: '× real time',
        target: '≥ 1×',
      });
    }
  } finally {
    await detector.close();
  }
  return results;
}
