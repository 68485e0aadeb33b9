/**
 * The same facts through the real command line (a separate process, like `npm run cli`):
 * linking and unlinking people with --actor/--reason, a refused deletion with its French
 * hint, a birth date that recalls an export, its recipient, and the recall letter.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import type { ConsentDashboard, PersonConsent, Recording } from '../../src-shared/contract/schemas';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { localToday } from '../../src-shared/age';
import { frenchLongDate as frenchDate } from '../../src-shared/frenchDate';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-people-cli-');
const library = path.join(root, 'library');
const ctx = createApiContext(library, 'http', { trusted: true });
afterAll(() => closeApiContext(ctx));
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('people in recordings and the recall, from the command line', () => {
  it('links, unlinks with a reason, refuses to delete, recalls on a birth date, records the recipient and writes the letter', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Témoignages Lorient', kind: 'testimony-campaign' })).id;
    const person = async (displayName: string, refuse?: string) => {
      const id = (await call<{ id: number }>('people.add', { projectId, displayName, role: 'young-person' })).id;
      for (const scope of ['recording', 'workshop', 'partners', 'elected', 'public'])
        await call(
          'consent.set',
          scope === refuse ? { personId: id, scope, status: 'refused' } : { personId: id, scope, status: 'granted', method: 'signed-form' },
        );
      return id;
    };
    const lea = await person('Léa Martin');
    const karim = await person('Karim Haddad', 'elected');
    const take = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, 'temoignage.mp4', 3),
      projectId,
      kind: 'testimony',
      title: 'Témoignage menuiserie',
    });

    const added = cli(
      'recordings',
      'people',
      'add',
      '--recording',
      String(take.id),
      '--person',
      String(lea),
      '--part',
      'apprentie',
      '--actor',
      'Sophie',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).recording.people).toEqual([expect.objectContaining({ personId: lea, part: 'apprentie' })]);
    expect(cli('recordings', 'people', 'add', '--recording', String(take.id), '--person', String(karim)).code).toBe(0);

    const refused = cli('recordings', 'people', 'remove', '--recording', String(take.id), '--person', String(karim));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Karim Haddad');
    expect(refused.stderr).toContain('--actor');
    const removed = cli(
      'recordings',
      'people',
      'remove',
      '--recording',
      String(take.id),
      '--person',
      String(karim),
      '--actor',
      'Sophie',
      '--reason',
      'hors champ',
      '--json',
    );
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout).people.map((p: { personId: number }) => p.personId)).toEqual([lea]);
    const karimLog = (await call<PersonConsent>('consent.show', { personId: karim })).history.at(-1)!;
    expect(karimLog).toMatchObject({ action: 'recording-unlinked', actor: 'Sophie', reason: 'hors champ' });

    const deletion = cli('people', 'delete', String(lea));
    expect(deletion.code).toBe(1);
    expect(deletion.stderr).toContain("utilisez « Effacer ses données » (droit à l'effacement)");

    const made = (
      await call<{ export: ExportRecord }>('render.start', {
        target: { kind: 'range', recordingId: take.id, fromSeconds: 0.5, toSeconds: 2.5 },
        audience: 'elected',
        wait: true,
      })
    ).export;
    const handedOverOn = localToday(); // a hand-over cannot be dated in the future
    const recipient = cli(
      'exports',
      'recipient',
      'add',
      '--export',
      String(made.id),
      '--name',
      'Région Bretagne — service Jeunesse',
      '--date',
      handedOverOn,
      '--json',
    );
    expect(recipient.code, recipient.stderr).toBe(0);
    const recipientId = JSON.parse(recipient.stdout).id as number;

    const minor = cli('people', 'update', String(lea), '--birth-date', '2011-05-05', '--actor', 'Sophie', '--reason', 'vérifié', '--json');
    expect(minor.code, minor.stderr).toBe(0);
    const adult = cli('people', 'update', String(lea), '--birth-date', '');
    expect(adult.code).toBe(2);
    expect(adult.stderr).toContain('--actor');

    const dashboard = cli('consent', 'dashboard', '--project', String(projectId), '--json');
    const flagged = (JSON.parse(dashboard.stdout) as ConsentDashboard).flaggedExports;
    expect(flagged).toEqual([
      expect.objectContaining({
        id: made.id,
        flagReason: expect.stringMatching(
          /^Date de naissance de Léa Martin corrigée le \d{1,2}(er)? \S+ \d{4} : Léa Martin a moins de 18 ans et son propre accord manque pour le tournage$/,
        ),
        recipients: [expect.objectContaining({ name: 'Région Bretagne — service Jeunesse', givenOn: handedOverOn })],
      }),
    ]);

    const out = path.join(root, 'lettre.pdf');
    const letter = cli('exports', 'recall-letter', '--export', String(made.id), '--recipient', String(recipientId), '--out', out, '--json');
    expect(letter.code, letter.stderr).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`« ${made.label} »`);
    expect(text).toContain('Région Bretagne — service Jeunesse');
    expect(text).toContain(`Le ${frenchDate(handedOverOn)}, nous vous avons remis`);
    expect(text).not.toMatch(/Léa|Martin|2011/);
  }, 180_000);
});
