// Given and family names through the API and the CLI; a single name is still accepted and split.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import type { Person } from '../../src-shared/contract/schemas';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const dir = path.join(makeTempDir('eric-names-'), 'library');
const ctx = createApiContext(dir, 'http', { trusted: true });
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
afterAll(() => ctx.library.db.open && closeApiContext(ctx));

describe('people names', () => {
  it('keeps given and family names apart, shows given first, and flags doubtful single names', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Noms', kind: 'testimony-campaign' })).id;
    const samira = await call<Person>('people.add', { projectId, givenName: 'Samira', familyName: 'Benali', role: 'young-person' });
    expect(samira).toMatchObject({ givenName: 'Samira', familyName: 'Benali', displayName: 'Samira Benali', nameNeedsReview: false });
    const typed = await call<Person>('people.add', { projectId, displayName: 'BENALI Karima', role: 'young-person' });
    expect(typed).toMatchObject({ givenName: 'BENALI', familyName: 'Karima', nameNeedsReview: true });
    const fixed = await call<Person>('people.update', { id: typed.id, changes: { givenName: 'Karima', familyName: 'BENALI' } });
    expect(fixed).toMatchObject({ givenName: 'Karima', familyName: 'BENALI', displayName: 'Karima BENALI', nameNeedsReview: false });
    const renamed = await call<Person>('people.update', { id: samira.id, changes: { familyName: 'Haddad' } });
    expect(renamed).toMatchObject({ givenName: 'Samira', familyName: 'Haddad', displayName: 'Samira Haddad' });
    await expect(call('people.add', { projectId, role: 'other' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(call('people.update', { id: samira.id, changes: { givenName: '  ' } })).rejects.toMatchObject({ code: 'invalid-input' });

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', dir], { cwd: repo, encoding: 'utf8' });
    closeApiContext(ctx);
    const added = cli(
      'people',
      'add',
      '--project',
      String(projectId),
      '--given-name',
      'Léa',
      '--family-name',
      'de La Fontaine',
      '--role',
      'tutor',
      '--json',
    );
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ givenName: 'Léa', familyName: 'de La Fontaine', nameNeedsReview: false });
    const legacy = cli('people', 'add', '--project', String(projectId), '--name', 'Jean van Dijk', '--role', 'tutor', '--json');
    expect(JSON.parse(legacy.stdout)).toMatchObject({ givenName: 'Jean', familyName: 'van Dijk', nameNeedsReview: true });
    const missing = cli('people', 'add', '--project', String(projectId), '--family-name', 'Seul', '--role', 'tutor');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/--given-name/);
  }, 60_000);
});
