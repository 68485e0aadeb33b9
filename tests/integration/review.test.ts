import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseVtt } from 'node-webvtt';
import SrtParser from 'srt-parser-2';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Comment, Recording, Rubric } from '../../src-shared/contract/schemas';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-review-');
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));
let count = 0;

async function setup() {
  const dir = path.join(root, `library-${++count}`);
  const ctx = createApiContext(dir, 'http', { trusted: true });
  contexts.push(ctx);
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier entretien', kind: 'interview-workshop' })).id;
  const sessionId = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-11-22' })).id;
  const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa', role: 'job-seeker' })).id;
  const marc = (await call<{ id: number }>('people.add', { projectId, displayName: 'Marc', role: 'employer' })).id;
  // comment exports name authors only as their workshop consent allows: both agreed
  for (const personId of [lea, marc]) {
    for (const scope of ['recording', 'workshop']) await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
  }
  const take = (title: string) =>
    call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, `${title}-${count}.mp4`, 4),
      sessionId,
      title,
      people: [
        { personId: lea, part: 'candidate' },
        { personId: marc, part: 'recruiter' },
      ],
    });
  return { ctx, dir, call, projectId, lea, marc, take };
}

describe('comments', () => {
  it('keeps points, ranges, threads, +1s, resolved flags, and the history of edits and deletions', async () => {
    const { call, lea, take } = await setup();
    const recording = await take('premier');
    const point = await call<Comment>('comments.add', {
      recordingId: recording.id,
      startSeconds: 1.25,
      authorPersonId: lea,
      category: 'Posture',
      text: 'Bon contact visuel',
    });
    const range = await call<Comment>('comments.add', {
      recordingId: recording.id,
      startSeconds: 2,
      endSeconds: 3.5,
      category: 'À améliorer',
      text: 'Réponse trop longue',
    });
    const reply = await call<Comment>('comments.add', {
      recordingId: recording.id,
      startSeconds: 0,
      parentId: range.id,
      text: 'Oui, trop de détails',
    });
    expect(point).toMatchObject({ authorName: 'Léa', endSeconds: null });
    expect(range).toMatchObject({ authorName: 'Groupe', endSeconds: 3.5 });
    expect(reply).toMatchObject({ parentId: range.id, startSeconds: 2, endSeconds: 3.5 }); // a reply sits at its thread's time

    await call('comments.react', { id: point.id });
    await call('comments.react', { id: point.id });
    await call('comments.update', { id: range.id, changes: { resolved: true, text: 'Réponse trop longue (2 min)' } });
    const list = await call<Comment[]>('comments.list', { recordingId: recording.id });
    expect(list.map((c) => [c.id, c.startSeconds])).toEqual([
      [point.id, 1.25],
      [range.id, 2],
      [reply.id, 2],
    ]);
    expect(list[0]!.plusOnes).toBe(2);
    expect(list[1]).toMatchObject({ resolved: true, edited: true, text: 'Réponse trop longue (2 min)' });

    await call('comments.delete', { id: range.id });
    expect((await call<Comment[]>('comments.list', { recordingId: recording.id })).map((c) => c.id)).toEqual([point.id]); // the reply went with it
    const history = await call<Array<{ action: string; previous: { text: string } }>>('comments.history', { id: range.id });
    expect(history.map((h) => [h.action, h.previous.text])).toEqual([
      ['edited', 'Réponse trop longue'],
      ['deleted', 'Réponse trop longue (2 min)'],
    ]);
  });

  it('refuses bad comments with the field named', async () => {
    const { call, take, projectId } = await setup();
    const recording = await take('bad');
    await expect(call('comments.add', { recordingId: recording.id, startSeconds: 5, endSeconds: 2, text: 'x' })).rejects.toMatchObject({
      field: 'endSeconds',
    });
    await expect(call('comments.add', { recordingId: recording.id, startSeconds: 1, text: '   ' })).rejects.toMatchObject({
      field: 'text',
    });
    await expect(call('comments.add', { recordingId: 999, startSeconds: 1, text: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    const other = (await call<{ id: number }>('projects.create', { name: 'Autre', kind: 'interview-workshop' })).id;
    const stranger = (await call<{ id: number }>('people.add', { projectId: other, displayName: 'Intrus', role: 'other' })).id;
    await expect(
      call('comments.add', { recordingId: recording.id, startSeconds: 1, text: 'x', authorPersonId: stranger }),
    ).rejects.toMatchObject({ field: 'authorPersonId' });
    expect(await call('categories.list', { projectId })).toEqual([
      'Présentation',
      'Posture',
      'Voix',
      'Argumentation',
      'Questions posées',
      'Point fort',
      'À améliorer',
    ]);
  });
});

describe('exports', () => {
  it('VTT and SRT parse with real parsers, cue times matching the comments to the millisecond; CSV keeps commas, quotes and accents', async () => {
    const { call, lea, take } = await setup();
    const recording = await take('export');
    const tricky = 'Il a dit « bonjour, ça va ? » puis "merci" --> très poli\nDeuxième ligne';
    const a = await call<Comment>('comments.add', {
      recordingId: recording.id,
      startSeconds: 1.234,
      authorPersonId: lea,
      category: 'Voix',
      text: tricky,
    });
    const b = await call<Comment>('comments.add', {
      recordingId: recording.id,
      startSeconds: 61.5,
      endSeconds: 125.007,
      category: 'Point fort',
      text: 'Belle conclusion <3 & sourire',
    });
    await call('comments.add', { recordingId: recording.id, startSeconds: 0, parentId: b.id, text: 'Oui !' });

    const vtt = await call<{ content: string }>('comments.export', { recordingId: recording.id, format: 'vtt' });
    const parsed = parseVtt(vtt.content, { strict: true });
    expect(parsed.valid).toBe(true);
    expect(parsed.cues.map((cue) => [cue.start, cue.end])).toEqual([
      [a.startSeconds, a.startSeconds + 3],
      [61.5, 125.007],
    ]);
    expect(parsed.cues[1]!.text).toContain('↳ Groupe : Oui !');

    const srt = await call<{ content: string }>('comments.export', { recordingId: recording.id, format: 'srt' });
    const cues = new SrtParser().fromSrt(srt.content);
    expect(cues.map((cue) => [cue.startSeconds, cue.endSeconds])).toEqual([
      [1.234, 4.234],
      [61.5, 125.007],
    ]);
    expect(cues[0]!.text).toContain('« bonjour, ça va ? »');

    const csv = await call<{ content: string }>('comments.export', { recordingId: recording.id, format: 'csv' });
    const rows = parseCsv(csv.content, { columns: true, bom: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ debut: '00:00:01.234', fin: '', auteur: 'Léa', categorie: 'Voix', texte: tricky });
    expect(rows[1]).toMatchObject({ debut: '00:01:01.500', fin: '00:02:05.007', texte: 'Belle conclusion <3 & sourire' });
    expect(rows[2]).toMatchObject({ reponse_a: String(b.id) });
    expect(csv.content.split('\r\n')[0]).toBe('\uFEFFid;debut;fin;auteur;categorie;texte;reponse_a;resolu;plus_un;citation');

    // the English interface writes `,` (English Excel); French stays the default
    await call('settings.update', { language: 'en' });
    const english = await call<{ content: string }>('comments.export', { recordingId: recording.id, format: 'csv' });
    const englishRows = parseCsv(english.content, { columns: true, bom: true, delimiter: ',' }) as Array<Record<string, string>>;
    expect(englishRows[0]).toMatchObject({ debut: '00:00:01.234', auteur: 'Léa', texte: tricky });
    await call('settings.update', { language: 'fr' });
  });

  it('exports through the CLI to a file', async () => {
    const { dir, call, take } = await setup();
    const recording = await take('cli');
    await call('comments.add', { recordingId: recording.id, startSeconds: 2.5, text: 'Posture droite' });
    const out = path.join(root, `cli-${count}.srt`);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', dir], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      });
    const added = cli(
      'comments',
      'add',
      '--recording',
      String(recording.id),
      '--at',
      '00:00:01.500',
      '--to',
      '3',
      '--text',
      'Ajouté en ligne de commande',
      '--json',
    );
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ startSeconds: 1.5, endSeconds: 3 });
    expect(cli('comments', 'export', '--recording', String(recording.id), '--format', 'srt', '--out', out).status).toBe(0);
    expect(new SrtParser().fromSrt(require('node:fs').readFileSync(out, 'utf8')).map((cue) => cue.startSeconds)).toEqual([1.5, 2.5]);
    const bad = cli('comments', 'add', '--recording', String(recording.id), '--at', 'soon', '--text', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--at/);
  });
});

describe('rubric and feedback sheet', () => {
  it('scores self vs group, follows the candidate across takes, and prints it all in the sheet', async () => {
    const { ctx, call, projectId, take, lea, marc } = await setup();
    // the sheet is an export for the workshop: the people filmed agreed to it
    for (const personId of [lea, marc])
      for (const scope of ['recording', 'workshop'])
        await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
    const first = await take('premier');
    const second = await take('deuxième');
    let rubric = await call<Rubric>('rubric.get', { recordingId: second.id });
    expect(rubric.candidate).toMatchObject({ displayName: 'Léa' });
    expect(rubric.criteria).toHaveLength(6);
    const [c1, c2] = rubric.criteria;
    for (const [recording, self, group] of [
      [first, 2, 1],
      [second, 3, 4],
    ] as const) {
      await call('rubric.score', { recordingId: recording.id, criterionId: c1!.id, rater: 'self', score: self });
      await call('rubric.score', { recordingId: recording.id, criterionId: c1!.id, rater: 'group', score: group });
      await call('rubric.score', { recordingId: recording.id, criterionId: c2!.id, rater: 'group', score: group });
    }
    await expect(call('rubric.score', { recordingId: second.id, criterionId: c1!.id, rater: 'group', score: 5 })).rejects.toMatchObject({
      field: 'score',
    });
    rubric = await call<Rubric>('rubric.get', { recordingId: second.id });
    expect(rubric.self[String(c1!.id)]).toBe(3);
    expect(rubric.progress.map((p) => [p.recordingId, p.selfAverage, p.groupAverage])).toEqual([
      [first.id, 2, 1],
      [second.id, 3, 4],
    ]);

    await call('comments.add', {
      recordingId: second.id,
      startSeconds: 1,
      category: 'Point fort',
      text: 'Très bonne présentation de son parcours',
    });
    await call('comments.add', {
      recordingId: second.id,
      startSeconds: 2.5,
      category: 'À améliorer',
      text: 'Préparer une question sur le poste',
    });
    await call('comments.add', { recordingId: second.id, startSeconds: 3, category: 'Voix', text: 'Voix posée' });
    const sheet = await call<{ assetId: number }>('feedback.sheet', { recordingId: second.id });
    const file = ctx.library.mediaAssets.resolve(sheet.assetId).absolutePath;
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Fiche de retour',
      'Léa',
      'Tes points forts',
      'Très bonne présentation de son parcours',
      'Ce que tu peux travailler',
      'Préparer une question',
      'Voix posée',
      'Se présente clairement',
      'Tes progrès',
      '1 → 4',
    ]) {
      expect(text).toContain(expected);
    }
    // relabelling the grid keeps the scores on the renamed criteria
    const relabelled = await call<Array<{ id: number; label: string }>>('rubric.setCriteria', {
      projectId,
      labels: ['Se présente', 'Regard', 'Voix'],
    });
    expect(relabelled.map((c) => c.id)).toEqual([c1!.id, c2!.id, rubric.criteria[2]!.id]);
    expect((await call<Rubric>('rubric.get', { recordingId: second.id })).self[String(c1!.id)]).toBe(3);
    expect(await call('categories.set', { projectId, labels: ['Voix', 'Regard'] })).toEqual(['Voix', 'Regard']);
    await expect(call('categories.set', { projectId, labels: ['Voix', 'Voix'] })).rejects.toMatchObject({ field: 'labels' });

    // three moments with their picture
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBe(3);
    expect(projectId).toBeGreaterThan(0);
  });
});
