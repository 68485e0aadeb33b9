/**
 * A new A4 PDF with the app's fonts (DejaVu, shipped in resources/, so accents and
 * French punctuation print on any computer), and a promise of its bytes.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { resourcesDir } from './resourcesDir';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export function createPdf(options: { title: string; margins: { top: number; bottom: number; left: number; right: number } }): {
  doc: PdfDoc;
  bytes: Promise<Buffer>;
} {
  const fonts = path.join(resourcesDir(), 'fonts');
  const doc = new PDFDocument({ size: 'A4', margins: options.margins, info: { Title: options.title, Creator: 'ERIC Studio' } });
  doc.registerFont('body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, bytes };
}
