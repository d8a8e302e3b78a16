// Aggregation of an indicator's values up the tree and over rounds (ADR 0027 §6). A stored roll-up row keeps, per
// indicator, the count, sum, min and max of the values below; each aggregation type reads its figure from them. Pure.

export type Aggregation = 'sum' | 'average' | 'average_of_sums' | 'count' | 'last' | 'min' | 'max' | 'none';

export interface Agg {
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
}

export const EMPTY: Agg = Object.freeze({ n: 0, sum: 0, min: null, max: null });

function least(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function greatest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** Two aggregates together (associative and commutative, EMPTY its identity). */
export function combine(a: Agg, b: Agg): Agg {
  return { n: a.n + b.n, sum: a.sum + b.sum, min: least(a.min, b.min), max: greatest(a.max, b.max) };
}

/** One value's aggregate; no value is EMPTY. */
export function ofValue(v: number | null): Agg {
  return v === null ? EMPTY : { n: 1, sum: v, min: v, max: v };
}

/**
 * An aggregate's figure within one round: sum, average_of_sums and last give the sum (averaged or taken last only
 * across rounds); average the mean; count the values given; min and max theirs. Null when no value was given
 * (count: 0); none is never aggregated.
 */
export function finalise(aggregation: Aggregation, a: Agg): number | null {
  switch (aggregation) {
    case 'sum':
    case 'average_of_sums':
    case 'last':
      return a.n === 0 ? null : a.sum;
    case 'average':
      return a.n === 0 ? null : a.sum / a.n;
    case 'count':
      return a.n;
    case 'min':
      return a.n === 0 ? null : a.min;
    case 'max':
      return a.n === 0 ? null : a.max;
    case 'none':
      return null;
  }
}

/**
 * A figure over several rounds from each round's figure, in period order (null: no figure that round): sum and
 * count add up; average and average_of_sums take the mean of the rounds with a figure; last the latest figure;
 * min and max theirs. Null when no round has a figure; none is never aggregated.
 */
export function acrossRounds(aggregation: Aggregation, perRound: (number | null)[]): number | null {
  const xs = perRound.filter((x): x is number => x !== null);
  if (xs.length === 0 || aggregation === 'none') return null;
  switch (aggregation) {
    case 'sum':
    case 'count':
      return xs.reduce((s, x) => s + x, 0);
    case 'average':
    case 'average_of_sums':
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    case 'last':
      return xs[xs.length - 1]!;
    case 'min':
      return Math.min(...xs);
    case 'max':
      return Math.max(...xs);
  }
}
