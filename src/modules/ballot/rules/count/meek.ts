// Meek's method (pure), as in Hill, Wichmann & Woodall, "Algorithm 123 — Single Transferable Vote by Meek's
// method", Computer Journal 30(3), 1987, and the New Zealand rules built on it (Local Electoral Regulations 2001,
// Schedule 1A).
//
// Every candidate has a keep factor: 1 while hopeful, 0 once excluded (or withdrawn), and for an elected candidate
// the share of each vote reaching them that they keep. Each ballot gives each candidate on it, in order, its
// remaining value × the candidate's keep factor (rounded up to 9 decimal places) and passes the rest on; what
// passes beyond the last preference is the excess (exhausted). Quota = (total − excess) / (seats + 1), truncated
// to 9 decimal places, plus 0.000000001, recomputed in every iteration. A hopeful candidate reaching the quota is
// elected. Keep factors of the elected are multiplied by quota / votes (rounded up) until the surpluses of the
// elected together are below 0.00001 (or stop decreasing); then, if seats remain, the hopeful candidate with the
// fewest votes is excluded (ties: the fewest at the most recent earlier stage where they differed, else by lot).
// When the hopeful candidates are no more than the seats left, they are all elected.
// Values are integers scaled by 10^9; the hot loop multiplies exactly in doubles (mulE9Ceil).
import type { CountResult, CountRound } from '../../../../contracts/count.js';
import { CountInputError } from './prepare.js';
import { divFloor, formatFixed, mulDivCeil } from './fixed.js';
import type { PreparedCount } from './prepare.js';
import { breakTie, orderByVotes, stvPapers } from './stv-common.js';

type Status = 'hopeful' | 'elected' | 'excluded';

// Local constants and helper: the hot loop must not reach through module bindings.
const E9 = 1_000_000_000;
const E5 = 100_000;
const E4 = 10_000;

/**
 * ceil(r × k / 10^9) for integers 0 ≤ r, k ≤ 10^9, exactly in doubles (BigInt would be too slow here).
 * Split k = k1·10^4 + k0; every partial product stays below 2^53.
 */
export function mulE9Ceil(r: number, k: number): number {
  const k1 = Math.floor(k / E4);
  const k0 = k - k1 * E4;
  const b = r * k0; // < 10^13
  const bq = Math.floor(b / E4);
  const br = b - bq * E4;
  const c = r * k1 + bq; // < 1.1 × 10^14; r·k = c·10^4 + br
  const cq = Math.floor(c / E5);
  const cr = c - cq * E5;
  // r·k = cq·10^9 + (cr·10^4 + br), with 0 ≤ cr·10^4 + br < 10^9
  return cq + (cr * E4 + br > 0 ? 1 : 0);
}

/** Total surplus (in votes × 10^9) below which the iteration stops: 0.00001 (Algorithm 123). */
const TOLERANCE = 10_000;
const MAX_ITERATIONS = 1_000;
/** Votes × 10^9 summed over all ballots must stay exact in doubles. */
const MAX_BALLOTS = Math.floor(Number.MAX_SAFE_INTEGER / E9);

