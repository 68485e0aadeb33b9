// The pure rules behind a right master: the real frame rate of a variable-rate source,
// deinterlacing parity, square pixels, the non-clipping fold, what ffprobe's answer
// becomes, the French notes for what an import could not keep, and safe file names.
import { describe, expect, it } from 'vitest';
import {
  DOWNMIX_WITHOUT_CLIPPING_ARGS,
  deinterlaceFilter,
  filmstripArgs,
  filmstripFrameCount,
  masterTranscodeArgs,
  subtitleExtractArgs,
} from '../../src-main/media/ffmpegArgs';
import { ffmpegFileArg } from '../../src-main/media/ffmpegPath';
import { commonFrameRateOf, isVariableFrameRate, snapToCommonRate, sourceFrameRate } from '../../src-main/media/frameRate';
import { audioTracksNote, importNotes, subtitlesNote, truncationNote } from '../../src-main/media/importNotes';
import { interpretProbeOutput, type ProbeResult } from '../../src-main/media/probe';
import { titleFromFileName } from '../../src-main/capture/captureService';

describe('frame rate of a source', () => {
  it('keeps the rate of a constant-rate source, never the fallback for a sane one', () => {
    expect(sourceFrameRate({ nominal: 25, average: 25 })).toBe(25);
    expect(sourceFrameRate({ nominal: 30000 / 1001, average: 30000 / 1001 })).toBeCloseTo(29.97, 2);
  });

  it('uses the most common frame duration, else the nominal rate, for a variable-rate source — never its average', () => {
    expect(isVariableFrameRate(30, 21.45)).toBe(true);
    expect(isVariableFrameRate(30, 29.9)).toBe(false);
    expect(sourceFrameRate({ nominal: 30, average: 21.45 })).toBe(30);
    expect(sourceFrameRate({ nominal: 90000, average: 21.45, common: 30.02 })).toBe(30);
    expect(sourceFrameRate({ nominal: 90000, average: 24.1 })).toBe(24); // snapped average as a last resort
  });

  it('finds the common frame duration among dropped and doubled frames, and millisecond time bases', () => {
    const times: number[] = [];
    for (let n = 0; n < 300; n++) if (n % 10 < 3 || n % 10 > 5) times.push(n / 30); // 3 of 10 dropped
    expect(snapToCommonRate(commonFrameRateOf(times)!)).toBe(30);
    const mkv = Array.from({ length: 300 }, (_, n) => Math.round((n * 1001) / 30) / 1000); // 33/34 ms alternating
    expect(snapToCommonRate(commonFrameRateOf(mkv)!)).toBeCloseTo(30000 / 1001, 4);
    expect(commonFrameRateOf([0, 1])).toBeNull();
  });

  it('snaps to the nearest common rate, not the first within 1 %', () => {
    expect(snapToCommonRate(30.02)).toBe(30);
    expect(snapToCommonRate(29.95)).toBeCloseTo(29.97, 2);
    expect(snapToCommonRate(27)).toBe(27);
  });
});

