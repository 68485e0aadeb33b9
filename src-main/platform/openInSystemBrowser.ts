/**
 * Opens a URL in the user's default browser (xdg-open, open, or start).
 */
import { spawn } from 'node:child_process';

export function openInSystemBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`Ouvrez cette adresse dans votre navigateur : ${url}`));
    child.unref();
  } catch {
    console.log(`Ouvrez cette adresse dans votre navigateur : ${url}`);
  }
}
