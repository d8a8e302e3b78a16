// SQL of digests (ADR 0027 §9): the rounds a committee is a frozen node of and still open, its children past their
// due date, discrepancies flagged and reports returned in its subtree; the stored digests (direction_digest).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { ReportStateCol } from '../../platform/db/schema-direction.js';

export interface DigestRoundRow {
  round_id: string;
  title: string;
  title_ru: string;
  period_start: string;
  due_at: Date;
  addressed: boolean;
  state: ReportStateCol;
}

/**
 * Rounds in which the body is a frozen node, opened by `now`, not expired and its level not accepted: most urgent
 * first (by its due date), at most `limit`.
 */
export async function openRoundsOf(ex: Executor, bodyId: string, now: Date, limit: number): Promise<DigestRoundRow[]> {
  const r = await sql<DigestRoundRow>`
    select r.id as round_id, coalesce(d.title, f.name, '') as title, coalesce(d.title_ru, f.name_ru, '') as title_ru,
           r.period_start::text as period_start, rb.due_at, rb.addressed, rb.state
    from round_body rb
    join direction_round r on r.id = rb.round_id
    left join directive d on d.id = r.directive_id
    left join report_form f on f.id = r.form_id
    where rb.body_id = ${bodyId} and rb.accepted_at is null and r.expires_at > ${now} and r.frozen_at <= ${now}
    order by rb.due_at, r.id
    limit ${limit}`.execute(ex);
  return r.rows.map((x) => ({ ...x, due_at: new Date(x.due_at) }));
}

export interface DueChildRow {
  body_id: string;
  name: string;
  name_ru: string | null;
  due_at: Date;
}

/** The body's frozen children in a round whose due date has passed (who among them misses a report: progress). */
export async function childrenPastDue(
  ex: Executor,
  roundId: string,
  bodyId: string,
  now: Date,
): Promise<DueChildRow[]> {
  const r = await sql<DueChildRow>`
    select rb.body_id, b.name, b.name_ru, rb.due_at
    from round_body rb join body b on b.id = rb.body_id
    where rb.round_id = ${roundId} and rb.parent_id = ${bodyId} and rb.due_at < ${now}`.execute(ex);
  return r.rows.map((x) => ({ ...x, due_at: new Date(x.due_at) }));
}

export interface DiscrepancyRow {
  round_id: string;
  body_id: string;
  name: string;
  name_ru: string | null;
  code: string;
  summary: number;
  raw: number | null;
}

/** Discrepancies flagged in the subtree of `path` (the body included) in the given rounds. */
export async function discrepanciesBelow(
  ex: Executor,
  roundIds: string[],
  path: string,
  limit: number,
): Promise<DiscrepancyRow[]> {
  if (roundIds.length === 0) return [];
  const r = await sql<DiscrepancyRow>`
    select x.round_id, x.body_id, b.name, b.name_ru, i.code, x.summary, x.raw
    from discrepancy x
    join round_body rb on rb.round_id = x.round_id and rb.body_id = x.body_id
    join body b on b.id = x.body_id
    join indicator i on i.id = x.indicator_id
    where x.round_id = any(${roundIds}::uuid[]) and x.flagged and rb.path <@ ${path}::ltree
    order by x.round_id, b.name, i.code
    limit ${limit}`.execute(ex);
  return r.rows.map((x) => ({ ...x, summary: Number(x.summary), raw: x.raw === null ? null : Number(x.raw) }));
}

export interface ReturnedRow {
  round_id: string;
  body_id: string;
  name: string;
  name_ru: string | null;
}

/** Reports returned for correction (and not yet resubmitted) in the subtree of `path`, in the given rounds. */
export async function returnedBelow(
  ex: Executor,
  roundIds: string[],
  path: string,
  limit: number,
): Promise<ReturnedRow[]> {
  if (roundIds.length === 0) return [];
  const r = await sql<ReturnedRow>`
    select rb.round_id, rb.body_id, b.name, b.name_ru
    from round_body rb join body b on b.id = rb.body_id
    where rb.round_id = any(${roundIds}::uuid[]) and rb.state = 'returned' and rb.path <@ ${path}::ltree
    order by rb.round_id, b.name
    limit ${limit}`.execute(ex);
  return r.rows;
}

export async function findDigest(ex: Executor, bodyId: string, forDate: string): Promise<unknown> {
  const row = await ex
    .selectFrom('direction_digest')
    .select('content')
    .where('body_id', '=', bodyId)
    .where('for_date', '=', forDate)
    .executeTakeFirst();
  if (!row) return null;
  return typeof row.content === 'string' ? (JSON.parse(row.content) as unknown) : row.content;
}

/** Stores a body's digest for a day; a second store of the same key writes nothing. True when written. */
export async function insertDigest(ex: Executor, bodyId: string, forDate: string, content: unknown): Promise<boolean> {
  const r = await ex
    .insertInto('direction_digest')
    .values({ body_id: bodyId, for_date: forDate, content: JSON.stringify(content) })
    .onConflict((oc) => oc.columns(['body_id', 'for_date']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Organisations with rounds open now. */
export async function organisationsWithOpenRounds(ex: Executor, now: Date): Promise<string[]> {
  const r = await sql<{ organisation_id: string }>`
    select distinct organisation_id from direction_round where expires_at > ${now} and frozen_at <= ${now}`.execute(ex);
  return r.rows.map((x) => x.organisation_id);
}

/**
 * Committees (relays) of the organisation's open rounds, their level not accepted, that have no digest for
 * `forDate` yet: at most `limit` (the rest on the next tick).
 */
export async function committeesWithoutDigest(
  ex: Executor,
  organisationId: string,
  now: Date,
  forDate: string,
  limit: number,
): Promise<string[]> {
  const r = await sql<{ body_id: string }>`
    select distinct rb.body_id
    from direction_round r
    join round_body rb on rb.round_id = r.id and rb.relay
    where r.organisation_id = ${organisationId} and r.expires_at > ${now} and r.frozen_at <= ${now}
      and rb.accepted_at is null
      and not exists (select 1 from direction_digest g where g.body_id = rb.body_id and g.for_date = ${forDate}::date)
    limit ${limit}`.execute(ex);
  return r.rows.map((x) => x.body_id);
}
