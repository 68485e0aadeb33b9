/**
 * Consent rows, guardians (signatories with their capacity), emancipations and the
 * append-only audit log. Rows in, plain objects out; the rules live in consentPolicy and
 * consentService.
 */
import { AppError } from '../../src-shared/appError';
import type { AuditEntry, ConsentView, Guardian, PersonConsent } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from '../library/database';
import type { ConsentRecord, ConsentScope } from './consentPolicy';
import { CONSENT_SCOPES, type GuardianCapacity, type SoleHolderReason } from '../../src-shared/contract/vocabulary';

/** A consent as stored; the service adds what the policy derives (missing, valid until). */
export type StoredConsent = Omit<ConsentView, 'missing' | 'validUntil' | 'validUntilMajority'>;

export interface GuardianFields {
  name: string;
  relationship: string;
  capacity: GuardianCapacity;
  soleHolderReason: SoleHolderReason | null;
  soleHolderDetail: string;
}

interface GuardianRow {
  id: number;
  person_id: number;
  name: string;
  relationship: string;
  created_at: string;
  capacity: GuardianCapacity;
  sole_holder_reason: SoleHolderReason | null;
  sole_holder_detail: string;
}

interface ConsentRow {
  person_id: number;
  scope: ConsentScope;
  status: ConsentView['status'];
  decided_on: string | null;
  method: ConsentView['method'];
  evidence_asset_id: number | null;
  evidence_recording_id: number | null;
  evidence_from_seconds: number | null;
  evidence_to_seconds: number | null;
  conditions: string;
  expires_on: string | null;
  minor_agreed: number;
  place: string;
  form_version: string | null;
  form_sha256: string | null;
}

export interface ConsentWrite {
  personId: number;
  scope: ConsentScope;
  status: ConsentView['status'];
  decidedOn: string | null;
  method: ConsentView['method'];
  evidenceAssetId: number | null;
  evidenceRecordingId: number | null;
  evidenceFromSeconds: number | null;
  evidenceToSeconds: number | null;
  conditions: ConsentView['conditions'];
  expiresOn: string | null;
  minorAgreed: boolean;
  guardianIds: number[];
  place: string;
  formVersion: string | null;
  formSha256: string | null;
}

function pendingView(scope: ConsentScope): StoredConsent {
  return {
    scope,
    status: 'pending',
    decidedOn: null,
    method: null,
    evidenceAssetId: null,
    evidenceRecordingId: null,
    evidenceFromSeconds: null,
    evidenceToSeconds: null,
    conditions: [],
    expiresOn: null,
    minorAgreed: false,
    guardianIds: [],
    recorded: false,
    place: '',
    formVersion: null,
    formSha256: null,
    signatories: [],
    screenSignatures: [],
  };
}

function guardianFromRow(row: GuardianRow): Guardian {
  return {
    id: row.id,
    personId: row.person_id,
    name: row.name,
    relationship: row.relationship,
    createdAt: row.created_at,
    capacity: row.capacity,
    soleHolderReason: row.sole_holder_reason,
    soleHolderDetail: row.sole_holder_detail,
  };
}

