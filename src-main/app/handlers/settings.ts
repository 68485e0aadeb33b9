/**
 * The settings screen and the About box. Program paths (ffmpeg, ffprobe) may be set only
 * from the desktop app or the command line, never from a page in browser mode (it may
 * be reached from the workshop network): a path to a program is a way to run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/appError';
import type { AboutInfo, SettingsView } from '../../../src-shared/contract/schemas';
import {
  DEFAULT_RETENTION_MONTHS,
  FFMPEG_SETTING,
  FFPROBE_SETTING,
  LANGUAGE_SETTING,
  RETENTION_MONTHS_SETTING,
} from '../../library/settingKeys';
import { resourcesDir } from '../../platform/resourcesDir';
import type { ApiContext, DesktopHooks } from '../context';
import type { HandlerTable } from './handlerTable';

export function retentionMonthsDefault(ctx: ApiContext): number {
  const stored = Number(ctx.library.settings.get(RETENTION_MONTHS_SETTING));
  return Number.isInteger(stored) && stored >= 1 && stored <= 120 ? stored : DEFAULT_RETENTION_MONTHS;
}

function settingsView(ctx: ApiContext): SettingsView {
  const binaries = ctx.ffmpeg();
  return {
    transport: ctx.transport,
    libraryDir: ctx.library.dir,
    defaultLibraryDir: ctx.desktop?.defaultLibraryDir ?? null,
    desktop: ctx.desktop !== null,
    logsDir: ctx.desktop?.logsDir ?? null,
    ffmpegPath: ctx.library.settings.get(FFMPEG_SETTING),
    ffprobePath: ctx.library.settings.get(FFPROBE_SETTING),
    ffmpeg: {
      found: binaries !== null,
      ffmpeg: binaries?.ffmpeg ?? null,
      ffprobe: binaries?.ffprobe ?? null,
      source: binaries?.source ?? null,
      problem: ctx.ffmpegProblem(),
    },
    retentionMonths: retentionMonthsDefault(ctx),
    language: ctx.library.settings.get(LANGUAGE_SETTING) === 'en' ? 'en' : 'fr',
  };
}

function mayChoosePrograms(ctx: ApiContext): boolean {
  return ctx.trusted || ctx.transport === 'electron';
}

function requireDesktop(ctx: ApiContext): DesktopHooks {
  if (!ctx.desktop) {
    throw new AppError('forbidden', 'Cette action n’existe que dans l’application de bureau.', {
      hint: 'Ouvrez ERIC Studio sur l’ordinateur de l’atelier pour changer de dossier ou ouvrir les journaux.',
    });
  }
  return ctx.desktop;
}

function setToolPath(ctx: ApiContext, key: string, value: string | null): void {
  if (value !== null && value !== '') {
    if (!path.isAbsolute(value)) {
      throw new AppError('invalid-input', `« ${value} » n’est pas un chemin complet.`, {
        field: key === FFMPEG_SETTING ? 'ffmpegPath' : 'ffprobePath',
        hint: 'Indiquez le chemin complet du programme (par exemple C:\\ffmpeg\\bin\\ffmpeg.exe), ou laissez vide.',
      });
    }
  }
  ctx.library.settings.set(key, value ? value : null);
}

function readLicence(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function aboutInfo(ctx: ApiContext): AboutInfo {
  const binaries = ctx.ffmpeg();
  const licences: AboutInfo['licences'] = [];
  const add = (id: string, title: string, file: string) => {
    const text = readLicence(file);
    if (text !== null) licences.push({ id, title, text });
  };
  const licencesDir = path.join(resourcesDir(), 'licences');
  add('ffmpeg', 'FFmpeg (ffmpeg, ffprobe)', path.join(licencesDir, 'FFMPEG.txt'));
  add('gpl-3.0', 'GNU General Public License v3 (FFmpeg)', path.join(licencesDir, 'GPL-3.0.txt'));
  add('lgpl-2.1', 'GNU Lesser General Public License v2.1', path.join(licencesDir, 'LGPL-2.1.txt'));
  add('fonts', 'Polices DejaVu', path.join(resourcesDir(), 'fonts', 'LICENSE-DejaVu.txt'));
  // written by `npm run build` beside the bundle (out/licences)
  add('third-party', 'Bibliothèques JavaScript', path.join(__dirname, '..', 'licences', 'THIRD-PARTY-NOTICES.txt'));
  for (const entry of ctx.desktop?.shellLicenceFiles ?? []) add(entry.id, entry.title, entry.file);
  return {
    appVersion: ctx.appVersion,
    versions: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, node: process.versions.node },
    platform: `${process.platform}-${process.arch}`,
    ffmpeg: { path: binaries?.ffmpeg ?? null, source: binaries?.source ?? null },
    licences,
  };
}

export const settingsHandlers = {
  'settings.get': (_input, ctx) => settingsView(ctx),
  'settings.update': (input, ctx) => {
    if ((input.ffmpegPath !== undefined || input.ffprobePath !== undefined) && !mayChoosePrograms(ctx)) {
      throw new AppError('forbidden', 'Le chemin de ffmpeg ne se règle que dans l’application de bureau ou en ligne de commande.', {
        field: input.ffmpegPath !== undefined ? 'ffmpegPath' : 'ffprobePath',
        hint: 'Réglez-le sur l’ordinateur de l’atelier.',
      });
    }
    if (input.ffmpegPath !== undefined) setToolPath(ctx, FFMPEG_SETTING, input.ffmpegPath);
    if (input.ffprobePath !== undefined) setToolPath(ctx, FFPROBE_SETTING, input.ffprobePath);
    if (input.ffmpegPath !== undefined || input.ffprobePath !== undefined) ctx.resetFfmpeg();
    if (input.retentionMonths !== undefined) ctx.library.settings.set(RETENTION_MONTHS_SETTING, String(input.retentionMonths));
    if (input.language !== undefined) {
      ctx.library.settings.set(LANGUAGE_SETTING, input.language);
      ctx.desktop?.languageChanged(input.language);
    }
    return settingsView(ctx);
  },
  'desktop.action': async (input, ctx) => {
    const desktop = requireDesktop(ctx);
    const language = settingsView(ctx).language;
    const fr = language === 'fr';
    switch (input.action) {
      case 'open-logs-folder':
        await desktop.openFolder(desktop.logsDir);
        return { done: true, restarting: false, message: null };
      case 'open-library-folder':
        await desktop.openFolder(ctx.library.dir);
        return { done: true, restarting: false, message: null };
      case 'choose-library-folder':
      case 'move-library': {
        const dir = await desktop.chooseFolder(fr ? 'Choisir le dossier de la bibliothèque' : 'Choose the library folder');
        if (!dir) return { done: false, restarting: false, message: null };
        const outcome = await desktop.switchLibrary(dir, input.action === 'move-library');
        return { done: true, ...outcome };
      }
      case 'choose-ffmpeg':
      case 'choose-ffprobe': {
        const tool = input.action === 'choose-ffmpeg' ? 'ffmpeg' : 'ffprobe';
        const file = await desktop.chooseProgram(fr ? `Choisir le programme ${tool}` : `Choose the ${tool} program`);
        if (!file) return { done: false, restarting: false, message: null };
        setToolPath(ctx, tool === 'ffmpeg' ? FFMPEG_SETTING : FFPROBE_SETTING, file);
        ctx.resetFfmpeg();
        return { done: true, restarting: false, message: ctx.ffmpegProblem() };
      }
    }
  },
  'about.info': (_input, ctx) => aboutInfo(ctx),
} satisfies HandlerTable;
