// Organisation scale: builds a synthetic organisation of 1,000,000 members in 50,000 bodies on PGlite
// and on PostgreSQL, then measures a subtree member count and a district's statistics.
// Prints one JSON object per database. Usage: tsx bench/org-scale.ts [--members N] [--bodies N] [--db pglite|postgres]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createServices } from '../src/app/compose.js';
import { generateSynthetic } from '../src/modules/demo/demo.service.js';
import { emit, round, rssMb, scratchDatabase, timeMany } from './lib.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    bodies: { type: 'string', default: '50000' },
    db: { type: 'string', multiple: true },
    samples: { type: 'string', default: '200' },
  },
});
const members = Number(values.members);
const bodies = Number(values.bodies);
const samples = Number(values.samples);
const kinds = (values.db?.length ? values.db : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];

async function measure(kind: 'pglite' | 'postgres', handle: DbHandle) {
  await migrate(handle);
  const t0 = performance.now();
  const built = await generateSynthetic(handle, { members, bodies, seed: 1 });
  const buildMs = performance.now() - t0;
  const rows = built.persons + built.bodies + built.offices;
  const services = createServices(handle);
  const districts = (
    await handle.db.selectFrom('body').select('id').where('kind', '=', 'district_committee').orderBy('id').execute()
  ).map((r) => r.id);
  const pick = (i: number) => districts[(i * 7919) % districts.length]!;
  // Warm up caches once, as a running server would be.
  await services.stats.districtStats(null, pick(0));
  const subtreeCount = await timeMany(samples, (i) => services.organisation.subtreeMemberCount(pick(i)));
  const districtStats = await timeMany(samples, (i) => services.stats.districtStats(null, pick(i)));
  emit({
    scenario: 'org-scale',
    db: kind,
    members: built.persons,
    bodies: built.bodies,
    districts: districts.length,
    build_s: round(buildMs / 1000, 1),
    rows_per_s: Math.round(rows / (buildMs / 1000)),
    subtree_member_count_ms: subtreeCount,
    district_stats_ms: districtStats,
    target_district_stats_p95_ms: 50,
    rss_mb: rssMb(),
  });
}

for (const kind of kinds) {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-bench-'));
    const handle = await openDatabase({ dataDir: dir });
    try {
      await measure(kind, handle);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    const scratch = await scratchDatabase();
    const handle = await openDatabase({ databaseUrl: scratch.url });
    try {
      await measure(kind, handle);
    } finally {
      await handle.close();
      await scratch.drop();
    }
  }
}
