/**
 * Every security decision of the Electron shell, as pure functions with no Electron
 * import, so the rules are unit-tested in plain Node: window options, which URLs are
 * "our page", navigation and window-open guards, and which permissions are granted.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'eric-studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const MEDIA_SCHEME = 'media';

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
}

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // URL gives "null" as origin for non-special schemes; rebuild it for ours
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** Our page: the app:// origin, or the electron-vite dev server while developing. */
export function isOurPageUrl(url: string | null | undefined, devServerUrl?: string | null): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  if (origin === APP_ORIGIN) return true;
  return Boolean(devServerUrl) && origin === originOf(devServerUrl);
}

/** Navigation away from our page is never allowed (links open in the system browser). */
export function mayNavigate(targetUrl: string, devServerUrl?: string | null): boolean {
  return isOurPageUrl(targetUrl, devServerUrl);
}

/** What to do with window.open / target=_blank: never a new Electron window. */
export function windowOpenDecision(targetUrl: string): { action: 'deny'; openExternally: boolean } {
  let external = false;
  try {
    const parsed = new URL(targetUrl);
    external = parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    external = false;
  }
  return { action: 'deny', openExternally: external };
}

export interface PermissionRequest {
  permission: string;
  requestingUrl: string | null | undefined;
  /** For "media": which devices are asked for. */
  mediaTypes?: readonly string[];
}

/** Camera, microphone and full screen for our own page only; everything else refused. */
export function isPermissionGranted(request: PermissionRequest, devServerUrl?: string | null): boolean {
  if (!isOurPageUrl(request.requestingUrl, devServerUrl)) return false;
  if (request.permission === 'media') {
    const types = request.mediaTypes ?? [];
    return types.every((type) => type === 'video' || type === 'audio');
  }
  return request.permission === 'fullscreen';
}
