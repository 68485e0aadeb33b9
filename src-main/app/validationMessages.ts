/**
 * Turns a schema validation issue into a French sentence that names the field the
 * way the screen does ("Le titre est obligatoire", "La date doit être au format
 * JJ/MM/AAAA"), so a refused request reads the same in the app, the CLI and the logs.
 * Field names come from the one table of labels (src-shared/contract/fieldLabels.ts).
 */
import type { z } from 'zod';
import { fieldLabelFr } from '../../src-shared/contract/fieldLabels';

/** The English messages the schemas give their own checks, in French ({label} is the field). */
const CUSTOM_MESSAGES_FR: Readonly<Record<string, string>> = {
  'expected a date as YYYY-MM-DD': '{Label} doit être au format JJ/MM/AAAA.',
  'this date does not exist': '{Label} n’existe pas dans le calendrier : vérifiez le jour et le mois.',
  'contains control characters': '{Label} contient des caractères de contrôle (invisibles) : retapez-le.',
  'must not be empty': '{Label} ne peut pas être vide.',
  'the end date is before the start date': 'La date de fin est avant la date de début.',
  'the end is before the start': 'La fin est avant le début.',
  'the box goes beyond the frame': 'La zone à flouter dépasse de l’image.',
  'a theme is listed twice': 'Un thème est en double.',
  'a person is listed twice': 'Une personne est en double.',
  'a label is listed twice': 'Une étiquette est en double.',
  'give either recordingId or projectId': 'Choisissez un enregistrement ou un projet, pas les deux.',
  'give a session or a project': 'Choisissez une séance ou un projet.',
  'give the given name (givenName) and family name (familyName), or a name': 'Le prénom est obligatoire.',
  'the chunk is empty': 'Le morceau de vidéo envoyé est vide.',
  'the file is empty': 'Le fichier est vide.',
  'expected binary data': '{Label} doit être un fichier.',
  'expected a video/… or audio/… type': 'Ce fichier n’est ni une vidéo ni un son.',
  'first-name-only and no-name cannot both apply': '« Prénom seulement » et « Sans nom » ne peuvent pas aller ensemble.',
  'a reason applies only to a sole holder of parental authority':
    'Une raison ne s’indique que pour un parent seul titulaire de l’autorité parentale.',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** "Le titre est obligatoire." — one issue, in French, naming its field. */
export function frenchIssueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const { label, plural } = fieldLabelFr(path);
  const Label = capitalise(label);
  const index = path.find((part): part is number => typeof part === 'number');
  const where = index !== undefined ? ` (n° ${index + 1})` : '';
  const is = plural ? 'sont' : 'est';
  const fill = (template: string) => template.replaceAll('{Label}', Label + where).replaceAll('{label}', label + where);

  const custom = CUSTOM_MESSAGES_FR[issue.message];
  if (custom) return fill(custom);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined || valueAt(input, issue.path) === null
        ? fill(`{Label} ${is} obligatoire${plural ? 's' : ''}.`)
        : fill('{Label} n’a pas la bonne forme.');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return fill(minimum <= 1 ? '{Label} ne peut pas être vide.' : `{Label} doit faire au moins ${minimum} caractères.`);
      if (issue.origin === 'array' || issue.origin === 'set') return fill(`{Label} : il en faut au moins ${minimum}.`);
      return fill(`{Label} doit valoir au moins ${minimum}.`);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return fill(`{Label} ne doit pas dépasser ${maximum} caractères.`);
      if (issue.origin === 'array' || issue.origin === 'set') return fill(`{Label} : ${maximum} au plus.`);
      return fill(`{Label} doit valoir au plus ${maximum}.`);
    }
    case 'invalid_value':
      return fill('{Label} n’est pas un choix possible.');
    case 'invalid_format':
      return fill('{Label} n’a pas la bonne forme.');
    case 'unrecognized_keys': {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return `Le champ « ${keys.join(', ')} » n’est pas attendu ici.`;
    }
    case 'not_multiple_of':
      return fill('{Label} n’a pas une valeur possible.');
    default:
      return fill('{Label} n’est pas valide.');
  }
}

export function frenchFieldHint(path: readonly PropertyKey[]): string {
  const { label } = fieldLabelFr(path.filter((part): part is string | number => typeof part !== 'symbol'));
  return `Corrigez ${label} puis réessayez : rien n’a été modifié.`;
}
