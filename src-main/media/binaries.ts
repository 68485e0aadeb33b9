/**
 * Finds ffmpeg and ffprobe: the library setting, then FFMPEG_PATH/FFMPEG_BIN and
 * FFPROBE_PATH, then the copies shipped with the app (@ffmpeg-installer and
 * @ffprobe-installer, one package per platform and architecture, unpacked beside
 * app.asar in the installed app), then the PATH. The installed app prefers its own
 * copies; Node (tests, CLI, browser mode) prefers the system's, which is newer.
 * A path the user set explicitly but that does not exist is an error, not a silent
 * fallback, so a typo is noticed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';

export type BinarySource = 'setting' | 'env' | 'bundled' | 'path';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  source: BinarySource;
  /** ffmpeg older than 5.1 (the shipped builds) knows -vsync but not -fps_mode. */
  legacyVsync?: boolean;
}

export interface BundledBinaries {
  ffmpeg: string | null;
  ffprobe: string | null;
}

export interface ResolveBinariesOptions {
  settingFfmpeg?: string | null;
  settingFfprobe?: string | null;
  env?: NodeJS.ProcessEnv;
  /** The copies shipped with the app for this platform (tests give fakes). */
  bundled?: () => BundledBinaries;
  /** The installed app: its own copies before the PATH. */
  preferBundled?: boolean;
  platform?: NodeJS.Platform;
}

function isExecutableFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function exeName(name: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${name}.exe` : name;
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, exeName(name, platform));
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** The folder of the app's own files: the checkout, or resources/app.asar once installed. */
export function defaultAppRoot(): string {
  // both src-main/media (tsx) and out/main (the build) sit two levels below the root
  return path.resolve(__dirname, '..', '..');
}

/** Executables cannot run from inside the archive: the installed app keeps them in app.asar.unpacked. */
export function outsideAsar(file: string): string {
  return file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** The platform package's folder name, e.g. "linux-x64", "win32-x64", "darwin-arm64". */
export function bundledPlatformId(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return `${platform}-${arch}`;
}

/** Where the shipped copies sit for this platform and architecture (null when absent or not executable). */
export function findBundledBinaries(options: { appRoot?: string; platform?: NodeJS.Platform; arch?: string } = {}): BundledBinaries {
  const platform = options.platform ?? process.platform;
  const id = bundledPlatformId(platform, options.arch ?? process.arch);
  const nodeModules = outsideAsar(path.join(options.appRoot ?? defaultAppRoot(), 'node_modules') + path.sep);
  const ffmpeg = path.join(nodeModules, '@ffmpeg-installer', id, exeName('ffmpeg', platform));
  const ffprobe = path.join(nodeModules, '@ffprobe-installer', id, exeName('ffprobe', platform));
  return { ffmpeg: isExecutableFile(ffmpeg) ? ffmpeg : null, ffprobe: isExecutableFile(ffprobe) ? ffprobe : null };
}

function explicit(file: string, origin: string): string {
  if (!isExecutableFile(file)) {
    throw new AppError('media-tool-missing', `${origin} indique ${file}, qui n'est pas un programme exécutable.`, {
      hint: `Corrigez ${origin} (Réglages → Outils vidéo) ou effacez-le pour laisser ERIC Studio trouver ffmpeg tout seul.`,
    });
  }
  return file;
}

export function resolveFfmpegBinaries(options: ResolveBinariesOptions = {}): FfmpegBinaries {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  let bundledCache: BundledBinaries | undefined;
  const bundled = () => (bundledCache ??= (options.bundled ?? findBundledBinaries)());

  let ffmpeg: string | null = null;
  let source: BinarySource = 'path';
  if (options.settingFfmpeg) {
    ffmpeg = explicit(options.settingFfmpeg, 'Le réglage « chemin de ffmpeg »');
    source = 'setting';
  } else if (env.FFMPEG_PATH || env.FFMPEG_BIN) {
    const variable = env.FFMPEG_PATH ? 'FFMPEG_PATH' : 'FFMPEG_BIN';
    ffmpeg = explicit(env[variable]!, `La variable d'environnement ${variable}`);
    source = 'env';
  } else {
    const order: Array<() => [string | null, BinarySource]> = [
      () => [bundled().ffmpeg, 'bundled'],
      () => [findOnPath('ffmpeg', env, platform), 'path'],
    ];
    if (!options.preferBundled) order.reverse();
    for (const attempt of order) {
      const [found, from] = attempt();
      if (found) {
        ffmpeg = found;
        source = from;
        break;
      }
    }
  }
  if (!ffmpeg) {
    throw new AppError('media-tool-missing', 'ffmpeg est introuvable : il sert à filmer, importer et exporter les vidéos.', {
      hint: 'Installez-le (Debian/Ubuntu : « apt-get install ffmpeg »), ou indiquez son chemin dans Réglages → Outils vidéo (ou FFMPEG_PATH).',
    });
  }

  let ffprobe: string | null;
  if (options.settingFfprobe) ffprobe = explicit(options.settingFfprobe, 'Le réglage « chemin de ffprobe »');
  else if (env.FFPROBE_PATH) ffprobe = explicit(env.FFPROBE_PATH, "La variable d'environnement FFPROBE_PATH");
  else if (source === 'bundled') ffprobe = bundled().ffprobe ?? findOnPath('ffprobe', env, platform);
  else {
    // a chosen ffmpeg often comes without ffprobe (Windows, macOS): the shipped one fills in
    const sibling = path.join(path.dirname(ffmpeg), exeName('ffprobe', platform));
    ffprobe = isExecutableFile(sibling) ? sibling : (findOnPath('ffprobe', env, platform) ?? bundled().ffprobe);
  }
  if (!ffprobe) {
    throw new AppError('media-tool-missing', `ffprobe est introuvable (ffmpeg est ici : ${ffmpeg}).`, {
      hint: 'Installez le paquet ffmpeg complet, ou indiquez le chemin de ffprobe dans Réglages → Outils vidéo (ou FFPROBE_PATH).',
    });
  }
  return { ffmpeg, ffprobe, source, legacyVsync: needsLegacyVsync(ffmpeg) };
}

const legacyVsyncCache = new Map<string, boolean>();

/**
 * The builds shipped for Windows and macOS predate ffmpeg 5.1's -fps_mode; asking ffmpeg
 * which options it knows (once per binary, ~50 ms) picks the flag that works.
 */
export function needsLegacyVsync(ffmpeg: string): boolean {
  let known = legacyVsyncCache.get(ffmpeg);
  if (known === undefined) {
    const help = spawnSync(ffmpeg, ['-hide_banner', '-h', 'long'], { encoding: 'utf8', timeout: 10_000, windowsHide: true });
    const text = `${help.stdout ?? ''}${help.stderr ?? ''}`;
    known = text.includes('-vsync') && !text.includes('-fps_mode');
    legacyVsyncCache.set(ffmpeg, known);
  }
  return known;
}
