/**
 * `npm start`: runs the Electron app when its binary is installed (building
 * better-sqlite3 for Electron first if needed, into native-builds/, never in place);
 * otherwise says so and starts browser mode, opening the system browser on it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runServe } from '../server/serveCommand';
import { electronSqliteBindingPath } from '../platform/sqliteBinding';

const appDir = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  try {
    // the electron package exports the path of its binary, and throws when it was not downloaded
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The Electron build of better-sqlite3, built on first start (needs the network once). */
function electronSqliteReady(): boolean {
  const binding = electronSqliteBindingPath({ isPackaged: false, resourcesPath: '', appRoot: appDir });
  if (fs.existsSync(binding)) return true;
  console.log('Première fois : préparation de la base de données pour Electron (npm run native:electron)…');
  const built = spawnSync(process.execPath, [path.join(appDir, 'scripts', 'build-native-electron.mjs')], { cwd: appDir, stdio: 'inherit' });
  return built.status === 0 && fs.existsSync(binding);
}

function startBrowserMode(args: string[], reason: string): void {
  console.log(`${reason}\nERIC Studio démarre en mode navigateur à la place.`);
  runServe([...args, '--open']).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

const args = process.argv.slice(2);
const binary = electronBinary();
if (!binary) {
  startBrowserMode(args, "Electron n'est pas installé sur cet ordinateur (son téléchargement a été sauté ou a échoué).");
} else if (!electronSqliteReady()) {
  startBrowserMode(args, "better-sqlite3 n'a pas pu être construit pour Electron (il faut une connexion Internet la première fois).");
} else {
  const child = spawn(binary, [appDir, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
