// Settings and About through the API, as the settings screen and the desktop shell use them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type DesktopHooks } from '../../src-main/app';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir('eric-settings-');
const opened: string[] = [];
const hooks: DesktopHooks = {
  defaultLibraryDir: path.join(dir, 'Documents', 'ERIC Studio'),
  logsDir: path.join(dir, 'logs'),
  openFolder: async (folder) => {
    opened.push(folder);
  },
  chooseFolder: async () => path.join(dir, 'moved'),
  chooseProgram: async () => '/usr/bin/ffprobe',
  switchLibrary: async (target) => ({ restarting: true, message: target }),
  languageChanged: (language) => opened.push(`language:${language}`),
  shellLicenceFiles: [],
};
const desktop = createApiContext(path.join(dir, 'desktop-library'), 'electron', { desktop: hooks });
const browser = createApiContext(path.join(dir, 'browser-library'), 'http');
afterAll(() => {
  closeApiContext(desktop);
  closeApiContext(browser);
});

describe('settings', () => {
  it('shows the library, ffmpeg and the defaults', async () => {
    const view = (await dispatch('settings.get', {}, desktop)) as Record<string, unknown>;
    expect(view).toMatchObject({
      transport: 'electron',
      desktop: true,
      libraryDir: path.join(dir, 'desktop-library'),
      defaultLibraryDir: hooks.defaultLibraryDir,
      logsDir: hooks.logsDir,
      retentionMonths: 24,
      language: 'fr',
      ffmpeg: { found: true, problem: null },
    });
    expect(await dispatch('settings.get', {}, browser)).toMatchObject({ desktop: false, defaultLibraryDir: null, logsDir: null });
  });

  it('keeps the retention default, used by new projects', async () => {
    await dispatch('settings.update', { retentionMonths: 12 }, desktop);
    const project = (await dispatch('projects.create', { name: 'Atelier', kind: 'interview-workshop' }, desktop)) as {
      retentionMonths: number;
    };
    expect(project.retentionMonths).toBe(12);
    await expect(dispatch('settings.update', { retentionMonths: 500 }, desktop)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'retentionMonths',
    });
  });

  it('sets and clears the ffmpeg path from the desktop app, names a wrong one, and refuses it from a page', async () => {
    const set = (await dispatch('settings.update', { ffmpegPath: '/no/such/ffmpeg' }, desktop)) as {
      ffmpeg: { found: boolean; problem: string };
    };
    expect(set.ffmpeg.found).toBe(false);
    expect(set.ffmpeg.problem).toMatch(/\/no\/such\/ffmpeg.*Réglages/);
    const cleared = (await dispatch('settings.update', { ffmpegPath: null }, desktop)) as { ffmpeg: { found: boolean }; ffmpegPath: null };
    expect(cleared).toMatchObject({ ffmpegPath: null, ffmpeg: { found: true } });
    await expect(dispatch('settings.update', { ffmpegPath: '/bin/sh' }, browser)).rejects.toMatchObject({
      code: 'forbidden',
      field: 'ffmpegPath',
    });
    await expect(dispatch('settings.update', { ffprobePath: 'relative/ffprobe' }, desktop)).rejects.toMatchObject({ field: 'ffprobePath' });
  });

  it('tells the desktop shell when the language changes', async () => {
    expect(await dispatch('settings.update', { language: 'en' }, desktop)).toMatchObject({ language: 'en' });
    expect(opened).toContain('language:en');
  });

  it('desktop actions run in the desktop app only', async () => {
    expect(await dispatch('desktop.action', { action: 'open-logs-folder' }, desktop)).toMatchObject({ done: true });
    expect(opened).toContain(hooks.logsDir);
    expect(await dispatch('desktop.action', { action: 'move-library' }, desktop)).toMatchObject({
      restarting: true,
      message: path.join(dir, 'moved'),
    });
    await expect(dispatch('desktop.action', { action: 'open-logs-folder' }, browser)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('About gives the version and the licences, FFmpeg’s GPL and where its sources are', async () => {
    const about = (await dispatch('about.info', {}, browser)) as { appVersion: string; licences: Array<{ id: string; text: string }> };
    expect(about.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(about.licences.map((licence) => licence.id)).toEqual(expect.arrayContaining(['ffmpeg', 'gpl-3.0', 'fonts']));
    expect(about.licences.find((licence) => licence.id === 'ffmpeg')!.text).toMatch(/get-sources/);
  });

  it('the desktop app imports by path and returns the finalise job at once; a page may not', async () => {
    const session = (await dispatch('projects.list', {}, desktop)) as Array<{ id: number }>;
    const source = path.join(dir, 'not-a-video.mp4');
    fs.writeFileSync(source, 'hello');
    await expect(dispatch('recordings.importPath', { path: source, projectId: session[0]!.id }, desktop)).rejects.toMatchObject({
      code: 'media-failed',
    });
    await expect(dispatch('recordings.importPath', { path: source, projectId: 1 }, browser)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
