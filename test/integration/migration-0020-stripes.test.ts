// Upgrade test of migration 0020 (ADR 0027 §6): a database migrated to 0019 holds rounds whose stored roll-ups,
// completeness and campaign meeting counts were written the old way (a report's contribution at a striped ancestor in
// the stripe of the ancestor's child on the path, round_body.stripe the stripe a node lands in at its parent, a city
// unstriped). Applying 0020 (and any later migration) leaves every node's totals over its stripes as they were,
// sets round_body.stripe to each node's own hash modulo 32, and rebuilds the stored rows as a recomputation writes
// them: the reports of two organisations of one region land in different root stripes, by their own hashes.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS, createScratchDatabase, type DbKind } from '../support/db.js';
import { makeOrganisation } from '../support/factories.js';
import { openDatabase, type Database, type DbHandle } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createServices, type Services } from '../../src/app/compose.js';
import { bodyStripe, stripeOf } from '../../src/modules/direction/rules/stripes.js';
import { childPath, pathDepth } from '../../src/modules/organisation/rules/path.js';

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/platform/db/migrations');
const MIGRATION = '0020_direction_reporter_stripes.sql';

/** An empty database (no migration applied), dropped by close. */
async function openEmpty(kind: DbKind): Promise<DbHandle> {
  if (kind === 'pglite') return openDatabase({});
  const scratch = await createScratchDatabase();
  const h = await openDatabase({ databaseUrl: scratch.url });
  return {
    ...h,
    close: async () => {
      await h.close();
      await scratch.drop();
    },
  };
}

interface Node {
  id: string;
  path: string;
  depth: number;
}

/** A body with a given id (the test picks ids by their hashes). */
async function body(db: Database, orgId: string, kind: string, parent: Node | null, id = uuidv7()): Promise<Node> {
  const p = childPath(parent?.path ?? null, id);
  await sql`
    insert into body (id, organisation_id, parent_id, path, depth, kind, name, primary_id)
    values (${id}, ${orgId}, ${parent?.id ?? null}, ${p}::ltree, ${pathDepth(p)}, ${kind}, ${`${kind} ${id.slice(-4)}`},
            ${kind === 'primary_organisation' ? id : null})`.execute(db);
  return { id, path: p, depth: pathDepth(p) };
}

/** A fresh id whose stored stripe (hash modulo 32) satisfies `ok`. */
function idWhere(ok: (hash: number) => boolean): string {
  for (;;) {
    const id = uuidv7();
    if (ok(bodyStripe(id))) return id;
  }
}

interface Report {
  body: Node;
  members: number;
  state?: 'none' | 'submitted' | 'approved' | 'returned';
  vals?: Record<string, number | null>;
  onTime?: boolean;
  acked?: boolean;
}

/**
 * A round frozen and reported as the code before 0020 did: round_body.stripe = direction_stripe(id, depth - 1) (0017:
 * striped below depths 1 and 2 only; the issuer 0), and the stored rows of each node's own report (stripe -1) and of
 * its ancestors' stripes of the child on the path (the pre-0020 recomputeRound, set-based).
 */
