/**
 * Plans and renders clips and montages: builds the plan (consent gate first), lets the
 * pure rules pick stream copy or re-encode, checks free space, then runs one ffmpeg as a
 * cancellable job in a work folder, writing to a partial file renamed only when
 * complete, and records the export with the people in it in the exports register. The
 * stores it reads (clips, montages, subtitles) and the register are given to it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { definedOnly } from '../platform/definedOnly';
import type { ApiEventBus } from '../platform/eventBus';
import type {
  Clip,
  ClipRenderOptions,
  ExportRecord,
  MontageSettings,
  RenderCheck,
  RenderModeReason,
  RenderTarget,
} from '../../src-shared/contract/schemas/editing';
import type { ConsentService } from '../consent/consentService';
import type { Audience } from '../consent/consentPolicy';
import type { JobHandle, JobRunner } from '../platform/jobRunner';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import type { FfmpegBinaries } from '../media/binaries';
import { readMediaIndex, type MediaIndex } from '../media/mediaIndex';
import { chooseRenderMode, estimateRenderBytes, type RenderMode } from './renderMode';
import type { CutParts } from './smartCut';
import { CutCheckFailed, renderCut } from './smartCutRender';
import { probe } from '../media/probe';
import { runFfmpeg } from '../media/runFfmpeg';
import { resourcesDir } from '../platform/resourcesDir';
import type { ClipsStore } from './clipsStore';
import type { ExportsStore } from '../exports/exportsStore';
import { AUDIENCE_LABELS_FR, describeRefusalFr } from '../consent/frenchLabels';
import { assertConsentStillHolds } from './consentRecheck';
import type { MontagesStore } from './montagesStore';
import {
  encodeRender,
  encodeRenderArgs,
  LOUDNESS_TARGET,
  measureRenderLoudnessArgs,
  WORK_FILES,
  type EncodeSources,
  type SourceSize,
} from './renderArgs';
import { measureLoudness, type LoudnessMeasurement } from '../media/loudness';
import { buildRenderPlan, type PlanItem, type PlanLabel, type PlanRecording, type RenderPlan } from './renderPlan';
import { checkDestinationFile, requireFreeSpace, statFreeBytes, type FreeBytes } from '../platform/outputSpace';
import { asStorageError } from '../platform/storageErrors';
import { commitPartial, partialPathFor, removePartials, writeFileAtomic } from '../platform/atomicFile';
import { cuesToAss, cuesToSrt, cuesToVtt } from '../media/subtitleFormats';
import type { SubtitleStore } from './subtitleStore';
import { UnfinishedWork } from '../platform/unfinishedWork';
import { titleStills, type TitleStill } from './titlePreview';
import { faceRiskStills, type FaceRiskStill } from './faceRiskStills';
import { slug } from '../platform/slug';
import type { PlanFaceTracks } from '../faces/faceCoverage';
import { localToday } from '../../src-shared/age';

export interface RenderDeps {
  library: Library;
  jobs: JobRunner;
  events: ApiEventBus;
  consent: ConsentService;
  clips: ClipsStore;
  montages: MontagesStore;
  subtitles: SubtitleStore;
  exports: ExportsStore;
  requireFfmpeg: () => FfmpegBinaries;
  /** Injected in tests; the real one asks the file system. */
  freeBytes?: FreeBytes;
  /** A recording's face tracks for the plan (null: not analysed). */
  faceTracks?: (recordingId: number) => PlanFaceTracks | null;
}

export interface RenderRequest {
  target: RenderTarget;
  audience: Audience;
  options?: ClipRenderOptions;
  /** Asked from the export panel: a lower third on a clip with no speaker is refused, not left out (packs and rebuilds leave it out). */
  speakerRequired?: boolean;
}

/** Clips exported alone: plain cut unless asked (a montage carries its own settings). */
export const CLIP_DEFAULTS: MontageSettings = {
  preset: '720p',
  fadeSeconds: 0,
  normaliseAudio: false,
  lowerThirds: false,
  burnSubtitles: false,
};

export const RENDERS_FOLDER = 'exports/renders';
export const WORK_FOLDER = 'tmp';

