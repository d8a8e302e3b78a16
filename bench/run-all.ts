// Runs every benchmark scenario in turn; each prints its own JSON objects.
import { spawnSync } from 'node:child_process';

const scenarios = [
  'bench/org-scale.ts',
  'bench/dues.ts',
  'bench/assembly.ts',
  'bench/count.ts',
  'bench/ballot.ts',
  'bench/stats.ts',
  'bench/direction.ts',
];
for (const s of scenarios) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', s, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