async function oldRound(
  db: Database,
  o: {
    orgId: string;
    issuer: Node;
    formId: string;
    reports: Report[];
    meetings?: { body: Node; held?: boolean; quorate?: boolean; protocol?: boolean; cancelled?: boolean }[];
  },
): Promise<string> {
  const roundId = uuidv7();
  const directiveId = uuidv7();
  const due = new Date('2026-06-30T00:00:00Z');
  await sql`
    insert into directive (id, organisation_id, issuer_body_id, decision_id, title, title_ru, text, text_ru, addressing,
                           deadline, form_id)
    values (${directiveId}, ${o.orgId}, ${o.issuer.id}, ${uuidv7()}, 'Report', 'Отчёт', 'Report.', 'Отчитаться.',
            ${JSON.stringify({ kind: 'subtree' })}::jsonb, ${due}, ${o.formId})`.execute(db);
  await sql`
    insert into direction_round (id, organisation_id, issuer_body_id, directive_id, form_id, period_start, period_end,
                                 due_at, expires_at)
    values (${roundId}, ${o.orgId}, ${o.issuer.id}, ${directiveId}, ${o.formId}, '2026-01-01', '2026-06-30', ${due},
            ${new Date('2026-09-30T00:00:00Z')})`.execute(db);
  // the old freeze: addressees, then the relays between the issuer and them (the issuer's stripe 0)
  const addressees = o.reports.map((r) => ({ id: r.body.id, members: r.members }));
  await sql`
    insert into round_body (round_id, body_id, addressed, relay, path, depth, parent_id, stripe, members, due_at)
    select ${roundId}, b.id, true, false, b.path, b.depth, b.parent_id, direction_stripe(b.id::text, b.depth - 1),
           a.members, ${due}
    from body b join jsonb_to_recordset(${JSON.stringify(addressees)}::jsonb) as a(id uuid, members int) on a.id = b.id`.execute(
    db,
  );
  await sql`
    insert into round_body (round_id, body_id, addressed, relay, path, depth, parent_id, stripe, members, due_at)
    select ${roundId}, b.id, false, true, b.path, b.depth,
           case when b.id = ${o.issuer.id} then null else b.parent_id end,
           case when b.id = ${o.issuer.id} then 0 else direction_stripe(b.id::text, b.depth - 1) end, 0, ${due}
    from body b
    where b.id in (
      select distinct subpath(p.path, d - 1, 1)::text::uuid
      from (select distinct x.parent_id from round_body x where x.round_id = ${roundId}) x
      join body p on p.id = x.parent_id,
      generate_series(${o.issuer.depth}::int, nlevel(p.path)) d)
    on conflict (round_id, body_id) do update set relay = true`.execute(db);
  // the reports and their states
  for (const r of o.reports) {
    if (!r.state || r.state === 'none') {
      if (r.acked)
        await sql`update round_body set ack_at = now() where round_id = ${roundId} and body_id = ${r.body.id}`.execute(
          db,
        );
      continue;
    }
    const versionId = uuidv7();
    await sql`
      insert into report_version (id, round_id, body_id, n, vals, submitted_at)
      values (${versionId}, ${roundId}, ${r.body.id}, 1, ${JSON.stringify(r.vals ?? {})}::jsonb, now())`.execute(db);
    await sql`
      update round_body set state = ${r.state}, version = 1, current_version_id = ${versionId},
        counted_version_id = ${r.state === 'returned' ? null : versionId}, first_submitted_at = now(),
        on_time = ${r.onTime ?? true}, ack_at = ${r.acked ? new Date() : null}
      where round_id = ${roundId} and body_id = ${r.body.id}`.execute(db);
  }
  // the old stored rows: at an ancestor of depth d, the stripe of the child on the path (direction_stripe of 0017)
  const oldStripe = sql`case when d = x.depth then -1 else direction_stripe(subpath(x.path, d, 1)::text, d) end`;
  await sql`
    insert into rollup (round_id, body_id, indicator_id, stripe, n, sum, min, max)
    select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid, i.id, ${oldStripe},
           count(*) filter (where v.vals -> i.code is not null and v.vals -> i.code <> 'null'::jsonb)::int,
           coalesce(sum(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end), 0),
           min(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end),
           max(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end)
    from round_body x
    join report_version v on v.id = x.counted_version_id
    join direction_round r on r.id = x.round_id
    join report_form_item fi on fi.form_id = r.form_id
    join indicator i on i.id = fi.indicator_id
    cross join generate_series(${o.issuer.depth}::int, x.depth) d
    where x.round_id = ${roundId} and x.counted_version_id is not null
    group by 2, 3, 4`.execute(db);
  await sql`
    insert into round_progress (round_id, body_id, stripe, expected, members, submitted, reported, on_time, returned,
                                approved, excused, acknowledged)
    select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid, ${oldStripe},
           count(*)::int, sum(x.members)::int,
           count(*) filter (where x.state in ('submitted', 'approved', 'reopened'))::int,
           count(*) filter (where x.first_submitted_at is not null)::int,
           count(*) filter (where x.on_time)::int,
           count(*) filter (where x.state = 'returned')::int,
           count(*) filter (where x.state = 'approved')::int,
           count(*) filter (where x.excused_at is not null and x.state <> 'approved')::int,
           count(*) filter (where x.ack_at is not null)::int
    from round_body x cross join generate_series(${o.issuer.depth}::int, x.depth) d
    where x.round_id = ${roundId} and x.addressed
    group by 2, 3`.execute(db);
  if (o.meetings) {
    const campaignId = uuidv7();
    await sql`
      insert into campaign (id, directive_id, meet_by, meeting_kind, item_title, item_title_ru)
      values (${campaignId}, ${directiveId}, '2026-06-30', 'general_meeting', 'Report', 'Отчёт')`.execute(db);
    for (const m of o.meetings)
      await sql`
        insert into campaign_meeting (meeting_id, campaign_id, body_id, agenda_item_id, held_at, quorate, protocol_at,
                                      cancelled_at)
        values (${uuidv7()}, ${campaignId}, ${m.body.id}, ${uuidv7()}, ${m.held ? new Date() : null},
                ${m.held ? (m.quorate ?? false) : null}, ${m.protocol ? new Date() : null},
                ${m.cancelled ? new Date() : null})`.execute(db);
    await sql`
      insert into campaign_progress (round_id, body_id, stripe, convened, held, quorate, protocols)
      select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid, ${oldStripe},
             count(*)::int,
             count(*) filter (where m.held_at is not null)::int,
             count(*) filter (where m.quorate)::int,
             count(*) filter (where m.protocol_at is not null)::int
      from campaign_meeting m
      join round_body x on x.round_id = ${roundId} and x.body_id = m.body_id
      cross join generate_series(${o.issuer.depth}::int, x.depth) d
      where m.campaign_id = ${campaignId} and m.cancelled_at is null
      group by 2, 3`.execute(db);
  }
  return roundId;
}

