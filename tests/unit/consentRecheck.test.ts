import { describe, expect, it } from 'vitest';
import { consentChanges, type FreshRecording } from '../../src-main/editing/consentRecheck';
import type { RenderPlan } from '../../src-main/editing/renderPlan';
import type { RecordingCheck } from '../../src-shared/contract/schemas';

const plan = {
  settings: { audience: 'partners' },
  segments: [{ kind: 'clip', recordingId: 7 }],
  check: { people: [{ personId: 1, displayName: 'Léa Fontaine', shownAs: 'Léa Fontaine', conditions: ['face-blurred'] }] },
} as unknown as RenderPlan;

const check = (people: RecordingCheck['people']): FreshRecording => ({
  recordingId: 7,
  needsReview: null,
  check: { recordingId: 7, audience: 'partners', on: '2026-11-22', decision: 'allowed', nobodyLinked: false, people },
});
const allowed = (conditions: string[] = []) => ({
  decision: conditions.length ? ('allowed-with' as const) : ('allowed' as const),
  conditions: conditions as never[],
  reasons: [],
});

describe('consentChanges: is a rendered plan still allowed at the moment it is recorded?', () => {
  it('holds when nothing changed, or when a condition was lifted', () => {
    expect(consentChanges(plan, [check([{ personId: 1, displayName: 'Léa Fontaine', result: allowed(['face-blurred']) }])])).toEqual([]);
    expect(consentChanges(plan, [check([{ personId: 1, displayName: 'Léa Fontaine', result: allowed() }])])).toEqual([]);
  });

  it('names a withdrawal, a new condition, a new person, a deleted recording and a recording to review', () => {
    const withdrawn = { decision: 'refused' as const, conditions: [], reasons: [{ code: 'withdrawn', scope: 'partners' as const }] };
    expect(consentChanges(plan, [check([{ personId: 1, displayName: 'Léa Fontaine', result: withdrawn }])])).toEqual([
      'Léa Fontaine : a retiré son consentement « Partenaires »',
    ]);
    expect(
      consentChanges(plan, [check([{ personId: 1, displayName: 'Léa Fontaine', result: allowed(['face-blurred', 'voice-altered']) }])]),
    ).toEqual(['Léa Fontaine demande maintenant : voix modifiée']);
    expect(
      consentChanges(plan, [
        check([
          { personId: 1, displayName: 'Léa Fontaine', result: allowed(['face-blurred']) },
          { personId: 2, displayName: 'Jonas', result: allowed() },
        ]),
      ]),
    ).toEqual(['Jonas apparaît maintenant dans la vidéo n° 7 (lien ajouté pendant l’export)']);
    expect(consentChanges(plan, [{ recordingId: 7, check: null, needsReview: null }])).toEqual(['la vidéo n° 7 a été supprimée']);
    expect(
      consentChanges(plan, [
        { ...check([{ personId: 1, displayName: 'Léa Fontaine', result: allowed(['face-blurred']) }]), needsReview: 'x' },
      ]),
    ).toEqual(['la vidéo n° 7 est à revoir après un effacement']);
  });

  it('names a face track given to someone else, or a new analysis, while the export rendered', () => {
    const withFaces = { ...plan, faceAssignments: [{ recordingId: 7, signature: '0.2|1:1:30,2:inconnu:12' }] } as RenderPlan;
    const same = check([{ personId: 1, displayName: 'Léa Fontaine', result: allowed(['face-blurred']) }]);
    expect(consentChanges(withFaces, [{ ...same, faceAssignments: '0.2|1:1:30,2:inconnu:12' }])).toEqual([]);
    expect(consentChanges(withFaces, [{ ...same, faceAssignments: '0.2|1:inconnu:30,2:inconnu:12' }])).toEqual([
      'les visages de la vidéo n° 7 ont été attribués autrement ou analysés de nouveau pendant l’export',
    ]);
    expect(consentChanges(withFaces, [{ ...same, faceAssignments: null }])).toHaveLength(1);
    // not asked (no tracks store), or a plan made before any analysis: nothing to compare
    expect(consentChanges(withFaces, [same])).toEqual([]);
    expect(consentChanges(plan, [{ ...same, faceAssignments: '0.2|1:1:30' }])).toEqual([]);
  });
});
