/**
 * Scale: 200 projects, 5,000 recordings (metadata), 200,000 comments, 20,000 people
 * with consent records. Seeded with plain SQL, then measured through the API: opening
 * the library, listing, one recording's comments, the consent dashboard and check,
 * and the main process's memory.
 */
import path from 'node:path';
import { timeIt, type BenchResult } from './benchResult';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';

function seed(ctx: ApiContext): void {
  const db = ctx.library.db;
  const at = '2026-11-22T10:00:00.000Z';
  db.transaction(() => {
    const project = db.prepare("INSERT INTO projects (name, kind, created_at, updated_at) VALUES (?, 'interview-workshop', ?, ?)");
    const session = db.prepare('INSERT INTO sessions (project_id, date, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const person = db.prepare(
      "INSERT INTO people (project_id, display_name, role, created_at, updated_at) VALUES (?, ?, 'job-seeker', ?, ?)",
    );
    const consent = db.prepare(
      "INSERT INTO consents (person_id, scope, status, decided_on, method, conditions, expires_on, updated_at) VALUES (?, ?, ?, '2026-01-01', 'signed-form', '[]', '2028-01-01', ?)",
    );
    const recording = db.prepare(
      "INSERT INTO recordings (project_id, session_id, kind, title, source, status, folder, duration_seconds, recorded_at, created_at, updated_at) VALUES (?, ?, 'interview', ?, 'file', 'ready', ?, 600, ?, ?, ?)",
    );
    const link = db.prepare("INSERT INTO recording_people (recording_id, person_id, part) VALUES (?, ?, 'candidate')");
    const comment = db.prepare(
      'INSERT INTO comments (recording_id, start_seconds, category, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const scopes = ['recording', 'workshop', 'partners', 'elected', 'public'];
    for (let p = 0; p < 200; p++) {
      const projectId = Number(project.run(`Projet ${p}`, at, at).lastInsertRowid);
      const sessionId = Number(session.run(projectId, '2026-11-22', at, at).lastInsertRowid);
      const people: number[] = [];
      for (let i = 0; i < 100; i++) {
        const personId = Number(person.run(projectId, `Personne ${p}-${i}`, at, at).lastInsertRowid);
        people.push(personId);
        for (const [index, scope] of scopes.entries()) consent.run(personId, scope, (i + index) % 7 === 0 ? 'withdrawn' : 'granted', at);
      }
      for (let r = 0; r < 25; r++) {
        const recordingId = Number(
          recording.run(projectId, sessionId, `Entretien ${r}`, `media/recordings/p${p}r${r}`, at, at, at).lastInsertRowid,
        );
        link.run(recordingId, people[r]!);
        link.run(recordingId, people[r + 25]!);
        for (let c = 0; c < 40; c++) {
          const phrase = PHRASES[(c * 7 + r * 3 + p) % PHRASES.length]!;
          comment.run(recordingId, c * 14.5, 'Voix', `${phrase} (${c}, entretien ${r})`, at, at);
        }
      }
    }
  })();
}

/** Varied comment texts, so a searched word matches a realistic share (about 1 in 20). */
const PHRASES = [
  'Bonne posture, dos droit',
  'Regard fuyant au début',
  'Motivation claire pour le poste',
  'Réponse trop longue, aller à l’essentiel',
  'Voix posée et audible',
  'Exemple concret tiré du stage',
  'Question du salaire bien amenée',
  'Présentation du parcours confuse',
  'Poignée de main assurée',
  'Tenue adaptée à l’entreprise',
  'Hésitation sur les horaires',
  'Bon sourire à l’accueil',
  'Connaît bien l’entreprise',
  'Trop de « euh »',
  'Points forts bien mis en avant',
  'Défaut présenté comme une qualité',
  'Questions posées au recruteur',
  'Mains qui bougent beaucoup',
  'Conclusion convaincante',
  'Retard de cinq minutes expliqué',
];

export async function runScaleBench(root: string): Promise<BenchResult[]> {
  const dir = path.join(root, 'scale-library');
  const seeding = createApiContext(dir, 'http');
  console.error('Seeding 200 projects, 5,000 recordings, 200,000 comments, 20,000 people…');
  seed(seeding);
  closeApiContext(seeding);

  const openMs = await timeIt(5, () => closeApiContext(createApiContext(dir, 'http')));
  const ctx = createApiContext(dir, 'http');
  const call = (method: string, input: unknown) => dispatch(method, input, ctx);
  const results: BenchResult[] = [{ name: 'scale: open the library', value: openMs, unit: 'ms', target: '< 1000 ms' }];
  const queries: Array<[string, () => unknown]> = [
    ['scale: projects.list (200, with counts)', () => call('projects.list', {})],
    ['scale: recordings.list of a project (25)', () => call('recordings.list', { projectId: 100 })],
    ['scale: people.list of a project (100)', () => call('people.list', { projectId: 100 })],
    ['scale: comments.list of a recording (40 of 200,000)', () => call('comments.list', { recordingId: 2500 })],
    ['scale: consent.dashboard of a project (100 people)', () => call('consent.dashboard', { projectId: 100 })],
    ['scale: consent.check of a recording', () => call('consent.check', { recordingId: 2500, audience: 'elected' })],
    ['scale: search a word in 200,000 comments (whole library, 30 best)', () => call('search', { query: 'motivation' })],
    ['scale: search two word prefixes in one project', () => call('search', { query: 'regard fuy', projectId: 100 })],
    ['scale: search a name among 20,000 people', () => call('search', { query: 'Personne 150-4' })],
  ];
  for (const [name, fn] of queries) results.push({ name, value: await timeIt(15, fn), unit: 'ms', target: '< 50 ms' });
  results.push({ name: 'scale: main process memory (RSS)', value: process.memoryUsage().rss / 1024 / 1024, unit: 'MiB' });
  closeApiContext(ctx);
  return results;
}
