/**
 * Restitution packs: plans what may go in for an audience (the consent gate decides per
 * montage and clip, and says why things are left out), then builds the pack as one
 * cancellable job — videos with subtitles and stills, index.html, synthese.pdf,
 * consentements.csv, manifest.json, and a .zip — in a partial folder renamed only when
 * complete. Packs are recorded as exports, so a withdrawal flags them for recall and a
 * corrected pack can be rebuilt from the same choices.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { ApiEventBus } from '../platform/eventBus';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { PackPreview, PackSpec, PackVerification } from '../../src-shared/contract/schemas/packs';
import type { ConsentService } from '../consent/consentService';
import type { ConsentCondition } from '../consent/consentPolicy';
import { AUDIENCE_LABELS_FR, ROLE_LABELS_FR } from '../consent/frenchLabels';
import { requireFreeSpace, statFreeBytes, type FreeBytes } from '../platform/outputSpace';
import { asStorageError } from '../platform/storageErrors';
import { partialPathFor, removePartials } from '../platform/atomicFile';
import { recordingIdsOf, type PreparedRender, type RenderService } from '../editing/renderService';
import type { JobHandle, JobRunner } from '../platform/jobRunner';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import type { FfmpegBinaries } from '../media/binaries';
import { runFfmpeg } from '../media/runFfmpeg';
import { consentRegisterCsv } from './consentRegister';
import type { PackClip, PackContent, PackVideo } from './packContent';
import { buildManifest, MANIFEST_FILE, verifyPack } from './packManifest';
import type { ClipsStore } from '../editing/clipsStore';
import type { MontagesStore } from '../editing/montagesStore';
import type { ExportsStore } from '../exports/exportsStore';
import { renderPackPage } from './packPage';
import { writePackSynthesis } from './packSynthesis';
import { zipFolder } from './packZip';
import { UnfinishedWork } from '../platform/unfinishedWork';
import { checkOutputFolder } from '../platform/outputPath';
import { fileTitle, slug } from '../platform/slug';
import type { TextChangeView } from '../../src-shared/contract/schemas/editing';
import type { TextGate } from '../consent/textGate';
import { listQuotes, quoteInRange, quoteSpeaker } from '../review/quotes';
import { formatTimecode } from '../../src-shared/time';
import { frameGrabArgs } from '../media/ffmpegArgs';
import { localToday } from '../../src-shared/age';

const slugPack = (text: string) => slug(text, 'pack');

export interface PackDeps {
  library: Library;
  jobs: JobRunner;
  events: ApiEventBus;
  consent: ConsentService;
  render: RenderService;
  clips: ClipsStore;
  montages: MontagesStore;
  /** The exports register: a pack is recorded there with the people in it. */
  exports: ExportsStore;
  requireFfmpeg: () => FfmpegBinaries;
  appVersion: string;
  freeBytes?: FreeBytes;
}

/** Clips in a pack: named, faded, even loudness; subtitles as tracks, not burnt in. */
export const PACK_CLIP_OPTIONS = {
  preset: '720p',
  lowerThirds: true,
  fadeSeconds: 0.3,
  normaliseAudio: true,
  burnSubtitles: false,
} as const;
export const PACKS_FOLDER = 'exports/packs';

interface PlannedItem {
  kind: 'montage' | 'clip';
  id: number;
  name: string;
  prepared: PreparedRender;
  themes: string[];
  quotes: PackQuote[];
}

/** A quote as it goes out: its text through the gate, credited to the person it quotes as they may be named. */
export interface PackQuote {
  text: string;
  by: string | null;
  role: string | null;
}

/** The project's texts as the gate lets them out (the name is essential: a refusal refuses the pack). */
interface PackTexts {
  name: string | null;
  place: string;
  description: string;
  withdrawalContact: string;
}

