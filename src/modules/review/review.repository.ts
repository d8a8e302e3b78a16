// SQL of membership reviews and their items.
import { sql } from 'kysely';
import type { ReviewItemState, ReviewOutcome } from '../../contracts/review.js';
import type { Executor } from '../../platform/db/executor.js';

export interface ReviewRow {
  id: string;
  organisation_id: string;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  body_path: string;
  title: string;
  opened_on: string;
  deadline: string;
  state: 'open' | 'closed';
  closed_on: string | null;
  items: number;
}

export async function findReview(ex: Executor, id: string): Promise<ReviewRow | null> {
  const r = await sql<ReviewRow>`
    select r.id, r.organisation_id, r.body_id, b.name as body_name, b.name_ru as body_name_ru, b.path::text as body_path, r.title, r.opened_on,
           r.deadline, r.state, r.closed_on, (select count(*) from review_item i where i.review_id = r.id)::int as items
    from review r join body b on b.id = r.body_id where r.id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}

/** Reviews opened over a body, newest first. */
export async function reviewsOfBody(ex: Executor, bodyId: string): Promise<ReviewRow[]> {
  const r = await sql<ReviewRow>`
    select r.id, r.organisation_id, r.body_id, b.name as body_name, b.name_ru as body_name_ru, b.path::text as body_path, r.title, r.opened_on,
           r.deadline, r.state, r.closed_on, (select count(*) from review_item i where i.review_id = r.id)::int as items
    from review r join body b on b.id = r.body_id where r.body_id = ${bodyId}
    order by r.opened_on desc, r.id desc limit 100`.execute(ex);
  return r.rows;
}

export async function insertReview(
  ex: Executor,
  row: {
    id: string;
    organisation_id: string;
    body_id: string;
    title: string;
    opened_on: string;
    deadline: string;
    opened_by: string;
  },
): Promise<void> {
  await ex.insertInto('review').values(row).execute();
}

/** One item per member and candidate registered in the subtree: a single INSERT … SELECT. */
export async function insertItemsForSubtree(
  ex: Executor,
  reviewId: string,
  organisationId: string,
  rootPath: string,
): Promise<number> {
  const r = await sql<{ n: number }>`
    with ins as (
    insert into review_item (id, review_id, organisation_id, person_id, body_id, primary_id, status_at_opening)
    select gen_random_uuid(), ${reviewId}, ${organisationId}, p.id, p.body_id, b.primary_id, p.status
    from person p join body b on b.id = p.body_id
    where b.path <@ ${rootPath}::ltree and p.organisation_id = ${organisationId}
      and p.status in ('member', 'candidate')
    returning 1)
    select count(*)::int as n from ins`.execute(ex);
  return r.rows[0]?.n ?? 0;
}

export async function closeReview(ex: Executor, id: string, closedOn: string): Promise<boolean> {
  const r = await ex
    .updateTable('review')
    .set({ state: 'closed', closed_on: closedOn })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .returning('id')
    .execute();
  return r.length === 1;
}

export interface ItemRow {
  id: string;
  review_id: string;
  organisation_id: string;
  person_id: string;
  person_name: string;
  person_name_ru: string | null;
  card_number: string | null;
  status_at_opening: 'member' | 'candidate';
  body_id: string;
  primary_id: string | null;
  primary_path: string | null;
  state: ReviewItemState;
  outcome: ReviewOutcome | null;
  reasons: string | null;
  decided_on: string | null;
  prior: unknown;
  review_state: 'open' | 'closed';
  opened_on: string;
}

const itemColumns = sql`
  i.id, i.review_id, i.organisation_id, i.person_id, p.family_name || ' ' || p.given_name as person_name,
  p.name_ru as person_name_ru, p.card_number, i.status_at_opening, i.body_id, i.primary_id, pr.path::text as primary_path, i.state, i.outcome,
  i.reasons, i.decided_on, i.prior, r.state as review_state, r.opened_on`;

export async function findItem(ex: Executor, id: string, forUpdate = false): Promise<ItemRow | null> {
  if (forUpdate) await sql`select id from review_item where id = ${id} for update`.execute(ex);
  const r = await sql<ItemRow>`
    select ${itemColumns} from review_item i
    join person p on p.id = i.person_id
    join review r on r.id = i.review_id
    left join body pr on pr.id = i.primary_id
    where i.id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}

