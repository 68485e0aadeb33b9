import { describe, expect, it } from 'vitest';
import { filmstripArgs, filmstripFrameCount, masterFrameRate, masterTranscodeArgs, posterArgs } from '../../src-main/media/ffmpegArgs';
import type { ProbeResult } from '../../src-main/media/probe';

const video = { codec: 'vp8', width: 1280, height: 720, displayWidth: 1280, displayHeight: 720, rotation: 0, frameRate: 30 };
const audio = { codec: 'opus', sampleRate: 48000, channels: 6 };
const probeOf = (overrides: Partial<ProbeResult>): ProbeResult => ({
  formatName: 'webm',
  durationSeconds: 10,
  sizeBytes: 1,
  video,
  audio,
  ...overrides,
});

describe('master transcode arguments', () => {
  it('makes H.264/AAC MP4 with a keyframe every 2 s, constant frame rate and faststart', () => {
    const args = masterTranscodeArgs('in.webm', 'out.mp4.part', probeOf({}));
    const joined = args.join(' ');
    expect(joined).toContain('-c:v libx264');
    expect(joined).toContain('-force_key_frames expr:gte(t,n_forced*2)');
    expect(joined).toContain('-fps_mode cfr');
    expect(joined).toContain('-c:a aac');
    expect(joined).toContain('-ac 2'); // 5.1 is folded to stereo
    expect(joined).toContain('-movflags +faststart');
    expect(args.slice(-3)).toEqual(['-f', 'mp4', 'out.mp4.part']);
  });

  it('maps only the streams that exist', () => {
    expect(masterTranscodeArgs('a.m4a', 'o', probeOf({ video: null })).join(' ')).not.toContain('0:V:0');
    expect(masterTranscodeArgs('v.mp4', 'o', probeOf({ audio: null })).join(' ')).not.toContain('0:a:0');
  });

  it('evens out odd or missing frame rates', () => {
    expect(masterFrameRate(probeOf({ video: { ...video, frameRate: 29.97 } }))).toBe(29.97);
    expect(masterFrameRate(probeOf({ video: { ...video, frameRate: 1000 } }))).toBe(30);
    expect(masterFrameRate(probeOf({ video: { ...video, frameRate: null } }))).toBe(30);
  });
});

describe('thumbnails', () => {
  it('takes the poster a little way in, never past the middle of a short clip', () => {
    expect(posterArgs('m.mp4', 'p.jpg', 10).slice(0, 2)).toEqual(['-ss', '1.000']);
    expect(posterArgs('m.mp4', 'p.jpg', 0.5).slice(0, 2)).toEqual(['-ss', '0.250']);
  });

  it('spreads 8 to 60 filmstrip frames over the duration', () => {
    expect(filmstripFrameCount(5)).toBe(8);
    expect(filmstripFrameCount(60)).toBe(30);
    expect(filmstripFrameCount(3600)).toBe(60);
    expect(filmstripArgs('m.mp4', 'f.jpg', 60, 30).join(' ')).toContain('fps=0.500000,scale=-2:72,tile=30x1');
  });
});
