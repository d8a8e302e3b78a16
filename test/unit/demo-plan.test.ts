import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_BANDS, planDemo } from '../../src/modules/demo/rules/demo-plan.js';
import { personBatches, personCount } from '../../src/modules/demo/rules/persons.js';
import { planSynthetic } from '../../src/modules/demo/rules/synthetic-plan.js';
import { bandSizes } from '../../src/modules/stats/rules/bands.js';
import { bodyRows } from '../../src/modules/demo/rules/rows.js';

const plan = planDemo();

describe('demo plan', () => {
  it('has exactly the seeds’ 1,814 primary organisations in bands 1,254 / 258 / 285 / 17', () => {
    const hist = new Map<number, number>();
    for (const p of plan.primaries) hist.set(p.size, (hist.get(p.size) ?? 0) + 1);
    const banding = bandSizes(
      [...hist].map(([size, organisations]) => ({ size, organisations })),
      3,
    );
    expect(banding.total).toBe(1814);
    expect(banding.bands.map((b) => b.count)).toEqual(DEMO_BANDS.map((b) => b.count));
    expect(banding.bands.map((b) => b.count)).toEqual([1254, 258, 285, 17]);
    expect(banding.belowMinimum).toBe(0);
    expect(plan.bodies.filter((b) => b.kind === 'primary_organisation')).toHaveLength(1814);
  });

  it('puts the Red Putilovite works among the 17, in the Kirovsky district, with shop cells and its triangle, at ≈14% saturation', () => {
    const put = plan.primaries[plan.putilov]!;
    const body = plan.bodies[put.body]!;
    expect(body.name).toMatch(/Red Putilovite/);
    expect(body.nameRu).toMatch(/Красный путиловец/);
    expect(put.district).toBe('kirovsky');
    expect(plan.bodies[body.parent!]!.name).toMatch(/Kirovsky/);
    expect(put.size).toBeGreaterThan(1000);
    const sat = put.size / plan.enterprises[put.enterprise]!.workforce;
    expect(sat).toBeGreaterThanOrEqual(0.13);
    expect(sat).toBeLessThanOrEqual(0.15);
    const children = plan.bodies.filter((b) => b.parent === put.body);
    expect(children.filter((b) => b.kind === 'shop_cell').length).toBeGreaterThanOrEqual(18);
    for (const kind of ['management', 'union_committee'] as const) {
      const t = children.filter((b) => b.kind === kind);
      expect(t).toHaveLength(1);
      expect(t[0]!.enterprise).toBe(put.enterprise);
    }
  });

  it('gives the city a saturation of about 5% and ~150,000 members and candidates', () => {
    const size = plan.primaries.reduce((s, p) => s + p.size, 0);
    const workforce = plan.primaries.reduce((s, p) => s + plan.enterprises[p.enterprise]!.workforce, 0);
    expect(size / workforce).toBeGreaterThan(0.045);
    expect(size / workforce).toBeLessThan(0.055);
    expect(personCount(plan)).toBe(size);
    expect(size).toBeGreaterThan(130_000);
    expect(size).toBeLessThan(170_000);
  });

  it('has the central committee organs, 15–20 districts with bureaus, and believable persons', () => {
    const kinds = (k: string) => plan.bodies.filter((b) => b.kind === k).length;
    for (const k of [
      'central_committee',
      'politburo',
      'orgburo',
      'secretariat',
      'control_commission',
      'regional_committee',
      'city_committee',
    ]) {
      expect(kinds(k), k).toBe(1);
    }
    expect(kinds('district_committee')).toBeGreaterThanOrEqual(15);
    expect(kinds('district_committee')).toBeLessThanOrEqual(20);
    const districtBureaus = plan.bodies.filter(
      (b) => b.kind === 'bureau' && plan.bodies[b.parent!]!.kind === 'district_committee',
    );
    expect(districtBureaus).toHaveLength(kinds('district_committee'));

    const cards = new Set<string>();
    const logins: Record<string, string> = {};
    const officeBodies = new Set<number>();
    let persons = 0;
    let candidates = 0;
    let badCards = 0;
    let outsidePrimary = 0;
    for (const batch of personBatches(plan)) {
      for (const p of batch.persons) {
        persons++;
        if (p.status === 'candidate') {
          candidates++;
          if (p.cardNumber !== null) badCards++;
        } else {
          if (!/^\d{7}$/.test(p.cardNumber ?? '') || cards.has(p.cardNumber!)) badCards++;
          cards.add(p.cardNumber!);
        }
        if (plan.bodies[p.body]!.primary === null) outsidePrimary++;
      }
      for (const o of batch.offices) officeBodies.add(o.body);
      Object.assign(logins, batch.logins);
    }
    expect(badCards).toBe(0);
    expect(outsidePrimary).toBe(0);
    expect(candidates / persons).toBeGreaterThan(0.15);
    expect(candidates / persons).toBeLessThan(0.25);
    expect(Object.keys(logins).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.login).sort());
    // Every committee and primary organisation has an office holder.
    plan.bodies.forEach((b, i) => {
      if (
        [
          'central_committee',
          'regional_committee',
          'city_committee',
          'district_committee',
          'primary_organisation',
        ].includes(b.kind)
      ) {
        expect(officeBodies.has(i), b.name).toBe(true);
      }
    });
    const first = personBatches(plan).next().value!.persons[0]!;
    expect(first.nameRu).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    expect(first.familyName).toMatch(/^[A-Z][a-z]+$/);
  }, 30_000);

  it('is deterministic: the same seed gives the same plan, another seed another', () => {
    const again = planDemo();
    expect(again.bodies).toEqual(plan.bodies);
    expect(again.enterprises).toEqual(plan.enterprises);
    expect(personBatches(again).next().value).toEqual(personBatches(plan).next().value);
    const other = planDemo(7);
    expect(other.bodies[0]!.id).not.toBe(plan.bodies[0]!.id);
    expect(other.primaries.map((p) => p.size)).not.toEqual(plan.primaries.map((p) => p.size));
  }, 30_000);

  it('materialises paths below the root created by the statute service', () => {
    const rows = bodyRows(plan, '01900000-0000-7000-8000-000000000001');
    expect(rows[0]!.path).toBe('01900000000070008000000000000001');
    const put = rows[plan.primaries[plan.putilov]!.body]!;
    expect(put.path.split('.')).toHaveLength(put.depth);
    expect(put.path.startsWith(rows[0]!.path + '.')).toBe(true);
    expect(put.primary_id).toBe(put.id);
  });
});

