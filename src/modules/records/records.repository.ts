// SQL of the audit trail and recorded decisions.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export interface AuditRow {
  id: string;
  organisation_id: string;
  subject_person_id: string | null;
  actor_person_id: string | null;
  at: Date;
  effective_on: string;
  process: string;
  entity_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: unknown;
  actor_name: string | null;
  actor_name_ru: string | null;
}

export async function insertAudit(
  ex: Executor,
  row: Omit<AuditRow, 'at' | 'actor_name' | 'actor_name_ru' | 'details'> & { details: string },
) {
  await ex.insertInto('audit_event').values(row).execute();
}

export async function insertDecision(
  ex: Executor,
  row: {
    id: string;
    organisation_id: string;
    body_id: string;
    taken_on: string;
    process: string;
    entity_id: string;
    outcome: string;
    votes_for: number | null;
    votes_against: number | null;
    votes_abstained: number | null;
    reasons: string | null;
    recorded_by: string | null;
    assembly_id: string | null;
  },
) {
  await ex.insertInto('decision').values(row).execute();
}

export async function auditOfPerson(ex: Executor, personId: string, limit: number): Promise<AuditRow[]> {
  return ex
    .selectFrom('audit_event as a')
    .leftJoin('person as p', 'p.id', 'a.actor_person_id')
    .selectAll('a')
    .select(sql<string | null>`p.family_name || ' ' || p.given_name`.as('actor_name'))
    .select('p.name_ru as actor_name_ru')
    .where('a.subject_person_id', '=', personId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute() as Promise<AuditRow[]>;
}

export async function decisionsOf(ex: Executor, entityId: string) {
  return ex.selectFrom('decision').selectAll().where('entity_id', '=', entityId).orderBy('created_at').execute();
}
