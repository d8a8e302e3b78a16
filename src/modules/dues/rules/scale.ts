// The statute's dues scale: monthly earnings → percent → amount due, exactly (integers, no float drift). Pure.
import type { DuesBand } from '../../../contracts/membership-rules.js';

/** A band's upper bound or a percentage as an integer of hundredths (150 → 15000; 0.5% → 50). */
function hundredths(x: number): bigint {
  return BigInt(Math.round(x * 100));
}

/** The band for earnings (minor units): the first whose upTo (inclusive) is not below them; the open top band last. */
export function bandFor(bands: readonly DuesBand[], earningsMinor: number): DuesBand {
  const e = BigInt(earningsMinor);
  for (const b of bands) if (b.upTo === null || e <= hundredths(b.upTo)) return b;
  return bands[bands.length - 1]!;
}

/**
 * The amount due in minor units: earnings × percent, rounded half up to the minor unit. Percentages are
 * read to two decimals (0.5, 1.25); the arithmetic is in big integers.
 */
export function duesAmount(bands: readonly DuesBand[], earningsMinor: number): number {
  const band = bandFor(bands, earningsMinor);
  const num = BigInt(earningsMinor) * hundredths(band.percent);
  return Number((num + 5000n) / 10000n);
}
