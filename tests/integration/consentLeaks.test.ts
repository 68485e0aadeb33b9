// Consent holds on every path (#13): one project whose people refused, withdrew, expired,
// are minors without authorisation, or asked for first name only, no name, a blurred face
// or an altered voice; their names are put in every text channel (clip and montage names,
// title cards, quotes, imported subtitles, comments, lower-third roles, themes, project
// texts, recording titles). Clips, montages and a pack for elected officials are exported
// through the API and through the CLI, then every byte of every output is searched — MP4
// streams and metadata, the mov_text track, .vtt/.srt, index.html and its data: URLs, PDF
// text, CSV, manifest.json, stills, file names and zip entries — for each name that must
// not be there; and the names that may be shown are looked for too, so the search can fail.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord, Montage, RenderCheck } from '../../src-shared/contract/schemas/editing';
import type { PackPreview } from '../../src-shared/contract/schemas/packs';
import type { Comment, Recording } from '../../src-shared/contract/schemas';
import { listFiles } from '../../src-main/platform/folderFiles';
import { readZipEntries } from '../../src-main/packs/packZip';
import { foldForMatch } from '../../src-main/consent/textGate';
import { detailIn, grayFrameAt } from '../helpers/frameCodedMedia';
import { binaries, makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-leaks-');
const out = path.join(root, 'outputs');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const ids: Record<string, number> = {};
const recordings: Record<string, Recording> = {};
const clips: Record<string, Clip> = {};
const montages: Record<string, Montage> = {};
let projectId: number;

/** Every name that must appear in no output for élus (nor, for those refused everywhere, for the workshop). */
const FORBIDDEN = [
  'Zoltan', // refused
  'Kerbrat',
  'Ysolde', // withdrawn
  'Marchetti',
  'Wenceslas', // expired
  'Ondine',
  'Théodora', // minor without authorisation
  'Valvert',
  'Belkacemi', // first name only: the family name
  'Ludivine', // no name
  'Rocheblave',
];

/** A 4 s 320×240 video with detail everywhere (testsrc2) and a tone. */
function makeVideo(name: string): string {
  return makeTestVideo(root, name, 4);
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', ctx.library.dir], {
    cwd: repo,
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  fs.mkdirSync(out, { recursive: true });
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  projectId = (
    await call<{ id: number }>('projects.create', {
      name: 'Témoignages du Sud',
      kind: 'testimony-campaign',
      place: 'ERIC de Nîmes',
      description: 'Avec la participation de Zoltan Kerbrat et de Samira Belkacemi.',
      withdrawalContact: 'eric-nimes@example.org',
    })
  ).id;
  await call('sessions.create', { projectId, date: '2026-11-20' });

  const grant = (personId: number, scope: string, extra: Record<string, unknown> = {}) =>
    call('consent.set', { personId, scope, status: 'granted', method: 'signed-form', ...extra });
  const SCOPES = ['recording', 'workshop', 'partners', 'elected', 'public'];
  const person = async (key: string, givenName: string, familyName: string, birthDate?: string) => {
    ids[key] = (await call<{ id: number }>('people.add', { projectId, givenName, familyName, role: 'young-person', birthDate })).id;
    return ids[key]!;
  };

  // refused: filmed, but refuses every audience
  const zoltan = await person('zoltan', 'Zoltan', 'Kerbrat');
  await grant(zoltan, 'recording');
  for (const scope of SCOPES.slice(1)) await call('consent.set', { personId: zoltan, scope, status: 'refused' });
  // withdrawn: gave everything, then withdrew being filmed
  const ysolde = await person('ysolde', 'Ysolde', 'Marchetti');
  for (const scope of SCOPES) await grant(ysolde, scope);
  await call('consent.set', { personId: ysolde, scope: 'recording', status: 'withdrawn', reason: 'ne souhaite plus' });
  // expired: everything ran out in 2024
  const wenceslas = await person('wenceslas', 'Wenceslas', 'Ondine');
  for (const scope of SCOPES) await grant(wenceslas, scope, { decidedOn: '2023-01-10', expiresOn: '2024-06-30' });
  // a minor of 12 still waiting for her parents' authorisation (the policy refuses a pending consent;
  // a granted one without their signatures cannot even be recorded)
  const theodora = await person('theodora', 'Théodora', 'Valvert', '2014-03-02');
  for (const scope of SCOPES) await call('consent.set', { personId: theodora, scope, status: 'pending' });
  // conditions
  const samira = await person('samira', 'Samira', 'Belkacemi');
  for (const scope of SCOPES) await grant(samira, scope, { conditions: scope === 'recording' ? ['first-name-only'] : [] });
  const ludivine = await person('ludivine', 'Ludivine', 'Rocheblave');
  for (const scope of SCOPES) await grant(ludivine, scope, { conditions: scope === 'recording' ? ['no-name'] : [] });
  const jonas = await person('jonas', 'Jonas', 'Petitjean');
  for (const scope of SCOPES) await grant(jonas, scope, { conditions: scope === 'elected' ? ['face-blurred'] : [] });
  const karim = await person('karim', 'Karim', 'Haddouche');
  for (const scope of SCOPES) await grant(karim, scope, { conditions: scope === 'elected' ? ['voice-altered'] : [] });
  const lea = await person('lea', 'Léa', 'Fontvieille');
  for (const scope of SCOPES) await grant(lea, scope);

  const source = makeVideo('source.mp4');
  const take = async (key: string, title: string, people: Array<{ personId: number; part?: string }>) => {
    recordings[key] = await call<Recording>('recordings.importFile', { path: source, projectId, title, people });
  };
  await take('samira', 'Entretien de Samira Belkacemi', [
    { personId: samira, part: 'candidate' },
    { personId: lea, part: 'amie de Zoltan Kerbrat' },
  ]);
  await take('lea', 'Léa et Wenceslas Ondine', [{ personId: lea, part: 'candidate' }]);
  await take('ludivine', 'Ludivine', [{ personId: ludivine }]);
  await take('jonas', 'Jonas', [{ personId: jonas }]);
  await take('karim', 'Karim', [{ personId: karim }]);

  // imported subtitles naming everyone
  await call('subtitles.import', {
    recordingId: recordings.lea!.id,
    format: 'srt',
    content: [
      '1\n00:00:00,200 --> 00:00:00,900\nBonjour, je suis Léa Fontvieille\n',
      '2\n00:00:01,000 --> 00:00:01,500\nMon ami Zoltan Kerbrat m’a aidée\n',
      '3\n00:00:01,600 --> 00:00:02,100\nAvec Samira BELKACEMI\n',
      '4\n00:00:02,200 --> 00:00:02,600\nEt Ysolde MARCHETTI aussi\n',
      '5\n00:00:02,700 --> 00:00:03,200\nludivine rocheblave était là\n',
      '6\n00:00:03,300 --> 00:00:03,800\nThéodora Valvert, Wenceslas Ondine\n',
    ].join('\n'),
  });
  await call('subtitles.import', {
    recordingId: recordings.karim!.id,
    format: 'srt',
    content: '1\n00:00:00,500 --> 00:00:03,000\nJe travaille ici depuis un an\n',
  });

  // comments and quotes: names in the text, refused authors, a quote credited to someone else than the speaker
  const comment = async (key: string, at: number, text: string, extra: Record<string, unknown> = {}, quote?: { quoted?: number }) => {
    const added = await call<Comment>('comments.add', {
      recordingId: recordings[key]!.id,
      startSeconds: at,
      endSeconds: at + 0.8,
      text,
      ...extra,
    });
    if (quote) await call('comments.update', { id: added.id, changes: { isQuote: true, quotedPersonId: quote.quoted ?? null } });
    return added;
  };
  await comment('samira', 0.5, 'Le métier me plaît vraiment', {}, {});
  await comment('samira', 1.5, 'Merci Théodora Valvert pour tout', {}, {});
  await comment('samira', 2.2, 'Je remercie Ludivine Rocheblave', {}, {});
  await comment('samira', 2.9, 'Ma tutrice m’a fait confiance', {}, { quoted: lea });
  await comment('samira', 3.1, 'Un avis de Zoltan', { authorPersonId: zoltan }, {});
  await comment('lea', 0.3, 'Bravo Wenceslas Ondine', { authorPersonId: samira });
  await comment('lea', 1.2, 'Très clair', { authorPersonId: zoltan });
  await comment('lea', 2.0, 'Belle présentation de Samira Belkacemi', { authorPersonId: lea, category: 'Point fort' });

  const clip = async (key: string, recording: string, name: string, extra: Record<string, unknown> = {}) => {
    clips[key] = await call<Clip>('clips.create', { recordingId: recordings[recording]!.id, name, inSeconds: 0, outSeconds: 4, ...extra });
  };
  await clip('samira', 'samira', 'Samira Belkacemi raconte', { tags: ['Parcours de Samira Belkacemi'], speakerPersonId: samira });
  await clip('lea', 'lea', 'Léa Fontvieille et Zoltan Kerbrat', { tags: ['Zoltan Kerbrat'] });
  await clip('ludivine', 'ludivine', 'Le parcours d’Ludivine Rocheblave', { tags: ['Métier'] });
  // a region too small to hold a face: it never counts, the whole picture is pixelated
  await clip('jonas', 'jonas', 'Jonas Petitjean', { tags: ['Métier'], blurBox: { x: 0.4, y: 0.4, w: 0.1, h: 0.1 } });
  await clip('karim', 'karim', 'Karim Haddouche', { tags: ['Métier'] });

  const montage = async (key: string, name: string, items: unknown[], settings: Record<string, unknown> = {}) => {
    const created = await call<Montage>('montages.create', { projectId, name });
    montages[key] = await call<Montage>('montages.update', { id: created.id, changes: { items, ...settings } });
  };
  await montage(
    'film',
    'Le film de Samira Belkacemi',
    [
      { kind: 'title', text: 'Avec Ysolde Marchetti', seconds: 1 },
      { kind: 'title', text: 'Samira Belkacemi et Léa Fontvieille', seconds: 1 },
      { kind: 'clip', clipId: clips.samira!.id },
      { kind: 'clip', clipId: clips.lea!.id },
      { kind: 'clip', clipId: clips.ludivine!.id },
    ],
    { lowerThirds: true },
  );
  await montage('blocked', 'Le film de Wenceslas', [{ kind: 'clip', clipId: clips.lea!.id }]);
}, 180_000);

