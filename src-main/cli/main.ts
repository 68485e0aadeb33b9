/**
 * Entry of the `eric-studio` command (and `npm run cli -- …`).
 */
import { runCli } from './runCli';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
