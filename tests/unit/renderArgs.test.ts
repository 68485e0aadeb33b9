import { describe, expect, it } from 'vitest';
import { boxInOutput, encodeRender, encodeRenderArgs, fittedRect, streamCopyArgs } from '../../src-main/editing/renderArgs';
import type { RenderPlan } from '../../src-main/editing/renderPlan';
import { hasKeyframeAt, parseKeyframeTimes } from '../../src-main/media/mediaIndex';

function plan(overrides: Partial<RenderPlan['settings']> = {}, cues = 0): RenderPlan {
  return {
    settings: {
      audience: 'workshop',
      preset: '720p',
      fadeSeconds: 0.5,
      normaliseAudio: true,
      lowerThirds: true,
      burnSubtitles: true,
      ...overrides,
    },
    width: 1280,
    height: 720,
    segments: [
      { kind: 'title', text: 'Titre', seconds: 3 },
      {
        kind: 'clip',
        recordingId: 1,
        masterPath: '/lib/a b.mp4',
        source: { durationSeconds: 60, width: 1280, height: 720, masterBytes: 1_000_000, hasVideo: true },
        hasAudio: false,
        inSeconds: 5,
        outSeconds: 9,
        pixelate: 'frame',
        alterVoice: true,
        muteVoice: false,
        lowerThird: { name: null, role: 'Employeur' },
      },
    ],
    cues: Array.from({ length: cues }, (_, i) => ({ startSeconds: i, endSeconds: i + 1, text: 'x' })),
    totalSeconds: 7,
    check: {
      audience: 'workshop',
      allowed: true,
      durationSeconds: 7,
      segments: 2,
      blockers: [],
      recordingProblems: [],
      people: [],
      textChanges: [],
      wholeFramePixelated: [],
      voiceReplacedWithoutSubtitles: [],
    },
    personIds: [],
    label: 'Titre',
  };
}

describe('export commands', () => {
  it('builds one graph: title card, clip with silence added, pixelation, voice change, role-only lower third, fades, loudness', () => {
    const { inputs, filter, withSubtitleTrack } = encodeRender(plan(), 25, new Map());
    expect(inputs).toEqual([
      '-f',
      'lavfi',
      '-t',
      '3',
      '-i',
      'color=c=0x1E2A4A:s=1280x720:r=25',
      '-f',
      'lavfi',
      '-t',
      '3',
      '-i',
      'anullsrc=r=48000:cl=stereo',
      '-ss',
      '5',
      '-t',
      '4',
      '-i',
      '/lib/a b.mp4',
      '-f',
      'lavfi',
      '-t',
      '4',
      '-i',
      'anullsrc=r=48000:cl=stereo',
    ]);
    expect(filter).toContain('textfile=title-0.txt:expansion=none');
    expect(filter).toContain('scale=32:18:flags=area,scale=1280:720:flags=neighbor');
    expect(filter).toContain('[3:a:0]aresample=48000,asetrate=48000*0.8,aresample=48000,atempo=1.25');
    expect(filter).not.toContain('name-1.txt'); // no-name: the role alone
    expect(filter).toContain('textfile=role-1.txt');
    expect(filter).toContain('fade=t=out:st=3.5:d=0.5');
    expect(filter).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[vcat][acat]');
    expect(filter).toContain('[vcat]null[vout]'); // no cues: nothing to burn
    expect(filter).toContain('loudnorm=I=-16');
    expect(withSubtitleTrack).toBe(false);
  });

  it('burns subtitles from the ASS file and adds a mov_text track from the SRT one', () => {
    const built = encodeRender(plan({}, 2), 25, new Map());
    expect(built.filter).toContain('[vcat]ass=subtitles.ass:fontsdir=.[vout]');
    expect(built.inputs.slice(-2)).toEqual(['-i', 'subtitles.srt']);
    const args = encodeRenderArgs(plan({}, 2), 25, built.inputs, true, '/out/x.mp4');
    expect(args.join(' ')).toContain('-map 4:s -c:s mov_text');
    expect(args.slice(-3)).toEqual(['-f', 'mp4', '/out/x.mp4']);
  });

  it('maps a drawn box from the source frame into the letterboxed output', () => {
    const fitted = fittedRect(640, 480, 1280, 720); // 4:3 in 16:9: bars left and right
    expect(fitted).toEqual({ x: 160, y: 0, w: 960, h: 720 });
    // grown by 2 % each side, on even pixels
    expect(boxInOutput({ x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, fitted, 1280, 720)).toEqual({ x: 620, y: 344, w: 520, h: 376 });
  });

  it('copies by frame count, never re-encoding', () => {
    const args = streamCopyArgs('/m.mp4', 4, 10, 25, false, '/o.mp4');
    expect(args).toEqual(expect.arrayContaining(['-frames:v', '150', '-c:v', 'copy', '-c:a', 'copy']));
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
  });

  it('reads keyframe times from ffprobe packet lines', () => {
    const keyframes = parseKeyframeTimes('4.000000,K_D\n1.960000,__\n2.000000,K_\n2.040000,__\n\n');
    expect(keyframes).toEqual([2, 4]);
    const index = { frameRate: 25, keyframes };
    expect([1.99, 2.011, 4, 4.02, 0].map((t) => hasKeyframeAt(index, t, 0.01))).toEqual([true, false, true, false, false]);
  });
});
