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
    throw new AppError('conflict', 'La vidéo de cet extrait n’a pas d’image (son seul) : il n’y a pas d’image à regarder.', {
      field: 'clipId',
    });
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
        purpose: 'prendre les images qui vérifient la zone à flouter',
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
    throw new AppError('invalid-input', 'Cet extrait n’a pas de zone à flouter à confirmer.', {
      field: 'clipId',
      hint: 'Dessinez d’abord la zone sur le visage ; sans zone, toute l’image est floutée.',
    });
  }
  if (!regionCanHoldFace(clip.blurBox)) {
    throw new AppError(
      'invalid-input',
      `La zone à flouter couvre ${(clip.blurBox.w * clip.blurBox.h * 100).toFixed(1).replace('.', ',')} % de l’image : c’est trop petit pour contenir un visage (il faut au moins ${MIN_FACE_REGION_AREA * 100} %).`,
      { field: 'clipId', hint: 'Dessinez une zone plus grande autour du visage, ou laissez toute l’image floutée.' },
    );
  }
  if (!stillsCoverRange(input.stillSeconds, clip.inSeconds, clip.outSeconds)) {
    throw new AppError('invalid-input', 'Les images regardées ne couvrent pas tout l’extrait (il en faut au moins 3, du début à la fin).', {
      field: 'stillSeconds',
      hint: 'Demandez à nouveau les images de l’extrait, puis confirmez sur celles-là.',
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
