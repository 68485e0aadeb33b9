/**
 * ffmpeg arguments for exports, as plain arrays, from a render plan. Pure and
 * unit-tested. Text (titles, names) is read by drawtext from files with expansion off,
 * and subtitles are burnt from an ASS file, so no user text ever enters a filter string;
 * ffmpeg runs in the render's work folder, where those files and the fonts sit.
 */
import { loudnormApplyFilter, loudnormMeasureFilter, type LoudnessMeasurement, type LoudnessTarget } from '../media/loudness';
import { layoutTitle, titleDrawtexts, titleWorkFiles } from './titleCard';
import type { BlurBox } from '../../src-shared/contract/schemas/editing';
import type { PlannedSegment, RenderPlan } from './renderPlan';
import { H264_VIDEO_ARGS } from '../media/ffmpegArgs';
import { frameStart, samplesAt } from '../../src-shared/frameGrid';
import { faceBlurChain } from '../faces/faceBlurFilter';

/** File names inside the work folder (ffmpeg's working directory). */
export const WORK_FILES = {
  font: 'font.ttf',
  boldFont: 'font-bold.ttf',
  filterScript: 'filter.txt',
  ass: 'subtitles.ass',
  srt: 'subtitles.srt',
  lowerName: (index: number) => `name-${index}.txt`,
  lowerRole: (index: number) => `role-${index}.txt`,
  faceCommands: (index: number) => `faces-${index}.cmd`,
} as const;

export const TITLE_BACKGROUND = '0x1E2A4A';
/** Pixel blocks across the frame when the whole frame is pixelated. */
export const FRAME_PIXEL_BLOCKS = 32;
export const LOUDNESS_TARGET_LUFS = -16;
/** Voice change: pitch down by this factor, tempo kept. */
export const VOICE_PITCH_FACTOR = 0.8;

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);
const num = (value: number) => String(Math.round(value * 1000) / 1000);

/** Where the source frame lands once fitted (letterboxed) into the output frame. */
export function fittedRect(sourceWidth: number, sourceHeight: number, width: number, height: number) {
  const scale = Math.min(width / sourceWidth, height / sourceHeight);
  const w = sourceWidth * scale;
  const h = sourceHeight * scale;
  return { x: (width - w) / 2, y: (height - h) / 2, w, h };
}

/** A drawn box (fractions of the source frame) in output pixels, grown a little for safety. */
export function boxInOutput(box: BlurBox, fitted: ReturnType<typeof fittedRect>, width: number, height: number) {
  const margin = 0.02;
  const x0 = Math.max(0, fitted.x + (box.x - margin) * fitted.w);
  const y0 = Math.max(0, fitted.y + (box.y - margin) * fitted.h);
  const x1 = Math.min(width, fitted.x + (box.x + box.w + margin) * fitted.w);
  const y1 = Math.min(height, fitted.y + (box.y + box.h + margin) * fitted.h);
  const x = Math.floor(x0 / 2) * 2;
  const y = Math.floor(y0 / 2) * 2;
  return { x, y, w: Math.min(even(x1 - x), width - x), h: Math.min(even(y1 - y), height - y) };
}

export function segmentSeconds(segment: PlannedSegment): number {
  return segment.kind === 'title' ? segment.seconds : segment.outSeconds - segment.inSeconds;
}

export interface SourceSize {
  width: number;
  height: number;
}

/** What the graph needs to know about the masters beyond the plan. */
export interface EncodeSources {
  /** Keyframe times of each recording's master: the demuxer seeks to the one before an in point. */
  keyframes?: ReadonlyMap<number, readonly number[]>;
  /** The picture of a recording without video: a still (its poster) or null for a plain background. */
  stills?: ReadonlyMap<number, string | null>;
  /**
   * Loudness, first pass: the graph keeps only the sound (no picture is decoded) and ends
   * in loudnorm's measure; run it to `-f null` and read the report (media/loudness).
   */
  measureLoudnessOnly?: boolean;
  /** Loudness, second pass: what the first pass measured (null: loudnorm's single pass). */
  measuredLoudness?: LoudnessMeasurement | null;
}

/** The loudness every normalised export aims at: speech on small speakers and projectors. */
export const LOUDNESS_TARGET: LoudnessTarget = { integrated: LOUDNESS_TARGET_LUFS, truePeak: -1.5, range: 11 };

/** A master's frame fitted (letterboxed) into the output frame: the render's first step, and its stills'. */
export function fitToOutput(W: number, H: number): string {
  return `scale=${W}:${H}:force_original_aspect_ratio=decrease,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p`;
}