/** Every node's totals over its stripes: the own row (stripe -1) apart from the descendants' stripes added. */
async function totals(db: Database) {
  const rollup = await sql`
    select round_id, body_id, indicator_id, stripe < 0 as own, sum(n)::int as n, round(sum(sum)::numeric, 6) as sum,
           min(min) as min, max(max) as max
    from rollup where n <> 0 group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(db);
  const progress = await sql`
    select round_id, body_id, stripe < 0 as own, sum(expected)::int as expected, sum(members)::int as members,
           sum(submitted)::int as submitted, sum(reported)::int as reported, sum(on_time)::int as on_time,
           sum(returned)::int as returned, sum(approved)::int as approved, sum(excused)::int as excused,
           sum(acknowledged)::int as acknowledged
    from round_progress group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  const campaign = await sql`
    select round_id, body_id, stripe < 0 as own, sum(convened)::int as convened, sum(held)::int as held,
           sum(quorate)::int as quorate, sum(protocols)::int as protocols
    from campaign_progress group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return { rollup: rollup.rows, progress: progress.rows, campaign: campaign.rows };
}

/** A node's stored descendant rows of one indicator: stripe → sum. */
async function stripesOf(db: Database, roundId: string, bodyId: string, indicatorId: string) {
  const r = await sql<{ stripe: number; sum: number }>`
    select stripe, sum from rollup
    where round_id = ${roundId} and body_id = ${bodyId} and indicator_id = ${indicatorId} and stripe >= 0 and n <> 0
    order by stripe`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.stripe, Number(x.sum)]));
}

describe.each(DB_KINDS)('migration 0020 (stripes by the reporting body) on %s', (kind) => {
  let h: DbHandle;
  let dir: string;
  let services: Services;
  let applied: string[];
  let held: string;
  let peak: string;
  let rootRound: string;
  let regionRound: string;
  let t: Record<'root' | 'r1' | 'r2' | 'c1' | 'c2' | 'd1' | 'd2' | 'pa' | 'pb' | 'pc' | 'pd' | 'pe' | 'pf', Node>;
  let before: Awaited<ReturnType<typeof totals>>;
  let rootBefore: Record<string, number>;

  beforeAll(async () => {
    // migrations 0001–0019 only, from a copy of the shipped folder
    dir = await mkdtemp(path.join(tmpdir(), 'antaeus-0019-'));
    for (const f of await readdir(SHIPPED))
      if (f.endsWith('.sql') && f < MIGRATION) await cp(path.join(SHIPPED, f), path.join(dir, f));
    h = await openEmpty(kind);
    const upTo0019 = await migrate(h, dir);
    expect(upTo0019.at(-1)).toBe('0019_direction_digest.sql');
    const db = h.db;

    // root (32 stripes), region (4), city (4 from 0020, 1 before), district, organisations. pa and pb, of one
    // district of one city of region r1, land in different stripes of the root, the region and the city by their own
    // hashes, and neither in the root stripe of their region (where the old code put both).
    const org = await makeOrganisation(db, { effectiveFrom: '1930-01-01' });
    const root = await body(db, org.id, 'central_committee', null);
    const r1 = await body(db, org.id, 'regional_committee', root);
    const r2 = await body(
      db,
      org.id,
      'regional_committee',
      root,
      idWhere((x) => x !== bodyStripe(r1.id)),
    );
    const c1 = await body(db, org.id, 'city_committee', r1);
    const c2 = await body(db, org.id, 'city_committee', r2);
    const d1 = await body(db, org.id, 'district_committee', c1);
    const d2 = await body(db, org.id, 'district_committee', c1);
    const r1h = bodyStripe(r1.id);
    const pa = await body(
      db,
      org.id,
      'primary_organisation',
      d1,
      idWhere((x) => x !== r1h),
    );
    const pb = await body(
      db,
      org.id,
      'primary_organisation',
      d1,
      idWhere((x) => x !== r1h && x % 4 !== bodyStripe(pa.id) % 4),
    );
    const pc = await body(db, org.id, 'primary_organisation', d2);
    const pd = await body(db, org.id, 'primary_organisation', c1);
    const pe = await body(db, org.id, 'primary_organisation', d2);
    const pf = await body(db, org.id, 'primary_organisation', c2);
    t = { root, r1, r2, c1, c2, d1, d2, pa, pb, pc, pd, pe, pf };

    held = uuidv7();
    peak = uuidv7();
    const formId = uuidv7();
    await sql`
      insert into indicator (id, organisation_id, code, name, name_ru, value_type, aggregation) values
        (${held}, ${org.id}, 'held', 'Meetings held', 'Проведено собраний', 'integer', 'sum'),
        (${peak}, ${org.id}, 'peak', 'Largest meeting', 'Самое большое собрание', 'number', 'max')`.execute(db);
    await sql`insert into report_form (id, organisation_id, name, name_ru) values (${formId}, ${org.id}, 'Form', 'Форма')`.execute(
      db,
    );
    await sql`
      insert into report_form_item (form_id, indicator_id, position) values
        (${formId}, ${held}, 1), (${formId}, ${peak}, 2)`.execute(db);

    const reports: Report[] = [
      { body: pa, members: 12, state: 'submitted', vals: { held: 3, peak: 40 }, acked: true },
      { body: pb, members: 7, state: 'approved', vals: { held: 5, peak: 90 }, acked: true },
      { body: pc, members: 9, state: 'submitted', vals: { held: 2, peak: null }, onTime: false },
      { body: pd, members: 4, state: 'submitted', vals: { held: 1, peak: 15.5 } },
      { body: pe, members: 6, state: 'returned', vals: { held: 8, peak: 200 } },
      { body: pf, members: 11, state: 'submitted', vals: { held: 4, peak: 60 }, acked: true },
      { body: d1, members: 3, state: 'submitted', vals: { held: 1, peak: 25 } },
      { body: c2, members: 2, state: 'none', acked: true },
    ];
    rootRound = await oldRound(db, {
      orgId: org.id,
      issuer: root,
      formId,
      reports,
      meetings: [
        { body: pa, held: true, quorate: true, protocol: true },
        { body: pb, held: true, quorate: true },
        { body: pc, held: true, quorate: false },
        { body: pd },
        { body: pf, held: true, quorate: true, protocol: true },
        { body: pe, cancelled: true },
      ],
    });
    regionRound = await oldRound(db, {
      orgId: org.id,
      issuer: r1,
      formId,
      reports: reports.filter((r) => r.body.path.startsWith(r1.path + '.')),
    });

    // the setup is the old layout: at the root, all of r1's reports in r1's stripe; the city c1 unstriped
    rootBefore = await stripesOf(db, rootRound, root.id, held);
    expect(rootBefore).toEqual({ [r1h]: 3 + 5 + 2 + 1 + 1, [bodyStripe(r2.id)]: 4 });
    expect(Object.keys(await stripesOf(db, rootRound, c1.id, held))).toEqual(['0']);
    before = await totals(db);

    applied = await migrate(h, SHIPPED);
    services = createServices(h);
  });

  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('applies 0020 (and any later migration) to the database at 0019', () => {
    expect(applied[0]).toBe(MIGRATION);
  });

  it("keeps every node's totals over its stripes", async () => {
    expect(before.rollup.length).toBeGreaterThan(20);
    expect(before.progress.length).toBeGreaterThan(20);
    expect(before.campaign.length).toBeGreaterThan(10);
    expect(await totals(h.db)).toEqual(before);
  });

  it("sets round_body.stripe to each node's own hash modulo 32", async () => {
    const rows = await sql<{ body_id: string; stripe: number }>`select body_id, stripe from round_body`.execute(h.db);
    expect(rows.rows.length).toBe(13 + 9);
    for (const r of rows.rows) expect(r.stripe, r.body_id).toBe(bodyStripe(r.body_id));
  });

  it("spreads a root's, a region's and a city's contributions by the reporting organisations' hashes", async () => {
    const { root, r1, c1, pa, pb, pc, pd, pf, d1 } = t;
    // pa and pb: one district of one region, different root stripes now, neither the region's stripe of before
    expect(stripeOf(pa.id, 1)).not.toBe(stripeOf(pb.id, 1));
    expect(stripeOf(pa.id, 1)).not.toBe(bodyStripe(r1.id));
    const spread = (depth: number, parts: [Node, number][]) => {
      const out: Record<string, number> = {};
      for (const [b, v] of parts) out[stripeOf(b.id, depth)] = (out[stripeOf(b.id, depth)] ?? 0) + v;
      return out;
    };
    const heldBy: [Node, number][] = [
      [pa, 3],
      [pb, 5],
      [pc, 2],
      [pd, 1],
      [d1, 1],
    ];
    const rootAfter = await stripesOf(h.db, rootRound, root.id, held);
    expect(rootAfter).toEqual(spread(1, [...heldBy, [pf, 4]]));
    expect(rootAfter).not.toEqual(rootBefore);
    expect(rootAfter[stripeOf(pa.id, 1)]).toBeGreaterThanOrEqual(3);
    expect(rootAfter[stripeOf(pb.id, 1)]).toBeGreaterThanOrEqual(5);
    expect(await stripesOf(h.db, rootRound, r1.id, held)).toEqual(spread(2, heldBy));
    expect(await stripesOf(h.db, regionRound, r1.id, held)).toEqual(spread(2, heldBy));
    // a city is striped too: pa and pb in different stripes of c1
    const city = await stripesOf(h.db, rootRound, c1.id, held);
    expect(city).toEqual(spread(3, heldBy));
    expect(Object.keys(city).length).toBeGreaterThan(1);
  });

  it('leaves the stored figures of every round equal to a recomputation', async () => {
    for (const roundId of [rootRound, regionRound]) {
      const stored = await services.rollups.stored(roundId);
      expect(stored.rollup.length).toBeGreaterThan(0);
      await services.rollups.recompute(roundId);
      expect(await services.rollups.stored(roundId), roundId).toEqual(stored);
    }
    expect((await services.rollups.stored(rootRound)).campaign.length).toBeGreaterThan(0);
  });
});
