/**
 * The app's log file: `main.log`, rotated to main.1.log … main.N.log past a size, so it
 * never grows without bound. No personal data goes in: messages are event names, codes
 * and counts written by us, and `redactLogText` removes what could still slip in (paths,
 * which hold people's names in file and folder names, and e-mail addresses).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

// from the start of an absolute path to the next quote, bracket or separator: file and
// folder names may contain spaces, and over-redacting a log line costs nothing
const ABSOLUTE_PATH = /(?:\b[A-Za-z]:\\|\\\\|\/)[^"'<>|()\r\n,;]*/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function redactLogText(text: string): string {
  return text
    .replace(EMAIL, '[adresse]')
    .replace(ABSOLUTE_PATH, (match) => (match.length > 1 ? '[chemin]' : match))
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 2000);
}

export class RotatingLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;

  constructor(
    readonly dir: string,
    options: RotatingLogOptions = {},
  ) {
    this.file = path.join(dir, 'main.log');
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 5;
    this.now = options.now ?? (() => new Date());
    fs.mkdirSync(dir, { recursive: true });
  }

  write(level: 'info' | 'warn' | 'error', message: string): void {
    try {
      this.rotateIfNeeded();
      fs.appendFileSync(this.file, `${this.now().toISOString()} ${level.toUpperCase()} ${redactLogText(message)}\n`);
    } catch {
      // a log that cannot be written must never stop the app
    }
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  private rotateIfNeeded(): void {
    let size = 0;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size < this.maxBytes) return;
    const numbered = (n: number) => path.join(this.dir, `main.${n}.log`);
    fs.rmSync(numbered(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
    }
    fs.renameSync(this.file, numbered(1));
  }
}

/** Describes an error for the log: its code and class, never its message's paths or names. */
export function describeErrorForLog(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : '';
    return `${name}${typeof code === 'string' ? ` [${code}]` : ''}: ${redactLogText(message)}`;
  }
  return redactLogText(String(error));
}
