/**
 * The name a downloaded export carries ("Lea-le-metier.mp4", "Temoignages-2025-Elus.zip"),
 * derived from the export's label — a text that already passed the consent text gate for
 * the export's audience when it was recorded (renderPlan, packs, feedback sheets), so a
 * person who may not be named there is not named here either. Inside the library, files
 * keep names without anyone's name.
 */
import { fileTitle } from '../platform/slug';

const EXTENSIONS: Record<string, string> = { pack: 'zip', 'feedback-sheet': 'pdf' };

export function exportFileName(kind: string, label: string): string {
  return `${fileTitle(label, kind === 'pack' ? 'Restitution' : 'Export')}.${EXTENSIONS[kind] ?? 'mp4'}`;
}
