/**
 * How long a project keeps what it films and writes, per project kind: the one home of
 * the retention defaults and of the day something falls due. Source: the CNIL's guidance
 * on recordings kept to train people (at most 6 months) and on analysis documents (at
 * most 1 year); a testimony is kept as long as the consent of the people in it. Each
 * project may change a category (a number of months, or "as long as the consent").
 * Pure and dependency-free, so the renderer shows the same words the main side applies.
 */
import { idsOf } from './contract/wordTable';
import { addDays, addMonths } from './age';
import type { PROJECT_KINDS } from './contract/vocabulary';

type ProjectKind = (typeof PROJECT_KINDS)[number];

/** What is kept, by kind of item; `printedFr` names it in plain French. */
export const RETENTION_CATEGORY_TABLE = [
  { id: 'interview-videos', labelKey: 'retention.category.interview-videos', printedFr: 'Vidéos d’entretien' },
  { id: 'testimonies', labelKey: 'retention.category.testimonies', printedFr: 'Témoignages' },
  { id: 'comments', labelKey: 'retention.category.comments', printedFr: 'Commentaires' },
  { id: 'feedback-sheets', labelKey: 'retention.category.feedback-sheets', printedFr: 'Fiches de retour' },
] as const;
export const RETENTION_CATEGORIES = idsOf(RETENTION_CATEGORY_TABLE);
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Months kept after the item was made, or null: kept as long as the consent of the people filmed. */
export type RetentionMonths = number | null;
export type RetentionSettings = Record<RetentionCategory, RetentionMonths>;

/** The most months a project may choose (10 years): beyond, nothing would ever fall due. */
export const MAX_RETENTION_MONTHS = 120;

/**
 * Defaults per project kind. In a testimony campaign the comments carry the quotes the
 * packs are built from, so they stay as long as the testimony's consent.
 */
export const DEFAULT_RETENTION: Record<ProjectKind, RetentionSettings> = {
  'interview-workshop': { 'interview-videos': 6, testimonies: null, comments: 12, 'feedback-sheets': 12 },
  'testimony-campaign': { 'interview-videos': 6, testimonies: null, comments: null, 'feedback-sheets': 12 },
};

/**
 * The day an item made on `madeOn` (YYYY-MM-DD) falls due: the day after its retention
 * ends. Kept 6 months from 12 January means kept through 12 July, due on 13 July; from
 * 31 August, kept through 28 (29) February, due on 1 March.
 */
export function dueAfterMonths(madeOn: string, months: number): string {
  return addDays(addMonths(madeOn, months), 1);
}

/** "conservation 6 mois" / "conservation tant que le consentement est valable". */
export function retentionPhraseFr(months: RetentionMonths): string {
  return months === null ? 'conservation tant que le consentement est valable' : `conservation ${months} mois`;
}

/** What the category is called in French (plain words, for the dashboard and the CLI). */
export function retentionCategoryFr(category: RetentionCategory): string {
  return RETENTION_CATEGORY_TABLE.find((entry) => entry.id === category)!.printedFr;
}

/** "2026-03-12" → "12/03/2026", as the dashboard writes dates. */
export function slashDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** What the dashboard and the command line say about one item past its retention. */
export interface DueItemWords {
  kind: 'recording' | 'comment' | 'feedback-sheet';
  category: RetentionCategory;
  title: string;
  months: RetentionMonths;
  dueSince: string;
  atClock: string | null;
  deleted: boolean;
  goesWith: { comments: number; feedbackSheets: number };
}

/** "Vidéo « Entretien de Léa » — à effacer depuis le 12/03/2026 (conservation 6 mois), avec 3 commentaires". */
export function dueItemSentenceFr(item: DueItemWords): string {
  const title = `« ${item.title || 'sans titre'} »`;
  const what =
    item.kind === 'recording'
      ? `${item.category === 'testimonies' ? 'Témoignage' : 'Vidéo'} ${title}`
      : item.kind === 'comment'
        ? `${item.deleted ? 'Commentaire supprimé' : 'Commentaire'}${item.atClock ? ` à ${item.atClock}` : ''} sur ${title}`
        : `Fiche de retour de ${title}`;
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const goes = [
    item.goesWith.comments
      ? plural(
          item.goesWith.comments,
          item.kind === 'comment' ? 'réponse' : 'commentaire',
          item.kind === 'comment' ? 'réponses' : 'commentaires',
        )
      : null,
    item.goesWith.feedbackSheets ? plural(item.goesWith.feedbackSheets, 'fiche de retour', 'fiches de retour') : null,
  ].filter(Boolean);
  return `${what} — à effacer depuis le ${slashDate(item.dueSince)} (${retentionPhraseFr(item.months)})${goes.length ? `, avec ${goes.join(' et ')}` : ''}`;
}
