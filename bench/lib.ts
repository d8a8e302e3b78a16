// Shared helpers for benchmark scenarios: timing, percentiles, scratch PostgreSQL databases,
// the raw pgbench baseline. Each scenario prints one JSON object per database.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

const run = promisify(execFile);

export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeMany(
  n: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]!) };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `antaeus_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Single-row insert commits/s that pgbench gets from the same PostgreSQL (shared/tools/raw-insert-baseline.sh). */
export async function rawInsertBaseline(url = ADMIN_URL, seconds = 5): Promise<number | null> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const script = path.resolve(here, '../../shared/tools/raw-insert-baseline.sh');
  try {
    const { stdout } = await run('bash', [script, url, String(seconds)], { timeout: 60_000 });
    return (JSON.parse(stdout.trim().split('\n').pop()!) as { inserts_per_s: number }).inserts_per_s;
  } catch {
    return null;
  }
}

export function emit(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

export function rssMb(): number {
  return round(process.memoryUsage().rss / 1024 / 1024, 1);
}
