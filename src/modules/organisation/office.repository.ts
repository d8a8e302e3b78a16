// SQL of offices and enterprises (the organisation area).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export interface OfficeRow {
  id: string;
  body_id: string;
  person_id: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
}

const officeColumns = [
  'o.id',
  'o.body_id',
  'o.person_id',
  'o.title',
  'o.starts_on',
  'o.ends_on',
  'p.family_name',
  'p.given_name',
  'p.patronymic',
  'p.name_ru',
] as const;

export async function insertOffice(
  db: Executor,
  row: { id: string; body_id: string; person_id: string; title: string; starts_on: string; ends_on: string | null },
): Promise<void> {
  await db.insertInto('office').values(row).execute();
}

/** An office with its holder's name and the path, kind and organisation of its body. */
export async function findOffice(db: Executor, id: string, forUpdate = false) {
  let q = db
    .selectFrom('office as o')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .innerJoin('body as b', 'b.id', 'o.body_id')
    .select([
      ...officeColumns,
      'o.ended_at',
      sql<string>`b.path::text`.as('body_path'),
      'b.kind as body_kind',
      'b.organisation_id',
    ])
    .where('o.id', '=', id);
  if (forUpdate) q = q.forUpdate('o');
  return q.executeTakeFirst();
}

/** Sets the last day of an office; `atOnce` also marks it ended from this moment. */
export async function setOfficeEnd(db: Executor, id: string, endsOn: string | null, atOnce: boolean): Promise<void> {
  await db
    .updateTable('office')
    .set(atOnce ? { ends_on: endsOn, ended_at: sql<Date>`now()` } : { ends_on: endsOn })
    .where('id', '=', id)
    .execute();
}

/** Offices of a body held on `onDate`. */
export async function activeOffices(db: Executor, bodyId: string, onDate: string): Promise<OfficeRow[]> {
  return db
    .selectFrom('office as o')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .select(officeColumns)
    .where('o.body_id', '=', bodyId)
    .where('o.ended_at', 'is', null)
    .where('o.starts_on', '<=', onDate)
    .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', onDate)]))
    .orderBy('o.title')
    .orderBy('o.starts_on')
    .execute();
}

/** Ends every office of a body still held on `onDate` (dissolution, merger). */
export async function endOfficesOfBody(db: Executor, bodyId: string, onDate: string): Promise<void> {
  await db
    .updateTable('office')
    .set({ ends_on: onDate, ended_at: sql<Date>`now()` })
    .where('body_id', '=', bodyId)
    .where('ended_at', 'is', null)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', onDate)]))
    .execute();
}

export interface EnterpriseRow {
  id: string;
  organisation_id: string;
  name: string;
  name_ru: string | null;
  industry: string;
  workforce: number;
}

export async function insertEnterprise(db: Executor, row: EnterpriseRow): Promise<void> {
  await db.insertInto('enterprise').values(row).execute();
}

export async function findEnterprise(db: Executor, id: string): Promise<EnterpriseRow | undefined> {
  return db
    .selectFrom('enterprise')
    .select(['id', 'organisation_id', 'name', 'name_ru', 'industry', 'workforce'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Links an enterprise to a primary organisation and to its management and union committee. */
export async function linkEnterprise(db: Executor, primaryId: string, enterpriseId: string): Promise<void> {
  await db
    .updateTable('body')
    .set({ enterprise_id: enterpriseId })
    .where((eb) =>
      eb.or([
        eb('id', '=', primaryId),
        eb.and([
          eb('parent_id', '=', primaryId),
          eb('kind', 'in', ['management', 'union_committee']),
          eb('enterprise_id', 'is', null),
        ]),
      ]),
    )
    .execute();
}

/** The bodies of an enterprise's triangle (primary organisation, management, union committee). */
export async function triangleBodies(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('body')
    .select(['id', 'kind', 'name', 'name_ru', 'path', 'depth'])
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', 'in', ['primary_organisation', 'management', 'union_committee'])
    .where('status', '=', 'active')
    .orderBy(sql`depth`)
    .execute();
}
