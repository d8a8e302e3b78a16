// SQL of admission: applications, recommendations, candidate stages and the card number counter (a person's
// status is changed through the person module: person-rows.service.ts).
import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { AdmissionApplicationTable, CandidacyTable } from '../../platform/db/schema-admission.js';

type AppState = AdmissionApplicationTable['state'];
type CandState = CandidacyTable['state'];

/** Ancestors of a path (excluding itself), root first. */
export async function ancestors(
  db: Executor,
  path: string,
): Promise<{ id: string; kind: string; name: string; path: string }[]> {
  const r = await sql<{ id: string; kind: string; name: string; path: string }>`
    select id, kind, name, path::text as path from body
    where path @> ${path}::ltree and path <> ${path}::ltree and status = 'active'
    order by depth`.execute(db);
  return r.rows;
}

export interface ApplicationRow {
  id: string;
  organisation_id: string;
  person_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  social_position: string;
  target: 'candidate' | 'member';
  state: AppState;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  primary_id: string;
  primary_name: string;
  primary_name_ru: string | null;
  primary_path: string;
  applied_on: string;
  statement: string | null;
  required_recommendations: number;
  min_standing_years: number;
  confirmed_recommendations: number;
  decided_on: string | null;
  confirming_body_id: string | null;
  confirming_name: string | null;
  confirming_name_ru: string | null;
  confirming_path: string | null;
  confirmed_on: string | null;
  created_at: Date | string;
}

