// SQL of transfers: the person's registration facts and the unregistered worklist (registration is changed through
// person-rows.service.ts).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export interface TransferPersonRow {
  id: string;
  organisation_id: string;
  status: string;
  body_id: string | null;
  body_path: string | null;
  last_body_id: string | null;
  last_body_path: string | null;
  deregistered_on: string | null;
  joined_on: string | null;
}

export async function personForTransfer(db: Executor, id: string): Promise<TransferPersonRow | undefined> {
  const { rows } = await sql<TransferPersonRow>`
    select p.id, p.organisation_id, p.status, p.body_id, b.path::text as body_path, p.last_body_id,
           lb.path::text as last_body_path, p.deregistered_on::text as deregistered_on, p.joined_on::text as joined_on
    from person p left join body b on b.id = p.body_id left join body lb on lb.id = p.last_body_id
    where p.id = ${id}`.execute(db);
  return rows[0];
}

export async function bodyFacts(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    organisation_id: string;
    path: string;
    status: string;
    primary_id: string | null;
  }>`select id, organisation_id, path::text as path, status, primary_id from body where id = ${id}`.execute(db);
  return rows[0];
}

export interface UnregisteredRow {
  id: string;
  family_name: string;
  given_name: string;
  name_ru: string | null;
  status: 'member' | 'candidate';
  card_number: string | null;
  last_body_id: string;
  last_body_name: string;
  last_body_name_ru: string | null;
  deregistered_on: string;
}

/** Members and candidates registered nowhere since before `cutoff`, last held in the subtree. */
export async function unregistered(
  db: Executor,
  q: { organisationId: string; rootPath: string; cutoff: string; limit: number; offset: number },
): Promise<{ rows: UnregisteredRow[]; total: number }> {
  const from = sql`from person p join body b on b.id = p.last_body_id
    where p.organisation_id = ${q.organisationId} and p.body_id is null and p.status in ('member', 'candidate')
      and p.deregistered_on < ${q.cutoff} and b.path <@ ${q.rootPath}::ltree`;
  const { rows } = await sql<UnregisteredRow>`
    select p.id, p.family_name, p.given_name, p.name_ru, p.status, p.card_number, b.id as last_body_id,
           b.name as last_body_name, b.name_ru as last_body_name_ru, p.deregistered_on::text as deregistered_on
    ${from} order by p.deregistered_on, p.family_name, p.id limit ${q.limit} offset ${q.offset}`.execute(db);
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n ${from}`.execute(db);
  return { rows, total: Number(c[0]?.n ?? 0) };
}

export async function writeOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
