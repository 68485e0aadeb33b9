import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src-main/library/library';
import { LATEST_SCHEMA_VERSION } from '../../src-main/library/migrations';
import { makeTempDir } from '../helpers/tempDir';

describe('a crash during a migration', () => {
  it('leaves the library at its previous version with its data, and it opens', async () => {
    const dir = path.join(makeTempDir('eric-migration-'), 'library');
    const library = Library.open(dir);
    library.createProject({ name: 'Avant la mise à jour', kind: 'interview-workshop' });
    library.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(__dirname, '../helpers/killableMigration.ts'), path.join(dir, 'library.sqlite')],
      {
        cwd: path.resolve(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 800)); // well inside the 50-million-row insert
    child.kill('SIGKILL');
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    expect(exit).toBe('SIGKILL'); // it was killed, not finished

    const reopened = Library.open(dir);
    try {
      expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(reopened.projects.list().map((p) => p.name)).toEqual(['Avant la mise à jour']);
      expect(reopened.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  });
});
