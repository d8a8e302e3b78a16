// The directive cascade at CPSU scale (issue 13, ADR 0027 §2 and §6; DESIGN §4 "Directive cascade"): a synthetic
// organisation (central committee → regions → cities → districts → primary organisations at depth 5), a directive
// of the central committee to every primary organisation frozen through DirectiveService.issue, submissions through
// ReportService.save 16 at a time, each level's roll-up through RollupService.node, and stored = recomputed figures.
// Prints one JSON object per database.
//
// PostgreSQL: ~430,000 primary organisations and 19.5 M members; PGlite: the same shape at 1 M members. With
// --headcount (PostgreSQL's default) the bodies are built for real but the members are not: body_headcount, the
// per-body counts the freeze reads (kept by triggers on person), is filled directly with the same totals, split as
// the synthetic load would register them (a few in the organisation, the rest in its shop cells).
//
// Usage: tsx bench/direction.ts [--db pglite|postgres] [--members N] [--pos N] [--submissions N] [--samples N]
//        [--concurrency N] [--headcount|--persons] [--keep]
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createServices } from '../src/app/compose.js';
import type { Actor } from '../src/platform/actor.js';
import { generateSynthetic } from '../src/modules/demo/demo.service.js';
import { StatuteService } from '../src/modules/statute/statute.service.js';
import { planSynthetic } from '../src/modules/demo/rules/synthetic-plan.js';
import { bodyRows } from '../src/modules/demo/rules/rows.js';
import * as demoRepo from '../src/modules/demo/demo.repository.js';
import {
  CreateFormInput,
  CreateIndicatorInput,
  IssueDirectiveInput,
  SaveReportInput,
} from '../src/contracts/direction.js';
import { emit, percentile, pool, round, rssMb, scratchDatabase } from './lib.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', multiple: true },
    members: { type: 'string' },
    pos: { type: 'string' },
    submissions: { type: 'string' },
    samples: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '16' },
    headcount: { type: 'boolean' },
    persons: { type: 'boolean' },
    keep: { type: 'boolean', default: false },
  },
});
const kinds = (args.db?.length ? args.db : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];
const DEFAULTS = {
  postgres: { members: 19_500_000, pos: 430_000, submissions: 100_000, headcount: true },
  pglite: { members: 1_000_000, pos: 22_000, submissions: 10_000, headcount: false },
};
const samples = Number(args.samples);
const concurrency = Number(args.concurrency);

/** The synthetic plan's `bodies` giving about `pos` primary organisations (60% of the bodies below the districts). */
function bodiesFor(pos: number): number {
  const regions = Math.max(1, Math.min(10, Math.round(pos / 0.6 / 5000)));
  return Math.round((pos / 0.6 + 1 + 5 * regions) / (1 - 1 / 125));
}

const ADMIN_TITLE = 'secretary';

function actorFor(organisationId: string, personId: string, body: { id: string; path: string }): Actor {
  return {
    accountId: uuidv7(),
    personId,
    organisationId,
    login: 'bench',
    displayName: 'Bench secretary',
    locale: 'en',
    scopes: [{ bodyId: body.id, path: body.path, title: ADMIN_TITLE }],
    homePath: null,
    csrfToken: 'bench',
  };
}

