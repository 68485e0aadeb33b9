// The desktop shell's decisions, tested without Electron: menu, quit guard, single
// instance, window place, desktop settings file, log file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuItemSpec } from '../../src-main/electron/appMenu';
import { isBusy, leaveQuestion, powerSaveChange } from '../../src-main/electron/quitGuard';
import { secondInstanceSteps, startDecision } from '../../src-main/electron/singleInstance';
import { restoreWindowBounds } from '../../src-main/electron/windowState';
import {
  chooseLibraryDir,
  DESKTOP_SETTINGS_FILE,
  defaultLibraryDir,
  libraryTargetProblem,
  loadDesktopSettings,
  updateDesktopSettings,
} from '../../src-main/electron/desktopSettings';
import { redactLogText, RotatingLog } from '../../src-main/platform/rotatingLog';
import { sha256OfFileOffThread } from '../../src-main/platform/fileHash';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir('eric-shell-');

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

describe('application menu', () => {
  it('installed builds have no Reload and no DevTools, and nothing links to electronjs.org', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const items = flatten(buildMenuTemplate({ language: 'fr', isPackaged: true, platform }));
      expect(items.some((item) => item.role === 'reload' || item.role === 'toggleDevTools')).toBe(false);
      expect(JSON.stringify(items)).not.toMatch(/electron/i);
      expect(items.map((item) => item.command).filter(Boolean)).toEqual(
        expect.arrayContaining(['settings', 'about', 'licences', 'open-logs-folder', 'open-library-folder']),
      );
    }
  });

  it('development builds keep Reload and DevTools', () => {
    const items = flatten(buildMenuTemplate({ language: 'fr', isPackaged: false, platform: 'linux' }));
    expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('speaks French first, English when chosen, and follows each platform', () => {
    const fr = buildMenuTemplate({ language: 'fr', isPackaged: true, platform: 'win32' });
    expect(fr.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(flatten(fr).find((item) => item.command === 'open-logs-folder')?.label).toBe('Ouvrir le dossier des journaux');
    const en = buildMenuTemplate({ language: 'en', isPackaged: true, platform: 'win32' });
    expect(en.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const mac = buildMenuTemplate({ language: 'fr', isPackaged: true, platform: 'darwin' });
    expect(mac[0]!.label).toBe('ERIC Studio');
    expect(mac[0]!.submenu!.map((item) => item.command ?? item.role)).toEqual(expect.arrayContaining(['about', 'settings', 'quit']));
  });
});

describe('quit guard', () => {
  it('asks before quitting during a recording or a job, with "keep working" as the default', () => {
    expect(leaveQuestion({ recordings: 0, jobs: 0 }, 'quit', 'fr')).toBeNull();
    const question = leaveQuestion({ recordings: 1, jobs: 2 }, 'quit', 'fr')!;
    expect(question.buttons).toEqual(['Continuer le travail', 'Quitter quand même']);
    expect(question.defaultId).toBe(0);
    expect(question.cancelId).toBe(0);
    expect(question.detail).toMatch(/enregistrement est en cours/);
    expect(question.detail).toMatch(/2 exports ou traitements/);
    expect(leaveQuestion({ recordings: 0, jobs: 1 }, 'quit', 'en')!.detail).toMatch(/An export/);
  });

  it('asks before a reload only during a recording (jobs run on the main side and survive it)', () => {
    expect(leaveQuestion({ recordings: 0, jobs: 3 }, 'reload', 'fr')).toBeNull();
    expect(leaveQuestion({ recordings: 1, jobs: 0 }, 'reload', 'fr')!.buttons[1]).toBe('Recharger quand même');
  });

  it('keeps the machine awake exactly while busy', () => {
    expect(isBusy({ recordings: 0, jobs: 0 })).toBe(false);
    expect(powerSaveChange(false, { recordings: 1, jobs: 0 })).toBe('start');
    expect(powerSaveChange(true, { recordings: 1, jobs: 0 })).toBeNull();
    expect(powerSaveChange(true, { recordings: 0, jobs: 0 })).toBe('stop');
    expect(powerSaveChange(false, { recordings: 0, jobs: 0 })).toBeNull();
  });
});

describe('single instance', () => {
  it('the second copy exits before any start-up work; the first comes to the front', () => {
    expect(startDecision(false)).toBe('exit-second-instance');
    expect(startDecision(true)).toBe('start');
    expect(secondInstanceSteps({ exists: true, minimized: true, visible: true })).toEqual(['restore', 'focus']);
    expect(secondInstanceSteps({ exists: true, minimized: false, visible: false })).toEqual(['show', 'focus']);
    expect(secondInstanceSteps({ exists: false, minimized: false, visible: false })).toEqual(['create-window']);
  });
});

describe('window place', () => {
  const laptop = { x: 0, y: 0, width: 1366, height: 728 };
  const bigScreen = { x: 1366, y: 0, width: 1920, height: 1040 };
  it('reopens where it was when that screen is still there', () => {
    const saved = { x: 1500, y: 50, width: 1400, height: 900, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, bigScreen])).toEqual({
      bounds: { x: 1500, y: 50, width: 1400, height: 900 },
      maximized: false,
    });
  });
  it('comes back on the laptop, centred, when the big screen was unplugged', () => {
    const saved = { x: 1500, y: 50, width: 1400, height: 900, maximized: true };
    const { bounds, maximized } = restoreWindowBounds(saved, [laptop]);
    expect(bounds.x).toBeGreaterThanOrEqual(0);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1366);
    expect(bounds.height).toBeLessThanOrEqual(728);
    expect(maximized).toBe(true);
  });
  it('uses the default size the first time', () => {
    expect(restoreWindowBounds(null, [bigScreen]).bounds).toEqual({ x: 1366 + 320, y: 120, width: 1280, height: 800 });
  });
});