export interface PreparedRender {
  plan: RenderPlan;
  /** What will be done; set to 'encode' when a copy or smart cut fails its check and is re-encoded. */
  mode: RenderMode;
  modeReason: RenderModeReason;
  /** For copy and smart cut: the encoded and copied frames. */
  cut: CutParts | null;
  /** Keyframes of the masters and stills of sound-only recordings, for the encoder's graph. */
  sources: EncodeSources;
  /** The export's name as the text gate lets it out (file names, job and register labels). */
  label: string;
  projectId: number;
  kind: 'clip' | 'montage';
  /** Output frame rate: the first clip's (masters are constant frame rate). */
  frameRate: number;
}

export interface RenderedFile {
  videoPath: string;
  subtitlesPath: string | null;
  sizeBytes: number;
}

/** The recordings a plan's clips come from, kept in the export's spec (a person linked later is recalled). */
export function recordingIdsOf(plan: RenderPlan): number[] {
  return [...new Set(plan.segments.flatMap((segment) => (segment.kind === 'clip' ? [segment.recordingId] : [])))];
}

/**
 * How each person appears in a rendered file: the conditions applied, and their name only
 * when a lower third printed it (a plain cut shows faces, not names), so a recall letter
 * never names someone beyond what the recipient received.
 */
export function shownInRender(plan: RenderPlan): Array<{ personId: number; shownAs: string | null; conditions: string[] }> {
  const printed = new Set(
    plan.segments.flatMap((segment) => (segment.kind === 'clip' && segment.lowerThird?.name ? [segment.lowerThird.name] : [])),
  );
  return plan.check.people.map((person) => ({
    personId: person.personId,
    shownAs: person.shownAs !== null && printed.has(person.shownAs) ? person.shownAs : null,
    conditions: person.conditions,
  }));
}

/** The share of a re-encoded export's progress bar taken by measuring its loudness (sound only: quick). */
const LOUDNESS_PASS_SHARE = 0.1;

/** A clip as an item of the render plan, from its recording (clips alone and in montages alike). */
function clipItem(clip: Clip, recording: PlanRecording): PlanItem {
  return {
    kind: 'clip',
    recording,
    inSeconds: clip.inSeconds,
    outSeconds: clip.outSeconds,
    speakerPersonId: clip.speakerPersonId,
    blurBox: clip.blurBox,
    excludedPersonIds: clip.excludedPersonIds,
    faceCheck: clip.faceCheck,
    clipId: clip.id,
    clipName: clip.name,
  };
}

export class RenderService {
  private readonly freeBytes: FreeBytes;

  constructor(private readonly deps: RenderDeps) {
    this.freeBytes = deps.freeBytes ?? statFreeBytes;
  }

  private get library(): Library {
    return this.deps.library;
  }

  /** The consent gate's answer and what would be rendered, without rendering. */
  async check(request: RenderRequest): Promise<RenderCheck> {
    const prepared = await this.prepare(request);
    return { ...prepared.plan.check, mode: prepared.mode, modeReason: prepared.modeReason };
  }

  /** A still of each title card, as the render will draw it (titlePreview.ts). */
  async titlePreview(request: RenderRequest): Promise<{ titles: TitleStill[] }> {
    const prepared = await this.prepare(request);
    return { titles: await titleStills(prepared.plan, this.deps.requireFfmpeg()) };
  }

  /**
   * A still of each stretch at risk of tracked blur, drawn as the render will blur it
   * (faceRiskStills.ts). The consent gate first: a refused export gives no stills.
   */
  async faceRiskStills(request: RenderRequest): Promise<{ stills: FaceRiskStill[]; leftOut: number }> {
    const prepared = await this.prepare(request);
    this.assertAllowed(prepared.plan);
    const binaries = this.deps.requireFfmpeg();
    return faceRiskStills(prepared.plan, binaries, resolveInside(this.library.dir, WORK_FOLDER), () =>
      this.sourceSizes(prepared.plan, binaries),
    );
  }