/** Bodies for real, members as counts only: body_headcount filled as the synthetic load's persons would fill it. */
async function buildHeadcount(handle: DbHandle, members: number, bodies: number) {
  const plan = planSynthetic({ members, bodies, seed: 1 });
  const created = await new StatuteService(handle.db).createOrganisation({
    name: plan.organisation.name,
    nameRu: plan.organisation.nameRu,
    preset: plan.organisation.preset,
    effectiveFrom: plan.organisation.effectiveFrom,
    adoptedBy: plan.organisation.adoptedBy,
    rootName: 'Central Committee',
    rootNameRu: 'Центральный комитет',
  });
  const rows = bodyRows(plan, created.rootBodyId);
  const ids = rows.map((b) => b.id);
  const counts = new Map<number, number>();
  let total = 0;
  for (const g of plan.groups) {
    const direct = g.cells.length === 0 ? g.size : Math.min(g.size, g.direct);
    counts.set(g.home, (counts.get(g.home) ?? 0) + direct);
    const rest = g.size - direct;
    g.cells.forEach((c, i) => {
      const n = Math.floor(rest / g.cells.length) + (i < rest % g.cells.length ? 1 : 0);
      counts.set(c.body, (counts.get(c.body) ?? 0) + n);
    });
    total += g.size;
  }
  const head = [...counts.entries()].filter(([, n]) => n > 0).map(([i, n]) => ({ body: ids[i]!, n }));
  await handle.db.transaction().execute(async (tx) => {
    await sql`set local statement_timeout = 0`.execute(tx);
    await demoRepo.insertEnterprises(tx, created.organisationId, plan.enterprises);
    await demoRepo.insertBodies(tx, created.organisationId, rows.slice(1));
    for (let i = 0; i < head.length; i += 20_000) {
      const c = head.slice(i, i + 20_000);
      await sql`insert into body_headcount (body_id, status, social_position, n)
        select u.body_id, 'member', 'worker', u.n from unnest(${c.map((h) => h.body)}::uuid[], ${c.map((h) => h.n)}::int[])
          as u(body_id, n)`.execute(tx);
    }
  });
  await sql`analyze body`.execute(handle.db);
  await sql`analyze body_headcount`.execute(handle.db);
  return {
    organisationId: created.organisationId,
    rootBodyId: created.rootBodyId,
    bodies: rows.length,
    members: total,
  };
}

const INDICATORS: CreateIndicatorInput[] = [
  ['meetings_held', 'Meetings held', 'Проведено собраний', 'integer', 'sum'],
  ['attendance', 'Attendance', 'Явка', 'percentage', 'average'],
  ['applications', 'Applications', 'Заявления', 'integer', 'sum'],
  ['admitted', 'Admitted', 'Принято', 'integer', 'sum'],
  ['speakers', 'Speakers', 'Выступило', 'integer', 'sum'],
  ['proposals', 'Proposals', 'Предложения', 'integer', 'sum'],
  ['shock_brigades', 'Shock brigades', 'Ударные бригады', 'integer', 'sum'],
  ['plan_fulfilment', 'Plan fulfilment', 'Выполнение плана', 'percentage', 'max'],
].map(([code, name, nameRu, valueType, aggregation]) =>
  CreateIndicatorInput.parse({ code, name, nameRu, valueType, aggregation }),
);

function reportValues(i: number): Record<string, number> {
  const h = (k: number) => ((i + 1) * 2654435761 + k * 40503) % 1000;
  const applications = h(1) % 20;
  return {
    meetings_held: 1 + (h(2) % 4),
    attendance: 40 + (h(3) % 61),
    applications,
    admitted: applications === 0 ? 0 : h(4) % (applications + 1),
    speakers: h(5) % 30,
    proposals: h(6) % 15,
    shock_brigades: h(7) % 6,
    plan_fulfilment: 80 + (h(8) % 21),
  };
}

