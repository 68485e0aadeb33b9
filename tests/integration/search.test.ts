import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import { ftsQuery, type SearchResults } from '../../src-main/search/searchStore';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-search-');
const ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
afterAll(() => closeApiContext(ctx));
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

describe('search', () => {
  it('finds comments by words with accents folded and prefixes, recordings, people and clips by name; never deleted comments', async () => {
    const a = (await call<{ id: number }>('projects.create', { name: 'A', kind: 'interview-workshop' })).id;
    const b = (await call<{ id: number }>('projects.create', { name: 'B', kind: 'interview-workshop' })).id;
    const video = makeTestVideo(root, 'v.mp4', 2);
    const inA = await call<{ id: number }>('recordings.importFile', { path: video, projectId: a, title: 'Entretien de Maëlle' });
    const inB = await call<{ id: number }>('recordings.importFile', { path: video, projectId: b, title: 'Entretien de Hugo' });
    await call('people.add', { projectId: a, displayName: 'Maëlle Durand', role: 'job-seeker' });
    const kept = await call<{ id: number }>('comments.add', {
      recordingId: inA.id,
      startSeconds: 1,
      text: 'Très motivée pour l’entretien',
    });
    const gone = await call<{ id: number }>('comments.add', { recordingId: inA.id, startSeconds: 1.5, text: 'Motivation à revoir' });
    await call('comments.add', { recordingId: inB.id, startSeconds: 0.5, text: 'Motivé, belle énergie' });
    await call('comments.delete', { id: gone.id });
    await call('clips.create', { recordingId: inA.id, name: 'Sa motivation', inSeconds: 0, outSeconds: 1, tags: ['Parcours'] });

    const all = await call<SearchResults>('search', { query: 'MOTIV' });
    expect(all.comments.map((c) => c.text).sort()).toEqual(['Motivé, belle énergie', 'Très motivée pour l’entretien']);
    expect(all.clips.map((c) => c.name)).toEqual(['Sa motivation']);
    const inProject = await call<SearchResults>('search', { query: 'motivee entre', projectId: a });
    expect(inProject.comments).toEqual([
      expect.objectContaining({ id: kept.id, recordingId: inA.id, recordingTitle: 'Entretien de Maëlle', startSeconds: 1 }),
    ]);
    const names = await call<SearchResults>('search', { query: 'Maëlle' });
    expect(names.people.map((p) => p.displayName)).toEqual(['Maëlle Durand']);
    expect(names.recordings.map((r) => r.title)).toEqual(['Entretien de Maëlle']);
    expect((await call<SearchResults>('search', { query: 'parcours' })).clips).toHaveLength(1);
  });

  it('treats search operators and quotes as plain words', async () => {
    expect(ftsQuery('a" OR b* NEAR(c')).toBe('"a"* "OR"* "b"* "NEAR"* "c"*');
    expect(ftsQuery('  --  ')).toBeNull();
    for (const query of ['"', 'NEAR(', '*', 'x" OR "1"="1', '%_\\']) {
      await expect(call('search', { query })).resolves.toMatchObject({ comments: expect.any(Array) });
    }
    await expect(call('search', { query: '' })).rejects.toMatchObject({ code: 'invalid-input', field: 'query' });
  });

  it('an erased person’s comments leave the search index too', async () => {
    const project = (await call<{ id: number }>('projects.create', { name: 'C', kind: 'interview-workshop' })).id;
    const person = (await call<{ id: number }>('people.add', { projectId: project, displayName: 'Zoé', role: 'job-seeker' })).id;
    const recording = await call<{ id: number }>('recordings.importFile', { path: path.join(root, 'v.mp4'), projectId: project });
    await call('comments.add', { recordingId: recording.id, startSeconds: 0, text: 'Xylophonique remarque', authorPersonId: person });
    expect((await call<SearchResults>('search', { query: 'xylophon' })).comments).toHaveLength(1);
    await call('people.erase', { personId: person });
    expect((await call<SearchResults>('search', { query: 'xylophon' })).comments).toHaveLength(0);
    ctx.library.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(ctx.library.dir, 'library.sqlite'));
    expect(bytes.includes(Buffer.from('Xylophonique'))).toBe(false);
  });

  it('finds a recording by the name of a person linked to it, saying who; not once unlinked, nor once they are erased', async () => {
    const project = (await call<{ id: number }>('projects.create', { name: 'D', kind: 'testimony-campaign' })).id;
    const person = (await call<{ id: number }>('people.add', { projectId: project, displayName: 'Ondine Quenouille', role: 'tutor' })).id;
    await call('consent.set', { personId: person, scope: 'recording', status: 'granted', method: 'signed-form' });
    const recording = await call<{ id: number }>('recordings.importFile', {
      path: path.join(root, 'v.mp4'),
      projectId: project,
      title: 'Atelier du mardi',
      people: [{ personId: person, part: '' }],
    });
    const found = await call<SearchResults>('search', { query: 'Quenouille' });
    expect(found.recordings).toEqual([{ id: recording.id, title: 'Atelier du mardi', projectId: project, via: 'Ondine Quenouille' }]);
    // by its title, the recording says no one
    expect((await call<SearchResults>('search', { query: 'du mardi' })).recordings).toEqual([expect.objectContaining({ via: null })]);
    await call('recordings.unlinkPerson', { recordingId: recording.id, personId: person });
    expect((await call<SearchResults>('search', { query: 'Quenouille' })).recordings).toEqual([]);
    await call('recordings.linkPerson', { recordingId: recording.id, personId: person });
    expect((await call<SearchResults>('search', { query: 'Quenouille' })).recordings).toHaveLength(1);
    await call('people.erase', { personId: person });
    const after = await call<SearchResults>('search', { query: 'Quenouille' });
    expect(after.recordings).toEqual([]);
    expect(after.people).toEqual([]);
    ctx.library.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of fs.readdirSync(ctx.library.dir).filter((name) => name.startsWith('library.sqlite'))) {
      expect(fs.readFileSync(path.join(ctx.library.dir, file)).includes(Buffer.from('Quenouille')), file).toBe(false);
    }
  });
});