/**
 * The pixelation a segment's `pixelate` asks for, on a frame already fitted to W×H (to
 * append to its chain, starting with `,`): the whole frame, or a drawn region. `tag` keeps
 * its link names apart. The render and the stills of frames at risk both use it.
 */
export function regionPixelation(pixelate: 'frame' | BlurBox, tag: string, W: number, H: number, size: SourceSize): string {
  if (pixelate === 'frame') {
    const block = Math.max(8, Math.round(W / FRAME_PIXEL_BLOCKS));
    return `,scale=${Math.max(2, Math.round(W / block))}:${Math.max(2, Math.round(H / block))}:flags=area,scale=${W}:${H}:flags=neighbor`;
  }
  const box = boxInOutput(pixelate, fittedRect(size.width, size.height, W, H), W, H);
  const block = Math.max(6, Math.round(Math.max(box.w, box.h) / 10));
  return `,split=2[base${tag}][pix${tag}];[pix${tag}]crop=${box.w}:${box.h}:${box.x}:${box.y},scale=${Math.max(1, Math.round(box.w / block))}:${Math.max(1, Math.round(box.h / block))}:flags=area,scale=${box.w}:${box.h}:flags=neighbor[pixd${tag}];[base${tag}][pixd${tag}]overlay=${box.x}:${box.y}`;
}

/** A text file the command reads from the work folder. */
export interface WorkFile {
  name: string;
  content: string;
}

/** Microsecond precision, what ffmpeg parses: frame and sample edges must not round to the millisecond. */
const exact = (value: number) => value.toFixed(6);
/** After an out point, packets the demuxer still hands over (B-frame reordering, audio/video interleaving). */
const OUT_MARGIN_SECONDS = 1.5;
/** Empty time between two segments of one recording, so their frames never overlap. */
const SEGMENT_GAP_SECONDS = 1;
/** How far before an in point the demuxer may start when the keyframes are not known. */
const UNKNOWN_PREROLL_SECONDS = 10;
export const AUDIO_RATE = 48000;
/**
 * Frames are kept from a little before an in point to a little before an out point: more
 * than timestamps are ever off by (microseconds), less than half a frame at 60 fps.
 */
const FRAME_EDGE_MARGIN_SECONDS = 0.004;

/** Seconds from the keyframe at or before `at` to `at`: what the demuxer decodes before an in point. */
function prerollBefore(keyframes: readonly number[] | undefined, at: number): number {
  if (!keyframes?.length) return UNKNOWN_PREROLL_SECONDS;
  let before = -1;
  for (const time of keyframes) if (time <= at + 1e-6) before = time;
  return before < 0 ? UNKNOWN_PREROLL_SECONDS : at - before + 0.1;
}

function ffconcatPath(file: string): string {
  return `'${file.replace(/'/g, "'\\''")}'`;
}

/**
 * One concat-demuxer input per recording: its segments one after the other, each at
 * its own place on the input's time line with a gap before the next, so that the
 * frames decoded before an in point (from the keyframe) and after an out point fall
 * in the gaps and are trimmed away. One decoder per recording, however many clips:
 * memory stays flat with the length of the montage.
 */
export function recordingTimeline(
  clips: ReadonlyArray<{ inSeconds: number; outSeconds: number; masterPath: string }>,
  keyframes: readonly number[] | undefined,
): { list: string; starts: number[] } {
  const lines = ['ffconcat version 1.0'];
  const starts: number[] = [];
  let start = 0;
  clips.forEach((clip, k) => {
    const next = clips[k + 1];
    const seconds = clip.outSeconds - clip.inSeconds;
    const slot = seconds + OUT_MARGIN_SECONDS + (next ? prerollBefore(keyframes, next.inSeconds) : 0) + SEGMENT_GAP_SECONDS;
    starts.push(start);
    lines.push(
      `file ${ffconcatPath(clip.masterPath)}`,
      `inpoint ${exact(clip.inSeconds)}`,
      `outpoint ${exact(clip.outSeconds + OUT_MARGIN_SECONDS)}`,
      `duration ${exact(slot)}`,
    );
    start += slot;
  });
  return { list: `${lines.join('\n')}\n`, starts };
}

export const timelineFile = (recordingId: number) => `recording-${recordingId}.ffconcat`;

/**
 * The sound of one segment, sample-exact: cut from its place on the time line, moved to
 * start at 0 with any late start kept as silence (a recording whose sound starts after
 * its picture), then padded or cut to exactly `samples`, so junctions have no gap and no overlap.
 */
