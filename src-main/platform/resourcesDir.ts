/**
 * Finds the app's `resources/` folder (fonts, templates) from sources, from the built
 * bundle in out/main, or inside a packaged app.
 */
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

export function resourcesDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'fonts'))) return (cached = candidate);
    dir = path.dirname(dir);
  }
  throw new Error('The resources folder of ERIC Studio was not found (fonts are missing from the installation).');
}
