/**
 * Argument builders for every ffmpeg command we run, as plain arrays. Pure functions,
 * unit-tested, so a command line can be checked without running ffmpeg.
 */
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
 * The library master: H.264/AAC MP4, keyframe every 2 s, constant frame rate (phone
 * VFR and MediaRecorder timestamps are evened out), rotation applied, even dimensions,
 * at most 1080 lines, moov atom first so it plays while loading.
 */
export function masterTranscodeArgs(input: string, output: string, probe: ProbeResult, tool: { legacyVsync?: boolean } = {}): string[] {
  const args = ['-i', input];
  if (probe.video) {
    const fps = masterFrameRate(probe);
    args.push(
      '-map',
      '0:V:0',
      '-vf',
      "scale='if(gt(ih,1080),-2,trunc(iw/2)*2)':'if(gt(ih,1080),1080,trunc(ih/2)*2)',setsar=1",
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
    args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', '160k', '-ar', '48000', '-ac', String(Math.min(2, probe.audio.channels ?? 2)));
  }
  args.push('-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', output);
  return args;
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

/** A horizontal strip of evenly spaced thumbnails, for the timeline. */
export function filmstripArgs(master: string, output: string, durationSeconds: number, frames: number): string[] {
  const fps = frames / Math.max(durationSeconds, 0.1);
  return [
    '-i',
    master,
    '-an',
    '-vf',
    `fps=${fps.toFixed(6)},scale=-2:72,tile=${frames}x1`,
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
