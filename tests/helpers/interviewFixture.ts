/**
 * The usual start of a review test: an interview workshop with one session, a candidate
 * and an employer, and a generated video of the candidate's interview imported into it
 * (through the API, as the app does).
 */
import type { Recording } from '../../src-shared/contract/schemas';
import { dispatch } from '../../src-main/app';
import type { TestServer } from './apiServer';
import { makeTestVideo } from './media';
import { makeTempDir } from './tempDir';

export async function seedInterview(
  server: TestServer,
  options: { projectName: string; date: string; candidate: string; employer: string; tempPrefix: string; seconds?: number },
): Promise<{ projectId: number; sessionId: number; candidateId: number; recording: Recording }> {
  const projectId = (await server.call('projects.create', { name: options.projectName, kind: 'interview-workshop' })).json.result.id;
  const sessionId = (await server.call('sessions.create', { projectId, date: options.date })).json.result.id;
  const candidateId = (await server.call('people.add', { projectId, displayName: options.candidate, role: 'job-seeker' })).json.result.id;
  await server.call('people.add', { projectId, displayName: options.employer, role: 'employer' });
  const file = makeTestVideo(makeTempDir(options.tempPrefix), 'entretien.mp4', options.seconds ?? 8);
  const recording = (await dispatch(
    'recordings.importFile',
    { path: file, sessionId, title: `Entretien de ${options.candidate}`, people: [{ personId: candidateId, part: 'candidate' }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  return { projectId, sessionId, candidateId, recording };
}
