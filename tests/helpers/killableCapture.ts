// Child process for the crash test: starts a capture, appends the chunks it is given,
// says how many were acknowledged, then waits to be killed (SIGKILL, no clean-up).
import fs from 'node:fs';
import { createApiContext, dispatch } from '../../src-main/app';

async function main(): Promise<void> {
  const [libraryDir, sessionId, chunkDir, count] = process.argv.slice(2) as [string, string, string, string];
  const ctx = createApiContext(libraryDir, 'http');
  const recording = (await dispatch(
    'capture.start',
    { sessionId: Number(sessionId), kind: 'interview', source: 'camera', mimeType: 'video/webm;codecs=vp8,opus' },
    ctx,
  )) as { id: number };
  for (let seq = 0; seq < Number(count); seq++) {
    const data = fs.readFileSync(`${chunkDir}/chunk-${seq}`);
    await dispatch('capture.appendChunk', { recordingId: recording.id, seq, data }, ctx);
  }
  process.stdout.write(`acknowledged ${count} recording ${recording.id}\n`);
  setInterval(() => {}, 1000); // wait for the kill
}

void main();
