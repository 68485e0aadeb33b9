/**
 * The Content-Security-Policy of our page, the same in Electron and browser mode:
 * only our own scripts, media from our own media route/protocol, no plugins, no frames.
 */
export function contentSecurityPolicy(options: { mediaSources?: string[]; devServerOrigin?: string; styleNonce?: string } = {}): string {
  const media = ["'self'", 'blob:', 'data:', ...(options.mediaSources ?? [])].join(' ');
  const dev = options.devServerOrigin ? ` ${options.devServerOrigin}` : '';
  const devConnect = options.devServerOrigin ? ` ${options.devServerOrigin.replace(/^http/, 'ws')}` : '';
  const devInline = options.devServerOrigin ? " 'unsafe-inline'" : '';
  // a page's one-time nonce, for the few <style> elements react-aria adds (server/rendererPage.ts)
  const nonce = options.styleNonce && !options.devServerOrigin ? ` 'nonce-${options.styleNonce}'` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${dev}${devInline}`,
    `style-src 'self'${dev}${devInline}${nonce}`,
    `img-src ${media}`,
    `media-src ${media}`,
    `connect-src 'self'${dev}${devConnect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
