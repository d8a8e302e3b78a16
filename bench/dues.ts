// Dues: roll-up of a month for a district and for the whole organisation, and the arrears list (first page +
// total), on the demo organisation and on a synthetic organisation of 1,000,000 members with 12 months of
// payments seeded in bulk; on PGlite and PostgreSQL. Prints one JSON object per organisation and database.
// Usage: tsx bench/dues.ts [--members N] [--bodies N] [--months N] [--db pglite|postgres] [--org demo|synthetic]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createServices } from '../src/app/compose.js';
import { DemoService, generateSynthetic } from '../src/modules/demo/demo.service.js';
import { emit, round, rssMb, scratchDatabase, timeMany } from './lib.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    bodies: { type: 'string', default: '50000' },
    months: { type: 'string', default: '12' },
    db: { type: 'string', multiple: true },
    org: { type: 'string', multiple: true },
    samples: { type: 'string', default: '50' },
  },
});
const members = Number(values.members);
const bodies = Number(values.bodies);
const months = Number(values.months);
const samples = Number(values.samples);
const kinds = (values.db?.length ? values.db : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];
const orgs = (values.org?.length ? values.org : ['demo', 'synthetic']) as ('demo' | 'synthetic')[];

function previousMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

async function measure(kind: 'pglite' | 'postgres', org: 'demo' | 'synthetic', handle: DbHandle) {
  await migrate(handle);
  const services = createServices(handle);
  const t0 = performance.now();
  const built =
    org === 'demo'
      ? await new DemoService(handle.db, services.statute).generateDemo()
      : await generateSynthetic(handle, { members, bodies, seed: 1 });
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const payments =
    org === 'demo'
      ? Number(
          (
            await handle.db
              .selectFrom('dues_payment')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : await services.dues.seedDemoPayments(built.organisationId, months);
  const seedMs = org === 'demo' ? buildMs - built.ms : performance.now() - t1;
  const root = await handle.db
    .selectFrom('body')
    .select(['id', 'path'])
    .where('id', '=', built.rootBodyId)
    .executeTakeFirstOrThrow();
  const districts = await handle.db
    .selectFrom('body')
    .select(['id', 'path'])
    .where('organisation_id', '=', built.organisationId)
    .where('kind', '=', 'district_committee')
    .orderBy('id')
    .execute();
  const pick = (i: number) => districts[(i * 7919) % districts.length]!;
  const month = previousMonth();
  await services.dues.rollupOf(root.id, month); // warm up
  const rollupDistrict = await timeMany(samples, (i) => services.dues.rollupOf(pick(i).id, month));
  const rollupAll = await timeMany(Math.max(5, Math.floor(samples / 5)), () => services.dues.rollupOf(root.id, month));
  const arrearsDistrict = await timeMany(samples, (i) =>
    services.dues.arrearsOf(built.organisationId, pick(i).path, 50, 0),
  );
  const arrearsAll = await timeMany(Math.max(5, Math.floor(samples / 10)), () =>
    services.dues.arrearsOf(built.organisationId, root.path, 50, 0),
  );
  const all = await services.dues.arrearsOf(built.organisationId, root.path, 50, 0);
  const total = await services.dues.rollupOf(root.id, month);
  emit({
    scenario: 'dues',
    db: kind,
    organisation: org,
    members: built.persons,
    bodies: built.bodies,
    districts: districts.length,
    build_s: round(buildMs / 1000, 1),
    payments,
    seed_payments_s: round(seedMs / 1000, 1),
    month,
    collected: total.total.amount,
    in_arrears_past_limit: all.total,
    rollup_district_ms: rollupDistrict,
    rollup_whole_ms: rollupAll,
    arrears_district_first_page_and_total_ms: arrearsDistrict,
    arrears_whole_first_page_and_total_ms: arrearsAll,
    rss_mb: rssMb(),
  });
}

for (const org of orgs) {
  for (const kind of kinds) {
    if (kind === 'pglite') {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-bench-'));
      const handle = await openDatabase({ dataDir: dir });
      try {
        await measure(kind, org, handle);
      } finally {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      }
    } else {
      const scratch = await scratchDatabase();
      const handle = await openDatabase({ databaseUrl: scratch.url });
      try {
        await measure(kind, org, handle);
      } finally {
        await handle.close();
        await scratch.drop();
      }
    }
  }
}
