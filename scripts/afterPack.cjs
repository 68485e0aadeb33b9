// electron-builder afterPack hook (runs before the fuses are flipped and before signing):
// 1. ffmpeg and ffprobe for the *target* platform and architecture sit in
//    app.asar.unpacked (npm installed only the build machine's: a missing one is fetched
//    from the npm registry with `npm pack`), the other platforms' copies are removed,
//    and both are made executable;
// 2. the Electron build of better-sqlite3 is in resources/native (see
//    scripts/build-native-electron.mjs), or the build stops with the fix.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TOOLS = [
  { scope: '@ffmpeg-installer', meta: 'ffmpeg', binary: 'ffmpeg' },
  { scope: '@ffprobe-installer', meta: 'ffprobe', binary: 'ffprobe' },
];

function resourcesDirOf(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return path.join(context.appOutDir, 'resources');
}

async function fetchPackage(spec, destination) {
  const tar = require('tar');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'eric-studio-pack-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(npm, ['pack', spec, '--pack-destination', temp, '--silent'], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const tarball = packed.status === 0 ? fs.readdirSync(temp).find((name) => name.endsWith('.tgz')) : undefined;
    if (!tarball) throw new Error(`npm pack ${spec} failed: ${packed.stderr || packed.stdout}`);
    fs.mkdirSync(destination, { recursive: true });
    await tar.x({ file: path.join(temp, tarball), cwd: destination, strip: 1 });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function placeMediaTools(resources, platform, arch) {
  const nodeModules = path.join(resources, 'app.asar.unpacked', 'node_modules');
  const id = `${platform}-${arch}`;
  for (const tool of TOOLS) {
    const scopeDir = path.join(nodeModules, tool.scope);
    const metaPackage = path.join(__dirname, '..', 'node_modules', tool.scope, tool.meta, 'package.json');
    const versions = JSON.parse(fs.readFileSync(metaPackage, 'utf8')).optionalDependencies;
    const name = `${tool.scope}/${id}`;
    if (!versions[name]) throw new Error(`${tool.binary} is not available for ${id} (${tool.scope} has no build for it).`);
    const target = path.join(scopeDir, id);
    const binary = path.join(target, platform === 'win32' ? `${tool.binary}.exe` : tool.binary);
    if (!fs.existsSync(binary)) await fetchPackage(`${name}@${versions[name]}`, target);
    if (!fs.existsSync(binary)) throw new Error(`${binary} is missing after fetching ${name}.`);
    fs.chmodSync(binary, 0o755);
    for (const entry of fs.readdirSync(scopeDir)) {
      if (entry !== id && entry !== tool.meta) fs.rmSync(path.join(scopeDir, entry), { recursive: true, force: true });
    }
  }
}

function checkNativeBinding(resources, platform, arch) {
  const binding = path.join(resources, 'native', 'better_sqlite3.node');
  if (!fs.existsSync(binding)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${binding}). Run "node scripts/build-native-electron.mjs --platform ${platform} --arch ${arch}" first (npm run dist does it for this machine).`,
    );
  }
}

exports.default = async function afterPack(context) {
  const { Arch } = require('builder-util');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = Arch[context.arch];
  const resources = resourcesDirOf(context);
  await placeMediaTools(resources, platform, arch);
  checkNativeBinding(resources, platform, arch);
};
