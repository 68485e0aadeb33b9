/**
 * The browser-mode command: `--library <dir> --port <n> [--host <ip>] [--open]`.
 * Serves the built renderer and the API on 127.0.0.1 so the app runs in any browser
 * (and in the E2E tests, where no Electron binary exists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/appError';
import { defaultLibraryDir } from '../library/libraryFolder';
import { defaultProcessRegistry } from '../platform/processRegistry';
import { openInSystemBrowser } from '../platform/openInSystemBrowser';
import { startBrowserServer } from './browserServer';
import { closeApiContext, createApiContext, recoverUnfinishedWork, watchConsentExpiry } from '../app';

const HELP = `Usage: eric-studio serve [--library <dir>] [--port <n>] [--host 127.0.0.1] [--open]
  --library  library folder (default: ${defaultLibraryDir()})
  --port     port to listen on (default: 4567; 0 picks a free one)
  --host     address to bind (default: 127.0.0.1, this computer only)
  --open     open the app in the system browser`;

/** The built renderer, wherever this code runs from (bundle entry, shared chunk, or sources). */
export function findRendererDir(): string | null {
  const candidates = [
    path.resolve(__dirname, '../renderer'),
    path.resolve(__dirname, '../../renderer'),
    path.resolve(__dirname, '../../out/renderer'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

export async function runServe(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      library: { type: 'string' },
      port: { type: 'string', default: '4567' },
      host: { type: 'string', default: '127.0.0.1' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('invalid-input', `L’option --port attend un nombre de 0 à 65535, pas « ${values.port} ».`, { field: 'port' });
  }
  const libraryDir = path.resolve(values.library ?? defaultLibraryDir());
  let shuttingDown: (() => void) | null = null;
  const ctx = createApiContext(libraryDir, 'http', {
    analyseFacesAfterFinalise: true,
    lock: {
      holder: 'browser',
      log: (line) => console.log(line),
      // another process judged us gone and took the library: stop writing at once
      onLost: () => {
        console.error('Le verrou de la bibliothèque a été repris par un autre processus : arrêt du mode navigateur.');
        shuttingDown?.();
      },
    },
  });
  const rendererDir = findRendererDir();
  if (!rendererDir) console.warn('The built interface was not found (run "npm run build"); only the API is served.');
  const running = await startBrowserServer({ ctx, rendererDir, host: values.host, port });
  const recovered = recoverUnfinishedWork(ctx);
  const expiry = watchConsentExpiry(ctx); // consent that runs out recalls its exports that day
  if (recovered.recordings) console.log(`Enregistrements interrompus traités au démarrage : ${recovered.recordings}`);
  if (recovered.partialExportsRemoved) console.log(`Exports inachevés supprimés au démarrage : ${recovered.partialExportsRemoved}`);
  console.log(`ERIC Studio (mode navigateur) : ${running.url}`);
  console.log(`Bibliothèque : ${libraryDir}`);
  if (values.open) openInSystemBrowser(running.url);

  const shutdown = () => {
    defaultProcessRegistry.killAll();
    expiry.stop();
    void running.close().then(() => {
      closeApiContext(ctx);
      process.exit(0);
    });
  };
  shuttingDown = shutdown;
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
