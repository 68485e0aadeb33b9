/**
 * Stills of a clip with its blur region drawn, for the animator to confirm that the
 * region covers the face all along the range (3 to 5 stills spread across it), and the
 * recording of that confirmation. The stills are returned as JPEG data URLs and never
 * kept on disk (they show a face in full).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { Clip } from '../../src-shared/contract/schemas/editing';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import { frameGrabArgs } from '../media/ffmpegArgs';
import type { FfmpegBinaries } from '../media/binaries';
import { runFfmpeg } from '../media/runFfmpeg';
import type { ClipsStore } from './clipsStore';
import { confirmationStillTimes, MIN_FACE_REGION_AREA, regionCanHoldFace, stillsCoverRange } from './faceRegion';

export async function clipStills(
  library: Library,
  clips: ClipsStore,
  binaries: FfmpegBinaries,
  clipId: number,
  count = 4,
): Promise<{ clipId: number; blurBox: Clip['blurBox']; regionCanHoldFace: boolean; stills: Array<{ seconds: number; image: string }> }> {
  const clip = clips.get(clipId, 'clipId');
  const recording = library.recordings.get(clip.recordingId);
  if (recording.masterAssetId === null || !recording.hasVideo) {
    throw new AppError('conflict', 'This clip’s recording has no picture to take stills from.', { field: 'clipId' });
  }
  const master = library.mediaAssets.resolve(recording.masterAssetId).absolutePath;
  const work = resolveInside(library.dir, path.posix.join('tmp', `stills-${crypto.randomUUID()}`));
  fs.mkdirSync(work, { recursive: true });
  try {
    const stills: Array<{ seconds: number; image: string }> = [];
    for (const [index, seconds] of confirmationStillTimes(clip.inSeconds, clip.outSeconds, count).entries()) {
      const box = clip.blurBox;
      const draw = box ? `,drawbox=x=iw*${box.x}:y=ih*${box.y}:w=iw*${box.w}:h=ih*${box.h}:color=0xFFD166@1:t=4` : '';
      const file = path.join(work, `still-${index}.jpg`);
      await runFfmpeg(binaries, frameGrabArgs(master, seconds, file, `scale=640:-2${draw}`), {
        purpose: 'taking stills to check the blur region',
      });
      stills.push({ seconds, image: `data:image/jpeg;base64,${fs.readFileSync(file).toString('base64')}` });
    }
    return { clipId: clip.id, blurBox: clip.blurBox, regionCanHoldFace: clip.blurBox ? regionCanHoldFace(clip.blurBox) : false, stills };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Records the confirmation, refusing what could not stand for a blurred face. */
export function confirmFaceRegion(clips: ClipsStore, input: { clipId: number; stillSeconds: number[]; confirmedBy: string }): Clip {
  const clip = clips.get(input.clipId, 'clipId');
  if (!clip.blurBox) {
    throw new AppError('invalid-input', 'This clip has no blur region to confirm.', {
      field: 'clipId',
      hint: 'Draw the region over the face first; without one, the whole picture is pixelated.',
    });
  }
  if (!regionCanHoldFace(clip.blurBox)) {
    throw new AppError(
      'invalid-input',
      `The blur region covers ${(clip.blurBox.w * clip.blurBox.h * 100).toFixed(1)} % of the picture: too small to hold a face (at least ${MIN_FACE_REGION_AREA * 100} %).`,
      { field: 'clipId', hint: 'Draw a larger region around the face, or let the whole picture be pixelated.' },
    );
  }
  if (!stillsCoverRange(input.stillSeconds, clip.inSeconds, clip.outSeconds)) {
    throw new AppError('invalid-input', 'The stills looked at do not cover the whole clip (at least 3, from its start to its end).', {
      field: 'stillSeconds',
      hint: 'Ask for the clip’s stills again and confirm on those.',
    });
  }
  return clips.confirmFaceRegion(clip.id, {
    blurBox: clip.blurBox,
    inSeconds: clip.inSeconds,
    outSeconds: clip.outSeconds,
    stillSeconds: [...input.stillSeconds].sort((a, b) => a - b),
    confirmedBy: input.confirmedBy,
  });
}
