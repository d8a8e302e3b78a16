// The audit trail (who, when, what, why of every state change) and the recorded decisions of bodies.
// Other services call `audit` and `decision` with their own open transaction, so the record is written
// together with the change it records, or not at all.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditEvent, Decision } from '../../contracts/records.js';
import * as repo from './records.repository.js';

export interface AuditInput {
  organisationId: string;
  subjectPersonId: string | null;
  /** Null for acts of the system (e.g. an expired penalty). */
  actor: Actor | null;
  effectiveOn: string;
  process: string;
  entityId: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface DecisionInput {
  organisationId: string;
  bodyId: string;
  takenOn: string;
  process: string;
  entityId: string;
  outcome: string;
  votes?: { for: number; against: number; abstained: number } | null;
  reasons?: string | null;
  recordedBy: Actor | null;
  assemblyId?: string | null;
}

export class RecordsService {
  constructor(private readonly db: Database) {}

  async audit(ex: Executor, e: AuditInput): Promise<void> {
    await repo.insertAudit(ex, {
      id: uuidv7(),
      organisation_id: e.organisationId,
      subject_person_id: e.subjectPersonId,
      actor_person_id: e.actor?.personId ?? null,
      effective_on: e.effectiveOn,
      process: e.process,
      entity_id: e.entityId,
      action: e.action,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      reason: e.reason ?? null,
      details: JSON.stringify(e.details ?? {}),
    });
  }

  async decision(ex: Executor, d: DecisionInput): Promise<string> {
    const id = uuidv7();
    await repo.insertDecision(ex, {
      id,
      organisation_id: d.organisationId,
      body_id: d.bodyId,
      taken_on: d.takenOn,
      process: d.process,
      entity_id: d.entityId,
      outcome: d.outcome,
      votes_for: d.votes?.for ?? null,
      votes_against: d.votes?.against ?? null,
      votes_abstained: d.votes?.abstained ?? null,
      reasons: d.reasons ?? null,
      recorded_by: d.recordedBy?.personId ?? null,
      assembly_id: d.assemblyId ?? null,
    });
    return id;
  }

  /** A person's history, newest first. The caller has already checked that the actor may see it. */
  async historyOf(personId: string, limit = 500): Promise<AuditEvent[]> {
    const rows = await repo.auditOfPerson(this.db, personId, limit);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      effectiveOn: r.effective_on,
      process: r.process,
      entityId: r.entity_id,
      action: r.action,
      fromState: r.from_state,
      toState: r.to_state,
      reason: r.reason,
      actorPersonId: r.actor_person_id,
      actorName: r.actor_name,
      actorNameRu: r.actor_name_ru,
      details: (r.details ?? {}) as Record<string, unknown>,
    }));
  }

  async decisionsOf(entityId: string): Promise<Decision[]> {
    const rows = await repo.decisionsOf(this.db, entityId);
    return rows.map((r) => ({
      id: r.id,
      bodyId: r.body_id,
      takenOn: r.taken_on,
      process: r.process,
      entityId: r.entity_id,
      outcome: r.outcome,
      votes:
        r.votes_for === null
          ? null
          : { for: r.votes_for, against: r.votes_against ?? 0, abstained: r.votes_abstained ?? 0 },
      reasons: r.reasons,
      assemblyId: r.assembly_id,
    }));
  }
}
