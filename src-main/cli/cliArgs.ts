/**
 * Turns command-line text into API inputs: ids, dates, times and repeatable flags,
 * each with an error naming the flag when it is malformed.
 */
import { AppError } from '../../src-shared/appError';

export function parseIdFlag(value: string | undefined, flag: string): number {
  if (value === undefined) throw new AppError('invalid-input', `L’option --${flag} est obligatoire.`, { field: flag });
  if (!/^\d{1,15}$/.test(value) || Number(value) === 0) {
    throw new AppError('invalid-input', `L’option --${flag} attend un numéro (un nombre entier positif), pas « ${value} ».`, {
      field: flag,
    });
  }
  return Number(value);
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new AppError('invalid-input', `L’option --${flag} est obligatoire.`, { field: flag });
  return value;
}

/** A verb's positional argument (`import <file>`), required; its errors name the argument, never a flag. */
export function requirePositional(value: string | undefined, argument: string, field: string, usage: string): string {
  if (value === undefined || value === '') {
    throw new AppError('invalid-input', `Il manque ${argument} : ${usage}.`, { field });
  }
  return value;
}

/** Parsed command-line flags: a string, a switch, or a repeated flag's values. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

/** A string flag's value, or undefined when left out (or given as a switch). */
export const str = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

/** A repeatable flag's values, empty when left out. */
export const list = (flags: Flags, name: string) => (flags[name] as string[] | undefined) ?? [];

/** API fields fed by a positional argument rather than a flag (`import <file>`): errors name the argument. */
export const ARGUMENT_FOR_FIELD: Record<string, string> = {
  path: '<file>',
  folder: 'folder',
  words: '<words>',
};

/** Maps API field names back to the CLI flags that feed them, for error messages. */
export const FLAG_FOR_FIELD: Record<string, string> = {
  displayName: 'name',
  givenName: 'given-name',
  familyName: 'family-name',
  startDate: 'start',
  endDate: 'end',
  birthDate: 'birth-date',
  projectId: 'project',
  animatorPersonId: 'animator',
  sessionId: 'session',
  people: 'person',
  personId: 'person',
  recordingId: 'recording',
  decidedOn: 'date',
  expiresOn: 'expires',
  conditions: 'condition',
  guardianIds: 'guardian',
  evidenceRecordingId: 'evidence-recording',
  startSeconds: 'at',
  endSeconds: 'to',
  authorPersonId: 'author',
  parentId: 'reply-to',
  inSeconds: 'from',
  outSeconds: 'to',
  fromSeconds: 'from',
  toSeconds: 'to',
  destination: 'out',
  clipId: 'clip',
  montageId: 'montage',
  speakerPersonId: 'speaker',
  content: 'file',
  exportId: 'export',
  montageIds: 'montage',
  clipIds: 'clip',
  themes: 'theme',
  recipientId: 'recipient',
  personIds: 'person',
  confirmed: 'confirm',
  givenOn: 'date',
};
