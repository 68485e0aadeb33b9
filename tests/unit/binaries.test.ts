import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir();
function fakeExecutable(sub: string, name: string): string {
  fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const file = path.join(dir, sub, name);
  fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
  return file;
}
const onPathFfmpeg = fakeExecutable('bin', 'ffmpeg');
const onPathFfprobe = fakeExecutable('bin', 'ffprobe');
const staticFfmpeg = fakeExecutable('static', 'ffmpeg');
const envFfmpeg = fakeExecutable('env', 'ffmpeg');
const envFfprobe = fakeExecutable('env', 'ffprobe');
const settingFfmpeg = fakeExecutable('setting', 'ffmpeg');
const env = { PATH: path.join(dir, 'bin') };

describe('resolveFfmpegBinaries', () => {
  it('prefers the setting, then the environment, then ffmpeg-static, then PATH', () => {
    expect(
      resolveFfmpegBinaries({ settingFfmpeg, env: { ...env, FFMPEG_PATH: envFfmpeg }, ffmpegStaticPath: () => staticFfmpeg }),
    ).toMatchObject({
      ffmpeg: settingFfmpeg,
      source: 'setting',
      ffprobe: onPathFfprobe, // no sibling ffprobe beside the setting: found on PATH
    });
    expect(resolveFfmpegBinaries({ env: { ...env, FFMPEG_PATH: envFfmpeg }, ffmpegStaticPath: () => staticFfmpeg })).toMatchObject({
      ffmpeg: envFfmpeg,
      ffprobe: envFfprobe, // sibling
      source: 'env',
    });
    expect(resolveFfmpegBinaries({ env: { ...env, FFMPEG_BIN: envFfmpeg }, ffmpegStaticPath: () => null })).toMatchObject({
      source: 'env',
    });
    expect(resolveFfmpegBinaries({ env, ffmpegStaticPath: () => staticFfmpeg })).toMatchObject({
      ffmpeg: staticFfmpeg,
      source: 'ffmpeg-static',
    });
    expect(resolveFfmpegBinaries({ env, ffmpegStaticPath: () => null })).toMatchObject({
      ffmpeg: onPathFfmpeg,
      ffprobe: onPathFfprobe,
      source: 'path',
    });
  });

  it('honours FFPROBE_PATH', () => {
    expect(resolveFfmpegBinaries({ env: { ...env, FFPROBE_PATH: envFfprobe }, ffmpegStaticPath: () => null }).ffprobe).toBe(envFfprobe);
  });

  it('says clearly when nothing is found, or when an explicit path is wrong', () => {
    expect(() => resolveFfmpegBinaries({ env: { PATH: path.join(dir, 'nowhere') }, ffmpegStaticPath: () => null })).toThrow(
      /ffmpeg was not found/,
    );
    expect(() => resolveFfmpegBinaries({ env: { ...env, FFMPEG_PATH: '/no/such/ffmpeg' }, ffmpegStaticPath: () => null })).toThrow(
      /FFMPEG_PATH/,
    );
    expect(() => resolveFfmpegBinaries({ env: { PATH: path.join(dir, 'static') }, ffmpegStaticPath: () => null })).toThrow(
      /ffprobe was not found/,
    );
  });
});
