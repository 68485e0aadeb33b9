import { describe, expect, it } from 'vitest';
import type { RecordingCheck } from '../../src-shared/contract/schemas';
import { buildRenderPlan, type PlanRecording, type PlanSettings } from '../../src-main/editing/renderPlan';
import { shownName } from '../../src-shared/personName';

const settings: PlanSettings = {
  audience: 'elected',
  preset: '720p',
  fadeSeconds: 0,
  normaliseAudio: false,
  lowerThirds: true,
  burnSubtitles: false,
};

function recording(
  id: number,
  people: Array<{ id: number; name: string; decision: 'allowed' | 'allowed-with' | 'refused'; conditions?: string[] }>,
  extra: Partial<PlanRecording> = {},
): PlanRecording {
  const check: RecordingCheck = {
    recordingId: id,
    audience: 'elected',
    on: '2026-11-23',
    decision: people.some((p) => p.decision === 'refused') || people.length === 0 ? 'refused' : 'allowed',
    nobodyLinked: people.length === 0,
    people: people.map((p) => ({
      personId: p.id,
      displayName: p.name,
      result: {
        decision: p.decision,
        conditions: (p.conditions ?? []) as never,
        reasons: p.decision === 'refused' ? [{ code: 'refused', scope: 'elected' }] : [],
      },
    })),
  };
  return {
    id,
    title: `Rec ${id}`,
    masterPath: `/lib/${id}.mp4`,
    durationSeconds: 60,
    width: 1280,
    height: 720,
    masterBytes: 1_000_000,
    hasVideo: true,
    hasAudio: true,
    needsReview: null,
    people: people.map((p) => ({ personId: p.id, displayName: p.name, role: 'job-seeker', part: '' })),
    check,
    cues: [{ startSeconds: 4, endSeconds: 6, text: 'Je suis motivée' }],
    ...extra,
  };
}

const clip = (rec: PlanRecording, inSeconds: number, outSeconds: number, extra: Record<string, unknown> = {}) => ({
  kind: 'clip' as const,
  recording: rec,
  inSeconds,
  outSeconds,
  speakerPersonId: null,
  blurBox: null,
  ...extra,
});

describe('names under consent conditions', () => {
  it('prints the full name, the first name only, or nothing', () => {
    expect(shownName('Samira Benali', [])).toBe('Samira Benali');
    expect(shownName('Samira Benali', ['first-name-only'])).toBe('Samira');
    expect(shownName('Samira Benali', ['no-name', 'first-name-only'])).toBeNull();
  });
});

