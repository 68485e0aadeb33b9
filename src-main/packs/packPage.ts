/**
 * The pack's `index.html`: one self-contained, accessible French page that opens from
 * the file system with no server and no internet. Subtitles are embedded as data: URLs
 * in each <track> (browsers refuse to load a .vtt from file://); the .vtt files sit
 * beside the videos too. No script runs: the page forbids scripts in its own CSP.
 */
import { AUDIENCE_LABELS_FR } from '../consent/frenchLabels';
import { cuesToVtt } from '../media/subtitleFormats';
import type { PackClip, PackContent, PackVideo } from './packContent';
import { localToday } from '../../src-shared/age';
import { frenchLongDate } from '../../src-shared/frenchDate';
import { frenchCount } from '../../src-shared/frenchNumber';
import { PERSON_ROLE_COUNT_FR } from '../../src-shared/contract/vocabulary';
import type { PersonRole } from '../../src-shared/contract/schemas';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Footage as people say it: "45 min", "2 h 05". */
export function formatFilmed(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return seconds > 0 && minutes === 0 ? 'moins d’1 min' : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

/** A quote between French guillemets, once: a text already quoted (« … », "…", “…”) is not quoted again. */
export function quoted(text: string): string {
  let inner = text.trim();
  for (const [open, close] of [
    ['«', '»'],
    ['"', '"'],
    ['“', '”'],
  ] as const) {
    if (inner.startsWith(open) && inner.endsWith(close) && inner.length >= 2) inner = inner.slice(open.length, -close.length).trim();
  }
  return `« ${inner} »`;
}

/** "2 jeunes", "1 employeur". */
export function roleCount(role: PersonRole, count: number): string {
  const [singular, plural] = PERSON_ROLE_COUNT_FR[role];
  return frenchCount(count, singular, plural);
}

/** The key figures of what is in the pack, in French with plurals ("1 séance · 3 vidéos · 4 min"). */
export function figuresInWords(figures: PackContent['figures']): { sessions: string; videos: string; duration: string; people: string } {
  const people = figures.peopleByRole.reduce((sum, entry) => sum + entry.count, 0);
  return {
    sessions: frenchCount(figures.sessions, 'séance'),
    videos: frenchCount(figures.recordings, 'vidéo'),
    duration: formatFilmed(figures.filmedSeconds),
    people: frenchCount(people, 'personne filmée', 'personnes filmées'),
  };
}

function formatDateFr(iso: string | null): string {
  return iso ? frenchLongDate(iso) : '';
}

function video(item: PackVideo, headingId: string): string {
  const track = item.cues.length
    ? `\n      <track kind="subtitles" srclang="fr" label="Français" default src="data:text/vtt;charset=utf-8;base64,${Buffer.from(cuesToVtt(item.cues)).toString('base64')}">`
    : '';
  return `<video controls preload="metadata" aria-labelledby="${headingId}"${item.still ? ` poster="${escapeHtml(item.still)}"` : ''}>
      <source src="${escapeHtml(item.file)}" type="video/mp4">${track}
      <p>Votre navigateur ne lit pas cette vidéo : ouvrez <a href="${escapeHtml(item.file)}">${escapeHtml(item.file)}</a>.</p>
    </video>`;
}

function clipBlock(clip: PackClip, id: string): string {
  const who = [clip.speaker, clip.role]
    .filter(Boolean)
    .map((part) => escapeHtml(part!))
    .join(', ');
  const quotes = clip.quotes
    .map((quote) => {
      const by = [quote.by, quote.role]
        .filter(Boolean)
        .map((part) => escapeHtml(part!))
        .join(', ');
      return `<blockquote><p>${escapeHtml(quoted(quote.text))}</p>${by ? `<footer>— ${by}</footer>` : ''}</blockquote>`;
    })
    .join('\n    ');
  return `<article class="clip">
    <h4 id="${id}">${escapeHtml(clip.name)} <span class="duration">(${formatDuration(clip.durationSeconds)})</span></h4>
    ${who ? `<p class="who">${who}</p>` : ''}
    ${video(clip, id)}
    ${quotes}
  </article>`;
}

export function renderPackPage(content: PackContent): string {
  const { project, figures } = content;
  const audience = AUDIENCE_LABELS_FR[content.audience];
  const dates = project.startDate && project.endDate ? `du ${formatDateFr(project.startDate)} au ${formatDateFr(project.endDate)}` : '';
  const roles = figures.peopleByRole.map((entry) => `<li>${escapeHtml(roleCount(entry.role, entry.count))}</li>`).join('');
  const words = figuresInWords(figures);
  const montages = content.montages
    .map(
      (
        montage,
        i,
      ) => `<section class="montage"><h3 id="montage-${i}">${escapeHtml(montage.name)} <span class="duration">(${formatDuration(montage.durationSeconds)})</span></h3>
    ${video(montage, `montage-${i}`)}</section>`,
    )
    .join('\n');
  const themes = content.themes
    .map(
      (theme, t) => `<section class="theme" aria-labelledby="theme-${t}">
  <h3 id="theme-${t}">${escapeHtml(theme.name)}</h3>
  ${theme.clips.map((clip, c) => clipBlock(clip, `clip-${t}-${c}`)).join('\n  ')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(project.name)} — restitution (${escapeHtml(audience)})</title>
<style>
  body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; margin: 0; color: #1b1b1b; background: #f6f5f1; line-height: 1.5; }
  header, main, footer.page { max-width: 960px; margin: 0 auto; padding: 1rem 1.5rem; }
  header { border-bottom: 4px solid #1e2a4a; }
  h1 { margin: 0.2rem 0; color: #1e2a4a; }
  .audience { display: inline-block; background: #1e2a4a; color: #fff; padding: 0.1rem 0.6rem; border-radius: 1rem; font-size: 0.9rem; }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 0.8rem; list-style: none; padding: 0; }
  .figures > li { background: #fff; border-radius: 8px; padding: 0.8rem; }
  .figures strong { display: block; font-size: 1.6rem; color: #1e2a4a; }
  .technical { font-size: 0.8rem; color: #555; border-top: 1px solid #ccc; margin-top: 1.5rem; }
  .technical h2 { font-size: 0.9rem; }
  video { width: 100%; max-height: 70vh; background: #000; border-radius: 8px; }
  .clip, .montage { background: #fff; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
  .duration, .who { color: #555; font-weight: normal; }
  blockquote { margin: 0.8rem 0; padding: 0.4rem 1rem; border-left: 4px solid #ffd166; background: #fffbef; }
  blockquote footer { color: #555; }
  a { color: #1f4fbf; }
  :focus { outline: 3px solid #ffd166; }
</style>
</head>
<body>
<header>
  <p class="audience">Destiné à : ${escapeHtml(audience)}</p>
  <h1>${escapeHtml(project.name)}</h1>
  <p>${escapeHtml([project.place, dates].filter(Boolean).join(', '))}</p>
</header>
<main>
<section aria-labelledby="context">
  <h2 id="context">Le projet</h2>
  ${project.description ? `<p>${escapeHtml(project.description)}</p>` : ''}
  <ul class="figures">
    <li><strong>${words.videos}</strong> dans ce dossier</li>
    <li><strong>${words.duration}</strong> de vidéo en tout</li>
    ${figures.sessions > 0 ? `<li><strong>${words.sessions}</strong> d’atelier ${figures.sessions > 1 ? 'filmées' : 'filmée'}</li>` : ''}
    <li><strong>${words.people}</strong><ul>${roles}</ul></li>
  </ul>
</section>
${content.montages.length ? `<section aria-labelledby="montages"><h2 id="montages">Le film</h2>\n${montages}\n</section>` : ''}
${content.themes.length ? `<section aria-labelledby="themes"><h2 id="themes">Extraits par thème</h2>\n${themes}\n</section>` : ''}
</main>
<footer class="page">
  <p>Les personnes filmées ont donné leur accord pour ce public (${escapeHtml(audience)}) ; merci de ne pas diffuser ces vidéos au-delà.
  ${project.withdrawalContact ? `Pour retirer un accord : ${escapeHtml(project.withdrawalContact)}.` : ''}</p>
  <p>Dossier préparé le ${formatDateFr(localToday(new Date(content.createdAt)))}.</p>
  <section class="technical" aria-labelledby="technical">
    <h2 id="technical">Informations techniques</h2>
    <p>Identifiant ${escapeHtml(content.packId)}, ERIC Studio ${escapeHtml(content.appVersion)}. Le fichier manifest.json permet de vérifier que rien n’a été modifié.</p>
  </section>
</footer>
</body>
</html>
`;
}
