/**
 * Finds the app's `resources/` folder (fonts, templates, licences) from sources, from the
 * built bundle in out/main, or inside a packaged app. In the installed app the folder is
 * also unpacked beside app.asar, and that copy is the one returned: ffmpeg reads the fonts
 * by path and cannot look inside the archive.
 */
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

export function findResourcesDir(startDir: string): string | null {
  let dir = startDir;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    const unpacked = candidate.replace(/app\.asar([\\/]|$)/, 'app.asar.unpacked$1');
    if (unpacked !== candidate && fs.existsSync(path.join(unpacked, 'fonts'))) return unpacked;
    if (fs.existsSync(path.join(candidate, 'fonts'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

export function resourcesDir(): string {
  if (cached) return cached;
  const found = findResourcesDir(__dirname);
  if (!found)
    throw new Error(
      'Le dossier des ressources d’ERIC Studio est introuvable (il manque les polices de l’installation) : réinstallez ERIC Studio.',
    );
  return (cached = found);
}
