/**
 * Every CLI verb, gathered from the files that define them; `runCli` looks commands up
 * here only, so verb files never import each other (no circle).
 */
import type { CliCommand } from './cliCommand';
import { CORE_COMMANDS } from './commands';
import { EDITING_COMMANDS } from './editingCommands';
import { PACK_COMMANDS } from './packCommands';
import { PEOPLE_COMMANDS } from './peopleCommands';
import { RETENTION_COMMANDS } from './retentionCommands';
import { REVIEW_WINDOW_COMMANDS } from './reviewWindowCommands';
import { FACE_COMMANDS } from './faceCommands';

export const CLI_COMMANDS: readonly CliCommand[] = [
  ...CORE_COMMANDS,
  ...EDITING_COMMANDS,
  ...PACK_COMMANDS,
  ...PEOPLE_COMMANDS,
  ...RETENTION_COMMANDS,
  ...REVIEW_WINDOW_COMMANDS,
  ...FACE_COMMANDS,
];
