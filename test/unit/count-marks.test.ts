// Plurality (block vote) and approval counts on hand-checked examples.
import { describe, expect, it } from 'vitest';
import { count } from '../../src/modules/ballot/rules/count/index.js';
import type { CountInput } from '../../src/contracts/count.js';

const cands = (ids: string) => ids.split('').map((id) => ({ id, name: id.toUpperCase() }));
const ballots = (spec: Record<string, number>) =>
  Object.entries(spec).map(([k, weight]) => ({ prefs: k === '-' ? [] : k.split(''), weight }));

describe('plurality', () => {
  it('single seat: the most votes wins; bad ballots are invalid and not counted', () => {
    const r = count({
      method: 'plurality',
      seats: 1,
      candidates: cands('abcw'),
      withdrawn: ['w'],
      ballots: [
        ...ballots({ a: 3, b: 2, c: 1 }),
        { prefs: ['a', 'b'] }, // two marks for one seat
        { prefs: ['x'] }, // unknown candidate
        { prefs: ['w'] }, // withdrawn candidate
        { prefs: [] }, // blank
      ],
    });
    // a 3, b 2, c 1 → a; 4 invalid; the withdrawn candidate is not listed
    expect(r.elected).toEqual(['a']);
    expect(r.totals).toEqual({ a: 3, b: 2, c: 1 });
    expect(r.valid).toBe(6);
    expect(r.invalid).toBe(4);
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0]!.votes).toEqual({ a: '3', b: '2', c: '1' });
    expect(r.rounds[0]!.tieBreak).toBeNull();
  });

  it('several seats: the block vote, each ballot marks up to `seats` candidates; a repeated mark is invalid', () => {
    const r = count({
      method: 'plurality',
      seats: 2,
      candidates: cands('abcd'),
      ballots: [...ballots({ ab: 4, ac: 3, cd: 2, d: 2, abc: 5 }), { prefs: ['a', 'a'] }],
    });
    // a 4+3 = 7, b 4, c 3+2 = 5, d 2+2 = 4; 'abc' (3 marks for 2 seats) ×5 and 'aa' are invalid
    expect(r.totals).toEqual({ a: 7, b: 4, c: 5, d: 4 });
    expect(r.elected).toEqual(['a', 'c']);
    expect(r.valid).toBe(11);
    expect(r.invalid).toBe(6);
  });

  it('a tie for the last seat is broken by the reproducible lot, and recorded', () => {
    const input: CountInput = {
      method: 'plurality',
      seats: 2,
      candidates: cands('abc'),
      ballots: ballots({ a: 5, b: 3, c: 3 }),
    };
    const r = count(input);
    expect(r.elected[0]).toBe('a');
    expect(['b', 'c']).toContain(r.elected[1]);
    expect(r.rounds[0]!.tieBreak).toMatch(/B, C tied with 3 for the last seat; [BC] elected by lot \(SHA-256/);
    // the same input draws the same lot, whatever the order of the ballots
    expect(count({ ...input, ballots: [...input.ballots].reverse() })).toEqual(r);
    expect(count(input)).toEqual(r);
  });

  it('the lot depends on the ballots: a different board may draw differently but always reproducibly', () => {
    const draws = new Set<string>();
    for (let extra = 0; extra < 12; extra++) {
      const input: CountInput = {
        method: 'plurality',
        seats: 1,
        candidates: cands('bcz'),
        ballots: [...ballots({ b: 3, c: 3 }), ...Array.from({ length: extra }, () => ({ prefs: ['b', 'c'] }))],
      };
      const r = count(input);
      expect(count(input).elected).toEqual(r.elected);
      draws.add(r.elected[0]!);
    }
    expect([...draws].sort()).toEqual(['b', 'c']);
  });

  it('fewer candidates than seats: every standing candidate is elected', () => {
    const r = count({ method: 'plurality', seats: 3, candidates: cands('ab'), ballots: ballots({ a: 1 }) });
    expect(r.elected).toEqual(['a', 'b']);
  });
});

describe('approval', () => {
  it('any number of marks; the `seats` candidates with most approvals are elected', () => {
    const r = count({
      method: 'approval',
      seats: 2,
      candidates: cands('abcd'),
      ballots: [...ballots({ abc: 3, bd: 2, c: 4, abcd: 1 }), { prefs: ['a', 'a'] }],
    });
    // a 3+1 = 4, b 3+2+1 = 6, c 3+4+1 = 8, d 2+1 = 3; 'aa' is invalid
    expect(r.totals).toEqual({ a: 4, b: 6, c: 8, d: 3 });
    expect(r.elected).toEqual(['c', 'b']);
    expect(r.valid).toBe(10);
    expect(r.invalid).toBe(1);
    expect(r.rounds[0]!.action).toBe('Approvals counted');
  });
});
