// The command line's own refusals (an unknown command, an option it does not know, a
// missing value, an extra argument) are French like every other error, and name what is
// wrong: node's parseArgs says them in English, runCli says them again in French. None of
// them opens a library.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/runCli';

async function run(...argv: string[]): Promise<{ code: number; err: string; out: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, err: err.join('\n'), out: out.join('\n') };
}

describe('CLI refusals in French', () => {
  it('an unknown command is named, and the list of commands follows', async () => {
    const result = await run('clips', 'explode');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Erreur : la commande « clips explode » n’existe pas\./);
  });

  it('an unknown option is named', async () => {
    const result = await run('projects', 'list', '--bogus');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Erreur : l’option --bogus n’existe pas pour cette commande\.\nUsage : eric-studio projects list/);
    expect(result.err).not.toMatch(/Unknown option|positional/);
  });

  it('an option without its value, a switch given a value, an extra argument', async () => {
    const missing = await run('projects', 'create', '--name');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Erreur : l’option --name attend une valeur après elle\./);
    const valued = await run('projects', 'list', '--json=oui');
    expect(valued.code).toBe(2);
    expect(valued.err).toMatch(/^Erreur : l’option --json ne prend pas de valeur\./);
  });
});
