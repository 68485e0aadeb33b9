/**
 * The one home of what an input field is called in French, with its article, so an
 * error can say "Le titre est obligatoire" rather than "title: Required". Keyed by the
 * field's name in the contract (the last part of its path); `plural` for lists.
 */
export interface FieldLabel {
  /** With its article, lower case: "le titre", "la date de début", "l’extrait". */
  label: string;
  plural?: boolean;
}

export const FIELD_LABELS_FR: Readonly<Record<string, FieldLabel>> = {
  id: { label: 'l’élément' },
  name: { label: 'le nom' },
  title: { label: 'le titre' },
  kind: { label: 'le type de projet' },
  place: { label: 'le lieu' },
  description: { label: 'la description' },
  date: { label: 'la date' },
  startDate: { label: 'la date de début' },
  endDate: { label: 'la date de fin' },
  birthDate: { label: 'la date de naissance' },
  decidedOn: { label: 'la date de la décision' },
  emancipatedOn: { label: 'la date d’émancipation' },
  givenOn: { label: 'la date de l’accord' },
  expiresOn: { label: 'la date de fin' },
  validUntil: { label: 'la date de fin de validité' },
  displayName: { label: 'le nom' },
  givenName: { label: 'le prénom' },
  familyName: { label: 'le nom de famille' },
  role: { label: 'le rôle' },
  part: { label: 'le rôle affiché sous le nom' },
  relationship: { label: 'le lien avec le jeune' },
  projectId: { label: 'le projet' },
  sessionId: { label: 'la séance' },
  recordingId: { label: 'l’enregistrement' },
  personId: { label: 'la personne' },
  animatorPersonId: { label: 'la personne qui anime' },
  speakerPersonId: { label: 'la personne qui parle' },
  quotedPersonId: { label: 'la personne citée' },
  authorPersonId: { label: 'la personne qui écrit' },
  clipId: { label: 'l’extrait' },
  exportId: { label: 'l’export' },
  parentId: { label: 'le commentaire auquel vous répondez' },
  criterionId: { label: 'le critère' },
  text: { label: 'le texte' },
  content: { label: 'le contenu du fichier' },
  label: { label: 'l’étiquette' },
  category: { label: 'la catégorie' },
  tag: { label: 'le thème' },
  tags: { label: 'les thèmes', plural: true },
  themes: { label: 'les thèmes', plural: true },
  audience: { label: 'le public' },
  audiences: { label: 'les publics', plural: true },
  scope: { label: 'l’usage' },
  scopes: { label: 'les usages', plural: true },
  method: { label: 'la façon dont l’accord a été donné' },
  conditions: { label: 'les conditions', plural: true },
  reason: { label: 'la raison' },
  soleHolderReason: { label: 'la raison' },
  minorAgreed: { label: 'l’accord du jeune' },
  guardianIds: { label: 'les parents ou tuteurs', plural: true },
  capacity: { label: 'la qualité de la personne qui signe' },
  proof: { label: 'la preuve' },
  withdrawalContact: { label: 'le contact pour retirer son accord' },
  startSeconds: { label: 'le début' },
  endSeconds: { label: 'la fin' },
  inSeconds: { label: 'le début' },
  outSeconds: { label: 'la fin' },
  atSeconds: { label: 'le moment' },
  stillSeconds: { label: 'le moment de l’image' },
  fadeSeconds: { label: 'la durée du fondu' },
  blurBox: { label: 'la zone à flouter' },
  preset: { label: 'la qualité' },
  items: { label: 'les éléments du film', plural: true },
  people: { label: 'les personnes', plural: true },
  personIds: { label: 'les personnes', plural: true },
  clipIds: { label: 'les extraits', plural: true },
  montageIds: { label: 'les films', plural: true },
  destination: { label: 'le fichier de destination' },
  retentionMonths: { label: 'la durée de conservation' },
  language: { label: 'la langue' },
  query: { label: 'la recherche' },
  score: { label: 'la note' },
  data: { label: 'le fichier' },
  seq: { label: 'le numéro du morceau' },
  changes: { label: 'les modifications', plural: true },
  libraryDir: { label: 'le dossier de la bibliothèque' },
  ffmpegPath: { label: 'le chemin de ffmpeg' },
  ffprobePath: { label: 'le chemin de ffprobe' },
  idempotencyKey: { label: 'la clé de requête' },
};

/** The field's label (its last named part), or a neutral one; `null` path → the whole request. */
export function fieldLabelFr(path: readonly (string | number)[]): FieldLabel {
  const named = [...path].reverse().find((part): part is string => typeof part === 'string');
  return (named && FIELD_LABELS_FR[named]) || { label: named ? `le champ « ${named} »` : 'la demande' };
}
