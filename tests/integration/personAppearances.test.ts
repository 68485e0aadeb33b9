// Where a person appears (their page, and a right-of-access request): the recordings they are
// linked to, with the session's day and their part, and every export that showed them — and
// nothing once they are unlinked, and no one else's.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { PersonAppearances, Recording } from '../../src-shared/contract/schemas';
import { runCli } from '../../src-main/cli/runCli';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-appearances-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let lea: number;
let marc: number;
let first: Recording;
let second: Recording;

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).id;
  const march = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-03-10' })).id;
  const january = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-01-12' })).id;
  lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa Fontaine', role: 'young-person' })).id;
  marc = (await call<{ id: number }>('people.add', { projectId, displayName: 'Marc Dubreuil', role: 'employer' })).id;
  for (const personId of [lea, marc])
    for (const scope of ['recording', 'workshop']) await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
  first = await call<Recording>('recordings.importFile', {
    path: makeTestVideo(root, 'mars.mp4', 3),
    projectId,
    sessionId: march,
    title: 'Entretien de mars',
    people: [
      { personId: lea, part: 'candidate' },
      { personId: marc, part: 'recruteur' },
    ],
  });
  second = await call<Recording>('recordings.importFile', {
    path: makeTestVideo(root, 'janvier.mp4', 2),
    projectId,
    sessionId: january,
    title: 'Entretien de janvier',
    people: [{ personId: lea, part: '' }],
  });
}, 120_000);

afterAll(() => closeApiContext(ctx));

describe('people.appearances', () => {
  it('lists the recordings a person is linked to, by session day, with their part, and only theirs', async () => {
    const shown = await call<PersonAppearances>('people.appearances', { personId: lea });
    expect(shown.recordings.map((r) => [r.title, r.sessionDate, r.part, r.kind])).toEqual([
      ['Entretien de janvier', '2026-01-12', '', second.kind],
      ['Entretien de mars', '2026-03-10', 'candidate', first.kind],
    ]);
    expect(shown.recordings[1]!.durationSeconds).toBeCloseTo(3, 0);
    expect(shown.exports).toEqual([]);
    const marcs = await call<PersonAppearances>('people.appearances', { personId: marc });
    expect(marcs.recordings.map((r) => r.recordingId)).toEqual([first.id]);
  });

  it('lists the exports that showed them, and drops a recording once they are unlinked', async () => {
    const target = { kind: 'range', recordingId: second.id, fromSeconds: 0, toSeconds: 2 };
    const { export: record } = await call<{ export: { id: number } }>('render.start', {
      target,
      audience: 'workshop',
      destination: path.join(root, 'janvier.mp4.out.mp4'),
      wait: true,
    });
    const shown = await call<PersonAppearances>('people.appearances', { personId: lea });
    expect(shown.exports.map((e) => e.id)).toEqual([record.id]);
    expect(shown.exports[0]).toMatchObject({ audience: 'workshop' });
    expect((await call<PersonAppearances>('people.appearances', { personId: marc })).exports).toEqual([]);

    await call('recordings.unlinkPerson', { recordingId: first.id, personId: marc });
    expect((await call<PersonAppearances>('people.appearances', { personId: marc })).recordings).toEqual([]);
  }, 120_000);

  it('refuses an unknown person in French, naming the field', async () => {
    await expect(call('people.appearances', { personId: 999_999 })).rejects.toMatchObject({ code: 'not-found', field: 'personId' });
  });

  it('through the CLI: one line per video and per export', async () => {
    const lines: string[] = [];
    const code = await runCli(['people', 'appearances', '--person', String(lea), '--library', path.join(root, 'library')], {
      out: (text: string) => lines.push(text),
      err: () => {},
    });
    expect(code).toBe(0);
    const text = lines.join('');
    expect(text).toMatch(/vidéo.*Entretien de janvier.*2026-01-12/);
    expect(text).toMatch(/vidéo.*Entretien de mars.*candidate/);
    expect(text).toMatch(/export.*workshop/);
  });
});
