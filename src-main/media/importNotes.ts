/**
 * What an import could not keep as it was, in French sentences the recording card shows:
 * a file that stops before its declared end, sound tracks left out, subtitles left out.
 * Pure: from what ffprobe said of the source and of the master.
 */
import { formatHms } from '../../src-shared/time';
import type { ProbeResult } from './probe';

/** A master shorter than the source declares by more than this is a truncated or damaged file. */
export function missingSecondsTolerance(declaredSeconds: number): number {
  return Math.max(1, declaredSeconds * 0.005);
}

export function truncationNote(declaredSeconds: number | null, recoveredSeconds: number | null): string | null {
  if (!declaredSeconds || recoveredSeconds === null) return null;
  if (declaredSeconds - recoveredSeconds <= missingSecondsTolerance(declaredSeconds)) return null;
  return `Fichier incomplet : ${formatHms(recoveredSeconds)} récupérées sur ${formatHms(declaredSeconds)}. La fin du fichier manque ou est abîmée : recopiez-le depuis l’appareil si vous le pouvez.`;
}

export function audioTracksNote(source: ProbeResult): string | null {
  const tracks = source.audioTracks ?? [];
  if (tracks.length < 2 || !source.audio) return null;
  return `Cette vidéo a ${tracks.length} pistes son : la piste ${(source.audio.trackIndex ?? 0) + 1} est utilisée.`;
}

/** `imported`: the number (from 1) of the text subtitle stream imported as the recording's subtitles, or null. */
export function subtitlesNote(source: ProbeResult, imported: number | null): string | null {
  const streams = source.subtitles ?? [];
  if (streams.length === 0) return null;
  if (imported !== null) {
    return streams.length > 1
      ? `Cette vidéo a ${streams.length} pistes de sous-titres : la piste ${imported} est importée comme sous-titres de l’enregistrement.`
      : null;
  }
  const pictures = streams.every((stream) => !stream.isText);
  return pictures
    ? `Cette vidéo a ${streams.length === 1 ? 'une piste' : `${streams.length} pistes`} de sous-titres en images : ${streams.length === 1 ? 'elle n’est pas importée' : 'elles ne sont pas importées'} (écrivez les sous-titres dans l’écran de montage).`
    : `Les sous-titres de cette vidéo n’ont pas pu être lus : ils ne sont pas importés (importez un fichier .srt ou .vtt dans l’écran de montage).`;
}

export function importNotes(notes: Array<string | null>): string | null {
  const kept = notes.filter((note): note is string => !!note);
  return kept.length ? kept.join('\n') : null;
}
