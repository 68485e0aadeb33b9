/**
 * Consent as the app uses it: recording a decision (with its audit entry and the
 * recall of earlier exports on withdrawal), answering "may this recording reach this
 * audience", and the project dashboard. Erasure lives in privacy/erasure.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { ApiEventBus } from '../platform/eventBus';
import type {
  ConsentDashboard,
  Person,
  PersonConsent,
  PolicyDecisionView,
  RecordingCheck,
  SetConsentInput,
  SetManyConsentInput,
} from '../../src-shared/contract/schemas';
import { AUDIENCES } from '../../src-shared/contract/vocabulary';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import { addDays, addMonths, ageOn, eighteenthBirthday, isMinorOn, localToday } from '../../src-shared/age';
import {
  canBeFilmed,
  canShow,
  canShowRecording,
  consentValidUntil,
  missingAuthorisations,
  type Audience,
  type ConsentScope,
  type PersonForPolicy,
  type PolicyDecision,
} from './consentPolicy';
import { ConsentStore, type GuardianFields, type StoredConsent } from './consentStore';
import { CONSENT_FORM_VERSION, KNOWN_CONSENT_FORMS } from './consentFormVersion';
import { CAPACITY_LABELS_FR, SCOPE_LABELS_FR, describeMissingFr, frenchDate } from './frenchLabels';
import { MAX_SIGNATURE_PNG_BYTES, type ConsentView, type Guardian, type UpdateGuardianInput } from '../../src-shared/contract/schemas';
import { Recall } from './recall';
import { SCOPE_PHRASE_FR } from './recallReasons';
import type { ExportsStore } from '../exports/exportsStore';
import { createTextGate, type TextGate } from './textGate';

export interface ConsentDeps {
  library: Library;
  events: ApiEventBus;
  /** The exports register: flags what a narrowed consent no longer allows. */
  exports: ExportsStore;
}

const EVIDENCE_MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** "parent 2", "seul titulaire de l’autorité parentale": the capacity in a recall sentence. */
function capacityFr(capacity: Guardian['capacity']): string {
  return CAPACITY_LABELS_FR[capacity].replace(/ \(.*\)$/, '');
}

function assertReasonFitsCapacity(fields: Pick<Guardian, 'capacity' | 'soleHolderReason'>): void {
  if (fields.soleHolderReason && fields.capacity !== 'sole-holder') {
    throw new AppError('invalid-input', 'Une raison ne s’indique que pour un seul titulaire de l’autorité parentale.', {
      field: 'soleHolderReason',
    });
  }
}

export function toDecisionView(decision: PolicyDecision): PolicyDecisionView {
  return {
    decision: decision.decision,
    conditions: decision.decision === 'allowed-with' ? decision.conditions : [],
    reasons: decision.decision === 'refused' ? decision.reasons : [],
  };
}

export class ConsentService {
  readonly store: ConsentStore;
  /** Flags what a narrowed consent, a changed person or a new link no longer allows. */
  readonly recall: Recall;

  constructor(private readonly deps: ConsentDeps) {
    this.store = new ConsentStore(deps.library.db, deps.library.now);
    this.recall = new Recall({ library: deps.library, store: this.store, exports: deps.exports });
  }

  /** Today in the site's time zone, from the library's clock (tests pin it). */
  localToday(): string {
    return localToday(new Date(this.library.now()));
  }

  private get library(): Library {
    return this.deps.library;
  }

  /** The machine's local date (through the library's clock, so tests can pin it). */
  private today(): string {
    return localToday(new Date(this.library.now()));
  }

  /** The person as the policy reads them: with the day of emancipation, if one was recorded. */
  policyPerson(person: Person): Person & PersonForPolicy {
    return { ...person, emancipatedOn: this.store.emancipation(person.id)?.emancipatedOn ?? null };
  }

