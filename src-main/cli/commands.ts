/**
 * The CLI verbs of the library itself (projects, sessions, people, recordings, consent,
 * comments, backups, search). Each turns flags into the input of one API method and goes
 * through the same `dispatch` (and so the same validation) as the UI.
 */
import type { PersonConsent, PersonRole, ProjectKind, RecordingKind } from '../../src-shared/contract/schemas';
import { consentRegisterText } from '../consent/consentRegisterText';
import { parseIdFlag, requireFlag, requirePositional, str, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';
import { parseTimecode } from '../../src-shared/time';
import { verifyBackup } from '../library/backup';
import { restoreBackup } from '../app';
import { AppError } from '../../src-shared/appError';
import { copyOutputFile, writeOutputFile } from '../platform/outputPath';

const optionalNull = (value: string | undefined) => (value === undefined ? undefined : value === '' ? null : value);

export const CORE_COMMANDS: CliCommand[] = [
  {
    name: 'info',
    usage: 'info',
    summary: 'Show the library folder, schema version and the ffmpeg in use',
    flags: {},
    method: 'system.info',
    toInput: () => ({}),
    columns: [],
  },
  {
    name: 'projects create',
    usage:
      'projects create --name <name> --kind interview-workshop|testimony-campaign [--place <ERIC>] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--description <text>]',
    summary: 'Create a project (a workshop series or a testimony campaign)',
    flags: {
      name: { type: 'string' },
      kind: { type: 'string' },
      place: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      description: { type: 'string' },
    },
    method: 'projects.create',
    toInput: (flags) => ({
      name: requireFlag(str(flags, 'name'), 'name'),
      kind: requireFlag(str(flags, 'kind'), 'kind') as ProjectKind,
      place: str(flags, 'place'),
      startDate: optionalNull(str(flags, 'start')),
      endDate: optionalNull(str(flags, 'end')),
      description: str(flags, 'description'),
    }),
    columns: ['id', 'name', 'kind', 'place', 'startDate', 'endDate'],
  },
  {
    name: 'projects list',
    usage: 'projects list',
    summary: 'List projects, most recently changed first',
    flags: {},
    method: 'projects.list',
    toInput: () => ({}),
    columns: ['id', 'name', 'kind', 'place', 'sessionCount', 'peopleCount'],
  },
  {
    name: 'projects show',
    usage: 'projects show <id>',
    summary: 'Show one project',
    flags: {},
    method: 'projects.get',
    toInput: (_flags, positionals) => ({ id: parseIdFlag(positionals[0], 'id') }),
    columns: ['id', 'name', 'kind', 'place', 'startDate', 'endDate', 'sessionCount', 'peopleCount'],
  },
  {
    name: 'projects delete',
    usage: 'projects delete <id>',
    summary: 'Delete a project with its sessions and people',
    flags: {},
    method: 'projects.delete',
    toInput: (_flags, positionals) => ({ id: parseIdFlag(positionals[0], 'id') }),
    columns: ['id', 'deleted'],
  },
  {
    name: 'sessions create',
    usage: 'sessions create --project <id> --date YYYY-MM-DD [--title <text>] [--animator <person id>]',
    summary: 'Add a session (a workshop or filming day) to a project',
    flags: { project: { type: 'string' }, date: { type: 'string' }, title: { type: 'string' }, animator: { type: 'string' } },
    method: 'sessions.create',
    toInput: (flags) => ({
      projectId: parseIdFlag(str(flags, 'project'), 'project'),
      date: requireFlag(str(flags, 'date'), 'date'),
      title: str(flags, 'title'),
      animatorPersonId: str(flags, 'animator') === undefined ? undefined : parseIdFlag(str(flags, 'animator'), 'animator'),
    }),
    columns: ['id', 'projectId', 'date', 'title', 'animatorPersonId'],
  },
  {
    name: 'sessions list',
    usage: 'sessions list --project <id>',
    summary: "List a project's sessions, newest first",
    flags: { project: { type: 'string' } },
    method: 'sessions.list',
    toInput: (flags) => ({ projectId: parseIdFlag(str(flags, 'project'), 'project') }),
    columns: ['id', 'date', 'title', 'animatorPersonId'],
  },
  {
    name: 'people add',
    usage:
      'people add --project <id> (--given-name <prénom> [--family-name <nom>] | --name <given then family name>) --role job-seeker|young-person|employer|tutor|animator|other [--birth-date YYYY-MM-DD]',
    summary: 'Add a person to a project (given and family names apart; --name is split on its first space)',
    flags: {
      project: { type: 'string' },
      name: { type: 'string' },
      'given-name': { type: 'string' },
      'family-name': { type: 'string' },
      role: { type: 'string' },
      'birth-date': { type: 'string' },
    },
    method: 'people.add',
    toInput: (flags) => {
      const givenName = str(flags, 'given-name');
      const familyName = str(flags, 'family-name');
      const names =
        givenName !== undefined || familyName !== undefined
          ? { givenName: requireFlag(givenName, 'given-name'), ...(familyName !== undefined ? { familyName } : {}) }
          : { displayName: requireFlag(str(flags, 'name'), 'name') };
      return {
        projectId: parseIdFlag(str(flags, 'project'), 'project'),
        ...names,
        role: requireFlag(str(flags, 'role'), 'role') as PersonRole,
        birthDate: optionalNull(str(flags, 'birth-date')),
      };
    },
    columns: ['id', 'projectId', 'givenName', 'familyName', 'role', 'birthDate', 'nameNeedsReview'],
  },
  {
    name: 'people list',
    usage: 'people list --project <id>',
    summary: "List a project's people",
    flags: { project: { type: 'string' } },
    method: 'people.list',
    toInput: (flags) => ({ projectId: parseIdFlag(str(flags, 'project'), 'project') }),
    columns: ['id', 'givenName', 'familyName', 'role', 'birthDate', 'nameNeedsReview'],
  },
];

const RECORDING_COLUMNS = ['id', 'kind', 'title', 'status', 'durationSeconds', 'width', 'height', 'hasVideo', 'hasAudio'];

/** `--person 3` or `--person 3:candidate`, repeatable. */
function peopleFlags(flags: Flags): Array<{ personId: number; part?: string }> {
  const values = (flags.person as string[] | undefined) ?? [];
  return values.map((value) => {
    const [id, part] = value.split(':', 2);
    return { personId: parseIdFlag(id, 'person'), ...(part ? { part } : {}) };
  });
}

CORE_COMMANDS.push(
  {
    name: 'import',
    usage: 'import <file> (--session <id> | --project <id>) [--kind interview|testimony] [--title <t>] [--person <id>[:<part>]]…',
    summary: 'Copy a video into the library (the source is never changed) and prepare it: master, thumbnails, waveform',
    flags: {
      session: { type: 'string' },
      project: { type: 'string' },
      kind: { type: 'string' },
      title: { type: 'string' },
      person: { type: 'string', multiple: true },
    },
    method: 'recordings.importFile',
    toInput: (flags, positionals) => ({
      path: requirePositional(positionals[0], 'le fichier à importer', 'path', 'eric-studio import <file> --session <id>'),
      sessionId: str(flags, 'session') === undefined ? undefined : parseIdFlag(str(flags, 'session'), 'session'),
      projectId: str(flags, 'project') === undefined ? undefined : parseIdFlag(str(flags, 'project'), 'project'),
      kind: (str(flags, 'kind') ?? 'interview') as RecordingKind,
      title: str(flags, 'title'),
      people: peopleFlags(flags),
    }),
    columns: RECORDING_COLUMNS,
    showsProgress: true,
  },
  {
    name: 'recordings list',
    usage: 'recordings list [--project <id>] [--session <id>]',
    summary: 'List recordings, newest first',
    flags: { project: { type: 'string' }, session: { type: 'string' } },
    method: 'recordings.list',
    toInput: (flags) => ({
      projectId: str(flags, 'project') === undefined ? undefined : parseIdFlag(str(flags, 'project'), 'project'),
      sessionId: str(flags, 'session') === undefined ? undefined : parseIdFlag(str(flags, 'session'), 'session'),
    }),
    columns: RECORDING_COLUMNS,
  },
  {
    name: 'recordings show',
    usage: 'recordings show <id>',
    summary: 'Show one recording with its people and markers',
    flags: {},
    method: 'recordings.get',
    toInput: (_flags, positionals) => ({ id: parseIdFlag(positionals[0], 'id') }),
    columns: RECORDING_COLUMNS,
  },
  {
    name: 'recordings delete',
    usage: 'recordings delete <id>',
    summary: 'Delete a recording: its rows and every one of its files',
    flags: {},
    method: 'recordings.delete',
    toInput: (_flags, positionals) => ({ id: parseIdFlag(positionals[0], 'id') }),
    columns: ['id', 'deleted'],
  },
  {
    name: 'recordings resolve-review',
    usage:
      'recordings resolve-review --recording <id> --resolution cut-out|confirmed-absent|deleted [--keep <from>-<to>]… [--actor <name>] [--reason <text>]',
    summary:
      'After an erasure: keep only the parts without the erased person (cut-out, one --keep per part), confirm they are not in it (--actor and --reason), or delete it; logged',
    flags: {
      recording: { type: 'string' },
      resolution: { type: 'string' },
      keep: { type: 'string', multiple: true },
      actor: { type: 'string' },
      reason: { type: 'string' },
    },
    method: 'recordings.resolveReview',
    toInput: (flags) => {
      const resolution = requireFlag(str(flags, 'resolution'), 'resolution');
      const keep = ((flags.keep as string[] | undefined) ?? []).map((range, index) => {
        const [from, to, ...rest] = range.split('-');
        if (from === undefined || to === undefined || rest.length) {
          throw new AppError('invalid-input', `--keep « ${range} » doit s’écrire <début>-<fin>, par exemple 00:00:05-00:00:40.`, {
            field: `keep.${index}`,
          });
        }
        return { fromSeconds: parseTimecode(from, 'keep'), toSeconds: parseTimecode(to, 'keep') };
      });
      return {
        recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
        resolution,
        ...(keep.length ? { keep } : {}),
        // confirming someone is absent needs a named person, never the default
        actor: str(flags, 'actor') ?? (resolution === 'confirmed-absent' ? undefined : 'cli'),
        reason: str(flags, 'reason'),
      };
    },
    columns: ['recordingId', 'resolution', 'clipIds'],
  },
);

const ON_FLAG = { on: { type: 'string' as const } };

CORE_COMMANDS.push(
  {
    name: 'consent set',
    usage:
      'consent set --person <id> --scope recording|workshop|partners|elected|public --status granted|refused|pending|withdrawn [--method signed-form|on-screen-signature|filmed-oral-consent] [--condition face-blurred|voice-altered|first-name-only|no-name]… [--date YYYY-MM-DD] [--expires YYYY-MM-DD|never] [--minor-agreed] [--guardian <id>]… [--evidence-recording <id>] [--place <where>] [--form-version <v>] [--actor <name>] [--reason <text>]',
    summary: 'Record a consent decision (logged in the audit log; a withdrawal flags earlier exports to recall)',
    flags: {
      person: { type: 'string' },
      scope: { type: 'string' },
      status: { type: 'string' },
      method: { type: 'string' },
      condition: { type: 'string', multiple: true },
      date: { type: 'string' },
      expires: { type: 'string' },
      'minor-agreed': { type: 'boolean' },
      guardian: { type: 'string', multiple: true },
      'evidence-recording': { type: 'string' },
      place: { type: 'string' },
      'form-version': { type: 'string' },
      actor: { type: 'string' },
      reason: { type: 'string' },
    },
    method: 'consent.set',
    toInput: (flags) => ({
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      scope: requireFlag(str(flags, 'scope'), 'scope') as 'recording',
      status: requireFlag(str(flags, 'status'), 'status') as 'granted',
      method: str(flags, 'method') as 'signed-form' | undefined,
      conditions: flags.condition as Array<'face-blurred'> | undefined,
      decidedOn: str(flags, 'date'),
      expiresOn: str(flags, 'expires') === 'never' ? null : str(flags, 'expires'),
      minorAgreed: flags['minor-agreed'] === true ? true : undefined,
      guardianIds: (flags.guardian as string[] | undefined)?.map((id) => parseIdFlag(id, 'guardian')),
      evidenceRecordingId:
        str(flags, 'evidence-recording') === undefined ? undefined : parseIdFlag(str(flags, 'evidence-recording'), 'evidence-recording'),
      place: str(flags, 'place'),
      formVersion: str(flags, 'form-version'),
      actor: str(flags, 'actor') ?? 'cli',
      reason: str(flags, 'reason'),
    }),
    columns: [],
  },
  {
    name: 'consent set-many',
    usage:
      'consent set-many --person <id> --scope recording|workshop|partners|elected|public… --status granted|refused|pending|withdrawn [--method signed-form|on-screen-signature|filmed-oral-consent] [--date YYYY-MM-DD] [--place <where>] [--actor <name>] [--reason <text>]',
    summary: 'Record the same decision for several scopes of one person at once (one transaction; one audit row per scope)',
    flags: {
      person: { type: 'string' },
      scope: { type: 'string', multiple: true },
      status: { type: 'string' },
      method: { type: 'string' },
      date: { type: 'string' },
      place: { type: 'string' },
      actor: { type: 'string' },
      reason: { type: 'string' },
    },
    method: 'consent.setMany',
    toInput: (flags) => ({
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      changes: ((flags.scope as string[] | undefined) ?? [requireFlag(undefined, 'scope')]).map((scope) => ({
        scope: scope as 'recording',
        status: requireFlag(str(flags, 'status'), 'status') as 'granted',
        method: str(flags, 'method') as 'signed-form' | undefined,
        decidedOn: str(flags, 'date'),
        place: str(flags, 'place'),
      })),
      actor: str(flags, 'actor') ?? 'cli',
      reason: str(flags, 'reason'),
    }),
    columns: [],
  },
  {
    name: 'consent show',
    usage: 'consent show --person <id>',
    summary:
      "A person's consent register: per scope status, date, place, method, form version and hash, signatories and their capacity, the minor's agreement, history",
    flags: { person: { type: 'string' } },
    method: 'consent.show',
    toInput: (flags) => ({ personId: parseIdFlag(str(flags, 'person'), 'person') }),
    columns: [],
    rawOutput: (result) => consentRegisterText(result as PersonConsent),
  },
  {
    name: 'consent check',
    usage: 'consent check --recording <id> --audience workshop|partners|elected|public [--on YYYY-MM-DD]',
    summary: 'May this recording be shown to this audience? Who blocks it and why, or which conditions apply',
    flags: { recording: { type: 'string' }, audience: { type: 'string' }, ...ON_FLAG },
    method: 'consent.check',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      audience: requireFlag(str(flags, 'audience'), 'audience') as 'elected',
      on: str(flags, 'on'),
    }),
    columns: [],
  },
  {
    name: 'consent dashboard',
    usage: 'consent dashboard --project <id> [--on YYYY-MM-DD] [--days <n>]',
    summary: 'Who is missing what consent for which audience, what expires soon, which exports to recall',
    flags: { project: { type: 'string' }, days: { type: 'string' }, ...ON_FLAG },
    method: 'consent.dashboard',
    toInput: (flags) => ({
      projectId: parseIdFlag(str(flags, 'project'), 'project'),
      on: str(flags, 'on'),
      expiringWithinDays: str(flags, 'days') === undefined ? undefined : Number(str(flags, 'days')),
    }),
    columns: [],
  },
  {
    name: 'consent guardian',
    usage:
      'consent guardian --person <id> --name <name> [--relationship <mère, père, tuteur…>] [--capacity parent-1|parent-2|sole-holder|legal-guardian] [--sole-reason sole-parental-authority|other-parent-deceased|other-parent-unknown|court-decision] [--sole-detail <text>]',
    summary: 'Register a parent or legal guardian of a minor, with the capacity in which they sign',
    flags: {
      person: { type: 'string' },
      name: { type: 'string' },
      relationship: { type: 'string' },
      capacity: { type: 'string' },
      'sole-reason': { type: 'string' },
      'sole-detail': { type: 'string' },
    },
    method: 'consent.addGuardian',
    toInput: (flags) => ({
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      name: requireFlag(str(flags, 'name'), 'name'),
      relationship: str(flags, 'relationship'),
      capacity: str(flags, 'capacity') as 'parent-1' | undefined,
      soleHolderReason: str(flags, 'sole-reason') as 'court-decision' | undefined,
      soleHolderDetail: str(flags, 'sole-detail'),
      actor: 'cli',
    }),
    columns: [],
  },
  {
    name: 'consent form',
    outputKind: 'file',
    usage: 'consent form --person <id> [--out <file.pdf>]',
    summary: 'Make the pre-filled printable consent form (PDF); --out also copies it there',
    flags: { person: { type: 'string' }, out: { type: 'string' } },
    method: 'consent.form',
    toInput: (flags) => ({ personId: parseIdFlag(str(flags, 'person'), 'person') }),
    columns: ['assetId', 'fileName', 'sizeBytes', 'out'],
    afterResult: (result, flags, ctx) => {
      const out = str(flags, 'out');
      if (!out) return result;
      const made = result as { assetId: number };
      const written = copyOutputFile(ctx.library.mediaAssets.resolve(made.assetId).absolutePath, out, {
        libraryDir: ctx.library.dir,
        force: flags.force === true,
        field: 'out',
      });
      return { ...made, out: written };
    },
  },
  {
    name: 'consent guardian-update',
    usage:
      'consent guardian-update --guardian <id> [--capacity parent-1|parent-2|sole-holder|legal-guardian] [--sole-reason <reason>] [--sole-detail <text>] [--relationship <text>]',
    summary: 'Correct the capacity in which a parent or guardian signs (a guardian recorded before this version counts as parent 1)',
    flags: {
      guardian: { type: 'string' },
      capacity: { type: 'string' },
      'sole-reason': { type: 'string' },
      'sole-detail': { type: 'string' },
      relationship: { type: 'string' },
    },
    method: 'consent.updateGuardian',
    toInput: (flags) => ({
      guardianId: parseIdFlag(str(flags, 'guardian'), 'guardian'),
      capacity: str(flags, 'capacity') as 'parent-1' | undefined,
      soleHolderReason: str(flags, 'sole-reason') as 'court-decision' | undefined,
      soleHolderDetail: str(flags, 'sole-detail'),
      relationship: str(flags, 'relationship'),
      actor: 'cli',
    }),
    columns: [],
    rawOutput: (result) => consentRegisterText(result as PersonConsent),
  },
  {
    name: 'consent guardian-remove',
    usage: 'consent guardian-remove --guardian <id> [--reason <text>]',
    summary: 'Remove a parent or guardian entered by mistake (refused while their signature backs an agreement)',
    flags: { guardian: { type: 'string' }, reason: { type: 'string' } },
    method: 'consent.removeGuardian',
    toInput: (flags) => ({ guardianId: parseIdFlag(str(flags, 'guardian'), 'guardian'), reason: str(flags, 'reason'), actor: 'cli' }),
    columns: [],
    rawOutput: (result) => consentRegisterText(result as PersonConsent),
  },
  {
    name: 'consent emancipation',
    usage: 'consent emancipation --person <id> --on YYYY-MM-DD|none [--proof <judgement, court, date>]',
    summary: 'Record that a minor is emancipated (with the proof): from that day they consent as an adult',
    flags: { person: { type: 'string' }, proof: { type: 'string' }, ...ON_FLAG },
    method: 'consent.setEmancipation',
    toInput: (flags) => ({
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      emancipatedOn: requireFlag(str(flags, 'on'), 'on') === 'none' ? null : str(flags, 'on')!,
      proof: str(flags, 'proof'),
      actor: 'cli',
    }),
    columns: [],
    rawOutput: (result) => consentRegisterText(result as PersonConsent),
  },
  {
    name: 'people erase',
    usage: 'people erase --person <id> [--actor <name>] [--reason <text>] [--keep-mentions] [--delete-external-copies]',
    summary:
      'Right to be forgotten: delete a person, their consent records, the recordings where they appear alone and every copy in the library (see people erase-plan first)',
    flags: {
      person: { type: 'string' },
      actor: { type: 'string' },
      reason: { type: 'string' },
      'keep-mentions': { type: 'boolean' },
      'delete-external-copies': { type: 'boolean' },
    },
    method: 'people.erase',
    toInput: (flags) => ({
      personId: parseIdFlag(str(flags, 'person'), 'person'),
      actor: str(flags, 'actor') ?? 'cli',
      reason: str(flags, 'reason'),
      redactMentions: flags['keep-mentions'] === true ? false : undefined,
      deleteExternalCopies: flags['delete-external-copies'] === true ? true : undefined,
    }),
    columns: ['erased', 'recordingsDeleted', 'recordingsToReview'],
  },
  {
    name: 'people erase-plan',
    usage: 'people erase-plan --person <id>',
    summary: 'What an erasure would delete, list and redact (copies outside the library, texts naming the person); changes nothing',
    flags: { person: { type: 'string' } },
    method: 'people.erasurePlan',
    toInput: (flags) => ({ personId: parseIdFlag(str(flags, 'person'), 'person') }),
    columns: ['personId', 'recordingsToDelete', 'recordingsToReview', 'feedbackSheets'],
  },
  {
    name: 'privacy finish-erasure',
    usage: 'privacy finish-erasure',
    summary: 'Finish an erasure that another reader of the database held up (checkpoints and empties the WAL)',
    flags: {},
    method: 'privacy.finishErasure',
    toInput: () => ({}),
    columns: ['done', 'walFrames'],
  },
);