export function countMeek(p: PreparedCount): CountResult {
  const { papers, valid, invalid } = stvPapers(p);
  if (valid > MAX_BALLOTS) throw new CountInputError(`Meek's method counts at most ${MAX_BALLOTS} ballots.`);
  const standing = p.candidateIds.filter((id) => !p.withdrawn.has(id));
  const index = new Map(standing.map((id, i) => [id, i]));
  const names = new Map(p.candidates.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) || id;
  const n = standing.length;
  const status: Status[] = standing.map(() => 'hopeful');
  const keep = new Float64Array(n).fill(E9);
  const votes = new Float64Array(n);
  // All papers' preferences as candidate indexes in one flat array, paper b at start[b] … start[b + 1] − 1.
  const start = new Int32Array(papers.length + 1);
  for (let b = 0; b < papers.length; b++) start[b + 1] = start[b]! + papers[b]!.prefs.length;
  const flat = new Int32Array(start[papers.length]!);
  papers.forEach((paper, b) => paper.prefs.forEach((id, j) => (flat[start[b]! + j] = index.get(id)!)));
  const weights = Float64Array.from(papers, (paper) => paper.weight);
  const total = valid * E9;
  let excess = 0;
  let quota = 0;

  const distribute = () => {
    votes.fill(0);
    let lost = 0;
    for (let b = 0; b < weights.length; b++) {
      const end = start[b + 1]!;
      const w = weights[b]!;
      let r = E9;
      for (let j = start[b]!; j < end && r > 0; j++) {
        const c = flat[j]!;
        const k = keep[c]!;
        if (k === 0) continue;
        const give = k === E9 ? r : Math.min(r, mulE9Ceil(r, k));
        votes[c] = votes[c]! + give * w;
        r -= give;
      }
      lost += r * w;
    }
    excess = lost;
    quota = divFloor(total - excess, p.seats + 1) + 1;
  };

  const voteMap = () => new Map(standing.map((id, i) => [id, votes[i]!]));
  const history: Map<string, number>[] = [];
  const rounds: CountRound[] = [];
  const elected: string[] = [];
  const hopeful = () => standing.filter((_, i) => status[i] === 'hopeful');

  /** Elect every hopeful candidate at or over the quota; returns them in order of votes. */
  const electReached = (stage: number, notes: string[]): string[] => {
    const reached = hopeful().filter((id) => votes[index.get(id)!]! >= quota);
    const ordered = orderByVotes(reached, voteMap(), history, p.lot, stage, names, notes);
    for (const id of ordered) {
      status[index.get(id)!] = 'elected';
      elected.push(id);
    }
    return ordered;
  };

  /** Iterate keep factors until the surpluses converge, electing whoever reaches the quota on the way. */
  const converge = (stage: number, notes: string[], newly: string[]): number => {
    let iterations = 0;
    let lastSurplus = Infinity;
    while (iterations < MAX_ITERATIONS && elected.length < p.seats) {
      let surplus = 0;
      for (let i = 0; i < n; i++) if (status[i] === 'elected') surplus += Math.max(0, votes[i]! - quota);
      if (surplus < TOLERANCE || surplus >= lastSurplus) break;
      lastSurplus = surplus;
      for (let i = 0; i < n; i++) {
        if (status[i] === 'elected' && votes[i]! > 0) keep[i] = Math.min(E9, mulDivCeil(keep[i]!, quota, votes[i]!));
      }
      distribute();
      iterations++;
      const more = electReached(stage, notes);
      if (more.length > 0) {
        newly.push(...more);
        lastSurplus = Infinity;
      }
    }
    return iterations;
  };

  distribute();
  let action = 'First preferences counted';
  let excludedNow: string[] = [];
  let carried: string[] = [];
  for (let stage = 1; ; stage++) {
    const notes = carried;
    carried = [];
    const newly = electReached(stage, notes);
    // Stage 1 shows the first preferences; every later stage iterates the keep factors to convergence.
    const iterations = stage === 1 ? 0 : converge(stage, notes, newly);
    if (iterations > 0) action += `; keep factors iterated ${iterations} ${iterations === 1 ? 'time' : 'times'}`;
    const left = p.seats - elected.length;
    const rest = hopeful();
    const lastVacancies = left > 0 && rest.length <= left;
    if (lastVacancies && rest.length > 0) {
      const ordered = orderByVotes(rest, voteMap(), history, p.lot, stage, names, notes);
      for (const id of ordered) {
        status[index.get(id)!] = 'elected';
        elected.push(id);
        newly.push(id);
      }
      action += `; ${ordered.map(name).join(', ')} elected as the hopeful candidates fill the seats left`;
    }
    history.push(voteMap());
    rounds.push({
      round: stage,
      action,
      votes: Object.fromEntries(standing.map((id, i) => [id, formatFixed(votes[i]!, 9)])),
      keep: Object.fromEntries(standing.map((id, i) => [id, formatFixed(keep[i]!, 9)])),
      exhausted: formatFixed(excess, 9),
      quota: formatFixed(quota, 9),
      elected: newly,
      excluded: excludedNow,
      tieBreak: notes.length > 0 ? notes.join(' ') : null,
    });
    if (elected.length >= p.seats || lastVacancies || hopeful().length === 0) break;

    excludedNow = [];
    const withSurplus = standing.filter((_, i) => status[i] === 'elected' && votes[i]! > quota);
    const totalSurplus = withSurplus.reduce((s, id) => s + votes[index.get(id)!]! - quota, 0);
    if (stage === 1 && totalSurplus >= TOLERANCE) {
      action = `Surplus${withSurplus.length === 1 ? '' : 'es'} of ${withSurplus.map(name).join(', ')} distributed`;
      continue;
    }

    // Exclude the hopeful candidate with the fewest votes.
    const cands = hopeful();
    const low = Math.min(...cands.map((id) => votes[index.get(id)!]!));
    const tied = cands.filter((id) => votes[index.get(id)!] === low);
    const t = breakTie(tied, 'lowest', history, p.lot, stage + 1, 'exclude', names);
    if (t.note) carried.push(`Lowest votes equal: ${t.note}`);
    const i = index.get(t.chosen)!;
    status[i] = 'excluded';
    keep[i] = 0;
    excludedNow = [t.chosen];
    action = `${name(t.chosen)} excluded (${formatFixed(low, 9)})`;
    distribute();
  }

  return { method: 'meek', seats: p.seats, candidates: p.candidates, valid, invalid, elected, totals: null, rounds };
}
