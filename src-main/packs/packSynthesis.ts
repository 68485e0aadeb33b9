/**
 * `synthese.pdf`: the printable synthesis of a pack — context, key figures, themes
 * with quotes and stills, and the list of clips with their durations. Names appear only
 * as the consent for the pack's audience allows (they come from the pack content).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPdf } from '../platform/pdfDocument';
import { AUDIENCE_LABELS_FR } from '../consent/frenchLabels';
import type { PackContent } from './packContent';
import { figuresInWords, formatDuration, quoted, roleCount } from './packPage';

const MARGIN = 50;

export async function writePackSynthesis(content: PackContent, packDir: string, output: string): Promise<void> {
  const { doc, bytes, figure } = createPdf({
    title: `${content.project.name} — synthèse`,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  const width = doc.page.width - MARGIN * 2;
  const heading = (text: string, size = 15) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc
      .moveDown(0.6)
      .font('bold')
      .fontSize(size)
      .fillColor('#1e2a4a')
      .text(text, { width, structType: 'H2' })
      .fillColor('#1b1b1b')
      .moveDown(0.3);
  };
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('body')
      .fontSize(10.5)
      .text(text, { width, ...options });

  doc.font('bold').fontSize(20).fillColor('#1e2a4a').text(content.project.name, { width, structType: 'H1' });
  doc
    .font('body')
    .fontSize(11)
    .fillColor('#444')
    .text(`Synthèse de restitution — destinée à : ${AUDIENCE_LABELS_FR[content.audience]}`, { width });
  doc.fillColor('#1b1b1b');
  if (content.project.place) body(content.project.place);

  heading('Le projet');
  if (content.project.description) body(content.project.description);
  const figures = content.figures;
  const words = figuresInWords(figures);
  // videos imported outside any session: no « tournées pendant 0 séance »
  body(
    `Dans ce dossier : ${words.videos} (${words.duration} en tout)${figures.sessions > 0 ? `, tournées pendant ${words.sessions} d’atelier` : ''}.`,
  );
  body(`Personnes filmées : ${figures.peopleByRole.map((entry) => roleCount(entry.role, entry.count)).join(', ') || 'aucune'}`);

  if (content.montages.length) {
    heading('Le film');
    for (const montage of content.montages) body(`• ${montage.name} (${formatDuration(montage.durationSeconds)}) — ${montage.file}`);
  }

  for (const theme of content.themes) {
    heading(`Thème : ${theme.name}`);
    for (const clip of theme.clips) {
      if (doc.y > doc.page.height - 200) doc.addPage();
      const top = doc.y;
      const still = clip.still ? path.join(packDir, ...clip.still.split('/')) : null;
      if (still && fs.existsSync(still)) figure(`Image de l’extrait « ${clip.name} »`, () => doc.image(still, MARGIN, top, { width: 150 }));
      const textX = still ? MARGIN + 165 : MARGIN;
      const who = [clip.speaker, clip.role].filter(Boolean).join(', ');
      doc
        .font('bold')
        .fontSize(11)
        .text(`${clip.name} (${formatDuration(clip.durationSeconds)})`, textX, top, { width: width - (textX - MARGIN), structType: 'H3' });
      if (who)
        doc
          .font('body')
          .fontSize(9.5)
          .fillColor('#555')
          .text(who, { width: width - (textX - MARGIN) })
          .fillColor('#1b1b1b');
      for (const quote of clip.quotes) {
        const by = [quote.by, quote.role].filter(Boolean).join(', ');
        doc
          .font('body')
          .fontSize(10.5)
          .text(`${quoted(quote.text)}${by ? ` — ${by}` : ''}`, { width: width - (textX - MARGIN) });
      }
      doc.y = Math.max(doc.y, still ? top + 92 : doc.y) + 10;
      doc.x = MARGIN;
    }
  }

  heading('Liste des extraits');
  const all = content.themes.flatMap((theme) => theme.clips.map((clip) => ({ theme: theme.name, clip })));
  const seen = new Set<string>();
  for (const { theme, clip } of all) {
    if (seen.has(clip.file)) continue;
    seen.add(clip.file);
    body(`• ${clip.name} — ${formatDuration(clip.durationSeconds)} — ${theme} — ${clip.file}`);
  }
  doc.moveDown(1);
  doc.font('body').fontSize(8.5).fillColor('#555');
  doc.text(
    `Les personnes filmées ont donné leur accord pour ce public ; merci de ne pas diffuser au-delà.${content.project.withdrawalContact ? ` Pour retirer un accord : ${content.project.withdrawalContact}.` : ''}`,
    MARGIN,
    doc.y,
    { width },
  );
  doc
    .moveDown(0.5)
    .fontSize(7.5)
    .text(`Informations techniques : identifiant ${content.packId}, ERIC Studio ${content.appVersion}.`, MARGIN, doc.y, { width });
  doc.end();
  fs.writeFileSync(output, await bytes);
}
