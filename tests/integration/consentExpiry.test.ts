// Consent that runs out recalls its exports on the day it runs out, without anyone opening
// the consent dashboard: the shells watch the date (start-up, then each new day).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, watchConsentExpiry, type ApiContext } from '../../src-main/app';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-expiry-');
let clock = '2026-03-02T09:00:00.000Z';
const ctx: ApiContext = createApiContext(path.join(root, 'library'), 'http', { trusted: true, now: () => clock });
afterAll(() => closeApiContext(ctx));
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

describe('consent expiry', () => {
  it('flags the exports of a person whose consent ran out, at start-up and when the date changes, naming the person', async () => {
    const projectId = (await call<{ id: number }>('projects.create', { name: 'Expiration', kind: 'testimony-campaign' })).id;
    const personId = (
      await call<{ id: number }>('people.add', { projectId, givenName: 'Maëlys', familyName: 'Caron', role: 'young-person' })
    ).id;
    for (const scope of ['recording', 'workshop'])
      await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form', expiresOn: '2026-03-10' });
    const recording = await call<{ id: number }>('recordings.importFile', {
      path: makeTestVideo(root, 'maelys.mp4', 2),
      projectId,
      people: [{ personId }],
    });
    const made = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 1 },
      audience: 'workshop',
      destination: path.join(root, 'extrait.mp4'),
      wait: true,
    });

    const watch = watchConsentExpiry(ctx, 20);
    try {
      expect(ctx.exports.flagged(projectId)).toEqual([]); // still valid on 2 March
      clock = '2026-03-11T07:00:00.000Z'; // the morning after the last day of use
      await expect.poll(() => ctx.exports.flagged(projectId).map((e) => e.id), { timeout: 5000 }).toEqual([made.export.id]);
      const [flagged] = ctx.exports.flagged(projectId);
      expect(flagged!.flagReason).toMatch(/Maëlys/);
      expect(watch.checkNow()).toEqual([]); // flagged once, not again
    } finally {
      watch.stop();
    }
  }, 120_000);
});
