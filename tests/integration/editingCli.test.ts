import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstFrameNumber, makeFrameCodedVideo, probeStreams } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-editing-cli-');
const library = path.join(root, 'library');

/** The real CLI as a separate process, like `npm run cli -- …`. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = (...args: string[]) => {
  const result = cli(...args, '--json');
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
};

let recordingId: number;
let projectId: number;
let refusingId: number;

beforeAll(() => {
  const source = makeFrameCodedVideo(root, 12);
  projectId = json('projects', 'create', '--name', 'Campagne', '--kind', 'testimony-campaign').id;
  const ines = json('people', 'add', '--project', String(projectId), '--name', 'Inès Moreau', '--role', 'young-person').id;
  const refusing = json('people', 'add', '--project', String(projectId), '--name', 'Hugo Blanc', '--role', 'tutor').id;
  for (const scope of ['recording', 'workshop', 'public'])
    json(
      'consent',
      'set',
      '--person',
      String(ines),
      '--scope',
      scope,
      '--status',
      'granted',
      '--method',
      'signed-form',
      '--condition',
      'first-name-only',
    );
  json('consent', 'set', '--person', String(refusing), '--scope', 'recording', '--status', 'granted', '--method', 'signed-form');
  json('consent', 'set', '--person', String(refusing), '--scope', 'public', '--status', 'refused');
  recordingId = json('import', source, '--project', String(projectId), '--person', `${ines}:Témoin`).id;
  refusingId = json('import', source, '--project', String(projectId), '--person', String(refusing)).id;
}, 120_000);

describe('CLI exports', () => {
  it('clip export --from --to writes the MP4 and reports the export', () => {
    const out = path.join(root, 'clip.mp4');
    const result = cli(
      'clip',
      'export',
      '--recording',
      String(recordingId),
      '--from',
      '00:00:05.000',
      '--to',
      '00:00:12.000',
      '--audience',
      'public',
      // a lower third makes it a full re-encode (plain, this clip is a smart cut: tests/integration/frameAccuracy.test.ts)
      '--lower-third',
      '--out',
      out,
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'clip',
      audience: 'public',
      mode: 'encode',
      outputPath: out,
      durationSeconds: 7,
    });
    expect(firstFrameNumber(out)).toBe(125);
    expect(Math.abs(Number(probeStreams(out)[0]!.nb_frames) - 175)).toBeLessThanOrEqual(1);
  });

  it('montage create + montage render, with progress on stderr', () => {
    const clip = json(
      'clip',
      'create',
      '--recording',
      String(recordingId),
      '--name',
      'Mon parcours',
      '--from',
      '1',
      '--to',
      '4',
      '--tag',
      'Parcours',
    );
    expect(clip).toMatchObject({ inSeconds: 1, outSeconds: 4, tags: ['Parcours'] });
    const montage = json(
      'montage',
      'create',
      '--project',
      String(projectId),
      '--name',
      'Synthèse',
      '--item',
      'title:Témoignages 2026',
      '--item',
      `clip:${clip.id}`,
    );
    expect(montage.items).toEqual([
      { kind: 'title', text: 'Témoignages 2026', seconds: 3 },
      { kind: 'clip', clipId: clip.id },
    ]);
    const out = path.join(root, 'montage.mp4');
    const result = cli('montage', 'render', '--montage', String(montage.id), '--audience', 'public', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/100 %/);
    expect(result.stdout).toContain('montage');
    expect(Number(probeStreams(out).find((s) => s.codec_type === 'video')!.nb_frames)).toBe(150);
  }, 60_000);

  it('refuses an export beyond consent with exit code 1 and who blocks, and writes nothing', () => {
    const out = path.join(root, 'refused.mp4');
    const result = cli(
      'clip',
      'export',
      '--recording',
      String(refusingId),
      '--from',
      '1',
      '--to',
      '2',
      '--audience',
      'public',
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Hugo Blanc : a refusé « Public »');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('names the flag of a bad time or a bad output file', () => {
    const badTime = cli(
      'clip',
      'export',
      '--recording',
      String(recordingId),
      '--from',
      '5',
      '--to',
      'later',
      '--audience',
      'public',
      '--out',
      path.join(root, 'x.mp4'),
    );
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('--to');
    const badOut = cli(
      'clip',
      'export',
      '--recording',
      String(recordingId),
      '--from',
      '1',
      '--to',
      '2',
      '--audience',
      'public',
      '--out',
      path.join(root, 'x.avi'),
    );
    expect(badOut.stderr).toMatch(/doit finir par \.mp4\. \(option --out\)/);
  });
});
