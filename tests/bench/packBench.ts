/**
 * Pack benchmark: a 30-minute project (three 10-minute recordings, a montage and ten
 * clips) built into a restitution pack for elected officials, compared with the sum of
 * the same ffmpeg renders run bare. BENCH_PACK_MINUTES sets the footage (default 30).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACK_CLIP_OPTIONS } from '../../src-main/packs/packService';
import { testSourceInputs } from '../helpers/media';
import type { BenchResult } from './benchResult';
import { bareCommand, ffmpegBare } from './renderBench';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';

export async function runPackBench(root: string): Promise<BenchResult[]> {
  const minutes = Number(process.env.BENCH_PACK_MINUTES ?? 30);
  const perRecording = Math.round((minutes * 60) / 3);
  console.error(`Making a ${minutes}-minute project (3 × ${perRecording} s, 640×360) and importing it…`);
  const source = path.join(root, 'pack-source.mp4');
  ffmpegBare([
    ...testSourceInputs(perRecording, { size: '640x360', rate: 25 }),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', '-c:a', 'aac', '-shortest', source],
  ]);
  const ctx = createApiContext(path.join(root, 'pack-library'), 'http', { trusted: true });
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const project = await call<{ id: number }>('projects.create', { name: 'Bench pack', kind: 'testimony-campaign' });
  const clipIds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const person = await call<{ id: number }>('people.add', { projectId: project.id, displayName: `Personne ${r}`, role: 'young-person' });
    for (const scope of ['recording', 'elected'])
      await call('consent.set', { personId: person.id, scope, status: 'granted', method: 'signed-form' });
    const recording = await call<{ id: number }>('recordings.importFile', {
      path: source,
      projectId: project.id,
      people: [{ personId: person.id }],
    });
    for (let c = 0; c < 4 && clipIds.length < 10; c++) {
      const from = 10 + c * (perRecording / 4);
      const clip = await call<{ id: number }>('clips.create', {
        recordingId: recording.id,
        name: `Extrait ${clipIds.length + 1}`,
        inSeconds: from,
        outSeconds: from + 20,
        tags: [`Thème ${(clipIds.length % 3) + 1}`],
      });
      clipIds.push(clip.id);
    }
  }
  const montage = await call<{ id: number }>('montages.create', { projectId: project.id, name: 'Le film' });
  await call('montages.update', {
    id: montage.id,
    changes: { items: [{ kind: 'title', text: 'Bench', seconds: 3 }, ...clipIds.slice(0, 6).map((clipId) => ({ kind: 'clip', clipId }))] },
  });

  console.error('Bare ffmpeg renders of the same items…');
  const requests = [
    { target: { kind: 'montage' as const, montageId: montage.id }, audience: 'elected' as const },
    ...clipIds.map((clipId) => ({
      target: { kind: 'clip' as const, clipId },
      audience: 'elected' as const,
      options: { ...PACK_CLIP_OPTIONS },
    })),
  ];
  let bareMs = 0;
  for (const [i, request] of requests.entries()) {
    const run = await bareCommand(ctx, request, path.join(root, `pack-bare-${i}`), path.join(root, `pack-bare-${i}.mp4`));
    const start = performance.now();
    run();
    bareMs += performance.now() - start;
  }

  console.error('ERIC Studio pack build…');
  const start = performance.now();
  await call('packs.build', {
    spec: { projectId: project.id, audience: 'elected' },
    destination: path.join(root, 'pack-out'),
    zip: true,
    wait: true,
  });
  const packMs = performance.now() - start;
  const bytes = fs
    .readdirSync(path.join(root, 'pack-out', 'videos'))
    .reduce((sum, name) => sum + fs.statSync(path.join(root, 'pack-out', 'videos', name)).size, 0);
  closeApiContext(ctx);
  return [
    { name: `pack build, ${minutes}-min project (1 montage + 10 clips, zip)`, value: packMs / 1000, unit: 's' },
    { name: 'sum of the same renders, bare ffmpeg', value: bareMs / 1000, unit: 's' },
    { name: 'pack build / sum of renders', value: packMs / bareMs, unit: '×', target: '≤ 1.15×' },
    { name: 'pack videos size', value: bytes / (1024 * 1024), unit: 'MiB' },
  ];
}
