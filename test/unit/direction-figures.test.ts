// Direction: discrepancies of a committee's summary, outliers against a body's own history, roll-up stripes
// (ADR 0027 §6, §7).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discrepant } from '../../src/modules/direction/rules/discrepancy.js';
import { outlier } from '../../src/modules/direction/rules/outlier.js';
import { bodyStripe, hashesIn, stripeAt, stripeOf, stripes } from '../../src/modules/direction/rules/stripes.js';
import { chainLinks } from '../../src/modules/direction/rules/deltas.js';

describe('discrepant', () => {
  it('flags a difference beyond max(abs, rel × |raw|), strictly', () => {
    expect(discrepant(105, 100, { abs: 5, rel: null })).toBe(false);
    expect(discrepant(106, 100, { abs: 5, rel: null })).toBe(true);
    expect(discrepant(94, 100, { abs: 5, rel: null })).toBe(true);
    expect(discrepant(1100, 1000, { abs: 5, rel: 0.1 })).toBe(false); // 10 % of 1000 is the larger
    expect(discrepant(1101, 1000, { abs: 5, rel: 0.1 })).toBe(true);
    expect(discrepant(-110, -100, { abs: null, rel: 0.1 })).toBe(false); // |raw|
  });

  it('with no tolerance, any difference is flagged and equality never', () => {
    expect(discrepant(100, 100, { abs: null, rel: null })).toBe(false);
    expect(discrepant(100.001, 100, { abs: null, rel: null })).toBe(true);
  });

  it('the seeds’ case: a district reports 1,500 admitted where its organisations reported 1,120', () => {
    expect(discrepant(1500, 1120, { abs: 10, rel: 0.05 })).toBe(true);
  });
});

describe('outlier', () => {
  it('needs four past values', () => {
    expect(outlier(1000, [10, 11, 12])).toEqual({ flagged: false, score: null });
    expect(outlier(1000, [10, 11, 12, 13]).flagged).toBe(true);
  });

  it('scores by the modified z-score and flags above 3.5', () => {
    const history = [14, 10, 12, 11, 13]; // median 12, MAD 1
    expect(outlier(12, history)).toEqual({ flagged: false, score: 0 });
    expect(outlier(15, history).score).toBeCloseTo(0.6745 * 3, 12);
    expect(outlier(9, history).score).toBeCloseTo(-0.6745 * 3, 12);
    expect(outlier(15, history).flagged).toBe(false);
  });

  it('flags beyond the threshold on either side', () => {
    const history = [14, 10, 12, 11, 13];
    // 0.6745 × |x − 12| > 3.5 ⇔ |x − 12| > 5.189…
    expect(outlier(17.18, history).flagged).toBe(false);
    expect(outlier(17.2, history).flagged).toBe(true);
    expect(outlier(6.82, history).flagged).toBe(false);
    expect(outlier(6.8, history).flagged).toBe(true);
  });

  it('with no spread (MAD 0), flags any value off the median, without a score', () => {
    expect(outlier(5, [5, 5, 5, 5, 9])).toEqual({ flagged: false, score: null });
    expect(outlier(6, [5, 5, 5, 5, 9])).toEqual({ flagged: true, score: null });
  });

  it('is robust: one past outlier does not hide a new one', () => {
    expect(outlier(400, [100, 102, 98, 101, 99, 5000]).flagged).toBe(true);
  });
});

