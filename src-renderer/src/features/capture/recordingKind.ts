/**
 * What a new take is when nobody says otherwise: a testimony campaign films testimonies,
 * a workshop films interviews. Used by filming and by importing files alike.
 */
import type { ProjectKind, RecordingKind } from '../../../../src-shared/contract/schemas';

export function recordingKindFor(projectKind: ProjectKind | undefined): RecordingKind {
  return projectKind === 'testimony-campaign' ? 'testimony' : 'interview';
}
