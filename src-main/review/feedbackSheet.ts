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

const MAX_MOMENTS = 6;

type Doc = PdfDoc;

function clock(seconds: number): string {
  return formatTimecode(seconds).slice(3, 8); // MM:SS
}

async function frameAt(binaries: FfmpegBinaries, master: string, seconds: number, tmpDir: string): Promise<Buffer | null> {
  const file = path.join(tmpDir, `frame-${process.pid}-${Date.now()}-${Math.round(seconds * 1000)}.jpg`);
  try {
    await runFfmpeg(binaries, frameGrabArgs(master, seconds, file, 'scale=-2:180'), {
      purpose: 'taking a picture for the feedback sheet',
    });
    return fs.readFileSync(file);
  } catch {
    return null; // a sheet without that picture is better than no sheet
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function section(doc: Doc, title: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(15).fillColor('#1f5fbf').text(title, 50).fillColor('#1d2330').moveDown(0.2);
}

function bullets(doc: Doc, comments: Comment[], empty: string): void {
  doc.font('body').fontSize(12);
  if (comments.length === 0) doc.fillColor('#5a6172').text(empty).fillColor('#1d2330');
  for (const comment of comments) doc.text(`• ${comment.text}  (${clock(comment.startSeconds)}, ${comment.authorName})`, { indent: 6 });
}

function dots(doc: Doc, x: number, y: number, score: number | undefined): void {
  for (let i = 1; i <= 4; i++) {
    doc.circle(x + (i - 1) * 14, y + 6, 5);
    if (score !== undefined && i <= score) doc.fill('#1f5fbf');
    else doc.lineWidth(1).stroke('#9aa0ab');
  }
  doc
    .fillColor('#1d2330')
    .font('body')
    .fontSize(11)
    .text(score === undefined ? '—' : String(score), x + 60, y, { lineBreak: false });
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
}

export async function renderFeedbackSheet(input: FeedbackSheetInput, binaries: FfmpegBinaries | null, tmpDir: string): Promise<Buffer> {
  const { recording, comments, rubric } = input;
  const defaults = reviewDefaults();
  const { doc, bytes } = createPdf({ title: 'Fiche de retour', margins: { top: 45, bottom: 45, left: 50, right: 50 } });

  const threads = comments.filter((c) => c.parentId === null);
  const strengths = threads.filter((c) => c.category === defaults.strengthCategory);
  const toWork = threads.filter((c) => c.category === defaults.improvementCategory);
  // only the candidate's own name (gated by the caller): another person's (the recruiter's) never heads the sheet
  const name = input.candidateName !== undefined ? input.candidateName : (rubric.candidate?.displayName ?? 'Candidat·e');

  doc.font('bold').fontSize(22).fillColor('#1d2330').text('Fiche de retour');
  if (name !== null) doc.font('bold').fontSize(16).text(name);
  doc
    .font('body')
    .fontSize(11)
    .fillColor('#5a6172')
    .text(
      `${input.projectName} — entretien du ${recording.recordedAt.slice(8, 10)}/${recording.recordedAt.slice(5, 7)}/${recording.recordedAt.slice(0, 4)}${recording.durationSeconds ? `, durée ${clock(recording.durationSeconds)}` : ''}`,
    )
    .fillColor('#1d2330');

  section(doc, 'Tes points forts');
  bullets(doc, strengths, 'Le groupe n’a pas encore noté de point fort.');
  section(doc, 'Ce que tu peux travailler');
  bullets(doc, toWork, 'Rien de noté pour le moment.');

  const others = threads.filter((c) => c.category !== defaults.strengthCategory && c.category !== defaults.improvementCategory);
  if (others.length) {
    section(doc, 'Les autres remarques du groupe');
    doc.font('body').fontSize(12);
    for (const comment of others.slice(0, 12))
      doc.text(`• ${categoryAndText(comment.category, comment.text)}  (${clock(comment.startSeconds)})`, { indent: 6 });
  }

  const moments = [...strengths, ...toWork, ...others].slice(0, MAX_MOMENTS).sort((a, b) => a.startSeconds - b.startSeconds);
  if (moments.length && input.masterPath && binaries && recording.hasVideo && input.stills !== false) {
    section(doc, 'Des moments de ton entretien');
    const cellWidth = (doc.page.width - 100 - 20) / 3;
    let column = 0;
    let rowTop = doc.y;
    for (const moment of moments) {
      const picture = await frameAt(binaries, input.masterPath, moment.startSeconds, tmpDir);
      if (column === 0 && rowTop > doc.page.height - 200) {
        doc.addPage();
        rowTop = doc.y;
      }
      const x = 50 + column * (cellWidth + 10);
      if (picture) doc.image(picture, x, rowTop, { fit: [cellWidth, cellWidth * 0.5625] });
      doc
        .font('bold')
        .fontSize(10)
        .text(clock(moment.startSeconds), x, rowTop + cellWidth * 0.5625 + 4, { width: cellWidth });
      doc.font('body').fontSize(10).text(moment.text, x, doc.y, { width: cellWidth, height: 40, ellipsis: true });
      column = (column + 1) % 3;
      if (column === 0) rowTop += cellWidth * 0.5625 + 60;
    }
    doc.x = 50;
    doc.y = column === 0 ? rowTop : rowTop + cellWidth * 0.5625 + 60;
  }

  section(doc, 'La grille : toi et le groupe');
  const tableTop = doc.y;
  doc.font('bold').fontSize(11).text('Critère', 50, tableTop).text('Toi', 330, tableTop).text('Le groupe', 430, tableTop);
  let y = tableTop + 20;
  for (const criterion of rubric.criteria) {
    if (y > doc.page.height - 70) {
      doc.addPage();
      y = doc.y;
    }
    doc.font('body').fontSize(11).text(criterion.label, 50, y, { width: 270 });
    dots(doc, 330, y, rubric.self[String(criterion.id)]);
    dots(doc, 430, y, rubric.group[String(criterion.id)]);
    y = Math.max(doc.y, y + 16) + 6;
  }
  doc.x = 50;
  doc.y = y;
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#5a6172')
    .text(`Échelle : ${defaults.rubricScale.join(' · ')}`)
    .fillColor('#1d2330');

  const index = rubric.progress.findIndex((take) => take.recordingId === recording.id);
  const previous = index > 0 ? rubric.progress[index - 1] : null;
  const current = rubric.progress[index];
  section(doc, 'Tes progrès');
  doc.font('body').fontSize(12);
  if (!previous || !current) {
    doc.text('C’est ton premier entretien filmé dans cet atelier : la prochaine fiche montrera tes progrès.');
  } else {
    const delta = (now: number | null, before: number | null) =>
      now === null || before === null
        ? 'pas encore noté'
        : `${before} → ${now} (${now - before >= 0 ? '+' : ''}${Math.round((now - before) * 100) / 100})`;
    doc.text(`Par rapport à ton entretien précédent, la moyenne de la grille passe :`);
    doc.text(`• selon toi : ${delta(current.selfAverage, previous.selfAverage)}`, { indent: 6 });
    doc.text(`• selon le groupe : ${delta(current.groupAverage, previous.groupAverage)}`, { indent: 6 });
    doc.text(`Entretiens filmés dans cet atelier : ${rubric.progress.length}.`);
  }
  doc.end();
  return bytes;
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
  const fileName = `fiche-retour-${localToday(new Date(library.now()))}-${Date.now().toString(36)}.pdf`;
  const relative = path.posix.join(feedbackSheetFolder(input.recording.id), fileName);
  const asset = library.mediaAssets.store({ kind: 'feedback-sheet', relativePath: relative, mimeType: 'application/pdf', data: pdf });
  return { assetId: asset.id, fileName, sizeBytes: pdf.length };
}
