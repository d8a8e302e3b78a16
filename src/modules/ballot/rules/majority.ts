// Whether a motion carried: the statute's majority (threshold and base) applied to a vote's counts. Pure.
//
// The exact arithmetic (integers only, no rounding surprises):
// - the base B is
//   - `cast`: for + against (abstentions are not votes cast for this purpose),
//   - `present`: the voting participants present when the vote opened (an abstention or a vote not given counts
//     as not for),
//   - `members`: every voting participant entitled to the meeting, present or not;
// - `simple`: carried when for > B / 2, i.e. 2·for > B; needed = ⌊B / 2⌋ + 1. With base `cast` this is exactly
//   "more for than against"; a tie is lost;
// - `two_thirds`: carried when for ≥ 2B / 3, i.e. 3·for ≥ 2·B; needed = ⌈2B / 3⌉;
// - in every case at least one vote for is needed: with B = 0 (nobody voted), needed = 1 and the motion is lost.
import type { ChoiceCounts, MajorityRule } from '../../../contracts/ballot.js';

export interface MajorityBases {
  /** Voting participants present when the vote opened. */
  present: number;
  /** Voting participants entitled to the meeting. */
  entitled: number;
}

export interface MajorityOutcome {
  carried: boolean;
  /** Votes for the motion needed to carry it. */
  needed: number;
  /** The base the threshold was measured against. */
  base: number;
}

export function majorityBase(rule: MajorityRule, counts: ChoiceCounts, bases: MajorityBases): number {
  switch (rule.of) {
    case 'cast':
      return counts.for + counts.against;
    case 'present':
      return bases.present;
    case 'members':
      return bases.entitled;
  }
}

/** The votes for needed under `rule` with base `b` (at least one). */
export function votesNeeded(rule: MajorityRule, b: number): number {
  const n = rule.threshold === 'simple' ? Math.floor(b / 2) + 1 : Math.ceil((2 * b) / 3);
  return Math.max(1, n);
}

export function decide(rule: MajorityRule, counts: ChoiceCounts, bases: MajorityBases): MajorityOutcome {
  const base = majorityBase(rule, counts, bases);
  const needed = votesNeeded(rule, base);
  return { carried: counts.for >= needed, needed, base };
}

/** Counts of for/against/abstain from individual choices (roll-call entries, secret ballots). */
export function tally(choices: Iterable<'for' | 'against' | 'abstain'>): ChoiceCounts {
  const c: ChoiceCounts = { for: 0, against: 0, abstain: 0 };
  for (const x of choices) c[x]++;
  return c;
}
