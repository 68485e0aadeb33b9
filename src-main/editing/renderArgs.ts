/**
 * ffmpeg arguments for exports, as plain arrays, from a render plan. Pure and
 * unit-tested. Text (titles, names) is read by drawtext from files with expansion off,
 * and subtitles are burnt from an ASS file, so no user text ever enters a filter string;
 * ffmpeg runs in the render's work folder, where those files and the fonts sit.
 */
import type { BlurBox } from '../../src-shared/contract/schemas/editing';
import type { PlannedSegment, RenderPlan } from './renderPlan';
import { H264_VIDEO_ARGS } from '../media/ffmpegArgs';

/** File names inside the work folder (ffmpeg's working directory). */
export const WORK_FILES = {
  font: 'font.ttf',
  boldFont: 'font-bold.ttf',
  filterScript: 'filter.txt',
  ass: 'subtitles.ass',
  srt: 'subtitles.srt',
  titleText: (index: number) => `title-${index}.txt`,
  lowerName: (index: number) => `name-${index}.txt`,
  lowerRole: (index: number) => `role-${index}.txt`,
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

/**
 * The filter graph and inputs of a re-encoded export: each segment normalised to the
 * output size, frame rate and 48 kHz stereo, consent conditions applied, lower third
 * and fades drawn, then all concatenated, subtitles burnt and loudness normalised.
 */
export function encodeRender(
  plan: RenderPlan,
  frameRate: number,
  sourceSizes: ReadonlyMap<number, SourceSize>,
): { inputs: string[]; filter: string; withSubtitleTrack: boolean } {
  const { width: W, height: H, settings } = plan;
  const inputs: string[] = [];
  const chains: string[] = [];
  const labels: string[] = [];
  let inputIndex = 0;
  const fps = num(frameRate);
  const titleFont = even(H * 0.07);
  const nameFont = even(H * 0.045);
  const roleFont = even(H * 0.034);

  plan.segments.forEach((segment, i) => {
    const d = segmentSeconds(segment);
    const fade = settings.fadeSeconds > 0 && d > settings.fadeSeconds * 2 + 0.2 ? settings.fadeSeconds : 0;
    const videoFade = fade ? `,fade=t=in:st=0:d=${num(fade)},fade=t=out:st=${num(d - fade)}:d=${num(fade)}` : '';
    const audioFade = fade ? `,afade=t=in:st=0:d=${num(fade)},afade=t=out:st=${num(d - fade)}:d=${num(fade)}` : '';
    const audioTail = `aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=duration=${num(d)},asetpts=N/SR/TB${audioFade}`;
    const silence = () => {
      inputs.push('-f', 'lavfi', '-t', num(d), '-i', 'anullsrc=r=48000:cl=stereo');
      return inputIndex++;
    };

    if (segment.kind === 'title') {
      inputs.push('-f', 'lavfi', '-t', num(d), '-i', `color=c=${TITLE_BACKGROUND}:s=${W}x${H}:r=${fps}`);
      const video = inputIndex++;
      const audio = silence();
      chains.push(
        `[${video}:v]drawtext=fontfile=${WORK_FILES.boldFont}:textfile=${WORK_FILES.titleText(i)}:expansion=none:fontcolor=white:fontsize=${titleFont}:line_spacing=${even(titleFont * 0.3)}:x=(w-text_w)/2:y=(h-text_h)/2,setsar=1,format=yuv420p${videoFade}[v${i}]`,
        `[${audio}:a]${audioTail}[a${i}]`,
      );
    } else {
      inputs.push('-ss', num(segment.inSeconds), '-t', num(d), '-i', segment.masterPath);
      const source = inputIndex++;
      const audio = segment.hasAudio ? source : silence();
      let video = `[${source}:v:0]scale=${W}:${H}:force_original_aspect_ratio=decrease,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${fps},format=yuv420p`;
      if (segment.pixelate === 'frame') {
        const block = Math.max(8, Math.round(W / FRAME_PIXEL_BLOCKS));
        video += `,scale=${Math.max(2, Math.round(W / block))}:${Math.max(2, Math.round(H / block))}:flags=area,scale=${W}:${H}:flags=neighbor`;
      } else if (segment.pixelate) {
        const size = sourceSizes.get(segment.recordingId) ?? { width: W, height: H };
        const box = boxInOutput(segment.pixelate, fittedRect(size.width, size.height, W, H), W, H);
        const block = Math.max(6, Math.round(Math.max(box.w, box.h) / 10));
        video += `,split=2[base${i}][pix${i}];[pix${i}]crop=${box.w}:${box.h}:${box.x}:${box.y},scale=${Math.max(1, Math.round(box.w / block))}:${Math.max(1, Math.round(box.h / block))}:flags=area,scale=${box.w}:${box.h}:flags=neighbor[pixd${i}];[base${i}][pixd${i}]overlay=${box.x}:${box.y}`;
      }
      if (segment.lowerThird) {
        const from = Math.min(0.5, d * 0.1);
        const to = Math.max(from + 0.5, Math.min(d - 0.3, from + 5));
        const enable = `enable='between(t,${num(from)},${num(to)})'`;
        const x = even(W * 0.06);
        const roleY = even(H * 0.74); // above the subtitles, which sit at the bottom
        const nameY = roleY - even(nameFont * 1.5);
        const box = (font: number) => `box=1:boxcolor=black@0.8:boxborderw=${even(font * 0.35)}`;
        if (segment.lowerThird.name !== null) {
          video += `,drawtext=fontfile=${WORK_FILES.boldFont}:textfile=${WORK_FILES.lowerName(i)}:expansion=none:fontcolor=white:fontsize=${nameFont}:${box(nameFont)}:x=${x}:y=${nameY}:${enable}`;
        }
        video += `,drawtext=fontfile=${WORK_FILES.font}:textfile=${WORK_FILES.lowerRole(i)}:expansion=none:fontcolor=0xF1F1F1:fontsize=${roleFont}:${box(roleFont)}:x=${x}:y=${roleY}:${enable}`;
      }
      chains.push(`${video}${videoFade}[v${i}]`);
      const voice = segment.alterVoice ? `asetrate=48000*${VOICE_PITCH_FACTOR},aresample=48000,atempo=${num(1 / VOICE_PITCH_FACTOR)},` : '';
      // "voix remplacée": nothing of the voice is kept (the words are burnt in as subtitles)
      if (segment.muteVoice) chains.push(`[${silence()}:a]${audioTail}[a${i}]`);
      else chains.push(`[${audio}:a:0]aresample=48000,${voice}${audioTail}[a${i}]`);
    }
    labels.push(`[v${i}][a${i}]`);
  });

  chains.push(`${labels.join('')}concat=n=${plan.segments.length}:v=1:a=1[vcat][acat]`);
  chains.push(settings.burnSubtitles && plan.cues.length ? `[vcat]ass=${WORK_FILES.ass}:fontsdir=.[vout]` : '[vcat]null[vout]');
  chains.push(
    settings.normaliseAudio ? `[acat]loudnorm=I=${LOUDNESS_TARGET_LUFS}:TP=-1.5:LRA=11,aresample=48000[aout]` : '[acat]anull[aout]',
  );

  const withSubtitleTrack = plan.cues.length > 0;
  if (withSubtitleTrack) inputs.push('-i', WORK_FILES.srt);
  return { inputs, filter: chains.join(';\n'), withSubtitleTrack };
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
    '-t',
    num(plan.totalSeconds),
    ...mp4OutputArgs(output),
  ];
}

