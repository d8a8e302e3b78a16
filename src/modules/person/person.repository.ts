// SQL of persons: lookups, member lists over a subtree, search, registration and corrections; the one writer of
// the person table (other modules' services write through person-rows.service.ts, inside their transaction).
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { PersonTable } from '../../platform/db/schema.js';

export interface PersonSummaryRow {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  status: 'member' | 'candidate' | 'sympathiser' | 'non_member';
  social_position: string;
  card_number: string | null;
  joined_on: string | null;
  body_id: string | null;
  body_name: string | null;
  body_name_ru: string | null;
  body_path: string | null;
  primary_id: string | null;
  primary_name: string | null;
  primary_name_ru: string | null;
}

export interface PersonRow extends PersonSummaryRow {
  organisation_id: string;
  sex: 'm' | 'f' | null;
  birth_year: number | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  enterprise_name_ru: string | null;
  candidate_since: string | null;
  body_kind: string | null;
  body_name_ru: string | null;
  body_path: string | null;
  primary_id: string | null;
  primary_kind: string | null;
  primary_name: string | null;
  primary_name_ru: string | null;
  primary_path: string | null;
  organisation_name: string;
  organisation_name_ru: string | null;
}

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('body as b', 'b.id', 'p.body_id')
    .leftJoin('body as pr', 'pr.id', 'b.primary_id')
    .leftJoin('enterprise as e', 'e.id', 'p.enterprise_id')
    .select([
      'p.id',
      'p.organisation_id',
      'p.family_name',
      'p.given_name',
      'p.patronymic',
      'p.name_ru',
      'p.sex',
      'p.birth_year',
      'p.status',
      'p.social_position',
      'p.card_number',
      sql<string | null>`p.joined_on::text`.as('joined_on'),
      sql<string | null>`p.candidate_since::text`.as('candidate_since'),
      'p.enterprise_id',
      'e.name as enterprise_name',
      'e.name_ru as enterprise_name_ru',
      'p.body_id',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'b.kind as body_kind',
      sql<string | null>`b.path::text`.as('body_path'),
      'pr.id as primary_id',
      'pr.kind as primary_kind',
      'pr.name as primary_name',
      'pr.name_ru as primary_name_ru',
      sql<string | null>`pr.path::text`.as('primary_path'),
      'o.name as organisation_name',
      'o.name_ru as organisation_name_ru',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export interface PersonOfficeRow {
  id: string;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  body_kind: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  ended_at: Date | null;
}

export async function officesOf(db: Executor, personId: string): Promise<PersonOfficeRow[]> {
  return db
    .selectFrom('office as o')
    .innerJoin('body as b', 'b.id', 'o.body_id')
    .select([
      'o.id',
      'o.body_id',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'b.kind as body_kind',
      'o.title',
      sql<string>`o.starts_on::text`.as('starts_on'),
      sql<string | null>`o.ends_on::text`.as('ends_on'),
      'o.ended_at',
    ])
    .where('o.person_id', '=', personId)
    .orderBy('o.starts_on', 'desc')
    .orderBy('o.id')
    .execute();
}

export interface ListFilter {
  organisationId: string;
  /** Subtree roots (ltree paths): persons registered in any body below one of them. */
  roots: string[];
  /** Lower-cased, LIKE-escaped search words (each must prefix-match a name part). */
  terms: string[];
  /** The raw query, matched exactly against card numbers. */
  card: string | null;
  /** Card numbers match only for persons registered below these roots (those whose card the actor may see). */
  cardRoots: string[];
  statuses: ('member' | 'candidate' | 'sympathiser' | 'non_member')[];
  limit: number;
  offset: number;
}

function nameMatches(terms: string[]): Expression<SqlBool>[] {
  return terms.map(
    (t) => sql<SqlBool>`(lower(p.family_name) like ${t + '%'} or lower(p.given_name) like ${t + '%'}
      or lower(coalesce(p.patronymic, '')) like ${t + '%'} or lower(coalesce(p.name_ru, '')) like ${t + '%'}
      or lower(coalesce(p.name_ru, '')) like ${'% ' + t + '%'})`,
  );
}

/** A page of persons registered in the subtrees, ordered by name, with the total. */
export async function listPersons(db: Executor, f: ListFilter): Promise<{ items: PersonSummaryRow[]; total: number }> {
  if (f.roots.length === 0) return { items: [], total: 0 };
  const base = db
    .selectFrom('person as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .leftJoin('body as pr', 'pr.id', 'b.primary_id')
    .where('p.organisation_id', '=', f.organisationId)
    .where(
      sql<SqlBool>`(${sql.join(
        f.roots.map((r) => sql`b.path <@ ${r}::ltree`),
        sql` or `,
      )})`,
    )
    .where('p.status', 'in', f.statuses)
    .where((eb) => {
      if (f.terms.length === 0) return eb.val(true);
      const names = eb.and(nameMatches(f.terms));
      if (!f.card || f.cardRoots.length === 0) return names;
      const card = sql<SqlBool>`(p.card_number = ${f.card} and (${sql.join(
        f.cardRoots.map((r) => sql`b.path <@ ${r}::ltree`),
        sql` or `,
      )}))`;
      return eb.or([names, card]);
    });
  const [items, count] = await Promise.all([
    base
      .select([
        'p.id',
        'p.family_name',
        'p.given_name',
        'p.patronymic',
        'p.name_ru',
        'p.status',
        'p.social_position',
        'p.card_number',
        sql<string | null>`p.joined_on::text`.as('joined_on'),
        'p.body_id',
        'b.name as body_name',
        'b.name_ru as body_name_ru',
        sql<string | null>`b.path::text`.as('body_path'),
        'pr.id as primary_id',
        'pr.name as primary_name',
        'pr.name_ru as primary_name_ru',
      ])
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .orderBy('p.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface PersonLabelRow {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  card_number: string | null;
  body_id: string | null;
  body_name: string | null;
  body_name_ru: string | null;
  body_path: string | null;
  primary_id: string | null;
  primary_name: string | null;
  primary_name_ru: string | null;
}

/** What tells the given persons of an organisation apart: names, registration and its primary organisation, card. */
export async function personLabels(db: Executor, organisationId: string, ids: string[]): Promise<PersonLabelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person as p')
    .leftJoin('body as b', 'b.id', 'p.body_id')
    .leftJoin('body as pr', 'pr.id', 'b.primary_id')
    .select([
      'p.id',
      'p.family_name',
      'p.given_name',
      'p.patronymic',
      'p.name_ru',
      'p.card_number',
      'p.body_id',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      sql<string | null>`b.path::text`.as('body_path'),
      'pr.id as primary_id',
      'pr.name as primary_name',
      'pr.name_ru as primary_name_ru',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', 'in', ids)
    .execute();
}

/** The person holding a card number, when registered below one of the roots. */
export async function cardHolderWithin(
  db: Executor,
  organisationId: string,
  card: string,
  roots: string[],
): Promise<string | null> {
  if (roots.length === 0) return null;
  const row = await db
    .selectFrom('person as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .select('p.id')
    .where('p.organisation_id', '=', organisationId)
    .where('p.card_number', '=', card)
    .where(
      sql<SqlBool>`(${sql.join(
        roots.map((r) => sql`b.path <@ ${r}::ltree`),
        sql` or `,
      )})`,
    )
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function cardNumberHolder(
  db: Executor,
  organisationId: string,
  card: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('person')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('card_number', '=', card)
    .executeTakeFirst();
}

export async function enterpriseInOrganisation(
  db: Executor,
  enterpriseId: string,
  organisationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', enterpriseId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return !!row;
}

export type NewPersonRow = Insertable<PersonTable>;

export async function insertPerson(db: Executor, row: NewPersonRow): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export type PersonPatchRow = Pick<
  Updateable<PersonTable>,
  'family_name' | 'given_name' | 'patronymic' | 'name_ru' | 'sex' | 'birth_year' | 'social_position' | 'enterprise_id'
>;

export async function updatePerson(db: Executor, id: string, patch: PersonPatchRow): Promise<void> {
  await db.updateTable('person').set(patch).where('id', '=', id).execute();
}

export interface BulkPersonRow {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  sex: 'm' | 'f' | null;
  birth_year: number | null;
  social_position: string;
  status: PersonStatus;
  body_id: string;
  enterprise_id: string | null;
  joined_on: string | null;
  candidate_since: string | null;
  card_number: string | null;
}

/** Inserts many persons of one organisation in one statement (imports). */
export async function insertPersons(db: Executor, organisationId: string, c: BulkPersonRow[]): Promise<void> {
  if (c.length === 0) return;
  await sql`insert into person (id, organisation_id, family_name, given_name, patronymic, name_ru, sex, birth_year,
      social_position, status, body_id, enterprise_id, joined_on, candidate_since, card_number)
    select u.id, ${organisationId}::uuid, u.family_name, u.given_name, u.patronymic, u.name_ru, u.sex, u.birth_year,
      u.social_position, u.status, u.body_id, u.enterprise_id, u.joined_on, u.candidate_since, u.card_number
    from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.family_name)}::text[], ${c.map((r) => r.given_name)}::text[],
                ${c.map((r) => r.patronymic)}::text[], ${c.map((r) => r.name_ru)}::text[], ${c.map((r) => r.sex)}::text[],
                ${c.map((r) => r.birth_year)}::int[], ${c.map((r) => r.social_position)}::text[], ${c.map((r) => r.status)}::text[],
                ${c.map((r) => r.body_id)}::uuid[], ${c.map((r) => r.enterprise_id)}::uuid[], ${c.map((r) => r.joined_on)}::date[],
                ${c.map((r) => r.candidate_since)}::date[], ${c.map((r) => r.card_number)}::text[])
      as u(id, family_name, given_name, patronymic, name_ru, sex, birth_year, social_position, status, body_id,
           enterprise_id, joined_on, candidate_since, card_number)`.execute(db);
}

type PersonStatus = 'member' | 'candidate' | 'sympathiser' | 'non_member';

/** A person's membership standing: status, registration, card and how they left. */
export interface Standing {
  status: PersonStatus;
  bodyId: string | null;
  cardNumber: string | null;
  candidateSince: string | null;
  leftOn: string | null;
  leftReason: string | null;
  lastBodyId: string | null;
}

/** Sets a person's whole standing (a penalty's effect, or its undoing). */
export async function writeStanding(ex: Executor, id: string, p: Standing): Promise<void> {
  await ex
    .updateTable('person')
    .set({
      status: p.status,
      body_id: p.bodyId,
      card_number: p.cardNumber,
      candidate_since: p.candidateSince,
      left_on: p.leftOn,
      left_reason: p.leftReason,
      last_body_id: p.lastBodyId,
    })
    .where('id', '=', id)
    .execute();
}

/** Admits as a candidate: registered in the body, the card issued, any earlier leaving cleared. */
export async function makeCandidate(
  db: Executor,
  personId: string,
  v: { bodyId: string; on: string; cardNumber: string },
): Promise<void> {
  await db
    .updateTable('person')
    .set({
      status: 'candidate',
      body_id: v.bodyId,
      candidate_since: v.on,
      joined_on: v.on,
      card_number: v.cardNumber,
      left_on: null,
      left_reason: null,
      deregistered_on: null,
    })
    .where('id', '=', personId)
    .execute();
}

/** Admits as a full member. */
export async function makeMember(
  db: Executor,
  personId: string,
  v: { bodyId: string; on: string; cardNumber: string },
): Promise<void> {
  await db
    .updateTable('person')
    .set({
      status: 'member',
      body_id: v.bodyId,
      joined_on: v.on,
      card_number: v.cardNumber,
      left_on: null,
      left_reason: null,
      deregistered_on: null,
    })
    .where('id', '=', personId)
    .execute();
}

/** A candidate refused full membership leaves. */
export async function refuseCandidate(db: Executor, personId: string, on: string): Promise<void> {
  await db
    .updateTable('person')
    .set({
      status: 'non_member',
      left_on: on,
      left_reason: 'candidate_refused',
      card_number: null,
    })
    .where('id', '=', personId)
    .execute();
}

/** The member leaves: non-member, left on the date for 'resigned', registered nowhere, last held by the body. */
export async function resign(db: Executor, personId: string, bodyId: string, on: string): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({
      status: 'non_member',
      left_on: on,
      left_reason: 'resigned',
      last_body_id: bodyId,
      body_id: null,
      card_number: null,
      deregistered_on: null,
    })
    .where('id', '=', personId)
    .where('status', 'in', ['member', 'candidate'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deregisters when still registered in `fromBodyId`; returns whether the row changed. */
export async function deregister(db: Executor, id: string, fromBodyId: string, on: string): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ body_id: null, last_body_id: fromBodyId, deregistered_on: on })
    .where('id', '=', id)
    .where('body_id', '=', fromBodyId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Registers a person in transit (body_id null) in `toBodyId`; returns whether the row changed. */
export async function register(db: Executor, id: string, toBodyId: string): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ body_id: toBodyId, deregistered_on: null })
    .where('id', '=', id)
    .where('body_id', 'is', null)
    .where('status', 'in', ['member', 'candidate'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a registered person from one body to another in one act; returns whether the row changed. */
export async function move(db: Executor, id: string, fromBodyId: string, toBodyId: string): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ body_id: toBodyId, last_body_id: fromBodyId, deregistered_on: null })
    .where('id', '=', id)
    .where('body_id', '=', fromBodyId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Registers the given persons in a body (a new body's founders). */
export async function registerMany(db: Executor, ids: string[], bodyId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('person').set({ body_id: bodyId }).where('id', 'in', ids).execute();
}

/** Re-registers every person of one body in another (merging bodies); returns how many moved. */
export async function moveAllOfBody(db: Executor, fromBodyId: string, toBodyId: string): Promise<number> {
  const r = await db
    .updateTable('person')
    .set({ body_id: toBodyId })
    .where('body_id', '=', fromBodyId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function writeOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
