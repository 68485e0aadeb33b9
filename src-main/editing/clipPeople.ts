/**
 * Who appears in a clip's range. By default everyone linked to the recording; an animator
 * may confirm that only some of them are on screen ("Je confirme que seules ces personnes
 * apparaissent dans cet extrait"), so one person's refusal does not block the clips they
 * are not in. Leaving someone out widens what the clip may show, so it needs the
 * confirmation and goes into each person's consent log. The excluded set is stored: a
 * person linked to the recording later appears in every clip until someone confirms otherwise.
 */
import { AppError } from '../../src-shared/appError';
import type { Clip } from '../../src-shared/contract/schemas/editing';
import type { SetClipPeopleInput } from '../../src-shared/contract/schemas';
import type { ConsentStore } from '../consent/consentStore';
import type { Library } from '../library/library';
import type { ClipsStore } from './clipsStore';

export const NARROWING_CONFIRMATION_FR = 'Je confirme que seules ces personnes apparaissent dans cet extrait';

export function setClipPeople(deps: { library: Library; clips: ClipsStore; consentStore: ConsentStore }, input: SetClipPeopleInput): Clip {
  return deps.library.db.transaction(() => {
    const clip = deps.clips.get(input.clipId, 'clipId');
    const recording = deps.library.recordings.get(clip.recordingId);
    const linked = recording.people.map((person) => person.personId);
    const stranger = input.personIds.find((id) => !linked.includes(id));
    if (stranger !== undefined) {
      throw new AppError('invalid-input', `La personne n° ${stranger} n'est pas dans les personnes filmées de cet enregistrement.`, {
        field: 'personIds',
        hint: 'Ajoutez-la d’abord aux « Personnes filmées » de l’enregistrement.',
      });
    }
    const excluded = linked.filter((id) => !input.personIds.includes(id));
    if (excluded.length && input.confirmed !== true) {
      throw new AppError('invalid-input', 'Laisser des personnes hors de cet extrait demande une confirmation.', {
        field: 'confirmed',
        hint: `Cochez « ${NARROWING_CONFIRMATION_FR} » après avoir regardé tout l’extrait.`,
      });
    }
    if (clip.speakerPersonId !== null && excluded.includes(clip.speakerPersonId)) {
      throw new AppError('invalid-input', 'La personne qui parle dans cet extrait doit en faire partie.', {
        field: 'personIds',
        hint: 'Gardez-la cochée, ou changez d’abord la personne qui parle.',
      });
    }
    const before = new Set(clip.excludedPersonIds);
    deps.clips.setExcluded(clip.id, excluded, input.actor ?? '');
    const changed = [...excluded.filter((id) => !before.has(id)), ...[...before].filter((id) => !excluded.includes(id))];
    for (const personId of changed) {
      const nowExcluded = excluded.includes(personId);
      deps.consentStore.audit({
        projectId: clip.projectId,
        personId,
        action: nowExcluded ? 'clip-person-excluded' : 'clip-person-included',
        change: {
          clipId: clip.id,
          recordingId: clip.recordingId,
          from: nowExcluded ? 'appears' : 'excluded',
          to: nowExcluded ? 'excluded' : 'appears',
          ...(nowExcluded ? { confirmation: NARROWING_CONFIRMATION_FR } : {}),
        },
        actor: input.actor,
        reason: input.reason,
      });
    }
    return deps.clips.get(clip.id);
  })();
}
