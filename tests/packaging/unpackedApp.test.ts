// Builds the installed app's layout here (electron-builder --dir, Linux x64, with a
// stand-in Electron and a stand-in Electron build of better-sqlite3: neither can be
// downloaded on this machine) and checks what a user's computer would get.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { extractAll, listPackage } from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { Worker } from 'node:worker_threads';
import { findBundledBinaries, resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { faceDetectorFiles, preferUnpacked } from '../../src-main/faces/faceDetector';
import { faceWorkerEntry, type FaceWorkerReply } from '../../src-main/faces/faceDetectorThread';
import { binaries } from '../helpers/media';
import { FACE_PHOTO } from '../helpers/faceVideos';
import { findResourcesDir } from '../../src-main/platform/resourcesDir';
import { electronSqliteBindingPath } from '../../src-main/platform/sqliteBinding';
import { makeTempDir } from '../helpers/tempDir';

const root = path.resolve(__dirname, '..', '..');
const work = makeTempDir('eric-packaging-');
const appDir = path.join(work, 'dist', 'linux-unpacked');
const resources = path.join(appDir, 'resources');
const asarFile = path.join(resources, 'app.asar');
const extracted = path.join(work, 'extracted');
const FFMPEG_DIR = path.join(resources, 'app.asar.unpacked', 'node_modules', '@ffmpeg-installer', 'linux-x64');
const FFPROBE_DIR = path.join(resources, 'app.asar.unpacked', 'node_modules', '@ffprobe-installer', 'linux-x64');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js')) || !fs.existsSync(path.join(root, 'out', 'licences'))) {
    expect(spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  }
  const built = spawnSync(process.execPath, [path.join(__dirname, 'buildUnpacked.cjs'), work], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-builder --dir failed:\n${built.stdout}\n${built.stderr}`);
  extractAll(asarFile, extracted);
}, 180_000);

function isExecutable(file: string): boolean {
  return (fs.statSync(file).mode & 0o111) === 0o111;
}

describe('the unpacked app (electron-builder --dir)', () => {
  it('ships ffmpeg and ffprobe for the target, executable, in app.asar.unpacked, and they run', () => {
    for (const file of [path.join(FFMPEG_DIR, 'ffmpeg'), path.join(FFPROBE_DIR, 'ffprobe')]) {
      expect(fs.existsSync(file), file).toBe(true);
      expect(isExecutable(file), `${file} is executable by everyone`).toBe(true);
      const version = spawnSync(file, ['-hide_banner', '-version'], { encoding: 'utf8' });
      expect(version.status).toBe(0);
      expect(version.stdout).toMatch(/version/);
    }
    // only this target's copies: no other platform's binaries
    expect(fs.readdirSync(path.dirname(FFMPEG_DIR)).sort()).toEqual(['ffmpeg', 'linux-x64']);
    expect(fs.readdirSync(path.dirname(FFPROBE_DIR)).sort()).toEqual(['ffprobe', 'linux-x64']);
  });

  it('the binary resolver finds them from the installed layout (the app prefers its own copies)', () => {
    const appRoot = asarFile; // what __dirname/../.. is inside the installed app
    const bundled = findBundledBinaries({ appRoot, platform: 'linux', arch: 'x64' });
    expect(bundled).toEqual({ ffmpeg: path.join(FFMPEG_DIR, 'ffmpeg'), ffprobe: path.join(FFPROBE_DIR, 'ffprobe') });
    const resolved = resolveFfmpegBinaries({ env: { PATH: '/usr/bin' }, preferBundled: true, bundled: () => bundled });
    expect(resolved).toMatchObject({ source: 'bundled', ffmpeg: bundled.ffmpeg, ffprobe: bundled.ffprobe });
    expect(resolved.legacyVsync).toBe(true); // the shipped build predates -fps_mode: the master uses -vsync
    // a user's own ffmpeg without ffprobe beside it still gets the shipped ffprobe
    const lonely = path.join(work, 'lonely');
    fs.mkdirSync(lonely);
    fs.symlinkSync(bundled.ffmpeg!, path.join(lonely, 'ffmpeg'));
    const chosen = resolveFfmpegBinaries({ settingFfmpeg: path.join(lonely, 'ffmpeg'), env: { PATH: '' }, bundled: () => bundled });
    expect(chosen.ffprobe).toBe(bundled.ffprobe);
  });

  it('fonts and licences are unpacked where ffmpeg and the About box read them', () => {
    const found = findResourcesDir(path.join(asarFile, 'out', 'main'));
    expect(found).toBe(path.join(resources, 'app.asar.unpacked', 'resources'));
    for (const file of [
      'fonts/DejaVuSans.ttf',
      'fonts/DejaVuSans-Bold.ttf',
      'review/defaults.json',
      'licences/GPL-3.0.txt',
      'licences/FFMPEG.txt',
    ]) {
      expect(fs.existsSync(path.join(found!, file)), file).toBe(true);
    }
    expect(fs.readFileSync(path.join(found!, 'licences', 'FFMPEG.txt'), 'utf8')).toMatch(/ffmpeg\.org\/download\.html#get-sources/);
    expect(fs.readFileSync(path.join(found!, 'licences', 'GPL-3.0.txt'), 'utf8')).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 3/);
    const notices = fs.readFileSync(path.join(extracted, 'out', 'licences', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    expect(notices).toMatch(/better-sqlite3 .* — MIT/);
    expect(notices).toMatch(/zod .* — MIT/);
    expect(fs.existsSync(path.join(appDir, 'LICENSE.electron.txt'))).toBe(true);
    expect(fs.existsSync(path.join(appDir, 'LICENSES.chromium.html'))).toBe(true);
  });

  it('better-sqlite3 in the package has no Node build and loads the Electron build from resources/native', () => {
    const files = listPackage(asarFile, { isPack: false });
    expect(files.some((file) => file.includes('better-sqlite3') && file.endsWith('.node'))).toBe(false);
    expect(files).toContain(path.sep + path.join('node_modules', 'better-sqlite3', 'lib', 'index.js'));
    const binding = electronSqliteBindingPath({ isPackaged: true, resourcesPath: resources, appRoot: asarFile });
    expect(binding).toBe(path.join(resources, 'native', 'better_sqlite3.node'));
    expect(fs.existsSync(binding)).toBe(true);
    // the packaged JavaScript opens a database through nativeBinding alone (here the
    // stand-in is Node's build; on a real machine it is Electron's: see README)
    const packagedRequire = createRequire(path.join(extracted, 'out', 'main', 'index.js'));
    const Database = packagedRequire('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(':memory:', { nativeBinding: binding });
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.any(String) });
    db.close();
    // the Electron entry hands that path to every database it opens
    const mainBundle = fs
      .readdirSync(path.join(extracted, 'out', 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(extracted, 'out', 'main', file), 'utf8'))
      .join('\n');
    expect(mainBundle).toMatch(/nativeBinding/);
    expect(mainBundle).toMatch(/better_sqlite3\.node/);
    expect(fs.readFileSync(path.join(extracted, 'out', 'main', 'index.js'), 'utf8')).toMatch(/electronSqliteBindingPath|useSqliteBinding/);
  });

  it('the fuses are flipped: no run-as-node, NODE_OPTIONS or --inspect; asar integrity and asar-only on', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'eric-studio'));
    const on = 49;
    const off = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
  });

  it('the package carries .deb metadata, macOS entitlements and usage strings, and a per-user Windows installer', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.author).toMatchObject({ email: expect.stringContaining('@') });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    const config = loadYaml(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, oneClick: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist' });
    expect(config.mac!.extendInfo).toMatchObject({
      NSCameraUsageDescription: expect.any(String),
      NSMicrophoneUsageDescription: expect.any(String),
    });
    const entitlements = fs.readFileSync(path.join(root, 'resources', 'entitlements.mac.plist'), 'utf8');
    expect(entitlements).toContain('com.apple.security.device.camera');
    expect(entitlements).toContain('com.apple.security.device.audio-input');
    expect(config.npmRebuild).toBe(false);
    const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(Number(/\d+/.exec(rootPkg.devDependencies.electron!)![0])).toBeGreaterThanOrEqual(43);
    expect(rootPkg.allowScripts.electron).toBe(false); // plain npm ci never downloads Electron
  });

  it('the face detector’s thread is its own file beside the bundle; its WebAssembly binaries and model are unpacked, and the packaged thread finds a face', async () => {
    const files = listPackage(asarFile, { isPack: false });
    expect(files).toContain(path.sep + path.join('out', 'main', 'faceWorker.js'));
    // found from where the bundle's shared code runs (out/main/chunks)
    expect(faceWorkerEntry(path.join(extracted, 'out', 'main', 'chunks'))).toEqual({
      file: path.join(extracted, 'out', 'main', 'faceWorker.js'),
      fromSource: false,
    });
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
    const wasmDir = path.join(unpacked, '@tensorflow', 'tfjs-backend-wasm', 'dist');
    const modelDir = path.join(unpacked, '@vladmandic', 'face-api', 'model');
    for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
      expect(fs.statSync(path.join(wasmDir, file)).size, file).toBeGreaterThan(100_000);
    expect(fs.readdirSync(modelDir).sort()).toEqual(['tiny_face_detector_model-weights_manifest.json', 'tiny_face_detector_model.bin']);
    // from inside the installed app, the detector reads the unpacked copies
    expect(preferUnpacked(path.join(asarFile, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'))).toBe(wasmDir);
    expect(preferUnpacked(path.join(asarFile, 'node_modules', '@vladmandic', 'face-api', 'model'))).toBe(modelDir);
    const packagedRequire = createRequire(path.join(extracted, 'out', 'main', 'index.js'));
    expect(faceDetectorFiles(packagedRequire).modelDir).toBe(path.join(extracted, 'node_modules', '@vladmandic', 'face-api', 'model'));
    // the packaged thread (plain Node standing in for Electron) loads its model and finds the astronaut's face
    const width = 640;
    const height = 360;
    const rgb = execFileSync(
      binaries.ffmpeg,
      [
        '-v',
        'error',
        '-i',
        FACE_PHOTO,
        '-vf',
        `scale=${height}:${height},pad=${width}:${height}:(ow-iw)/2:0,format=rgb24`,
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-',
      ],
      { maxBuffer: 1 << 24 },
    );
    const worker = new Worker(path.join(extracted, 'out', 'main', 'faceWorker.js'));
    try {
      const replies: FaceWorkerReply[] = [];
      const next = () =>
        new Promise<FaceWorkerReply>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
      let reply = next();
      worker.postMessage({ type: 'load', id: 1 });
      replies.push(await reply);
      reply = next();
      const frame = new Uint8Array(rgb).buffer;
      worker.postMessage({ type: 'detect', id: 2, rgb: frame, width, height, t: 0, inputSize: 640 }, [frame]);
      replies.push(await reply);
      expect(replies[0], JSON.stringify(replies[0])).toMatchObject({ type: 'loaded', id: 1 });
      expect(replies[1]).toMatchObject({ type: 'faces', id: 2 });
      expect((replies[1] as Extract<FaceWorkerReply, { type: 'faces' }>).faces.length).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
