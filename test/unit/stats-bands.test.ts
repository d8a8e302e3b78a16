import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, bandSizes, bandText, saturationRatio } from '../../src/modules/stats/rules/bands.js';

describe('size bands', () => {
  it('puts each size in the seeds’ bands with inclusive bounds', () => {
    expect([2, 3, 49, 50, 100, 101, 1000, 1001, 5000].map(bandOf)).toEqual([
      null,
      '3-49',
      '3-49',
      '50-100',
      '50-100',
      '101-1000',
      '101-1000',
      'over-1000',
      'over-1000',
    ]);
  });

  it('buckets a histogram and counts organisations below the statute minimum', () => {
    const r = bandSizes(
      [
        { size: 0, organisations: 1 },
        { size: 2, organisations: 2 },
        { size: 4, organisations: 3 },
        { size: 60, organisations: 1 },
        { size: 1200, organisations: 2 },
      ],
      5,
    );
    expect(r.total).toBe(9);
    expect(r.belowMinimum).toBe(6);
    expect(r.bands.map((b) => [b.band, b.count])).toEqual([
      ['3-49', 3],
      ['50-100', 1],
      ['101-1000', 0],
      ['over-1000', 2],
    ]);
  });

  it('computes saturation, null without workforce', () => {
    expect(saturationRatio(4400, 31429)).toBe(0.14);
    expect(saturationRatio(5, 0)).toBeNull();
  });

  it('names each band as people read it (the command line’s help is written from the bands)', () => {
    expect(BANDS.map(bandText)).toEqual(['3–49', '50–100', '101–1,000', 'over 1,000']);
  });
});
