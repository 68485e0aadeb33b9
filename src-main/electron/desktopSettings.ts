/**
 * Settings that must exist before a library is open: where the library is, the interface
 * language, the window's place. Kept in `desktop-settings.json` in Electron's user-data
 * folder, written atomically. Plain Node (no electron import) so it is unit-tested.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeJsonFileAtomic } from '../platform/atomicJsonFile';
import type { WindowState } from './windowState';

export type DesktopLanguage = 'fr' | 'en';

export interface DesktopSettings {
  /** The library folder the user chose; null until the first-run choice. */
  libraryDir: string | null;
  language: DesktopLanguage;
  window: WindowState | null;
}

export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json';

const DEFAULTS: DesktopSettings = { libraryDir: null, language: 'fr', window: null };

function isWindowState(value: unknown): value is WindowState {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    ['x', 'y', 'width', 'height'].every((key) => typeof v[key] === 'number' && Number.isFinite(v[key])) && typeof v.maximized === 'boolean'
  );
}

/** Reads the file, keeping only well-formed values (a damaged file gives the defaults). */
export function loadDesktopSettings(userDataDir: string): DesktopSettings {
  const raw = readJsonFile(path.join(userDataDir, DESKTOP_SETTINGS_FILE));
  if (!raw || typeof raw !== 'object') return { ...DEFAULTS };
  const value = raw as Record<string, unknown>;
  return {
    libraryDir: typeof value.libraryDir === 'string' && path.isAbsolute(value.libraryDir) ? value.libraryDir : null,
    language: value.language === 'en' ? 'en' : 'fr',
    window: isWindowState(value.window) ? value.window : null,
  };
}

export function saveDesktopSettings(userDataDir: string, settings: DesktopSettings): void {
  writeJsonFileAtomic(path.join(userDataDir, DESKTOP_SETTINGS_FILE), settings);
}

export function updateDesktopSettings(userDataDir: string, change: Partial<DesktopSettings>): DesktopSettings {
  const next = { ...loadDesktopSettings(userDataDir), ...change };
  saveDesktopSettings(userDataDir, next);
  return next;
}

/** The visible default: Documents/ERIC Studio (not the hidden roaming profile). */
export function defaultLibraryDir(documentsDir: string): string {
  return path.join(documentsDir, 'ERIC Studio');
}

export type LibraryDirChoice =
  { dir: string; from: 'argument' | 'environment' | 'settings' | 'previous-default' } | { dir: string; from: 'first-run' };

/**
 * Where the library is: --library, then ERIC_STUDIO_LIBRARY, then the user's choice, then
 * the folder earlier versions used (user-data/library) when it holds a library, so nobody
 * loses their work; otherwise this is the first run and the user is asked (default shown).
 */
export function chooseLibraryDir(input: {
  argv: string[];
  env: NodeJS.ProcessEnv;
  settings: DesktopSettings;
  userDataDir: string;
  documentsDir: string;
  exists?: (file: string) => boolean;
}): LibraryDirChoice {
  const exists = input.exists ?? fs.existsSync;
  const index = input.argv.indexOf('--library');
  if (index !== -1 && input.argv[index + 1]) return { dir: path.resolve(input.argv[index + 1]!), from: 'argument' };
  if (input.env.ERIC_STUDIO_LIBRARY) return { dir: path.resolve(input.env.ERIC_STUDIO_LIBRARY), from: 'environment' };
  if (input.settings.libraryDir) return { dir: input.settings.libraryDir, from: 'settings' };
  const previous = path.join(input.userDataDir, 'library');
  if (exists(path.join(previous, 'library.sqlite'))) return { dir: previous, from: 'previous-default' };
  return { dir: defaultLibraryDir(input.documentsDir), from: 'first-run' };
}

/** Checks a folder chosen for a new or moved library: it must be empty or not exist yet, or already be a library. */
export function libraryTargetProblem(dir: string, currentDir: string): string | null {
  const resolved = path.resolve(dir);
  const current = path.resolve(currentDir);
  if (resolved === current) return 'C’est déjà le dossier de la bibliothèque.';
  if (resolved.startsWith(current + path.sep))
    return 'Ce dossier est à l’intérieur de la bibliothèque actuelle : choisissez un dossier ailleurs.';
  if (!fs.existsSync(resolved)) return null;
  if (!fs.statSync(resolved).isDirectory()) return 'Ce chemin est un fichier, pas un dossier.';
  const entries = fs.readdirSync(resolved).filter((name) => !name.startsWith('.'));
  if (entries.length === 0 || entries.includes('library.sqlite')) return null;
  return 'Ce dossier contient déjà d’autres fichiers : choisissez un dossier vide (ou créez-en un).';
}
