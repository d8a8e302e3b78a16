// Direction: aggregation of an indicator up the tree and over rounds (ADR 0027 §6).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acrossRounds,
  combine,
  EMPTY,
  finalise,
  ofValue,
  type Agg,
  type Aggregation,
} from '../../src/modules/direction/rules/aggregate.js';

const fold = (values: (number | null)[]): Agg => values.map(ofValue).reduce(combine, EMPTY);

describe('combine and ofValue', () => {
  it('keeps count, sum, min and max', () => {
    expect(fold([3, null, -1, 7])).toEqual({ n: 3, sum: 9, min: -1, max: 7 });
    expect(fold([])).toEqual(EMPTY);
    expect(ofValue(null)).toEqual({ n: 0, sum: 0, min: null, max: null });
    expect(ofValue(0)).toEqual({ n: 1, sum: 0, min: 0, max: 0 });
  });

  const agg = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null })).map(fold);
  it('is associative and commutative with EMPTY as identity (stripes and children add in any order)', () => {
    fc.assert(
      fc.property(agg, agg, agg, (a, b, c) => {
        expect(combine(a, EMPTY)).toEqual(a);
        expect(combine(EMPTY, a)).toEqual(a);
        expect(combine(a, b)).toEqual(combine(b, a));
        expect(combine(combine(a, b), c)).toEqual(combine(a, combine(b, c)));
      }),
    );
  });

  it('never changes EMPTY', () => {
    combine(EMPTY, ofValue(5));
    expect(EMPTY).toEqual({ n: 0, sum: 0, min: null, max: null });
    expect(Object.isFrozen(EMPTY)).toBe(true);
  });
});

describe('finalise, within one round', () => {
  const a = fold([4, 10, 1]);
  const cases: [Aggregation, number | null, number | null][] = [
    ['sum', 15, null],
    ['average_of_sums', 15, null],
    ['last', 15, null],
    ['average', 5, null],
    ['count', 3, 0],
    ['min', 1, null],
    ['max', 10, null],
    ['none', null, null],
  ];
  it.each(cases)('%s gives %s (with no values: %s)', (aggregation, some, none) => {
    expect(finalise(aggregation, a)).toBe(some);
    expect(finalise(aggregation, EMPTY)).toBe(none);
  });

  it('a zero is a value', () => {
    expect(finalise('sum', fold([0]))).toBe(0);
    expect(finalise('min', fold([0, 2]))).toBe(0);
  });
});

describe('acrossRounds, in period order', () => {
  const rounds = [10, null, 4, 7];
  const cases: [Aggregation, number | null][] = [
    ['sum', 21],
    ['count', 21],
    ['average', 7],
    ['average_of_sums', 7],
    ['last', 7],
    ['min', 4],
    ['max', 10],
    ['none', null],
  ];
  it.each(cases)('%s gives %s', (aggregation, expected) => {
    expect(acrossRounds(aggregation, rounds)).toBe(expected);
  });

  it('last skips rounds without a figure', () => {
    expect(acrossRounds('last', [3, 5, null])).toBe(5);
  });

  it('is null when no round has a figure', () => {
    for (const aggregation of ['sum', 'count', 'average', 'average_of_sums', 'last', 'min', 'max'] as const) {
      expect(acrossRounds(aggregation, [])).toBeNull();
      expect(acrossRounds(aggregation, [null, null])).toBeNull();
    }
  });
});
