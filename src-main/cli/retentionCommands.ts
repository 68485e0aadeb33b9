/**
 * CLI verbs of retention: a project's periods (show, change one category), what is past
 * them today, and the erasure of it (the same method the consent dashboard's button calls).
 */
import { AppError } from '../../src-shared/appError';
import { frenchNumber } from '../../src-shared/frenchNumber';
import { retentionCategoryFr, retentionPhraseFr, RETENTION_CATEGORIES, type RetentionCategory } from '../../src-shared/retention';
import type { RetentionDue, RetentionView } from '../../src-shared/contract/schemas';
import { parseIdFlag, str, type Flags } from './cliArgs';
import type { CliCommand } from './cliCommand';

const optionalProject = (flags: Flags) => (str(flags, 'project') === undefined ? undefined : parseIdFlag(str(flags, 'project'), 'project'));

function parseMonths(value: string | undefined): number | null {
  if (value === 'consent') return null;
  if (value === undefined || !/^\d{1,3}$/.test(value)) {
    throw new AppError('invalid-input', `--months doit être un nombre de mois (1 à 120) ou « consent », pas « ${value ?? ''} ».`, {
      field: 'months',
      hint: 'Exemple : --months 6, ou --months consent (tant que le consentement est valable).',
    });
  }
  return Number(value);
}

function settingsText(view: RetentionView): string {
  return RETENTION_CATEGORIES.map((category) => {
    const changed = view.settings[category] !== view.defaults[category] ? ' (modifié)' : '';
    return `${retentionCategoryFr(category)} : ${retentionPhraseFr(view.settings[category])}${changed}`;
  }).join('\n');
}

export const RETENTION_COMMANDS: CliCommand[] = [
  {
    name: 'retention show',
    usage: 'retention show --project <id>',
    summary: 'How long a project keeps its videos, testimonies, comments and feedback sheets',
    flags: { project: { type: 'string' } },
    method: 'retention.settings',
    toInput: (flags) => ({ projectId: parseIdFlag(str(flags, 'project'), 'project') }),
    columns: [],
    rawOutput: (result) => settingsText(result as RetentionView),
  },
  {
    name: 'retention set',
    usage: `retention set --project <id> --category ${RETENTION_CATEGORIES.join('|')} --months <1-120>|consent [--actor <name>]`,
    summary: 'Change how long one category is kept in a project (consent: as long as the consent of the people filmed)',
    flags: { project: { type: 'string' }, category: { type: 'string' }, months: { type: 'string' }, actor: { type: 'string' } },
    method: 'retention.update',
    toInput: (flags) => ({
      projectId: parseIdFlag(str(flags, 'project'), 'project'),
      category: str(flags, 'category') as RetentionCategory,
      months: parseMonths(str(flags, 'months')),
      actor: str(flags, 'actor'),
    }),
    columns: [],
    rawOutput: (result) => settingsText(result as RetentionView),
  },
  {
    name: 'retention due',
    usage: 'retention due [--project <id>] [--on YYYY-MM-DD]',
    summary: 'What is past its retention (every project unless --project), with the day each fell due',
    flags: { project: { type: 'string' }, on: { type: 'string' } },
    method: 'retention.due',
    toInput: (flags) => ({ projectId: optionalProject(flags), on: str(flags, 'on') }),
    columns: [],
    rawOutput: (result) => {
      const due = result as RetentionDue;
      const lines = due.projects
        .filter((project) => project.items.length > 0)
        .flatMap((project) => [`${project.projectName} (n° ${project.projectId})`, ...project.items.map((item) => `  ${item.sentence}`)]);
      return lines.length ? lines.join('\n') : `Rien à effacer le ${due.on}.`;
    },
  },
  {
    name: 'retention apply',
    usage: 'retention apply [--project <id>] [--actor <name>] [--reason <text>]',
    summary: 'Erase everything past its retention today (files, rows, and the database file checkpointed); logged with counts only',
    flags: { project: { type: 'string' }, actor: { type: 'string' }, reason: { type: 'string' } },
    method: 'retention.apply',
    toInput: (flags) => ({ projectId: optionalProject(flags), actor: str(flags, 'actor'), reason: str(flags, 'reason') }),
    columns: [],
    rawOutput: (result) => {
      const { on, erased } = result as { on: string; erased: Record<'recordings' | 'comments' | 'feedbackSheets' | 'renders', number> };
      return (
        `Effacé le ${on} : ${frenchNumber(erased.recordings)} vidéo(s), ${frenchNumber(erased.comments)} commentaire(s), ` +
        `${frenchNumber(erased.feedbackSheets)} fiche(s) de retour, ${frenchNumber(erased.renders)} export(s) fait(s) de ces vidéos.`
      );
    },
  },
];
