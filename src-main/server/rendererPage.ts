/**
 * The app's HTML page, served with a fresh style nonce each time. react-aria adds two small
 * <style> elements (touch behaviour of buttons and dialogs) and takes their nonce from
 * <meta property="csp-nonce">: the policy then allows our own stylesheets and styles carrying
 * this one-time nonce, never inline styles in general (the scripts stay our files only).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { contentSecurityPolicy } from '../platform/contentSecurityPolicy';

export function rendererPage(file: string, csp: { mediaSources?: string[] } = {}): { body: Buffer; headers: Record<string, string> } {
  const nonce = randomBytes(16).toString('base64');
  const html = fs.readFileSync(file, 'utf8');
  const meta = `<meta property="csp-nonce" nonce="${nonce}" />`;
  const withMeta = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`) : `${meta}${html}`;
  return {
    body: Buffer.from(withMeta, 'utf8'),
    headers: {
      'Content-Security-Policy': contentSecurityPolicy({ ...csp, styleNonce: nonce }),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  };
}
