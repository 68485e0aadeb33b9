/**
 * The printable consent form (A4 PDF, French, plain words, pictograms): one line per
 * scope with Oui / Non boxes, the conditions, the duration, signature blocks (for a minor:
 * their own agreement and both parents', or one with the reason), and whom to contact to
 * withdraw. Its words come from the versioned wording (consentFormVersion), whose version
 * and hash are printed at the foot and kept with each consent. Pre-filled with the person
 * and the project; written atomically into the library.
 */
import path from 'node:path';
import type { PersonConsent } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import { createPdf, type PdfDoc } from '../platform/pdfDocument';
import type { ConsentScope } from './consentPolicy';
import { ROLE_LABELS_FR } from './frenchLabels';
import { localToday } from '../../src-shared/age';
import { CONSENT_FORM_VERSION, CONSENT_FORM_WORDING as W, consentFormSha256 } from './consentFormVersion';

const SCOPE_ICONS: Array<{ scope: ConsentScope; icon: 'camera' | 'group' | 'office' | 'hall' | 'globe' }> = [
  { scope: 'recording', icon: 'camera' },
  { scope: 'workshop', icon: 'group' },
  { scope: 'partners', icon: 'office' },
  { scope: 'elected', icon: 'hall' },
  { scope: 'public', icon: 'globe' },
];
const SCOPE_LINES = SCOPE_ICONS.map((line) => ({ ...line, text: W.scopes[line.scope] }));

const CONDITION_LINES = W.conditions;

type Doc = PdfDoc;

function box(doc: Doc, x: number, y: number, label: string): void {
  // the empty box to tick is drawn, its label is read
  doc.markContent('Artifact');
  doc.lineWidth(1.5).rect(x, y, 16, 16).stroke('#1d2330');
  doc.endMarkedContent();
  doc
    .fillColor('#1d2330')
    .fontSize(12)
    .text(label, x + 22, y + 2, { lineBreak: false });
}

