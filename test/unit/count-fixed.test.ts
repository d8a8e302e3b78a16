// Fixed-point helpers of the counts: exact against BigInt, decimal strings as the transcript shows them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divFloor, formatFixed, mulDivCeil, mulDivFloor } from '../../src/modules/ballot/rules/count/fixed.js';
import { mulE9Ceil } from '../../src/modules/ballot/rules/count/meek.js';

describe('fixed point', () => {
  it('formats scaled integers with exactly the given places', () => {
    expect(formatFixed(123_450_000, 5)).toBe('1234.50000');
    expect(formatFixed(7, 5)).toBe('0.00007');
    expect(formatFixed(0, 9)).toBe('0.000000000');
    expect(formatFixed(-25, 2)).toBe('-0.25');
  });

  it('mulE9Ceil(r, k) = ceil(r·k / 10^9) exactly for all r, k ≤ 10^9', () => {
    const big = (r: number, k: number) => Number((BigInt(r) * BigInt(k) + 999_999_999n) / 1_000_000_000n);
    for (const [r, k] of [
      [1_000_000_000, 1_000_000_000],
      [999_999_999, 999_999_999],
      [1_000_000_000, 625_000_001],
      [1, 1],
      [0, 5],
    ] as const) {
      expect(mulE9Ceil(r, k)).toBe(big(r, k));
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (r, k) => {
        expect(mulE9Ceil(r, k)).toBe(big(r, k));
      }),
      { numRuns: 5000 },
    );
  });

  it('mulDivFloor, mulDivCeil and divFloor are exact beyond 2^53 intermediate products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (a, b, c) => {
          const n = BigInt(a) * BigInt(b);
          expect(mulDivFloor(a, b, c)).toBe(Number(n / BigInt(c)));
          expect(mulDivCeil(a, b, c)).toBe(Number((n + BigInt(c) - 1n) / BigInt(c)));
        },
      ),
    );
    expect(divFloor(2 ** 53 - 1, 5)).toBe(Number(BigInt(2 ** 53 - 1) / 5n));
  });
});
