import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const library = path.join(makeTempDir('eric-cli-'), 'library');

/** Runs the real CLI as a separate process, like `npm run cli -- …`. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('eric-studio CLI', () => {
  it('creates and lists projects and people as JSON', () => {
    const created = cli(
      'projects',
      'create',
      '--name',
      'Atelier Quimper',
      '--kind',
      'interview-workshop',
      '--place',
      'ERIC Quimper',
      '--library',
      library,
      '--json',
    );
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout);
    expect(project).toMatchObject({ name: 'Atelier Quimper', place: 'ERIC Quimper' });

    const person = cli(
      'people',
      'add',
      '--project',
      String(project.id),
      '--name',
      'Inès',
      '--role',
      'job-seeker',
      '--birth-date',
      '2008-09-01',
      '--library',
      library,
      '--json',
    );
    expect(person.code).toBe(0);
    expect(JSON.parse(person.stdout)).toMatchObject({ displayName: 'Inès', role: 'job-seeker', birthDate: '2008-09-01' });

    const session = cli('sessions', 'create', '--project', String(project.id), '--date', '2026-11-20', '--library', library, '--json');
    expect(session.code).toBe(0);

    const listed = cli('projects', 'list', '--library', library, '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: project.id, sessionCount: 1, peopleCount: 1 })]);
    const people = cli('people', 'list', '--project', String(project.id), '--library', library, '--json');
    expect(JSON.parse(people.stdout).map((p: { displayName: string }) => p.displayName)).toEqual(['Inès']);

    const table = cli('projects', 'list', '--library', library);
    expect(table.stdout).toMatch(/Atelier Quimper/);
  });

  it('names the bad flag on stderr and exits non-zero, changing nothing', () => {
    const badDate = cli('sessions', 'create', '--project', '1', '--date', '20/11/2026', '--library', library, '--json');
    expect(badDate.code).toBe(2);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toMatch(/--date/);
    const badRole = cli('people', 'add', '--project', '1', '--name', 'X', '--role', 'boss', '--library', library);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/role/);
    const unknownProject = cli('people', 'list', '--project', '99', '--library', library, '--json');
    expect(unknownProject.code).toBe(1);
    expect(unknownProject.stderr).toMatch(/Aucun projet n’a le numéro 99/);
    const badId = cli('people', 'list', '--project', 'abc', '--library', library);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/L’option --project attend un numéro \(un nombre entier positif\)/);
    const unknownFlag = cli('projects', 'list', '--colour', 'red', '--library', library);
    expect(unknownFlag.code).toBe(2);
    const people = JSON.parse(cli('people', 'list', '--project', '1', '--library', library, '--json').stdout);
    expect(people).toHaveLength(1);
  });

  it('calls the import’s file the argument <file>, never a flag, in its errors', () => {
    const missing = cli('import', '--project', '1', '--library', library);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Il manque le fichier à importer : eric-studio import <file>/);
    const empty = path.join(path.dirname(library), 'vide.mp4');
    fs.writeFileSync(empty, '');
    const refused = cli('import', empty, '--project', '1', '--library', library);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Le fichier est vide.*\(argument <file>\)/);
    for (const result of [missing, refused]) expect(result.stderr).not.toContain('--file');
  });

  it('lists every command in --help and refuses unknown commands', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['projects create', 'projects list', 'sessions create', 'sessions list', 'people add', 'people list']) {
      expect(help.stdout).toContain(command);
    }
    const unknown = cli('clips', 'explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/la commande « clips explode » n’existe pas/);
  });
});
