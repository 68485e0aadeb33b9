/**
 * What a pack shows, once the consent gate has decided: the project's context and key
 * figures, the montages, the clips grouped by theme with their quotes, and how each
 * person appears. The page, the PDF and the register are all written from this, so
 * they cannot disagree about who is in the pack.
 */
import type { Audience, ConsentCondition } from '../consent/consentPolicy';
import type { PersonRole, ProjectKind } from '../../src-shared/contract/schemas';
import type { Cue } from '../media/subtitleFormats';

export interface PackVideo {
  name: string;
  /** Paths inside the pack folder. */
  file: string;
  subtitles: string | null;
  still: string | null;
  durationSeconds: number;
  cues: Cue[];
}

export interface PackClip extends PackVideo {
  /** The speaker as their consent allows (null: no name). */
  speaker: string | null;
  role: string | null;
  /** Each credited to the person it quotes, as they may be named (null: no name). */
  quotes: Array<{ text: string; by: string | null; role: string | null }>;
}

export interface PackContent {
  packId: string;
  createdAt: string;
  appVersion: string;
  audience: Audience;
  project: {
    name: string;
    kind: ProjectKind;
    place: string;
    startDate: string | null;
    endDate: string | null;
    description: string;
    withdrawalContact: string;
  };
  /** What is in the pack (not the whole project): its sessions, its videos, their length, the people shown by role. */
  figures: { sessions: number; recordings: number; filmedSeconds: number; peopleByRole: Array<{ role: PersonRole; count: number }> };
  montages: PackVideo[];
  themes: Array<{ name: string; clips: PackClip[] }>;
  people: Array<{ personId: number; shownAs: string | null; role: string; conditions: ConsentCondition[] }>;
}