  /** Builds the plan for a target, and decides between stream copy and re-encode. */
  async prepare(request: RenderRequest): Promise<PreparedRender> {
    const { target, audience } = request;
    let items: PlanItem[];
    let settings: MontageSettings;
    let label: PlanLabel;
    let rangeSuffix = '';
    let projectId: number;
    if (target.kind === 'montage') {
      const montage = this.deps.montages.get(target.montageId, 'target.montageId');
      if (montage.items.length === 0) {
        throw new AppError('invalid-input', `Le film « ${montage.name} » est vide.`, {
          field: 'target.montageId',
          hint: 'Ajoutez-lui d’abord des extraits.',
        });
      }
      settings = montage;
      label = { kind: 'montage', id: montage.id, text: montage.name };
      projectId = montage.projectId;
      const recordings = new Map<number, PlanRecording>();
      items = montage.items.map((item) => {
        if (item.kind === 'title') return item;
        const clip = this.deps.clips.get(item.clipId);
        const recording = recordings.get(clip.recordingId) ?? this.planRecording(clip.recordingId, audience);
        recordings.set(clip.recordingId, recording);
        return clipItem(clip, recording);
      });
    } else {
      settings = { ...CLIP_DEFAULTS, ...definedOnly(request.options) };
      if (target.kind === 'clip') {
        const clip = this.deps.clips.get(target.clipId, 'target.clipId');
        label = { kind: 'clip', id: clip.id, text: clip.name };
        projectId = clip.projectId;
        items = [clipItem(clip, this.planRecording(clip.recordingId, audience))];
      } else {
        const recording = this.planRecording(target.recordingId, audience, 'target.recordingId');
        const duration = recording.durationSeconds;
        if (target.toSeconds <= target.fromSeconds) {
          throw new AppError('invalid-input', 'La fin du passage doit venir après son début.', { field: 'target.toSeconds' });
        }
        if (target.toSeconds > duration + 0.05) {
          throw new AppError(
            'invalid-input',
            `Le passage finit à ${target.toSeconds} s mais l’enregistrement ne dure que ${duration.toFixed(3)} s.`,
            {
              field: 'target.toSeconds',
            },
          );
        }
        label = { kind: 'range', id: recording.id, text: recording.title };
        rangeSuffix = ` ${target.fromSeconds.toFixed(1)}–${target.toSeconds.toFixed(1)} s`;
        projectId = recording.projectId;
        items = [
          { kind: 'clip', recording, inSeconds: target.fromSeconds, outSeconds: target.toSeconds, speakerPersonId: null, blurBox: null },
        ];
      }
    }
    const sources = await this.readSources(items, request.options?.audioOnlyPicture ?? 'poster');
    // every text of the export (its name, title cards, roles, subtitles, quotes) passes the text gate
    const gate = this.deps.consent.textGateFor(projectId, audience);
    const blurUnknownFaces = request.options?.blurUnknownFaces;
    const plan = buildRenderPlan(
      items,
      { ...settings, audience, ...(blurUnknownFaces ? { blurUnknownFaces } : {}) },
      { gate, label, speakerRequired: request.speakerRequired === true },
    );
    const first = plan.segments[0];
    const choice = chooseRenderMode(plan, first?.kind === 'clip' ? (sources.indexes.get(first.recordingId) ?? null) : null);
    return {
      plan,
      mode: choice.mode,
      modeReason: choice.reason,
      cut: choice.cut,
      sources,
      label: `${plan.label}${rangeSuffix}`,
      projectId,
      kind: target.kind === 'montage' ? 'montage' : 'clip',
      frameRate: plan.frameRate,
    };
  }

  /**
   * Each master's keyframe index (its frame grid, frame count and keyframes: cuts are
   * whole frames of it) and, for recordings with sound only, the still to show.
   */
  private async readSources(
    items: readonly PlanItem[],
    audioOnlyPicture: 'poster' | 'plain',
  ): Promise<EncodeSources & { indexes: Map<number, MediaIndex> }> {
    const indexes = new Map<number, MediaIndex>();
    const keyframes = new Map<number, readonly number[]>();
    const stills = new Map<number, string | null>();
    for (const item of items) {
      if (item.kind !== 'clip' || indexes.has(item.recording.id)) continue;
      const { recording } = item;
      const index = await readMediaIndex(this.deps.requireFfmpeg(), recording.masterPath);
      indexes.set(recording.id, index);
      keyframes.set(recording.id, index.keyframes);
      if (!recording.hasVideo) {
        const posterId = audioOnlyPicture === 'poster' ? this.library.recordings.get(recording.id).posterAssetId : null;
        const poster = posterId === null ? null : this.library.mediaAssets.resolve(posterId).absolutePath;
        stills.set(recording.id, poster && fs.existsSync(poster) ? poster : null);
      }
    }
    // the plan puts in and out points on each master's frame grid
    for (const item of items) {
      if (item.kind !== 'clip') continue;
      const index = indexes.get(item.recording.id);
      item.recording.frameRate = index?.frameRate ?? null;
      item.recording.frameCount = index?.frameCount ?? null;
    }
    return { indexes, keyframes, stills };
  }

