// Deadlines and targets down the tree (ADR 0027 §3): a level's deadline is not later than the one above, a split
// of a target among children does not lower it, and a rule gives every node its target from frozen figures. Pure.

/** A concretisation's deadline holds when it is not later than the deadline above it. */
export function deadlineHolds(own: Date, above: Date): boolean {
  return own.getTime() <= above.getTime();
}

export type SplitMode = 'equal' | 'at_least';

export interface SplitCheck {
  ok: boolean;
  own: number;
  children: number;
}

/** Tolerance for comparing sums of targets that carry decimals. */
function eps(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}

/** Compensated (Neumaier) sum: a split among thousands of children adds up without drift. */
function sumOf(xs: readonly number[]): number {
  let sum = 0;
  let c = 0;
  for (const x of xs) {
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}

/**
 * Whether the children's targets make up the node's own: `equal`, they sum to it; `at_least`, to it or more (no
 * level lowers what it was given). Both sums are returned for the refusal's details.
 */
export function splitHolds(own: number, childTargets: number[], mode: SplitMode): SplitCheck {
  const children = sumOf(childTargets);
  const ok = mode === 'equal' ? Math.abs(children - own) < eps(own) : children >= own - eps(own);
  return { ok, own, children };
}

export type TargetMode = 'per_addressee' | 'per_member';

/** A node's target from a rule: the value times the addressees, or the members, below it (frozen figures). */
export function ruleTarget(mode: TargetMode, value: number, below: { addressees: number; members: number }): number {
  return value * (mode === 'per_addressee' ? below.addressees : below.members);
}

export type Sense = 'at_least' | 'at_most';

/** Whether the actual meets the target (within a relative 1e-9); null while there is no actual figure. */
export function targetMet(sense: Sense, target: number, actual: number | null): boolean | null {
  if (actual === null) return null;
  return sense === 'at_least' ? actual >= target - eps(target) : actual <= target + eps(target);
}
