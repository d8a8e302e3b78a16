// SQL of rounds: freezing the tree a round binds (round_body), the locking rule of every act on a report, report
// versions and acts, and the stored figures (rollup, round_progress, discrepancy) kept in the acting transaction.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type {
  DirectionRoundTable,
  ReportVersionTable,
  ReportStateCol,
  RoundBodyTable,
} from '../../platform/db/schema-direction.js';
import type { Addressing } from '../../contracts/direction.js';
import type { ProgressRowDelta as ProgressDelta, RollupRowDelta as RollupDelta } from './rules/deltas.js';
import { SUB_BODY_KINDS, TRIANGLE_KINDS } from '../../contracts/statute.js';

/** A directive to a whole subtree goes to its party bodies: not to a committee's organs, nor to an enterprise's
 * management, union committee or council. */
const NOT_ADDRESSED_BY_SUBTREE = [...SUB_BODY_KINDS, ...TRIANGLE_KINDS, 'council'];

export type RoundRow = Selectable<DirectionRoundTable>;
export type NodeRow = Selectable<RoundBodyTable> & { path: string };
export type VersionRow = Selectable<ReportVersionTable>;

export async function insertRound(ex: Executor, row: Insertable<DirectionRoundTable>): Promise<void> {
  await ex.insertInto('direction_round').values(row).execute();
}

