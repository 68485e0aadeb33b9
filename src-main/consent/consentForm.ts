/**
 * The printable consent form (A4 PDF, French, plain words, pictograms): one line per
 * scope with Oui / Non boxes, the conditions, the duration, signature blocks (and the
 * guardian's, and the child's own under 15), and whom to contact to withdraw.
 * Pre-filled with the person and the project; written atomically into the library.
 */
import path from 'node:path';
import type { PersonConsent } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import { createPdf, type PdfDoc } from '../platform/pdfDocument';
import type { ConsentScope } from './consentPolicy';
import { ROLE_LABELS_FR } from './frenchLabels';
import { CONSENT_CONDITION_TABLE } from '../../src-shared/contract/vocabulary';

const SCOPE_LINES: Array<{ scope: ConsentScope; text: string; icon: 'camera' | 'group' | 'office' | 'hall' | 'globe' }> = [
  { scope: 'recording', text: "J'accepte d'être filmé·e.", icon: 'camera' },
  { scope: 'workshop', text: "On peut montrer la vidéo au groupe de l'atelier.", icon: 'group' },
  {
    scope: 'partners',
    text: 'On peut la montrer aux services de la Région, à la mission locale et aux employeurs partenaires.',
    icon: 'office',
  },
  { scope: 'elected', text: 'On peut la montrer aux élus de la Région.', icon: 'hall' },
  { scope: 'public', text: 'On peut la diffuser au public : internet, réseaux sociaux, événements.', icon: 'globe' },
];

const CONDITION_LINES = CONSENT_CONDITION_TABLE.map((condition) => condition.formLineFr);

type Doc = PdfDoc;

function box(doc: Doc, x: number, y: number, label: string): void {
  doc.lineWidth(1.5).rect(x, y, 16, 16).stroke('#1d2330');
  doc
    .fillColor('#1d2330')
    .fontSize(12)
    .text(label, x + 22, y + 2, { lineBreak: false });
}

function pictogram(doc: Doc, kind: (typeof SCOPE_LINES)[number]['icon'], x: number, y: number): void {
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
  const { doc, bytes } = createPdf({ title: 'Autorisation de filmer', margins: { top: 40, bottom: 20, left: 50, right: 50 } });
  const width = doc.page.width - 100;

  doc.font('bold').fontSize(20).fillColor('#1d2330').text('Autorisation de filmer et de montrer les vidéos');
  doc
    .moveDown(0.3)
    .font('body')
    .fontSize(11)
    .fillColor('#5a6172')
    .text(`${project.name}${project.place ? ` — ${project.place}` : ''}`);
  doc.moveDown(0.6).font('bold').fontSize(13).fillColor('#1d2330').text(`Nom : ${consent.person.displayName}`);
  doc.font('body').fontSize(12).text(`Rôle : ${ROLE_LABELS_FR[consent.person.role]}`);
  if (consent.minor) doc.text(`Personne mineure (${consent.age} ans) : un parent ou un responsable légal signe aussi.`);
  doc
    .moveDown(0.6)
    .fontSize(12)
    .text(
      'Nous filmons des entretiens et des témoignages. Vous choisissez ce que vous acceptez. ' +
        'Cochez Oui ou Non pour chaque ligne. Vous pouvez changer d’avis à tout moment.',
      { width },
    );

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

  doc.moveDown(0.4).font('bold').fontSize(13).text('Je demande aussi :', 50);
  doc.moveDown(0.3);
  for (const condition of CONDITION_LINES) {
    const y = doc.y;
    box(doc, 50, y, condition);
    doc.y = y + 21;
  }

  doc
    .moveDown(0.4)
    .font('body')
    .fontSize(12)
    .text(
      `Cet accord vaut ${addMonthsLabel(project.retentionMonths)} à partir de la signature. Ensuite, les vidéos ne sont plus montrées.`,
      50,
      doc.y,
      { width },
    );
  doc
    .moveDown(0.3)
    .text(
      `Pour changer d’avis ou retirer votre accord : ${project.withdrawalContact || 'adressez-vous à l’animateur ou l’animatrice de l’ERIC'}.`,
      { width },
    );

  const signature = (label: string) => {
    const y = doc.y + 8;
    doc.font('bold').fontSize(12).text(label, 50, y);
    doc
      .font('body')
      .fontSize(11)
      .text('Date : ____ / ____ / ________', 50, y + 18);
    doc.text('Signature :', 300, y + 18);
    doc.rect(370, y + 14, width - 320, 30).stroke('#9aa0ab');
    doc.y = y + 48;
  };
  signature('La personne filmée');
  if (consent.minor) {
    if (consent.under15) signature('L’enfant donne aussi son accord (moins de 15 ans)');
    const y = doc.y + 8;
    doc.font('bold').fontSize(12).text('Parent ou responsable légal', 50, y);
    doc
      .font('body')
      .fontSize(11)
      .text('Nom : ______________________________   Lien : ____________________', 50, y + 18);
    doc.y = y + 30;
    signature('Signature du parent ou du responsable légal');
  }
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#5a6172')
    .text(`Formulaire préparé le ${formatDate(today)} avec ERIC Studio.`, 50, doc.page.height - 32, { lineBreak: false });
  doc.end();
  return bytes;
}

/** Writes the form into the library (exports/forms/person-<id>/) and registers it. */
export async function writeConsentForm(
  library: Library,
  consent: PersonConsent,
): Promise<{ assetId: number; fileName: string; sizeBytes: number }> {
  const project = library.projects.get(consent.person.projectId);
  const today = library.now().slice(0, 10);
  const pdf = await renderConsentForm(consent, project, today);
  const fileName = `autorisation-${today}-${Date.now().toString(36)}.pdf`;
  const relative = path.posix.join('exports', 'forms', `person-${consent.person.id}`, fileName);
  const asset = library.mediaAssets.store({ kind: 'consent-form', relativePath: relative, mimeType: 'application/pdf', data: pdf });
  return { assetId: asset.id, fileName, sizeBytes: pdf.length };
}
