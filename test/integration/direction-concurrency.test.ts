// Direction under contention (ADR 0027 §5–6), with more concurrent requests than the pool has connections: 50
// organisations of one district submit at once (every one answered, the stored roll-up equal to a recomputation);
// two decisions on one report (one wins, the other gets its code, nothing half-written); a level accepted while a
// report below is reopened (one wins); and a property: any sequence of submit, return, approve, reopen and correct
// leaves the stored figures equal to those recomputed from the versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeMembers, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';
import { inDays } from '../support/direction-fixture.js';

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
  let city: Loose;
  let district: Loose;
  let pos: Loose[];
  let secOf: Map<string, Actor>;
  let formId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind, { db: { poolMax: POOL } });
    const db = srv.db;
    org = await makeOrganisation(db, { effectiveFrom: '1930-01-01' });
    const cc = await makeBody(db, org, 'central_committee', null);
    city = await makeBody(db, org, 'city_committee', cc);
    district = await makeBody(db, org, 'district_committee', city);
    pos = [];
    for (let i = 0; i < N; i++) pos.push(await makeBody(db, org, 'primary_organisation', district));
    await makeMembers(db, org, pos[0], 3);
    secOf = new Map();
    for (const b of [city, district, ...pos]) {
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
    formId = (
      await s.createForm(a, {
        name: 'F',
        nameRu: 'Ф',
        requiresProtocol: false,
        committeeSummary: false,
        items: [
          { indicatorId: held.id, required: false },
          { indicatorId: peak.id, required: false },
        ],
        rules: [],
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const newRound = async () =>
    (
      await srv.services.directives.issue(secOf.get(city.id)!, {
        issuerBodyId: city.id,
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
  const submit = (roundId: string, po: Loose, version: number, held: number, peak: number) =>
    srv.services.reports.save(
      secOf.get(po.id)!,
      roundId,
      po.id,
      { version, scope: 'own', values: { held, peak }, text: null, meetingId: null, agendaItemId: null },
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