describe('synthetic plan', () => {
  it('builds exactly the requested members and bodies', () => {
    const s = planSynthetic({ members: 20_000, bodies: 1_000, seed: 3 });
    expect(s.bodies).toHaveLength(1_000);
    expect(personCount(s)).toBe(20_000);
    expect(s.bodies.filter((b) => b.kind === 'primary_organisation')).toHaveLength(s.primaries);
    expect(s.groups.every((g) => g.size >= 3)).toBe(true);
  });
});

describe('the small demo of the first-start tests (ANTAEUS_TEST_SMALL_DEMO)', () => {
  const small = planDemo(undefined, { small: true });
  const logins = (p: typeof plan) =>
    [...p.groups.flatMap((g) => g.officers.map((o) => o.login)), ...(p.outsiders ?? []).map((o) => o.login)]
      .filter(Boolean)
      .sort();

  it('is a smaller organisation of the same shape: every body kind, every account, the Red Putilovite works', () => {
    expect(small.primaries).toHaveLength(135);
    expect(small.primaries.reduce((s, p) => s + p.size, 0)).toBe(42_540);
    expect(new Set(small.bodies.map((b) => b.kind))).toEqual(new Set(plan.bodies.map((b) => b.kind)));
    expect(logins(small)).toEqual(logins(plan));
    expect(logins(small)).toEqual(DEMO_ACCOUNTS.map((a) => a.login).sort());
    expect(small.bodies[small.primaries[small.putilov]!.body]!.name).toBe(plan.bodies[plan.primaries[0]!.body]!.name);
    expect(small.primaries.filter((p) => p.size > 1000)).toHaveLength(17);
  });

  it('is only for tests: the variable is ignored in production', async () => {
    const { smallDemoForTests } = await import('../../src/platform/kill-point.js');
    const env = { ...process.env };
    try {
      process.env.ANTAEUS_TEST_SMALL_DEMO = '1';
      process.env.NODE_ENV = 'test';
      expect(smallDemoForTests()).toBe(true);
      process.env.NODE_ENV = 'production';
      expect(smallDemoForTests()).toBe(false);
    } finally {
      process.env = env;
    }
  });
});