  /** A stored consent with what the law derives from it: what is missing, and its last day of use. */
  private withLaw(person: PersonForPolicy, view: StoredConsent, on: string): ConsentView {
    if (!view.recorded || view.status !== 'granted') return { ...view, missing: [], validUntil: view.expiresOn, validUntilMajority: false };
    const { validUntil, atMajority } = consentValidUntil(person, view);
    return {
      ...view,
      missing: missingAuthorisations(person, view, view.decidedOn ?? on),
      validUntil,
      validUntilMajority: atMajority,
    };
  }

  private announce(person: Person): void {
    this.deps.events.emit('data.changed', { entity: 'consent', id: person.id, projectId: person.projectId, change: 'updated' });
  }

  show(personId: number, on = this.today()): PersonConsent {
    const person = this.library.people.get(personId, 'personId');
    const age = person.birthDate ? ageOn(person.birthDate, on) : null;
    const forPolicy = this.policyPerson(person);
    const minor = isMinorOn(person.birthDate, on);
    return {
      person,
      age,
      minor,
      under15: age !== null && age < 15,
      scopes: this.store.views(personId).map((view) => this.withLaw(forPolicy, view, on)),
      guardians: this.store.guardians(personId),
      history: this.store.history(personId),
      emancipation: this.store.emancipation(personId),
      majorityOn: minor ? eighteenthBirthday(person.birthDate!) : null,
    };
  }

  set(input: SetConsentInput): { consent: PersonConsent; flaggedExports: number[] } {
    const result = this.library.db.transaction(() => this.applySet(input))();
    this.announce(result.person);
    return { consent: this.show(result.person.id), flaggedExports: result.flagged };
  }

