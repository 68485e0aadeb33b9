/**
 * Argument builders for every ffmpeg command we run, as plain arrays. Pure functions,
 * unit-tested, so a command line can be checked without running ffmpeg.
 */
import { ffmpegFileArg } from './ffmpegPath';
import { saneFrameRate } from './frameRate';
import type { ProbeResult } from './probe';

/** H.264 as every file we write uses it: good quality for talking heads, fast on two cores, plays everywhere. */
export const H264_VIDEO_ARGS: readonly string[] = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p'];

/** Keyframe interval of library masters: later cuts are precise to this many seconds at worst. */
export const MASTER_KEYFRAME_SECONDS = 2;

/** A constant output frame rate for masters: the source's if sane, else the fallback. */
export function masterFrameRate(probe: ProbeResult): number {
  return saneFrameRate(probe.video?.frameRate);
}

/**
 * The deinterlacer for a field order ffprobe reports (`tt`, `bb`, `tb`, `bt`), or null
 * for progressive or unknown video. The parity is the field displayed first: top for
 * `tt` and `bt`, bottom for `bb` and `tb`. One frame out per frame in (`send_frame`),
 * so the master keeps the source's frame rate.
 */
export function deinterlaceFilter(fieldOrder: string | null | undefined): string | null {
  if (fieldOrder === 'tt' || fieldOrder === 'bt') return 'bwdif=mode=send_frame:parity=tff:deint=all';
  if (fieldOrder === 'bb' || fieldOrder === 'tb') return 'bwdif=mode=send_frame:parity=bff:deint=all';
  return null;
}

/**
 * Square pixels at the display aspect (720×576 at 64:45 becomes 1024×576), at most 1080
 * lines, even dimensions. `sar` is the input's pixel shape after rotation (1 when unknown).
 */
export const SQUARE_PIXELS_SCALE = "scale='trunc(iw*sar*min(1,1080/ih)/2)*2':'trunc(min(ih,1080)/2)*2',setsar=1";

/**
 * Folding 5.1 (or more) to stereo without clipping: the downmix matrix is normalised so
 * no output sample can exceed 0.89 of the loudest input (-1 dB of headroom), and AAC's
 * intensity and mid/side stereo, which overshoot by several dB on a loud fold, are off.
 */
export const DOWNMIX_WITHOUT_CLIPPING_ARGS: readonly string[] = ['-rematrix_maxval', '0.89', '-aac_is', '0', '-aac_ms', '0'];

/**
 * The library master: H.264/AAC MP4, keyframe every 2 s, constant frame rate at the
 * rate the source was filmed at (phone VFR and MediaRecorder timestamps are evened
 * out), deinterlaced when interlaced, square pixels, rotation applied, even dimensions,
 * at most 1080 lines, one audio track (the source's default, else its first) folded to
 * stereo without clipping, moov atom first so it plays while loading.
 */
export function masterTranscodeArgs(input: string, output: string, probe: ProbeResult, tool: { legacyVsync?: boolean } = {}): string[] {
  const args = ['-i', ffmpegFileArg(input)];
  if (probe.video) {
    const fps = masterFrameRate(probe);
    const filters = [deinterlaceFilter(probe.video.fieldOrder), SQUARE_PIXELS_SCALE].filter((f): f is string => f !== null);
    args.push(
      '-map',
      '0:V:0',
      '-vf',
      filters.join(','),
      ...H264_VIDEO_ARGS,
      '-r',
      String(fps),
      tool.legacyVsync ? '-vsync' : '-fps_mode',
      'cfr',
      '-force_key_frames',
      `expr:gte(t,n_forced*${MASTER_KEYFRAME_SECONDS})`,
    );
  }
  if (probe.audio) {
    const channels = probe.audio.channels ?? 2;
    args.push(
      '-map',
      `0:a:${probe.audio.trackIndex ?? 0}`,
      '-c:a',
      'aac',
      '-b:a',
      '160k',
      '-ar',
      '48000',
      '-ac',
      String(Math.min(2, channels)),
    );
    if (channels > 2) args.push(...DOWNMIX_WITHOUT_CLIPPING_ARGS);
  }
  args.push('-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', output);
  return args;
}

/** A text subtitle stream of a source, written as SubRip (to import as the recording's subtitles). */
export function subtitleExtractArgs(input: string, subtitleIndex: number, output: string): string[] {
  return ['-i', ffmpegFileArg(input), '-map', `0:s:${subtitleIndex}`, '-c:s', 'srt', '-f', 'srt', output];
}

/** One poster frame, a little way in (the very first frame is often black). */
export function posterArgs(master: string, output: string, durationSeconds: number | null): string[] {
  const at = durationSeconds ? Math.min(1, durationSeconds / 2) : 0;
  return frameGrabArgs(master, at, output, 'scale=-2:360');
}

/** One JPEG frame of a video at a time, scaled (`scale=-2:180`, `scale=640:-2`…): posters, stills, sheet pictures. */
export function frameGrabArgs(input: string, atSeconds: number, output: string, scale: string): string[] {
  return ['-ss', atSeconds.toFixed(3), '-i', input, '-frames:v', '1', '-vf', scale, '-q:v', '4', '-f', 'image2', '-update', '1', output];
}

/** How many filmstrip frames for a duration: one every 2 s, between 8 and 60. */
export function filmstripFrameCount(durationSeconds: number): number {
  return Math.max(8, Math.min(60, Math.round(durationSeconds / 2)));
}

/**
 * A horizontal strip of evenly spaced thumbnails, for the timeline. When they are
 * further apart than the keyframe interval, only keyframes are decoded (`-skip_frame
 * nokey`, 5 to 25× faster on a long master): each thumbnail is then the keyframe at most
 * 2 s before its place, close enough for 72-pixel pictures. The last keyframe can come up
 * to 2 s before the end, so the frame-rate filter rounds the end up (`eof_action=pass`)
 * to keep the last thumbnail.
 */
export function filmstripArgs(master: string, output: string, durationSeconds: number, frames: number): string[] {
  const fps = frames / Math.max(durationSeconds, 0.1);
  const keyframesOnly = 1 / fps > MASTER_KEYFRAME_SECONDS;
  return [
    ...(keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    '-i',
    master,
    '-an',
    '-vf',
    `fps=${fps.toFixed(6)}${keyframesOnly ? ':eof_action=pass' : ''},scale=-2:72,tile=${frames}x1`,
    '-frames:v',
    '1',
    '-q:v',
    '5',
    '-f',
    'image2',
    '-update',
    '1',
    output,
  ];
}

export const WAVEFORM_SAMPLE_RATE = 8000;

/** Mono 16-bit PCM at 8 kHz, from which the waveform peaks are computed. */
export function waveformPcmArgs(master: string, output: string): string[] {
  return ['-i', master, '-vn', '-ac', '1', '-ar', String(WAVEFORM_SAMPLE_RATE), '-f', 's16le', '-c:a', 'pcm_s16le', output];
}
