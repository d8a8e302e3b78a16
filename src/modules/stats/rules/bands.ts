// Size bands of primary organisations (the seeds' bands: 3–49, 50–100, 101–1,000, over 1,000). Pure.
import type { SizeBand } from '../../../contracts/stats.js';

export const BANDS: readonly Omit<SizeBand, 'count'>[] = [
  { band: '3-49', min: 3, max: 49 },
  { band: '50-100', min: 50, max: 100 },
  { band: '101-1000', min: 101, max: 1000 },
  { band: 'over-1000', min: 1001, max: null },
];

/** One row of the size histogram: `organisations` primary organisations have exactly `size` members. */
export interface SizeCount {
  size: number;
  organisations: number;
}

export function bandOf(size: number): string | null {
  for (const b of BANDS) if (size >= b.min && (b.max === null || size <= b.max)) return b.band;
  return null;
}

/** A band as people read it: `3–49`, `101–1,000`, `over 1,000`. */
export function bandText(b: Omit<SizeBand, 'count'>): string {
  const n = (v: number) => v.toLocaleString('en');
  return b.max === null ? `over ${n(b.min - 1)}` : `${n(b.min)}–${n(b.max)}`;
}

export interface Banding {
  bands: SizeBand[];
  belowMinimum: number;
  total: number;
}

/** Buckets a size histogram into the bands; counts organisations below the statute's minimum. */
export function bandSizes(histogram: readonly SizeCount[], minMembers: number): Banding {
  const bands = BANDS.map((b) => ({ ...b, count: 0 }));
  let belowMinimum = 0;
  let total = 0;
  for (const { size, organisations } of histogram) {
    total += organisations;
    if (size < minMembers) belowMinimum += organisations;
    const name = bandOf(size);
    const band = bands.find((b) => b.band === name);
    if (band) band.count += organisations;
  }
  return { bands, belowMinimum, total };
}

/** Saturation ratio, rounded to four decimals; null without a workforce. */
export function saturationRatio(communists: number, workforce: number): number | null {
  if (workforce <= 0) return null;
  return Math.round((communists / workforce) * 10_000) / 10_000;
}