interface PackPlan {
  spec: PackSpec;
  included: PlannedItem[];
  excluded: PackPreview['excluded'];
  people: PackPreview['people'];
  texts: PackTexts;
  textChanges: TextChangeView[];
  /** People named in the pack's own texts (quotes, themes, project texts), shown too. */
  namedPersonIds: number[];
}

const OTHER_THEME = 'Autres extraits';

interface StoredPackSpec {
  spec: PackSpec;
  zip: boolean;
  /** The recordings its videos come from: a person linked to one later flags the pack. */
  recordingIds?: number[];
}

const WEIGHT_RENDERS = 0.9;

export class PackService {
  private readonly freeBytes: FreeBytes;

  constructor(private readonly deps: PackDeps) {
    this.freeBytes = deps.freeBytes ?? statFreeBytes;
  }

  private get library(): Library {
    return this.deps.library;
  }

  async preview(spec: PackSpec): Promise<PackPreview> {
    const plan = await this.plan(spec);
    return {
      projectId: spec.projectId,
      audience: spec.audience,
      included: plan.included.map((item) => ({
        kind: item.kind,
        id: item.id,
        name: item.name,
        durationSeconds: item.prepared.plan.totalSeconds,
        themes: item.themes,
      })),
      excluded: plan.excluded,
      people: plan.people,
      textChanges: plan.textChanges,
      quotes: plan.included.reduce((sum, item) => sum + item.quotes.length, 0),
      totalSeconds: plan.included.reduce((sum, item) => sum + item.prepared.plan.totalSeconds, 0),
    };
  }

  /** Queues the build; with `wait`, settles when the pack is complete. */
  async build(input: {
    spec: PackSpec;
    destination?: string;
    zip?: boolean;
    wait?: boolean;
  }): Promise<{ jobId: string; export: ExportRecord | null }> {
    const plan = await this.plan(input.spec);
    if (plan.texts.name === null) {
      throw new AppError(
        'consent-refused',
        'Le nom du projet nomme une personne qui ne peut pas être montrée à ce public : aucun pack n’a été fait.',
        {
          field: 'spec.projectId',
          hint: 'Renommez le projet (son nom est imprimé sur chaque page du pack), puis refaites le pack.',
        },
      );
    }
    if (plan.included.length === 0) {
      throw new AppError(
        'consent-refused',
        `Rien ne peut aller dans un pack pour ce public (${AUDIENCE_LABELS_FR[input.spec.audience]}) : tous les films et extraits sont écartés, ou il n’y en a aucun.`,
        {
          hint: 'Regardez l’aperçu du pack pour voir ce qui est écarté et pourquoi, ou faites d’abord des extraits.',
        },
      );
    }
    const binaries = this.deps.requireFfmpeg();
    const external = input.destination !== undefined;
    const zip = input.zip ?? !external;
    const finalDir = external
      ? this.checkDestinationFolder(input.destination!, zip)
      : this.libraryPackDir(plan.texts.name, input.spec.audience);
    fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    const estimate =
      plan.included.reduce((sum, item) => sum + this.deps.render.estimateBytes(item.prepared), 0) * (zip ? 2 : 1) + 10 * 1024 * 1024;
    requireFreeSpace(path.dirname(finalDir), estimate, this.freeBytes, 'ce pack');

    const label = `Pack « ${plan.texts.name} » (${AUDIENCE_LABELS_FR[input.spec.audience]})`;
    const { jobId, done } = this.deps.jobs.start('pack', label, (job) =>
      this.buildPack(plan, finalDir, zip, external, binaries, job, estimate),
    );
    if (!input.wait) return { jobId, export: null };
    return { jobId, export: await done };
  }

  /** Builds a corrected pack from the same choices (consent is asked again). */
  async rebuild(exportId: number, options: { destination?: string; wait?: boolean } = {}) {
    const record = this.deps.exports.get(exportId, 'exportId');
    if (record.kind !== 'pack') throw new AppError('invalid-input', `L’export n° ${exportId} n’est pas un pack.`, { field: 'exportId' });
    const stored = this.deps.exports.spec<StoredPackSpec>(exportId);
    if (record.outputPath && !options.destination) {
      throw new AppError(
        'invalid-input',
        `Ce pack a été écrit dans ${record.outputPath} : indiquez un nouveau dossier pour la version corrigée.`,
        {
          field: 'destination',
        },
      );
    }
    return this.build({ spec: stored.spec, zip: stored.zip, destination: options.destination, wait: options.wait });
  }

