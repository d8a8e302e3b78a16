// SQL of the member exchange: facts about referenced bodies, taken card numbers, export pages (the bulk insert is
// the person module's: person-rows.service.ts).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export async function bodyFacts(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('body')
    .select(['id', 'organisation_id', 'status', 'primary_id', 'path'])
    .where('id', 'in', ids)
    .execute();
}

export async function takenCards(db: Executor, organisationId: string, cards: string[]): Promise<string[]> {
  if (cards.length === 0) return [];
  const { rows } = await sql<{ card_number: string }>`
    select card_number from person
    where organisation_id = ${organisationId} and card_number = any(${cards}::text[])`.execute(db);
  return rows.map((r) => r.card_number);
}

export async function firstOrganisationId(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function insertOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

export interface ExportRow {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  sex: string | null;
  birth_year: number | null;
  social_position: string;
  status: string;
  card_number: string | null;
  joined_on: string | null;
  body_id: string | null;
  candidate_since: string | null;
}

/** One page of persons (keyset on id) of the organisation, or of a subtree when `rootPath` is given. */
export async function exportPage(
  db: Executor,
  organisationId: string,
  rootPath: string | null,
  afterId: string | null,
  limit: number,
): Promise<ExportRow[]> {
  const { rows } = await sql<ExportRow>`
    select x.id, x.family_name, x.given_name, x.patronymic, x.name_ru, x.sex, x.birth_year, x.social_position, x.status,
           x.card_number, x.joined_on::text as joined_on, x.body_id,
           x.candidate_since::text as candidate_since
    from person x
    ${rootPath ? sql`join body b on b.id = x.body_id and b.path <@ ${rootPath}::ltree` : sql``}
    where x.organisation_id = ${organisationId}
    ${afterId ? sql`and x.id > ${afterId}` : sql``}
    order by x.id
    limit ${limit}`.execute(db);
  return rows;
}
