// The statute's majorities, hand-checked: simple and two-thirds, of the votes cast, of those present and of all
// members; abstentions, absentees, ties and nobody voting.
import { describe, expect, it } from 'vitest';
import { decide, tally, votesNeeded } from '../../src/modules/ballot/rules/majority.js';
import { motionResult } from '../../src/modules/ballot/rules/board.js';

const c = (f: number, a: number, ab = 0) => ({ for: f, against: a, abstain: ab });

describe('simple majority of the votes cast', () => {
  const rule = { threshold: 'simple', of: 'cast' } as const;
  it('carries with more for than against; abstentions do not count', () => {
    // 10 for, 9 against, 30 abstain: base 19, needed 10
    expect(decide(rule, c(10, 9, 30), { present: 49, entitled: 60 })).toEqual({ carried: true, needed: 10, base: 19 });
  });
  it('loses a tie', () => {
    expect(decide(rule, c(7, 7, 1), { present: 15, entitled: 15 })).toEqual({ carried: false, needed: 8, base: 14 });
  });
  it('loses when nobody voted (one vote for is always needed)', () => {
    expect(decide(rule, c(0, 0, 5), { present: 5, entitled: 5 })).toEqual({ carried: false, needed: 1, base: 0 });
    expect(decide(rule, c(1, 0, 0), { present: 5, entitled: 5 }).carried).toBe(true);
  });
});

describe('two thirds', () => {
  it('of those present counts abstentions as not for', () => {
    const rule = { threshold: 'two_thirds', of: 'present' } as const;
    // 30 present: needed ⌈20⌉ = 20. 20 for, 2 against, 8 abstain → carried; 19 for → lost though 19/21 cast
    expect(decide(rule, c(20, 2, 8), { present: 30, entitled: 40 })).toEqual({ carried: true, needed: 20, base: 30 });
    expect(decide(rule, c(19, 2, 9), { present: 30, entitled: 40 }).carried).toBe(false);
    // 31 present: 2·31/3 = 20.67 → 21
    expect(votesNeeded(rule, 31)).toBe(21);
    expect(decide(rule, c(20, 0, 11), { present: 31, entitled: 40 }).carried).toBe(false);
  });
  it('of all members counts absentees against', () => {
    const rule = { threshold: 'two_thirds', of: 'members' } as const;
    // 100 members, 70 present all for: 70 ≥ 67 → carried; 66 for of 66 present → lost
    expect(decide(rule, c(70, 0, 0), { present: 70, entitled: 100 })).toEqual({ carried: true, needed: 67, base: 100 });
    expect(decide(rule, c(66, 0, 0), { present: 66, entitled: 100 }).carried).toBe(false);
  });
  it('of the votes cast: exactly two thirds is enough', () => {
    const rule = { threshold: 'two_thirds', of: 'cast' } as const;
    expect(decide(rule, c(8, 4, 10), { present: 22, entitled: 22 })).toEqual({ carried: true, needed: 8, base: 12 });
    expect(decide(rule, c(7, 4, 10), { present: 22, entitled: 22 })).toEqual({ carried: false, needed: 8, base: 11 });
    expect(decide(rule, c(0, 0, 0), { present: 0, entitled: 0 })).toEqual({ carried: false, needed: 1, base: 0 });
  });
});

describe('simple majority of members', () => {
  it('needs more than half of every member entitled', () => {
    const rule = { threshold: 'simple', of: 'members' } as const;
    // 41 members: needed 21; 20 for 0 against → lost
    expect(decide(rule, c(20, 0, 0), { present: 25, entitled: 41 })).toEqual({ carried: false, needed: 21, base: 41 });
    expect(decide(rule, c(21, 19, 0), { present: 40, entitled: 41 }).carried).toBe(true);
    // even: 40 members → 21
    expect(votesNeeded(rule, 40)).toBe(21);
  });
});

describe('tally and the stored result', () => {
  it('counts choices and states the majority applied', () => {
    const counts = tally(['for', 'against', 'for', 'abstain', 'for']);
    expect(counts).toEqual(c(3, 1, 1));
    const r = motionResult(
      { title: 'Q', majority: { threshold: 'two_thirds', of: 'present' }, election: null, present: 6, entitled: 9 },
      counts,
      5,
      null,
    );
    expect(r).toMatchObject({ carried: false, needed: 4, cast: 5, present: 6, entitled: 9, count: null });
    expect(r.majority).toEqual({ threshold: 'two_thirds', of: 'present' });
  });
});