export class ConsentStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** All five scopes of a person, pending where nothing was recorded. */
  views(personId: number): StoredConsent[] {
    const rows = this.db.prepare('SELECT * FROM consents WHERE person_id = ?').all(personId) as ConsentRow[];
    const guardians = new Map(this.guardians(personId).map((guardian) => [guardian.id, guardian]));
    const signatures = this.db
      .prepare('SELECT scope, guardian_id FROM consent_guardian_signatures WHERE person_id = ? ORDER BY guardian_id')
      .all(personId) as Array<{
      scope: string;
      guardian_id: number;
    }>;
    const drawn = this.screenSignatures(personId);
    return CONSENT_SCOPES.map((scope) => {
      const row = rows.find((candidate) => candidate.scope === scope);
      if (!row) return pendingView(scope);
      return {
        scope,
        status: row.status,
        decidedOn: row.decided_on,
        method: row.method,
        evidenceAssetId: row.evidence_asset_id,
        evidenceRecordingId: row.evidence_recording_id,
        evidenceFromSeconds: row.evidence_from_seconds,
        evidenceToSeconds: row.evidence_to_seconds,
        conditions: JSON.parse(row.conditions) as ConsentView['conditions'],
        expiresOn: row.expires_on,
        minorAgreed: row.minor_agreed === 1,
        guardianIds: signatures.filter((s) => s.scope === scope).map((s) => s.guardian_id),
        recorded: true,
        place: row.place,
        formVersion: row.form_version,
        formSha256: row.form_sha256,
        signatories: signatures
          .filter((s) => s.scope === scope && guardians.has(s.guardian_id))
          .map((s) => {
            const guardian = guardians.get(s.guardian_id)!;
            return { guardianId: guardian.id, capacity: guardian.capacity, soleHolderReason: guardian.soleHolderReason };
          }),
        screenSignatures: drawn.filter((signature) => signature.scope === scope).map(({ scope: _scope, ...signature }) => signature),
      };
    });
  }

  /** The records the policy reads, for one person. */
  records(personId: number): ConsentRecord[] {
    return this.views(personId)
      .filter((view) => view.recorded)
      .map((view) => ({
        scope: view.scope,
        status: view.status,
        conditions: view.conditions,
        decidedOn: view.decidedOn,
        expiresOn: view.expiresOn,
        minorAgreed: view.minorAgreed,
        signatories: view.signatories.map(({ capacity, soleHolderReason }) => ({ capacity, soleHolderReason })),
      }));
  }

  upsert(write: ConsentWrite): void {
    this.db
      .prepare(
        `INSERT INTO consents (person_id, scope, status, decided_on, method, evidence_asset_id, evidence_recording_id, evidence_from_seconds,
           evidence_to_seconds, conditions, expires_on, minor_agreed, place, form_version, form_sha256, updated_at)
         VALUES (@personId, @scope, @status, @decidedOn, @method, @evidenceAssetId, @evidenceRecordingId, @evidenceFromSeconds,
           @evidenceToSeconds, @conditions, @expiresOn, @minorAgreed, @place, @formVersion, @formSha256, @at)
         ON CONFLICT (person_id, scope) DO UPDATE SET status = excluded.status, decided_on = excluded.decided_on, method = excluded.method,
           evidence_asset_id = excluded.evidence_asset_id, evidence_recording_id = excluded.evidence_recording_id,
           evidence_from_seconds = excluded.evidence_from_seconds, evidence_to_seconds = excluded.evidence_to_seconds,
           conditions = excluded.conditions, expires_on = excluded.expires_on, minor_agreed = excluded.minor_agreed,
           place = excluded.place, form_version = excluded.form_version, form_sha256 = excluded.form_sha256, updated_at = excluded.updated_at`,
      )
      .run({
        personId: write.personId,
        scope: write.scope,
        status: write.status,
        decidedOn: write.decidedOn,
        method: write.method,
        evidenceAssetId: write.evidenceAssetId,
        evidenceRecordingId: write.evidenceRecordingId,
        evidenceFromSeconds: write.evidenceFromSeconds,
        evidenceToSeconds: write.evidenceToSeconds,
        expiresOn: write.expiresOn,
        place: write.place,
        formVersion: write.formVersion,
        formSha256: write.formSha256,
        conditions: JSON.stringify([...write.conditions].sort()),
        minorAgreed: write.minorAgreed ? 1 : 0,
        at: this.now(),
      });
    this.db.prepare('DELETE FROM consent_guardian_signatures WHERE person_id = ? AND scope = ?').run(write.personId, write.scope);
    const insert = this.db.prepare('INSERT INTO consent_guardian_signatures (person_id, scope, guardian_id) VALUES (?, ?, ?)');
    for (const guardianId of write.guardianIds) insert.run(write.personId, write.scope, guardianId);
  }

  guardians(personId: number): Guardian[] {
    const rows = this.db.prepare('SELECT * FROM guardians WHERE person_id = ? ORDER BY id').all(personId) as GuardianRow[];
    return rows.map(guardianFromRow);
  }

  guardian(guardianId: number): Guardian {
    const row = this.db.prepare('SELECT * FROM guardians WHERE id = ?').get(guardianId) as GuardianRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun parent ou responsable légal n’a le numéro ${guardianId}.`, { field: 'guardianId' });
    return guardianFromRow(row);
  }

  addGuardian(personId: number, fields: GuardianFields): Guardian {
    const result = this.db
      .prepare(
        `INSERT INTO guardians (person_id, name, relationship, capacity, sole_holder_reason, sole_holder_detail, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(personId, fields.name, fields.relationship, fields.capacity, fields.soleHolderReason, fields.soleHolderDetail, this.now());
    return this.guardian(Number(result.lastInsertRowid));
  }

  updateGuardian(guardianId: number, fields: Omit<GuardianFields, 'name'>): Guardian {
    this.db
      .prepare('UPDATE guardians SET relationship = ?, capacity = ?, sole_holder_reason = ?, sole_holder_detail = ? WHERE id = ?')
      .run(fields.relationship, fields.capacity, fields.soleHolderReason, fields.soleHolderDetail, guardianId);
    return this.guardian(guardianId);
  }

  /** A person's signatures drawn (or typed) on the screen, per scope, signers in order. */
  screenSignatures(personId: number): Array<StoredConsent['screenSignatures'][number] & { scope: string }> {
    const rows = this.db
      .prepare(
        `SELECT scope, signer, guardian_id, png, typed_name, signed_on FROM consent_screen_signatures
         WHERE person_id = ? ORDER BY scope, signer DESC, guardian_id, id`,
      )
      .all(personId) as Array<{
      scope: string;
      signer: 'person' | 'guardian';
      guardian_id: number | null;
      png: Buffer | null;
      typed_name: string | null;
      signed_on: string;
    }>;
    return rows.map((row) => ({
      scope: row.scope,
      signer: row.signer,
      guardianId: row.guardian_id,
      image: row.png ? `data:image/png;base64,${row.png.toString('base64')}` : null,
      typedName: row.typed_name,
      signedOn: row.signed_on,
    }));
  }

  /** The signatures of one agreement, replaced as a whole (a new agreement is signed again). */
  replaceScreenSignatures(
    personId: number,
    scope: string,
    signatures: ReadonlyArray<{ signer: 'person' | 'guardian'; guardianId: number | null; png: Buffer | null; typedName: string | null }>,
    signedOn: string,
  ): void {
    this.db.prepare('DELETE FROM consent_screen_signatures WHERE person_id = ? AND scope = ?').run(personId, scope);
    const insert = this.db.prepare(
      'INSERT INTO consent_screen_signatures (person_id, scope, signer, guardian_id, png, typed_name, signed_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const signature of signatures)
      insert.run(personId, scope, signature.signer, signature.guardianId, signature.png, signature.typedName, signedOn);
  }

  /** Deletes a guardian row and their signatures (secure_delete overwrites the name). */
  removeGuardian(guardianId: number): void {
    this.db.prepare('DELETE FROM consent_screen_signatures WHERE guardian_id = ?').run(guardianId);
    this.db.prepare('DELETE FROM consent_guardian_signatures WHERE guardian_id = ?').run(guardianId);
    this.db.prepare('DELETE FROM guardians WHERE id = ?').run(guardianId);
  }

  emancipation(personId: number): PersonConsent['emancipation'] {
    const row = this.db.prepare('SELECT * FROM person_emancipation WHERE person_id = ?').get(personId) as
      { emancipated_on: string; proof: string; recorded_at: string } | undefined;
    return row ? { emancipatedOn: row.emancipated_on, proof: row.proof, recordedAt: row.recorded_at } : null;
  }

  setEmancipation(personId: number, value: { emancipatedOn: string; proof: string } | null): void {
    if (!value) {
      this.db.prepare('DELETE FROM person_emancipation WHERE person_id = ?').run(personId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO person_emancipation (person_id, emancipated_on, proof, recorded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET emancipated_on = excluded.emancipated_on, proof = excluded.proof, recorded_at = excluded.recorded_at`,
      )
      .run(personId, value.emancipatedOn, value.proof, this.now());
  }

  assertGuardiansOf(personId: number, guardianIds: number[]): void {
    const own = new Set(this.guardians(personId).map((guardian) => guardian.id));
    const stranger = guardianIds.find((id) => !own.has(id));
    if (stranger !== undefined) {
      throw new AppError(
        'invalid-input',
        `Le parent ou responsable légal n° ${stranger} n’est pas enregistré pour la personne n° ${personId}.`,
        {
          field: 'guardianIds',
          hint: 'Ajoutez-le d’abord aux parents de cette personne.',
        },
      );
    }
  }

  /**
   * Erasure: their consents, guardians' signatures, guardians and log entries. The log is
   * append-only; the erasure guard row lets its trigger accept this one deletion. Returns
   * the consent scans' asset ids, whose rows and files the caller removes.
   */
  forgetPerson(personId: number): { rows: number; evidenceAssetIds: number[] } {
    const evidenceAssetIds = (
      this.db
        .prepare('SELECT evidence_asset_id AS id FROM consents WHERE person_id = ? AND evidence_asset_id IS NOT NULL')
        .all(personId) as Array<{ id: number }>
    ).map((row) => row.id);
    let rows = this.db.prepare('DELETE FROM consent_screen_signatures WHERE person_id = ?').run(personId).changes;
    rows += this.db.prepare('DELETE FROM consent_guardian_signatures WHERE person_id = ?').run(personId).changes;
    rows += this.db.prepare('DELETE FROM consents WHERE person_id = ?').run(personId).changes;
    rows += this.db.prepare('DELETE FROM guardians WHERE person_id = ?').run(personId).changes;
    // the emancipation proof is theirs too
    rows += this.db.prepare('DELETE FROM person_emancipation WHERE person_id = ?').run(personId).changes;
    this.db.prepare('INSERT OR IGNORE INTO erasure_guard (person_id) VALUES (?)').run(personId);
    rows += this.db.prepare('DELETE FROM consent_audit WHERE person_id = ?').run(personId).changes;
    this.db.prepare('DELETE FROM erasure_guard WHERE person_id = ?').run(personId);
    return { rows, evidenceAssetIds };
  }

  audit(entry: {
    projectId: number | null;
    personId: number | null;
    action: string;
    scope?: string | null;
    change?: Record<string, unknown>;
    actor?: string;
    reason?: string;
  }): void {
    this.db
      .prepare(
        'INSERT INTO consent_audit (at, project_id, person_id, action, scope, change, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.now(),
        entry.projectId,
        entry.personId,
        entry.action,
        entry.scope ?? null,
        JSON.stringify(entry.change ?? {}),
        entry.actor ?? '',
        entry.reason ?? '',
      );
  }

  history(personId: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM consent_audit WHERE person_id = ? ORDER BY id').all(personId) as Array<{
      id: number;
      at: string;
      action: string;
      scope: string | null;
      change: string;
      actor: string;
      reason: string;
    }>;
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      scope: row.scope,
      change: JSON.parse(row.change) as Record<string, unknown>,
      actor: row.actor,
      reason: row.reason,
    }));
  }
}
