/**
 * A new A4 PDF with the app's fonts (DejaVu, shipped in resources/, so accents and
 * French punctuation print on any computer), and a promise of its bytes.
 *
 * Every PDF is tagged (PDF/UA's logical structure, language French, the title shown):
 * the people who receive them — Region staff, elected officials, families — include
 * screen-reader users, and public bodies must share accessible documents (RGAA). Each
 * text() call becomes a paragraph of the document's structure, in reading order, unless it
 * says otherwise (`structType: 'H1'` for a title); `figure` gives a picture its alternative
 * text; `artifact` marks what is only drawn (boxes, rules, icons) so readers skip it.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { resourcesDir } from './resourcesDir';

export type PdfDoc = InstanceType<typeof PDFDocument>;

type TextOptions = { structParent?: unknown; structType?: string } & Record<string, unknown>;

export interface TaggedPdf {
  doc: PdfDoc;
  bytes: Promise<Buffer>;
  /** A picture, with what it shows in words (read instead of it). */
  figure(alt: string, draw: () => void): void;
  /** Drawing that carries no content of its own (a box, a rule, an icon next to its words). */
  artifact(draw: () => void): void;
}

export function createPdf(options: {
  title: string;
  subject?: string;
  margins: { top: number; bottom: number; left: number; right: number };
}): TaggedPdf {
  const fonts = path.join(resourcesDir(), 'fonts');
  const doc = new PDFDocument({
    size: 'A4',
    margins: options.margins,
    info: { Title: options.title, Creator: 'ERIC Studio', ...(options.subject ? { Subject: options.subject } : {}) },
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  doc.registerFont('body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  const root = doc.struct('Document');
  doc.addStructure(root);
  // every text() call joins the document's structure (a paragraph unless it says otherwise)
  const internals = doc as unknown as { _initOptions(x: unknown, y: unknown, options: unknown): TextOptions };
  const initOptions = internals._initOptions.bind(doc);
  internals._initOptions = (x, y, textOptions) => {
    const result = initOptions(x, y, textOptions);
    if (result.structParent === undefined) result.structParent = root;
    return result;
  };
  const end = doc.end.bind(doc);
  doc.end = () => {
    root.end();
    end();
  };
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return {
    doc,
    bytes,
    figure(alt, draw) {
      const figure = doc.struct('Figure', { alt });
      root.add(figure);
      figure.add(draw);
      figure.end();
    },
    artifact(draw) {
      doc.markContent('Artifact');
      draw();
      doc.endMarkedContent();
    },
  };
}
