// The set-up the face tests share: a testimony project, its people with their consent (a blurred
// face asked for some audiences), and a face video imported with the people filmed linked to it.
import type { Recording } from '../../src-shared/contract/schemas';

type Call = <T>(method: string, input: unknown) => Promise<T>;

export interface FacePerson {
  displayName: string;
  role: 'young-person' | 'employer' | 'tutor';
  /** Audiences granted (signed form). */
  scopes: readonly string[];
  /** Among them, those for which the face must be blurred. */
  faceBlurredFor?: readonly string[];
  /** Filmed in the recording (linked to it); true unless said. */
  filmed?: boolean;
}

export async function faceProject<const P extends readonly FacePerson[]>(
  call: Call,
  options: { projectName: string; file: string; title: string; people: P },
): Promise<{ projectId: number; personIds: { [K in keyof P]: number }; recording: Recording }> {
  const projectId = (await call<{ id: number }>('projects.create', { name: options.projectName, kind: 'testimony-campaign' })).id;
  const personIds: number[] = [];
  for (const person of options.people) {
    const id = (await call<{ id: number }>('people.add', { projectId, displayName: person.displayName, role: person.role })).id;
    personIds.push(id);
    for (const scope of person.scopes) {
      const conditions = person.faceBlurredFor?.includes(scope) ? ['face-blurred'] : [];
      await call('consent.set', { personId: id, scope, status: 'granted', method: 'signed-form', conditions });
    }
  }
  const recording = await call<Recording>('recordings.importFile', {
    path: options.file,
    projectId,
    title: options.title,
    people: options.people.flatMap((person, i) => (person.filmed === false ? [] : [{ personId: personIds[i]!, part: '' }])),
  });
  return { projectId, personIds: personIds as { [K in keyof P]: number }, recording };
}
