/**
 * The frame grid a recording's cuts land on, read from its master's keyframe index
 * without spawning anything: the master's frame rate, or the fallback rate (also the
 * rate a sound-only recording is exported at) when there is no picture or no index yet.
 */
import fs from 'node:fs';
import { saneFrameRate } from './frameRate';
import { mediaIndexPathFor, type MediaIndex } from './mediaIndex';

export function masterFrameGrid(masterPath: string | null, hasVideo: boolean): number {
  if (!masterPath || !hasVideo) return saneFrameRate(null);
  try {
    return saneFrameRate((JSON.parse(fs.readFileSync(mediaIndexPathFor(masterPath), 'utf8')) as MediaIndex).frameRate);
  } catch {
    return saneFrameRate(null);
  }
}