describe('stripes', () => {
  it('32 at the root, 4 at a region and at a city, 1 below', () => {
    expect([1, 2, 3, 4, 5, 6].map(stripes)).toEqual([32, 4, 4, 1, 1, 1]);
  });

  it('matches PostgreSQL’s ("x" || substr(md5(id::text), 1, 8))::bit(32)::bigint % n', () => {
    // figures computed by PostgreSQL (PGlite) with that very expression
    expect(stripeOf('00000000-0000-0000-0000-000000000000', 1)).toBe(10);
    expect(stripeOf('ffffffff-ffff-7fff-bfff-ffffffffffff', 1)).toBe(28);
    expect(stripeOf('01936f2a-1b2c-7d3e-9f40-5a6b7c8d9e0f', 1)).toBe(4);
    expect(stripeOf('00000000-0000-0000-0000-000000000000', 2)).toBe(2);
    expect(stripeOf('ffffffff-ffff-7fff-bfff-ffffffffffff', 2)).toBe(0);
    expect(stripeOf('FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF', 1)).toBe(28); // uuid text is lower case
  });

  it('is stable, within range, and 0 below depth 3', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 7 }), fc.integer({ min: 1, max: 8 }), (id, depth) => {
        const s = stripeOf(id, depth);
        expect(stripeOf(id, depth)).toBe(s);
        expect(Number.isInteger(s) && s >= 0 && s < stripes(depth)).toBe(true);
        if (depth > 3) expect(s).toBe(0);
      }),
    );
  });

  it('spreads children over every stripe at the root', () => {
    const seen = new Map<number, number>();
    fc.sample(fc.uuid({ version: 7 }), { numRuns: 3200, seed: 1 }).forEach((id) => {
      const s = stripeOf(id, 1);
      seen.set(s, (seen.get(s) ?? 0) + 1);
    });
    expect(seen.size).toBe(32);
    for (const count of seen.values()) expect(count).toBeGreaterThan(50); // ~100 each
  });

  it('one stored stripe per node (its hash modulo 32) gives its stripe at every depth', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 7 }), fc.integer({ min: 1, max: 8 }), (id, depth) => {
        const stored = bodyStripe(id);
        expect(stored).toBe(stripeOf(id, 1));
        expect(stored >= 0 && stored < 32).toBe(true);
        expect(stripeAt(stored, depth)).toBe(stripeOf(id, depth));
      }),
    );
  });

  it('lands a report at every ancestor in the REPORTING body’s stripe, whatever the child on its path', () => {
    // organisations of one district of one city of one region: the old rule put them all in the region's stripe
    // at the root and in the city's at the region
    const root = '01936f2a-0000-7000-8000-000000000001';
    const region = '01936f2a-0000-7000-8000-000000000002';
    const city = '01936f2a-0000-7000-8000-000000000003';
    const district = '01936f2a-0000-7000-8000-000000000004';
    const above = [
      { bodyId: district, depth: 4 },
      { bodyId: city, depth: 3 },
      { bodyId: region, depth: 2 },
      { bodyId: root, depth: 1 },
    ];
    const organisations = fc.sample(fc.uuid({ version: 7 }), { numRuns: 200, seed: 7 });
    const atRoot = new Set<number>();
    const atRegion = new Set<number>();
    for (const po of organisations) {
      const links = chainLinks(bodyStripe(po), above);
      expect(links).toEqual([
        { bodyId: district, depth: 4, stripe: 0 },
        { bodyId: city, depth: 3, stripe: stripeOf(po, 3) },
        { bodyId: region, depth: 2, stripe: stripeOf(po, 2) },
        { bodyId: root, depth: 1, stripe: stripeOf(po, 1) },
      ]);
      atRoot.add(links[3]!.stripe);
      atRegion.add(links[2]!.stripe);
    }
    expect(atRoot.size).toBe(32);
    expect(atRegion.size).toBe(4);
    expect(chainLinks(bodyStripe(district), above.slice(1))).toEqual([
      { bodyId: city, depth: 3, stripe: stripeOf(district, 3) },
      { bodyId: region, depth: 2, stripe: stripeOf(district, 2) },
      { bodyId: root, depth: 1, stripe: stripeOf(district, 1) },
    ]);
  });

  it('the stored stripes falling in each stripe of a node partition 0..31 (none for an unstriped node)', () => {
    for (const depth of [1, 2, 3]) {
      const all = Array.from({ length: stripes(depth) }, (_, s) => hashesIn(s, depth)!);
      expect(all.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, h) => h));
      all.forEach((hs, s) => hs.forEach((h) => expect(stripeAt(h, depth)).toBe(s)));
    }
    expect(hashesIn(2, 2)).toEqual([2, 6, 10, 14, 18, 22, 26, 30]);
    expect(hashesIn(5, 1)).toEqual([5]);
    expect(hashesIn(0, 4)).toBeNull();
  });
});
