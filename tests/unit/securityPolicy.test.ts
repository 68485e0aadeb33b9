import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/platform/contentSecurityPolicy';
import {
  APP_ENTRY_URL,
  isOurPageUrl,
  isPermissionGranted,
  mayNavigate,
  secureWebPreferences,
  windowOpenDecision,
} from '../../src-main/electron/securityPolicy';

describe('Electron window hardening', () => {
  it('turns on isolation and sandbox and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('knows our page from look-alikes', () => {
    expect(isOurPageUrl(APP_ENTRY_URL)).toBe(true);
    expect(isOurPageUrl('app://eric-studio/#/projects/2')).toBe(true);
    expect(isOurPageUrl('app://evil/index.html')).toBe(false);
    expect(isOurPageUrl('https://eric-studio/index.html')).toBe(false);
    expect(isOurPageUrl('file:///tmp/index.html')).toBe(false);
    expect(isOurPageUrl('http://localhost:5173/')).toBe(false);
    expect(isOurPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isOurPageUrl(undefined)).toBe(false);
    expect(isOurPageUrl('not a url')).toBe(false);
  });

  it('blocks navigation away and never opens new windows', () => {
    expect(mayNavigate('app://eric-studio/index.html#/projects/1')).toBe(true);
    expect(mayNavigate('https://example.org/')).toBe(false);
    expect(windowOpenDecision('https://www.service-public.fr/')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
  });

  it('grants camera, microphone and full screen to our page only', () => {
    expect(isPermissionGranted({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(isPermissionGranted({ permission: 'fullscreen', requestingUrl: APP_ENTRY_URL })).toBe(true);
    expect(isPermissionGranted({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionGranted({ permission: 'geolocation', requestingUrl: APP_ENTRY_URL })).toBe(false);
    expect(isPermissionGranted({ permission: 'notifications', requestingUrl: APP_ENTRY_URL })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaTypes: ['screen'] })).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('allows only our own scripts and no plugins or frames', () => {
    const csp = contentSecurityPolicy({ mediaSources: ['media:'] });
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/media-src [^;]*media:/);
  });

  it('allows styles carrying the page’s one-time nonce, never inline scripts', () => {
    const csp = contentSecurityPolicy({ mediaSources: ['media:'], styleNonce: 'abc123' });
    expect(csp).toMatch(/style-src 'self' 'nonce-abc123'(;|$)/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
  });
});
