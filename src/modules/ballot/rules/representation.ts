// The norm of representation (pure): how many delegates an electing body may send to a higher conference or
// congress — one per `membersPerDelegate` full members of its subtree, rounded up (a body with any members sends at
// least one) — and whether a mandate may still be confirmed within that quota.
import type { DecisionRules } from '../../../contracts/decision-rules.js';

/** Meetings that delegates are elected to. */
export type DelegateMeetingKind = 'conference' | 'congress';

export const isDelegateMeetingKind = (kind: string): kind is DelegateMeetingKind =>
  kind === 'conference' || kind === 'congress';

/** Delegates allowed for `members` full members at one delegate per `perDelegate`: ceil(members / perDelegate). */
export function delegatesAllowed(members: number, perDelegate: number): number {
  if (!Number.isInteger(members) || members < 0) throw new RangeError('members must be a non-negative integer');
  if (!Number.isInteger(perDelegate) || perDelegate < 1) throw new RangeError('perDelegate must be a positive integer');
  return Math.ceil(members / perDelegate);
}

/** The statute's norm for a meeting of `kind`: delegates allowed for `members` full members. */
export function delegatesUnderNorm(rules: DecisionRules, kind: DelegateMeetingKind, members: number): number {
  return delegatesAllowed(members, rules.membersPerDelegate[kind]);
}

/** One more mandate from a body may be confirmed while its confirmed mandates stay within the quota. */
export function withinQuota(allowed: number, confirmed: number): boolean {
  return confirmed < allowed;
}