CORE_COMMANDS.push(
  {
    name: 'comments add',
    usage:
      'comments add --recording <id> --at <time> [--to <time>] --text <text> [--author <person id>] [--category <c>] [--reply-to <comment id>]',
    summary: 'Add a timestamped comment (times as HH:MM:SS.mmm, MM:SS or seconds)',
    flags: {
      recording: { type: 'string' },
      at: { type: 'string' },
      to: { type: 'string' },
      text: { type: 'string' },
      author: { type: 'string' },
      category: { type: 'string' },
      'reply-to': { type: 'string' },
    },
    method: 'comments.add',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      startSeconds: parseTimecode(requireFlag(str(flags, 'at'), 'at'), 'at'),
      endSeconds: str(flags, 'to') === undefined ? null : parseTimecode(str(flags, 'to')!, 'to'),
      text: requireFlag(str(flags, 'text'), 'text'),
      authorPersonId: str(flags, 'author') === undefined ? null : parseIdFlag(str(flags, 'author'), 'author'),
      category: str(flags, 'category'),
      parentId: str(flags, 'reply-to') === undefined ? null : parseIdFlag(str(flags, 'reply-to'), 'reply-to'),
    }),
    columns: ['id', 'startSeconds', 'endSeconds', 'authorName', 'category', 'text'],
  },
  {
    name: 'comments quote',
    usage: 'comments quote --comment <id> [--quoted <person id>] [--unmark]',
    summary: 'Mark a comment as a quote (credited to --quoted, else to the clip’s speaker), or --unmark it',
    flags: { comment: { type: 'string' }, quoted: { type: 'string' }, unmark: { type: 'boolean' } },
    method: 'comments.update',
    toInput: (flags) => ({
      id: parseIdFlag(str(flags, 'comment'), 'comment'),
      changes: {
        isQuote: flags.unmark !== true,
        ...(str(flags, 'quoted') !== undefined ? { quotedPersonId: parseIdFlag(str(flags, 'quoted'), 'quoted') } : {}),
      },
    }),
    columns: ['id', 'startSeconds', 'endSeconds', 'isQuote', 'quotedPersonId', 'text'],
  },
  {
    name: 'comments list',
    usage: 'comments list --recording <id>',
    summary: "A recording's comments in time order (replies included)",
    flags: { recording: { type: 'string' } },
    method: 'comments.list',
    toInput: (flags) => ({ recordingId: parseIdFlag(str(flags, 'recording'), 'recording') }),
    columns: ['id', 'parentId', 'startSeconds', 'endSeconds', 'authorName', 'category', 'text', 'resolved'],
  },
  {
    name: 'comments export',
    outputKind: 'file',
    usage: 'comments export --recording <id> --format csv|vtt|srt [--out <file>]',
    summary: 'Export the comments as CSV, WebVTT or SRT (to --out, else to standard output)',
    flags: { recording: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    method: 'comments.export',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      format: requireFlag(str(flags, 'format'), 'format') as 'csv',
    }),
    columns: [],
    rawOutput: (result) => (result as { content: string }).content,
    afterResult: (result, flags, ctx) => {
      const out = str(flags, 'out');
      if (!out) return result;
      const written = writeOutputFile(out, (result as { content: string }).content, {
        libraryDir: ctx.library.dir,
        force: flags.force === true,
        field: 'out',
      });
      return { ...(result as object), content: undefined, out: written };
    },
  },
  {
    name: 'feedback-sheet',
    outputKind: 'file',
    usage: 'feedback-sheet --recording <id> --out <file.pdf>',
    summary: "Make the candidate's feedback sheet (PDF): strengths, points to work on, moments, rubric, progress",
    flags: { recording: { type: 'string' }, out: { type: 'string' } },
    method: 'feedback.sheet',
    toInput: (flags) => ({ recordingId: parseIdFlag(str(flags, 'recording'), 'recording') }),
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
);

