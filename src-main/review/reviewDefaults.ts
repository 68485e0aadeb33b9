/**
 * The default workshop vocabulary (comment categories, rubric criteria), read from
 * resources/review/defaults.json so a team can adapt it without touching code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../platform/resourcesDir';

export interface ReviewDefaults {
  commentCategories: string[];
  strengthCategory: string;
  improvementCategory: string;
  rubricCriteria: string[];
  rubricScale: string[];
}

let cached: ReviewDefaults | null = null;

export function reviewDefaults(): ReviewDefaults {
  cached ??= JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'review', 'defaults.json'), 'utf8')) as ReviewDefaults;
  return cached;
}
