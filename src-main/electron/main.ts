/**
 * The Electron entry: one hardened window on our own app:// page, media served by id
 * through media://, the API over IPC, and the desktop shell people expect (menu, About,
 * settings hooks, log file, quit guard, keep-awake, crash recovery, window place).
 * The decisions live in plain modules beside this one (appMenu, quitGuard,
 * singleInstance, windowState, desktopSettings), unit-tested without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
} from 'electron';
import { defaultProcessRegistry } from '../platform/processRegistry';
import { contentSecurityPolicy } from '../platform/contentSecurityPolicy';
import { describeErrorForLog, RotatingLog } from '../platform/rotatingLog';
import { electronSqliteBindingPath, useSqliteBinding } from '../platform/sqliteBinding';
import { respondWithMedia, respondWithRendererFile } from '../server/fetchResponders';
import { forwardEventsTo, registerApiHandlers } from './ipc';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  MEDIA_SCHEME,
  isPermissionGranted,
  mayNavigate,
  secureWebPreferences,
  windowOpenDecision,
} from './securityPolicy';
import { buildMenuTemplate, type MenuCommand, type MenuItemSpec } from './appMenu';
import {
  chooseLibraryDir,
  defaultLibraryDir,
  libraryTargetProblem,
  loadDesktopSettings,
  updateDesktopSettings,
  type DesktopLanguage,
} from './desktopSettings';
import { desktopText } from './desktopText';
import { leaveQuestion, powerSaveChange, type BusyWork } from './quitGuard';
import { secondInstanceSteps, startDecision } from './singleInstance';
import { DEFAULT_WINDOW, restoreWindowBounds, type WindowState } from './windowState';
import {
  closeApiContext,
  createApiContext,
  dispatch,
  recoverUnfinishedWork,
  watchConsentExpiry,
  type ApiContext,
  type DesktopHooks,
} from '../app';

// A second copy exits here, before any start-up work: no library opened, no recovery run.
const isFirstInstance = startDecision(app.requestSingleInstanceLock()) === 'start';
if (!isFirstInstance) app.exit(0);

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
const appRoot = path.resolve(__dirname, '..', '..');
const log = new RotatingLog(app.getPath('logs'));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

// better-sqlite3's Electron build, kept apart from Node's (see platform/sqliteBinding.ts)
const sqliteBinding = electronSqliteBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot });
useSqliteBinding(sqliteBinding);

let ctx: ApiContext | null = null;
let mainWindow: BrowserWindow | null = null;
let language: DesktopLanguage = loadDesktopSettings(app.getPath('userData')).language;
let powerBlockerId: number | null = null;
let leaving = false;

function busyWork(): BusyWork {
  if (!ctx) return { recordings: 0, jobs: 0 };
  return {
    recordings: ctx.capture.activeCaptureCount(),
    jobs: ctx.jobs.list().filter((job) => job.status === 'queued' || job.status === 'running').length,
  };
}

function updatePowerSaveBlocker(): void {
  const change = powerSaveChange(powerBlockerId !== null, busyWork());
  if (change === 'start') powerBlockerId = powerSaveBlocker.start('prevent-app-suspension');
  if (change === 'stop' && powerBlockerId !== null) {
    powerSaveBlocker.stop(powerBlockerId);
    powerBlockerId = null;
  }
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? webContents.getURL(), mediaTypes }, devServerUrl));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted({ permission, requestingUrl: requestingOrigin }, devServerUrl),
  );
  if (devServerUrl) {
    // the dev server serves HTML itself; give it our CSP (relaxed only for hot reload)
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ mediaSources: ['media:'], devServerOrigin: new URL(devServerUrl).origin })],
        },
      });
    });
  }
}

function showInPage(hash: string): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  void mainWindow.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(hash)}`).catch(() => {});
}

function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'settings':
      showInPage('#/settings');
      break;
    case 'about':
    case 'licences':
      showInPage('#/about');
      break;
    case 'open-library-folder':
      if (ctx) void shell.openPath(ctx.library.dir);
      break;
    case 'open-logs-folder':
      void shell.openPath(log.dir);
      break;
  }
}

function toElectronMenu(items: MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map(({ command, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toElectronMenu(submenu) } : {}),
    ...(command ? { click: () => runMenuCommand(command) } : {}),
  }));
}

function installMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(toElectronMenu(buildMenuTemplate({ language, isPackaged: app.isPackaged, platform: process.platform }))),
  );
}

function saveWindowState(window: BrowserWindow): void {
  try {
    const bounds = window.isMaximized() || window.isFullScreen() ? window.getNormalBounds() : window.getBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    updateDesktopSettings(app.getPath('userData'), { window: state });
  } catch (error) {
    log.warn(`window state not saved: ${describeErrorForLog(error)}`);
  }
}

/** Asks before a reload or a quit would cut a take or a job short; true to go ahead. */
function mayLeave(reason: 'quit' | 'reload'): boolean {
  const question = leaveQuestion(busyWork(), reason, language);
  if (!question) return true;
  const options = { type: 'warning' as const, noLink: true, ...question, buttons: [...question.buttons] };
  const answer =
    mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBoxSync(mainWindow, options) : dialog.showMessageBoxSync(options);
  return answer === 1;
}