afterAll(() => ctx.library.db.open && closeApiContext(ctx));

/** Text views of one output: its name, its bytes, and the text each format hides. */
async function textsOf(file: string, name = path.basename(file), bytes?: Buffer): Promise<string[]> {
  const data = bytes ?? fs.readFileSync(file);
  const texts = [name, data.toString('utf8'), data.toString('latin1'), data.toString('utf16le')];
  const extension = path.extname(name).toLowerCase();
  const onDisk = () => {
    if (bytes === undefined) return file;
    const copy = path.join(root, `zip-entry-${Math.random().toString(36).slice(2)}${extension}`);
    fs.writeFileSync(copy, data);
    return copy;
  };
  if (extension === '.mp4') {
    const media = onDisk();
    texts.push(
      execFileSync(binaries.ffprobe, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', media], { encoding: 'utf8' }),
    );
    // the mov_text track (a file without one gives no output, and ffmpeg says so on stderr)
    texts.push(spawnSync(binaries.ffmpeg, ['-v', 'error', '-i', media, '-map', '0:s:0?', '-f', 'srt', '-'], { encoding: 'utf8' }).stdout);
  }
  if (extension === '.pdf') texts.push(execFileSync('pdftotext', ['-layout', onDisk(), '-'], { encoding: 'utf8' }));
  if (extension === '.html') {
    for (const match of data.toString('utf8').matchAll(/data:[^;,"]*(?:;[^;,"]*)*;base64,([A-Za-z0-9+/=]+)/g)) {
      texts.push(Buffer.from(match[1]!, 'base64').toString('utf8'));
    }
  }
  if (extension === '.zip') {
    // entry names and bytes (the videos' text tracks and metadata are plain bytes; the folder's copies are probed too)
    for (const entry of await readZipEntries(onDisk())) {
      const entryBytes = await entry.read();
      texts.push(entry.path, entryBytes.toString('utf8'), entryBytes.toString('latin1'));
      if (entry.path.endsWith('.pdf') || entry.path.endsWith('.html')) texts.push(...(await textsOf(entry.path, entry.path, entryBytes)));
    }
  }
  return texts;
}