/** No metadata carried over from sources (it can hold names, places, devices); index first, to play while loading. */
function mp4OutputArgs(output: string): string[] {
  return ['-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', output];
}

/** The subtitles as a text track (mov_text) of the MP4, in French. */
function subtitleTrackArgs(inputIndex: number): string[] {
  return ['-map', `${inputIndex}:s`, '-c:s', 'mov_text', '-metadata:s:s:0', 'language=fre'];
}

/**
 * A clip cut without re-encoding: only when both cuts fall on keyframes (or the end).
 * The video is limited by frame count: with B-frames, a time limit would let the frames
 * reordered after the out point slip in. The MP4 edit list (ffmpeg's default) keeps the
 * first frame at time 0 and the audio in sync.
 */
export function streamCopyArgs(
  masterPath: string,
  inSeconds: number,
  outSeconds: number,
  frameRate: number,
  withSubtitleTrack: boolean,
  output: string,
): string[] {
  return [
    '-ss',
    num(inSeconds),
    '-i',
    masterPath,
    ...(withSubtitleTrack ? ['-i', WORK_FILES.srt] : []),
    '-t',
    num(outSeconds - inSeconds),
    '-frames:v',
    String(Math.round((outSeconds - inSeconds) * frameRate)),
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    ...(withSubtitleTrack ? subtitleTrackArgs(1) : []),
    '-c:v',
    'copy',
    '-c:a',
    'copy',
    ...mp4OutputArgs(output),
  ];
}
