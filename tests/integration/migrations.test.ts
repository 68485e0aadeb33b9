// Each migration on its own: applied on top of the ones before it, on a real SQLite file,
// it bumps the schema version, adds schema objects, and keeps every object already there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/library/database';
import { migrations } from '../../src-main/library/migrations';
import os from 'node:os';

function schemaObjects(db: ReturnType<typeof openDatabase>): string[] {
  return (db.prepare('SELECT type, name FROM sqlite_master ORDER BY name').all() as Array<{ type: string; name: string }>).map(
    (row) => `${row.type}:${row.name}`,
  );
}

describe('migrations, one at a time', () => {
  it('are numbered in order with no repeat', () => {
    const versions = migrations.map((migration) => migration.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.each(migrations.map((migration, index) => [migration.version, migration.name, index] as const))(
    'migration %i (%s) applies on the ones before it and keeps their objects',
    (version, _name, index) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eric-migration-'));
      const file = path.join(dir, 'library.sqlite');
      const before = openDatabase(file, { migrations: migrations.slice(0, index) });
      const objectsBefore = schemaObjects(before);
      before.close();

      const after = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
      expect(after.pragma('user_version', { simple: true })).toBe(version);
      const objectsAfter = schemaObjects(after);
      expect(objectsAfter.length).toBeGreaterThan(objectsBefore.length);
      for (const object of objectsBefore) expect(objectsAfter).toContain(object);
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      after.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