describe('render plan', () => {
  it('applies each condition to the clips of the person who asked for it, and shifts subtitles to output time', () => {
    const samira = recording(1, [{ id: 10, name: 'Samira Benali', decision: 'allowed-with', conditions: ['first-name-only'] }]);
    const jonas = recording(2, [{ id: 11, name: 'Jonas Petit', decision: 'allowed-with', conditions: ['face-blurred', 'voice-altered'] }]);
    const plan = buildRenderPlan(
      [
        { kind: 'title', text: 'Titre', seconds: 2 },
        clip(samira, 3, 8),
        clip(jonas, 0, 5, {
          blurBox: { x: 0.1, y: 0.1, w: 0.3, h: 0.3 },
          // a drawn region stands for a blurred face only once confirmed on stills across the range
          faceCheck: {
            blurBox: { x: 0.1, y: 0.1, w: 0.3, h: 0.3 },
            inSeconds: 0,
            outSeconds: 5,
            stillSeconds: [0.5, 2.5, 4.5],
            confirmedBy: 'Animatrice',
            confirmedAt: '2026-11-23T10:00:00Z',
          },
        }),
      ],
      settings,
    );
    expect(plan.check.allowed).toBe(true);
    expect(plan.totalSeconds).toBe(12);
    expect(plan.segments[1]).toMatchObject({
      kind: 'clip',
      pixelate: null,
      alterVoice: false,
      lowerThird: { name: 'Samira', role: "Demandeur ou demandeuse d'emploi" },
    });
    expect(plan.segments[2]).toMatchObject({
      pixelate: { x: 0.1, y: 0.1, w: 0.3, h: 0.3 },
      alterVoice: true,
      lowerThird: { name: 'Jonas Petit' },
    });
    // Samira's cue 4–6 s lies at 1–3 s of her clip, which starts after the 2 s title; Jonas's at 4–5 s of his (clip ends at 5)
    expect(plan.cues).toEqual([
      { startSeconds: 3, endSeconds: 5, text: 'Je suis motivée' },
      { startSeconds: 11, endSeconds: 12, text: 'Je suis motivée' },
    ]);
    expect(plan.personIds).toEqual([10, 11]);
  });

  it('pixelates the whole frame when no box was drawn, and prints the role alone under no-name', () => {
    const rec = recording(3, [{ id: 12, name: 'Léa Martin', decision: 'allowed-with', conditions: ['face-blurred', 'no-name'] }]);
    const plan = buildRenderPlan([clip(rec, 0, 4)], settings);
    expect(plan.segments[0]).toMatchObject({ pixelate: 'frame', lowerThird: { name: null, role: "Demandeur ou demandeuse d'emploi" } });
  });

  it('lists every person who blocks, once, with the recordings they block', () => {
    const a = recording(4, [
      { id: 13, name: 'Karim', decision: 'refused' },
      { id: 14, name: 'Ana', decision: 'allowed' },
    ]);
    const b = recording(5, [{ id: 13, name: 'Karim', decision: 'refused' }]);
    const plan = buildRenderPlan([clip(a, 0, 2), clip(b, 0, 2), clip(a, 3, 4)], settings);
    expect(plan.check.allowed).toBe(false);
    expect(plan.check.blockers).toEqual([
      { personId: 13, displayName: 'Karim', reasons: [{ code: 'refused', scope: 'elected' }], recordingIds: [4, 5] },
    ]);
  });

  it('refuses recordings nobody is linked to, or to review after an erasure', () => {
    const nobody = recording(6, []);
    const review = recording(7, [{ id: 15, name: 'Ana', decision: 'allowed' }], { needsReview: 'erased person' });
    const plan = buildRenderPlan([clip(nobody, 0, 1), clip(review, 0, 1)], settings);
    expect(plan.check.allowed).toBe(false);
    expect(plan.check.recordingProblems.map((p) => p.problem)).toEqual(['nobody-linked', 'needs-review']);
  });

  it('names the speaker chosen on the clip when the recording shows several people', () => {
    const rec = recording(8, [
      { id: 16, name: 'Ana Dias', decision: 'allowed' },
      { id: 17, name: 'Paul Roy', decision: 'allowed' },
    ]);
    expect(buildRenderPlan([clip(rec, 0, 2)], settings).segments[0]).toMatchObject({ lowerThird: null });
    expect(buildRenderPlan([clip(rec, 0, 2, { speakerPersonId: 17 })], settings).segments[0]).toMatchObject({
      lowerThird: { name: 'Paul Roy' },
    });
  });
});

describe('a clip narrowed to the people on screen', () => {
  const mixed = recording(7, [
    { id: 1, name: 'Samira Benali', decision: 'allowed', conditions: ['first-name-only'] },
    { id: 2, name: 'Karim Haddad', decision: 'refused' },
  ]);

  it('is not blocked by a person it leaves out, who is neither shown nor registered, and names its only person', () => {
    const plan = buildRenderPlan([clip(mixed, 0, 4, { excludedPersonIds: [2] })], settings);
    expect(plan.check).toMatchObject({ allowed: true, blockers: [] });
    expect(plan.check.people.map((p) => p.personId)).toEqual([1]);
    expect(plan.personIds).toEqual([1]);
    const segment = plan.segments[0]!;
    expect(segment.kind === 'clip' && segment.lowerThird?.name).toBe('Samira');
  });

  it('still blocks the clips of the same recording that are not narrowed, and refuses a clip that leaves everyone out', () => {
    const plan = buildRenderPlan([clip(mixed, 0, 4, { excludedPersonIds: [2] }), clip(mixed, 4, 8)], settings);
    expect(plan.check.blockers.map((b) => b.displayName)).toEqual(['Karim Haddad']);
    expect(plan.personIds.sort()).toEqual([1, 2]);
    const empty = buildRenderPlan([clip(mixed, 0, 4, { excludedPersonIds: [1, 2] })], settings);
    expect(empty.check.allowed).toBe(false);
    expect(empty.check.recordingProblems).toEqual([expect.objectContaining({ problem: 'nobody-linked' })]);
  });

  it('does not leave out a person whose assigned face the tracks show in its range: they block, or are blurred', () => {
    const box = (t: number) => ({ t, x: 0.3, y: 0.2, w: 0.2, h: 0.3, score: 0.9 });
    const track = (trackId: number, personId: number, times: number[]) => ({ trackId, personId, reviewed: true, boxes: times.map(box) });
    const faces = { step: 0.5, tracks: [track(1, 1, [0, 0.5, 1]), track(2, 2, [1, 1.5, 2, 2.5])] };
    // Karim's face is seen from 1 s: a clip of 0–4 s "without him" is blocked by his refusal; one of 3–4 s is not
    const tracked = { ...mixed, faces };
    const wrong = buildRenderPlan([clip(tracked, 0, 4, { excludedPersonIds: [2] })], settings);
    expect(wrong.check.blockers.map((b) => b.displayName)).toEqual(['Karim Haddad']);
    expect(wrong.personIds.sort()).toEqual([1, 2]);
    expect(buildRenderPlan([clip(tracked, 3, 4, { excludedPersonIds: [2] })], settings).check.allowed).toBe(true);
    // face-blurred and "left out" while his face is there: his face is blurred
    const blurred = recording(8, [
      { id: 1, name: 'Samira Benali', decision: 'allowed' },
      { id: 2, name: 'Karim Haddad', decision: 'allowed-with', conditions: ['face-blurred'] },
    ]);
    const plan = buildRenderPlan([clip({ ...blurred, faces }, 0, 2, { excludedPersonIds: [2] })], settings);
    expect(plan.check.allowed).toBe(true);
    const segment = plan.segments[0]!;
    expect(segment.kind === 'clip' && segment.faceBlur?.some((frame) => frame === 'frame' || frame.length > 0)).toBe(true);
    expect(segment.kind === 'clip' && segment.excludedPersonIds).toBeFalsy();
  });
});

