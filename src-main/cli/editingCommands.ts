/**
 * CLI verbs of editing and export: clips, montages, subtitle import, and renders
 * written to a file (`clip export`, `montage render`), which wait for the job and
 * print its progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiInput } from '../../src-shared/contract/contract';
import type { MontageItem } from '../../src-shared/contract/schemas/editing';
import { AppError } from '../../src-shared/appError';
import { parseTimecode } from '../../src-shared/time';
import { list, parseIdFlag, requireFlag, str, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';
import { checkOutputFile, checkOutputFolder, writeOutputFile } from '../platform/outputPath';

const audience = (flags: Flags) => requireFlag(str(flags, 'audience'), 'audience') as 'elected';

function seconds(flags: Flags, name: string): number {
  return parseTimecode(requireFlag(str(flags, name), name), name);
}

function optionalNumber(flags: Flags, name: string): number | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed))
    throw new AppError('invalid-input', `L’option --${name} attend un nombre, pas « ${value} ».`, { field: name });
  return parsed;
}

/** `title:Some text` or `clip:12`, in montage order. */
function parseItem(text: string): MontageItem {
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':');
  if (kind === 'clip') return { kind: 'clip', clipId: parseIdFlag(value, 'item') };
  if (kind === 'title') return { kind: 'title', text: value, seconds: 3 };
  throw new AppError('invalid-input', `L’option --item s’écrit « title:<texte> » ou « clip:<numéro> », pas « ${text} ».`, {
    field: 'item',
  });
}

/** `--blur-unknown`: "inconnus floutés", every analysed face assigned to nobody is pixelated too. */
const BLUR_UNKNOWN_HELP_FR = ' ; --blur-unknown : floute aussi les visages qui ne sont attribués à personne (« inconnus floutés »)';
const blurUnknown = (flags: Flags) => (flags['blur-unknown'] === true ? true : undefined);

const EXPORT_COLUMNS = ['id', 'kind', 'audience', 'label', 'mode', 'durationSeconds', 'sizeBytes', 'outputPath'];
const exportResult = (result: unknown) => (result as { export: unknown }).export;