  async verifyExport(exportId: number): Promise<PackVerification> {
    const record = this.deps.exports.get(exportId, 'exportId');
    if (record.kind !== 'pack') throw new AppError('invalid-input', `L’export n° ${exportId} n’est pas un pack.`, { field: 'exportId' });
    const summary = this.deps.exports.summary(exportId) as { folder?: string; zipPath?: string };
    const folder = summary.folder ? this.absolute(summary.folder) : null;
    const zipPath = summary.zipPath ? this.absolute(summary.zipPath) : null;
    if (folder && fs.existsSync(folder)) return verifyPack(folder);
    if (zipPath && fs.existsSync(zipPath)) return verifyPack(zipPath);
    throw new AppError('not-found', 'Le dossier du pack n’est plus là où il a été écrit.', {
      hint: 'Vérifiez la copie que vous avez avec « pack verify <dossier ou zip> ».',
    });
  }

  /** Removes partial pack folders and zips left by a crash (start-up). */
  recoverUnfinished(): number {
    return removePartials(resolveInside(this.library.dir, PACKS_FOLDER));
  }

  deletePackFiles(exportId: number): void {
    const summary = this.deps.exports.summary(exportId) as { folder?: string; zipPath?: string; external?: boolean };
    if (summary.external) return; // the command line's folders belong to the user
    if (summary.folder) fs.rmSync(this.absolute(summary.folder), { recursive: true, force: true });
  }

  private absolute(stored: string): string {
    return path.isAbsolute(stored) ? stored : resolveInside(this.library.dir, stored);
  }

