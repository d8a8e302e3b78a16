// The norm of representation: one delegate per N full members, rounded up, by kind of the higher meeting.
import { describe, expect, it } from 'vitest';
import {
  delegatesAllowed,
  delegatesUnderNorm,
  isDelegateMeetingKind,
  withinQuota,
} from '../../src/modules/ballot/rules/representation.js';
import { PARTY_1934_DECISIONS, UNION_DECISIONS } from '../../src/contracts/decision-rules.js';

describe('norm of representation', () => {
  it('allows one delegate per N members, rounding up a remainder', () => {
    expect(delegatesAllowed(60, 25)).toBe(3);
    expect(delegatesAllowed(50, 25)).toBe(2);
    expect(delegatesAllowed(51, 25)).toBe(3);
    expect(delegatesAllowed(1, 25)).toBe(1);
    expect(delegatesAllowed(25, 25)).toBe(1);
    expect(delegatesAllowed(0, 25)).toBe(0);
    expect(delegatesAllowed(7, 1)).toBe(7);
  });

  it('reads the statute’s figure for the kind of meeting delegates go to', () => {
    expect(delegatesUnderNorm(PARTY_1934_DECISIONS, 'conference', 60)).toBe(3);
    expect(delegatesUnderNorm(PARTY_1934_DECISIONS, 'congress', 60)).toBe(1);
    expect(delegatesUnderNorm(PARTY_1934_DECISIONS, 'congress', 3_001)).toBe(3);
    expect(delegatesUnderNorm(UNION_DECISIONS, 'conference', 60)).toBe(2);
    expect(delegatesUnderNorm(UNION_DECISIONS, 'congress', 4_000)).toBe(2);
  });

  it('refuses nonsense figures', () => {
    expect(() => delegatesAllowed(-1, 25)).toThrow(RangeError);
    expect(() => delegatesAllowed(10, 0)).toThrow(RangeError);
    expect(() => delegatesAllowed(1.5, 25)).toThrow(RangeError);
  });

  it('confirms a mandate only while the confirmed ones stay within the quota', () => {
    expect(withinQuota(3, 0)).toBe(true);
    expect(withinQuota(3, 2)).toBe(true);
    expect(withinQuota(3, 3)).toBe(false);
    expect(withinQuota(0, 0)).toBe(false);
  });

  it('knows which meetings delegates are elected to', () => {
    expect(isDelegateMeetingKind('conference')).toBe(true);
    expect(isDelegateMeetingKind('congress')).toBe(true);
    expect(isDelegateMeetingKind('general_assembly')).toBe(false);
  });
});
