/**
 * Capture benchmarks: import + finalise of a long 720p file compared with running the
 * same ffmpeg commands bare, and the chunk-write path compared with real time.
 * BENCH_MINUTES shortens the source (default 10 minutes, as the target is stated).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { filmstripArgs, filmstripFrameCount, masterTranscodeArgs, posterArgs, waveformPcmArgs } from '../../src-main/media/ffmpegArgs';
import { probe } from '../../src-main/media/probe';
import { startBrowserServer } from '../../src-main/server/browserServer';
import { testSourceInputs } from '../helpers/media';
import type { BenchResult } from './benchResult';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';

const binaries = resolveFfmpegBinaries();

function ffmpegBare(args: string[]): void {
  const result = spawnSync(binaries.ffmpeg, ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${args.join(' ')}`);
}

export async function runCaptureBench(root: string): Promise<BenchResult[]> {
  const minutes = Number(process.env.BENCH_MINUTES ?? 10);
  const seconds = Math.round(minutes * 60);
  const results: BenchResult[] = [];
  const source = path.join(root, `source-${minutes}min-720p.mp4`);
  console.error(`Making a ${minutes}-minute 720p source…`);
  ffmpegBare([
    ...testSourceInputs(seconds, { size: '1280x720', rate: 30 }),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '300', '-c:a', 'aac', '-shortest', source],
  ]);

  // bare: the same commands, straight from the shell's point of view
  const bareDir = path.join(root, 'bare');
  fs.mkdirSync(bareDir);
  console.error('Bare ffmpeg commands…');
  const bareStart = performance.now();
  const sourceProbe = await probe(binaries, source);
  const master = path.join(bareDir, 'master.mp4');
  ffmpegBare(masterTranscodeArgs(source, master, sourceProbe));
  ffmpegBare(posterArgs(master, path.join(bareDir, 'poster.jpg'), seconds));
  ffmpegBare(filmstripArgs(master, path.join(bareDir, 'filmstrip.jpg'), seconds, filmstripFrameCount(seconds)));
  ffmpegBare(waveformPcmArgs(master, path.join(bareDir, 'waveform.pcm')));
  const bareMs = performance.now() - bareStart;

  console.error('ERIC Studio import + finalise…');
  const ctx = createApiContext(path.join(root, 'capture-library'), 'http', { trusted: true });
  const project = (await dispatch('projects.create', { name: 'Bench', kind: 'interview-workshop' }, ctx)) as { id: number };
  const session = (await dispatch('sessions.create', { projectId: project.id, date: '2026-11-22' }, ctx)) as { id: number };
  const importStart = performance.now();
  await dispatch('recordings.importFile', { path: source, sessionId: session.id }, ctx);
  const importMs = performance.now() - importStart;
  results.push({ name: `import+finalise ${minutes} min 720p`, value: importMs / 1000, unit: 's' });
  results.push({ name: 'bare ffmpeg, same commands', value: bareMs / 1000, unit: 's' });
  results.push({ name: 'import+finalise / bare ffmpeg', value: importMs / bareMs, unit: '×', target: '≤ 1.1×' });

  // chunk writes at a 720p MediaRecorder bitrate (2.5 Mbit/s): one 1-second chunk each
  const chunk = Buffer.alloc(Math.round(2_500_000 / 8), 7);
  const chunkCount = 600;
  const writeThrough = async (label: string, send: (recordingId: number, seq: number) => Promise<unknown>) => {
    const recording = (await dispatch(
      'capture.start',
      { sessionId: session.id, kind: 'interview', source: 'camera', mimeType: 'video/webm' },
      ctx,
    )) as { id: number };
    const start = performance.now();
    for (let seq = 0; seq < chunkCount; seq++) await send(recording.id, seq);
    const elapsed = (performance.now() - start) / 1000;
    await dispatch('capture.discard', { recordingId: recording.id }, ctx);
    results.push({ name: `chunk writes, ${label} (10 min of 720p)`, value: chunkCount / elapsed, unit: '× real time', target: '≥ 20×' });
  };
  await writeThrough('service + fsync', (recordingId, seq) => dispatch('capture.appendChunk', { recordingId, seq, data: chunk }, ctx));
  const server = await startBrowserServer({ ctx, rendererDir: null, port: 0 });
  await writeThrough('over HTTP', async (recordingId, seq) => {
    const response = await fetch(`${server.url}api/capture.appendChunk?recordingId=${recordingId}&seq=${seq}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: chunk,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  });
  await server.close();
  closeApiContext(ctx);
  return results;
}