function pictogram(doc: Doc, kind: (typeof SCOPE_LINES)[number]['icon'], x: number, y: number): void {
  // an icon next to the words that say the same: an artifact for screen readers
  doc.markContent('Artifact');
  doc.save().lineWidth(2).strokeColor('#1f5fbf').fillColor('#1f5fbf');
  switch (kind) {
    case 'camera':
      doc.roundedRect(x, y + 8, 24, 18, 3).stroke();
      doc.polygon([x + 24, y + 13], [x + 32, y + 9], [x + 32, y + 25], [x + 24, y + 21]).fill();
      break;
    case 'group':
      for (const dx of [0, 11, 22]) doc.circle(x + dx + 5, y + 11, 4).fill();
      doc.rect(x, y + 18, 32, 9).fill();
      break;
    case 'office':
      doc.rect(x + 4, y + 4, 24, 24).stroke();
      for (const row of [9, 16]) for (const col of [9, 19]) doc.rect(x + col, y + row, 4, 4).fill();
      break;
    case 'hall':
      doc.polygon([x, y + 12], [x + 16, y + 2], [x + 32, y + 12]).fill();
      for (const col of [3, 13, 23]) doc.rect(x + col, y + 14, 5, 12).fill();
      doc.rect(x, y + 27, 32, 3).fill();
      break;
    case 'globe':
      doc.circle(x + 16, y + 16, 13).stroke();
      doc.ellipse(x + 16, y + 16, 6, 13).stroke();
      doc
        .moveTo(x + 3, y + 16)
        .lineTo(x + 29, y + 16)
        .stroke();
      break;
  }
  doc.restore();
  doc.endMarkedContent();
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function addMonthsLabel(months: number): string {
  return months % 12 === 0 ? `${months / 12} an${months >= 24 ? 's' : ''}` : `${months} mois`;
}

export function renderConsentForm(
  consent: PersonConsent,
  project: { name: string; place: string; retentionMonths: number; withdrawalContact: string },
  today: string,
): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: 'Autorisation de filmer', margins: { top: 34, bottom: 20, left: 50, right: 50 } });
  const width = doc.page.width - 100;

  doc.font('bold').fontSize(19).fillColor('#1d2330').text(W.title, { structType: 'H1' });
  doc
    .moveDown(0.3)
    .font('body')
    .fontSize(11)
    .fillColor('#5a6172')
    .text(`${project.name}${project.place ? ` — ${project.place}` : ''}`);
  doc.moveDown(0.6).font('bold').fontSize(13).fillColor('#1d2330').text(`Nom : ${consent.person.displayName}`);
  doc.font('body').fontSize(12).text(`Rôle : ${ROLE_LABELS_FR[consent.person.role]}`);
  if (consent.minor) doc.text(W.minorNotice.replace('{age}', String(consent.age)), { width });
  doc.moveDown(0.4).fontSize(12).text(W.intro, { width });

  doc.moveDown(0.5);
  for (const line of SCOPE_LINES) {
    const y = doc.y;
    pictogram(doc, line.icon, 50, y);
    doc
      .font('body')
      .fontSize(12)
      .fillColor('#1d2330')
      .text(line.text, 92, y + 4, { width: width - 170 });
    box(doc, 50 + width - 120, y + 6, 'Oui');
    box(doc, 50 + width - 55, y + 6, 'Non');
    doc.y = Math.max(doc.y, y + 32) + 2;
  }

  doc.moveDown(0.3).font('bold').fontSize(13).text(W.conditionsTitle, 50, undefined, { structType: 'H2' });
  doc.moveDown(0.3);
  for (const condition of CONDITION_LINES) {
    const y = doc.y;
    box(doc, 50, y, condition);
    doc.y = y + 20;
  }

  doc
    .moveDown(0.4)
    .font('body')
    .fontSize(12)
    .text(
      `${W.duration.replace('{duration}', addMonthsLabel(project.retentionMonths))}${consent.minor ? ` ${W.minorDuration}` : ''}`,
      50,
      doc.y,
      { width },
    );
  doc.moveDown(0.2).text(W.withdrawal.replace('{contact}', project.withdrawalContact || W.withdrawalDefault), { width });
  doc.moveDown(0.3).text(W.placeAndDate, { width });

  const signature = (label: string, x: number, y: number, boxWidth: number) => {
    doc.font('bold').fontSize(12).text(label, x, y, { width: boxWidth, lineBreak: false });
    doc
      .font('body')
      .fontSize(11)
      .text(W.signature, x, y + 18, { lineBreak: false });
    doc.markContent('Artifact');
    doc.rect(x + 70, y + 14, boxWidth - 70, 28).stroke('#9aa0ab');
    doc.endMarkedContent();
  };
  const half = (width - 20) / 2;
  let y = doc.y + 6;
  signature(consent.minor ? W.signatureMinor : W.signaturePerson, 50, y, width);
  y += 48;
  if (consent.minor) {
    for (const [index, label] of [W.parent1, W.parent2].entries()) {
      const x = 50 + index * (half + 20);
      doc
        .font('body')
        .fontSize(10)
        .text(W.parentFields, x, y + 10, { width: half, lineBreak: false });
      signature(label, x, y + 26, half);
    }
    y += 76;
    doc.font('body').fontSize(10).text(W.soleHolder, 50, y, { width });
    y = doc.y;
  }
  doc.y = y;
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#5a6172')
    .text(
      `${W.footer.replace('{version}', CONSENT_FORM_VERSION).replace('{date}', formatDate(today))} Empreinte ${consentFormSha256().slice(0, 16)}.`,
      50,
      doc.page.height - 32,
      { lineBreak: false },
    );
  doc.end();
  return bytes;
}

/** The library folder of a person's printed forms (erasure removes it). */
export function consentFormFolder(personId: number): string {
  return path.posix.join('exports', 'forms', `person-${personId}`);
}

/** Writes the form into the library (exports/forms/person-<id>/) and registers it. */
export async function writeConsentForm(
  library: Library,
  consent: PersonConsent,
): Promise<{ assetId: number; fileName: string; sizeBytes: number }> {
  const project = library.projects.get(consent.person.projectId);
  const today = localToday(new Date(library.now()));
  const pdf = await renderConsentForm(consent, project, today);
  const fileName = `autorisation-${today}-${Date.now().toString(36)}.pdf`;
  const relative = path.posix.join(consentFormFolder(consent.person.id), fileName);
  const asset = library.mediaAssets.store({ kind: 'consent-form', relativePath: relative, mimeType: 'application/pdf', data: pdf });
  return { assetId: asset.id, fileName, sizeBytes: pdf.length };
}
