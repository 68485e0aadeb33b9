/**
 * CLI verbs of restitution packs: preview what the consent gate lets in, build a pack
 * folder (and zip), verify one anywhere (exit code 1 with the list of problems), and
 * rebuild a corrected pack after a recall.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiInput } from '../../src-shared/contract/contract';
import { AppError } from '../../src-shared/appError';
import { verifyPack } from '../packs/packManifest';
import { parseIdFlag, requireFlag, requirePositional, str, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';

const ids = (flags: Flags, name: string) => (flags[name] as string[] | undefined)?.map((id) => parseIdFlag(id, name));

const SPEC_FLAGS = {
  project: { type: 'string' },
  audience: { type: 'string' },
  montage: { type: 'string', multiple: true },
  clip: { type: 'string', multiple: true },
  theme: { type: 'string', multiple: true },
  'no-quotes': { type: 'boolean' },
  'blur-unknown': { type: 'boolean' },
} as const;

/** `--blur-unknown`: "inconnus floutés" in every video of the pack. */
const BLUR_UNKNOWN_HELP_FR =
  ' ; --blur-unknown : floute aussi, dans toutes les vidéos du pack, les visages qui ne sont attribués à personne (« inconnus floutés »)';

function spec(flags: Flags): ApiInput<'packs.preview'> {
  return {
    projectId: parseIdFlag(str(flags, 'project'), 'project'),
    audience: requireFlag(str(flags, 'audience'), 'audience') as 'elected',
    montageIds: ids(flags, 'montage'),
    clipIds: ids(flags, 'clip'),
    themes: flags.theme as string[] | undefined,
    includeQuotes: flags['no-quotes'] === true ? false : undefined,
    blurUnknownFaces: flags['blur-unknown'] === true ? true : undefined,
  };
}

const EXPORT_COLUMNS = ['id', 'audience', 'label', 'durationSeconds', 'outputPath'];

export const PACK_COMMANDS: CliCommand[] = [
  {
    name: 'pack preview',
    usage:
      'pack preview --project <id> --audience workshop|partners|elected|public [--montage <id>]… [--clip <id>]… [--theme <t>]… [--blur-unknown]',
    summary: 'What a pack for this audience would hold, and what consent leaves out (and why)',
    flags: { ...SPEC_FLAGS },
    method: 'packs.preview',
    toInput: (flags) => spec(flags),
    columns: [],
  },
  {
    name: 'pack build',
    outputKind: 'folder',
    usage:
      'pack build --project <id> --audience workshop|partners|elected|public --out <new folder> [--zip] [--montage <id>]… [--clip <id>]… [--theme <t>]… [--no-quotes] [--blur-unknown]',
    summary: `Build a restitution pack (index.html, videos + subtitles, synthese.pdf, consentements.csv, manifest.json)${BLUR_UNKNOWN_HELP_FR}`,
    flags: { ...SPEC_FLAGS, out: { type: 'string' }, zip: { type: 'boolean' } },
    method: 'packs.build',
    toInput: (flags) => ({
      spec: spec(flags),
      destination: path.resolve(requireFlag(str(flags, 'out'), 'out')),
      zip: flags.zip === true,
      wait: true,
    }),
    showsProgress: true,
    afterResult: (result) => (result as { export: unknown }).export,
    columns: EXPORT_COLUMNS,
  },
  {
    name: 'pack verify',
    usage: 'pack verify <pack folder or .zip>',
    summary: 'Check every file of a pack against its manifest; exit code 1 and the list when anything is missing, extra or altered',
    flags: {},
    run: async (_flags, positionals) => {
      const target = path.resolve(
        requirePositional(positionals[0], 'le dossier ou le .zip du pack', 'folder', 'eric-studio pack verify <pack folder or .zip>'),
      );
      if (!fs.existsSync(target))
        throw new AppError('not-found', `${target} n’existe pas.`, {
          field: 'folder',
          hint: 'Indiquez le chemin du dossier du pack ou de son fichier .zip.',
        });
      return verifyPack(target);
    },
    exitCode: (result) => ((result as { ok: boolean }).ok ? 0 : 1),
    columns: [],
  },
  {
    name: 'pack rebuild',
    outputKind: 'folder',
    usage: 'pack rebuild --export <pack export id> --out <new folder>',
    summary: 'Build a corrected pack from the same choices, asking consent again (after a recall)',
    flags: { export: { type: 'string' }, out: { type: 'string' } },
    method: 'packs.rebuild',
    toInput: (flags) => ({
      exportId: parseIdFlag(str(flags, 'export'), 'export'),
      destination: str(flags, 'out') === undefined ? undefined : path.resolve(str(flags, 'out')!),
      wait: true,
    }),
    showsProgress: true,
    afterResult: (result) => (result as { export: unknown }).export,
    columns: EXPORT_COLUMNS,
  },
];
