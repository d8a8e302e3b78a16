// Meek's method (Hill, Wichmann & Woodall 1987; the New Zealand rules) on hand-checked and published examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/modules/ballot/rules/count/index.js';
import { parseBlt } from '../../src/modules/ballot/rules/blt.js';
import type { CountInput } from '../../src/contracts/count.js';

const cands = (ids: string) => ids.split('').map((id) => ({ id, name: id.toUpperCase() }));
const ballots = (spec: Record<string, number>) =>
  Object.entries(spec).map(([k, weight]) => ({ prefs: k.split(''), weight }));
const meek = (input: Omit<CountInput, 'method'>) => count({ method: 'meek', ...input });
const toUnits = (s: string) => BigInt(s.replace('.', ''));

describe("Meek's method", () => {
  it('keep factors, the quota recomputed from the excess, exclusion, last seat', () => {
    const r = meek({
      seats: 2,
      candidates: cands('abcd'),
      ballots: ballots({ ab: 6, ac: 2, b: 1, cd: 3, d: 2, dc: 1 }),
    });
    // stage 1: first preferences a 8, b 1, c 3, d 3; quota 15 / 3 + 0.000000001 = 5.000000001 → a elected
    expect(r.rounds[0]!.votes).toEqual({ a: '8.000000000', b: '1.000000000', c: '3.000000000', d: '3.000000000' });
    expect(r.rounds[0]!.quota).toBe('5.000000001');
    expect(r.rounds[0]!.elected).toEqual(['a']);
    // stage 2: keep(a) = 1 × 5.000000001 / 8 = 0.625000000125, rounded up to 0.625000001
    //   each 'ab' paper: a keeps 0.625000001, b gets 0.374999999 → b 1 + 6 × 0.374999999 = 3.249999994
    //   each 'ac' paper: c gets 0.374999999 → c 3 + 2 × 0.374999999 = 3.749999998; a 8 × 0.625000001 = 5.000000008
    //   total surplus 0.000000007 < 0.00001: converged after one iteration
    expect(r.rounds[1]!.keep!.a).toBe('0.625000001');
    expect(r.rounds[1]!.votes).toEqual({ a: '5.000000008', b: '3.249999994', c: '3.749999998', d: '3.000000000' });
    // stage 3: d (3) excluded: 'dc' → c 4.749999998, 'd' ×2 exhausted (excess 2);
    //   quota (15 − 2) / 3 = 4.333333333 + 0.000000001 = 4.333333334 → c elected
    expect(r.rounds[2]!.excluded).toEqual(['d']);
    expect(r.rounds[2]!.exhausted).toBe('2.000000000');
    expect(r.rounds[2]!.quota).toBe('4.333333334');
    expect(r.rounds[2]!.elected).toEqual(['c']);
    expect(r.elected).toEqual(['a', 'c']);
  });

  it("Droop's test election 513: matches the PRF Meek reference dump to the last digit", () => {
    const e = parseBlt(readFileSync('test/fixtures/blt/droop-513.blt', 'utf8'));
    const r = meek(e);
    // Castor 5, Pollux 1, Helen 3; quota 9 / 3 + 0.000000001; keep(Castor) = ceil(3.000000001 / 5) = 0.600000001
    expect(r.rounds[0]!.quota).toBe('3.000000001');
    expect(r.rounds[1]!.keep!['1']).toBe('0.600000001');
    expect(r.rounds[1]!.votes).toEqual({ '1': '3.000000005', '2': '2.999999995', '3': '3.000000000' });
    // Pollux 2.999999995 < Helen 3.000000000: Pollux excluded, Helen fills the last seat
    expect(r.rounds[2]!.excluded).toEqual(['2']);
    expect(r.elected).toEqual(['1', '3']);
  });

  it('iterates until the surpluses of all elected candidates are within 0.00001 of the quota', () => {
    // a (9) and b (7) both pass the quota 24 / 4 + 0.000000001 at stage 1 and pass surplus to each other and on to
    // c and d; the iteration stops when the two surpluses together are below 0.00001 (13 iterations here)
    const r = meek({
      seats: 3,
      candidates: cands('abcde'),
      ballots: ballots({ abc: 9, bad: 7, c: 1, d: 3, e: 3, ce: 1 }),
    });
    expect(r.rounds[0]!.elected).toEqual(['a', 'b']);
    const s = r.rounds[1]!;
    expect(s.action).toMatch(/keep factors iterated \d+ times/);
    const q = toUnits(s.quota!);
    const surplus = toUnits(s.votes.a!) - q + (toUnits(s.votes.b!) - q);
    expect(surplus >= 0n && surplus < 10_000n).toBe(true); // 10_000 units of 10^-9 = 0.00001
    expect(s.elected).toEqual([]);
    // then e (3) is excluded and d reaches the recomputed quota (24 − 3) / 4 + 0.000000001 = 5.250000001
    expect(r.rounds[2]!.excluded).toEqual(['e']);
    expect(r.rounds[2]!.quota).toBe('5.250000001');
    expect(r.elected).toEqual(['a', 'b', 'd']);
    // the votes and the excess always add up to the total (24), give or take the rounding up of the keep shares
    for (const x of r.rounds) {
      const sum = Object.values(x.votes).reduce((t, v) => t + toUnits(v), 0n) + toUnits(x.exhausted);
      expect(sum).toBe(24_000_000_000n);
    }
  });

  it('a tie for exclusion, equal at every stage, is broken by the reproducible lot and recorded', () => {
    const input = { seats: 1, candidates: cands('abc'), ballots: ballots({ a: 2, b: 1, c: 1 }) };
    // quota 4 / 2 + 0.000000001 = 2.000000001: nobody; b and c tie at 1 at every stage → lot
    const r = meek(input);
    expect(r.rounds[1]!.tieBreak).toMatch(/B, C tied, equal at every earlier stage; [BC] chosen by lot/);
    expect(meek({ ...input, ballots: [...input.ballots].reverse() })).toEqual(r);
    expect(r.elected).toHaveLength(1);
  });

  it('withdrawn candidates have keep factor 0 from the start; candidates running out are all elected', () => {
    const r = meek({ seats: 3, candidates: cands('abw'), withdrawn: ['w'], ballots: ballots({ wa: 2, b: 1 }) });
    expect(r.rounds[0]!.votes).toEqual({ a: '2.000000000', b: '1.000000000' });
    expect(r.elected.sort()).toEqual(['a', 'b']);
  });

  it('Green Party US steering committee, 2005: converges to the PRF reference values and elects the same four', () => {
    const e = parseBlt(readFileSync('test/fixtures/blt/gpus-2005.blt', 'utf8'));
    const r = meek(e);
    // Droop's SC-meek-prf-o6-fixed-p9-d9.txt, round 2 (after LaMarche's and Rotzler's surpluses):
    expect(r.rounds[1]!.votes).toMatchObject({
      '1': '8.006073598',
      '2': '3.232685848',
      '3': '9.408174589',
      '4': '18.800000609',
      '5': '2.759954125',
      '7': '18.800000299',
      '8': '13.000470959',
      '9': '1.435843893',
      '13': '18.556796080',
    });
    expect(r.rounds[1]!.keep).toMatchObject({ '4': '0.837944884', '7': '0.564156107' });
    // elected: LaMarche, Rotzler, Kramer, Olsen (the reference's end state)
    expect([...r.elected].sort()).toEqual(['13', '4', '7', '8']);
  });
});
