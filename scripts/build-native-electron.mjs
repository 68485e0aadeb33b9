#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native-builds/electron-<platform>-<arch>/,
// from a private copy of the package: node_modules keeps Node's build, so tests, the CLI
// and browser mode keep working after `npm run dist`.
// First try better-sqlite3's published Electron build (prebuild-install; works for any
// target platform), then compile from source (node-gyp with Electron's headers; host
// platform only). Both need the network. Usage:
//   node scripts/build-native-electron.mjs [--platform linux|darwin|win32] [--arch x64|arm64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const platform = option('platform', process.platform);
const arch = option('arch', process.arch);
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const sqlitePackage = path.join(root, 'node_modules/better-sqlite3');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqlitePackage, 'package.json'), 'utf8')).version;
const outDir = path.join(root, 'native-builds', `electron-${platform}-${arch}`);
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');

const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };
if (fs.existsSync(outFile) && fs.existsSync(infoFile)) {
  const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
  if (Object.entries(wanted).every(([key, value]) => info[key] === value) && !info.standIn) {
    console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) is already built.`);
    process.exit(0);
  }
}

const work = path.join(root, 'native-builds', '.work', `${platform}-${arch}`);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
  fs.cpSync(path.join(sqlitePackage, entry), path.join(work, entry), { recursive: true });
}
// the user's npmrc may pin nodedir to Node's headers; Electron's must be used here
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)),
);
const run = (command, args) => spawnSync(process.execPath, [command, ...args], { cwd: work, env, stdio: 'inherit' }).status === 0;

const prebuilt = run(path.join(root, 'node_modules/prebuild-install/bin.js'), [
  '--runtime=electron',
  `--target=${electronVersion}`,
  `--platform=${platform}`,
  `--arch=${arch}`,
  '--verbose',
]);
let how = 'prebuilt';
if (!prebuilt) {
  if (platform !== process.platform) {
    console.error(
      `No published build for Electron ${electronVersion} on ${platform}-${arch}, and one cannot be compiled from ${process.platform}: build on a ${platform} machine.`,
    );
    process.exit(1);
  }
  how = 'compiled';
  const compiled = run(path.join(root, 'node_modules/node-gyp/bin/node-gyp.js'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
  if (!compiled) {
    console.error(
      `better-sqlite3 could not be built for Electron ${electronVersion}: both the download and the compilation failed (they need the network: Electron's headers).`,
    );
    process.exit(1);
  }
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), outFile);
fs.writeFileSync(infoFile, JSON.stringify({ ...wanted, how, builtAt: new Date().toISOString() }, null, 2) + '\n');
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}, ${how}) → ${path.relative(root, outFile)}`);