describe('what ffprobe says becomes the probe result', () => {
  const json = {
    format: { format_name: 'matroska,webm', duration: '150.0' },
    streams: [
      {
        codec_type: 'video',
        codec_name: 'h264',
        width: 720,
        height: 576,
        r_frame_rate: '30/1',
        avg_frame_rate: '429/20',
        field_order: 'tt',
        sample_aspect_ratio: '64:45',
      },
      { codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000', disposition: { default: 0 }, tags: { language: 'eng' } },
      {
        codec_type: 'audio',
        codec_name: 'ac3',
        channels: 6,
        channel_layout: '5.1(side)',
        sample_rate: '48000',
        disposition: { default: 1 },
      },
      { codec_type: 'subtitle', codec_name: 'subrip' },
      { codec_type: 'subtitle', codec_name: 'hdmv_pgs_subtitle' },
    ],
  };

  it('reads field order, pixel shape, both rates, every audio track (the default one used) and subtitles', () => {
    const result = interpretProbeOutput(json, 1000);
    expect(result.video).toMatchObject({ fieldOrder: 'tt', frameRate: 30, averageFrameRate: 21.45, variableFrameRate: true });
    expect(result.video!.sampleAspectRatio).toBeCloseTo(64 / 45, 5);
    expect(result.audioTracks).toHaveLength(2);
    expect(result.audio).toMatchObject({ codec: 'ac3', channels: 6, trackIndex: 1, channelLayout: '5.1(side)' });
    expect(result.subtitles).toEqual([
      { codec: 'subrip', language: null, isText: true },
      { codec: 'hdmv_pgs_subtitle', language: null, isText: false },
    ]);
  });

  it('treats square and unknown pixels alike, and unknown field order as null', () => {
    const plain = interpretProbeOutput(
      {
        streams: [
          { codec_type: 'video', width: 640, height: 360, sample_aspect_ratio: '0:1', field_order: 'unknown', avg_frame_rate: '25/1' },
        ],
      },
      1,
    );
    expect(plain.video).toMatchObject({ sampleAspectRatio: null, fieldOrder: null, frameRate: 25, variableFrameRate: false });
  });
});

describe('master arguments for awkward sources', () => {
  const base: ProbeResult = {
    formatName: 'mov',
    durationSeconds: 10,
    sizeBytes: 1,
    video: { codec: 'h264', width: 720, height: 576, displayWidth: 720, displayHeight: 576, rotation: 0, frameRate: 25 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  };

  it('deinterlaces with the parity of the field displayed first, and leaves progressive video alone', () => {
    expect(deinterlaceFilter('tt')).toContain('parity=tff');
    expect(deinterlaceFilter('bt')).toContain('parity=tff');
    expect(deinterlaceFilter('bb')).toContain('parity=bff');
    expect(deinterlaceFilter('tb')).toContain('parity=bff');
    expect(deinterlaceFilter('progressive')).toBeNull();
    expect(deinterlaceFilter(null)).toBeNull();
    const vf = (p: ProbeResult) => masterTranscodeArgs('in.mov', 'o.mp4', p)[masterTranscodeArgs('in.mov', 'o.mp4', p).indexOf('-vf') + 1]!;
    expect(vf({ ...base, video: { ...base.video!, fieldOrder: 'bb' } })).toMatch(/^bwdif=mode=send_frame:parity=bff:deint=all,scale=/);
    expect(vf(base)).toMatch(/^scale=.*iw\*sar.*,setsar=1$/);
  });

  it('maps the track it uses, and folds more than two channels without clipping', () => {
    const stereo = masterTranscodeArgs('in.mov', 'o.mp4', base).join(' ');
    expect(stereo).toContain('-map 0:a:0');
    expect(stereo).not.toContain('rematrix_maxval');
    const surround = masterTranscodeArgs('in.mov', 'o.mp4', {
      ...base,
      audio: { codec: 'ac3', sampleRate: 48000, channels: 6, trackIndex: 1 },
    });
    expect(surround.join(' ')).toContain('-map 0:a:1');
    expect(surround.join(' ')).toContain(`-ac 2 ${DOWNMIX_WITHOUT_CLIPPING_ARGS.join(' ')}`);
  });

  it('gives ffmpeg input paths it cannot take for options or protocols', () => {
    const input = masterTranscodeArgs('-x.mp4', 'o.mp4', base)[1]!;
    expect(input.startsWith('file:/')).toBe(true);
    expect(input.endsWith('/-x.mp4')).toBe(true);
    expect(ffmpegFileArg('/a/b:c\nd.mp4')).toBe('file:/a/b:c\nd.mp4');
    expect(subtitleExtractArgs('/v.mkv', 1, '/s.srt')).toEqual([
      '-i',
      'file:/v.mkv',
      '-map',
      '0:s:1',
      '-c:s',
      'srt',
      '-f',
      'srt',
      '/s.srt',
    ]);
  });
});

describe('import notes', () => {
  it('reports a truncated file with the figures, and tolerates the usual small differences', () => {
    expect(truncationNote(150, 72.4)).toMatch(/^Fichier incomplet : 00:01:12 récupérées sur 00:02:30\./);
    expect(truncationNote(150, 149.5)).toBeNull();
    expect(truncationNote(7200, 7180)).toBeNull(); // within 0.5 %
    expect(truncationNote(null, 10)).toBeNull(); // a camera take declares no duration
  });

  it('says which sound track is used, and what became of the subtitles', () => {
    const probe = interpretProbeOutput(
      {
        streams: [
          { codec_type: 'audio', codec_name: 'aac' },
          { codec_type: 'audio', codec_name: 'aac' },
          { codec_type: 'subtitle', codec_name: 'subrip' },
          { codec_type: 'subtitle', codec_name: 'mov_text' },
        ],
      },
      1,
    );
    expect(audioTracksNote(probe)).toBe('Cette vidéo a 2 pistes son : la piste 1 est utilisée.');
    expect(subtitlesNote(probe, 1)).toContain('2 pistes de sous-titres : la piste 1 est importée');
    expect(subtitlesNote(probe, null)).toContain('n’ont pas pu être lus');
    const pictures = interpretProbeOutput(
      { streams: [{ codec_type: 'audio' }, { codec_type: 'subtitle', codec_name: 'dvd_subtitle' }] },
      1,
    );
    expect(audioTracksNote(pictures)).toBeNull();
    expect(subtitlesNote(pictures, null)).toContain('une piste de sous-titres en images : elle n’est pas importée');
    expect(importNotes([null, 'A.', null, 'B.'])).toBe('A.\nB.');
    expect(importNotes([null])).toBeNull();
  });
});

describe('a file name as a title', () => {
  it('drops the extension, line breaks, control characters and leading dashes', () => {
    expect(titleFromFileName('/v/-x.mp4')).toBe('x');
    expect(titleFromFileName('/v/Entretien\nde\tLéa.mov')).toBe('Entretien de Léa');
    expect(titleFromFileName('/v/--  Essai 2.mkv')).toBe('Essai 2');
  });
});

describe('filmstrip', () => {
  it('decodes keyframes only when thumbnails are further apart than keyframes, every frame otherwise', () => {
    const long = filmstripArgs('m.mp4', 'f.jpg', 1800, filmstripFrameCount(1800));
    expect(long.slice(0, 4)).toEqual(['-skip_frame', 'nokey', '-i', 'm.mp4']); // before -i: a decoder option
    expect(long.join(' ')).toContain('fps=0.033333:eof_action=pass,scale=-2:72,tile=60x1');
    expect(filmstripArgs('m.mp4', 'f.jpg', 60, 30)).not.toContain('-skip_frame'); // exactly 2 s apart
    expect(filmstripArgs('m.mp4', 'f.jpg', 10, filmstripFrameCount(10))).not.toContain('-skip_frame'); // 1.25 s apart
  });
});
