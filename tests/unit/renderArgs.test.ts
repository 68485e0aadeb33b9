import { describe, expect, it } from 'vitest';
import { boxInOutput, encodeRender, encodeRenderArgs, fittedRect, recordingTimeline } from '../../src-main/editing/renderArgs';
import { copyPartArgs, encodePartArgs, joinPartsArgs, partsList, planCut } from '../../src-main/editing/smartCut';
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
      { kind: 'title', text: 'Titre', seconds: 3, frames: 75 },
      {
        kind: 'clip',
        recordingId: 1,
        masterPath: '/lib/a b.mp4',
        source: { durationSeconds: 60, width: 1280, height: 720, masterBytes: 1_000_000, hasVideo: true },
        hasAudio: false,
        inSeconds: 5,
        outSeconds: 9,
        frames: 100,
        pixelate: 'frame',
        alterVoice: true,
        muteVoice: false,
        lowerThird: { name: null, role: 'Employeur' },
      },
    ],
    frameRate: 25,
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
    // one input per recording (its clips on a concat time line), lavfi sources a second longer than needed
    expect(inputs).toEqual([
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      'recording-1.ffconcat',
      '-f',
      'lavfi',
      '-t',
      '4',
      '-i',
      'color=c=0x1E2A4A:s=1280x720:r=25',
      '-f',
      'lavfi',
      '-t',
      '4',
      '-i',
      'anullsrc=r=48000:cl=stereo',
      '-f',
      'lavfi',
      '-t',
      '5',
      '-i',
      'anullsrc=r=48000:cl=stereo',
    ]);
    expect(filter).toContain('textfile=title-0.txt:expansion=none');
    expect(filter).toContain('scale=32:18:flags=area,scale=1280:720:flags=neighbor');
    // every segment exactly its frames and its samples (3 s = 144,000; 4 s = 192,000)
    expect(filter).toContain('trim=end_frame=75');
    expect(filter).toContain('trim=end_frame=100');
    expect(filter).toContain('apad=whole_len=144000,atrim=end_sample=144000');
    expect(filter).toContain(
      '[3:a]aresample=48000:async=1:first_pts=0,aformat=sample_fmts=fltp:channel_layouts=stereo,asetrate=48000*0.8,aresample=48000,atempo=1.25,apad=whole_len=192000,atrim=end_sample=192000',
    );
    // fitted once per recording (here already 1280×720), then each segment cut from it by time
    expect(filter).toContain('[0:v:0]setsar=1,format=yuv420p,split=1[rv0_0]');
    expect(filter).toContain('[rv0_0]trim=start=-0.004000:end=3.996000,setpts=PTS-STARTPTS,fps=25,trim=end_frame=100,scale=32:18');
    expect(filter).not.toContain('name-1.txt'); // no-name: the role alone
    expect(filter).toContain('textfile=role-1.txt');
    // lower thirds and fades drawn on the joined picture, each over its own segment's frames (the clip is 3–7 s)
    expect(filter).toContain("fade=t=out:st=6.500000:d=0.5:enable='between(t,6.480000,6.980000)'");
    expect(filter).toContain('textfile=role-1.txt:expansion=none');
    expect(filter).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[vjoined][acat]');
    expect(filter).toMatch(/\[vjoined\]fade=t=in:st=0\.000000[^;]*,drawtext=[^;]*role-1\.txt[^;]*,fade=t=in:st=3\.000000[^;]*\[vcat\]/);
    expect(filter).toContain('[vcat]null[vout]'); // no cues: nothing to burn
    expect(filter).toContain('loudnorm=I=-16');
    expect(withSubtitleTrack).toBe(false);
  });

  it('loudness in two passes: a sound-only graph to measure, then the measured values applied', () => {
    const measuring = encodeRender(plan(), 25, new Map(), { measureLoudnessOnly: true });
    // no picture decoded: no video input, no video label, the sound concatenated alone
    expect(measuring.filter).not.toMatch(/:v:|\[v\d|drawtext|color=/);
    expect(measuring.inputs).not.toContain('color=c=0x1E2A4A:s=1280x720:r=25');
    expect(measuring.filter).toContain('[a0][a1]concat=n=2:v=0:a=1[acat]');
    expect(measuring.filter).toContain('[acat]loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[aout]');
    expect(measuring.withSubtitleTrack).toBe(false);
    const measured = { integrated: -27.5, truePeak: -9.25, range: 5, threshold: -38, targetOffset: 0.25 };
    const applying = encodeRender(plan(), 25, new Map(), { measuredLoudness: measured });
    expect(applying.filter).toContain(
      '[acat]loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-27.50:measured_TP=-9.25:measured_LRA=5.00:measured_thresh=-38.00:offset=0.25:linear=true:print_format=summary,aresample=48000[aout]',
    );
    expect(encodeRender(plan({ normaliseAudio: false }), 25, new Map(), { measuredLoudness: measured }).filter).toContain(
      '[acat]anull[aout]',
    );
  });

  it('burns subtitles from the ASS file and adds a mov_text track from the SRT one', () => {
    const built = encodeRender(plan({}, 2), 25, new Map());
    expect(built.filter).toContain('[vcat]ass=subtitles.ass:fontsdir=.[vout]');
    expect(built.inputs.slice(-2)).toEqual(['-i', 'subtitles.srt']);
    const args = encodeRenderArgs(plan({}, 2), 25, built.inputs, true, '/out/x.mp4');
    expect(args.join(' ')).toContain('-map 4:s -c:s mov_text');
    expect(args[0]).toBe('-copyts'); // a recording's time line starts before 0: no shifting it
    expect(args.slice(-3)).toEqual(['-f', 'mp4', '/out/x.mp4']);
  });

  it('maps a drawn box from the source frame into the letterboxed output', () => {
    const fitted = fittedRect(640, 480, 1280, 720); // 4:3 in 16:9: bars left and right
    expect(fitted).toEqual({ x: 160, y: 0, w: 960, h: 720 });
    // grown by 2 % each side, on even pixels
    expect(boxInOutput({ x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, fitted, 1280, 720)).toEqual({ x: 620, y: 344, w: 520, h: 376 });
  });

  it('copies by frame count, never re-encoding; the sound is cut apart, to the sample', () => {
    const args = copyPartArgs('/m.mp4', { from: 100, frames: 150 }, 4, '/o.mp4');
    expect(args).toEqual(expect.arrayContaining(['-frames:v', '150', '-c:v', 'copy', '-an']));
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(args[args.indexOf('-ss') + 1]).toBe('4.000000');
    const parts = planCut(100, 250, 25, { frameRate: 25, keyframes: [0, 2, 4, 6, 8, 10, 12], frameCount: 500 })!;
    const join = joinPartsArgs('/m.mp4', parts, true, false, '/o.mp4').join(' ');
    expect(join).toContain('-map 0:v:0 -c:v copy');
    expect(join).toContain('-ss 3.000000 -t 8.000000 -i /m.mp4');
    expect(join).toContain('atrim=start=1.000000:end=7.000000,asetpts=PTS-1.000000/TB,aresample=48000:async=1:first_pts=0');
    expect(join).toContain('apad=whole_len=288000,atrim=end_sample=288000');
  });

  it('smart cut: encodes from the in point to the first keyframe and from the last one to the out point, copies between', () => {
    const index = { frameRate: 25, keyframes: [0, 2, 4, 6, 8, 10, 12], frameCount: 300 };
    expect(planCut(100, 250, 25, index)).toMatchObject({ head: null, middle: { from: 100, frames: 150 }, tail: null });
    expect(planCut(125, 226, 25, index)).toMatchObject({
      head: { from: 125, frames: 25 },
      middle: { from: 150, frames: 50 },
      tail: { from: 200, frames: 26 },
    });
    // to the very end of the master: copied to the end, no tail
    expect(planCut(240, 300, 25, index)).toMatchObject({ head: { from: 240, frames: 10 }, middle: { from: 250, frames: 50 }, tail: null });
    expect(planCut(262, 293, 25, { ...index, frameCount: 1000 })).toBeNull(); // inside one keyframe interval
    const head = encodePartArgs('/m.mp4', { from: 125, frames: 25 }, 25, 'head.mp4');
    expect(head.slice(0, 2)).toEqual(['-ss', '4.980000']); // half a frame before frame 125
    expect(head).toEqual(expect.arrayContaining(['-frames:v', '25', '-preset', 'veryfast', '-crf', '21', '-r', '25']));
    expect(partsList(planCut(125, 226, 25, index)!)).toBe(
      'ffconcat version 1.0\nfile head.mp4\nduration 1.000000\nfile middle.mp4\nduration 2.000000\nfile tail.mp4\nduration 1.040000\n',
    );
  });

  it('lays the clips of one recording on one time line, with room for the frames decoded around each', () => {
    const clips = [
      { inSeconds: 5, outSeconds: 7, masterPath: "/lib/l'atelier.mp4" },
      { inSeconds: 3.5, outSeconds: 4, masterPath: "/lib/l'atelier.mp4" },
    ];
    const { list, starts } = recordingTimeline(clips, [0, 2, 4, 6]);
    // clip 1: 2 s + 1.5 s after its out point + 1.6 s decoded before clip 2 (from keyframe 2) + 1 s
    expect(starts).toEqual([0, 6.1]);
    expect(list).toContain("file '/lib/l'\\''atelier.mp4'\ninpoint 5.000000\noutpoint 8.500000\nduration 6.100000");
  });

  it('reads keyframe times from ffprobe packet lines', () => {
    const keyframes = parseKeyframeTimes('4.000000,K_D\n1.960000,__\n2.000000,K_\n2.040000,__\n\n');
    expect(keyframes).toEqual([2, 4]);
    const index = { frameRate: 25, keyframes };
    expect([1.99, 2.011, 4, 4.02, 0].map((t) => hasKeyframeAt(index, t, 0.01))).toEqual([true, false, true, false, false]);
  });
});