function applications(db: Executor) {
  return db
    .selectFrom('admission_application as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('body as pr', 'pr.id', 'a.primary_id')
    .leftJoin('body as cb', 'cb.id', 'a.confirming_body_id')
    .select([
      'a.id',
      'a.organisation_id',
      'a.person_id',
      'p.family_name',
      'p.given_name',
      'p.patronymic',
      'p.name_ru',
      'a.social_position',
      'a.target',
      'a.state',
      'a.body_id',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'a.primary_id',
      'pr.name as primary_name',
      'pr.name_ru as primary_name_ru',
      sql<string>`pr.path::text`.as('primary_path'),
      sql<string>`a.applied_on::text`.as('applied_on'),
      'a.statement',
      'a.required_recommendations',
      sql<number>`a.min_standing_years::float8`.as('min_standing_years'),
      sql<number>`(select count(*) from admission_recommendation r
        where r.application_id = a.id and r.state = 'confirmed')::int`.as('confirmed_recommendations'),
      sql<string | null>`a.decided_on::text`.as('decided_on'),
      'a.confirming_body_id',
      'cb.name as confirming_name',
      'cb.name_ru as confirming_name_ru',
      sql<string | null>`cb.path::text`.as('confirming_path'),
      sql<string | null>`a.confirmed_on::text`.as('confirmed_on'),
      'a.created_at',
    ]);
}

export async function findApplication(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  return applications(db).where('a.id', '=', id).executeTakeFirst();
}

export interface ApplicationFilter {
  organisationId: string;
  /** Applications to primary organisations within this subtree. */
  primaryWithin?: string;
  confirmingBodyId?: string;
  personId?: string;
  states?: AppState[];
  limit?: number;
}

export async function listApplications(db: Executor, f: ApplicationFilter): Promise<ApplicationRow[]> {
  let q = applications(db).where('a.organisation_id', '=', f.organisationId);
  if (f.primaryWithin) q = q.where(sql<boolean>`pr.path <@ ${f.primaryWithin}::ltree`);
  if (f.confirmingBodyId) q = q.where('a.confirming_body_id', '=', f.confirmingBodyId);
  if (f.personId) q = q.where('a.person_id', '=', f.personId);
  if (f.states && f.states.length > 0) q = q.where('a.state', 'in', f.states);
  return q
    .orderBy('a.applied_on')
    .orderBy('a.id')
    .limit(f.limit ?? 500)
    .execute();
}

/** Locks the application row for the rest of the transaction and returns its state. */
export async function lockApplication(db: Executor, id: string): Promise<AppState | undefined> {
  const r = await db
    .selectFrom('admission_application')
    .select('state')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r?.state;
}

export async function openApplicationOf(db: Executor, personId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('admission_application')
    .select('id')
    .where('person_id', '=', personId)
    .where('state', 'in', ['collecting_recommendations', 'ready', 'admitted_by_primary'])
    .executeTakeFirst();
  return r?.id;
}

export type NewApplicationRow = Insertable<AdmissionApplicationTable>;

export async function insertApplication(db: Executor, row: NewApplicationRow): Promise<void> {
  await db.insertInto('admission_application').values(row).execute();
}

export interface ApplicationPatch {
  state?: AppState;
  primary_decision_id?: string;
  decided_on?: string;
  confirming_body_id?: string | null;
  committee_decision_id?: string;
  confirmed_on?: string;
}

/** Moves the application on only from the expected state; returns whether it did (0 rows: someone else moved it). */
export async function moveApplication(
  db: Executor,
  id: string,
  from: AppState,
  patch: ApplicationPatch,
): Promise<boolean> {
  const r = await db
    .updateTable('admission_application')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export interface RecommendationRow {
  id: string;
  application_id: string;
  recommender_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  card_number: string | null;
  joined_on: string | null;
  status: string;
  state: 'requested' | 'confirmed' | 'declined';
  text: string | null;
  answered_on: string | null;
}

function recommendations(db: Executor) {
  return db
    .selectFrom('admission_recommendation as r')
    .innerJoin('person as p', 'p.id', 'r.recommender_id')
    .select([
      'r.id',
      'r.application_id',
      'r.recommender_id',
      'p.family_name',
      'p.given_name',
      'p.patronymic',
      'p.name_ru',
      'p.card_number',
      sql<string | null>`p.joined_on::text`.as('joined_on'),
      'p.status',
      'r.state',
      'r.text',
      sql<string | null>`r.answered_on::text`.as('answered_on'),
    ]);
}

export async function recommendationsOf(db: Executor, applicationId: string): Promise<RecommendationRow[]> {
  return recommendations(db).where('r.application_id', '=', applicationId).orderBy('r.created_at').execute();
}

export async function findRecommendation(db: Executor, id: string): Promise<RecommendationRow | undefined> {
  return recommendations(db).where('r.id', '=', id).executeTakeFirst();
}

export async function requestedOf(db: Executor, recommenderId: string): Promise<RecommendationRow[]> {
  return recommendations(db)
    .where('r.recommender_id', '=', recommenderId)
    .where('r.state', '=', 'requested')
    .orderBy('r.created_at')
    .execute();
}

export async function isNamed(db: Executor, applicationId: string, recommenderId: string): Promise<boolean> {
  const r = await db
    .selectFrom('admission_recommendation')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('recommender_id', '=', recommenderId)
    .executeTakeFirst();
  return !!r;
}

export async function insertRecommendation(
  db: Executor,
  row: { id: string; application_id: string; recommender_id: string },
): Promise<void> {
  await db
    .insertInto('admission_recommendation')
    .values({ ...row, state: 'requested' })
    .execute();
}

export async function answerRecommendation(
  db: Executor,
  id: string,
  to: 'confirmed' | 'declined',
  text: string,
  on: string,
): Promise<boolean> {
  const r = await db
    .updateTable('admission_recommendation')
    .set({ state: to, text, answered_on: on })
    .where('id', '=', id)
    .where('state', '=', 'requested')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function countConfirmed(db: Executor, applicationId: string): Promise<number> {
  const r = await db
    .selectFrom('admission_recommendation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('application_id', '=', applicationId)
    .where('state', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface CandidacyRow {
  id: string;
  organisation_id: string;
  person_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  card_number: string | null;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  primary_id: string;
  primary_path: string;
  state: CandState;
  started_on: string;
  ends_on: string;
  extended_months: number;
  closed_on: string | null;
}

function candidacies(db: Executor) {
  return db
    .selectFrom('candidacy as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('body as b', 'b.id', 'c.body_id')
    .innerJoin('body as pr', 'pr.id', 'c.primary_id')
    .select([
      'c.id',
      'c.organisation_id',
      'c.person_id',
      'p.family_name',
      'p.given_name',
      'p.patronymic',
      'p.name_ru',
      'p.card_number',
      'c.body_id',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'c.primary_id',
      sql<string>`pr.path::text`.as('primary_path'),
      'c.state',
      sql<string>`c.started_on::text`.as('started_on'),
      sql<string>`c.ends_on::text`.as('ends_on'),
      'c.extended_months',
      sql<string | null>`c.closed_on::text`.as('closed_on'),
    ]);
}

/** The person's latest candidate stage (open or closed). */
export async function latestCandidacy(db: Executor, personId: string): Promise<CandidacyRow | undefined> {
  return candidacies(db)
    .where('c.person_id', '=', personId)
    .orderBy('c.started_on', 'desc')
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
}

/** The person's open candidate stage, locked for the rest of the transaction. */
export async function lockOpenCandidacy(db: Executor, personId: string): Promise<CandidacyRow | undefined> {
  const row = await db
    .selectFrom('candidacy')
    .select('id')
    .where('person_id', '=', personId)
    .where('state', 'in', ['candidate', 'extended'])
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return candidacies(db).where('c.id', '=', row.id).executeTakeFirst();
}

export async function dueCandidacies(db: Executor, primaryWithin: string, on: string): Promise<CandidacyRow[]> {
  return candidacies(db)
    .where(sql<boolean>`pr.path <@ ${primaryWithin}::ltree`)
    .where('c.state', 'in', ['candidate', 'extended'])
    .where('c.ends_on', '<=', on)
    .orderBy('c.ends_on')
    .orderBy('c.id')
    .limit(1000)
    .execute();
}

export async function insertCandidacy(
  db: Executor,
  row: {
    id: string;
    organisation_id: string;
    person_id: string;
    application_id: string;
    body_id: string;
    primary_id: string;
    started_on: string;
    ends_on: string;
  },
): Promise<void> {
  await db
    .insertInto('candidacy')
    .values({ ...row, state: 'candidate' })
    .execute();
}

export async function moveCandidacy(
  db: Executor,
  id: string,
  from: CandState,
  patch: { state: CandState; ends_on?: string; extended_months?: number; closed_on?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('candidacy')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** The next card value of the organisation: one counter row, incremented and read in one statement. */
export async function nextCardValue(db: Executor, organisationId: string): Promise<number> {
  await db
    .insertInto('card_counter')
    .values({ organisation_id: organisationId, last_value: 0 })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  const r = await db
    .updateTable('card_counter')
    .set({ last_value: sql<number>`last_value + 1` })
    .where('organisation_id', '=', organisationId)
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(r.last_value);
}

export async function writeOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

/** Full members registered in a primary organisation (or its shop cells) matching a name prefix or a card number. */
/**
 * Full members of a primary organisation whose names contain every search word as the start of a name part (in
 * any order, Latin or Cyrillic, patronymic included), or whose card number is the query.
 */
/**
 * Full members of a primary organisation whose card number is `q`, or whose names contain every term at the start
 * of a word: "Vladimir Bonch-Bruevich", "bruevich" and "Бонч Владимир" all find Vladimir Bonch-Bruevich.
 */
export async function findRecommenders(db: Executor, primaryId: string, q: string, terms: string[], limit: number) {
  const words = sql`(' ' || translate(lower(concat_ws(' ', p.given_name, p.patronymic, p.family_name, p.name_ru)), '-', ' '))`;
  return db
    .selectFrom('person as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .select(['p.id', 'p.status', 'p.card_number', sql<string | null>`p.joined_on::text`.as('joined_on')])
    .where('b.primary_id', '=', primaryId)
    .where('p.status', '=', 'member')
    .where((eb) =>
      eb.or([
        eb('p.card_number', '=', q),
        terms.length === 0
          ? eb.val(false)
          : eb.and(terms.map((t) => sql<SqlBool>`${words} like ${'% ' + t.replace(/-/g, ' ') + '%'}`)),
      ]),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}
