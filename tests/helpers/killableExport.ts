// Child process for the crash tests: starts a render or a pack build, says when it has
// made some progress, then waits to be killed (SIGKILL: no clean-up at all).
import { createApiContext, dispatch } from '../../src-main/app';

async function main(): Promise<void> {
  const [libraryDir, mode, destination, id, threshold] = process.argv.slice(2) as [string, 'render' | 'pack', string, string, string];
  const ctx = createApiContext(libraryDir, 'http', { trusted: true });
  ctx.events.subscribe((event, payload) => {
    if (event === 'job.progress' && 'ratio' in payload && (payload.ratio ?? 0) >= Number(threshold)) {
      process.stdout.write(`progress ${payload.ratio}\n`);
    }
  });
  if (mode === 'render') {
    await dispatch('render.start', { target: { kind: 'montage', montageId: Number(id) }, audience: 'workshop', destination }, ctx);
  } else {
    await dispatch('packs.build', { spec: { projectId: Number(id), audience: 'workshop' }, destination, zip: true }, ctx);
  }
  setInterval(() => {}, 1000); // wait for the kill
}

void main();
