/**
 * `eric-studio <noun> <verb> [flags]`: finds the command, opens the library
 * (--library or the default folder), dispatches, and prints a table or, with --json,
 * one JSON value on stdout. Errors go to stderr with a non-zero exit code
 * (2 for bad input, 1 otherwise).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, toErrorShape } from '../../src-shared/appError';
import { defaultLibraryDir } from '../library/libraryFolder';
import { ARGUMENT_FOR_FIELD, FLAG_FOR_FIELD, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';
import { CLI_COMMANDS } from './commandRegistry';
import { READ_ONLY_METHODS } from './readOnlyMethods';
import { checkOutputFile, refuseInsideLibrary } from '../platform/outputPath';
import { closeApiContext, createApiContext, dispatch } from '../app';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function helpText(): string {
  const lines = [
    'ERIC Studio — command line',
    '',
    'Usage: eric-studio <command> [flags] [--library <dir>] [--json]',
    '       (from a checkout: npm run cli -- <command> …)',
    '',
    'Commands:',
    ...CLI_COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`),
    '',
    'Common flags:',
    `  --library <dir>  library folder (default: ${defaultLibraryDir()})`,
    '  --json           print the result as JSON (one object or array)',
    '  --force          replace an existing output file (never one inside the library)',
    '  --help           this help',
  ];
  return lines.join('\n');
}

function findCommand(positionals: string[]): { command: CliCommand; rest: string[] } | null {
  for (const words of [3, 2, 1]) {
    const name = positionals.slice(0, words).join(' ');
    const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
    if (command) return { command, rest: positionals.slice(words) };
  }
  return null;
}

function formatTable(value: unknown, columns: string[]): string {
  const rows = (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown>>;
  if (columns.length === 0) return JSON.stringify(value, null, 2);
  if (rows.length === 0) return '(none)';
  const cells = rows.map((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? '' : String(row[column]))));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * Every path the command will write is checked before the library is opened, so a refused
 * `--out` leaves the library exactly as it was (the output rule lives in platform/outputPath.ts).
 */
function checkOutputs(command: CliCommand, flags: Flags, libraryDir: string): void {
  for (const flag of ['out', 'out-dir']) {
    const target = flags[flag];
    if (typeof target !== 'string' || target === '') continue;
    const rule = { libraryDir, force: flags.force === true, field: flag };
    if (flag === 'out' && command.outputKind === 'file') checkOutputFile(target, rule);
    else refuseInsideLibrary(target, rule);
  }
}

function describeError(error: unknown): string {
  const shape = toErrorShape(error);
  let message = shape.message;
  if (shape.field) {
    const topField = shape.field.split('.').pop() ?? shape.field;
    const argument = ARGUMENT_FOR_FIELD[topField];
    const flag = FLAG_FOR_FIELD[topField] ?? topField;
    if (argument) {
      if (!message.includes(argument)) message += ` (argument ${argument})`;
    } else if (!message.includes(`--${flag}`)) message += ` (option --${flag})`;
  }
  return shape.hint ? `Erreur : ${message}\n${shape.hint}` : `Erreur : ${message}`;
}

/** What node:util's parseArgs refuses (its own words are English), in French, naming the option. */
function describeParseError(error: TypeError & { code?: string }): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  const positional = /'([^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `l’option ${option} n’existe pas pour cette commande.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `l’option ${option} attend une valeur après elle.`
        : `l’option ${option} ne prend pas de valeur.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `« ${positional ?? ''} » est en trop : cette commande ne l’attend pas.`;
    default:
      return error.message;
  }
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const leadingPositionals = argv.filter((arg) => !arg.startsWith('-')).slice(0, 3);
  const found = findCommand(leadingPositionals);
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || !found) {
    if (!found && argv.length > 0 && !argv.includes('--help') && !argv.includes('-h')) {
      io.err(`Erreur : la commande « ${leadingPositionals.join(' ')} » n’existe pas. Voici les commandes possibles.\n`);
      io.err(helpText());
      return 2;
    }
    io.out(found ? `Usage: eric-studio ${found.command.usage} [--library <dir>] [--json]\n${found.command.summary}` : helpText());
    return 0;
  }

  let ctx: ReturnType<typeof createApiContext> | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...found.command.flags,
        library: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    }) as unknown as { values: Flags; positionals: string[] };
    const rest = positionals.slice(found.command.name.split(' ').length);
    if (found.command.run) {
      const result = await found.command.run(values, rest);
      io.out(values.json ? JSON.stringify(result, null, 2) : formatTable(result, found.command.columns));
      return found.command.exitCode?.(result) ?? 0;
    }
    const input = found.command.toInput!(values, rest);
    const libraryDir = path.resolve(typeof values.library === 'string' ? values.library : defaultLibraryDir());
    checkOutputs(found.command, values, libraryDir);
    // one process per library: a writing command takes the lock (or is refused in French); a read command
    // run while another process holds the library opens it read-only instead
    ctx = createApiContext(libraryDir, 'http', {
      trusted: true,
      lock: { holder: 'cli', readOnlyIfBusy: READ_ONLY_METHODS.has(found.command.method!), log: (line) => io.err(line) },
    });
    if (found.command.showsProgress && !values.json) {
      ctx.events.subscribe((event, payload) => {
        if (event === 'job.progress' && 'ratio' in payload && payload.ratio !== null) {
          io.err(`${Math.round(payload.ratio * 100)} %${payload.step ? ` (${payload.step})` : ''}`);
        }
      });
    }
    const dispatched = await dispatch(found.command.method!, input, ctx);
    const result = found.command.afterResult ? await found.command.afterResult(dispatched, values, ctx) : dispatched;
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else if (found.command.rawOutput && !values.out) io.out(found.command.rawOutput(result).replace(/\r?\n$/, ''));
    else io.out(formatTable(result, found.command.columns));
    return found.command.exitCode?.(result) ?? 0;
  } catch (error) {
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Erreur : ${describeParseError(error)}\nUsage : eric-studio ${found.command.usage}`);
      return 2;
    }
    if (!(error instanceof AppError)) io.err(`Erreur interne d’ERIC Studio (à signaler) : ${(error as Error)?.stack ?? String(error)}`);
    else io.err(describeError(error));
    return error instanceof AppError && error.code === 'invalid-input' ? 2 : 1;
  } finally {
    if (ctx) closeApiContext(ctx);
  }
}
