// Normalising a count's input (pure): defaults from the zod schema, identical ballots grouped and sorted so the
// result never depends on the order of the ballots.
import { CountInput, type CountCandidate, type CountMethod } from '../../../../contracts/count.js';
import { lotOf, type Lot } from './lot.js';

export interface BallotGroup {
  prefs: string[];
  weight: number;
}

export interface PreparedCount {
  method: CountMethod;
  seats: number;
  candidates: CountCandidate[];
  candidateIds: string[];
  /** Withdrawn candidate ids that are candidates. */
  withdrawn: Set<string>;
  /** Identical ballots merged (weights summed), sorted by their preference list. */
  groups: BallotGroup[];
  title: string;
  /** The reproducible lot for ties (lot.ts). */
  lot: Lot;
}

export class CountInputError extends Error {
  override readonly name = 'CountInputError';
}

/**
 * Merge identical ballots (summing weights) and sort the groups, so nothing depends on the order of the ballots.
 * Every id named (candidate or not) gets its rank in the sorted list of ids; a ballot's key is its ranks as UTF-16
 * code units, so comparing keys compares the preference lists rank by rank (a prefix first).
 */
function groupBallots(ballots: readonly { prefs: string[]; weight?: number }[], candidateIds: readonly string[]) {
  const known = new Set(candidateIds);
  const all = new Set(candidateIds);
  for (const b of ballots) for (const id of b.prefs) if (!known.has(id)) all.add(id);
  const sorted = [...all].sort();
  if (sorted.length > 65_000) throw new CountInputError('The ballots name too many different candidate ids.');
  const rank = new Map(sorted.map((id, i) => [id, String.fromCharCode(i)]));
  const merged = new Map<string, BallotGroup>();
  for (const b of ballots) {
    let key = '';
    for (const id of b.prefs) key += rank.get(id)!;
    const weight = b.weight ?? 1;
    const g = merged.get(key);
    if (g) g.weight += weight;
    else merged.set(key, { prefs: b.prefs, weight }); // shared with the input: the count never mutates a ballot
  }
  return [...merged.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, g]) => g);
}

/** Everything but the ballots, through the zod schema (defaults included). */
const Head = CountInput.omit({ ballots: true });

/**
 * The ballots, checked against the same constraints as `CountBallot` (1–100-character ids, at most 1000
 * preferences, whole weights 1–1,000,000, default 1) by hand: zod takes ~30 ms for 10,000 ballots, more than the
 * count itself.
 */
function checkBallots(raw: unknown): { prefs: string[]; weight?: number }[] {
  if (!Array.isArray(raw)) throw new CountInputError('ballots must be an array.');
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as { prefs?: unknown; weight?: unknown } | null;
    const prefs = b?.prefs;
    if (!Array.isArray(prefs) || prefs.length > 1000) {
      throw new CountInputError(`ballot ${i + 1}: prefs must be a list of at most 1000 candidate ids.`);
    }
    for (const id of prefs) {
      if (typeof id !== 'string' || id.length < 1 || id.length > 100) {
        throw new CountInputError(`ballot ${i + 1}: every preference must be a candidate id of 1 to 100 characters.`);
      }
    }
    const weight = b?.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 1_000_000) {
      throw new CountInputError(`ballot ${i + 1}: weight must be a whole number from 1 to 1000000.`);
    }
  }
  return raw as { prefs: string[]; weight?: number }[];
}

export function prepare(raw: CountInput): PreparedCount {
  const input = { ...Head.parse(raw), ballots: checkBallots((raw as { ballots?: unknown }).ballots) };
  const ids = input.candidates.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw new CountInputError('Two candidates have the same id.');
  const known = new Set(ids);
  const withdrawn = new Set(input.withdrawn.filter((w) => known.has(w)));
  const groups = groupBallots(input.ballots, ids);
  const base = { method: input.method, seats: input.seats, candidateIds: ids, withdrawn, groups };
  return { ...base, candidates: input.candidates, title: input.title, lot: lotOf(base) };
}