describe('a lower third needs a speaker', () => {
  it('refuses, naming the clip, a lower third on a clip of two people with no speaker chosen; allows it once one is', () => {
    const rec = recording(7, [
      { id: 1, name: 'Léa Martin', decision: 'allowed' },
      { id: 2, name: 'Karim Haddad', decision: 'allowed' },
    ]);
    const refused = buildRenderPlan([{ ...clip(rec, 0, 10), clipName: 'Le métier' }], settings, { speakerRequired: true });
    expect(refused.check.allowed).toBe(false);
    expect(refused.check.recordingProblems).toEqual([{ recordingId: 7, title: 'Rec 7', problem: 'no-speaker', clipName: 'Le métier' }]);
    const chosen = buildRenderPlan([{ ...clip(rec, 0, 10), speakerPersonId: 2, clipName: 'Le métier' }], settings, {
      speakerRequired: true,
    });
    expect(chosen.check.allowed).toBe(true);
    expect(chosen.segments[0]).toMatchObject({ lowerThird: { name: 'Karim Haddad' } });
    const without = buildRenderPlan([clip(rec, 0, 10)], { ...settings, lowerThirds: false }, { speakerRequired: true });
    expect(without.check.allowed).toBe(true);
    // a pack (not asked from the panel) leaves the banner out rather than the clip
    const packed = buildRenderPlan([clip(rec, 0, 10)], settings);
    expect(packed.check.allowed).toBe(true);
    expect(packed.segments[0]).toMatchObject({ lowerThird: null });
  });

  it('names the clips a refused person blocks', () => {
    const rec = recording(8, [{ id: 3, name: 'Samira Benali', decision: 'refused' }]);
    const plan = buildRenderPlan([{ ...clip(rec, 0, 5), clipName: 'Mon apprentissage' }], settings);
    expect(plan.check.blockers[0]).toMatchObject({ displayName: 'Samira Benali', clipNames: ['Mon apprentissage'] });
  });
});

describe('"inconnus floutés"', () => {
  it('pixelates the whole picture of a recording whose faces were never looked for, and says so', () => {
    const rec = recording(9, [{ id: 1, name: 'Léa Martin', decision: 'allowed' }]);
    const plan = buildRenderPlan([clip(rec, 2, 5)], { ...settings, blurUnknownFaces: true });
    const segment = plan.segments[0]!;
    expect(segment.kind === 'clip' && segment.pixelate).toBe('frame');
    expect(plan.check.faceFramesAtRisk).toEqual([{ personId: null, fromSeconds: 2, toSeconds: 5, action: 'whole-frame', recordingId: 9 }]);
    // analysed: only the unknown faces are pixelated
    const analysed = buildRenderPlan([clip({ ...rec, faces: { step: 0.5, tracks: [] } }, 2, 5)], { ...settings, blurUnknownFaces: true });
    const kept = analysed.segments[0]!;
    expect(kept.kind === 'clip' && kept.pixelate).toBeNull();
  });
});
