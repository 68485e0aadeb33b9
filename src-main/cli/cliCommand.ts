/** What one CLI verb is: its usage, its flags, and the API method it maps them to. */
import type { ApiInput } from '../../src-shared/contract/contract';
import type { ApiMethodName } from '../../src-shared/contract/names';
import type { ApiContext } from '../app';
import type { Flags } from './cliArgs';

export interface CliCommand {
  /** e.g. "projects create" */
  name: string;
  usage: string;
  summary: string;
  flags: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  /** The API method the command calls… */
  method?: ApiMethodName;
  toInput?(flags: Flags, positionals: string[]): ApiInput<ApiMethodName>;
  /** …or, for the few verbs that act on folders rather than an open library, what it does. */
  run?(flags: Flags, positionals: string[]): unknown;
  /**
   * What `--out` (or `--out-dir`) names: a file (refused when it exists, unless --force) or a folder.
   * Either way it is refused inside the library, before the library is even opened.
   */
  outputKind?: 'file' | 'folder';
  /** Columns of the human-readable table. */
  columns: string[];
  /** Long work: print job progress on stderr (not with --json). */
  showsProgress?: boolean;
  /** Work done with the result before printing it (e.g. copy a made file to --out). */
  afterResult?: (result: unknown, flags: Flags, ctx: ApiContext) => unknown; // may return a promise
  /** A non-zero exit code for a result that is an answer but a bad one (a pack that fails verification). */
  exitCode?: (result: unknown) => number;
  /** Without --json and --out, print this text as is (e.g. an exported file). */
  rawOutput?: (result: unknown) => string;
}