CORE_COMMANDS.push(
  {
    name: 'backup create',
    outputKind: 'folder',
    usage: 'backup create [--out <empty or new folder>]',
    summary: 'Back up the library (database copied while in use, media, exports, SHA-256 manifest)',
    flags: { out: { type: 'string' } },
    method: 'library.backup',
    toInput: (flags) => ({ destination: str(flags, 'out') }),
    columns: ['dir', 'files', 'bytes'],
  },
  {
    name: 'backup verify',
    usage: 'backup verify <backup folder>',
    summary: 'Check a backup against its manifest (missing, altered or extra files); exits 1 if anything is wrong',
    flags: {},
    run: async (_flags, positionals) => {
      const verdict = await verifyBackup(
        requirePositional(positionals[0], 'le dossier de la sauvegarde', 'folder', 'eric-studio backup verify <backup folder>'),
      );
      if (!verdict.ok)
        throw new AppError('invalid-input', `La sauvegarde est abîmée : ${verdict.problems.join(' ; ')}.`, {
          field: 'folder',
          hint: 'Gardez-la de côté et faites une nouvelle sauvegarde, ou utilisez-en une autre.',
        });
      return { ok: true, files: verdict.manifest!.files.length, createdAt: verdict.manifest!.createdAt };
    },
    columns: ['ok', 'files', 'createdAt'],
  },
  {
    name: 'backup restore',
    usage: 'backup restore <backup folder> --library <new or empty folder>',
    summary:
      'Restore a verified backup into a new library folder (never over an existing library); erasures made since the backup are applied again',
    flags: {},
    run: (flags, positionals) =>
      restoreBackup(
        requirePositional(
          positionals[0],
          'le dossier de la sauvegarde',
          'folder',
          'eric-studio backup restore <backup folder> --library <new or empty folder>',
        ),
        requireFlag(str(flags, 'library'), 'library'),
      ),
    columns: ['dir', 'files', 'erasuresReapplied', 'note'],
  },
  {
    name: 'search',
    usage: 'search <words> [--project <id>] [--limit <n>]',
    summary: 'Find comments (full text, accents ignored), recordings, people and clips',
    flags: { project: { type: 'string' }, limit: { type: 'string' } },
    method: 'search',
    toInput: (flags, positionals) => ({
      query: requirePositional(positionals.join(' '), 'les mots à chercher', 'words', 'eric-studio search <words>'),
      projectId: str(flags, 'project') === undefined ? undefined : parseIdFlag(str(flags, 'project'), 'project'),
      limit: str(flags, 'limit') === undefined ? undefined : Number(str(flags, 'limit')),
    }),
    columns: [],
  },
);
