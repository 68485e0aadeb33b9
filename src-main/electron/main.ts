/**
 * The Electron entry: one hardened window on our own app:// page, media served by id
 * through media://, the API over IPC. Everything else lives in plain-Node services.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { defaultProcessRegistry } from '../platform/processRegistry';
import { contentSecurityPolicy } from '../platform/contentSecurityPolicy';
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
import { closeApiContext, createApiContext, recoverUnfinishedWork, type ApiContext } from '../app';

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

function libraryDirFromArgs(argv: string[]): string {
  const index = argv.indexOf('--library');
  if (index !== -1 && argv[index + 1]) return path.resolve(argv[index + 1]!);
  return process.env.ERIC_STUDIO_LIBRARY ?? path.join(app.getPath('userData'), 'library');
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

function createMainWindow(ctx: ApiContext): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'ERIC Studio',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
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
  const unsubscribe = forwardEventsTo(window, ctx);
  window.on('closed', unsubscribe);
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app
  .whenReady()
  .then(() => {
    const ctx = createApiContext(libraryDirFromArgs(process.argv), 'electron');
    hardenSession();
    const rendererDir = path.join(__dirname, '../renderer');
    protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(request, rendererDir));
    protocol.handle(MEDIA_SCHEME, (request) => respondWithMedia(request, (id) => ctx.library.mediaAssets.resolve(id)));
    registerApiHandlers(ipcMain, ctx, devServerUrl);
    recoverUnfinishedWork(ctx); // takes cut short by a crash come back; half-written exports are removed

    let mainWindow = createMainWindow(ctx);
    app.on('second-instance', () => {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(ctx);
    });
    app.on('before-quit', () => {
      defaultProcessRegistry.killAll();
      closeApiContext(ctx);
    });
  })
  .catch((error: unknown) => {
    console.error('ERIC Studio could not start:', error);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
