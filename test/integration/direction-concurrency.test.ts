// Direction under contention (ADR 0027 §5–6), with more concurrent requests than the pool has connections: 50
// organisations of one district submit at once (every one answered, the stored roll-up equal to a recomputation);
// two decisions on one report (one wins, the other gets its code, nothing half-written); a level accepted while a
// report below is reopened (one wins); and a property: any sequence of submit, return, approve, reopen and correct
// leaves the stored figures equal to those recomputed from the versions. Issued by the central committee, the
// reports of the organisations of one city (one child of the root) spread over the root's stripes and the city's by
// each organisation's own hash, and retracting a stripe's maximum or minimum leaves each stripe the extreme of the
// organisations hashed into it (ADR 0027 §6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeMembers, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';
import { inDays } from '../support/direction-fixture.js';
import { stripeOf } from '../../src/modules/direction/rules/stripes.js';

const POOL = 4;
const N = 50;

function actorOf(org: Loose, person: Loose, body: Loose): Actor {
  return {
    accountId: person.id,
    personId: person.id,
    organisationId: org.id,
    login: `sec.${body.id}`,
    displayName: 'Secretary',
    locale: 'en',
    scopes: [{ bodyId: body.id, path: body.path, title: 'secretary' }],
    homePath: null,
    csrfToken: 'x',
  };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(DB_KINDS)('direction under contention on %s', (kind) => {
  let srv: TestServer;
  let org: Loose;
  let cc: Loose;
  let city: Loose;
  let district: Loose;
  let pos: Loose[];
  let secOf: Map<string, Actor>;
  let formId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind, { db: { poolMax: POOL } });
    const db = srv.db;
    org = await makeOrganisation(db, { effectiveFrom: '1930-01-01' });
    cc = await makeBody(db, org, 'central_committee', null);
    city = await makeBody(db, org, 'city_committee', cc);
    district = await makeBody(db, org, 'district_committee', city);
    pos = [];
    for (let i = 0; i < N; i++) pos.push(await makeBody(db, org, 'primary_organisation', district));
    await makeMembers(db, org, pos[0], 3);
    secOf = new Map();
    for (const b of [cc, city, district, ...pos]) {
      const p = await makePerson(db, org, pos[0]);
      await makeOffice(db, b, p, 'secretary');
      secOf.set(b.id, actorOf(org, p, b));
    }
    const s = srv.services.directionDefinitions;
    const a = secOf.get(city.id)!;
    const held = await s.createIndicator(a, {
      code: 'held',
      name: 'Held',
      nameRu: 'Проведено',
      valueType: 'integer',
      unit: null,
      unitRu: null,
      aggregation: 'sum',
      decimals: null,
      minValue: null,
      maxValue: null,
      toleranceAbs: null,
      toleranceRel: null,
    });
    const peak = await s.createIndicator(a, {
      code: 'peak',
      name: 'Peak',
      nameRu: 'Пик',
      valueType: 'number',
      unit: null,
      unitRu: null,
      aggregation: 'max',
      decimals: null,
      minValue: null,
      maxValue: null,
      toleranceAbs: null,
      toleranceRel: null,
    });
    const low = await s.createIndicator(a, {
      code: 'low',
      name: 'Low',
      nameRu: 'Минимум',
      valueType: 'number',
      unit: null,
      unitRu: null,
      aggregation: 'min',
      decimals: null,
      minValue: null,
      maxValue: null,
      toleranceAbs: null,
      toleranceRel: null,
    });
    formId = (
      await s.createForm(a, {
        name: 'F',
        nameRu: 'Ф',
        requiresProtocol: false,
        committeeSummary: false,
        items: [
          { indicatorId: held.id, required: false },
          { indicatorId: peak.id, required: false },
          { indicatorId: low.id, required: false },
        ],
        rules: [],
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const newRound = async (issuer: Loose = city) =>
    (
      await srv.services.directives.issue(secOf.get(issuer.id)!, {
        issuerBodyId: issuer.id,
        title: 'T',
        titleRu: 'Т',
        text: 'x',
        textRu: 'х',
        addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
        deadline: inDays(5),
        expiryDays: 30,
        splitMode: 'at_least',
        formId,
        targets: [],
        source: { kind: 'decision', takenOn: inDays(0), votes: null },
      })
    ).roundId;
  const submit = (roundId: string, po: Loose, version: number, held: number, peak: number, low?: number) =>
    srv.services.reports.save(
      secOf.get(po.id)!,
      roundId,
      po.id,
      {
        version,
        scope: 'own',
        values: low === undefined ? { held, peak } : { held, peak, low },
        text: null,
        meetingId: null,
        agendaItemId: null,
      },
      true,
    );
  const expectStoredEqualsRecomputed = async (roundId: string) => {
    const stored = await srv.services.rollups.stored(roundId);
    await srv.services.rollups.recompute(roundId);
    expect(await srv.services.rollups.stored(roundId)).toEqual(stored);
  };

  it(`answers ${N} concurrent submissions of one district with a pool of ${POOL}, figures exact`, async () => {
    const roundId = await newRound();
    const results = await Promise.all(pos.map((po, i) => codeOf(submit(roundId, po, 0, i + 1, (i * 37) % 101))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(N);
    const node = await srv.services.rollups.node(secOf.get(city.id)!, roundId, city.id);
    expect(node.completeness).toMatchObject({ expected: N, submitted: N, reported: N });
    expect(node.figures.find((f) => f.code === 'held')!.total).toBe((N * (N + 1)) / 2);
    expect(node.figures.find((f) => f.code === 'peak')!.total).toBe(100);
    await expectStoredEqualsRecomputed(roundId);
  });

  /** A node's stored roll-up rows of the descendants' stripes: indicator code → stripe → row. */
  const stripesOf = async (roundId: string, bodyId: string) => {
    const rows = await srv.db
      .selectFrom('rollup')
      .innerJoin('indicator', 'indicator.id', 'rollup.indicator_id')
      .select(['indicator.code', 'rollup.stripe', 'rollup.n', 'rollup.sum', 'rollup.min', 'rollup.max'])
      .where('rollup.round_id', '=', roundId)
      .where('rollup.body_id', '=', bodyId)
      .where('rollup.stripe', '>=', 0)
      .execute();
    const out: Record<string, Map<number, (typeof rows)[number]>> = {};
    for (const r of rows) (out[r.code] ??= new Map()).set(r.stripe, r);
    return out;
  };

  it(`spreads ${N} concurrent reports of one city over the root's stripes by organisation, all answered with a pool of ${POOL}`, async () => {
    const roundId = await newRound(cc);
    const results = await Promise.all(pos.map((po, i) => codeOf(submit(roundId, po, 0, i + 1, (i * 37) % 101))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(N);
    // every organisation is below the one city: the child on the path is the same, the stripes are the organisations'
    for (const [node, depth] of [
      [cc, 1],
      [city, 2],
    ] as const) {
      const held = (await stripesOf(roundId, node.id)).held!;
      const expected = new Map<number, number>();
      pos.forEach((po) => expected.set(stripeOf(po.id, depth), (expected.get(stripeOf(po.id, depth)) ?? 0) + 1));
      expect(new Map([...held].map(([s, r]) => [s, r.n]))).toEqual(expected);
      expect(held.size).toBeGreaterThan(depth === 1 ? 16 : 2);
      const progress = await srv.db
        .selectFrom('round_progress')
        .select(['stripe', 'expected', 'submitted'])
        .where('round_id', '=', roundId)
        .where('body_id', '=', node.id)
        .where('stripe', '>=', 0)
        .execute();
      expect(new Map(progress.map((p) => [p.stripe, p.expected]))).toEqual(expected);
      expect(new Map(progress.map((p) => [p.stripe, p.submitted]))).toEqual(expected);
    }
    const root = await srv.services.rollups.node(secOf.get(cc.id)!, roundId, cc.id);
    expect(root.completeness).toMatchObject({ expected: N, submitted: N, reported: N });
    expect(root.figures.find((f) => f.code === 'held')!.total).toBe((N * (N + 1)) / 2);
    expect(root.figures.find((f) => f.code === 'peak')!.total).toBe(100);
    await expectStoredEqualsRecomputed(roundId);
  });

  it('retracting the maximum (a return) and the minimum (a correction) leaves each stripe its organisations’ extreme', async () => {
    const roundId = await newRound(cc);
    const d = secOf.get(district.id)!;
    const value = (i: number) => (i * 37) % 101; // all different: 0 at pos[0], 100 at pos[30]
    await Promise.all(pos.map((po, i) => submit(roundId, po, 0, 1, value(i), value(i))));
    const counted = new Map(pos.map((po, i) => [po.id, value(i)]));
    // the maximum retracted: its report returned
    const top = pos[30]!;
    const r = await srv.services.reports.get(d, roundId, top.id);
    await srv.services.reports.decide(d, roundId, top.id, 'return', { version: r.version, reason: 'Check it' });
    counted.delete(top.id);
    // the minimum retracted: its report approved, reopened and corrected
    const bottom = pos[0]!;
    const v = (await srv.services.reports.get(d, roundId, bottom.id)).version;
    await srv.services.reports.decide(d, roundId, bottom.id, 'approve', { version: v });
    await srv.services.reports.decide(d, roundId, bottom.id, 'reopen', { version: v + 1, reason: 'Correct it' });
    const reopened = await srv.services.reports.get(d, roundId, bottom.id);
    await submit(roundId, bottom, reopened.version, 1, 55.5, 55.5);
    counted.set(bottom.id, 55.5);
    for (const [node, depth] of [
      [cc, 1],
      [city, 2],
    ] as const) {
      const rows = await stripesOf(roundId, node.id);
      const want = new Map<number, { min: number; max: number }>();
      for (const [id, x] of counted) {
        const s = stripeOf(id, depth);
        const w = want.get(s);
        want.set(s, { min: Math.min(w?.min ?? x, x), max: Math.max(w?.max ?? x, x) });
      }
      expect(new Map([...rows.peak!].filter(([, x]) => x.n > 0).map(([s, x]) => [s, x.max]))).toEqual(
        new Map([...want].map(([s, w]) => [s, w.max])),
      );
      expect(new Map([...rows.low!].filter(([, x]) => x.n > 0).map(([s, x]) => [s, x.min]))).toEqual(
        new Map([...want].map(([s, w]) => [s, w.min])),
      );
    }
    const root = await srv.services.rollups.node(secOf.get(cc.id)!, roundId, cc.id);
    const rest = [...counted.values()];
    expect(root.figures.find((f) => f.code === 'peak')!.total).toBe(Math.max(...rest));
    expect(root.figures.find((f) => f.code === 'low')!.total).toBe(Math.min(...rest));
    await expectStoredEqualsRecomputed(roundId);
  });

  it('two decisions on one report at once: one wins, the other is refused with its code', async () => {
    const roundId = await newRound();
    const po = pos[1]!;
    const r = await submit(roundId, po, 0, 2, 5);
    const d = secOf.get(district.id)!;
    const outcomes = await Promise.all([
      codeOf(srv.services.reports.decide(d, roundId, po.id, 'approve', { version: r.version })),
      codeOf(srv.services.reports.decide(d, roundId, po.id, 'return', { version: r.version, reason: 'Check it' })),
      codeOf(srv.services.reports.decide(d, roundId, po.id, 'approve', { version: r.version })),
    ]);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'report_changed' || o === 'already_decided')).toBe(
      true,
    );
    const acts = await srv.db
      .selectFrom('direction_act')
      .select('act')
      .where('round_id', '=', roundId)
      .where('body_id', '=', po.id)
      .execute();
    expect(acts.map((a) => a.act).sort()).toEqual(
      ['submitted', outcomes[0] === 'ok' || outcomes[2] === 'ok' ? 'approved' : 'returned'].sort(),
    );
    await expectStoredEqualsRecomputed(roundId);
  });

  it('a level accepted while a report below is reopened: one wins', async () => {
    const roundId = await newRound();
    const d = secOf.get(district.id)!;
    await Promise.all(pos.map((po, i) => submit(roundId, po, 0, 1, i)));
    const approved = await srv.services.reports.approveMany(d, roundId, {
      items: pos.map((po) => ({ bodyId: po.id, version: 1 })),
    });
    expect(approved.approved).toHaveLength(N);
    const outcomes = await Promise.all([
      codeOf(srv.services.reports.accept(secOf.get(city.id)!, roundId, district.id)),
      codeOf(
        srv.services.reports.decide(d, roundId, pos[7]!.id, 'reopen', { version: 2, reason: 'A late correction' }),
      ),
    ]);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes).toContain(outcomes[0] === 'ok' ? 'level_accepted' : 'level_not_ready');
  });

  it('any sequence of acts leaves the stored figures equal to a recomputation', async () => {
    const roundId = await newRound();
    const d = secOf.get(district.id)!;
    const few = pos.slice(0, 6);
    const act = fc.record({
      po: fc.integer({ min: 0, max: few.length - 1 }),
      kind: fc.constantFrom('submit', 'return', 'approve', 'reopen'),
      held: fc.integer({ min: 0, max: 50 }),
      peak: fc.integer({ min: -20, max: 200 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(act, { minLength: 1, maxLength: 12 }), async (acts) => {
        for (const a of acts) {
          const po = few[a.po]!;
          const r = await srv.services.reports.get(d, roundId, po.id);
          const v = r.version;
          if (a.kind === 'submit') await codeOf(submit(roundId, po, v, a.held, a.peak));
          else if (a.kind === 'return')
            await codeOf(srv.services.reports.decide(d, roundId, po.id, 'return', { version: v, reason: 'r' }));
          else if (a.kind === 'reopen')
            await codeOf(srv.services.reports.decide(d, roundId, po.id, 'reopen', { version: v, reason: 'r' }));
          else await codeOf(srv.services.reports.decide(d, roundId, po.id, 'approve', { version: v }));
        }
        const stored = await srv.services.rollups.stored(roundId);
        await srv.services.rollups.recompute(roundId);
        expect(await srv.services.rollups.stored(roundId)).toEqual(stored);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
