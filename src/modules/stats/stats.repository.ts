// SQL of the statistics: one query per figure, over a subtree (path <@ root), sizes counted
// through body.primary_id so shop cells add to their primary organisation. The figures are summed from the
// stored per-body headcounts (body_headcount, kept by triggers on person in the transaction of every change,
// migration 0015, ADR 0019); the `…Direct` queries count persons instead and serve to check the stored figures.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export type CountedStatus = 'member' | 'candidate';

export interface SizeRow {
  size: number;
  organisations: number;
  workforce: number;
  communists: number;
}

/**
 * Histogram of primary organisation sizes in the subtree of `rootPath`, with the workforce of their
 * enterprises and the size of those that have one (for saturation).
 */
export async function sizeHistogram(db: Executor, rootPath: string, statuses: CountedStatus[]): Promise<SizeRow[]> {
  const { rows } = await sql<SizeRow>`
    with pos as (
      select id, enterprise_id from body
      where path <@ ${rootPath}::ltree and kind = 'primary_organisation' and status = 'active'
    ),
    sizes as (
      select b.primary_id as id, sum(h.n) as size
      from body_headcount h join body b on b.id = h.body_id
      where b.path <@ ${rootPath}::ltree and b.primary_id is not null and h.status in (${sql.join(statuses)})
      group by b.primary_id
    )
    select coalesce(s.size, 0)::int as size,
           count(*)::int as organisations,
           coalesce(sum(e.workforce), 0)::bigint as workforce,
           coalesce(sum(case when e.workforce > 0 then coalesce(s.size, 0) end), 0)::bigint as communists
    from pos
    left join sizes s on s.id = pos.id
    left join enterprise e on e.id = pos.enterprise_id
    group by 1
    order by 1`.execute(db);
  return rows;
}

/** {@link sizeHistogram} counted from the persons themselves (checks the stored figures). */
export async function sizeHistogramDirect(
  db: Executor,
  rootPath: string,
  statuses: CountedStatus[],
): Promise<SizeRow[]> {
  const { rows } = await sql<SizeRow>`
    with pos as (
      select id, enterprise_id from body
      where path <@ ${rootPath}::ltree and kind = 'primary_organisation' and status = 'active'
    ),
    sizes as (
      select b.primary_id as id, count(*) as size
      from person x join body b on b.id = x.body_id
      where b.path <@ ${rootPath}::ltree and b.primary_id is not null and x.status in (${sql.join(statuses)})
      group by b.primary_id
    )
    select coalesce(s.size, 0)::int as size,
           count(*)::int as organisations,
           coalesce(sum(e.workforce), 0)::bigint as workforce,
           coalesce(sum(case when e.workforce > 0 then coalesce(s.size, 0) end), 0)::bigint as communists
    from pos
    left join sizes s on s.id = pos.id
    left join enterprise e on e.id = pos.enterprise_id
    group by 1
    order by 1`.execute(db);
  return rows;
}

export interface CompositionRow {
  status: CountedStatus;
  social_position: string;
  n: number;
}

/** Members and candidates registered anywhere in the subtree, by social position. */
export async function composition(db: Executor, rootPath: string): Promise<CompositionRow[]> {
  const { rows } = await sql<CompositionRow>`
    select h.status, h.social_position, sum(h.n)::int as n
    from body_headcount h join body b on b.id = h.body_id
    where b.path <@ ${rootPath}::ltree
    group by 1, 2
    having sum(h.n) > 0
    order by 2, 1`.execute(db);
  return rows;
}

/** {@link composition} counted from the persons themselves (checks the stored figures). */
export async function compositionDirect(db: Executor, rootPath: string): Promise<CompositionRow[]> {
  const { rows } = await sql<CompositionRow>`
    select x.status, x.social_position, count(*)::int as n
    from person x join body b on b.id = x.body_id
    where b.path <@ ${rootPath}::ltree and x.status in ('member', 'candidate')
    group by 1, 2
    order by 2, 1`.execute(db);
  return rows;
}

/** The root body of an organisation (the first created when there are several). */
export async function rootBodyId(db: Executor, organisationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('body')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The only (or first) organisation in the database: the CLI's default. */
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

/**
 * A mark of the outbox that changes with every committed change others must see (ADR 0009): its lowest and highest
 * id and its number of rows (a transaction that commits late, below the highest id, still adds a row). Figures
 * cached under one mark are still true while the mark is the same (ADR 0019).
 */
export async function outboxMark(db: Executor): Promise<string> {
  const { rows } = await sql<{ mark: string }>`
    select coalesce(min(id), 0)::text || ':' || coalesce(max(id), 0)::text || ':' || count(*)::text as mark
    from outbox`.execute(db);
  return rows[0]!.mark;
}