  /** Refuses with the list of who blocks and why, or of the recordings that cannot leave. */
  assertAllowed(plan: RenderPlan): void {
    const { check } = plan;
    if (check.allowed) return;
    const lines = [
      ...check.blockers.map((blocker) => `${blocker.displayName} : ${blocker.reasons.map(describeRefusalFr).join(', ')}`),
      ...check.recordingProblems.map((problem) =>
        problem.problem === 'nobody-linked'
          ? `vidéo « ${problem.title} » : personne n’y est lié, donc aucun accord ne la couvre ; indiquez les personnes filmées`
          : problem.problem === 'outside-kept-part'
            ? `vidéo « ${problem.title} » : après un effacement, seules ses parties gardées peuvent sortir (extraits « Partie gardée »)`
            : problem.problem === 'no-speaker'
              ? `extrait « ${problem.clipName ?? problem.title} » : un bandeau avec le nom est demandé, mais personne n’est choisi comme « personne qui parle » ; choisissez-la dans l’extrait, ou retirez les bandeaux`
              : `vidéo « ${problem.title} » : à revoir après un effacement (la personne effacée y apparaît peut-être)`,
      ),
      ...check.textChanges
        .filter((change) => change.blocksExport)
        .map(
          (change) =>
            `${change.where} : ce texte nomme une personne qui ne peut pas être montrée à ce public (${change.reason}) ; renommez-le`,
        ),
    ];
    throw new AppError(
      'consent-refused',
      `Cet export (public : ${AUDIENCE_LABELS_FR[check.audience]}) est refusé :\n- ${lines.join('\n- ')}`,
      {
        hint: 'Retirez ces personnes ou ces extraits, ou enregistrez d’abord leur accord pour ce public. Rien n’a été exporté.',
      },
    );
  }

  /**
   * The decision taken again inside the transaction that records an export (or a pack of
   * them): consent, links and whose each face is, as they are now. Throws `consent-refused`.
   */
  assertStillHolds(plans: readonly RenderPlan[]): void {
    assertConsentStillHolds(plans, this.deps.consent, this.library, localToday(new Date(this.library.now())), this.deps.faceTracks);
  }

  /** Queues the render; with `wait`, settles when it is finished. */
  async start(
    request: RenderRequest & { destination?: string; wait?: boolean; overwrite?: boolean },
  ): Promise<{ jobId: string; export: ExportRecord | null }> {
    const prepared = await this.prepare(request);
    this.assertAllowed(prepared.plan);
    const binaries = this.deps.requireFfmpeg();
    const destination = request.destination
      ? checkDestinationFile(request.destination, ['.mp4'], { libraryDir: this.library.dir, overwrite: request.overwrite })
      : null;
    const finalPath = destination ?? this.libraryOutputPath(prepared);
    fs.mkdirSync(path.dirname(finalPath), { recursive: true });
    requireFreeSpace(path.dirname(finalPath), this.estimateBytes(prepared), this.freeBytes, 'cet export');

    const { jobId, done } = this.deps.jobs.start('render', `Export « ${prepared.label} »`, (job) =>
      this.renderAndRecord(prepared, request, finalPath, destination !== null, binaries, job),
    );
    if (!request.wait) return { jobId, export: null };
    return { jobId, export: await done };
  }

  /** Renders a corrected clip or montage export from the same request (consent is asked again). */
  async rebuild(exportId: number, options: { destination?: string; wait?: boolean; overwrite?: boolean } = {}) {
    const record = this.deps.exports.get(exportId, 'exportId');
    if (record.kind !== 'clip' && record.kind !== 'montage') {
      throw new AppError(
        'invalid-input',
        `L’export n° ${exportId} n’est ni un extrait ni un film : une nouvelle version ne se fait que pour eux.`,
        { field: 'exportId' },
      );
    }
    if (record.outputPath && !options.destination) {
      throw new AppError(
        'invalid-input',
        `Cet export a été écrit dans ${record.outputPath} : indiquez un nouveau fichier pour la version corrigée.`,
        {
          field: 'destination',
        },
      );
    }
    const stored = this.deps.exports.spec<{ target: RenderTarget; options: ClipRenderOptions | null }>(exportId);
    return this.start({
      target: stored.target,
      audience: record.audience,
      options: stored.options ?? undefined,
      destination: options.destination,
      overwrite: options.overwrite,
      wait: options.wait,
    });
  }

