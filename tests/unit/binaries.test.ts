import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBundledBinaries, outsideAsar, resolveFfmpegBinaries } from '../../src-main/media/binaries';
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
const bundledFfmpeg = fakeExecutable('bundled', 'ffmpeg');
const bundledFfprobe = fakeExecutable('bundled-probe', 'ffprobe');
const envFfmpeg = fakeExecutable('env', 'ffmpeg');
const envFfprobe = fakeExecutable('env', 'ffprobe');
const settingFfmpeg = fakeExecutable('setting', 'ffmpeg');
const lonelyFfmpeg = fakeExecutable('lonely', 'ffmpeg');
const env = { PATH: path.join(dir, 'bin') };
const bundled = () => ({ ffmpeg: bundledFfmpeg, ffprobe: bundledFfprobe });
const none = () => ({ ffmpeg: null, ffprobe: null });

describe('resolveFfmpegBinaries', () => {
  it('prefers the setting, then the environment, then PATH, then the shipped copies (Node)', () => {
    expect(resolveFfmpegBinaries({ settingFfmpeg, env: { ...env, FFMPEG_PATH: envFfmpeg }, bundled })).toMatchObject({
      ffmpeg: settingFfmpeg,
      source: 'setting',
      ffprobe: onPathFfprobe, // no sibling ffprobe beside the setting: found on PATH
    });
    expect(resolveFfmpegBinaries({ env: { ...env, FFMPEG_PATH: envFfmpeg }, bundled })).toMatchObject({
      ffmpeg: envFfmpeg,
      ffprobe: envFfprobe, // sibling
      source: 'env',
    });
    expect(resolveFfmpegBinaries({ env: { ...env, FFMPEG_BIN: envFfmpeg }, bundled: none })).toMatchObject({ source: 'env' });
    expect(resolveFfmpegBinaries({ env, bundled })).toMatchObject({ ffmpeg: onPathFfmpeg, ffprobe: onPathFfprobe, source: 'path' });
    expect(resolveFfmpegBinaries({ env: { PATH: '' }, bundled })).toMatchObject({
      ffmpeg: bundledFfmpeg,
      ffprobe: bundledFfprobe,
      source: 'bundled',
    });
  });

  it('the installed app prefers its own copies to the PATH', () => {
    expect(resolveFfmpegBinaries({ env, bundled, preferBundled: true })).toMatchObject({
      ffmpeg: bundledFfmpeg,
      ffprobe: bundledFfprobe,
      source: 'bundled',
    });
    expect(resolveFfmpegBinaries({ env, bundled: none, preferBundled: true })).toMatchObject({ source: 'path' });
  });

  it('a chosen ffmpeg without ffprobe beside it gets the shipped ffprobe (typical Windows and macOS case)', () => {
    expect(resolveFfmpegBinaries({ settingFfmpeg: lonelyFfmpeg, env: { PATH: '' }, bundled })).toMatchObject({
      ffmpeg: lonelyFfmpeg,
      ffprobe: bundledFfprobe,
    });
  });

  it('honours FFPROBE_PATH', () => {
    expect(resolveFfmpegBinaries({ env: { ...env, FFPROBE_PATH: envFfprobe }, bundled: none }).ffprobe).toBe(envFfprobe);
  });

  it('says clearly when nothing is found, or when an explicit path is wrong', () => {
    expect(() => resolveFfmpegBinaries({ env: { PATH: path.join(dir, 'nowhere') }, bundled: none })).toThrow(/ffmpeg est introuvable/);
    expect(() => resolveFfmpegBinaries({ env: { ...env, FFMPEG_PATH: '/no/such/ffmpeg' }, bundled: none })).toThrow(/FFMPEG_PATH/);
    expect(() => resolveFfmpegBinaries({ env: { PATH: path.join(dir, 'lonely') }, bundled: none })).toThrow(/ffprobe est introuvable/);
  });
});

describe('findBundledBinaries', () => {
  it('looks in app.asar.unpacked for the package of this platform and architecture', () => {
    expect(outsideAsar(path.join('/opt/ERIC Studio/resources/app.asar/node_modules/x'))).toBe(
      path.join('/opt/ERIC Studio/resources/app.asar.unpacked/node_modules/x'),
    );
    const root = path.join(dir, 'resources', 'app.asar');
    const unpacked = path.join(dir, 'resources', 'app.asar.unpacked', 'node_modules');
    fs.mkdirSync(path.join(unpacked, '@ffmpeg-installer', 'win32-x64'), { recursive: true });
    fs.mkdirSync(path.join(unpacked, '@ffprobe-installer', 'win32-x64'), { recursive: true });
    fs.writeFileSync(path.join(unpacked, '@ffmpeg-installer', 'win32-x64', 'ffmpeg.exe'), '', { mode: 0o755 });
    fs.writeFileSync(path.join(unpacked, '@ffprobe-installer', 'win32-x64', 'ffprobe.exe'), '', { mode: 0o755 });
    expect(findBundledBinaries({ appRoot: root, platform: 'win32', arch: 'x64' })).toEqual({
      ffmpeg: path.join(unpacked, '@ffmpeg-installer', 'win32-x64', 'ffmpeg.exe'),
      ffprobe: path.join(unpacked, '@ffprobe-installer', 'win32-x64', 'ffprobe.exe'),
    });
    expect(findBundledBinaries({ appRoot: root, platform: 'darwin', arch: 'arm64' })).toEqual({ ffmpeg: null, ffprobe: null });
  });
});
