// SQL of resignations: the record and its guarded state changes (the member leaves through person-rows.service.ts).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { ResignationTable } from '../../platform/db/schema-dues.js';

export async function personFacts(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    organisation_id: string;
    status: string;
    body_id: string | null;
    joined_on: string | null;
    card_number: string | null;
  }>`select id, organisation_id, status, body_id, joined_on::text as joined_on, card_number
     from person where id = ${id}`.execute(db);
  return rows[0];
}

export async function bodyPath(db: Executor, id: string) {
  const { rows } = await sql<{ id: string; organisation_id: string; path: string }>`
    select id, organisation_id, path::text as path from body where id = ${id}`.execute(db);
  return rows[0];
}

export interface ResignationRow {
  id: string;
  organisation_id: string;
  person_id: string;
  person_name: string;
  person_name_ru: string | null;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  body_path: string;
  state: ResignationTable['state'];
  reasons: string;
  submitted_on: string;
  discussion: string | null;
  discussed_on: string | null;
  decision_id: string | null;
  decided_on: string | null;
  withdrawn_on: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstained: number | null;
  decision_reasons: string | null;
}

const SELECT = sql`select r.id, r.organisation_id, r.person_id,
    concat(p.family_name, ' ', p.given_name) as person_name, p.name_ru as person_name_ru, r.body_id, b.name as body_name,
    b.name_ru as body_name_ru, b.path::text as body_path,
    r.state, r.reasons, r.submitted_on::text as submitted_on, r.discussion, r.discussed_on::text as discussed_on,
    r.decision_id, r.decided_on::text as decided_on, r.withdrawn_on::text as withdrawn_on,
    d.votes_for, d.votes_against, d.votes_abstained, d.reasons as decision_reasons
  from resignation r join person p on p.id = r.person_id join body b on b.id = r.body_id
  left join decision d on d.id = r.decision_id`;

export async function findResignation(db: Executor, id: string): Promise<ResignationRow | undefined> {
  const { rows } = await sql<ResignationRow>`${SELECT} where r.id = ${id}`.execute(db);
  return rows[0];
}

export async function listResignations(
  db: Executor,
  q: { organisationId: string; rootPath: string; states: string[]; limit: number; offset: number },
): Promise<{ rows: ResignationRow[]; total: number }> {
  const where = sql`where r.organisation_id = ${q.organisationId} and b.path <@ ${q.rootPath}::ltree
    and r.state = any(${q.states}::text[])`;
  const { rows } = await sql<ResignationRow>`${SELECT} ${where}
    order by r.submitted_on, r.id limit ${q.limit} offset ${q.offset}`.execute(db);
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from resignation r
    join body b on b.id = r.body_id ${where}`.execute(db);
  return { rows, total: Number(c[0]?.n ?? 0) };
}

export async function insertResignation(
  db: Executor,
  r: {
    id: string;
    organisation_id: string;
    person_id: string;
    body_id: string;
    reasons: string;
    submitted_on: string;
  },
): Promise<void> {
  await db
    .insertInto('resignation')
    .values({ ...r, state: 'submitted' })
    .execute();
}

/** Moves the resignation from `from` (state) with the given changes; returns whether it changed. */
export async function transition(
  db: Executor,
  id: string,
  from: ResignationTable['state'][],
  set: {
    state: ResignationTable['state'];
    discussion?: string;
    discussed_on?: string;
    decision_id?: string;
    decided_on?: string;
    withdrawn_on?: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('resignation')
    .set(set)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function writeOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
