// Properties of every counting method (fast-check): what must hold for any ballots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/modules/ballot/rules/count/index.js';
import { CountResult, type CountInput, type CountMethod } from '../../src/contracts/count.js';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** A random election: 1–6 candidates (some withdrawn), 1–4 seats, up to 40 ballots ranking some of them. */
const election = (method: CountMethod) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 6 }),
      seats: fc.integer({ min: 1, max: 4 }),
      withdrawnMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      ballots: fc.array(
        fc.record({
          prefs: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 6 }),
          weight: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ n, seats, withdrawnMask, ballots }): CountInput => {
      const ids = IDS.slice(0, n);
      return {
        method,
        seats,
        candidates: ids.map((id) => ({ id, name: id.toUpperCase() })),
        withdrawn: ids.filter((_, i) => withdrawnMask[i] && i > 0),
        // ballots may name candidates outside the first n: unknown ids, which make a paper invalid
        ballots,
      };
    });

const shuffled = <T>(xs: T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const METHODS: CountMethod[] = ['plurality', 'approval', 'scottish_stv', 'meek'];

describe.each(METHODS)('%s', (method) => {
  it('the result does not depend on the order of the ballots (nor on splitting weights into single ballots)', () => {
    fc.assert(
      fc.property(election(method), fc.integer(), (input, seed) => {
        const r = count(input);
        expect(count({ ...input, ballots: shuffled(input.ballots, seed) })).toEqual(r);
        const single = input.ballots.flatMap((b) => Array.from({ length: b.weight ?? 1 }, () => ({ prefs: b.prefs })));
        expect(count({ ...input, ballots: shuffled(single, seed ^ 0x5bd1e995) })).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  it('elects distinct standing candidates, exactly min(seats, standing) of them', () => {
    fc.assert(
      fc.property(election(method), (input) => {
        const r = count(input);
        expect(CountResult.parse(r)).toEqual(r); // the contract the API and the CLI's --json carry
        const standing = input.candidates.map((c) => c.id).filter((id) => !input.withdrawn!.includes(id));
        expect(new Set(r.elected).size).toBe(r.elected.length);
        for (const id of r.elected) expect(standing).toContain(id);
        expect(r.elected).toHaveLength(Math.min(input.seats, standing.length));
        expect(r.valid + r.invalid).toBe(input.ballots.reduce((s, b) => s + (b.weight ?? 1), 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(['plurality', 'approval'] as const)('%s totals', (method) => {
  it('equal the marks cast on the valid ballots', () => {
    fc.assert(
      fc.property(election(method), (input) => {
        const r = count(input);
        const standing = new Set(input.candidates.map((c) => c.id).filter((id) => !input.withdrawn!.includes(id)));
        let marks = 0;
        let valid = 0;
        for (const b of input.ballots) {
          const ok =
            b.prefs.length > 0 &&
            b.prefs.every((id) => standing.has(id)) &&
            (method === 'approval' || b.prefs.length <= input.seats);
          if (ok) {
            marks += b.prefs.length * (b.weight ?? 1);
            valid += b.weight ?? 1;
          }
        }
        expect(Object.values(r.totals!).reduce((s, x) => s + x, 0)).toBe(marks);
        expect(r.valid).toBe(valid);
        // an elected candidate never has fewer marks than one not elected
        const lowestElected = Math.min(...r.elected.map((id) => r.totals![id]!));
        for (const id of standing)
          if (!r.elected.includes(id)) expect(r.totals![id]).toBeLessThanOrEqual(lowestElected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('STV', () => {
  it('Scottish STV: each stage, votes plus non-transferable never exceed the valid papers, and lose under 0.00001 a paper per transfer', () => {
    fc.assert(
      fc.property(election('scottish_stv'), (input) => {
        const r = count(input);
        const units = (s: string) => Math.round(Number(s) * 100_000);
        r.rounds.forEach((x, i) => {
          const sum = Object.values(x.votes).reduce((t, v) => t + units(v), 0) + units(x.exhausted);
          expect(sum).toBeLessThanOrEqual(r.valid * 100_000);
          expect(r.valid * 100_000 - sum).toBeLessThanOrEqual(i * Math.max(1, r.valid));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a candidate with a quota of first preferences is elected (both STV methods)', () => {
    fc.assert(
      fc.property(election('scottish_stv'), (input) => {
        for (const method of ['scottish_stv', 'meek'] as const) {
          const r = count({ ...input, method });
          const first = r.rounds[0]!;
          const quota = Number(first.quota);
          for (const [id, v] of Object.entries(first.votes)) if (Number(v) >= quota) expect(r.elected).toContain(id);
        }
      }),
      { numRuns: 150 },
    );
  });
});