describe('desktop settings file', () => {
  it('persists atomically and falls back to defaults when missing or damaged', () => {
    const userData = path.join(dir, 'user-data');
    expect(loadDesktopSettings(userData)).toEqual({ libraryDir: null, language: 'fr', window: null });
    updateDesktopSettings(userData, { libraryDir: path.join(dir, 'lib'), language: 'en' });
    updateDesktopSettings(userData, { window: { x: 1, y: 2, width: 1000, height: 700, maximized: false } });
    expect(loadDesktopSettings(userData)).toEqual({
      libraryDir: path.join(dir, 'lib'),
      language: 'en',
      window: { x: 1, y: 2, width: 1000, height: 700, maximized: false },
    });
    expect(fs.readdirSync(userData)).toEqual([DESKTOP_SETTINGS_FILE]); // no temp file left behind
    fs.writeFileSync(path.join(userData, DESKTOP_SETTINGS_FILE), '{"libraryDir": "relative/path", "window": {"x": "a"}');
    expect(loadDesktopSettings(userData)).toEqual({ libraryDir: null, language: 'fr', window: null });
  });

  it('finds the library: argument, environment, choice, earlier versions’ folder, else first run in Documents', () => {
    const base = {
      argv: ['electron', '.'],
      env: {},
      settings: loadDesktopSettings(path.join(dir, 'none')),
      userDataDir: '/u',
      documentsDir: '/home/a/Documents',
    };
    expect(chooseLibraryDir({ ...base, exists: () => false })).toEqual({ dir: defaultLibraryDir('/home/a/Documents'), from: 'first-run' });
    expect(defaultLibraryDir('/home/a/Documents')).toBe(path.join('/home/a/Documents', 'ERIC Studio'));
    expect(chooseLibraryDir({ ...base, exists: (file) => file === path.join('/u', 'library', 'library.sqlite') })).toEqual({
      dir: path.join('/u', 'library'),
      from: 'previous-default',
    });
    expect(chooseLibraryDir({ ...base, settings: { ...base.settings, libraryDir: '/data/eric' } }).from).toBe('settings');
    expect(chooseLibraryDir({ ...base, env: { ERIC_STUDIO_LIBRARY: '/env/lib' } })).toEqual({
      dir: path.resolve('/env/lib'),
      from: 'environment',
    });
    expect(chooseLibraryDir({ ...base, argv: ['electron', '.', '--library', '/arg/lib'] }).from).toBe('argument');
  });

  it('refuses to move the library into itself or into a folder holding other files', () => {
    const current = path.join(dir, 'current');
    fs.mkdirSync(current, { recursive: true });
    const busy = path.join(dir, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'x');
    expect(libraryTargetProblem(current, current)).toMatch(/déjà/);
    expect(libraryTargetProblem(path.join(current, 'sub'), current)).toMatch(/intérieur/);
    expect(libraryTargetProblem(busy, current)).toMatch(/vide/);
    expect(libraryTargetProblem(path.join(dir, 'new-folder'), current)).toBeNull();
  });
});

describe('log file', () => {
  it('rotates past its size and keeps a bounded number of files', () => {
    const logs = path.join(dir, 'logs');
    const log = new RotatingLog(logs, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 30; i++) log.info(`event number ${i}`);
    expect(fs.readdirSync(logs).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(fs.readFileSync(path.join(logs, 'main.log'), 'utf8')).toMatch(/INFO event number 29/);
  });

  it('keeps personal data out: paths (which hold names) and e-mail addresses', () => {
    const text = redactLogText(
      'could not read /home/marie/Vidéos/Entretien Dupont.mp4 or C:\\Users\\Marie\\x.mp4 (marie.dupont@example.fr)',
    );
    expect(text).not.toMatch(/marie|Dupont|example/i);
    expect(text).toContain('[chemin]');
    expect(text).toContain('[adresse]');
  });
});

describe('hashing off the main thread', () => {
  it('gives the SHA-256 of a file from a worker thread', async () => {
    const file = path.join(dir, 'data.bin');
    fs.writeFileSync(file, 'abc');
    await expect(sha256OfFileOffThread(file)).resolves.toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    await expect(sha256OfFileOffThread(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
