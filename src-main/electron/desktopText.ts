/** The words of the desktop shell (menu, dialogs, notifications), French first. */
import type { DesktopLanguage } from './desktopSettings';
import { frenchNumber } from '../../src-shared/frenchNumber';

const fr = {
  file: 'Fichier',
  settings: 'Réglages…',
  openLibraryFolder: 'Ouvrir le dossier de la bibliothèque',
  openLogsFolder: 'Ouvrir le dossier des journaux',
  quit: 'Quitter ERIC Studio',
  edit: 'Édition',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  view: 'Affichage',
  zoomIn: 'Agrandir le texte',
  zoomOut: 'Réduire le texte',
  resetZoom: 'Taille normale',
  fullScreen: 'Plein écran',
  reload: 'Recharger (développement)',
  devTools: 'Outils de développement',
  window: 'Fenêtre',
  minimize: 'Réduire',
  close: 'Fermer la fenêtre',
  help: 'Aide',
  about: 'À propos d’ERIC Studio',
  licences: 'Licences des composants',
  hide: 'Masquer ERIC Studio',
  hideOthers: 'Masquer les autres',
  showAll: 'Tout afficher',
  busyTitle: 'Un travail est en cours',
  busyRecording: 'Un enregistrement est en cours. Si vous quittez maintenant, il s’arrête ici (ce qui est déjà filmé est gardé).',
  busyReloading: 'Un enregistrement est en cours. Recharger la page l’arrête ici (ce qui est déjà filmé est gardé).',
  busyJobs: (count: number) =>
    count === 1
      ? 'Un export ou un traitement est en cours ; il sera annulé.'
      : `${frenchNumber(count)} exports ou traitements sont en cours ; ils seront annulés.`,
  keepWorking: 'Continuer le travail',
  quitAnyway: 'Quitter quand même',
  reloadAnyway: 'Recharger quand même',
  crashedTitle: 'ERIC Studio a redémarré sa fenêtre',
  crashedBody: 'La fenêtre s’est arrêtée d’elle-même. Ce qui était filmé a été gardé et se trouve dans la séance.',
  jobDoneTitle: 'Travail terminé',
  jobFailedTitle: 'Le travail n’a pas abouti',
  firstRunTitle: 'Où ranger vos vidéos ?',
  firstRunMessage: (dir: string) =>
    `ERIC Studio range les vidéos, les consentements et les exports dans un dossier, la « bibliothèque ».\n\nDossier proposé :\n${dir}\n\nVous pourrez le changer plus tard dans les Réglages.`,
  useThisFolder: 'Utiliser ce dossier',
  chooseAnother: 'Choisir un autre dossier…',
  chooseLibraryTitle: 'Choisir le dossier de la bibliothèque',
  startFailed: 'ERIC Studio n’a pas pu démarrer',
};

const en: typeof fr = {
  file: 'File',
  settings: 'Settings…',
  openLibraryFolder: 'Open the library folder',
  openLogsFolder: 'Open the logs folder',
  quit: 'Quit ERIC Studio',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  zoomIn: 'Larger text',
  zoomOut: 'Smaller text',
  resetZoom: 'Normal size',
  fullScreen: 'Full screen',
  reload: 'Reload (development)',
  devTools: 'Developer tools',
  window: 'Window',
  minimize: 'Minimise',
  close: 'Close the window',
  help: 'Help',
  about: 'About ERIC Studio',
  licences: 'Component licences',
  hide: 'Hide ERIC Studio',
  hideOthers: 'Hide others',
  showAll: 'Show all',
  busyTitle: 'Work is in progress',
  busyRecording: 'A recording is in progress. If you quit now it stops here (what was filmed is kept).',
  busyReloading: 'A recording is in progress. Reloading the page stops it here (what was filmed is kept).',
  busyJobs: (count: number) =>
    count === 1
      ? 'An export or a processing job is running; it will be cancelled.'
      : `${count} exports or jobs are running; they will be cancelled.`,
  keepWorking: 'Keep working',
  quitAnyway: 'Quit anyway',
  reloadAnyway: 'Reload anyway',
  crashedTitle: 'ERIC Studio restarted its window',
  crashedBody: 'The window stopped by itself. What was filmed has been kept and is in the session.',
  jobDoneTitle: 'Work finished',
  jobFailedTitle: 'The work did not finish',
  firstRunTitle: 'Where should your videos go?',
  firstRunMessage: (dir: string) =>
    `ERIC Studio keeps videos, consents and exports in one folder, the “library”.\n\nSuggested folder:\n${dir}\n\nYou can change it later in Settings.`,
  useThisFolder: 'Use this folder',
  chooseAnother: 'Choose another folder…',
  chooseLibraryTitle: 'Choose the library folder',
  startFailed: 'ERIC Studio could not start',
};

export type DesktopText = typeof fr;

export function desktopText(language: DesktopLanguage): DesktopText {
  return language === 'en' ? en : fr;
}
