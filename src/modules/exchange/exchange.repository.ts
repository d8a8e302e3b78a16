// SQL of the member exchange: facts about referenced bodies, taken card numbers, bulk insert, export pages.
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

export interface NewPerson {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  sex: string | null;
  birth_year: number | null;
  social_position: string;
  status: string;
  body_id: string;
  joined_on: string | null;
  candidate_since: string | null;
  card_number: string | null;
}

export async function insertPersons(db: Executor, organisationId: string, c: NewPerson[]): Promise<void> {
  if (c.length === 0) return;
  await sql`insert into person (id, organisation_id, family_name, given_name, patronymic, name_ru, sex, birth_year,
      social_position, status, body_id, joined_on, candidate_since, card_number)
    select u.id, ${organisationId}::uuid, u.family_name, u.given_name, u.patronymic, u.name_ru, u.sex, u.birth_year,
      u.social_position, u.status, u.body_id, u.joined_on, u.candidate_since, u.card_number
    from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.family_name)}::text[], ${c.map((r) => r.given_name)}::text[],
                ${c.map((r) => r.patronymic)}::text[], ${c.map((r) => r.name_ru)}::text[], ${c.map((r) => r.sex)}::text[],
                ${c.map((r) => r.birth_year)}::int[], ${c.map((r) => r.social_position)}::text[], ${c.map((r) => r.status)}::text[],
                ${c.map((r) => r.body_id)}::uuid[], ${c.map((r) => r.joined_on)}::date[], ${c.map((r) => r.candidate_since)}::date[],
                ${c.map((r) => r.card_number)}::text[])
      as u(id, family_name, given_name, patronymic, name_ru, sex, birth_year, social_position, status, body_id,
           joined_on, candidate_since, card_number)`.execute(db);
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
