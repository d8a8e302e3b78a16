// Direction: deadlines down the tree, target splits, rule targets and whether a target is met (ADR 0027 §3).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineHolds, ruleTarget, splitHolds, targetMet } from '../../src/modules/direction/rules/targets.js';

describe('deadlineHolds', () => {
  it('allows the same or an earlier deadline, refuses a later one', () => {
    const above = new Date('1929-05-01T20:59:59.999Z');
    expect(deadlineHolds(new Date('1929-05-01T20:59:59.999Z'), above)).toBe(true);
    expect(deadlineHolds(new Date('1929-04-20T20:59:59.999Z'), above)).toBe(true);
    expect(deadlineHolds(new Date('1929-05-01T21:00:00.000Z'), above)).toBe(false);
  });
});

describe('splitHolds', () => {
  it('equal: the children sum to the node’s own target', () => {
    expect(splitHolds(100, [40, 35, 25], 'equal')).toEqual({ ok: true, own: 100, children: 100 });
    expect(splitHolds(100, [40, 35, 20], 'equal')).toEqual({ ok: false, own: 100, children: 95 });
    expect(splitHolds(100, [40, 35, 30], 'equal')).toEqual({ ok: false, own: 100, children: 105 });
    expect(splitHolds(0.3, [0.1, 0.2], 'equal').ok).toBe(true); // decimals within tolerance
    expect(splitHolds(0, [], 'equal')).toEqual({ ok: true, own: 0, children: 0 });
  });

  it('at_least: no level lowers what it was given', () => {
    expect(splitHolds(100, [40, 35, 25], 'at_least').ok).toBe(true);
    expect(splitHolds(100, [50, 50, 10], 'at_least')).toEqual({ ok: true, own: 100, children: 110 });
    expect(splitHolds(100, [50, 49.5], 'at_least')).toEqual({ ok: false, own: 100, children: 99.5 });
    expect(splitHolds(0.3, [0.1, 0.2], 'at_least').ok).toBe(true);
  });

  it('a target split into many decimal parts still adds up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 2000 }), (cents) => {
        const parts = cents.map((c) => c / 100);
        const own = cents.reduce((s, c) => s + c, 0) / 100;
        expect(splitHolds(own, parts, 'equal').ok).toBe(true);
        expect(splitHolds(own, parts, 'at_least').ok).toBe(true);
        expect(splitHolds(own + 0.01, parts, 'equal').ok).toBe(false);
        expect(splitHolds(own + 0.01, parts, 'at_least').ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ruleTarget', () => {
  it('multiplies by the addressees or the members below', () => {
    const below = { addressees: 12, members: 340 };
    expect(ruleTarget('per_addressee', 2, below)).toBe(24);
    expect(ruleTarget('per_member', 0.5, below)).toBe(170);
    expect(ruleTarget('per_member', 3, { addressees: 0, members: 0 })).toBe(0);
  });
});

describe('targetMet', () => {
  it('at_least and at_most, null without an actual figure', () => {
    expect(targetMet('at_least', 10, 10)).toBe(true);
    expect(targetMet('at_least', 10, 9)).toBe(false);
    expect(targetMet('at_most', 10, 10)).toBe(true);
    expect(targetMet('at_most', 10, 11)).toBe(false);
    expect(targetMet('at_least', 10, null)).toBeNull();
    expect(targetMet('at_most', 0, 0)).toBe(true);
  });

  it('does not miss a target by floating-point noise', () => {
    const target = ruleTarget('per_member', 0.1, { addressees: 1, members: 3 }); // 0.30000000000000004
    expect(targetMet('at_least', target, 0.3)).toBe(true);
    expect(targetMet('at_least', target, 0.2999)).toBe(false);
  });
});
