/**
 * Finds ffmpeg and ffprobe: the library setting, then FFMPEG_PATH/FFMPEG_BIN and
 * FFPROBE_PATH, then the ffmpeg-static package (when its binary was really
 * downloaded), then the PATH. A path the user set explicitly but that does not exist
 * is an error, not a silent fallback, so a typo is noticed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';

export type BinarySource = 'setting' | 'env' | 'ffmpeg-static' | 'path';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  source: BinarySource;
}

export interface ResolveBinariesOptions {
  settingFfmpeg?: string | null;
  settingFfprobe?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Where ffmpeg-static put its binary, or null when it is not installed. */
  ffmpegStaticPath?: () => string | null;
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

export function ffmpegStaticBinaryPath(): string | null {
  try {
    const requireFromHere = createRequire(__filename);
    const found = requireFromHere('ffmpeg-static') as string | null;
    if (!found) return null;
    // inside a packaged app the binary sits in the unpacked copy of the archive
    const unpacked = found.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return isExecutableFile(unpacked) ? unpacked : null;
  } catch {
    return null;
  }
}

function explicit(file: string, origin: string): string {
  if (!isExecutableFile(file)) {
    throw new AppError('media-tool-missing', `${origin} points to ${file}, which is not an executable file.`, {
      hint: `Correct ${origin} or remove it to let ERIC Studio find ffmpeg by itself.`,
    });
  }
  return file;
}

function siblingOrPath(ffmpeg: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const sibling = path.join(path.dirname(ffmpeg), exeName('ffprobe', platform));
  if (isExecutableFile(sibling)) return sibling;
  return findOnPath('ffprobe', env, platform);
}

export function resolveFfmpegBinaries(options: ResolveBinariesOptions = {}): FfmpegBinaries {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  let ffmpeg: string | null = null;
  let source: BinarySource = 'path';
  if (options.settingFfmpeg) {
    ffmpeg = explicit(options.settingFfmpeg, 'The ffmpeg path setting');
    source = 'setting';
  } else if (env.FFMPEG_PATH || env.FFMPEG_BIN) {
    const variable = env.FFMPEG_PATH ? 'FFMPEG_PATH' : 'FFMPEG_BIN';
    ffmpeg = explicit(env[variable]!, `The ${variable} environment variable`);
    source = 'env';
  } else {
    const fromStatic = (options.ffmpegStaticPath ?? ffmpegStaticBinaryPath)();
    if (fromStatic) {
      ffmpeg = fromStatic;
      source = 'ffmpeg-static';
    } else {
      ffmpeg = findOnPath('ffmpeg', env, platform);
    }
  }
  if (!ffmpeg) {
    throw new AppError('media-tool-missing', 'ffmpeg was not found: it is needed to record, import and export videos.', {
      hint: 'Install it (Debian/Ubuntu: "apt-get install ffmpeg"), or set FFMPEG_PATH to its full path.',
    });
  }

  let ffprobe: string | null;
  if (options.settingFfprobe) ffprobe = explicit(options.settingFfprobe, 'The ffprobe path setting');
  else if (env.FFPROBE_PATH) ffprobe = explicit(env.FFPROBE_PATH, 'The FFPROBE_PATH environment variable');
  else ffprobe = siblingOrPath(ffmpeg, env, platform);
  if (!ffprobe) {
    throw new AppError('media-tool-missing', `ffprobe was not found (ffmpeg is at ${ffmpeg}).`, {
      hint: 'Install the full ffmpeg package, or set FFPROBE_PATH to the full path of ffprobe.',
    });
  }
  return { ffmpeg, ffprobe, source };
}
