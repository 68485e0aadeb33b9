/**
 * The pure retention rule at its boundaries: due the day after 6 months, month ends and
 * leap years, testimonies whose consent to be filmed was withdrawn, refused, expired or
 * ended at majority, what goes with a video, and the proof of a filmed oral consent kept.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, dueAfterMonths, dueItemSentenceFr } from '../../src-shared/retention';
import { dueForRetention, type RetainedRecording } from '../../src-main/privacy/retentionDue';
import type { ConsentRecord } from '../../src-main/consent/consentPolicy';

const workshop = DEFAULT_RETENTION['interview-workshop'];

const granted = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  scope: 'recording',
  status: 'granted',
  conditions: [],
  decidedOn: '2026-01-12',
  expiresOn: '2028-01-12',
  minorAgreed: false,
  signatories: [],
  ...overrides,
});

const adult = { id: 1, displayName: 'Léa Martin', birthDate: '1990-04-02' };

function recording(overrides: Partial<RetainedRecording> = {}): RetainedRecording {
  return {
    id: 10,
    kind: 'interview',
    title: 'Entretien',
    madeOn: '2026-01-12',
    people: [{ person: adult, records: [granted()] }],
    ...overrides,
  };
}

const dueOn = (on: string, input: Partial<Parameters<typeof dueForRetention>[0]> = {}) =>
  dueForRetention({ settings: workshop, recordings: [], comments: [], sheets: [], on, ...input });

describe('the day something falls due', () => {
  it('is the day after the period: 6 months from 12 January are kept through 12 July', () => {
    expect(dueAfterMonths('2026-01-12', 6)).toBe('2026-07-13');
    expect(dueOn('2026-07-12', { recordings: [recording()] })).toEqual([]);
    expect(dueOn('2026-07-13', { recordings: [recording()] })).toMatchObject([{ kind: 'recording', id: 10, dueSince: '2026-07-13' }]);
  });

  it('at month ends: 31 August + 6 months is the last day of February, leap years included', () => {
    expect(dueAfterMonths('2025-08-31', 6)).toBe('2026-03-01'); // kept through 28 February 2026
    expect(dueAfterMonths('2027-08-31', 6)).toBe('2028-03-01'); // kept through 29 February 2028
    expect(dueAfterMonths('2026-03-31', 6)).toBe('2026-10-01'); // kept through 30 September
    expect(dueAfterMonths('2026-12-31', 12)).toBe('2028-01-01');
    expect(dueAfterMonths('2024-02-29', 12)).toBe('2025-03-01'); // kept through 28 February 2025
    expect(dueOn('2026-02-28', { recordings: [recording({ madeOn: '2025-08-31' })] })).toEqual([]);
    expect(dueOn('2026-03-01', { recordings: [recording({ madeOn: '2025-08-31' })] })).toHaveLength(1);
  });

  it('comments and feedback sheets at 12 months; a video takes its comments and sheets with it', () => {
    const comments = [
      { id: 1, recordingId: 10, atSeconds: 72, madeOn: '2026-01-12', replies: 2, deleted: false },
      { id: 2, recordingId: 11, atSeconds: 5, madeOn: '2026-01-12', replies: 0, deleted: true },
    ];
    const sheets = [
      { id: 7, recordingId: 10, madeOn: '2026-01-20' },
      { id: 8, recordingId: 11, madeOn: '2026-01-20' },
    ];
    const recordings = [recording(), recording({ id: 11, kind: 'testimony', title: 'Témoignage' })];
    const items = dueOn('2027-01-20', { recordings, comments, sheets });
    expect(items.map((item) => `${item.kind}:${item.id}:${item.dueSince}`)).toEqual(['recording:10:2026-07-13', 'comment:2:2027-01-13']); // the sheet of the testimony (made 20 January) falls due on 21 January
    expect(items[0]!.goesWith).toEqual({ comments: 3, feedbackSheets: 1 });
    expect(items[1]).toMatchObject({ deleted: true, category: 'comments', months: 12 });
    expect(dueOn('2027-01-21', { recordings, comments, sheets }).map((item) => `${item.kind}:${item.id}`)).toEqual([
      'recording:10',
      'comment:2',
      'feedback-sheet:8',
    ]);
  });
});

describe('testimonies are kept as long as the consent to be filmed', () => {
  const testimony = (records: ConsentRecord[], person: RetainedRecording['people'][number]['person'] = adult) =>
    recording({ kind: 'testimony', title: 'Témoignage', people: [{ person, records }] });

  it('withdrawn or refused: due from the day of the decision', () => {
    expect(dueOn('2026-09-01', { recordings: [testimony([granted()])] })).toEqual([]);
    expect(dueOn('2026-09-01', { recordings: [testimony([granted({ status: 'withdrawn', decidedOn: '2026-08-14' })])] })).toMatchObject([
      { dueSince: '2026-08-14', months: null, category: 'testimonies' },
    ]);
    expect(dueOn('2026-09-01', { recordings: [testimony([granted({ status: 'refused', decidedOn: '2026-08-20' })])] })).toMatchObject([
      { dueSince: '2026-08-20' },
    ]);
  });

  it('expired: due the day after its last day; a withdrawal of an audience alone keeps the video', () => {
    const expiring = [granted({ expiresOn: '2026-10-31' })];
    expect(dueOn('2026-10-31', { recordings: [testimony(expiring)] })).toEqual([]);
    expect(dueOn('2026-11-01', { recordings: [testimony(expiring)] })).toMatchObject([{ dueSince: '2026-11-01' }]);
    const publicWithdrawn = [granted(), granted({ scope: 'public', status: 'withdrawn', decidedOn: '2026-03-01' })];
    expect(dueOn('2026-11-01', { recordings: [testimony(publicWithdrawn)] })).toEqual([]);
  });

  it('a consent never given or still pending is not an ended consent', () => {
    expect(dueOn('2030-01-01', { recordings: [testimony([])] })).toEqual([]);
    expect(dueOn('2030-01-01', { recordings: [testimony([granted({ status: 'pending' })])] })).toEqual([]);
  });

  it('a minor’s consent ends on the eve of 18: due on the birthday (29 February born: 1 March)', () => {
    const minor = { id: 2, displayName: 'Inès Roux', birthDate: '2008-08-20' };
    const signed = [
      granted({ expiresOn: '2028-01-12', minorAgreed: true, signatories: [{ capacity: 'parent-1', soleHolderReason: null }] }),
    ];
    expect(dueOn('2026-08-19', { recordings: [testimony(signed, minor)] })).toEqual([]);
    expect(dueOn('2026-08-20', { recordings: [testimony(signed, minor)] })).toMatchObject([{ dueSince: '2026-08-20' }]);
    const leap = { id: 3, displayName: 'Noé Petit', birthDate: '2008-02-29' };
    expect(dueOn('2026-03-01', { recordings: [testimony(signed, leap)] })).toMatchObject([{ dueSince: '2026-03-01' }]);
    expect(dueOn('2026-02-28', { recordings: [testimony(signed, leap)] })).toEqual([]);
    // emancipated before signing: an adult's consent, no end at majority
    const emancipated = { ...minor, emancipatedOn: '2025-01-10' };
    expect(dueOn('2026-08-20', { recordings: [testimony([granted()], emancipated)] })).toEqual([]);
  });

  it('the first of the people whose consent ended makes the whole video due', () => {
    const other = { id: 4, displayName: 'Karim Haddad', birthDate: null };
    const both = recording({
      kind: 'testimony',
      people: [
        { person: adult, records: [granted({ status: 'withdrawn', decidedOn: '2026-09-10' })] },
        { person: other, records: [granted({ expiresOn: '2026-06-30' })] },
      ],
    });
    expect(dueOn('2026-09-15', { recordings: [both] })).toMatchObject([{ dueSince: '2026-07-01' }]);
  });

  it('edited per project: months for testimonies, consent for interview videos; proof of a filmed oral consent is kept', () => {
    const settings = { ...workshop, testimonies: 3, 'interview-videos': null };
    const items = dueOn('2026-04-13', { settings, recordings: [testimony([granted()]), recording({ id: 12 })] });
    expect(items).toMatchObject([{ id: 10, dueSince: '2026-04-13', months: 3 }]);
    const proof = recording({
      kind: 'testimony',
      keptAsProof: true,
      people: [{ person: adult, records: [granted({ status: 'withdrawn' })] }],
    });
    expect(dueOn('2027-01-01', { recordings: [proof] })).toEqual([]);
    // comments "as long as the consent" follow their video's people
    const comments = [{ id: 3, recordingId: 10, atSeconds: 0, madeOn: '2026-01-12', replies: 0, deleted: false }];
    const campaign = DEFAULT_RETENTION['testimony-campaign'];
    expect(dueOn('2030-01-01', { settings: campaign, recordings: [testimony([granted({ expiresOn: null })])], comments })).toEqual([]);
  });
});

describe('the sentence on the dashboard', () => {
  it('says what goes, since when and why, in plain French', () => {
    expect(
      dueItemSentenceFr({
        kind: 'recording',
        category: 'interview-videos',
        title: 'Entretien de Léa',
        months: 6,
        dueSince: '2026-03-12',
        atClock: null,
        deleted: false,
        goesWith: { comments: 1, feedbackSheets: 2 },
      }),
    ).toBe('Vidéo « Entretien de Léa » — à effacer depuis le 12/03/2026 (conservation 6 mois), avec 1 commentaire et 2 fiches de retour');
    expect(
      dueItemSentenceFr({
        kind: 'comment',
        category: 'comments',
        title: '',
        months: 12,
        dueSince: '2027-01-13',
        atClock: '01:12',
        deleted: true,
        goesWith: { comments: 0, feedbackSheets: 0 },
      }),
    ).toBe('Commentaire supprimé à 01:12 sur « sans titre » — à effacer depuis le 13/01/2027 (conservation 12 mois)');
  });
});
