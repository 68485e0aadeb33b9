/**
 * The letter that asks a recipient to delete an export that may no longer be shown
 * (RGPD art. 19: recipients are told of a withdrawal). A4 PDF in plain French: which
 * export, when it was given, what changed — naming the person only as the recipient
 * already saw them (the name printed in the export, or "une personne") — and what to do:
 * delete every copy, stop showing it, tell us to whom it was passed on.
 */
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { AUDIENCE_LABELS_FR } from '../../src-shared/contract/vocabulary';
import { frenchLongDate as frenchDate } from '../../src-shared/frenchDate';
import type { Library } from '../library/library';
import { createPdf } from '../platform/pdfDocument';
import type { ExportRecipient } from '../../src-shared/contract/schemas';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { ExportsStore, FlagChange } from './exportsStore';

const KIND_FR: Record<string, string> = {
  clip: "l'extrait vidéo",
  montage: 'le film',
  pack: 'le dossier de restitution',
  'feedback-sheet': 'la fiche de retour',
};

/** What changed, without naming anyone beyond `shownAs` (what the recipient already has). */
export function whatChangedFr(change: FlagChange | null, shownAs: string | null): string {
  const who = shownAs ? `${shownAs}, qui apparaît dans ce document,` : 'Une personne qui apparaît dans ce document';
  switch (change) {
    case 'withdrawn':
      return `${who} a retiré son accord.`;
    case 'refused':
      return `${who} n'a pas donné son accord pour ce public.`;
    case 'pending':
    case 'no-consent':
      return `${who} n'a plus d'accord valable pour ce public.`;
    case 'expired':
      return `${who} avait donné son accord pour une durée limitée : cette durée est finie.`;
    case 'expiry-shortened':
      return `${who} a réduit la durée de son accord.`;
    case 'conditions':
      return `${who} a demandé plus de protection (par exemple un visage flouté ou le prénom seul).`;
    case 'minor':
      return `Une autorisation nécessaire pour montrer ${shownAs ?? 'une personne qui apparaît dans ce document'} manque.`;
    case 'renamed':
      return 'Le nom affiché pour une personne qui apparaît dans ce document doit être corrigé.';
    case 'linked':
      return "Une personne qui apparaît dans ce document n'avait pas donné l'accord nécessaire pour ce public.";
    case 'erased':
      return `${who} a demandé que ses données soient effacées.`;
    default:
      return "Ce que montre ce document n'est plus autorisé.";
  }
}

export function recallLetterText(input: {
  projectName: string;
  place: string;
  contact: string;
  today: string;
  record: ExportRecord;
  recipient: ExportRecipient;
  change: FlagChange | null;
  shownAs: string | null;
}): { title: string; paragraphs: string[]; steps: string[] } {
  const what = `${KIND_FR[input.record.kind] ?? 'le document'} « ${input.record.label} »`;
  return {
    title: `Merci de supprimer ${what}`,
    paragraphs: [
      `${input.projectName}${input.place ? ` — ${input.place}` : ''}`,
      `Le ${frenchDate(input.today)}`,
      `À : ${input.recipient.name}`,
      'Bonjour,',
      `Le ${frenchDate(input.recipient.givenOn)}, nous vous avons remis ${what} (public : ${AUDIENCE_LABELS_FR[input.record.audience]}).`,
      `${whatChangedFr(input.change, input.shownAs)} Ce document ne doit donc plus être montré.`,
    ],
    steps: [
      'Supprimez toutes les copies : fichiers, clés USB, courriels, impressions.',
      'Ne le montrez plus et ne le transmettez plus.',
      'Si vous l’avez transmis à quelqu’un, dites-nous à qui, pour que nous le prévenions aussi.',
      'Une version corrigée vous sera envoyée si elle est possible.',
    ],
  };
}

export async function writeRecallLetter(
  library: Library,
  exports: ExportsStore,
  exportId: number,
  recipientId: number,
): Promise<{ assetId: number; fileName: string; sizeBytes: number }> {
  const record = exports.get(exportId, 'exportId');
  if (!record.flaggedAt) {
    throw new AppError('invalid-input', `« ${record.label} » n'est pas à rappeler.`, {
      field: 'exportId',
      hint: 'Une lettre de rappel se fait pour un export de la liste « Exports à rappeler ».',
    });
  }
  const recipient = exports.recipient(recipientId);
  if (recipient.exportId !== record.id) {
    throw new AppError('invalid-input', `${recipient.name} n'a pas reçu cet export.`, { field: 'recipientId' });
  }
  const project = library.projects.get(record.projectId);
  const cause = exports.flagCause(record.id);
  const today = library.now().slice(0, 10);
  const text = recallLetterText({
    projectName: project.name,
    place: project.place,
    contact: project.withdrawalContact,
    today,
    record,
    recipient,
    change: cause.change,
    shownAs: cause.shownAs,
  });

  const { doc, bytes } = createPdf({ title: text.title, margins: { top: 60, bottom: 60, left: 65, right: 65 } });
  const [header, date, to, hello, ...body] = text.paragraphs;
  doc.font('bold').fontSize(13).fillColor('#1d2330').text(header!);
  doc.font('body').fontSize(12).text(date!, { align: 'right' }).moveDown(0.5).text(to!).moveDown(1);
  doc.font('bold').fontSize(16).text(`Objet : ${text.title}`, { structType: 'H1' }).moveDown(1);
  doc.font('body').fontSize(12).text(hello!).moveDown(0.6);
  for (const paragraph of body) doc.text(paragraph).moveDown(0.6);
  doc.font('bold').text('Ce que nous vous demandons :').moveDown(0.3);
  doc.font('body');
  for (const step of text.steps) doc.text(`•  ${step}`, { indent: 8 }).moveDown(0.2);
  doc.moveDown(0.6);
  doc.text(
    `La loi sur la protection des données (RGPD, article 19) nous demande de vous prévenir.${
      project.withdrawalContact ? ` Merci de nous confirmer la suppression : ${project.withdrawalContact}.` : ''
    }`,
  );
  doc.moveDown(1).text('Merci de votre aide.');
  doc.end();
  const pdf = await bytes;
  const fileName = `lettre-rappel-${today}-${Date.now().toString(36)}.pdf`;
  const relative = path.posix.join('exports', 'recall-letters', `export-${record.id}`, fileName);
  const asset = library.mediaAssets.store({ kind: 'recall-letter', relativePath: relative, mimeType: 'application/pdf', data: pdf });
  return { assetId: asset.id, fileName, sizeBytes: pdf.length };
}
