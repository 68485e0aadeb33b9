/**
 * The candidate's feedback sheet (A4 PDF, French, "tu", plain words): strengths,
 * points to work on, a few commented moments with their picture, the rubric (self vs
 * group) and the progress since the previous take. Written atomically into the library.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Comment, Recording, Rubric } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import type { FfmpegBinaries } from '../media/binaries';
import { runFfmpeg } from '../media/runFfmpeg';
import { createPdf, type PdfDoc } from '../platform/pdfDocument';
import { reviewDefaults } from './reviewDefaults';
import { categoryAndText } from './commentLine';
import { formatTimecode } from '../../src-shared/time';
import { frameGrabArgs } from '../media/ffmpegArgs';
import { localToday } from '../../src-shared/age';
import { frenchLongDate } from '../../src-shared/frenchDate';
import { fileTitle } from '../platform/slug';

const MAX_MOMENTS = 6;

type Doc = PdfDoc;

function clock(seconds: number): string {
  return formatTimecode(seconds).slice(3, 8); // MM:SS
}

/** The frame at a moment, scaled for the sheet; `blur` first when faces are to be hidden (faceStillFilter). */
async function frameAt(binaries: FfmpegBinaries, master: string, seconds: number, tmpDir: string, blur?: string): Promise<Buffer | null> {
  const file = path.join(tmpDir, `frame-${process.pid}-${Date.now()}-${Math.round(seconds * 1000)}.jpg`);
  try {
    await runFfmpeg(binaries, frameGrabArgs(master, seconds, file, blur ? `${blur},scale=-2:180` : 'scale=-2:180'), {
      purpose: 'prendre une image pour la fiche de retour',
    });
    return fs.readFileSync(file);
  } catch {
    return null; // a sheet without that picture is better than no sheet
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const LEFT = 50;
const BULLET_TEXT_X = LEFT + 18;

function section(doc: Doc, title: string, scale: number): void {
  if (doc.y > doc.page.height - 140 * scale) doc.addPage();
  doc
    .moveDown(0.6)
    .font('bold')
    .fontSize(15 * scale)
    .fillColor('#1f5fbf')
    .text(title, LEFT, undefined, { structType: 'H2' })
    .fillColor('#1d2330')
    .moveDown(0.2);
}

/** One bullet with a hanging indent: wrapped lines start under the text, not under the "•". */
export function bullet(doc: Doc, text: string): void {
  const width = doc.page.width - BULLET_TEXT_X - doc.page.margins.right;
  if (doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.text('•', LEFT + 6, top, { lineBreak: false });
  doc.text(text, BULLET_TEXT_X, top, { width });
  doc.x = LEFT;
}

function bullets(doc: Doc, comments: Comment[], empty: string, scale: number): void {
  doc.font('body').fontSize(12 * scale);
  if (comments.length === 0) doc.fillColor('#5a6172').text(empty, LEFT).fillColor('#1d2330');
  for (const comment of comments) bullet(doc, `${comment.text}  (${clock(comment.startSeconds)}, ${comment.authorName})`);
}

function dots(doc: Doc, x: number, y: number, score: number | undefined): void {
  // the dots only draw the score that follows them in words: an artifact for screen readers
  doc.markContent('Artifact');
  for (let i = 1; i <= 4; i++) {
    doc.circle(x + (i - 1) * 14, y + 6, 5);
    if (score !== undefined && i <= score) doc.fill('#1f5fbf');
    else doc.lineWidth(1).stroke('#9aa0ab');
  }
  doc.endMarkedContent();
  doc
    .fillColor('#1d2330')
    .font('body')
    .fontSize(11)
    .text(score === undefined ? '—' : String(score), x + 60, y, { lineBreak: false });
}

/** The commented moments the sheet shows with their picture: strengths first, then points to work on, then the rest. */
export function sheetMoments(comments: readonly Comment[]): Comment[] {
  const defaults = reviewDefaults();
  const threads = comments.filter((c) => c.parentId === null);
  const strengths = threads.filter((c) => c.category === defaults.strengthCategory);
  const toWork = threads.filter((c) => c.category === defaults.improvementCategory);
  const others = threads.filter((c) => c.category !== defaults.strengthCategory && c.category !== defaults.improvementCategory);
  return [...strengths, ...toWork, ...others].slice(0, MAX_MOMENTS).sort((a, b) => a.startSeconds - b.startSeconds);
}

export interface FeedbackSheetInput {
  recording: Recording;
  comments: Comment[];
  rubric: Rubric;
  projectName: string;
  masterPath: string | null;
  /** The candidate's name as their consent lets it be printed (null: not at all); left out, the recording's. */
  candidateName?: string | null;
  /** Pictures from the video only when everyone filmed may be shown to the workshop (default: yes). */
  stills?: boolean;
  /**
   * Faces to hide by tracked blur: the filter that pixelates them at a moment, or null when
   * the tracks cannot vouch for that moment (then it has no picture). Absent: nothing to hide.
   */
  blurAt?: (seconds: number) => string | null;
  /** The day of the workshop session the take belongs to (the file's own date is the import's, not the interview's). */
  sessionDate?: string | null;
}

/** Font and spacing scales tried, largest first, when the last page would hold only a few lines. */
const FIT_SCALES = [1, 0.9, 0.8, 0.72];
/** A last page filled less than this (share of its height) is "near-empty": the sheet is tightened to lose it. */
const NEAR_EMPTY_PAGE = 0.35;

export async function renderFeedbackSheet(input: FeedbackSheetInput, binaries: FfmpegBinaries | null, tmpDir: string): Promise<Buffer> {
  const frames = new Map<number, Buffer | null>();
  const picture = async (seconds: number) => {
    if (!frames.has(seconds)) {
      const blur = input.blurAt ? input.blurAt(seconds) : undefined;
      frames.set(
        seconds,
        binaries && input.masterPath && blur !== null ? await frameAt(binaries, input.masterPath, seconds, tmpDir, blur) : null,
      );
    }
    return frames.get(seconds)!;
  };
  // without ffmpeg there are no pictures: the moments are left out as before
  if (!binaries) input = { ...input, masterPath: null };
  const first = await drawFeedbackSheet(input, 1, picture);
  if (first.pages === 1 || first.lastPageFill >= NEAR_EMPTY_PAGE) return first.bytes;
  for (const scale of FIT_SCALES.slice(1)) {
    const tighter = await drawFeedbackSheet(input, scale, picture);
    if (tighter.pages < first.pages) return tighter.bytes;
  }
  return first.bytes;
}

async function drawFeedbackSheet(
  input: FeedbackSheetInput,
  scale: number,
  picture: (seconds: number) => Promise<Buffer | null>,
): Promise<{ bytes: Buffer; pages: number; lastPageFill: number }> {
  const { recording, comments, rubric } = input;
  const defaults = reviewDefaults();
  const margins = { top: 45, bottom: 45, left: 50, right: 50 };
  const { doc, bytes, figure } = createPdf({ title: 'Fiche de retour', margins });
  let pages = 1;
  doc.on('pageAdded', () => pages++);
  const z = (size: number) => size * scale;

  const threads = comments.filter((c) => c.parentId === null);
  const strengths = threads.filter((c) => c.category === defaults.strengthCategory);
  const toWork = threads.filter((c) => c.category === defaults.improvementCategory);
  // only the candidate's own name (gated by the caller): another person's (the recruiter's) never heads the sheet
  const name = input.candidateName !== undefined ? input.candidateName : (rubric.candidate?.displayName ?? 'Candidat ou candidate');

  const day = input.sessionDate ?? localToday(new Date(recording.recordedAt));
  doc.font('bold').fontSize(z(22)).fillColor('#1d2330').text('Fiche de retour', { structType: 'H1' });
  if (name !== null) doc.font('bold').fontSize(z(16)).text(name);
  doc
    .font('body')
    .fontSize(z(11))
    .fillColor('#5a6172')
    .text(
      `${input.projectName} — entretien du ${frenchLongDate(day)}${recording.durationSeconds ? `, durée ${clock(recording.durationSeconds)}` : ''}`,
    )
    .fillColor('#1d2330');

  section(doc, 'Tes points forts', scale);
  bullets(doc, strengths, 'Le groupe n’a pas encore noté de point fort.', scale);
  section(doc, 'Ce que tu peux travailler', scale);
  bullets(doc, toWork, 'Rien de noté pour le moment.', scale);

  const others = threads.filter((c) => c.category !== defaults.strengthCategory && c.category !== defaults.improvementCategory);
  if (others.length) {
    section(doc, 'Les autres remarques du groupe', scale);
    doc.font('body').fontSize(z(12));
    for (const comment of others.slice(0, 12))
      bullet(doc, `${categoryAndText(comment.category, comment.text)}  (${clock(comment.startSeconds)})`);
  }

  const moments = sheetMoments(comments);
  if (moments.length && input.masterPath && recording.hasVideo && input.stills !== false) {
    section(doc, 'Des moments de ton entretien', scale);
    const cellWidth = ((doc.page.width - 100 - 20) / 3) * scale;
    let column = 0;
    let rowTop = doc.y;
    for (const moment of moments) {
      const still = await picture(moment.startSeconds);
      if (column === 0 && rowTop + cellWidth * 0.5625 + 60 > doc.page.height - margins.bottom) {
        doc.addPage();
        rowTop = doc.y;
      }
      const x = 50 + column * (cellWidth + 10);
      if (still)
        figure(`Image de ton entretien à ${clock(moment.startSeconds)}`, () =>
          doc.image(still, x, rowTop, { fit: [cellWidth, cellWidth * 0.5625] }),
        );
      doc
        .font('bold')
        .fontSize(z(10))
        .text(clock(moment.startSeconds), x, rowTop + cellWidth * 0.5625 + 4, { width: cellWidth });
      doc
        .font('body')
        .fontSize(z(10))
        .text(moment.text, x, doc.y, { width: cellWidth, height: 40 * scale, ellipsis: true });
      column = (column + 1) % 3;
      if (column === 0) rowTop += cellWidth * 0.5625 + 60 * scale;
    }
    doc.x = 50;
    doc.y = column === 0 ? rowTop : rowTop + cellWidth * 0.5625 + 60 * scale;
  }

  section(doc, 'La grille : toi et le groupe', scale);
  const tableTop = doc.y;
  doc.font('bold').fontSize(z(11)).text('Critère', 50, tableTop).text('Toi', 330, tableTop).text('Le groupe', 430, tableTop);
  let y = tableTop + 20 * scale;
  for (const criterion of rubric.criteria) {
    if (y > doc.page.height - 70) {
      doc.addPage();
      y = doc.y;
    }
    doc.font('body').fontSize(z(11)).text(criterion.label, 50, y, { width: 270 });
    dots(doc, 330, y, rubric.self[String(criterion.id)]);
    dots(doc, 430, y, rubric.group[String(criterion.id)]);
    y = Math.max(doc.y, y + 16 * scale) + 6 * scale;
  }
  doc.x = 50;
  doc.y = y;
  doc
    .font('body')
    .fontSize(z(9))
    .fillColor('#5a6172')
    .text(`Échelle : ${defaults.rubricScale.join(' · ')}`)
    .fillColor('#1d2330');

  const index = rubric.progress.findIndex((take) => take.recordingId === recording.id);
  const previous = index > 0 ? rubric.progress[index - 1] : null;
  const current = rubric.progress[index];
  section(doc, 'Tes progrès', scale);
  doc.font('body').fontSize(z(12));
  if (!previous || !current) {
    doc.text('C’est ton premier entretien filmé dans cet atelier : la prochaine fiche montrera tes progrès.', LEFT);
  } else {
    const delta = (now: number | null, before: number | null) =>
      now === null || before === null
        ? 'pas encore noté'
        : `${before} → ${now} (${now - before >= 0 ? '+' : ''}${Math.round((now - before) * 100) / 100})`;
    doc.text(`Par rapport à ton entretien précédent, la moyenne de la grille passe :`, LEFT);
    bullet(doc, `selon toi : ${delta(current.selfAverage, previous.selfAverage)}`);
    bullet(doc, `selon le groupe : ${delta(current.groupAverage, previous.groupAverage)}`);
    doc.text(`Entretiens filmés dans cet atelier : ${rubric.progress.length}.`, LEFT);
  }
  const usable = doc.page.height - margins.top - margins.bottom;
  const lastPageFill = Math.min(1, Math.max(0, (doc.y - margins.top) / usable));
  doc.end();
  return { bytes: await bytes, pages, lastPageFill };
}

/** The library folder of a recording's feedback sheets (they go with the recording, or with an erased person). */
export function feedbackSheetFolder(recordingId: number): string {
  return path.posix.join('exports', 'feedback', `recording-${recordingId}`);
}

export async function writeFeedbackSheet(
  library: Library,
  input: FeedbackSheetInput,
  binaries: FfmpegBinaries | null,
): Promise<{ assetId: number; fileName: string; sizeBytes: number }> {
  const pdf = await renderFeedbackSheet(input, binaries, path.join(library.dir, 'tmp'));
  // a name people recognise: the candidate's name only as their consent lets it be printed (null: none)
  const day = input.sessionDate ?? localToday(new Date(input.recording.recordedAt));
  const fileName = `${['Fiche-retour', input.candidateName ? fileTitle(input.candidateName, '') : '', day].filter(Boolean).join('-')}.pdf`;
  // inside the library the file keeps a name without anyone's name (it outlives consent changes)
  const relative = path.posix.join(feedbackSheetFolder(input.recording.id), `fiche-retour-${day}-${Date.now().toString(36)}.pdf`);
  const asset = library.mediaAssets.store({ kind: 'feedback-sheet', relativePath: relative, mimeType: 'application/pdf', data: pdf });
  return { assetId: asset.id, fileName, sizeBytes: pdf.length };
}
