/**
 * CLI verbs for who is in a recording and who a person is (audited: --actor and --reason
 * go into the consent log), a clip's confirmed narrowing, and the recall: to whom an
 * export was given, the notification letter, and the rebuild of a corrected version.
 */
import path from 'node:path';
import type { PersonRole } from '../../src-shared/contract/schemas';
import { list, parseIdFlag, requireFlag, str, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';
import { copyOutputFile } from '../platform/outputPath';

const AUDIT_FLAGS = { actor: { type: 'string' }, reason: { type: 'string' } } as const;
const audit = (flags: Flags) => ({ actor: str(flags, 'actor'), reason: str(flags, 'reason') });
const RECORDING_PEOPLE_COLUMNS = ['id', 'title', 'people'];
const showPeople = (result: unknown) => {
  const recording = ((result as { recording?: unknown }).recording ?? result) as {
    id: number;
    title: string;
    people: Array<{ personId: number; displayName: string; part: string }>;
  };
  return {
    ...recording,
    people: recording.people
      .map((person) => `${person.personId}:${person.displayName}${person.part ? ` (${person.part})` : ''}`)
      .join(', '),
  };
};

export const PEOPLE_COMMANDS: CliCommand[] = [
  {
    name: 'recordings people add',
    usage: 'recordings people add --recording <id> --person <id> [--part <text>] [--actor <name>] [--reason <text>]',
    summary: 'Link a person to a recording (logged; exports already made from it are recalled if the person blocks them)',
    flags: { recording: { type: 'string' }, person: { type: 'string' }, part: { type: 'string' }, ...AUDIT_FLAGS },
    method: 'recordings.linkPerson',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      part: str(flags, 'part'),
      ...audit(flags),
    }),
    columns: RECORDING_PEOPLE_COLUMNS,
    afterResult: (result, flags) => (flags.json ? result : showPeople(result)),
  },
  {
    name: 'recordings people remove',
    usage: 'recordings people remove --recording <id> --person <id> [--actor <name>] [--reason <text>]',
    summary: 'Unlink a person from a recording (logged; needs --actor and --reason once exported or after a refusal)',
    flags: { recording: { type: 'string' }, person: { type: 'string' }, ...AUDIT_FLAGS },
    method: 'recordings.unlinkPerson',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      ...audit(flags),
    }),
    columns: RECORDING_PEOPLE_COLUMNS,
    afterResult: (result, flags) => (flags.json ? result : showPeople(result)),
  },
  {
    name: 'people appearances',
    usage: 'people appearances --person <id>',
    summary: 'The recordings a person is linked to (session day, part) and every export that showed them',
    flags: { person: { type: 'string' } },
    method: 'people.appearances',
    toInput: (flags) => ({ personId: parseIdFlag(str(flags, 'person'), 'person') }),
    columns: ['kind', 'id', 'what', 'when', 'detail'],
    afterResult: (result, flags) => {
      if (flags.json) return result;
      const { recordings, exports } = result as {
        recordings: Array<{ recordingId: number; title: string; sessionDate: string | null; part: string }>;
        exports: Array<{ id: number; label: string; createdAt: string; audience: string; flaggedAt: string | null }>;
      };
      return [
        ...recordings.map((r) => ({ kind: 'vidéo', id: r.recordingId, what: r.title, when: r.sessionDate ?? '', detail: r.part })),
        ...exports.map((e) => ({
          kind: 'export',
          id: e.id,
          what: e.label,
          when: e.createdAt.slice(0, 10),
          detail: `${e.audience}${e.flaggedAt ? ' (à rappeler)' : ''}`,
        })),
      ];
    },
  },
  {
    name: 'people update',
    usage: 'people update <id> [--name <display name>] [--role <role>] [--birth-date YYYY-MM-DD|""] [--actor <name>] [--reason <text>]',
    summary: 'Change a person (name and birth date changes are logged and recall the exports they no longer allow)',
    flags: { name: { type: 'string' }, role: { type: 'string' }, 'birth-date': { type: 'string' }, ...AUDIT_FLAGS },
    method: 'people.update',
    toInput: (flags, positionals) => {
      const birthDate = str(flags, 'birth-date');
      return {
        id: parseIdFlag(positionals[0], 'id'),
        changes: {
          displayName: str(flags, 'name'),
          role: str(flags, 'role') as PersonRole | undefined,
          birthDate: birthDate === undefined ? undefined : birthDate === '' ? null : birthDate,
        },
        ...audit(flags),
      };
    },
    columns: ['id', 'displayName', 'role', 'birthDate'],
  },
  {
    name: 'people delete',
    usage: 'people delete <id> [--actor <name>] [--reason <text>]',
    summary: 'Delete a person who appears in no recording and no export (otherwise: people erase)',
    flags: { ...AUDIT_FLAGS },
    method: 'people.delete',
    toInput: (flags, positionals) => ({ id: parseIdFlag(positionals[0], 'id'), ...audit(flags) }),
    columns: ['id', 'deleted'],
  },
  {
    name: 'clip people',
    usage: 'clip people --clip <id> --person <id>… [--confirm] [--actor <name>] [--reason <text>]',
    summary:
      'Say who appears in a clip (default: everyone in the recording); leaving people out needs --confirm ("Je confirme que seules ces personnes apparaissent dans cet extrait")',
    flags: { clip: { type: 'string' }, person: { type: 'string', multiple: true }, confirm: { type: 'boolean' }, ...AUDIT_FLAGS },
    method: 'clips.setPeople',
    toInput: (flags) => ({
      clipId: parseIdFlag(str(flags, 'clip'), 'clip'),
      personIds: list(flags, 'person').map((id) => parseIdFlag(id, 'person')),
      confirmed: flags.confirm === true ? true : undefined,
      ...audit(flags),
    }),
    columns: ['id', 'name', 'excludedPersonIds', 'peopleConfirmedAt'],
  },
  {
    name: 'exports recipient add',
    usage: 'exports recipient add --export <id> --name <service or person> [--date YYYY-MM-DD] [--actor <name>]',
    summary: 'Record to whom an export or a pack was given (they are listed for notification if it is recalled)',
    flags: { export: { type: 'string' }, name: { type: 'string' }, date: { type: 'string' }, actor: { type: 'string' } },
    method: 'exports.addRecipient',
    toInput: (flags) => ({
      exportId: parseIdFlag(str(flags, 'export'), 'export'),
      name: requireFlag(str(flags, 'name'), 'name'),
      givenOn: str(flags, 'date'),
      actor: str(flags, 'actor'),
    }),
    columns: ['id', 'exportId', 'name', 'givenOn'],
  },
  {
    name: 'exports recipients',
    usage: 'exports recipients --export <id>',
    summary: 'To whom an export or a pack was given',
    flags: { export: { type: 'string' } },
    method: 'exports.recipients',
    toInput: (flags) => ({ exportId: parseIdFlag(str(flags, 'export'), 'export') }),
    columns: ['id', 'name', 'givenOn'],
  },
  {
    name: 'exports recall-letter',
    outputKind: 'file',
    usage: 'exports recall-letter --export <id> --recipient <id> [--out <file.pdf>]',
    summary: 'The letter asking a recipient to delete a recalled export (PDF, French); --out also copies it there',
    flags: { export: { type: 'string' }, recipient: { type: 'string' }, out: { type: 'string' } },
    method: 'exports.recallLetter',
    toInput: (flags) => ({
      exportId: parseIdFlag(str(flags, 'export'), 'export'),
      recipientId: parseIdFlag(str(flags, 'recipient'), 'recipient'),
    }),
    columns: ['assetId', 'fileName', 'sizeBytes', 'out'],
    afterResult: (result, flags, ctx) => {
      const out = str(flags, 'out');
      if (!out) return result;
      const source = ctx.library.mediaAssets.resolve((result as { assetId: number }).assetId).absolutePath;
      return {
        ...(result as object),
        out: copyOutputFile(source, out, { libraryDir: ctx.library.dir, force: flags.force === true, field: 'out' }),
      };
    },
  },
  {
    name: 'exports rebuild',
    usage: 'exports rebuild --export <id> [--out <new file or folder>]',
    summary: 'Make the corrected version of a recalled export (consent is asked again)',
    flags: { export: { type: 'string' }, out: { type: 'string' } },
    method: 'exports.rebuild',
    toInput: (flags) => ({
      exportId: parseIdFlag(str(flags, 'export'), 'export'),
      destination: str(flags, 'out') === undefined ? undefined : path.resolve(str(flags, 'out')!),
      overwrite: flags.force === true ? true : undefined,
      wait: true,
    }),
    columns: ['jobId'],
    showsProgress: true,
  },
];