/** The guard against two conflicting decisions: only a pending item moves, once. */
export async function markDecided(
  ex: Executor,
  id: string,
  set: { outcome: ReviewOutcome; reasons: string; decided_on: string; decided_by: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('review_item')
    .set({ ...set, state: 'decided' })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returning('id')
    .execute();
  return r.length === 1;
}

export async function setItemFields(ex: Executor, id: string, set: { decision_id?: string; prior?: string | null }) {
  await ex.updateTable('review_item').set(set).where('id', '=', id).execute();
}

export async function setItemState(
  ex: Executor,
  id: string,
  from: ReviewItemState,
  to: ReviewItemState,
): Promise<boolean> {
  const r = await ex
    .updateTable('review_item')
    .set({ state: to })
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .execute();
  return r.length === 1;
}

export async function pendingItemsWithin(
  ex: Executor,
  f: { organisationId: string; roots: string[]; reviewId?: string; limit: number; offset: number },
): Promise<{ items: ItemRow[]; total: number }> {
  if (f.roots.length === 0) return { items: [], total: 0 };
  const within = sql.join(
    f.roots.map((r) => sql`pr.path <@ ${r}::ltree`),
    sql` or `,
  );
  const where = sql`i.organisation_id = ${f.organisationId} and i.state = 'pending' and r.state = 'open'
    and (${within}) ${f.reviewId ? sql`and i.review_id = ${f.reviewId}` : sql``}`;
  const rows = await sql<ItemRow>`
    select ${itemColumns} from review_item i
    join person p on p.id = i.person_id
    join review r on r.id = i.review_id
    join body pr on pr.id = i.primary_id
    where ${where} order by p.family_name, p.given_name, i.id limit ${f.limit} offset ${f.offset}`.execute(ex);
  const total = await sql<{ n: number }>`
    select count(*)::int as n from review_item i join review r on r.id = i.review_id
    join body pr on pr.id = i.primary_id where ${where}`.execute(ex);
  return { items: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export interface ProgressAgg {
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  total: number;
  decided: number;
  confirmed: number;
  moved_to_candidate: number;
  moved_to_sympathiser: number;
  expelled: number;
  pending: number;
}

const aggColumns = sql`
  count(i.id)::int as total,
  count(i.id) filter (where i.state <> 'pending')::int as decided,
  count(i.id) filter (where i.outcome = 'confirmed')::int as confirmed,
  count(i.id) filter (where i.outcome = 'moved_to_candidate')::int as moved_to_candidate,
  count(i.id) filter (where i.outcome = 'moved_to_sympathiser')::int as moved_to_sympathiser,
  count(i.id) filter (where i.outcome = 'expelled')::int as expelled,
  count(i.id) filter (where i.state = 'pending')::int as pending`;

/** Items rolled up per child of `bodyId` (by where the person was registered when the review opened). */
export async function progressByChild(ex: Executor, reviewId: string, bodyId: string): Promise<ProgressAgg[]> {
  const r = await sql<ProgressAgg>`
    select c.id as body_id, c.name as body_name, c.name_ru as body_name_ru, ${aggColumns}
    from body c
    join body b on b.path <@ c.path
    join review_item i on i.body_id = b.id and i.review_id = ${reviewId}
    where c.parent_id = ${bodyId}
    group by c.id, c.name, c.name_ru order by c.name`.execute(ex);
  return r.rows;
}

export async function progressOf(ex: Executor, reviewId: string, bodyId: string): Promise<ProgressAgg> {
  const r = await sql<ProgressAgg>`
    select c.id as body_id, c.name as body_name, c.name_ru as body_name_ru, ${aggColumns}
    from body c
    left join body b on b.path <@ c.path
    left join review_item i on i.body_id = b.id and i.review_id = ${reviewId}
    where c.id = ${bodyId}
    group by c.id, c.name, c.name_ru`.execute(ex);
  return r.rows[0]!;
}

export async function writeOutbox(ex: Executor, topic: string, payload: unknown): Promise<void> {
  await ex
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

export async function bodyOf(
  ex: Executor,
  id: string,
): Promise<{ id: string; path: string; kind: string; organisation_id: string } | null> {
  const r = await sql<{ id: string; path: string; kind: string; organisation_id: string }>`
    select id, path::text as path, kind, organisation_id from body where id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}