  /**
   * Several scopes of one person in one transaction (the consent editor saves a person at
   * once): each change goes through the same rules as `set`, with its own audit row; the
   * first refusal undoes them all and names the scope and the field (`changes.<i>.<field>`).
   */
  setMany(input: SetManyConsentInput): { consent: PersonConsent; flaggedExports: number[] } {
    const flagged = this.library.db.transaction(() => {
      const all: number[] = [];
      for (const [index, change] of input.changes.entries()) {
        try {
          all.push(
            ...this.applySet({
              ...change,
              personId: input.personId,
              actor: input.actor,
              reason: input.reason,
              screenSignatures: input.screenSignatures,
            }).flagged,
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          throw new AppError(error.code, `Accord ${SCOPE_PHRASE_FR[change.scope]} : ${error.message}`, {
            field: error.field === undefined || error.field === 'personId' ? error.field : `changes.${index}.${error.field}`,
            hint: error.hint,
            cause: error,
          });
        }
      }
      return [...new Set(all)];
    })();
    const person = this.library.people.get(input.personId, 'personId');
    this.announce(person);
    return { consent: this.show(person.id), flaggedExports: flagged };
  }

  private applySet(input: SetConsentInput): { person: Person; flagged: number[] } {
    {
      const person = this.library.people.get(input.personId, 'personId');
      const project = this.library.projects.get(person.projectId);
      const previous = this.store.views(person.id).find((view) => view.scope === input.scope)!;
      const previousRecords = this.store.records(person.id);
      const today = this.today();
      const decidedOn = input.decidedOn ?? today;
      if (decidedOn > today) {
        throw new AppError('invalid-input', `La date du consentement (decidedOn) est dans le futur : ${frenchDate(decidedOn)}.`, {
          field: 'decidedOn',
          hint: `Indiquez le jour où la personne a donné sa réponse, au plus tard aujourd’hui (${frenchDate(today)}).`,
        });
      }
      const method = input.method !== undefined ? input.method : previous.method;
      if (input.status === 'granted' && !method) {
        throw new AppError('invalid-input', 'Il manque la façon dont l’accord a été donné (champ « Comment ? »).', {
          field: 'method',
          hint: 'Choisissez : formulaire signé, signature à l’écran ou accord oral filmé.',
        });
      }
      const guardianIds = input.guardianIds ?? previous.guardianIds;
      this.store.assertGuardiansOf(person.id, guardianIds);
      const evidenceRecordingId = input.evidenceRecordingId !== undefined ? input.evidenceRecordingId : previous.evidenceRecordingId;
      if (method === 'filmed-oral-consent' && input.status === 'granted') {
        if (!evidenceRecordingId) {
          throw new AppError('invalid-input', 'Il manque la vidéo où l’accord oral a été filmé (champ « Vidéo de l’accord oral »).', {
            field: 'evidenceRecordingId',
            hint: 'Choisissez la vidéo où la personne donne son accord, ou une autre façon de donner l’accord.',
          });
        }
        if (this.library.recordings.get(evidenceRecordingId).projectId !== person.projectId) {
          throw new AppError(
            'invalid-input',
            `L’enregistrement n° ${evidenceRecordingId} ne fait pas partie du projet de cette personne.`,
            {
              field: 'evidenceRecordingId',
            },
          );
        }
      }
      const from = input.evidenceFromSeconds !== undefined ? input.evidenceFromSeconds : previous.evidenceFromSeconds;
      const to = input.evidenceToSeconds !== undefined ? input.evidenceToSeconds : previous.evidenceToSeconds;
      if (from !== null && to !== null && to < from) {
        throw new AppError('invalid-input', 'Dans la vidéo de l’accord oral, la fin du passage est avant son début.', {
          field: 'evidenceToSeconds',
        });
      }
      const expiresOn =
        input.expiresOn !== undefined
          ? input.expiresOn
          : input.status === 'granted'
            ? addMonths(decidedOn, project.retentionMonths)
            : previous.expiresOn;
      if (expiresOn && expiresOn < decidedOn) {
        throw new AppError('invalid-input', 'La date de fin de validité est avant la date de l’accord.', { field: 'expiresOn' });
      }
      const conditions = input.conditions ?? previous.conditions;
      const minorAgreed = input.minorAgreed ?? previous.minorAgreed;
      const guardians = new Map(this.store.guardians(person.id).map((guardian) => [guardian.id, guardian]));
      const signatories = guardianIds.map((id) => guardians.get(id)!);
      if (input.status === 'granted') {
        const missing = missingAuthorisations(this.policyPerson(person), { scope: input.scope, minorAgreed, signatories }, decidedOn);
        if (missing.length) {
          throw new AppError(
            'invalid-input',
            `${person.displayName} était mineur ou mineure le ${frenchDate(decidedOn)} : cet accord ${SCOPE_PHRASE_FR[input.scope]} ne peut pas être enregistré comme accordé. Il manque : ${missing.map(describeMissingFr).join(' ; ')}.`,
            {
              field: missing.length === 1 && missing[0] === 'minor-agreement' ? 'minorAgreed' : 'guardianIds',
              hint: 'Ajoutez les parents (parent 1, parent 2, ou seul titulaire avec la raison) et cochez ceux qui ont signé, avec l’accord du jeune. Sinon, enregistrez « en attente ».',
            },
          );
        }
      }
      // signatures this save brings, with those the agreement already holds from signers still signing it
      const screen = mergeScreenSignatures(
        screenSignaturesOf(input, method ?? null, guardianIds),
        previous.method === 'on-screen-signature' ? previous.screenSignatures : [],
        guardianIds,
      );
      if (input.status === 'granted' && method === 'on-screen-signature') {
        const have = screen ?? previous.screenSignatures;
        const unsigned = [
          ...(have.some((signature) => signature.signer === 'person') ? [] : [person.displayName]),
          ...guardianIds
            .filter((id) => !have.some((signature) => signature.signer === 'guardian' && signature.guardianId === id))
            .map((id) => guardians.get(id)!.name),
        ];
        if (unsigned.length) {
          throw new AppError('invalid-input', `Signature à l’écran : il manque la signature de ${unsigned.join(', ')}.`, {
            field: 'screenSignatures',
            hint: 'Faites signer chaque personne dans son cadre « Signez ici », ou cochez « Signer en écrivant son nom » pour qui ne peut pas signer à la main. Sinon, choisissez une autre façon de donner l’accord.',
          });
        }
      }
      const formVersion = input.formVersion ?? (input.status === 'granted' ? CONSENT_FORM_VERSION : previous.formVersion);
      if (formVersion !== null && !(formVersion in KNOWN_CONSENT_FORMS)) {
        throw new AppError('invalid-input', `La version de formulaire « ${formVersion} » est inconnue.`, {
          field: 'formVersion',
          hint: `Versions connues : ${Object.keys(KNOWN_CONSENT_FORMS).join(', ')}.`,
        });
      }
      const formSha256 = formVersion === null ? null : (KNOWN_CONSENT_FORMS[formVersion] ?? null);
      const place = input.place ?? previous.place;
      this.store.upsert({
        personId: person.id,
        scope: input.scope,
        status: input.status,
        decidedOn,
        method: method ?? null,
        evidenceAssetId: previous.evidenceAssetId,
        evidenceRecordingId: evidenceRecordingId ?? null,
        evidenceFromSeconds: from,
        evidenceToSeconds: to,
        conditions,
        expiresOn: expiresOn ?? null,
        minorAgreed,
        guardianIds,
        place,
        formVersion,
        formSha256,
      });
      if (screen) this.store.replaceScreenSignatures(person.id, input.scope, screen, decidedOn);
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: 'set',
        scope: input.scope,
        change: {
          from: previous.recorded ? previous.status : null,
          to: input.status,
          decidedOn,
          method,
          conditions,
          expiresOn,
          minorAgreed,
          guardians: guardianIds.length,
          capacities: signatories.map((guardian) => guardian.capacity),
          place,
          formVersion,
          ...(screen ? { screenSignatures: screen.length } : {}),
        },
        actor: input.actor,
        reason: input.reason,
      });
      const flagged = this.recall.afterConsentChange({
        person,
        scope: input.scope,
        previous: {
          status: previous.recorded ? previous.status : 'pending',
          conditions: previous.conditions,
          expiresOn: previous.expiresOn,
          records: previousRecords,
        },
        next: { status: input.status, conditions, expiresOn: expiresOn ?? null, records: this.store.records(person.id) },
        decidedOn,
        on: this.localToday(),
      });
      return { person, flagged };
    }
  }

  addGuardian(personId: number, fields: Partial<GuardianFields> & { name: string }, actor?: string): PersonConsent {
    const person = this.library.people.get(personId, 'personId');
    const complete: GuardianFields = {
      name: fields.name,
      relationship: fields.relationship ?? '',
      capacity: fields.capacity ?? 'parent-1',
      soleHolderReason: fields.soleHolderReason ?? null,
      soleHolderDetail: fields.soleHolderDetail ?? '',
    };
    assertReasonFitsCapacity(complete);
    this.library.db.transaction(() => {
      const guardian = this.store.addGuardian(person.id, complete);
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: 'guardian-added',
        change: {
          guardianId: guardian.id,
          relationship: complete.relationship,
          capacity: complete.capacity,
          soleHolderReason: complete.soleHolderReason,
        },
        actor,
      });
    })();
    this.announce(person);
    return this.show(person.id);
  }

  /** Corrects a signatory's capacity (e.g. a guardian recorded before schema 10, counted as parent 1). */
  updateGuardian(input: UpdateGuardianInput): PersonConsent {
    const existing = this.store.guardian(input.guardianId);
    const person = this.library.people.get(existing.personId);
    const capacity = input.capacity ?? existing.capacity;
    const fields = {
      relationship: input.relationship ?? existing.relationship,
      capacity,
      soleHolderReason:
        capacity !== 'sole-holder' ? null : input.soleHolderReason !== undefined ? input.soleHolderReason : existing.soleHolderReason,
      soleHolderDetail: input.soleHolderDetail ?? (capacity === 'sole-holder' ? existing.soleHolderDetail : ''),
    };
    this.library.db.transaction(() => {
      const forPolicy = this.policyPerson(person);
      const before = this.store.records(person.id);
      this.store.updateGuardian(existing.id, fields);
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: 'guardian-updated',
        change: { guardianId: existing.id, from: existing.capacity, to: fields.capacity, soleHolderReason: fields.soleHolderReason },
        actor: input.actor,
        reason: input.reason,
      });
      // a capacity that no longer completes the signatures narrows what the consent allows: recall
      this.recall.afterSignatoriesChange({
        before: { person: forPolicy, records: before },
        after: { person: forPolicy, records: this.store.records(person.id) },
        what: `Qualité d’un parent signataire pour ${person.displayName} corrigée (${capacityFr(existing.capacity)} → ${capacityFr(fields.capacity)})`,
        on: this.today(),
      });
    })();
    this.announce(person);
    return this.show(person.id);
  }

  /**
   * Removes a parent entered by mistake (a typo, the wrong family). A parent whose signature
   * backs a recorded agreement (granted, or granted then withdrawn: the proof of what was
   * allowed until then, RGPD art. 7(1)) is refused, naming those agreements: change them
   * first. A refusal they signed is no authorisation and goes with them. The log keeps the
   * removal without the name.
   */
  removeGuardian(input: { guardianId: number; actor?: string; reason?: string }): PersonConsent {
    const existing = this.store.guardian(input.guardianId);
    const person = this.library.people.get(existing.personId);
    const backed = this.store
      .views(person.id)
      .filter((view) => view.recorded && view.status !== 'refused' && view.guardianIds.includes(existing.id));
    if (backed.length) {
      throw new AppError(
        'conflict',
        `Ce parent a signé ${backed.length > 1 ? 'les accords' : 'l’accord'} ${backed.map((view) => `« ${SCOPE_LABELS_FR[view.scope] ?? view.scope} »`).join(', ')} de ${person.displayName} : sa signature en est la preuve, il ne peut pas être retiré.`,
        {
          field: 'guardianId',
          hint: 'Si ce parent n’a pas signé, enregistrez d’abord ces accords à nouveau sans lui (ou marquez-les refusés), puis retirez-le.',
        },
      );
    }
    this.library.db.transaction(() => {
      this.store.removeGuardian(existing.id);
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: 'guardian-removed',
        change: { guardianId: existing.id, capacity: existing.capacity },
        actor: input.actor,
        reason: input.reason,
      });
    })();
    this.announce(person);
    return this.show(person.id);
  }

  /** Records (or removes) an emancipation: from that day the person consents as an adult. */
  setEmancipation(input: {
    personId: number;
    emancipatedOn: string | null;
    proof?: string;
    actor?: string;
    reason?: string;
  }): PersonConsent {
    const person = this.library.people.get(input.personId, 'personId');
    if (input.emancipatedOn !== null) {
      if (!input.proof) {
        throw new AppError('invalid-input', 'Une émancipation s’enregistre avec sa preuve.', {
          field: 'proof',
          hint: 'Écrivez la décision qui la prononce : tribunal, date, référence.',
        });
      }
      if (input.emancipatedOn > this.today()) {
        throw new AppError(
          'invalid-input',
          `La date d’émancipation (emancipatedOn) est dans le futur : ${frenchDate(input.emancipatedOn)}.`,
          {
            field: 'emancipatedOn',
          },
        );
      }
      if (!person.birthDate || ageOn(person.birthDate, input.emancipatedOn) < 16) {
        throw new AppError(
          'invalid-input',
          'L’émancipation n’est possible qu’à partir de 16 ans : vérifiez la date de naissance et la date d’émancipation.',
          {
            field: 'emancipatedOn',
          },
        );
      }
    }
    this.library.db.transaction(() => {
      const before = this.policyPerson(person);
      this.store.setEmancipation(
        person.id,
        input.emancipatedOn === null ? null : { emancipatedOn: input.emancipatedOn, proof: input.proof! },
      );
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: input.emancipatedOn === null ? 'emancipation-removed' : 'emancipation-recorded',
        change: { emancipatedOn: input.emancipatedOn },
        actor: input.actor,
        reason: input.reason,
      });
      const records = this.store.records(person.id);
      this.recall.afterSignatoriesChange({
        before: { person: before, records },
        after: { person: this.policyPerson(person), records },
        what: `Émancipation de ${person.displayName} ${input.emancipatedOn === null ? 'retirée' : 'modifiée'}`,
        on: this.today(),
      });
    })();
    this.announce(person);
    return this.show(person.id);
  }

  /** Stores the scan of a signed form and links it to the consent of that scope. */
  attachEvidence(input: { personId: number; scope: ConsentScope; fileName: string; data: Uint8Array }): PersonConsent {
    const person = this.library.people.get(input.personId, 'personId');
    const extension = path.extname(input.fileName).toLowerCase();
    const mimeType = EVIDENCE_MIME[extension];
    if (!mimeType) {
      throw new AppError(
        'invalid-input',
        `Le scan d’un formulaire de consentement doit être un fichier PDF, JPEG ou PNG, pas « ${extension || 'sans extension'} ».`,
        {
          field: 'fileName',
        },
      );
    }
    const relative = path.posix.join('media', 'consents', `${crypto.randomBytes(8).toString('hex')}${extension}`);
    let replaced: string | null = null;
    const written = resolveInside(this.library.dir, relative);
    try {
      this.library.db.transaction(() => {
        const previous = this.store.views(person.id).find((view) => view.scope === input.scope)!;
        const asset = this.library.mediaAssets.store({ kind: 'consent-evidence', relativePath: relative, mimeType, data: input.data });
        this.store.upsert({ ...previous, personId: person.id, evidenceAssetId: asset.id });
        if (previous.evidenceAssetId) {
          replaced = this.library.mediaAssets.resolve(previous.evidenceAssetId).absolutePath;
          this.library.db.prepare('DELETE FROM media_assets WHERE id = ?').run(previous.evidenceAssetId);
        }
        this.store.audit({
          projectId: person.projectId,
          personId: person.id,
          action: 'evidence-attached',
          scope: input.scope,
          change: { assetId: asset.id },
        });
      })();
    } catch (error) {
      fs.rmSync(written, { force: true }); // the rows were rolled back: the file goes too
      throw error;
    }
    if (replaced) fs.rmSync(replaced, { force: true });
    this.announce(person);
    return this.show(person.id);
  }

  check(recordingId: number, audience: Audience, on = this.today()): RecordingCheck {
    const recording = this.library.recordings.get(recordingId);
    const result = canShowRecording(
      recording.people.map((linked) => ({
        person: this.policyPerson(this.library.people.get(linked.personId)),
        consents: this.store.records(linked.personId),
      })),
      audience,
      on,
    );
    return {
      recordingId,
      audience,
      on,
      decision: result.decision,
      nobodyLinked: result.decision === 'refused' && result.nobodyLinked,
      people: result.people.map((entry) => ({
        personId: entry.personId,
        displayName: entry.displayName,
        result: toDecisionView(entry.decision),
      })),
    };
  }

  /**
   * A fresh text gate for one export: every person of the project with their decision
   * for the audience (a person named in a text is a person shown, filmed or not).
   * Comments, comment exports and feedback sheets use the workshop audience.
   */
  textGateFor(projectId: number, audience: Audience, options: { on?: string; selfPersonId?: number | null } = {}): TextGate {
    const on = options.on ?? this.today();
    const people = this.library.people.listByProject(projectId);
    const decisions = new Map<number, PolicyDecision>(
      // a document given to a person themself (their feedback sheet) may name them
      people.map((person) => [
        person.id,
        person.id === options.selfPersonId ? { decision: 'allowed' } : canShow(person, this.store.records(person.id), audience, on),
      ]),
    );
    return createTextGate(
      people.map((person) => ({
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        nameNeedsReview: person.nameNeedsReview,
      })),
      decisions,
    );
  }

  /**
   * Recalls the exports of people whose consent has run out (expiry passed, or 18 for a
   * minor's): at start-up, each new day and when the dashboard opens. Returns the flagged
   * export ids.
   */
  sweepExpired(projectId?: number): number[] {
    const projectIds = projectId === undefined ? this.library.projects.list().map((project) => project.id) : [projectId];
    return projectIds.flatMap((id) => this.recall.sweepExpired(id, this.localToday()));
  }

  dashboard(projectId: number, on = this.today(), expiringWithinDays = 30): ConsentDashboard {
    this.library.projects.get(projectId);
    this.sweepExpired(projectId);
    const horizon = addDays(on, expiringWithinDays);
    const people = this.library.people.listByProject(projectId).map((listed) => {
      const person = this.policyPerson(listed);
      const records = this.store.records(person.id);
      const audiences = Object.fromEntries(
        AUDIENCES.map((audience) => [audience, toDecisionView(canShow(person, records, audience, on))]),
      ) as Record<Audience, PolicyDecisionView>;
      return {
        personId: person.id,
        displayName: person.displayName,
        role: person.role,
        minor: isMinorOn(person.birthDate, on),
        recordingConsent: toDecisionView(canBeFilmed(person, records, on)),
        audiences,
        expiringSoon: records.flatMap((record) => {
          if (record.status !== 'granted') return [];
          const { validUntil, atMajority } = consentValidUntil(person, record);
          if (!validUntil || validUntil < on || validUntil > horizon) return [];
          if (!atMajority) return [{ scope: record.scope, expiresOn: validUntil }];
          const majorityOn = eighteenthBirthday(person.birthDate!);
          return [{ scope: record.scope, expiresOn: validUntil, majorityOn, reason: `majorité le ${frenchDate(majorityOn)}` }];
        }),
      };
    });
    return { projectId, on, people, flaggedExports: this.deps.exports.flagged(projectId) };
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The signatures a save brings for an agreement given on the screen, checked (a real PNG, not
 * too big), kept for the signers of this agreement only; null when none were given (the ones
 * already stored stay) or the method is another one.
 */
function screenSignaturesOf(
  input: SetConsentInput,
  method: ConsentView['method'],
  guardianIds: readonly number[],
): Array<{ signer: 'person' | 'guardian'; guardianId: number | null; png: Buffer | null; typedName: string | null }> | null {
  if (input.screenSignatures === undefined || method !== 'on-screen-signature') return null;
  return input.screenSignatures
    .filter((signature) => signature.signer === 'person' || guardianIds.includes(signature.guardianId!))
    .map((signature, index) => {
      let png: Buffer | null = null;
      if (signature.png !== undefined) {
        png = Buffer.from(signature.png, 'base64');
        if (png.length > MAX_SIGNATURE_PNG_BYTES || png.length < PNG_MAGIC.length || !png.subarray(0, 8).equals(PNG_MAGIC)) {
          throw new AppError('invalid-input', 'Une signature à l’écran n’est pas une image PNG lisible, ou elle est trop lourde.', {
            field: `screenSignatures.${index}.png`,
            hint: `Effacez la signature et signez à nouveau (une signature pèse au plus ${MAX_SIGNATURE_PNG_BYTES / 1024} Ko).`,
          });
        }
      }
      return {
        signer: signature.signer,
        guardianId: signature.signer === 'guardian' ? signature.guardianId! : null,
        png,
        typedName: signature.typedName ?? null,
      };
    });
}

type NewScreenSignature = NonNullable<ReturnType<typeof screenSignaturesOf>>[number];

/**
 * A save that brings only the new signatories' signatures (a second parent who signs later)
 * keeps those the agreement already holds from signers who still sign it.
 */
function mergeScreenSignatures(
  brought: NewScreenSignature[] | null,
  held: ConsentView['screenSignatures'],
  guardianIds: readonly number[],
): NewScreenSignature[] | null {
  if (!brought) return null;
  const same = (a: { signer: string; guardianId: number | null }, b: { signer: string; guardianId: number | null }) =>
    a.signer === b.signer && a.guardianId === b.guardianId;
  const kept = held
    .filter((old) => old.signer === 'person' || guardianIds.includes(old.guardianId ?? -1))
    .filter((old) => !brought.some((signature) => same(signature, old)))
    .map((old) => ({
      signer: old.signer,
      guardianId: old.guardianId,
      png: old.image ? Buffer.from(old.image.replace(/^data:image\/png;base64,/, ''), 'base64') : null,
      typedName: old.typedName,
    }));
  return [...brought, ...kept];
}
