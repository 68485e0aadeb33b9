/**
 * `npm start`: runs the Electron app when its binary is installed; otherwise says so
 * and starts browser mode, opening the system browser on it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runServe } from '../server/serveCommand';

function electronBinary(): string | null {
  try {
    // the electron package exports the path of its binary, and throws when it was not downloaded
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const binary = electronBinary();
if (binary) {
  const appDir = path.resolve(__dirname, '../..');
  const child = spawn(binary, [appDir, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron n'est pas installé sur cet ordinateur (son téléchargement a été sauté ou a échoué).\n" +
      'ERIC Studio démarre en mode navigateur à la place.',
  );
  runServe([...args, '--open']).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
