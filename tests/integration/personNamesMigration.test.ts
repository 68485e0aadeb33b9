// Migration 14 on a library written before it: names are split, doubtful splits flagged, nothing else moves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/library/database';
import { migrations } from '../../src-main/library/migrations';

describe('migration 14: given and family names', () => {
  it('splits existing names on the first space and flags the doubtful ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eric-names-'));
    const file = path.join(dir, 'library.sqlite');
    const index = migrations.findIndex((migration) => migration.version === 14);
    const before = openDatabase(file, { migrations: migrations.slice(0, index) });
    before.prepare("INSERT INTO projects (id, name, kind, created_at, updated_at) VALUES (1, 'P', 'testimony-campaign', 'x', 'x')").run();
    const names = ['Samira Benali', 'Léa', 'BENALI Samira', 'Jean de La Fontaine', 'Marie Claire Dupont', 'Karim HADDAD'];
    const insert = before.prepare(
      "INSERT INTO people (project_id, display_name, role, created_at, updated_at) VALUES (1, ?, 'young-person', 'x', 'x')",
    );
    for (const name of names) insert.run(name);
    before.close();

    const after = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    const rows = after.prepare('SELECT display_name, given_name, family_name, name_needs_review FROM people ORDER BY id').all();
    expect(rows).toEqual([
      { display_name: 'Samira Benali', given_name: 'Samira', family_name: 'Benali', name_needs_review: 0 },
      { display_name: 'Léa', given_name: 'Léa', family_name: '', name_needs_review: 0 },
      { display_name: 'BENALI Samira', given_name: 'BENALI', family_name: 'Samira', name_needs_review: 1 },
      { display_name: 'Jean de La Fontaine', given_name: 'Jean', family_name: 'de La Fontaine', name_needs_review: 1 },
      { display_name: 'Marie Claire Dupont', given_name: 'Marie', family_name: 'Claire Dupont', name_needs_review: 1 },
      { display_name: 'Karim HADDAD', given_name: 'Karim', family_name: 'HADDAD', name_needs_review: 0 },
    ]);
    after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