  private relativeIfInside(file: string): string {
    const relative = path.relative(this.library.dir, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
  }

  private checkDestinationFolder(destination: string, zip: boolean): string {
    const absolute = checkOutputFolder(destination, { libraryDir: this.library.dir, field: 'destination' });
    if (zip && fs.existsSync(`${absolute}.zip`)) {
      throw new AppError('conflict', `${absolute}.zip existe déjà.`, {
        field: 'destination',
        hint: 'Choisissez un nouveau nom de dossier : un pack ne remplace jamais un fichier.',
      });
    }
    if (fs.existsSync(absolute) && (!fs.statSync(absolute).isDirectory() || fs.readdirSync(absolute).length > 0)) {
      throw new AppError('conflict', `${absolute} existe déjà et n’est pas un dossier vide.`, {
        field: 'destination',
        hint: 'Choisissez un nouveau nom de dossier : un pack ne remplace jamais un fichier.',
      });
    }
    if (!fs.existsSync(path.dirname(absolute))) {
      throw new AppError('not-found', `Le dossier ${path.dirname(absolute)} n’existe pas.`, { field: 'destination' });
    }
    if (fs.existsSync(absolute)) fs.rmdirSync(absolute); // empty: the finished pack is renamed into its place
    return absolute;
  }

  private libraryPackDir(projectName: string, audience: string): string {
    const name = `${localToday(new Date(this.library.now()))}-${slugPack(projectName)}-${audience}-${crypto.randomBytes(3).toString('hex')}`;
    return resolveInside(this.library.dir, path.posix.join(PACKS_FOLDER, name));
  }

  private async plan(spec: PackSpec): Promise<PackPlan> {
    const project = this.library.projects.get(spec.projectId, 'spec.projectId');
    const render = this.deps.render;
    const montages = spec.montageIds
      ? spec.montageIds.map((id, index) => {
          const montage = this.deps.montages.get(id, `spec.montageIds.${index}`);
          if (montage.projectId !== project.id)
            throw new AppError('invalid-input', `Le film n° ${id} appartient à un autre projet.`, { field: `spec.montageIds.${index}` });
          return montage;
        })
      : this.deps.montages.list(project.id).filter((montage) => montage.items.length > 0);
    let clips = spec.clipIds
      ? spec.clipIds.map((id, index) => {
          const clip = this.deps.clips.get(id, `spec.clipIds.${index}`);
          if (clip.projectId !== project.id)
            throw new AppError('invalid-input', `L’extrait n° ${id} appartient à un autre projet.`, { field: `spec.clipIds.${index}` });
          return clip;
        })
      : this.deps.clips.listByProject(project.id);
    if (spec.themes) clips = clips.filter((clip) => clip.tags.some((tag) => spec.themes!.includes(tag)));

    const gate = this.deps.consent.textGateFor(project.id, spec.audience);
    const texts: PackTexts = {
      name: gate.text(project.name, 'Nom du projet', { essential: true }),
      place: gate.text(project.place, 'Lieu du projet') ?? '',
      description: gate.text(project.description, 'Description du projet') ?? '',
      withdrawalContact: gate.text(project.withdrawalContact, 'Contact pour retirer un accord') ?? '',
    };

    const included: PlannedItem[] = [];
    const excluded: PackPreview['excluded'] = [];
    const itemChanges: TextChangeView[] = [];
    const consider = (
      kind: 'montage' | 'clip',
      id: number,
      name: string,
      prepared: PreparedRender,
      themes: string[],
      quotes: PackQuote[],
    ) => {
      const { check } = prepared.plan;
      if (check.allowed) {
        included.push({ kind, id, name: prepared.label, prepared, themes, quotes });
        const prefix = `${kind === 'montage' ? 'Film' : 'Extrait'} « ${prepared.label} » — `;
        itemChanges.push(...check.textChanges.map((change) => ({ ...change, where: `${prefix}${change.where}` })));
      } else
        excluded.push({
          kind,
          id,
          name,
          blockers: check.blockers.map((blocker) => ({ displayName: blocker.displayName, reasons: blocker.reasons })),
          problems: [
            ...check.recordingProblems.map((problem) => `${problem.title}: ${problem.problem}`),
            ...check.textChanges.filter((change) => change.blocksExport).map((change) => `${change.where}: ${change.reason}`),
          ],
        });
    };
    for (const montage of montages) {
      if (montage.items.length === 0) {
        excluded.push({ kind: 'montage', id: montage.id, name: montage.name, blockers: [], problems: ['empty'] });
        continue;
      }
      consider(
        'montage',
        montage.id,
        montage.name,
        await render.prepare({
          target: { kind: 'montage', montageId: montage.id },
          audience: spec.audience,
          ...(spec.blurUnknownFaces ? { options: { blurUnknownFaces: true } } : {}),
        }),
        [],
        [],
      );
    }
    for (const clip of clips) {
      const prepared = await render.prepare({
        target: { kind: 'clip', clipId: clip.id },
        audience: spec.audience,
        options: { ...PACK_CLIP_OPTIONS, ...(spec.blurUnknownFaces ? { blurUnknownFaces: true } : {}) },
      });
      const themes = clip.tags.map((tag) => gate.text(tag, `Thème d’un extrait (n° ${clip.id})`) ?? OTHER_THEME);
      const quotes = spec.includeQuotes === false || !prepared.plan.check.allowed ? [] : this.quotesOf(clip, gate);
      consider('clip', clip.id, clip.name, prepared, [...new Set(themes)], quotes);
    }

    const people = new Map<number, PackPreview['people'][number]>();
    for (const item of included) {
      for (const person of item.prepared.plan.check.people) {
        const previous = people.get(person.personId);
        people.set(person.personId, {
          personId: person.personId,
          shownAs: person.shownAs,
          conditions: [...new Set([...(previous?.conditions ?? []), ...person.conditions])].sort() as ConsentCondition[],
        });
      }
    }
    for (const personId of gate.shownPersonIds()) {
      if (people.has(personId)) continue;
      const decision = gate.decisionOf(personId);
      people.set(personId, {
        personId,
        shownAs: gate.nameOf(personId),
        conditions: decision?.decision === 'allowed-with' ? [...decision.conditions].sort() : [],
      });
    }
    return {
      spec,
      included,
      excluded,
      people: [...people.values()],
      texts,
      textChanges: [...gate.changes(), ...itemChanges],
      namedPersonIds: gate.shownPersonIds(),
    };
  }

  /**
   * The quotes of a clip (the one quote rule), each needing its author's and the quoted
   * person's consent, its text through the gate, and credited to the person it quotes.
   */
  private quotesOf(
    clip: { id: number; recordingId: number; inSeconds: number; outSeconds: number; speakerPersonId: number | null },
    gate: TextGate,
  ): PackQuote[] {
    const recording = this.library.recordings.get(clip.recordingId);
    const clipSpeaker = clip.speakerPersonId ?? (recording.people.length === 1 ? recording.people[0]!.personId : null);
    const quotes: PackQuote[] = [];
    for (const quote of listQuotes(this.library.db, clip.recordingId)) {
      if (!quoteInRange(quote, clip.inSeconds, clip.outSeconds)) continue;
      const where = `Citation à ${formatTimecode(quote.startSeconds).slice(0, 8)} (extrait n° ${clip.id})`;
      const speakerId = quoteSpeaker(quote, clipSpeaker);
      if (quote.authorPersonId !== null && !gate.personAllows(quote.authorPersonId, where, 'auteur de la citation')) continue;
      if (speakerId !== null && !gate.personAllows(speakerId, where, 'personne citée')) continue;
      const text = gate.text(quote.text, where);
      if (text === null) continue;
      const speaker = recording.people.find((person) => person.personId === speakerId);
      quotes.push({
        text,
        by: speakerId === null ? null : gate.nameOf(speakerId),
        role: speaker ? ROLE_LABELS_FR[speaker.role] : null,
      });
    }
    return quotes;
  }

  private async buildPack(
    plan: PackPlan,
    finalDir: string,
    zip: boolean,
    external: boolean,
    binaries: FfmpegBinaries,
    job: JobHandle,
    estimate?: number,
  ): Promise<ExportRecord> {
    const storage = { folder: path.dirname(finalDir), neededBytes: estimate, libraryDir: this.library.dir, what: 'ce pack' };
    const partialDir = partialPathFor(finalDir);
    const finalZip = `${finalDir}.zip`;
    const partialZip = partialPathFor(finalZip);
    const packId = crypto.randomUUID();
    const project = this.library.projects.get(plan.spec.projectId);
    const checkCancelled = () => {
      if (job.signal.aborted) throw new AppError('cancelled', 'Fabrication du pack annulée.');
    };
    const projectName = plan.texts.name ?? '';
    const marker = new UnfinishedWork(this.library.dir, 'pack', `${projectName} (${AUDIENCE_LABELS_FR[plan.spec.audience]})`);
    marker.addPaths(partialDir, partialZip);
    try {
      fs.mkdirSync(path.join(partialDir, 'videos'), { recursive: true });
      const totalSeconds = plan.included.reduce((sum, item) => sum + item.prepared.plan.totalSeconds, 0) || 1;
      let doneSeconds = 0;
      const videos = new Map<PlannedItem, PackVideo>();
      for (const [index, item] of plan.included.entries()) {
        checkCancelled();
        // a name people read (the item's name already passed the text gate for this audience)
        const file = `videos/${String(index + 1).padStart(2, '0')}-${fileTitle(item.name, item.kind === 'montage' ? 'Film' : 'Extrait')}.mp4`;
        const seconds = item.prepared.plan.totalSeconds;
        const span: [number, number] = [
          (doneSeconds / totalSeconds) * WEIGHT_RENDERS,
          ((doneSeconds + seconds) / totalSeconds) * WEIGHT_RENDERS,
        ];
        job.progress(span[0], `pack-video:${index + 1}/${plan.included.length}`);
        const rendered = await this.deps.render.renderToFile(
          item.prepared,
          path.join(partialDir, ...file.split('/')),
          binaries,
          {
            signal: job.signal,
            progress: (ratio) => job.progress(ratio, `pack-video:${index + 1}/${plan.included.length}`),
          },
          span,
          marker,
        );
        doneSeconds += seconds;
        const still = file.replace(/\.mp4$/, '.jpg');
        job.progress(span[1], 'pack-stills');
        await runFfmpeg(
          binaries,
          frameGrabArgs(rendered.videoPath, seconds / 2, path.join(partialDir, ...still.split('/')), 'scale=640:-2'),
          {
            signal: job.signal,
            purpose: 'prendre une image pour la synthèse',
            onSpawn: (pid) => marker.addFfmpeg(pid),
          },
        );
        videos.set(item, {
          name: item.name,
          file,
          subtitles: rendered.subtitlesPath ? file.replace(/\.mp4$/, '.vtt') : null,
          still,
          durationSeconds: seconds,
          cues: item.prepared.plan.cues,
        });
      }
      checkCancelled();
      job.progress(WEIGHT_RENDERS, 'pack-documents');
      const content = this.content(plan, videos, packId, project);
      fs.writeFileSync(path.join(partialDir, 'index.html'), renderPackPage(content));
      fs.writeFileSync(
        path.join(partialDir, 'consentements.csv'),
        consentRegisterCsv(
          content.people.map((person) => ({
            consent: this.deps.consent.show(person.personId),
            shownAs: person.shownAs,
            role: person.role,
          })),
          plan.spec.audience,
        ),
      );
      await writePackSynthesis(content, partialDir, path.join(partialDir, 'synthese.pdf'));
      checkCancelled();
      job.progress(0.94, 'pack-manifest');
      const manifest = await buildManifest(partialDir, {
        packId,
        project: { id: project.id, name: projectName },
        audience: plan.spec.audience,
        createdAt: this.library.now(),
        appVersion: this.deps.appVersion,
      });
      fs.writeFileSync(path.join(partialDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      if (zip) {
        checkCancelled();
        job.progress(0.97, 'pack-zip');
        // the folder inside the zip is named for people ("Temoignages-2025-Elus"), from the gated project name
        await zipFolder(
          partialDir,
          fileTitle(`${projectName} ${AUDIENCE_LABELS_FR[plan.spec.audience]}`, 'Restitution'),
          partialZip,
          job.signal,
        );
      }
      checkCancelled();
      fs.renameSync(partialDir, finalDir);
      if (zip) fs.renameSync(partialZip, finalZip);
    } catch (error) {
      fs.rmSync(partialDir, { recursive: true, force: true });
      fs.rmSync(partialZip, { force: true });
      throw asStorageError(error, storage, true);
    } finally {
      marker.finish();
    }

    const removeOutput = () => {
      fs.rmSync(finalDir, { recursive: true, force: true });
      if (zip) fs.rmSync(finalZip, { force: true });
    };
    const record = this.library.db.transaction(() => {
      // the decision is taken again here, in the transaction that records the pack
      this.deps.render.assertStillHolds(plan.included.map((item) => item.prepared.plan));
      const zipAssetId =
        zip && !external
          ? this.library.mediaAssets.register({
              kind: 'export-pack',
              relativePath: this.relativeIfInside(finalZip),
              mimeType: 'application/zip',
            }).id
          : null;
      return this.deps.exports.insert({
        projectId: project.id,
        kind: 'pack',
        audience: plan.spec.audience,
        label: `${projectName} — ${AUDIENCE_LABELS_FR[plan.spec.audience]}`,
        assetId: zipAssetId,
        outputPath: external ? finalDir : null,
        spec: {
          spec: plan.spec,
          zip,
          recordingIds: [...new Set(plan.included.flatMap((item) => recordingIdsOf(item.prepared.plan)))],
        } satisfies StoredPackSpec,
        summary: {
          packId,
          folder: this.relativeIfInside(finalDir),
          zipPath: zip ? this.relativeIfInside(finalZip) : null,
          external,
          durationSeconds: plan.included.reduce((sum, item) => sum + item.prepared.plan.totalSeconds, 0),
          videos: plan.included.length,
          excluded: plan.excluded.length,
        },
        personIds: [...new Set([...plan.included.flatMap((item) => item.prepared.plan.personIds), ...plan.namedPersonIds])],
        shown: plan.people,
      });
    });
    let recorded: ExportRecord;
    try {
      recorded = record.immediate();
    } catch (error) {
      // nothing recorded: the pack goes — from outside the library too when consent no longer holds
      if (!external || (error instanceof AppError && error.code === 'consent-refused')) removeOutput();
      throw asStorageError(error, { ...storage, folder: this.library.dir, neededBytes: undefined }, true);
    }
    this.deps.events.emit('data.changed', { entity: 'export', id: recorded.id, projectId: recorded.projectId, change: 'created' });
    return recorded;
  }

  private content(
    plan: PackPlan,
    videos: Map<PlannedItem, PackVideo>,
    packId: string,
    project: ReturnType<Library['projects']['get']>,
  ): PackContent {
    // the figures count only what is in the pack: its videos, the people shown in them, their sessions
    const people = this.library.people.listByProject(project.id);
    const personById = new Map(people.map((person) => [person.id, person]));
    const byRole = new Map<string, number>();
    for (const shown of plan.people) {
      const role = personById.get(shown.personId)?.role ?? 'other';
      byRole.set(role, (byRole.get(role) ?? 0) + 1);
    }
    const recordingIds = new Set(plan.included.flatMap((item) => recordingIdsOf(item.prepared.plan)));
    const sessionIds = new Set(
      [...recordingIds].map((id) => this.library.recordings.get(id).sessionId).filter((id): id is number => id !== null),
    );
    const themes = new Map<string, PackClip[]>();
    for (const item of plan.included.filter((entry) => entry.kind === 'clip')) {
      const video = videos.get(item)!;
      const segment = item.prepared.plan.segments[0];
      const lowerThird = segment?.kind === 'clip' ? segment.lowerThird : null;
      const clip: PackClip = { ...video, speaker: lowerThird?.name ?? null, role: lowerThird?.role ?? null, quotes: item.quotes };
      for (const theme of item.themes.length ? item.themes : [OTHER_THEME]) themes.set(theme, [...(themes.get(theme) ?? []), clip]);
    }
    return {
      packId,
      createdAt: this.library.now(),
      appVersion: this.deps.appVersion,
      audience: plan.spec.audience,
      project: {
        name: plan.texts.name ?? '',
        kind: project.kind,
        place: plan.texts.place,
        startDate: project.startDate,
        endDate: project.endDate,
        description: plan.texts.description,
        withdrawalContact: plan.texts.withdrawalContact,
      },
      figures: {
        sessions: sessionIds.size,
        recordings: plan.included.length,
        filmedSeconds: plan.included.reduce((sum, item) => sum + item.prepared.plan.totalSeconds, 0),
        peopleByRole: [...byRole.entries()].map(([role, count]) => ({
          role: role as PackContent['figures']['peopleByRole'][number]['role'],
          count,
        })),
      },
      montages: plan.included.filter((item) => item.kind === 'montage').map((item) => videos.get(item)!),
      themes: [...themes.entries()]
        .sort(([a], [b]) => (a === OTHER_THEME ? 1 : b === OTHER_THEME ? -1 : a.localeCompare(b, 'fr')))
        .map(([name, clips]) => ({ name, clips })),
      people: plan.people.map((person) => ({
        ...person,
        role: ROLE_LABELS_FR[personById.get(person.personId)?.role ?? 'other'],
      })),
    };
  }
}
