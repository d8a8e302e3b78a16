// STV count: a Scottish-council-size election (10,000 ballots, 10 candidates, 4 seats by default) counted with
// Scottish STV and Meek's method, by the same `count` the app and `antaeus count` use. The ballots are generated
// deterministically (seeded PRNG, candidates of unequal popularity in three "parties", truncated rankings like
// real Scottish papers). Prints one JSON object. Target (DESIGN.md): STV count of ≤ 10k ballots < 50 ms.
// Usage: tsx bench/count.ts [--ballots N] [--candidates N] [--seats N] [--samples N]
import os from 'node:os';
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

function election(): CountInput {
  const rnd = prng(1917);
  const candidates = Array.from({ length: nCandidates }, (_, i) => ({ id: `c${i + 1}`, name: `Candidate ${i + 1}` }));
  const party = candidates.map((_, i) => i % 3);
  const popularity = candidates.map((_, i) => 1 / (i + 1.5));
  const ballots: CountBallot[] = [];
  for (let b = 0; b < nBallots; b++) {
    const favourite = rnd() < 0.5 ? 0 : rnd() < 0.6 ? 1 : 2;
    // weight each remaining candidate by popularity, tripled for the voter's party; rank a random number of them
    const remaining = candidates.map((c, i) => ({ id: c.id, w: popularity[i]! * (party[i] === favourite ? 3 : 1) }));
    const length = 1 + Math.floor(rnd() * rnd() * nCandidates);
    const prefs: string[] = [];
    while (prefs.length < length && remaining.length > 0) {
      const total = remaining.reduce((s, r) => s + r.w, 0);
      let x = rnd() * total;
      let k = 0;
      while (k < remaining.length - 1 && x >= remaining[k]!.w) x -= remaining[k++]!.w;
      prefs.push(remaining[k]!.id);
      remaining.splice(k, 1);
    }
    ballots.push({ prefs });
  }
  return { method: 'scottish_stv', seats, candidates, ballots, title: 'bench' };
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
  load_average_1m: round(os.loadavg()[0]!, 2),
});