function createMainWindow(context: ApiContext): BrowserWindow {
  const saved = loadDesktopSettings(app.getPath('userData')).window;
  const { bounds, maximized } = restoreWindowBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: DEFAULT_WINDOW.minWidth,
    minHeight: DEFAULT_WINDOW.minHeight,
    title: 'ERIC Studio',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
  // keyboard reloads (F5, Ctrl+R) ask first during a take
  let unloadAnswered = false;
  window.webContents.on('before-input-event', (event, input) => {
    const reloadKey =
      input.type === 'keyDown' && (input.key === 'F5' || ((input.control || input.meta) && input.key.toLowerCase() === 'r'));
    if (!reloadKey) return;
    if (mayLeave('reload')) unloadAnswered = true;
    else event.preventDefault();
  });
  // the recording page holds the unload (beforeunload) during a take: Electron would then cancel
  // silently, so the question is asked here; a close or reload already answered is not asked twice
  window.webContents.on('will-prevent-unload', (event) => {
    const go = leaving || unloadAnswered || mayLeave('reload');
    unloadAnswered = false;
    if (go) event.preventDefault(); // preventDefault here means: unload anyway
  });
  // a page that (re)loads while a take was open means the take's page went away: keep what was filmed
  let loads = 0;
  window.webContents.on('did-finish-load', () => {
    loads += 1;
    if (loads > 1 && context.capture.activeCaptureCount() > 0) {
      const recovered = context.capture.recoverAbandonedCaptures();
      log.warn(`page reloaded during a take: ${recovered.length} take(s) finalised from disk`);
    }
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    const recovered = context.capture.recoverAbandonedCaptures();
    const t = desktopText(language);
    if (recovered.length && Notification.isSupported()) new Notification({ title: t.crashedTitle, body: t.crashedBody }).show();
    if (!window.isDestroyed()) window.webContents.reload();
  });
  window.on('unresponsive', () => log.warn('window unresponsive'));
  window.on('close', (event) => {
    saveWindowState(window);
    if (!leaving && !mayLeave('quit')) event.preventDefault();
    else leaving = true;
  });
  const unsubscribe = forwardEventsTo(window, context);
  window.on('closed', () => {
    unsubscribe();
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  for (const step of secondInstanceSteps({
    exists: window !== null,
    minimized: window?.isMinimized() ?? false,
    visible: window?.isVisible() ?? false,
  })) {
    if (step === 'create-window' && ctx) mainWindow = createMainWindow(ctx);
    if (step === 'restore') window?.restore();
    if (step === 'show') window?.show();
    if (step === 'focus') window?.focus();
  }
}

/** First run: the library goes to a visible folder (Documents/ERIC Studio), or one the user picks. */
async function firstRunLibraryDir(proposed: string): Promise<string> {
  const t = desktopText(language);
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: t.firstRunTitle,
    message: t.firstRunTitle,
    detail: t.firstRunMessage(proposed),
    buttons: [t.useThisFolder, t.chooseAnother],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) {
    const picked = await dialog.showOpenDialog({
      title: t.chooseLibraryTitle,
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: proposed,
    });
    if (!picked.canceled && picked.filePaths[0] && !libraryTargetProblem(picked.filePaths[0], path.join(app.getPath('userData'), 'none'))) {
      return picked.filePaths[0];
    }
  }
  return proposed;
}

async function pickPath(options: OpenDialogOptions): Promise<string | null> {
  const picked =
    mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

function desktopHooks(): DesktopHooks {
  const electronDir = path.dirname(process.execPath);
  return {
    defaultLibraryDir: defaultLibraryDir(app.getPath('documents')),
    logsDir: log.dir,
    openFolder: async (dir) => {
      const problem = await shell.openPath(dir);
      if (problem) log.warn('a folder could not be opened');
    },
    chooseFolder: (title) => pickPath({ title, properties: ['openDirectory', 'createDirectory'] }),
    chooseProgram: (title) => pickPath({ title, properties: ['openFile'] }),
    switchLibrary: async (dir, move) => {
      if (!ctx) return { restarting: false, message: null };
      const problem = libraryTargetProblem(dir, ctx.library.dir);
      if (problem) return { restarting: false, message: problem };
      if (busyWork().recordings > 0 || busyWork().jobs > 0) {
        return { restarting: false, message: 'Attendez la fin de l’enregistrement ou des exports en cours, puis recommencez.' };
      }
      const from = ctx.library.dir;
      if (move && !fs.existsSync(path.join(dir, 'library.sqlite'))) {
        closeApiContext(ctx); // checkpoints the WAL: the copied database is complete
        ctx = null;
        try {
          await fs.promises.cp(from, dir, { recursive: true, errorOnExist: true, force: false });
        } catch (error) {
          log.error(`library move failed: ${describeErrorForLog(error)}`);
          app.relaunch();
          app.exit(0);
          return { restarting: true, message: null };
        }
        log.info('library copied to a new folder; the old folder is kept');
      }
      updateDesktopSettings(app.getPath('userData'), { libraryDir: dir });
      leaving = true;
      setTimeout(() => {
        // app.exit skips before-quit: release the library's lock here, or the new instance would find it held
        if (ctx) closeApiContext(ctx);
        ctx = null;
        app.relaunch();
        app.exit(0);
      }, 300);
      return { restarting: true, message: null };
    },
    languageChanged: (next) => {
      language = next;
      updateDesktopSettings(app.getPath('userData'), { language: next });
      installMenu();
    },
    shellLicenceFiles: [
      { id: 'electron', title: 'Electron', file: path.join(electronDir, 'LICENSE.electron.txt') },
      { id: 'chromium', title: 'Chromium', file: path.join(electronDir, 'LICENSES.chromium.html') },
    ],
  };
}

function notifyWhenJobsFinish(context: ApiContext): void {
  const started = new Map<string, number>();
  context.events.subscribe((event, payload) => {
    if (event === 'job.progress') {
      const { jobId } = payload as { jobId: string };
      if (!started.has(jobId)) started.set(jobId, Date.now());
    }
    if (event === 'job.progress' || event === 'job.finished') setImmediate(updatePowerSaveBlocker);
    if (event !== 'job.finished') return;
    const { jobId, outcome } = payload as { jobId: string; outcome: 'done' | 'failed' | 'cancelled' };
    const since = started.get(jobId);
    started.delete(jobId);
    log.info(`job ${outcome}`);
    // only long work earns a notification, and only when the window is not in front
    const long = since !== undefined && Date.now() - since > 30_000;
    if (!long || outcome === 'cancelled' || mainWindow?.isFocused() || !Notification.isSupported()) return;
    const t = desktopText(language);
    const label = context.jobs.list().find((job) => job.jobId === jobId)?.label ?? '';
    const notification = new Notification({ title: outcome === 'done' ? t.jobDoneTitle : t.jobFailedTitle, body: label });
    notification.on('click', focusMainWindow);
    notification.show();
  });
  context.events.subscribe((event) => {
    if (event === 'data.changed') setImmediate(updatePowerSaveBlocker);
  });
}

async function start(): Promise<void> {
  log.info(
    `start ${app.getVersion()} electron ${process.versions.electron} ${process.platform}-${process.arch} packaged=${app.isPackaged}`,
  );
  if (!fs.existsSync(sqliteBinding)) {
    throw new Error(
      app.isPackaged
        ? 'La base de données ne peut pas s’ouvrir : un fichier de l’installation manque (native/better_sqlite3.node). Réinstallez ERIC Studio.'
        : 'better-sqlite3 n’est pas construit pour Electron : lancez « npm run native:electron » (il faut une connexion Internet), puis « npm start ».',
    );
  }
  const userData = app.getPath('userData');
  const settings = loadDesktopSettings(userData);
  const choice = chooseLibraryDir({
    argv: process.argv,
    env: process.env,
    settings,
    userDataDir: userData,
    documentsDir: app.getPath('documents'),
  });
  let libraryDir = choice.dir;
  if (choice.from === 'first-run') {
    libraryDir = await firstRunLibraryDir(choice.dir);
    updateDesktopSettings(userData, { libraryDir });
  } else if (choice.from === 'previous-default') {
    updateDesktopSettings(userData, { libraryDir }); // earlier versions' folder, now shown in the settings
  }
  log.info(`library opened (${choice.from})`);

  // one process per library: a browser-mode server or a CLI command writing it gets the French refusal, and so do we
  const context = createApiContext(libraryDir, 'electron', {
    preferBundledFfmpeg: app.isPackaged,
    desktop: desktopHooks(),
    analyseFacesAfterFinalise: true,
    lock: {
      holder: 'desktop',
      log: (line) => log.info(line),
      onLost: () => log.error('library lock lost to another process'),
    },
  });
  ctx = context;
  const stored = await dispatch('settings.get', {}, context).catch(() => null);
  if (stored && (stored as { language: DesktopLanguage }).language !== language) {
    language = (stored as { language: DesktopLanguage }).language;
  }
  installMenu();
  hardenSession();
  const rendererDir = path.join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(request, rendererDir));
  protocol.handle(MEDIA_SCHEME, (request) => respondWithMedia(request, (id) => context.library.mediaAssets.resolve(id)));
  registerApiHandlers(ipcMain, context, devServerUrl, (method, error) => log.error(`${method}: ${describeErrorForLog(error)}`));
  const recovery = recoverUnfinishedWork(context); // takes cut short by a crash come back; half-written exports are removed
  log.info(
    `recovery: ${recovery.recordings} take(s), ${recovery.partialExportsRemoved} partial export(s), ${recovery.processesStopped} process(es)`,
  );
  watchConsentExpiry(context); // consent that runs out recalls its exports that day (checked again each new day)
  notifyWhenJobsFinish(context);

  mainWindow = createMainWindow(context);
  app.on('second-instance', focusMainWindow);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && ctx) mainWindow = createMainWindow(ctx);
  });
}

app.on('before-quit', (event) => {
  if (!leaving && !mayLeave('quit')) {
    event.preventDefault();
    return;
  }
  leaving = true;
  defaultProcessRegistry.killAll();
  if (powerBlockerId !== null) powerSaveBlocker.stop(powerBlockerId);
  if (ctx) closeApiContext(ctx);
  ctx = null;
  log.info('quit');
});

app.enableSandbox();
if (isFirstInstance)
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error(`start-up failed: ${describeErrorForLog(error)}`);
      dialog.showErrorBox(desktopText(language).startFailed, error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