export function segmentAudioChain(from: number | null, seconds: number, samples: number, voice: string): string {
  const cut = from === null ? '' : `atrim=start=${exact(from)}:end=${exact(from + seconds)},asetpts=PTS-${exact(from)}/TB,`;
  return `${cut}aresample=${AUDIO_RATE}:async=1:first_pts=0,aformat=sample_fmts=fltp:channel_layouts=stereo,${voice}apad=whole_len=${samples},atrim=end_sample=${samples},asetpts=N/SR/TB`;
}

/**
 * The filter graph and inputs of a re-encoded export: each segment normalised to the
 * output size, frame rate and 48 kHz stereo, consent conditions applied, lower third
 * and fades drawn, then all concatenated, subtitles burnt and loudness normalised.
 * Every segment is exactly its planned number of frames and of samples.
 */
export function encodeRender(
  plan: RenderPlan,
  frameRate: number,
  sourceSizes: ReadonlyMap<number, SourceSize>,
  sources: EncodeSources = {},
): { inputs: string[]; filter: string; withSubtitleTrack: boolean; workFiles: WorkFile[] } {
  const { width: W, height: H, settings } = plan;
  const inputs: string[] = [];
  const chains: string[] = [];
  const labels: string[] = [];
  const workFiles: WorkFile[] = [];
  let inputIndex = 0;
  const measureOnly = sources.measureLoudnessOnly === true;
  const fps = num(frameRate);
  const nameFont = even(H * 0.045);
  const roleFont = even(H * 0.034);
  const scaled = fitToOutput(W, H);
  const fit = `${scaled},fps=${fps}`;

  // one input per recording, its segments split off by time
  const timelines = new Map<number, { input: number; starts: number[]; taken: number; count: number; video: boolean; audio: boolean }>();
  for (const segment of plan.segments) {
    if (segment.kind !== 'clip' || timelines.has(segment.recordingId)) continue;
    const clips = plan.segments.filter(
      (s): s is Extract<PlannedSegment, { kind: 'clip' }> => s.kind === 'clip' && s.recordingId === segment.recordingId,
    );
    const timeline = recordingTimeline(clips, sources.keyframes?.get(segment.recordingId));
    workFiles.push({ name: timelineFile(segment.recordingId), content: timeline.list });
    inputs.push('-f', 'concat', '-safe', '0', '-i', timelineFile(segment.recordingId));
    const input = inputIndex++;
    const video = segment.source.hasVideo;
    const audio = segment.hasAudio;
    timelines.set(segment.recordingId, { input, starts: timeline.starts, taken: 0, count: clips.length, video, audio });
    const outs = (kind: string) => clips.map((_, k) => `[${kind}${input}_${k}]`).join('');
    // fitted to the output once per recording, before the split: scale and pad write new frames,
    // and in each segment's branch they would keep a buffer pool per segment for the whole render
    const sameSize = segment.source.width === W && segment.source.height === H;
    if (video && !measureOnly)
      chains.push(`[${input}:v:0]${sameSize ? 'setsar=1,format=yuv420p' : scaled},split=${clips.length}${outs('rv')}`);
    if (audio) chains.push(`[${input}:a:0]asplit=${clips.length}${outs('ra')}`);
  }

  // lower thirds and fades are drawn once the segments are joined, each over its own segment's
  // frames (enable): drawing in a segment's branch would copy its frames into a buffer pool
  // that lives as long as the graph, so memory would grow with every clip
  const drawn: string[] = [];
  const during = (from: number, to: number) => `enable='between(t,${exact(from - 0.5 / frameRate)},${exact(to - 0.5 / frameRate)})'`;
  let frames = 0;
  plan.segments.forEach((segment, i) => {
    const d = segment.frames / frameRate;
    const offset = frameStart(frames, frameRate);
    const samples = samplesAt(frameStart(frames + segment.frames, frameRate), AUDIO_RATE) - samplesAt(offset, AUDIO_RATE);
    frames += segment.frames;
    // exactly the planned frames (the plan never asks a master for frames it does not have)
    const exactFrames = `,trim=end_frame=${segment.frames}`;
    const fade = settings.fadeSeconds > 0 && d > settings.fadeSeconds * 2 + 0.2 ? settings.fadeSeconds : 0;
    const videoFade = fade
      ? [
          `fade=t=in:st=${exact(offset)}:d=${num(fade)}:${during(offset, offset + fade)}`,
          `fade=t=out:st=${exact(offset + d - fade)}:d=${num(fade)}:${during(offset + d - fade, offset + d)}`,
        ]
      : [];
    const audioFade = fade ? `,afade=t=in:st=0:d=${num(fade)},afade=t=out:st=${num(d - fade)}:d=${num(fade)}` : '';
    const silence = () => {
      inputs.push('-f', 'lavfi', '-t', num(d + 1), '-i', `anullsrc=r=${AUDIO_RATE}:cl=stereo`);
      return `[${inputIndex++}:a]`;
    };

    if (segment.kind === 'title' && measureOnly) {
      chains.push(`${silence()}${segmentAudioChain(null, d, samples, '')}${audioFade}[a${i}]`);
    } else if (segment.kind === 'title') {
      inputs.push('-f', 'lavfi', '-t', num(d + 1), '-i', `color=c=${TITLE_BACKGROUND}:s=${W}x${H}:r=${fps}`);
      const video = inputIndex++;
      const audio = silence();
      // wrapped to the frame by the bold font's widths (titleCard.ts)
      const layout = layoutTitle(segment.text, W, H);
      workFiles.push(...titleWorkFiles(layout, i));
      chains.push(
        `[${video}:v]${titleDrawtexts(layout, i, H, WORK_FILES.boldFont)},setsar=1,format=yuv420p${exactFrames}[v${i}]`,
        `${audio}${segmentAudioChain(null, d, samples, '')}${audioFade}[a${i}]`,
      );
    } else {
      const timeline = timelines.get(segment.recordingId)!;
      const k = timeline.taken++;
      const start = timeline.starts[k]!;
      const sourceSeconds = segment.outSeconds - segment.inSeconds;
      let video = '';
      if (measureOnly) {
        // the first loudness pass decodes no picture
      } else if (timeline.video) {
        const edge = FRAME_EDGE_MARGIN_SECONDS;
        video = `[rv${timeline.input}_${k}]trim=start=${exact(start - edge)}:end=${exact(start + sourceSeconds - edge)},setpts=PTS-STARTPTS,fps=${fps}${exactFrames}`;
      } else if (!measureOnly) {
        // sound without picture: the recording's still, or a plain background
        const still = sources.stills?.get(segment.recordingId) ?? null;
        if (still) inputs.push('-loop', '1', '-framerate', fps, '-t', num(d + 1), '-i', still);
        else inputs.push('-f', 'lavfi', '-t', num(d + 1), '-i', `color=c=${TITLE_BACKGROUND}:s=${W}x${H}:r=${fps}`);
        video = `[${inputIndex++}:v]${fit}${exactFrames}`;
      }
      if (measureOnly) {
        // no picture: nothing to pixelate or draw
      } else if (segment.pixelate) {
        video += regionPixelation(segment.pixelate, String(i), W, H, sourceSizes.get(segment.recordingId) ?? { width: W, height: H });
      }
      if (segment.faceBlur && !measureOnly) {
        const size = sourceSizes.get(segment.recordingId) ?? {
          width: segment.source.width ?? W,
          height: segment.source.height ?? H,
        };
        const blur = faceBlurChain({
          frames: segment.faceBlur,
          tag: `fb${i}`,
          width: W,
          height: H,
          frameRate,
          fitted: fittedRect(size.width, size.height, W, H),
          commandFile: WORK_FILES.faceCommands(i),
        });
        video += blur.filter;
        workFiles.push({ name: WORK_FILES.faceCommands(i), content: blur.commands });
      }
      if (segment.lowerThird && !measureOnly) {
        const from = Math.min(0.5, d * 0.1);
        const to = Math.max(from + 0.5, Math.min(d - 0.3, from + 5));
        const enable = during(offset + from, offset + Math.min(to, d));
        const x = even(W * 0.06);
        const roleY = even(H * 0.74); // above the subtitles, which sit at the bottom
        const nameY = roleY - even(nameFont * 1.5);
        const box = (font: number) => `box=1:boxcolor=black@0.8:boxborderw=${even(font * 0.35)}`;
        if (segment.lowerThird.name !== null) {
          drawn.push(
            `drawtext=fontfile=${WORK_FILES.boldFont}:textfile=${WORK_FILES.lowerName(i)}:expansion=none:fontcolor=white:fontsize=${nameFont}:${box(nameFont)}:x=${x}:y=${nameY}:${enable}`,
          );
        }
        drawn.push(
          `drawtext=fontfile=${WORK_FILES.font}:textfile=${WORK_FILES.lowerRole(i)}:expansion=none:fontcolor=0xF1F1F1:fontsize=${roleFont}:${box(roleFont)}:x=${x}:y=${roleY}:${enable}`,
        );
      }
      if (!measureOnly) chains.push(`${video}[v${i}]`);
      const voice = segment.alterVoice
        ? `asetrate=${AUDIO_RATE}*${VOICE_PITCH_FACTOR},aresample=${AUDIO_RATE},atempo=${num(1 / VOICE_PITCH_FACTOR)},`
        : '';
      // "voix remplacée": nothing of the voice is kept (the words are burnt in as subtitles)
      const keepsSound = timeline.audio && !segment.muteVoice;
      if (timeline.audio && segment.muteVoice) chains.push(`[ra${timeline.input}_${k}]anullsink`);
      const audio = keepsSound ? `[ra${timeline.input}_${k}]` : silence();
      chains.push(`${audio}${segmentAudioChain(keepsSound ? start : null, sourceSeconds, samples, voice)}${audioFade}[a${i}]`);
    }
    drawn.push(...videoFade);
    labels.push(measureOnly ? `[a${i}]` : `[v${i}][a${i}]`);
  });

  if (measureOnly) {
    chains.push(`${labels.join('')}concat=n=${plan.segments.length}:v=0:a=1[acat]`);
    chains.push(`[acat]${loudnormMeasureFilter(LOUDNESS_TARGET)}[aout]`);
    return { inputs, filter: chains.join(';\n'), withSubtitleTrack: false, workFiles };
  }

  chains.push(`${labels.join('')}concat=n=${plan.segments.length}:v=1:a=1[vjoined][acat]`);
  chains.push(`[vjoined]${drawn.length ? drawn.join(',') : 'null'}[vcat]`);
  chains.push(settings.burnSubtitles && plan.cues.length ? `[vcat]ass=${WORK_FILES.ass}:fontsdir=.[vout]` : '[vcat]null[vout]');
  chains.push(
    settings.normaliseAudio
      ? `[acat]${loudnormApplyFilter(LOUDNESS_TARGET, sources.measuredLoudness ?? null)},aresample=${AUDIO_RATE}[aout]`
      : '[acat]anull[aout]',
  );

  const withSubtitleTrack = plan.cues.length > 0;
  if (withSubtitleTrack) inputs.push('-i', WORK_FILES.srt);
  return { inputs, filter: chains.join(';\n'), withSubtitleTrack, workFiles };
}