export const EDITING_COMMANDS: CliCommand[] = [
  {
    name: 'clip create',
    usage: 'clip create --recording <id> --name <name> --from <time> --to <time> [--tag <theme>]… [--speaker <person id>]',
    summary: 'Make a named clip of a recording (times as HH:MM:SS.mmm or seconds)',
    flags: {
      recording: { type: 'string' },
      name: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      tag: { type: 'string', multiple: true },
      speaker: { type: 'string' },
    },
    method: 'clips.create',
    toInput: (flags) => ({
      recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
      name: requireFlag(str(flags, 'name'), 'name'),
      inSeconds: seconds(flags, 'from'),
      outSeconds: seconds(flags, 'to'),
      tags: list(flags, 'tag'),
      speakerPersonId: str(flags, 'speaker') === undefined ? null : parseIdFlag(str(flags, 'speaker'), 'speaker'),
    }),
    columns: ['id', 'recordingId', 'name', 'inSeconds', 'outSeconds', 'tags'],
  },
  {
    name: 'clip list',
    usage: 'clip list (--recording <id> | --project <id>)',
    summary: 'List the clips of a recording or of a whole project',
    flags: { recording: { type: 'string' }, project: { type: 'string' } },
    method: 'clips.list',
    toInput: (flags) =>
      str(flags, 'recording') !== undefined
        ? { recordingId: parseIdFlag(str(flags, 'recording'), 'recording') }
        : { projectId: parseIdFlag(str(flags, 'project'), 'project') },
    columns: ['id', 'recordingId', 'name', 'inSeconds', 'outSeconds', 'tags'],
  },
  {
    name: 'clip export',
    outputKind: 'file',
    usage:
      'clip export (--recording <id> --from <time> --to <time> | --clip <id>) --audience workshop|partners|elected|public --out <file.mp4> [--preset 720p|1080p] [--lower-third] [--burn-subtitles] [--fade <seconds>] [--normalise] [--replace-voices] [--blur-unknown]',
    summary: `Export a clip as MP4 for an audience (consent gate applied; stream copy when possible)${BLUR_UNKNOWN_HELP_FR}`,
    flags: {
      recording: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      clip: { type: 'string' },
      audience: { type: 'string' },
      out: { type: 'string' },
      preset: { type: 'string' },
      'lower-third': { type: 'boolean' },
      'burn-subtitles': { type: 'boolean' },
      fade: { type: 'string' },
      normalise: { type: 'boolean' },
      'replace-voices': { type: 'boolean' },
      'blur-unknown': { type: 'boolean' },
    },
    method: 'render.start',
    toInput: (flags): ApiInput<'render.start'> => ({
      target:
        str(flags, 'clip') !== undefined
          ? { kind: 'clip', clipId: parseIdFlag(str(flags, 'clip'), 'clip') }
          : {
              kind: 'range',
              recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
              fromSeconds: seconds(flags, 'from'),
              toSeconds: seconds(flags, 'to'),
            },
      audience: audience(flags),
      options: {
        preset: str(flags, 'preset') as '720p' | undefined,
        lowerThirds: flags['lower-third'] === true ? true : undefined,
        burnSubtitles: flags['burn-subtitles'] === true ? true : undefined,
        fadeSeconds: optionalNumber(flags, 'fade'),
        normaliseAudio: flags.normalise === true ? true : undefined,
        replaceVoices: flags['replace-voices'] === true ? true : undefined,
        blurUnknownFaces: blurUnknown(flags),
      },
      destination: path.resolve(requireFlag(str(flags, 'out'), 'out')),
      overwrite: flags.force === true ? true : undefined,
      wait: true,
    }),
    showsProgress: true,
    afterResult: exportResult,
    columns: EXPORT_COLUMNS,
  },
  {
    name: 'montage create',
    usage:
      'montage create --project <id> --name <name> [--item title:<text> | --item clip:<id>]… [--preset 720p|1080p] [--fade <seconds>] [--lower-third] [--burn-subtitles] [--replace-voices]',
    summary: 'Make a montage from title cards and clips, in the order given',
    flags: {
      project: { type: 'string' },
      name: { type: 'string' },
      item: { type: 'string', multiple: true },
      preset: { type: 'string' },
      fade: { type: 'string' },
      'lower-third': { type: 'boolean' },
      'burn-subtitles': { type: 'boolean' },
      'replace-voices': { type: 'boolean' },
    },

    method: 'montages.create',
    toInput: (flags) => ({ projectId: parseIdFlag(str(flags, 'project'), 'project'), name: requireFlag(str(flags, 'name'), 'name') }),
    afterResult: async (result, flags, ctx) => {
      const items = list(flags, 'item').map(parseItem);
      const { dispatch } = await import('../app');
      return dispatch(
        'montages.update',
        {
          id: (result as { id: number }).id,
          changes: {
            items,
            preset: str(flags, 'preset') as '720p' | undefined,
            fadeSeconds: optionalNumber(flags, 'fade'),
            lowerThirds: flags['lower-third'] === true ? true : undefined,
            burnSubtitles: flags['burn-subtitles'] === true ? true : undefined,
            replaceVoices: flags['replace-voices'] === true ? true : undefined,
          },
        },
        ctx,
      );
    },
    columns: ['id', 'projectId', 'name', 'preset', 'fadeSeconds'],
  },
  {
    name: 'montage render',
    outputKind: 'file',
    usage: 'montage render --montage <id> --audience workshop|partners|elected|public --out <file.mp4> [--blur-unknown]',
    summary: `Render a montage as MP4 for an audience (consent gate, lower thirds, anonymisation applied)${BLUR_UNKNOWN_HELP_FR}`,
    flags: { montage: { type: 'string' }, audience: { type: 'string' }, out: { type: 'string' }, 'blur-unknown': { type: 'boolean' } },
    method: 'render.start',
    toInput: (flags) => ({
      target: { kind: 'montage', montageId: parseIdFlag(str(flags, 'montage'), 'montage') },
      audience: audience(flags),
      ...(blurUnknown(flags) ? { options: { blurUnknownFaces: true } } : {}),
      destination: path.resolve(requireFlag(str(flags, 'out'), 'out')),
      overwrite: flags.force === true ? true : undefined,
      wait: true,
    }),
    showsProgress: true,
    afterResult: exportResult,
    columns: EXPORT_COLUMNS,
  },
  {
    name: 'montage title-preview',
    usage: 'montage title-preview --montage <id> --audience workshop|partners|elected|public --out-dir <folder>',
    summary: 'Save a still (PNG) of each title card of a montage, wrapped to the frame as the render will draw it',
    flags: { montage: { type: 'string' }, audience: { type: 'string' }, 'out-dir': { type: 'string' } },
    method: 'render.titlePreview',
    toInput: (flags) => ({
      target: { kind: 'montage', montageId: parseIdFlag(str(flags, 'montage'), 'montage') },
      audience: audience(flags),
    }),
    afterResult: (result, flags) => {
      const { titles } = result as { titles: Array<{ number: number; lines: string[]; png: string }> };
      const dir = path.resolve(requireFlag(str(flags, 'out-dir'), 'out-dir'));
      fs.mkdirSync(dir, { recursive: true });
      return titles.map((title) => {
        const file = path.join(dir, `title-${title.number}.png`);
        fs.writeFileSync(file, Buffer.from(title.png.replace(/^data:image\/png;base64,/, ''), 'base64'));
        return { number: title.number, lines: title.lines.join(' / '), file };
      });
    },
    columns: ['number', 'lines', 'file'],
  },
  {
    name: 'render face-risk-stills',
    outputKind: 'folder',
    usage:
      'render face-risk-stills (--clip <id> | --montage <id> | --recording <id> --from <time> --to <time>) --audience workshop|partners|elected|public --out-dir <folder>',
    summary:
      'Save a still (JPEG) of each stretch where tracked face blur widens its box or blurs the whole picture, drawn as the export will',
    flags: {
      clip: { type: 'string' },
      montage: { type: 'string' },
      recording: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      audience: { type: 'string' },
      'out-dir': { type: 'string' },
    },
    method: 'render.faceRiskStills',
    toInput: (flags) => ({
      target:
        str(flags, 'clip') !== undefined
          ? { kind: 'clip', clipId: parseIdFlag(str(flags, 'clip'), 'clip') }
          : str(flags, 'montage') !== undefined
            ? { kind: 'montage', montageId: parseIdFlag(str(flags, 'montage'), 'montage') }
            : {
                kind: 'range',
                recordingId: parseIdFlag(str(flags, 'recording'), 'recording'),
                fromSeconds: seconds(flags, 'from'),
                toSeconds: seconds(flags, 'to'),
              },
      audience: audience(flags),
    }),
    afterResult: (result, flags, ctx) => {
      const { stills, leftOut } = result as { stills: Array<{ seconds: number; image: string }>; leftOut: number };
      const rule = { libraryDir: ctx.library.dir, force: flags.force === true, field: 'out-dir' };
      const dir = checkOutputFolder(requireFlag(str(flags, 'out-dir'), 'out-dir'), rule);
      const named = stills.map((still, n) => ({ still, file: path.join(dir, `risk-${n + 1}-${still.seconds.toFixed(3)}s.jpg`) }));
      fs.mkdirSync(dir, { recursive: true });
      for (const { file } of named) checkOutputFile(file, rule); // all refused before any is written
      const files = named.map(({ still: { image, ...rest }, file }) => {
        writeOutputFile(file, Buffer.from(image.replace(/^data:image\/jpeg;base64,/, ''), 'base64'), rule);
        return { ...rest, file };
      });
      return { stills: files, leftOut };
    },
    columns: [],
  },
  {
    name: 'clip stills',
    outputKind: 'folder',
    usage: 'clip stills --clip <id> [--count 3-5] --out-dir <folder>',
    summary: 'Save stills spread across a clip with its blur region drawn, to check that it covers the face all along',
    flags: { clip: { type: 'string' }, count: { type: 'string' }, 'out-dir': { type: 'string' } },
    method: 'clips.stills',
    toInput: (flags) => ({ clipId: parseIdFlag(str(flags, 'clip'), 'clip'), count: optionalNumber(flags, 'count') }),
    afterResult: (result, flags, ctx) => {
      const { stills, ...rest } = result as { stills: Array<{ seconds: number; image: string }> };
      const rule = { libraryDir: ctx.library.dir, force: flags.force === true, field: 'out-dir' };
      const dir = checkOutputFolder(requireFlag(str(flags, 'out-dir'), 'out-dir'), rule);
      const named = stills.map((still) => ({ still, file: path.join(dir, `still-${still.seconds.toFixed(3)}s.jpg`) }));
      fs.mkdirSync(dir, { recursive: true });
      for (const { file } of named) checkOutputFile(file, rule); // all refused before any is written
      const files = named.map(({ still, file }) => {
        writeOutputFile(file, Buffer.from(still.image.replace(/^data:image\/jpeg;base64,/, ''), 'base64'), rule);
        return { seconds: still.seconds, file };
      });
      return { ...rest, stills: files };
    },
    columns: ['clipId', 'regionCanHoldFace', 'stills'],
  },
  {
    name: 'clip confirm-face',
    usage: 'clip confirm-face --clip <id> --still <time> --still <time> --still <time>… --by <your name>',
    summary: 'Confirm, after looking at its stills, that the clip’s blur region covers the face all along',
    flags: { clip: { type: 'string' }, still: { type: 'string', multiple: true }, by: { type: 'string' } },
    method: 'clips.confirmFaceRegion',
    toInput: (flags) => ({
      clipId: parseIdFlag(str(flags, 'clip'), 'clip'),
      stillSeconds: list(flags, 'still').map((value) => parseTimecode(value, 'still')),
      confirmedBy: requireFlag(str(flags, 'by'), 'by'),
    }),
    columns: ['id', 'name', 'blurBox', 'faceCheck'],
  },
  {
    name: 'subtitles import',
    usage: 'subtitles import --recording <id> --file <subtitles.srt|.vtt>',
    summary: "Import a recording's subtitles (replaces earlier ones)",
    flags: { recording: { type: 'string' }, file: { type: 'string' } },
    method: 'subtitles.import',
    toInput: (flags) => {
      const file = path.resolve(requireFlag(str(flags, 'file'), 'file'));
      const extension = path.extname(file).toLowerCase();
      if (extension !== '.srt' && extension !== '.vtt') {
        throw new AppError('invalid-input', `L’option --file attend un fichier .srt ou .vtt, pas « ${path.basename(file)} ».`, {
          field: 'file',
        });
      }
      let content: string;
      try {
        content = fs.readFileSync(file, 'utf8');
      } catch {
        throw new AppError('not-found', `Le fichier ${file} ne peut pas être lu.`, { field: 'file' });
      }
      return { recordingId: parseIdFlag(str(flags, 'recording'), 'recording'), format: extension === '.srt' ? 'srt' : 'vtt', content };
    },
    columns: ['startSeconds', 'endSeconds', 'text'],
  },
  {
    name: 'clip update',
    usage: 'clip update --clip <id> [--name <name>] [--from <time>] [--to <time>] [--tag <theme>]… [--speaker <person id>|none]',
    summary: 'Rename a clip, trim it (new in and out times) or change who speaks in it',
    flags: {
      clip: { type: 'string' },
      name: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      tag: { type: 'string', multiple: true },
      speaker: { type: 'string' },
    },
    method: 'clips.update',
    toInput: (flags): ApiInput<'clips.update'> => {
      const speaker = str(flags, 'speaker');
      return {
        id: parseIdFlag(str(flags, 'clip'), 'clip'),
        changes: {
          name: str(flags, 'name'),
          inSeconds: str(flags, 'from') === undefined ? undefined : seconds(flags, 'from'),
          outSeconds: str(flags, 'to') === undefined ? undefined : seconds(flags, 'to'),
          tags: flags.tag === undefined ? undefined : list(flags, 'tag'),
          speakerPersonId: speaker === undefined ? undefined : speaker === 'none' ? null : parseIdFlag(speaker, 'speaker'),
        },
      };
    },
    columns: ['id', 'recordingId', 'name', 'inSeconds', 'outSeconds', 'tags', 'speakerPersonId'],
  },
];
