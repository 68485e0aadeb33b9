/**
 * Consent as the app uses it: recording a decision (with its audit entry and the
 * recall of earlier exports on withdrawal), answering "may this recording reach this
 * audience", the project dashboard, and erasure (right to be forgotten).
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
} from '../../src-shared/contract/schemas';
import { AUDIENCES } from '../../src-shared/contract/vocabulary';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import { ageOn, isMinorOn } from '../../src-shared/age';
import { canBeFilmed, canShow, canShowRecording, type Audience, type ConsentScope, type PolicyDecision } from './consentPolicy';
import { ConsentStore } from './consentStore';
import type { ExportsStore } from '../exports/exportsStore';
import { createTextGate, type TextGate } from './textGate';

export interface ConsentDeps {
  library: Library;
  events: ApiEventBus;
  /** The exports register: flags what a narrowed consent no longer allows. */
  exports: ExportsStore;
  /** Removes a recording's rows and files (the capture service does it). */
  deleteRecording: (recordingId: number) => void;
}

const EVIDENCE_MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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

  constructor(private readonly deps: ConsentDeps) {
    this.store = new ConsentStore(deps.library.db, deps.library.now);
  }

  private get library(): Library {
    return this.deps.library;
  }

  private today(): string {
    return this.library.now().slice(0, 10);
  }

  private announce(person: Person): void {
    this.deps.events.emit('data.changed', { entity: 'consent', id: person.id, projectId: person.projectId, change: 'updated' });
  }

  show(personId: number, on = this.today()): PersonConsent {
    const person = this.library.people.get(personId, 'personId');
    const age = person.birthDate ? ageOn(person.birthDate, on) : null;
    return {
      person,
      age,
      minor: isMinorOn(person.birthDate, on),
      under15: age !== null && age < 15,
      scopes: this.store.views(personId),
      guardians: this.store.guardians(personId),
      history: this.store.history(personId),
    };
  }

  set(input: SetConsentInput): { consent: PersonConsent; flaggedExports: number[] } {
    const result = this.library.db.transaction(() => {
      const person = this.library.people.get(input.personId, 'personId');
      const project = this.library.projects.get(person.projectId);
      const previous = this.store.views(person.id).find((view) => view.scope === input.scope)!;
      const decidedOn = input.decidedOn ?? this.today();
      const method = input.method !== undefined ? input.method : previous.method;
      if (input.status === 'granted' && !method) {
        throw new AppError('invalid-input', 'A granted consent needs the way it was given.', {
          field: 'method',
          hint: 'Choose signed-form, on-screen-signature or filmed-oral-consent.',
        });
      }
      const guardianIds = input.guardianIds ?? previous.guardianIds;
      this.store.assertGuardiansOf(person.id, guardianIds);
      const evidenceRecordingId = input.evidenceRecordingId !== undefined ? input.evidenceRecordingId : previous.evidenceRecordingId;
      if (method === 'filmed-oral-consent' && input.status === 'granted') {
        if (!evidenceRecordingId) {
          throw new AppError('invalid-input', 'Filmed oral consent needs the recording where it was given.', {
            field: 'evidenceRecordingId',
          });
        }
        if (this.library.recordings.get(evidenceRecordingId).projectId !== person.projectId) {
          throw new AppError('invalid-input', `Recording ${evidenceRecordingId} is not part of this person's project.`, {
            field: 'evidenceRecordingId',
          });
        }
      }
      const from = input.evidenceFromSeconds !== undefined ? input.evidenceFromSeconds : previous.evidenceFromSeconds;
      const to = input.evidenceToSeconds !== undefined ? input.evidenceToSeconds : previous.evidenceToSeconds;
      if (from !== null && to !== null && to < from) {
        throw new AppError('invalid-input', 'The end of the consent segment is before its start.', { field: 'evidenceToSeconds' });
      }
      const expiresOn =
        input.expiresOn !== undefined
          ? input.expiresOn
          : input.status === 'granted'
            ? addMonths(decidedOn, project.retentionMonths)
            : previous.expiresOn;
      if (expiresOn && expiresOn < decidedOn) {
        throw new AppError('invalid-input', 'The expiry date is before the date of the decision.', { field: 'expiresOn' });
      }
      const conditions = input.conditions ?? previous.conditions;
      const minorAgreed = input.minorAgreed ?? previous.minorAgreed;
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
      });
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
        },
        actor: input.actor,
        reason: input.reason,
      });
      let flagged: number[] = [];
      const losesConsent = previous.status === 'granted' && input.status !== 'granted';
      if (losesConsent) {
        const audiences = input.scope === 'recording' ? AUDIENCES : [input.scope as Audience];
        flagged = this.deps.exports.flagShowing(person.id, audiences, `Consent "${input.scope}" ${input.status} on ${decidedOn}`);
      }
      return { person, flagged };
    })();
    this.announce(result.person);
    return { consent: this.show(result.person.id), flaggedExports: result.flagged };
  }

  addGuardian(personId: number, name: string, relationship: string, actor?: string): PersonConsent {
    const person = this.library.people.get(personId, 'personId');
    this.library.db.transaction(() => {
      const guardian = this.store.addGuardian(person.id, name, relationship);
      this.store.audit({
        projectId: person.projectId,
        personId: person.id,
        action: 'guardian-added',
        change: { guardianId: guardian.id, relationship },
        actor,
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
      throw new AppError('invalid-input', `A consent scan must be a PDF, JPEG or PNG file, not "${extension || 'no extension'}".`, {
        field: 'fileName',
      });
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
        person: this.library.people.get(linked.personId),
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

  dashboard(projectId: number, on = this.today(), expiringWithinDays = 30): ConsentDashboard {
    this.library.projects.get(projectId);
    const horizon = addDays(on, expiringWithinDays);
    const people = this.library.people.listByProject(projectId).map((person) => {
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
        expiringSoon: records
          .filter((record) => record.status === 'granted' && record.expiresOn && record.expiresOn >= on && record.expiresOn <= horizon)
          .map((record) => ({ scope: record.scope, expiresOn: record.expiresOn! })),
      };
    });
    return { projectId, on, people, flaggedExports: this.deps.exports.flagged(projectId) };
  }

  /**
   * Right to be forgotten: deletes the recordings where the person appears alone (rows
   * and files), marks mixed ones for an animator's decision, flags exports that showed
   * them, removes their consent scans, forms, comments, rows and log entries, and logs the
   * erasure with counts only. The database is checkpointed so nothing lingers in the WAL.
   */
  erase(personId: number, actor?: string): { erased: true; recordingsDeleted: number; recordingsToReview: number[] } {
    const person = this.library.people.get(personId, 'personId');
    const linked = this.library.db
      .prepare(
        `SELECT rp.recording_id AS id, (SELECT count(*) FROM recording_people other WHERE other.recording_id = rp.recording_id) AS people
         FROM recording_people rp WHERE rp.person_id = ?`,
      )
      .all(personId) as Array<{ id: number; people: number }>;
    const alone = linked.filter((row) => row.people === 1).map((row) => row.id);
    const mixed = linked.filter((row) => row.people > 1).map((row) => row.id);
    for (const recordingId of alone) this.deps.deleteRecording(recordingId);

    const evidenceFiles: string[] = [];
    this.library.db.transaction(() => {
      for (const view of this.store.views(personId)) {
        if (!view.evidenceAssetId) continue;
        evidenceFiles.push(this.library.mediaAssets.resolve(view.evidenceAssetId).absolutePath);
        this.library.db.prepare('UPDATE consents SET evidence_asset_id = NULL WHERE person_id = ? AND scope = ?').run(personId, view.scope);
        this.library.db.prepare('DELETE FROM media_assets WHERE id = ?').run(view.evidenceAssetId);
      }
      this.deps.exports.flagShowing(personId, AUDIENCES, 'A person shown in it was erased (right to be forgotten)');
      const review = this.library.db.prepare(
        "UPDATE recordings SET needs_review = 'A person who appeared in this video was erased: cut them out or delete it.' WHERE id = ?",
      );
      for (const id of mixed) review.run(id);
      this.library.db.prepare("DELETE FROM media_assets WHERE relative_path LIKE 'exports/forms/person-' || ? || '/%'").run(personId);
      this.library.db.prepare('INSERT INTO erasure_guard (person_id) VALUES (?)').run(personId);
      this.library.db.prepare('DELETE FROM consent_audit WHERE person_id = ?').run(personId);
      this.library.db.prepare('DELETE FROM erasure_guard WHERE person_id = ?').run(personId);
      this.library.db.prepare('UPDATE sessions SET animator_person_id = NULL WHERE animator_person_id = ?').run(personId);
      // what they said in the review is theirs too: their comments (with revisions and replies) go
      this.library.db.prepare('DELETE FROM comments WHERE author_person_id = ?').run(personId);
      this.library.people.delete(personId);
      this.store.audit({
        projectId: person.projectId,
        personId: null,
        action: 'erasure',
        change: { recordingsDeleted: alone.length, recordingsToReview: mixed.length },
        actor,
      });
    })();
    for (const file of evidenceFiles) fs.rmSync(file, { force: true });
    fs.rmSync(resolveInside(this.library.dir, path.posix.join('exports', 'forms', `person-${personId}`)), { recursive: true, force: true });
    this.library.db.pragma('wal_checkpoint(TRUNCATE)');
    this.deps.events.emit('data.changed', { entity: 'person', id: personId, projectId: person.projectId, change: 'deleted' });
    return { erased: true, recordingsDeleted: alone.length, recordingsToReview: mixed };
  }
}