/** The first loudness pass of a re-encoded export: the sound graph (`measureLoudnessOnly`) to nowhere. */
export function measureRenderLoudnessArgs(inputs: string[]): string[] {
  return ['-copyts', ...inputs, '-filter_complex_script', WORK_FILES.filterScript, '-map', '[aout]', '-f', 'null', '-'];
}

/** The full command of a re-encoded export; the filter graph is read from the work folder. */
export function encodeRenderArgs(
  plan: RenderPlan,
  frameRate: number,
  inputs: string[],
  withSubtitleTrack: boolean,
  output: string,
): string[] {
  const subtitleInput = withSubtitleTrack ? inputs.filter((arg) => arg === '-i').length - 1 : -1;
  return [
    // input times as they are: a recording's time line starts before 0 (frames decoded ahead of
    // its first in point), and shifting it would move every trim
    '-copyts',
    ...inputs,
    '-filter_complex_script',
    WORK_FILES.filterScript,
    '-map',
    '[vout]',
    '-map',
    '[aout]',
    ...(withSubtitleTrack ? subtitleTrackArgs(subtitleInput) : []),
    ...H264_VIDEO_ARGS,
    '-r',
    num(frameRate),
    '-g',
    String(Math.round(frameRate * 2)),
    '-c:a',
    'aac',
    '-b:a',
    '160k',
    '-ar',
    '48000',
    '-ac',
    '2',
    '-t', // a bound only: every segment is already exactly its frames and samples
    exact(plan.totalSeconds + 0.5 / frameRate),
    ...mp4OutputArgs(output),
  ];
}

/** No metadata carried over from sources (it can hold names, places, devices); index first, to play while loading. */
export function mp4OutputArgs(output: string): string[] {
  return ['-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', output];
}

/** The subtitles as a text track (mov_text) of the MP4, in French. */
export function subtitleTrackArgs(inputIndex: number): string[] {
  return ['-map', `${inputIndex}:s`, '-c:s', 'mov_text', '-metadata:s:s:0', 'language=fre'];
}