export async function findRound(ex: Executor, id: string): Promise<RoundRow | null> {
  return (await ex.selectFrom('direction_round').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function roundOfSchedule(ex: Executor, scheduleId: string, periodStart: string): Promise<RoundRow | null> {
  return (
    (await ex
      .selectFrom('direction_round')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .where('period_start', '=', periodStart)
      .executeTakeFirst()) ?? null
  );
}

/** The opened periods of a schedule starting within [from, to] (either open-ended), the latest `limit`, oldest first. */
export async function roundsOfSchedule(
  ex: Executor,
  scheduleId: string,
  from: string | null,
  to: string | null,
  limit: number,
): Promise<RoundRow[]> {
  let q = ex.selectFrom('direction_round').selectAll().where('schedule_id', '=', scheduleId);
  if (from) q = q.where('period_start', '>=', from);
  if (to) q = q.where('period_start', '<=', to);
  const rows = await q.orderBy('period_start', 'desc').limit(limit).execute();
  return rows.reverse();
}

/** Whether a directive of the body could address anyone: an active body below it that a subtree addresses. */
export async function hasAddressableBelow(ex: Executor, bodyId: string, path: string): Promise<boolean> {
  const r = await sql<{ any: boolean }>`
    select exists (
      select 1 from body b
      where b.path <@ ${path}::ltree and b.id <> ${bodyId} and b.status = 'active'
        and not (b.kind = any(${NOT_ADDRESSED_BY_SUBTREE}::text[]))
    ) as any`.execute(ex);
  return r.rows[0]?.any === true;
}

/**
 * Freezes the round's tree (ADR 0027 §2): its addressees as they are now (active, below the issuer, by the
 * addressing), then every relay between the issuer and them, then each node's expected reports and members,
 * striped by the addressee (round_body.stripe: each node's own hash modulo 32, rules/stripes.ts). Set-based
 * statements, each over the addressees or their parents once. Returns the number of addressees.
 */
export async function freeze(
  ex: Executor,
  r: { roundId: string; issuerId: string; issuerPath: string; issuerDepth: number; dueAt: Date },
  addressing: Addressing,
): Promise<number> {
  const filter =
    addressing.kind === 'kinds'
      ? sql`and b.kind = any(${addressing.kinds}::text[])`
      : addressing.kind === 'bodies'
        ? sql`and b.id = any(${addressing.bodyIds}::uuid[])`
        : sql`and not (b.kind = any(${NOT_ADDRESSED_BY_SUBTREE}::text[]))`;
  // Addressees with the members registered in them (one hash join over body_headcount, not a probe per body)
  const added = await sql`
    insert into round_body (round_id, body_id, addressed, relay, path, depth, parent_id, stripe, members, due_at)
    select ${r.roundId}, b.id, true, false, b.path, b.depth, b.parent_id,
           direction_hash(b.id), coalesce(h.n, 0)::int, ${r.dueAt}
    from body b
    left join (select body_id, sum(n) as n from body_headcount group by body_id) h on h.body_id = b.id
    where b.path <@ ${r.issuerPath}::ltree and b.id <> ${r.issuerId} and b.status = 'active' ${filter}`.execute(ex);
  const addressees = Number(added.numAffectedRows ?? 0);
  if (addressees === 0) return 0;
  // Members registered in bodies that are not addressed (shop cells, party groups below an addressed organisation)
  // count with their nearest addressed ancestor (parent or grandparent), so an organisation's members are all of
  // its members and no one is counted twice when nested bodies are addressed too
  await sql`
    update round_body a set members = a.members + x.n
    from (
      select coalesce(p1.body_id, p2.body_id) as body_id, sum(h.n)::int as n
      from (select body_id, sum(n) as n from body_headcount group by body_id) h
      join body b on b.id = h.body_id
      left join round_body self on self.round_id = ${r.roundId} and self.body_id = b.id
      left join round_body p1 on p1.round_id = ${r.roundId} and p1.body_id = b.parent_id
      left join body bp on bp.id = b.parent_id
      left join round_body p2 on p2.round_id = ${r.roundId} and p2.body_id = bp.parent_id
      where b.path <@ ${r.issuerPath}::ltree and self.body_id is null
        and coalesce(p1.body_id, p2.body_id) is not null
      group by 1) x
    where a.round_id = ${r.roundId} and a.body_id = x.body_id`.execute(ex);
  // Relays: the ancestors of the addressees' parents, each parent expanded once (not each addressee)
  await sql`
    insert into round_body (round_id, body_id, addressed, relay, path, depth, parent_id, stripe, members, due_at)
    select ${r.roundId}, b.id, false, true, b.path, b.depth,
           case when b.id = ${r.issuerId} then null else b.parent_id end, direction_hash(b.id),
           0, ${r.dueAt}
    from body b
    where b.id in (
      select distinct subpath(p.path, d - 1, 1)::text::uuid
      from (select distinct x.parent_id from round_body x where x.round_id = ${r.roundId}) x
      join body p on p.id = x.parent_id,
      generate_series(${r.issuerDepth}::int, nlevel(p.path)) d)
    on conflict (round_id, body_id) do update set relay = true`.execute(ex);
  // Expected reports and members: each addressee's own row (stripe -1), then its ancestors' stripes from the
  // addressees grouped by parent and stored stripe first (at an ancestor of depth d: stripe % direction_stripes(d))
  await sql`
    insert into round_progress (round_id, body_id, stripe, expected, members)
    select ${r.roundId}, x.body_id, -1, 1, x.members
    from round_body x where x.round_id = ${r.roundId} and x.addressed`.execute(ex);
  await sql`
    insert into round_progress (round_id, body_id, stripe, expected, members)
    select ${r.roundId}, subpath(p.path, d - 1, 1)::text::uuid,
           g.stripe % direction_stripes(d), sum(g.n)::int, sum(g.m)::int
    from (select x.parent_id, x.stripe, count(*) as n, sum(x.members) as m
          from round_body x where x.round_id = ${r.roundId} and x.addressed
          group by 1, 2) g
    join round_body p on p.round_id = ${r.roundId} and p.body_id = g.parent_id,
    generate_series(${r.issuerDepth}::int, nlevel(p.path)) d
    group by 2, 3`.execute(ex);
  return addressees;
}

export interface NodeView extends NodeRow {
  name: string;
  name_ru: string | null;
  current_path: string;
  closed: boolean;
}

/** A frozen node with its body's names and current path (who manages it now may also see it). */
export async function findNode(ex: Executor, roundId: string, bodyId: string): Promise<NodeView | null> {
  const r = await sql<NodeView>`
    select rb.*, rb.path::text as path, b.name, b.name_ru, b.path::text as current_path, b.status <> 'active' as closed
    from round_body rb join body b on b.id = rb.body_id
    where rb.round_id = ${roundId} and rb.body_id = ${bodyId}`.execute(ex);
  return r.rows[0] ?? null;
}

/** The locking rule of every act (ADR 0027 §5): the parent relay FOR SHARE, then the node FOR UPDATE. */
export async function lockParentShare(
  ex: Executor,
  roundId: string,
  parentId: string,
): Promise<{ accepted_at: Date | null } | null> {
  const r = await sql<{ accepted_at: Date | null }>`
    select accepted_at from round_body where round_id = ${roundId} and body_id = ${parentId} for share`.execute(ex);
  return r.rows[0] ?? null;
}

export async function lockNode(ex: Executor, roundId: string, bodyId: string): Promise<NodeRow | null> {
  const r = await sql<NodeRow>`
    select *, path::text as path from round_body where round_id = ${roundId} and body_id = ${bodyId} for update`.execute(
    ex,
  );
  return r.rows[0] ?? null;
}

/** The frozen chain above a node (nearest first): their stripes say where the node's figures land. */
export async function chain(
  ex: Executor,
  roundId: string,
  ancestorIds: string[],
): Promise<{ body_id: string; depth: number; stripe: number; parent_id: string | null }[]> {
  if (ancestorIds.length === 0) return [];
  const r = await sql<{ body_id: string; depth: number; stripe: number; parent_id: string | null }>`
    select body_id, depth, stripe, parent_id from round_body
    where round_id = ${roundId} and body_id = any(${ancestorIds}::uuid[]) order by depth desc`.execute(ex);
  return r.rows;
}

export async function insertVersion(ex: Executor, row: Insertable<ReportVersionTable>): Promise<void> {
  await ex.insertInto('report_version').values(row).execute();
}

export async function findVersion(ex: Executor, id: string): Promise<VersionRow | null> {
  return (await ex.selectFrom('report_version').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function versionsOf(
  ex: Executor,
  roundId: string,
  bodyId: string,
): Promise<(VersionRow & { saved_by_name: string | null })[]> {
  const r = await sql<VersionRow & { saved_by_name: string | null }>`
    select v.*, (p.family_name || ' ' || p.given_name) as saved_by_name from report_version v left join person p on p.id = v.saved_by
    where v.round_id = ${roundId} and v.body_id = ${bodyId} order by v.n desc limit 200`.execute(ex);
  return r.rows;
}

export async function updateNode(
  ex: Executor,
  roundId: string,
  bodyId: string,
  set: Partial<{
    state: ReportStateCol;
    version: number;
    current_version_id: string | null;
    counted_version_id: string | null;
    first_submitted_at: Date;
    on_time: boolean;
    excused_at: Date;
    accepted_at: Date | null;
    open_until: Date | null;
    ack_at: Date;
    ack_by: string;
  }>,
): Promise<void> {
  await ex
    .updateTable('round_body')
    .set(set as never)
    .where('round_id', '=', roundId)
    .where('body_id', '=', bodyId)
    .execute();
}

export async function insertAct(
  ex: Executor,
  row: {
    id: string;
    round_id: string;
    body_id: string;
    act: string;
    version_id: string | null;
    reason: string | null;
    by_person: string | null;
  },
): Promise<void> {
  await ex.insertInto('direction_act').values(row).execute();
}

export async function actsOf(
  ex: Executor,
  roundId: string,
  bodyId: string,
): Promise<{ act: string; reason: string | null; at: Date; by_name: string | null }[]> {
  const r = await sql<{ act: string; reason: string | null; at: Date; by_name: string | null }>`
    select a.act, a.reason, a.at, (p.family_name || ' ' || p.given_name) as by_name from direction_act a left join person p on p.id = a.by_person
    where a.round_id = ${roundId} and a.body_id = ${bodyId} order by a.at desc, a.id desc limit 200`.execute(ex);
  return r.rows;
}

/**
 * Adds deltas to the stored roll-ups in one statement, rows taken in key order (no deadlock between
 * submissions). Stripe -1 (a node's own report) is set from the delta's min/max; other stripes widen theirs.
 */
export async function applyRollup(ex: Executor, roundId: string, rows: RollupDelta[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into rollup as r (round_id, body_id, indicator_id, stripe, n, sum, min, max)
    select ${roundId}::uuid, t.body_id, t.indicator_id, t.stripe, t.n, t.sum, t.min, t.max
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as t(body_id uuid, indicator_id uuid, stripe int, n int, sum float8, min float8, max float8)
    order by t.body_id, t.indicator_id, t.stripe
    on conflict (round_id, body_id, indicator_id, stripe) do update set
      n = r.n + excluded.n,
      sum = r.sum + excluded.sum,
      min = case when excluded.stripe < 0 then excluded.min else least(r.min, excluded.min) end,
      max = case when excluded.stripe < 0 then excluded.max else greatest(r.max, excluded.max) end`.execute(ex);
}

/**
 * Recomputes the min and max of one ancestor's stripe after a retraction, for the indicators whose retracted value
 * was that stripe's minimum or maximum (otherwise the extreme is still there: nothing to do). A striped node
 * (depths 1–3) takes them from the own reports (stripe -1) of its descendants hashed into the stripe: counted
 * reports of the round's stored stripes in `hashes`, within the node's path range (index round_body_stripe; at
 * most 1/32 of the round below the root, 1/4 of a region's or a city's subtree); an unstriped node from its
 * children's rows, already corrected below it (refresh bottom up).
 */
export async function refreshExtremes(
  ex: Executor,
  roundId: string,
  link: { bodyId: string; stripe: number },
  hashes: number[] | null,
  retracted: { indicatorId: string; value: number }[],
): Promise<void> {
  if (retracted.length === 0) return;
  const extremes = hashes
    ? sql`select min(o.min) as mn, max(o.max) as mx
          from round_body c join rollup o on o.round_id = c.round_id and o.body_id = c.body_id
            and o.indicator_id = cur.indicator_id and o.stripe = -1
          where c.round_id = ${roundId} and c.counted_version_id is not null and c.stripe = any(${hashes}::int[])
            and c.path > xb.path and c.path < (xb.path || 'z'::ltree) and c.path <@ xb.path`
    : sql`select min(o.min) as mn, max(o.max) as mx
          from round_body c join rollup o on o.round_id = c.round_id and o.body_id = c.body_id
            and o.indicator_id = cur.indicator_id
          where c.round_id = ${roundId} and c.parent_id = ${link.bodyId}`;
  // (a path label is a uuid's hex digits, below 'z': the node's descendants lie between its path and path.z)
  await sql`
    update rollup r set min = e.mn, max = e.mx
    from jsonb_to_recordset(${JSON.stringify(retracted)}::jsonb) as t("indicatorId" uuid, value float8)
    join rollup cur on cur.round_id = ${roundId} and cur.body_id = ${link.bodyId} and cur.stripe = ${link.stripe}
      and cur.indicator_id = t."indicatorId" and (cur.min = t.value or cur.max = t.value)
    join round_body xb on xb.round_id = ${roundId} and xb.body_id = ${link.bodyId}
    cross join lateral (${extremes}) e
    where r.round_id = ${roundId} and r.body_id = ${link.bodyId} and r.stripe = ${link.stripe}
      and r.indicator_id = cur.indicator_id`.execute(ex);
}

export async function applyProgress(ex: Executor, roundId: string, rows: ProgressDelta[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into round_progress as p (round_id, body_id, stripe, submitted, reported, on_time, returned, approved, excused, acknowledged)
    select ${roundId}::uuid, t.body_id, t.stripe, t.submitted, t.reported, t.on_time, t.returned, t.approved, t.excused, t.acknowledged
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as t(body_id uuid, stripe int, submitted int, reported int, on_time int, returned int, approved int, excused int, acknowledged int)
    order by t.body_id, t.stripe
    on conflict (round_id, body_id, stripe) do update set
      submitted = p.submitted + excluded.submitted, reported = p.reported + excluded.reported,
      on_time = p.on_time + excluded.on_time, returned = p.returned + excluded.returned,
      approved = p.approved + excluded.approved, excused = p.excused + excluded.excused,
      acknowledged = p.acknowledged + excluded.acknowledged`.execute(ex);
}

export interface ProgressSum {
  body_id: string;
  expected: number;
  members: number;
  submitted: number;
  reported: number;
  on_time: number;
  returned: number;
  approved: number;
  excused: number;
  acknowledged: number;
}

/** Completeness of nodes (their subtrees, themselves included): the stripes added. */
export async function progressOf(ex: Executor, roundId: string, bodyIds: string[]): Promise<ProgressSum[]> {
  if (bodyIds.length === 0) return [];
  const r = await sql<ProgressSum>`
    select body_id, sum(expected)::int as expected, sum(members)::int as members, sum(submitted)::int as submitted,
           sum(reported)::int as reported, sum(on_time)::int as on_time, sum(returned)::int as returned,
           sum(approved)::int as approved, sum(excused)::int as excused, sum(acknowledged)::int as acknowledged
    from round_progress where round_id = ${roundId} and body_id = any(${bodyIds}::uuid[]) group by body_id`.execute(ex);
  return r.rows;
}

export interface RollupSum {
  body_id: string;
  indicator_id: string;
  own_n: number;
  own_sum: number;
  own_min: number | null;
  own_max: number | null;
  desc_n: number;
  desc_sum: number;
  desc_min: number | null;
  desc_max: number | null;
}

/** Roll-ups of nodes: the own row apart from the descendants' stripes added. */
export async function rollupsOf(ex: Executor, roundId: string, bodyIds: string[]): Promise<RollupSum[]> {
  if (bodyIds.length === 0) return [];
  const r = await sql<RollupSum>`
    select body_id, indicator_id,
      coalesce(sum(n) filter (where stripe < 0), 0)::int as own_n, coalesce(sum(sum) filter (where stripe < 0), 0) as own_sum,
      min(min) filter (where stripe < 0) as own_min, max(max) filter (where stripe < 0) as own_max,
      coalesce(sum(n) filter (where stripe >= 0), 0)::int as desc_n, coalesce(sum(sum) filter (where stripe >= 0), 0) as desc_sum,
      min(min) filter (where stripe >= 0) as desc_min, max(max) filter (where stripe >= 0) as desc_max
    from rollup where round_id = ${roundId} and body_id = any(${bodyIds}::uuid[]) group by body_id, indicator_id`.execute(
    ex,
  );
  return r.rows.map((x) => ({ ...x, own_sum: Number(x.own_sum), desc_sum: Number(x.desc_sum) }));
}

export interface ChildRow extends NodeRow {
  name: string;
  name_ru: string | null;
  closed: boolean;
}

/** A node's frozen children (the tree as it was), names from today's bodies. */
export async function childrenOf(ex: Executor, roundId: string, parentId: string, limit = 2000): Promise<ChildRow[]> {
  const r = await sql<ChildRow>`
    select rb.*, rb.path::text as path, b.name, b.name_ru, b.status <> 'active' as closed
    from round_body rb join body b on b.id = rb.body_id
    where rb.round_id = ${roundId} and rb.parent_id = ${parentId}
    order by b.name, rb.body_id limit ${limit}`.execute(ex);
  return r.rows;
}

/** Round targets set explicitly by splits, for some nodes. */
export async function explicitTargets(
  ex: Executor,
  roundId: string,
  bodyIds: string[],
): Promise<{ body_id: string; indicator_id: string; value: number }[]> {
  if (bodyIds.length === 0) return [];
  return ex
    .selectFrom('round_target')
    .select(['body_id', 'indicator_id', 'value'])
    .where('round_id', '=', roundId)
    .where('body_id', 'in', bodyIds)
    .execute();
}

export async function upsertTargets(
  ex: Executor,
  rows: { round_id: string; body_id: string; indicator_id: string; value: number; set_by_body_id: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await ex
    .insertInto('round_target')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['round_id', 'body_id', 'indicator_id']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        set_by_body_id: eb.ref('excluded.set_by_body_id'),
        set_at: new Date(),
      })),
    )
    .execute();
}

/** Rounds in which a body is addressed or relays, newest due first. */
export async function inboxOf(
  ex: Executor,
  bodyId: string,
): Promise<
  {
    round_id: string;
    directive_id: string | null;
    schedule_id: string | null;
    issuer_body_id: string;
    title: string | null;
    title_ru: string | null;
    form_name: string | null;
    form_name_ru: string | null;
    issuer_name: string;
    issuer_name_ru: string | null;
    period_start: string;
    period_end: string;
    due_at: Date;
    expires_at: Date;
    addressed: boolean;
    relay: boolean;
    has_form: boolean;
    state: string;
    ack_at: Date | null;
    campaign_id: string | null;
  }[]
> {
  const r = await sql<never>`
    select r.id as round_id, r.directive_id, r.schedule_id, r.issuer_body_id, d.title, d.title_ru, f.name as form_name, f.name_ru as form_name_ru,
           ib.name as issuer_name, ib.name_ru as issuer_name_ru, r.period_start, r.period_end, rb.due_at, r.expires_at,
           rb.addressed, rb.relay, r.form_id is not null as has_form, rb.state, rb.ack_at,
           (select c.id from campaign c where c.directive_id = r.directive_id) as campaign_id
    from round_body rb join direction_round r on r.id = rb.round_id
    join body ib on ib.id = r.issuer_body_id
    left join directive d on d.id = r.directive_id
    left join report_form f on f.id = r.form_id
    where rb.body_id = ${bodyId}
    order by rb.due_at desc limit 200`.execute(ex);
  return r.rows;
}

/**
 * Recomputes a round's roll-ups and progress (expected and members included) from its frozen nodes, versions and
 * states (bulk loads, and the tests' check): each node's own row (stripe -1), and at each ancestor of depth d the
 * stripe of the node's stored stripe modulo direction_stripes(d), as the acts and the freeze write them.
 */
export async function recomputeRound(ex: Executor, roundId: string, issuerDepth: number): Promise<void> {
  await sql`delete from rollup where round_id = ${roundId}`.execute(ex);
  await sql`
    insert into rollup (round_id, body_id, indicator_id, stripe, n, sum, min, max)
    select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid, i.id,
           case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
           count(*) filter (where v.vals -> i.code is not null and v.vals -> i.code <> 'null'::jsonb)::int,
           coalesce(sum(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end), 0),
           min(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end),
           max(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end)
    from round_body x
    join report_version v on v.id = x.counted_version_id
    join direction_round r on r.id = x.round_id
    join report_form_item fi on fi.form_id = r.form_id
    join indicator i on i.id = fi.indicator_id
    cross join generate_series(${issuerDepth}::int, x.depth) d
    where x.round_id = ${roundId} and x.counted_version_id is not null
    group by 2, 3, 4`.execute(ex);
  await sql`delete from round_progress where round_id = ${roundId}`.execute(ex);
  await sql`
    insert into round_progress (round_id, body_id, stripe, expected, members, submitted, reported, on_time, returned,
                                approved, excused, acknowledged)
    select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid,
           case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
           count(*)::int, sum(x.members)::int,
           count(*) filter (where x.state in ('submitted', 'approved', 'reopened'))::int,
           count(*) filter (where x.first_submitted_at is not null)::int,
           count(*) filter (where x.on_time)::int,
           count(*) filter (where x.state = 'returned')::int,
           count(*) filter (where x.state = 'approved')::int,
           count(*) filter (where x.excused_at is not null and x.state <> 'approved')::int,
           count(*) filter (where x.ack_at is not null)::int
    from round_body x cross join generate_series(${issuerDepth}::int, x.depth) d
    where x.round_id = ${roundId} and x.addressed
    group by 2, 3`.execute(ex);
}

/** Stored figures of a round, for comparing with a recomputation (tests, the bench). */
export async function storedFigures(
  ex: Executor,
  roundId: string,
): Promise<{ rollup: unknown[]; progress: unknown[] }> {
  const rollup = await sql`
    select r.body_id, r.indicator_id, r.stripe, r.n, round(r.sum::numeric, 6) as sum,
           case when i.aggregation in ('min', 'max') then r.min end as min,
           case when i.aggregation in ('min', 'max') then r.max end as max
    from rollup r join indicator i on i.id = r.indicator_id
    where r.round_id = ${roundId} and r.n <> 0 order by 1, 2, 3`.execute(ex);
  const progress = await sql`
    select body_id, stripe, expected, members, submitted, reported, on_time, returned, approved, excused, acknowledged
    from round_progress where round_id = ${roundId} order by 1, 2`.execute(ex);
  return { rollup: rollup.rows, progress: progress.rows };
}

export interface BodyFacts {
  id: string;
  organisation_id: string;
  path: string;
  depth: number;
  kind: string;
  status: string;
  name: string;
  name_ru: string | null;
}

/** A body as it is now (reading the tree is free, ADR 0024). */
export async function findBody(ex: Executor, id: string): Promise<BodyFacts | null> {
  const r = await sql<BodyFacts>`
    select id, organisation_id, path::text as path, depth, kind, status, name, name_ru from body where id = ${id}`.execute(
    ex,
  );
  return r.rows[0] ?? null;
}

export async function writeOutbox(ex: Executor, payload: unknown): Promise<void> {
  await ex
    .insertInto('outbox')
    .values({ topic: 'direction.changed', payload: JSON.stringify(payload) })
    .execute();
}

export async function insertFlag(
  ex: Executor,
  row: {
    id: string;
    round_id: string;
    body_id: string;
    version_id: string;
    kind: 'rule' | 'outlier';
    rule_id: string | null;
    indicator_id: string | null;
    importance: string;
    detail: string;
  },
): Promise<void> {
  await ex.insertInto('report_flag').values(row).execute();
}

export async function flagsOf(
  ex: Executor,
  versionId: string,
): Promise<{ kind: 'rule' | 'outlier'; importance: string; detail: unknown }[]> {
  return ex
    .selectFrom('report_flag')
    .select(['kind', 'importance', 'detail'])
    .where('version_id', '=', versionId)
    .execute();
}

export async function nextSummaryN(ex: Executor, roundId: string, bodyId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select coalesce(max(n), 0)::int + 1 as n from report_version
    where round_id = ${roundId} and body_id = ${bodyId} and scope = 'summary'`.execute(ex);
  return r.rows[0]!.n;
}

/** A committee's summary figures, to be compared with its organisations' raw reports. */
export async function setSummary(
  ex: Executor,
  roundId: string,
  bodyId: string,
  rows: { indicator_id: string; summary: number }[],
): Promise<void> {
  await sql`delete from discrepancy where round_id = ${roundId} and body_id = ${bodyId}`.execute(ex);
  if (rows.length === 0) return;
  await ex
    .insertInto('discrepancy')
    .values(
      rows.map((r) => ({
        round_id: roundId,
        body_id: bodyId,
        indicator_id: r.indicator_id,
        summary: r.summary,
        raw: null,
        raw_reports: 0,
        expected: 0,
        flagged: false,
      })),
    )
    .execute();
}

/**
 * Compares the summaries of some committees with the raw reports below them (the descendants' stored roll-up,
 * finalised by each indicator's aggregation): flagged when |summary − raw| > max(tolerance_abs, tolerance_rel ×
 * |raw|) (ADR 0027 §7). Only rows that exist are touched: committees that filed no summary cost nothing.
 */
export async function refreshDiscrepancies(ex: Executor, roundId: string, bodyIds: string[]): Promise<void> {
  if (bodyIds.length === 0) return;
  await sql`
    update discrepancy d set raw = x.raw, raw_reports = x.reports, expected = x.expected,
      flagged = x.raw is null or abs(d.summary - x.raw) > greatest(coalesce(x.tol_abs, 0), coalesce(x.tol_rel, 0) * abs(x.raw)),
      flagged_at = case when x.raw is null or abs(d.summary - x.raw) > greatest(coalesce(x.tol_abs, 0), coalesce(x.tol_rel, 0) * abs(x.raw))
                        then coalesce(d.flagged_at, now()) else null end
    from (
      select d2.body_id, d2.indicator_id, i.tolerance_abs as tol_abs, i.tolerance_rel as tol_rel,
        (select case i.aggregation
                  when 'average' then case when sum(r.n) > 0 then sum(r.sum) / sum(r.n) end
                  when 'count' then sum(r.n)
                  when 'min' then min(r.min)
                  when 'max' then max(r.max)
                  else case when sum(r.n) > 0 then sum(r.sum) end end
         from rollup r where r.round_id = d2.round_id and r.body_id = d2.body_id and r.indicator_id = d2.indicator_id
           and r.stripe >= 0) as raw,
        coalesce((select sum(p.submitted) from round_progress p where p.round_id = d2.round_id and p.body_id = d2.body_id
           and p.stripe >= 0), 0)::int as reports,
        coalesce((select sum(p.expected) from round_progress p where p.round_id = d2.round_id and p.body_id = d2.body_id
           and p.stripe >= 0), 0)::int as expected
      from discrepancy d2 join indicator i on i.id = d2.indicator_id
      where d2.round_id = ${roundId} and d2.body_id = any(${bodyIds}::uuid[])) x
    where d.round_id = ${roundId} and d.body_id = x.body_id and d.indicator_id = x.indicator_id`.execute(ex);
}

export async function discrepanciesOf(
  ex: Executor,
  roundId: string,
  bodyIds: string[],
): Promise<{ body_id: string; indicator_id: string; summary: number; raw: number | null; flagged: boolean }[]> {
  if (bodyIds.length === 0) return [];
  return ex
    .selectFrom('discrepancy')
    .select(['body_id', 'indicator_id', 'summary', 'raw', 'flagged'])
    .where('round_id', '=', roundId)
    .where('body_id', 'in', bodyIds)
    .execute();
}

/** A round's title: its directive's, or its schedule's form's name. */
export async function titleOf(ex: Executor, round: RoundRow): Promise<{ title: string; titleRu: string }> {
  const r = await sql<{ title: string; title_ru: string }>`
    select coalesce(d.title, f.name, '') as title, coalesce(d.title_ru, f.name_ru, '') as title_ru
    from direction_round r left join directive d on d.id = r.directive_id left join report_form f on f.id = r.form_id
    where r.id = ${round.id}`.execute(ex);
  return { title: r.rows[0]?.title ?? '', titleRu: r.rows[0]?.title_ru ?? '' };
}

export interface BulkReport {
  body_id: string;
  version_id: string;
  vals: Record<string, number | string | null>;
  text: string | null;
  submitted_at: string;
  state: 'submitted' | 'approved' | 'returned';
  reason: string | null;
  by_person: string | null;
}

/**
 * Writes many first reports of one round at once (a history loaded in bulk: the demo): one submitted version
 * each, their acts, and the nodes' states. The stored figures are left to `recomputeRound`.
 */
export async function bulkReports(ex: Executor, roundId: string, rows: BulkReport[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await sql`
    insert into report_version (id, round_id, body_id, n, scope, vals, text, saved_by, saved_at, submitted_at)
    select t.version_id, ${roundId}, t.body_id, 1, 'own', t.vals, t.text, t.by_person, t.submitted_at, t.submitted_at
    from jsonb_to_recordset(${json}::jsonb)
      as t(body_id uuid, version_id uuid, vals jsonb, text text, submitted_at timestamptz, by_person uuid)`.execute(ex);
  await sql`
    insert into direction_act (id, round_id, body_id, act, version_id, reason, by_person, at)
    select gen_random_uuid(), ${roundId}, t.body_id, a.act, t.version_id, case when a.act = 'submitted' then null else t.reason end,
           t.by_person, t.submitted_at + a.later
    from jsonb_to_recordset(${json}::jsonb)
      as t(body_id uuid, version_id uuid, submitted_at timestamptz, state text, reason text, by_person uuid)
    cross join lateral (values ('submitted', interval '0'), ('approved', interval '2 days'), ('returned', interval '1 day')) a(act, later)
    where a.act = 'submitted' or a.act = t.state`.execute(ex);
  await sql`
    update round_body rb set state = t.state, version = case when t.state = 'submitted' then 1 else 2 end,
      current_version_id = t.version_id,
      counted_version_id = case when t.state = 'returned' then null else t.version_id end,
      first_submitted_at = t.submitted_at, on_time = t.submitted_at <= rb.due_at,
      open_until = case when t.state = 'returned' then greatest(now(), t.submitted_at) + interval '7 days' end
    from jsonb_to_recordset(${json}::jsonb) as t(body_id uuid, version_id uuid, submitted_at timestamptz, state text)
    where rb.round_id = ${roundId} and rb.body_id = t.body_id and rb.addressed`.execute(ex);
}

/** A due date set below a committee in a history loaded in bulk (its concretisation's deadline included). */
export async function setDueOfSubtree(ex: Executor, roundId: string, bodyId: string, dueAt: Date): Promise<void> {
  await sql`
    update round_body set due_at = ${dueAt} where round_id = ${roundId}
      and path <@ (select path from round_body where round_id = ${roundId} and body_id = ${bodyId})`.execute(ex);
  await sql`
    update directive_concretisation c set deadline = ${dueAt}
    from direction_round r where r.id = ${roundId} and c.directive_id = r.directive_id and c.body_id = ${bodyId}`.execute(
    ex,
  );
}

/** The committees of a round that filed a summary. */
export async function discrepancyBodies(ex: Executor, roundId: string): Promise<string[]> {
  const r = await ex.selectFrom('discrepancy').select('body_id').distinct().where('round_id', '=', roundId).execute();
  return r.map((x) => x.body_id);
}

/** A body's counted values in its last `limit` rounds of a schedule before a period (newest first): its history. */
export async function historyOf(
  ex: Executor,
  bodyId: string,
  scheduleId: string,
  before: string,
  limit: number,
): Promise<unknown[]> {
  const r = await sql<{ vals: unknown }>`
    select v.vals from round_body rb
    join direction_round r on r.id = rb.round_id
    join report_version v on v.id = rb.counted_version_id
    where rb.body_id = ${bodyId} and r.schedule_id = ${scheduleId} and r.period_start < ${before}
    order by r.period_start desc limit ${limit}`.execute(ex);
  return r.rows.map((x) => x.vals);
}

/** Schedules running on a date (started, not ended). */
export async function schedulesDue(ex: Executor, today: string): Promise<string[]> {
  const r = await ex
    .selectFrom('report_schedule')
    .select('id')
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .orderBy('id')
    .execute();
  return r.map((x) => x.id);
}

/** A round that froze nobody (it has no rows elsewhere). */
export async function deleteEmptyRound(ex: Executor, roundId: string): Promise<void> {
  await ex.deleteFrom('direction_round').where('id', '=', roundId).execute();
}
