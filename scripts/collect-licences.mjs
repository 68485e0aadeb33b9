#!/usr/bin/env node
// Writes out/licences/THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text
// of every package the installed app ships (production dependencies in package-lock.json
// that are installed here), shown in the About box next to FFmpeg's and Electron's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const sections = [];
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  if (!key.startsWith('node_modules/') || entry.dev || entry.devOptional) continue;
  const dir = path.join(root, key);
  if (!fs.existsSync(path.join(dir, 'package.json'))) continue; // another platform's optional package
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = fs.readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package');
  const text = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() : '';
  sections.push(`${pkg.name} ${pkg.version} — ${licence}\n${pkg.homepage ?? ''}\n\n${text}`.trim());
}
sections.sort();
const outDir = path.join(root, 'out', 'licences');
fs.mkdirSync(outDir, { recursive: true });
const header =
  'ERIC Studio — composants tiers / third-party components\n(FFmpeg: FFMPEG.txt and GPL-3.0.txt; Electron and Chromium: LICENSE.electron.txt and LICENSES.chromium.html beside the app)\n';
fs.writeFileSync(path.join(outDir, 'THIRD-PARTY-NOTICES.txt'), [header, ...sections].join(`\n\n${'='.repeat(72)}\n\n`) + '\n');
console.log(`${sections.length} third-party packages → out/licences/THIRD-PARTY-NOTICES.txt`);
