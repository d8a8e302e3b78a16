// Bulk loading of a generated organisation: multi-row inserts through unnest() of column arrays,
// one statement per few thousand rows. The same SQL on PGlite and PostgreSQL.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { BodyRow } from './rules/rows.js';
import type { PlanEnterprise, PlanOffice, PlanPerson } from './rules/plan-types.js';

export const CHUNK = 5000;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function anyOrganisation(db: Executor): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function insertEnterprises(db: Executor, organisationId: string, rows: PlanEnterprise[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into enterprise (id, organisation_id, name, name_ru, industry, workforce)
      select u.id, ${organisationId}::uuid, u.name, u.name_ru, u.industry, u.workforce
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.name)}::text[], ${c.map((r) => r.nameRu)}::text[],
                  ${c.map((r) => r.industry)}::text[], ${c.map((r) => r.workforce)}::int[])
        as u(id, name, name_ru, industry, workforce)`.execute(db);
  }
}

/** Inserts bodies (parents before children; the whole list in order). */
export async function insertBodies(db: Executor, organisationId: string, rows: BodyRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into body (id, organisation_id, parent_id, path, depth, kind, name, name_ru, enterprise_id, primary_id, region_id)
      select u.id, ${organisationId}::uuid, u.parent_id, u.path::ltree, u.depth, u.kind, u.name, u.name_ru, u.enterprise_id, u.primary_id, u.region_id
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.parent_id)}::uuid[], ${c.map((r) => r.path)}::text[],
                  ${c.map((r) => r.depth)}::int[], ${c.map((r) => r.kind)}::text[], ${c.map((r) => r.name)}::text[],
                  ${c.map((r) => r.name_ru)}::text[], ${c.map((r) => r.enterprise_id)}::uuid[], ${c.map((r) => r.primary_id)}::uuid[],
                  ${c.map((r) => r.region_id)}::uuid[])
        as u(id, parent_id, path, depth, kind, name, name_ru, enterprise_id, primary_id, region_id)`.execute(db);
  }
}

/** Persons with their body and enterprise already resolved to ids. */
export interface PersonRow extends Omit<PlanPerson, 'body' | 'enterprise' | 'status' | 'joinedOn'> {
  status: PlanPerson['status'] | 'non_member';
  joinedOn: string | null;
  bodyId: string | null;
  enterpriseId: string | null;
}

export async function insertPersons(db: Executor, organisationId: string, rows: PersonRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into person (id, organisation_id, family_name, given_name, patronymic, name_ru, sex, birth_year,
        social_position, status, body_id, enterprise_id, joined_on, candidate_since, card_number)
      select u.id, ${organisationId}::uuid, u.family_name, u.given_name, u.patronymic, u.name_ru, u.sex, u.birth_year,
        u.social_position, u.status, u.body_id, u.enterprise_id, u.joined_on, u.candidate_since, u.card_number
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.familyName)}::text[], ${c.map((r) => r.givenName)}::text[],
                  ${c.map((r) => r.patronymic)}::text[], ${c.map((r) => r.nameRu)}::text[], ${c.map((r) => r.sex)}::text[],
                  ${c.map((r) => r.birthYear)}::int[], ${c.map((r) => r.socialPosition)}::text[], ${c.map((r) => r.status)}::text[],
                  ${c.map((r) => r.bodyId)}::uuid[], ${c.map((r) => r.enterpriseId)}::uuid[], ${c.map((r) => r.joinedOn)}::date[],
                  ${c.map((r) => r.candidateSince)}::date[], ${c.map((r) => r.cardNumber)}::text[])
        as u(id, family_name, given_name, patronymic, name_ru, sex, birth_year, social_position, status, body_id,
             enterprise_id, joined_on, candidate_since, card_number)`.execute(db);
  }
}

export interface OfficeRow extends Omit<PlanOffice, 'body'> {
  bodyId: string;
}

export async function insertOffices(db: Executor, rows: OfficeRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into office (id, body_id, person_id, title, starts_on)
      select * from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.bodyId)}::uuid[], ${c.map((r) => r.personId)}::uuid[],
                           ${c.map((r) => r.title)}::text[], ${c.map((r) => r.startsOn)}::date[])`.execute(db);
  }
}

export async function insertAccounts(
  db: Executor,
  rows: { id: string; personId: string; login: string; passwordHash: string; locale: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('account')
    .values(
      rows.map((r) => ({
        id: r.id,
        person_id: r.personId,
        login: r.login,
        password_hash: r.passwordHash,
        locale: r.locale,
      })),
    )
    .execute();
}

export async function insertOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

/** Removes an organisation whose bulk load failed (the statute service created it in its own transaction). */
export async function deleteOrganisation(db: Executor, organisationId: string): Promise<void> {
  await sql`delete from account where person_id in (select id from person where organisation_id = ${organisationId})`.execute(
    db,
  );
  await sql`delete from office where body_id in (select id from body where organisation_id = ${organisationId})`.execute(
    db,
  );
  await sql`delete from person where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from body where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from enterprise where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from statute_version where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from organisation where id = ${organisationId}`.execute(db);
}

/** After a bulk load: refresh planner statistics so the first queries use the indexes. */
export async function analyse(db: Executor): Promise<void> {
  await sql`analyze body`.execute(db);
  await sql`analyze person`.execute(db);
  await sql`analyze enterprise`.execute(db);
  await sql`analyze office`.execute(db);
}

/** The first administrator of a new organisation: a non-member registered nowhere, holding a managing office in the root. */
export async function insertAdministrator(
  db: Executor,
  row: {
    personId: string;
    organisationId: string;
    familyName: string;
    givenName: string;
    officeId: string;
    rootBodyId: string;
    title: string;
    startsOn: string;
  },
): Promise<void> {
  await db
    .insertInto('person')
    .values({
      id: row.personId,
      organisation_id: row.organisationId,
      family_name: row.familyName,
      given_name: row.givenName,
      patronymic: null,
      name_ru: null,
      sex: null,
      birth_year: null,
      social_position: 'other',
      status: 'non_member',
      body_id: null,
      enterprise_id: null,
      joined_on: null,
      candidate_since: null,
      card_number: null,
    })
    .execute();
  await db
    .insertInto('office')
    .values({
      id: row.officeId,
      body_id: row.rootBodyId,
      person_id: row.personId,
      title: row.title,
      starts_on: row.startsOn,
    })
    .execute();
}
