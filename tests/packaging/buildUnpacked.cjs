// Builds the unpacked app (electron-builder --dir) with a stand-in Electron and a stand-in
// Electron build of better-sqlite3, as the packaging test's child process:
//   node tests/packaging/buildUnpacked.cjs <work dir>
// The stand-in "electron" is a tiny script carrying Electron's fuse sentinel and a fuse
// wire with Electron's defaults, so electron-builder's fuse step flips it as it would the
// real binary. The stand-in binding is Node's own build, labelled as such.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { build, Platform, Arch } = require('electron-builder');

const root = path.resolve(__dirname, '..', '..');
const work = path.resolve(process.argv[2]);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges
const ELECTRON_DEFAULT_WIRE = '10110001';

const electronDist = path.join(work, 'electron-dist');
fs.mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
const wire = Buffer.concat([
  Buffer.from(`#!/bin/sh\necho "stand-in Electron"\nexit 0\n# ${SENTINEL}`),
  Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
  Buffer.from(ELECTRON_DEFAULT_WIRE),
  Buffer.from('\n'),
]);
fs.writeFileSync(path.join(electronDist, 'electron'), wire, { mode: 0o755 });
fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'Electron licence (stand-in)\n');
fs.writeFileSync(path.join(electronDist, 'LICENSES.chromium.html'), '<p>Chromium licences (stand-in)</p>\n');
fs.writeFileSync(path.join(electronDist, 'version'), require(path.join(root, 'node_modules/electron/package.json')).version);

const nativeDir = path.join(work, 'native');
fs.mkdirSync(nativeDir, { recursive: true });
fs.copyFileSync(
  path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  path.join(nativeDir, 'better_sqlite3.node'),
);
fs.writeFileSync(
  path.join(nativeDir, 'build-info.json'),
  JSON.stringify({ standIn: true, note: "Node's build standing in for Electron's" }) + '\n',
);

// A worktree whose node_modules is a link to a shared install: electron-builder then leaves
// out the dependencies' own (hoisted) dependencies (@tensorflow/tfjs-core, fontkit…), which a
// fresh `npm ci` has. Build from a copy of the project whose node_modules is real (hard links:
// quick, no space).
function projectDir() {
  if (!fs.lstatSync(path.join(root, 'node_modules')).isSymbolicLink()) return root;
  const copy = path.join(work, 'project');
  fs.mkdirSync(copy, { recursive: true });
  for (const entry of ['package.json', 'package-lock.json', 'electron-builder.yml', 'out', 'resources', 'scripts', 'build-resources'])
    if (fs.existsSync(path.join(root, entry))) fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  execFileSync('cp', ['-al', fs.realpathSync(path.join(root, 'node_modules')), path.join(copy, 'node_modules')]);
  return copy;
}

build({
  projectDir: projectDir(),
  targets: Platform.LINUX.createTarget('dir', Arch.x64),
  publish: 'never',
  config: {
    electronDist,
    directories: { output: path.join(work, 'dist') },
    extraResources: [{ from: nativeDir, to: 'native', filter: ['better_sqlite3.node', 'build-info.json'] }],
  },
}).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