  /** Removes work folders and partial outputs left by a crash (start-up). */
  recoverUnfinished(): number {
    let removed = removePartials(resolveInside(this.library.dir, RENDERS_FOLDER));
    const work = resolveInside(this.library.dir, WORK_FOLDER);
    for (const name of fs.existsSync(work) ? fs.readdirSync(work) : []) {
      if (!name.startsWith('render-')) continue;
      fs.rmSync(path.join(work, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /**
   * Renders a prepared plan to `finalPath` (partial file, then rename) and writes the
   * subtitles beside it. Used by single exports and by packs.
   */
  async renderToFile(
    prepared: PreparedRender,
    finalPath: string,
    binaries: FfmpegBinaries,
    job: Pick<JobHandle, 'signal' | 'progress'>,
    progressSpan: [number, number] = [0, 1],
    /** The caller's crash marker (a pack's); otherwise this render keeps its own. */
    marker?: UnfinishedWork,
  ): Promise<RenderedFile> {
    const { plan } = prepared;
    const work = resolveInside(this.library.dir, path.posix.join(WORK_FOLDER, `render-${crypto.randomUUID()}`));
    const partial = partialPathFor(finalPath);
    const subtitlesPath = plan.cues.length ? finalPath.replace(/\.mp4$/i, '.vtt') : null;
    const [spanFrom, spanTo] = progressSpan;
    const ownMarker = marker ? null : new UnfinishedWork(this.library.dir, 'render', prepared.label);
    const crashMarker = marker ?? ownMarker!;
    crashMarker.addPaths(work, partial);
    try {
      fs.mkdirSync(work, { recursive: true });
      const onProgress = (progress: { ratio: number | null }) =>
        job.progress(
          progress.ratio === null ? null : spanFrom + (spanTo - spanFrom) * progress.ratio,
          prepared.mode === 'encode' ? 'encode' : 'copy',
        );
      if (plan.cues.length) fs.writeFileSync(path.join(work, WORK_FILES.srt), cuesToSrt(plan.cues));
      const segment = plan.segments[0]!;
      // copy and smart cut need their cut; without one (or when its check fails) the clip is re-encoded,
      // and the record says what was really done
      if (!prepared.cut || segment.kind !== 'clip') prepared.mode = 'encode';
      if (prepared.mode !== 'encode' && prepared.cut && segment.kind === 'clip') {
        const index = prepared.sources.keyframes?.get(segment.recordingId) ?? [];
        const middleKeyframe = index.find((time) => Math.round(time * prepared.cut!.frameRate) === prepared.cut!.middle.from);
        try {
          await renderCut({
            binaries,
            masterPath: segment.masterPath,
            middleKeyframeSeconds: middleKeyframe ?? prepared.cut.middle.from / prepared.cut.frameRate,
            parts: prepared.cut,
            hasAudio: segment.hasAudio,
            withSubtitleTrack: plan.cues.length > 0,
            work,
            output: partial,
            signal: job.signal,
            onProgress: (ratio) => onProgress({ ratio }),
            onSpawn: (pid) => crashMarker.addFfmpeg(pid),
          });
        } catch (error) {
          if (!(error instanceof CutCheckFailed)) throw error;
          prepared.mode = 'encode';
          fs.rmSync(partial, { force: true });
        }
      }
      if (prepared.mode === 'encode') {
        this.prepareWorkFolder(plan, work);
        const sizes = await this.sourceSizes(plan, binaries);
        // loudness in two passes: the sound of the edit is measured first, so the export lands
        // within ±1 LU of the target (one pass guesses as it goes and misses on uneven speech)
        let measuredLoudness: LoudnessMeasurement | null = null;
        const measureShare = plan.settings.normaliseAudio ? LOUDNESS_PASS_SHARE : 0;
        const scaled = (from: number, share: number) => (progress: { ratio: number | null }) =>
          onProgress({ ratio: progress.ratio === null ? null : from + share * progress.ratio });
        if (plan.settings.normaliseAudio) {
          const measuring = encodeRender(plan, prepared.frameRate, sizes, { ...prepared.sources, measureLoudnessOnly: true });
          for (const file of measuring.workFiles) fs.writeFileSync(path.join(work, file.name), file.content);
          fs.writeFileSync(path.join(work, WORK_FILES.filterScript), measuring.filter);
          measuredLoudness = await measureLoudness(binaries, { args: measureRenderLoudnessArgs(measuring.inputs) }, LOUDNESS_TARGET, {
            cwd: work,
            durationSeconds: plan.totalSeconds,
            signal: job.signal,
            onProgress: scaled(0, measureShare),
            onSpawn: (pid) => crashMarker.addFfmpeg(pid),
          });
        }
        const graph = encodeRender(plan, prepared.frameRate, sizes, { ...prepared.sources, measuredLoudness });
        for (const file of graph.workFiles) fs.writeFileSync(path.join(work, file.name), file.content);
        fs.writeFileSync(path.join(work, WORK_FILES.filterScript), graph.filter);
        const args = encodeRenderArgs(plan, prepared.frameRate, graph.inputs, graph.withSubtitleTrack, partial);
        await runFfmpeg(binaries, args, {
          cwd: work,
          durationSeconds: plan.totalSeconds,
          signal: job.signal,
          onProgress: scaled(measureShare, 1 - measureShare),
          purpose: 'fabriquer l’export',
          onSpawn: (pid) => crashMarker.addFfmpeg(pid),
        });
      }
      if (subtitlesPath) writeFileAtomic(subtitlesPath, cuesToVtt(plan.cues));
      commitPartial(partial, finalPath);
      return { videoPath: finalPath, subtitlesPath, sizeBytes: fs.statSync(finalPath).size };
    } catch (error) {
      fs.rmSync(partial, { force: true });
      if (subtitlesPath && !fs.existsSync(finalPath)) fs.rmSync(subtitlesPath, { force: true });
      // ffmpeg's "No space left on device", a full library tmp/ or a read-only folder: said plainly, nothing kept
      throw asStorageError(
        error,
        { folder: path.dirname(finalPath), neededBytes: this.estimateBytes(prepared), libraryDir: this.library.dir, what: 'cet export' },
        true,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      ownMarker?.finish();
    }
  }

  estimateBytes(prepared: PreparedRender): number {
    return estimateRenderBytes(prepared.plan, prepared.mode);
  }

  private async renderAndRecord(
    prepared: PreparedRender,
    request: RenderRequest,
    finalPath: string,
    external: boolean,
    binaries: FfmpegBinaries,
    job: JobHandle,
  ): Promise<ExportRecord> {
    const rendered = await this.renderToFile(prepared, finalPath, binaries, job);
    try {
      const relative = (file: string) => path.relative(this.library.dir, file).split(path.sep).join('/');
      const record = this.library.db
        .transaction(() => {
          // the decision is taken again here, in the transaction that records the export
          this.assertStillHolds([prepared.plan]);
          const assetId = external
            ? null
            : this.library.mediaAssets.register({ kind: 'export-video', relativePath: relative(rendered.videoPath), mimeType: 'video/mp4' })
                .id;
          const subtitleAssetId =
            external || !rendered.subtitlesPath
              ? null
              : this.library.mediaAssets.register({
                  kind: 'export-subtitles',
                  relativePath: relative(rendered.subtitlesPath),
                  mimeType: 'text/vtt',
                }).id;
          return this.deps.exports.insert({
            projectId: prepared.projectId,
            kind: prepared.kind,
            audience: request.audience,
            label: prepared.label,
            assetId,
            outputPath: external ? rendered.videoPath : null,
            spec: { target: request.target, options: request.options ?? null, recordingIds: recordingIdsOf(prepared.plan) },
            summary: {
              durationSeconds: prepared.plan.totalSeconds,
              sizeBytes: rendered.sizeBytes,
              mode: prepared.mode,
              subtitleAssetId,
              conditions: [...new Set(prepared.plan.check.people.flatMap((person) => person.conditions))].sort(),
            },
            personIds: prepared.plan.personIds,
            shown: shownInRender(prepared.plan),
          });
        })
        .immediate();
      this.deps.events.emit('data.changed', { entity: 'export', id: record.id, projectId: record.projectId, change: 'created' });
      return record;
    } catch (error) {
      // nothing recorded: the file goes — and when consent no longer holds, even from outside the library
      if (!external || (error instanceof AppError && error.code === 'consent-refused')) {
        fs.rmSync(rendered.videoPath, { force: true });
        if (rendered.subtitlesPath) fs.rmSync(rendered.subtitlesPath, { force: true });
      }
      throw asStorageError(error, { folder: this.library.dir, libraryDir: this.library.dir, what: 'enregistrer cet export' });
    }
  }

  private libraryOutputPath(prepared: PreparedRender): string {
    const day = localToday(new Date(this.library.now()));
    const name = `${day}-${prepared.kind}-${slug(prepared.label)}-${crypto.randomBytes(3).toString('hex')}.mp4`;
    return resolveInside(this.library.dir, path.posix.join(RENDERS_FOLDER, name));
  }

  private planRecording(recordingId: number, audience: Audience, field = 'recordingId'): PlanRecording & { projectId: number } {
    const recording = this.library.recordings.get(recordingId, field);
    if (recording.status !== 'ready' || recording.masterAssetId === null) {
      throw new AppError(
        'conflict',
        `L’enregistrement « ${recording.title} » n’est pas prêt : sa vidéo est encore en préparation, ou sa préparation a échoué.`,
        {
          field,
        },
      );
    }
    const masterPath = this.library.mediaAssets.resolve(recording.masterAssetId).absolutePath;
    return {
      id: recording.id,
      projectId: recording.projectId,
      title: recording.title,
      masterPath,
      durationSeconds: recording.durationSeconds ?? 0,
      width: recording.width,
      height: recording.height,
      masterBytes: fs.statSync(masterPath).size,
      hasVideo: recording.hasVideo,
      hasAudio: recording.hasAudio,
      needsReview: recording.needsReview,
      keptRanges: recording.keptRanges,
      people: recording.people.map((linked) => {
        const { givenName, familyName, nameNeedsReview } = this.library.people.get(linked.personId);
        return { ...linked, givenName, familyName, nameNeedsReview };
      }),
      check: this.deps.consent.check(recording.id, audience),
      cues: this.deps.subtitles.forExport(recording.id),
      faces: this.deps.faceTracks?.(recording.id) ?? null,
    };
  }

  /** Fonts and text files the filters read. */
  private prepareWorkFolder(plan: RenderPlan, work: string): void {
    const fonts = path.join(resourcesDir(), 'fonts');
    fs.copyFileSync(path.join(fonts, 'DejaVuSans.ttf'), path.join(work, WORK_FILES.font));
    fs.copyFileSync(path.join(fonts, 'DejaVuSans-Bold.ttf'), path.join(work, WORK_FILES.boldFont));
    plan.segments.forEach((segment, i) => {
      // title cards' lines come with the filter graph's work files (titleCard.ts)
      if (segment.kind !== 'title' && segment.lowerThird) {
        if (segment.lowerThird.name !== null) fs.writeFileSync(path.join(work, WORK_FILES.lowerName(i)), segment.lowerThird.name);
        fs.writeFileSync(path.join(work, WORK_FILES.lowerRole(i)), segment.lowerThird.role);
      }
    });
    if (plan.settings.burnSubtitles && plan.cues.length)
      fs.writeFileSync(path.join(work, WORK_FILES.ass), cuesToAss(plan.cues, plan.width, plan.height));
  }

  private async sourceSizes(plan: RenderPlan, binaries: FfmpegBinaries): Promise<Map<number, SourceSize>> {
    const sizes = new Map<number, SourceSize>();
    for (const segment of plan.segments) {
      if (segment.kind !== 'clip' || sizes.has(segment.recordingId)) continue;
      if (!segment.faceBlur && (typeof segment.pixelate !== 'object' || segment.pixelate === null)) continue;
      const { width, height } = segment.source;
      if (width && height) sizes.set(segment.recordingId, { width, height });
      else {
        const info = await probe(binaries, segment.masterPath);
        if (info.video?.width && info.video.height) sizes.set(segment.recordingId, { width: info.video.width, height: info.video.height });
      }
    }
    return sizes;
  }
}
