import { describe, expect, it } from 'vitest';
import webvtt from 'node-webvtt';
import { cuesInRange, cuesToAss, cuesToSrt, cuesToVtt, parseSubtitles } from '../../src-main/media/subtitleFormats';

describe('subtitle files', () => {
  it('reads SRT with a BOM, CRLF, numbering and tags', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Bonjour</i> à tous\r\n\r\n2\r\n00:01:00,250 --> 00:01:03,000\r\nDeux\r\nlignes\r\n';
    expect(parseSubtitles(srt, 'srt')).toEqual([
      { startSeconds: 1, endSeconds: 2.5, text: 'Bonjour à tous' },
      { startSeconds: 60.25, endSeconds: 63, text: 'Deux\nlignes' },
    ]);
  });

  it('reads WebVTT with short times, cue settings, identifiers and NOTE blocks', () => {
    const vtt = 'WEBVTT\n\nNOTE written by hand\n\nintro\n00:01.000 --> 00:02.000 align:start\nSalut &amp; bienvenue\n';
    expect(parseSubtitles(vtt, 'vtt')).toEqual([{ startSeconds: 1, endSeconds: 2, text: 'Salut & bienvenue' }]);
  });

  it('names the line of a broken time, a missing timing line, a reversed cue, or a non-VTT file', () => {
    expect(() => parseSubtitles('1\n00:00:01,000 --> 00:00:xx,000\nA\n', 'srt')).toThrow(/Ligne 2 : .* n’est pas un temps de sous-titre/);
    expect(() => parseSubtitles('hello\nworld\n', 'srt')).toThrow(/Ligne 1 : il faudrait une ligne de temps/);
    expect(() => parseSubtitles('1\n00:00:05,000 --> 00:00:01,000\nA\n', 'srt')).toThrow(
      /Ligne 2 : le sous-titre finit avant de commencer/,
    );
    expect(() => parseSubtitles('1\n00:00:01,000 --> 00:00:02,000\nA\n', 'vtt')).toThrow(/première ligne doit être « WEBVTT »/);
  });

  it('cuts cues to a range and shifts them', () => {
    const cues = [
      { startSeconds: 1, endSeconds: 3, text: 'a' },
      { startSeconds: 4, endSeconds: 9, text: 'b' },
      { startSeconds: 10, endSeconds: 11, text: 'c' },
    ];
    expect(cuesInRange(cues, 2, 6, 10)).toEqual([
      { startSeconds: 10, endSeconds: 11, text: 'a' },
      { startSeconds: 12, endSeconds: 14, text: 'b' },
    ]);
  });

  it('writes SRT and WebVTT that read back the same, and ASS with user braces neutralised', () => {
    const cues = [{ startSeconds: 1.5, endSeconds: 3.25, text: 'Il a dit --> « <oui> & {non} »' }];
    const vtt = webvtt.parse(cuesToVtt(cues), { strict: true });
    expect(vtt.cues[0]).toMatchObject({ start: 1.5, end: 3.25, text: 'Il a dit → « &lt;oui&gt; &amp; {non} »' });
    expect(parseSubtitles(cuesToSrt(cues), 'srt')[0]).toEqual({
      startSeconds: 1.5,
      endSeconds: 3.25,
      text: 'Il a dit → « <oui> & {non} »',
    });
    const ass = cuesToAss(cues, 1280, 720);
    expect(ass).toContain('Dialogue: 0,0:00:01.50,0:00:03.25,Default,,0,0,0,,Il a dit → « <oui> & non »');
    expect(ass).toContain('PlayResY: 720');
  });
});
