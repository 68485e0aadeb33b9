/**
 * Entry of `npm run serve -- --library <dir> --port <n>`: starts browser mode.
 */
import { AppError } from '../../src-shared/appError';
import { runServe } from './serveCommand';

runServe(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Error: ${message}`);
  if (error instanceof AppError && error.hint) console.error(error.hint);
  process.exit(1);
});
