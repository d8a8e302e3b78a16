// STV count: a Scottish-council-size election (10,000 ballots, 10 candidates, 4 seats by default) counted with
// Scottish STV and Meek's method, by the same `count` the app and `antaeus count` use. The ballots are generated
// deterministically (seeded PRNG, candidates of unequal popularity in three "parties", truncated rankings like
// real Scottish papers). Prints one JSON object. Target (DESIGN.md): STV count of ≤ 10k ballots < 50 ms.
// Second scenario, `antaeus count` on a large BLT file: --blt-ballots ballots (default 2,000,000, 0 to skip) of the same
// kind over --blt-candidates candidates, written one per line to a temporary file, counted by the CLI as a child
// process (Scottish STV, --json); reports the file's size, the wall time and the child's peak RSS (it streams the file
// and keeps only the distinct rankings).
// Usage: tsx bench/count.ts [--ballots N] [--candidates N] [--seats N] [--samples N] [--blt-ballots N] [--blt-candidates N]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count } from '../src/modules/ballot/rules/count/index.js';
import type { CountBallot, CountInput } from '../src/contracts/count.js';
import { emit, percentile, round } from './lib.js';

// strict: false — bench/run-all.ts passes every scenario the same arguments (--db …), which this one ignores.
const { values } = parseArgs({
  strict: false,
  options: {
    ballots: { type: 'string', default: '10000' },
    candidates: { type: 'string', default: '10' },
    seats: { type: 'string', default: '4' },
    samples: { type: 'string', default: '30' },
    'blt-ballots': { type: 'string', default: '2000000' },
    'blt-candidates': { type: 'string', default: '20' },
  },
});
const nBallots = Number(values.ballots);
const nCandidates = Number(values.candidates);
const seats = Number(values.seats);
const samples = Number(values.samples);

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of rankings of candidates 0 … n − 1: unequal popularity in three "parties", truncated rankings. */
function rankings(seed: number, n: number): () => number[] {
  const rnd = prng(seed);
  const party = Array.from({ length: n }, (_, i) => i % 3);
  const popularity = Array.from({ length: n }, (_, i) => 1 / (i + 1.5));
  return () => {
    const favourite = rnd() < 0.5 ? 0 : rnd() < 0.6 ? 1 : 2;
    // weight each remaining candidate by popularity, tripled for the voter's party; rank a random number of them
    const remaining = popularity.map((p, i) => ({ c: i, w: p * (party[i] === favourite ? 3 : 1) }));
    const length = 1 + Math.floor(rnd() * rnd() * n);
    const prefs: number[] = [];
    while (prefs.length < length && remaining.length > 0) {
      const total = remaining.reduce((s, r) => s + r.w, 0);
      let x = rnd() * total;
      let k = 0;
      while (k < remaining.length - 1 && x >= remaining[k]!.w) x -= remaining[k++]!.w;
      prefs.push(remaining[k]!.c);
      remaining.splice(k, 1);
    }
    return prefs;
  };
}

function election(): CountInput {
  const next = rankings(1917, nCandidates);
  const candidates = Array.from({ length: nCandidates }, (_, i) => ({ id: `c${i + 1}`, name: `Candidate ${i + 1}` }));
  const ballots: CountBallot[] = [];
  for (let b = 0; b < nBallots; b++) ballots.push({ prefs: next().map((c) => candidates[c]!.id) });
  return { method: 'scottish_stv', seats, candidates, ballots, title: 'bench' };
}

/** Write a BLT file of `n` single ballots, one per line, in chunks (little memory here). */
async function writeBigBlt(file: string, n: number, candidates: number): Promise<void> {
  const out = createWriteStream(file);
  let failed: Error | null = null;
  out.on('error', (e) => (failed = e));
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (failed) reject(failed);
      else if (out.write(chunk)) resolve();
      else out.once('drain', resolve);
    });
  const next = rankings(1936, candidates);
  await write(`${candidates} ${seats}\n`);
  let chunk = '';
  for (let b = 0; b < n; b++) {
    chunk += `1 ${next()
      .map((c) => c + 1)
      .join(' ')} 0\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  chunk += '0\n';
  for (let c = 1; c <= candidates; c++) chunk += `"Candidate ${c}"\n`;
  chunk += '"bench: a large BLT file"\n';
  await write(chunk);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  if (failed) throw failed;
}

/** `antaeus count` on a generated BLT file as a child process: wall time and the child's own peak RSS. */
async function bltScenario(n: number, candidates: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-bench-blt-'));
  try {
    const file = path.join(dir, 'large.blt');
    await writeBigBlt(file, n, candidates);
    const bytes = (await stat(file)).size;
    // the child reports its peak RSS (getrusage ru_maxrss, kB) on exit
    const report = `process.on('exit',()=>process.stderr.write('maxrss_kb='+process.resourceUsage().maxRSS+'\\n'))`;
    const args = ['bin/antaeus.js', 'count', file, '--method', 'scottish-stv', '--json'];
    const t = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, NODE_OPTIONS: `--import "data:text/javascript,${encodeURIComponent(report)}"` },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const ms = performance.now() - t;
    if (code !== 0) throw new Error(`antaeus count exited ${code}: ${stderr}`);
    const result = JSON.parse(stdout) as { valid: number; elected: string[]; rounds: unknown[] };
    const kb = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
    return {
      blt_ballots: n,
      blt_candidates: candidates,
      blt_file_mb: round(bytes / 2 ** 20),
      blt_count_wall_ms: round(ms),
      blt_count_peak_rss_mb: round(kb / 1024),
      blt_valid: result.valid,
      blt_stages: result.rounds.length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Wall-clock and CPU (user + system) milliseconds per count: the CPU figure is steadier on a loaded machine. */
function time(input: CountInput) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = count(input); // warm-up
  for (let i = 0; i < samples; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    last = count(input);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: round(percentile(wall, 50)),
    p95: round(percentile(wall, 95)),
    cpuP50: round(percentile(cpu, 50)),
    rounds: last.rounds.length,
    elected: last.elected,
  };
}

const bltBallots = Number(values['blt-ballots']);
const blt = bltBallots > 0 ? await bltScenario(bltBallots, Number(values['blt-candidates'])) : {};
const input = election();
const distinct = new Set(input.ballots.map((b) => b.prefs.join(' '))).size;
const scottish = time({ ...input, method: 'scottish_stv' });
const meek = time({ ...input, method: 'meek' });
const target = 50;
emit({
  scenario: 'stv-count',
  ballots: nBallots,
  distinct_rankings: distinct,
  candidates: nCandidates,
  seats,
  samples,
  scottish_stv_ms_p50: scottish.p50,
  scottish_stv_ms_p95: scottish.p95,
  scottish_stv_cpu_ms_p50: scottish.cpuP50,
  scottish_stv_stages: scottish.rounds,
  meek_ms_p50: meek.p50,
  meek_ms_p95: meek.p95,
  meek_cpu_ms_p50: meek.cpuP50,
  meek_stages: meek.rounds,
  same_elected: [...scottish.elected].sort().join() === [...meek.elected].sort().join(),
  target_ms: target,
  scottish_stv_meets_target: scottish.p50 < target,
  meek_meets_target: meek.p50 < target,
  ...blt,
  load_average_1m: round(os.loadavg()[0]!, 2),
});