async function measure(kind: 'pglite' | 'postgres', handle: DbHandle, recomputeHandle: DbHandle | null) {
  const d = DEFAULTS[kind];
  const members = Number(args.members ?? d.members);
  const pos = Number(args.pos ?? d.pos);
  const wanted = Number(args.submissions ?? d.submissions);
  const headcount = args.persons ? false : (args.headcount ?? d.headcount);
  const bodies = bodiesFor(pos);

  // 1. The organisation
  const t0 = performance.now();
  const built = headcount
    ? await buildHeadcount(handle, members, bodies)
    : await (async () => {
        const r = await generateSynthetic(handle, { members, bodies, seed: 1 });
        return { organisationId: r.organisationId, rootBodyId: r.rootBodyId, bodies: r.bodies, members: r.persons };
      })();
  const buildS = (performance.now() - t0) / 1000;
  const db = handle.db;
  const shape = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from body where organisation_id = ${built.organisationId} group by kind`.execute(
    db,
  );
  const byKind = Object.fromEntries(shape.rows.map((r) => [r.kind, r.n]));
  const root = await sql<{ id: string; path: string }>`
    select id, path::text as path from body where id = ${built.rootBodyId}`.execute(db);
  const rootBody = root.rows[0]!;

  const services = createServices(handle);
  // The central committee's secretary (a person registered nowhere, for the foreign keys of issued_by, saved_by).
  const personId = uuidv7();
  await db
    .insertInto('person')
    .values({
      id: personId,
      organisation_id: built.organisationId,
      family_name: 'Benchmark',
      given_name: 'Secretary',
      social_position: 'worker',
      status: 'non_member',
      body_id: null,
    })
    .execute();
  const cc = actorFor(built.organisationId, personId, rootBody);
  const ind: Record<string, string> = {};
  for (const i of INDICATORS) ind[i.code] = (await services.directionDefinitions.createIndicator(cc, i)).id;
  const form = await services.directionDefinitions.createForm(
    cc,
    CreateFormInput.parse({
      name: 'Production conference report',
      nameRu: 'Отчёт о производственном совещании',
      items: INDICATORS.map((i) => ({ indicatorId: ind[i.code], required: i.code === 'meetings_held' })),
      rules: [
        {
          name: 'Admitted at most applications',
          nameRu: 'Принято не больше заявлений',
          importance: 'high',
          blocking: true,
          expr: { kind: 'compare', test: { cmp: '<=', args: [{ val: 'admitted' }, { val: 'applications' }] } },
        },
        {
          name: 'Attendance usually above 50%',
          nameRu: 'Явка обычно выше 50%',
          importance: 'low',
          blocking: false,
          expr: { kind: 'compare', test: { cmp: '>=', args: [{ val: 'attendance' }, { num: 50 }] } },
        },
      ],
    }),
  );

  // 2. The freeze
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const t1 = performance.now();
  const directive = await services.directives.issue(
    cc,
    IssueDirectiveInput.parse({
      issuerBodyId: rootBody.id,
      title: 'Production conferences in every works',
      titleRu: 'Производственные совещания на каждом предприятии',
      text: 'Hold a production conference and report.',
      textRu: 'Провести производственное совещание и отчитаться.',
      addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
      deadline,
      formId: form.id,
      targets: [{ indicatorId: ind.applications, mode: 'per_member', value: 0.05 }],
      source: { kind: 'decision', takenOn: new Date().toISOString().slice(0, 10), votes: null },
    }),
  );
  const issueS = (performance.now() - t1) / 1000;
  const roundId = directive.roundId;
  const frozen = await sql<{ rows: number; addressed: number; relays: number; members: number }>`
    select count(*)::int as rows, count(*) filter (where addressed)::int as addressed,
           count(*) filter (where relay)::int as relays, coalesce(sum(members) filter (where addressed), 0)::bigint as members
    from round_body where round_id = ${roundId}`.execute(db);
  const fz = frozen.rows[0]!;

  // 3. Submissions, 16 at a time, spread over the tree, each by an office holder of its organisation
  const addressees = (
    await sql<{ body_id: string; path: string }>`
      select body_id, path::text as path from round_body where round_id = ${roundId} and addressed
      order by md5(body_id::text)`.execute(db)
  ).rows;
  const chosen = addressees.slice(0, Math.min(wanted, addressees.length));
  const secretaries = new Map(
    (
      await sql<{ body_id: string; person_id: string }>`
        select distinct on (o.body_id) o.body_id, o.person_id from office o join body b on b.id = o.body_id
        where b.organisation_id = ${built.organisationId} and b.kind = 'primary_organisation'
        order by o.body_id, o.person_id`.execute(db)
    ).rows.map((r) => [r.body_id, r.person_id]),
  );
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | null = null;
  // PostgreSQL: every 50 ms during the submissions, how many of this database's backends wait for a lock (a row
  // another submission holds: wait_event_type 'Lock'), from a connection of its own
  const waits: number[] = [];
  let sampling = recomputeHandle !== null;
  const sampler = (async () => {
    while (sampling && recomputeHandle) {
      const w = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(recomputeHandle.db);
      waits.push(w.rows[0]!.n);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t2 = performance.now();
  await pool(chosen, concurrency, async (po, i) => {
    const actor = actorFor(built.organisationId, secretaries.get(po.body_id) ?? personId, {
      id: po.body_id,
      path: po.path,
    });
    const t = performance.now();
    try {
      await services.reports.save(
        actor,
        roundId,
        po.body_id,
        SaveReportInput.parse({ version: 0, values: reportValues(i) }),
        true,
      );
      latencies.push(performance.now() - t);
    } catch (e) {
      failures++;
      firstError ??= String((e as Error).message ?? e);
    }
  });
  const submitS = (performance.now() - t2) / 1000;
  sampling = false;
  await sampler;
  latencies.sort((a, b) => a - b);

  // 4. Reads: each level's roll-up, spread over the level's nodes; the root's is the whole organisation's completeness
  const levels = (
    await sql<{ depth: number; ids: string[] }>`
      select depth, array_agg(body_id order by md5(body_id::text)) as ids from round_body where round_id = ${roundId}
      group by depth order by depth`.execute(db)
  ).rows;
  const names: Record<number, string> = { 1: 'root', 2: 'region', 3: 'city', 4: 'district', 5: 'po' };
  // Reports were filed in md5 order too, so the first organisations of the level have reported.
  const reads: Record<string, { p50: number; p95: number; max: number }> = {};
  for (const lv of levels) {
    const name = names[lv.depth] ?? `depth_${lv.depth}`;
    const pick = (i: number) =>
      lv.ids[(i * 7919) % (lv.depth === 5 ? Math.min(lv.ids.length, chosen.length) : lv.ids.length)]!;
    await services.rollups.node(cc, roundId, pick(0)); // warm-up, as a running server would be
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await services.rollups.node(cc, roundId, pick(i));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    reads[name] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!) };
  }
  const rootNode = await services.rollups.node(cc, roundId, rootBody.id);

  // 5. Stored figures = recomputed figures
  const before = await services.rollups.stored(roundId);
  const t3 = performance.now();
  await (recomputeHandle ? createServices(recomputeHandle).rollups : services.rollups).recompute(roundId);
  const recomputeS = (performance.now() - t3) / 1000;
  const after = await services.rollups.stored(roundId);

  emit({
    scenario: 'direction',
    db: kind,
    members: built.members,
    members_synthetic_headcount: headcount,
    bodies: built.bodies,
    regions: byKind.regional_committee ?? 0,
    cities: byKind.city_committee ?? 0,
    districts: byKind.district_committee ?? 0,
    primary_organisations: byKind.primary_organisation ?? 0,
    shop_cells: byKind.shop_cell ?? 0,
    build_s: round(buildS, 1),
    ...(headcount ? {} : { build_rows_per_s: Math.round((built.members + built.bodies) / buildS) }),
    issue_s: round(issueS, 2),
    target_issue_s: 30,
    round_body_rows: fz.rows,
    addressees: fz.addressed,
    relays: fz.relays,
    members_frozen: Number(fz.members),
    submissions: latencies.length,
    submission_failures: failures,
    ...(firstError ? { first_error: firstError } : {}),
    concurrency,
    submissions_per_s: Math.round(latencies.length / submitS),
    submit_ms: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(latencies.at(-1) ?? NaN),
    },
    ...(waits.length > 0
      ? {
          lock_waits: {
            samples: waits.length,
            mean_waiting: round(waits.reduce((a, b) => a + b, 0) / waits.length),
            max_waiting: Math.max(...waits),
            share_of_samples_with_a_wait: round(waits.filter((n) => n > 0).length / waits.length),
          },
        }
      : {}),
    rollup_ms: reads,
    completeness_root_ms: reads.root,
    target_read_p95_ms: 1000,
    root_completeness: rootNode.completeness,
    recompute_s: round(recomputeS, 2),
    stored_equals_recomputed: isDeepStrictEqual(before, after),
    rss_mb: rssMb(),
  });
}

for (const kind of kinds) {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-bench-direction-'));
    const handle = await openDatabase({ dataDir: dir });
    try {
      await migrate(handle);
      await measure(kind, handle, null);
    } finally {
      await handle.close();
      if (!args.keep) await rm(dir, { recursive: true, force: true });
      else console.error(`kept PGlite data folder ${dir}`);
    }
  } else {
    const scratch = await scratchDatabase();
    // The services run with the server's pool and timeouts; the recomputation as the CLI would, without timeouts.
    const handle = await openDatabase({ databaseUrl: scratch.url });
    const batch = await openDatabase({
      databaseUrl: scratch.url,
      limits: { poolMax: 1, statementTimeoutMs: 0, lockTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
    });
    try {
      await migrate(handle);
      await measure(kind, handle, batch);
    } finally {
      await handle.close();
      await batch.close();
      if (!args.keep) await scratch.drop();
      else console.error(`kept database ${scratch.url}`);
    }
  }
}