/** Every output file under a folder (or one file), with the texts found in it. */
async function scan(target: string): Promise<Map<string, string>> {
  const files = fs.statSync(target).isDirectory() ? listFiles(target).map((relative) => path.join(target, relative)) : [target];
  const result = new Map<string, string>();
  for (const file of files) result.set(path.relative(root, file), foldForMatch((await textsOf(file)).join('\n')));
  return result;
}

function leaks(scanned: Map<string, string>, names: readonly string[] = FORBIDDEN): string[] {
  const found: string[] = [];
  for (const [file, text] of scanned) for (const name of names) if (text.includes(foldForMatch(name))) found.push(`${name} in ${file}`);
  return found;
}

const contains = (scanned: Map<string, string>, file: RegExp, name: string) =>
  [...scanned.entries()].some(([key, text]) => file.test(key) && text.includes(foldForMatch(name)));

describe('consent leaks: every text channel, every output', () => {
  it('the preview lists what text is left out or changed, and why, without the hidden names', async () => {
    const check = await call<RenderCheck>('render.check', {
      target: { kind: 'montage', montageId: montages.film!.id },
      audience: 'elected',
    });
    expect(check.allowed).toBe(true);
    const changes = check.textChanges;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'Nom du film', personName: 'Samira', change: 'family-name-removed' }),
        expect.objectContaining({ where: 'Carton titre n° 1', personId: ids.ysolde, personName: null, change: 'removed' }),
        expect.objectContaining({ personId: ids.ludivine, personName: null, change: 'name-removed' }),
        expect.objectContaining({ personId: ids.theodora, change: 'removed', reason: expect.stringContaining('en attente') }),
        expect.objectContaining({ personId: ids.wenceslas, change: 'removed', reason: expect.stringContaining('expiré') }),
      ]),
    );
    expect(leaks(new Map([['check', foldForMatch(JSON.stringify(changes))]]))).toEqual([]);

    const blocked = await call<RenderCheck>('render.check', {
      target: { kind: 'montage', montageId: montages.blocked!.id },
      audience: 'elected',
    });
    expect(blocked.allowed).toBe(false);
    expect(blocked.textChanges).toContainEqual(expect.objectContaining({ where: 'Nom du film', blocksExport: true, personName: null }));
    await expect(
      call('render.start', {
        target: { kind: 'montage', montageId: montages.blocked!.id },
        audience: 'elected',
        destination: path.join(out, 'x.mp4'),
        wait: true,
      }),
    ).rejects.toMatchObject({ code: 'consent-refused' });
    expect(fs.existsSync(path.join(out, 'x.mp4'))).toBe(false);

    const jonas = await call<RenderCheck>('render.check', { target: { kind: 'clip', clipId: clips.jonas!.id }, audience: 'elected' });
    expect(jonas.wholeFramePixelated).toEqual([{ personId: ids.jonas, personName: 'Jonas Petitjean', why: 'region-too-small' }]);

    const preview = await call<PackPreview>('packs.preview', { projectId, audience: 'elected' });
    expect(preview.textChanges.length).toBeGreaterThan(5);
    expect(preview.textChanges).toContainEqual(expect.objectContaining({ where: 'Description du projet', change: 'removed' }));
    expect(leaks(new Map([['preview', foldForMatch(JSON.stringify(preview.textChanges))]]))).toEqual([]);
  }, 60_000);

  it('through the API: clips, a montage, a range and a pack for élus hold no forbidden name', async () => {
    const api = path.join(out, 'api');
    fs.mkdirSync(api);
    const render = (target: unknown, file: string | null, options?: unknown) =>
      call<{ export: ExportRecord }>('render.start', {
        target,
        audience: 'elected',
        options,
        ...(file ? { destination: path.join(api, file) } : {}),
        wait: true,
      });
    await render({ kind: 'clip', clipId: clips.lea!.id }, 'lea.mp4', { lowerThirds: true, burnSubtitles: true });
    // into the library: the app names the files
    const inLibrary = [
      await render({ kind: 'clip', clipId: clips.ludivine!.id }, null),
      await render({ kind: 'montage', montageId: montages.film!.id }, null),
      await render({ kind: 'range', recordingId: recordings.lea!.id, fromSeconds: 0, toSeconds: 4 }, null),
    ].map((result) => ctx.library.mediaAssets.resolve(result.export.assetId!).absolutePath);
    for (const file of inLibrary) {
      fs.copyFileSync(file, path.join(api, path.basename(file)));
      const vtt = file.replace(/\.mp4$/, '.vtt');
      if (fs.existsSync(vtt)) fs.copyFileSync(vtt, path.join(api, path.basename(vtt)));
    }
    const pack = path.join(api, 'pack-elus');
    const spec = { projectId, audience: 'elected', clipIds: [clips.samira!.id, clips.lea!.id, clips.ludivine!.id] };
    await call('packs.build', { spec, destination: pack, zip: true, wait: true });
    for (const format of ['csv', 'vtt', 'srt'] as const) {
      for (const key of ['samira', 'lea']) {
        const exported = await call<{ fileName: string; content: string }>('comments.export', { recordingId: recordings[key]!.id, format });
        fs.writeFileSync(path.join(api, `${key}-${exported.fileName}`), exported.content);
      }
    }
    const sheet = await call<{ assetId: number }>('feedback.sheet', { recordingId: recordings.lea!.id });
    fs.copyFileSync(ctx.library.mediaAssets.resolve(sheet.assetId).absolutePath, path.join(api, 'fiche-retour-lea.pdf'));

    const scanned = await scan(api);
    expect([...scanned.keys()].some((file) => file.endsWith('.zip'))).toBe(true);
    expect(scanned.size).toBeGreaterThan(25);
    expect(leaks(scanned)).toEqual([]);

    // what may be shown is there: the search would find a leak
    expect(contains(scanned, /index\.html$/, '— Samira')).toBe(true);
    expect(contains(scanned, /index\.html$/, 'Ma tutrice m’a fait confiance')).toBe(true);
    expect(contains(scanned, /index\.html$/, '— Léa Fontvieille')).toBe(true); // the quote is credited to the person it quotes
    expect(contains(scanned, /index\.html$/, 'Je remercie …')).toBe(true);
    expect(contains(scanned, /index\.html$/, 'Parcours de Samira')).toBe(true);
    expect(contains(scanned, /synthese\.pdf$/, 'Samira raconte')).toBe(true);
    expect(contains(scanned, /consentements\.csv$/, 'Léa Fontvieille')).toBe(true);
    expect(contains(scanned, /consentements\.csv$/, '(sans nom)')).toBe(true); // Ludivine, in the register without her name
    expect(contains(scanned, /^outputs\/api\/pack-elus\/videos\/01-Le-film-de-Samira\.mp4$/, 'Avec Samira')).toBe(true); // mov_text track
    expect(contains(scanned, /^outputs\/api\/lea\.vtt$/, 'Bonjour, je suis Léa Fontvieille')).toBe(true);
    expect(contains(scanned, /lea-commentaires.*\.csv$/, 'Belle présentation de Samira')).toBe(true);
    expect(contains(scanned, /fiche-retour-lea\.pdf$/, 'Léa Fontvieille')).toBe(true);
    expect([...scanned.keys()].some((file) => /videos\/\d\d-Samira-raconte\.mp4$/.test(file))).toBe(true);
    expect([...scanned.keys()].some((file) => /montage-le-film-de-samira-/.test(file))).toBe(true);

    // everyone shown (in a picture or named in a text) is recorded for recall; nobody refused is
    const packRecord = ctx.exports.list(projectId).find((record) => record.kind === 'pack')!;
    expect(ctx.exports.personIds(packRecord.id)).toEqual(expect.arrayContaining([ids.samira, ids.lea, ids.ludivine]));
    for (const refused of ['zoltan', 'ysolde', 'wenceslas', 'theodora'])
      expect(ctx.exports.personIds(packRecord.id)).not.toContain(ids[refused]);

    // face-blurred with a region too small: the whole picture is pixelated
    const jonas = path.join(api, 'jonas.mp4');
    await render({ kind: 'clip', clipId: clips.jonas!.id }, 'jonas.mp4');
    // the same clip for the workshop (no condition there), re-encoded the same way, is the reference
    const plain = path.join(api, 'jonas-atelier.mp4');
    await call('render.start', {
      target: { kind: 'clip', clipId: clips.jonas!.id },
      audience: 'workshop',
      options: { normaliseAudio: true },
      destination: plain,
      wait: true,
    });
    const original = grayFrameAt(plain, 2, 1280, 720);
    const rendered = grayFrameAt(jonas, 2, 1280, 720);
    const picture = { x: 200, y: 40, w: 880, h: 640 }; // inside the picture (4:3 fitted into 16:9)
    expect(detailIn(original, 1280, picture)).toBeGreaterThan(1);
    expect(detailIn(rendered, 1280, picture)).toBeLessThan(detailIn(original, 1280, picture) * 0.5);
  }, 240_000);

  it('through the CLI: the same outputs hold no forbidden name either', async () => {
    const dir = path.join(out, 'cli');
    fs.mkdirSync(dir);
    const run = (...args: string[]) => {
      const result = cli(...args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result;
    };
    run('clip', 'export', '--clip', String(clips.lea!.id), '--audience', 'elected', '--out', path.join(dir, 'lea.mp4'), '--lower-third');
    run('montage', 'render', '--montage', String(montages.film!.id), '--audience', 'elected', '--out', path.join(dir, 'film.mp4'));
    // the pack: Léa's clip, and the montage whose name names someone refused (left out, with why)
    run(
      'pack',
      'build',
      '--project',
      String(projectId),
      '--audience',
      'elected',
      '--clip',
      String(clips.lea!.id),
      '--montage',
      String(montages.blocked!.id),
      '--out',
      path.join(dir, 'pack'),
      '--zip',
    );
    run('comments', 'export', '--recording', String(recordings.lea!.id), '--format', 'srt', '--out', path.join(dir, 'commentaires.srt'));
    const refused = cli(
      'montage',
      'render',
      '--montage',
      String(montages.blocked!.id),
      '--audience',
      'elected',
      '--out',
      path.join(dir, 'x.mp4'),
    );
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Nom du film/);
    expect(leaks(new Map([['stderr', foldForMatch(refused.stderr)]]))).toEqual([]);
    const preview = run(
      'pack',
      'preview',
      '--project',
      String(projectId),
      '--audience',
      'elected',
      '--clip',
      String(clips.lea!.id),
      '--json',
    );
    expect(leaks(new Map([['preview', foldForMatch(JSON.stringify(JSON.parse(preview.stdout).textChanges))]]))).toEqual([]);

    const scanned = await scan(dir);
    expect(scanned.size).toBeGreaterThan(10);
    expect(leaks(scanned)).toEqual([]);
    expect(contains(scanned, /^outputs\/cli\/film\.mp4$/, 'Avec Samira')).toBe(true);
    expect(contains(scanned, /index\.html$/, 'Bonjour, je suis Léa Fontvieille')).toBe(true); // a data: URL
    expect(contains(scanned, /commentaires\.srt$/, 'Belle présentation de Samira')).toBe(true);
  }, 180_000);

  it('"voix remplacée": the altered voice is muted and the words are burnt in; a muted range without subtitles is named', async () => {
    const check = await call<RenderCheck>('render.check', {
      target: { kind: 'clip', clipId: clips.karim!.id },
      audience: 'elected',
      options: { replaceVoices: true },
    });
    expect(check.voiceReplacedWithoutSubtitles).toEqual([]);
    const file = path.join(out, 'karim.mp4');
    await call('render.start', {
      target: { kind: 'clip', clipId: clips.karim!.id },
      audience: 'elected',
      options: { replaceVoices: true },
      destination: file,
      wait: true,
    });
    const volume = spawnSync(binaries.ffmpeg, ['-i', file, '-af', 'volumedetect', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
    const max = Number(/max_volume: (-?[\d.]+|-inf) dB/.exec(volume)?.[1] ?? '0');
    expect(Number.isNaN(max) || max < -60).toBe(true);
    // the words are in the picture: a frame differs from the same frame without subtitles
    const plain = path.join(out, 'karim-plain.mp4');
    await call('render.start', {
      target: { kind: 'clip', clipId: clips.karim!.id },
      audience: 'elected',
      destination: plain,
      overwrite: true,
      wait: true,
    });
    const withWords = grayFrameAt(file, 1.5, 320, 240);
    const without = grayFrameAt(plain, 1.5, 320, 240);
    const bottom = { x: 20, y: 190, w: 280, h: 45 };
    expect(Math.abs(detailIn(withWords, 320, bottom) - detailIn(without, 320, bottom))).toBeGreaterThan(0.5);

    // Jonas's clip has no subtitles: once he asks for an altered voice, muting him would lose his words, and the check says so
    await call('consent.set', {
      personId: ids.jonas,
      scope: 'elected',
      status: 'granted',
      method: 'signed-form',
      conditions: ['voice-altered'],
    });
    const silent = await call<RenderCheck>('render.check', {
      target: { kind: 'clip', clipId: clips.jonas!.id },
      audience: 'elected',
      options: { replaceVoices: true },
    });
    expect(silent.voiceReplacedWithoutSubtitles).toEqual([{ recordingId: recordings.jonas!.id, fromSeconds: 0, toSeconds: 4 }]);
  }, 120_000);
});
