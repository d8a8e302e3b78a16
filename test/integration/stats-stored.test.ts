// Statistics from stored figures (body_headcount, kept by triggers on person, ADR 0019): equal to the figures
// counted from the persons themselves, before and after an admission, a transfer and an expulsion made through
// the API; and the per-account limit of expensive reads (statistics, worklists): 429 too_many_expensive_reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import {
  makeBody,
  makeEnterprise,
  makeOffice,
  makeOrganisation,
  makePerson,
  type MadeBody,
} from '../support/factories.js';
import * as statsRepo from '../../src/modules/stats/stats.repository.js';
import { ExpensiveReads } from '../../src/platform/http/expensive-reads.js';
import { AppError } from '../../src/platform/errors.js';

const PASSWORD = 'correct horse battery';
const votes = { for: 40, against: 2, abstained: 1 };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('statistics from stored figures on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  const c: Record<string, TestClient> = {};
  let roots: MadeBody[] = [];

  /** Every figure of every subtree, from the stored headcounts and counted directly: they must be equal. */
  async function expectStoredEqualsDirect() {
    const db = srv.db;
    for (const root of roots) {
      for (const statuses of [['member'], ['member', 'candidate']] as statsRepo.CountedStatus[][]) {
        const stored = await statsRepo.sizeHistogram(db, root.path, statuses);
        expect(stored, `${root.name} ${statuses.join('+')}`).toEqual(
          await statsRepo.sizeHistogramDirect(db, root.path, statuses),
        );
      }
      expect(await statsRepo.composition(db, root.path), root.name).toEqual(
        await statsRepo.compositionDirect(db, root.path),
      );
    }
  }

  async function wholeStats() {
    const r = await c.member!.get(`/api/stats/body/${t.cc.id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { members: number; candidates: number; sizeBands: { bands: { count: number }[] } };
  }

  async function poStats(id: string) {
    const r = await c.member!.get(`/api/stats/body/${id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { members: number; candidates: number };
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db, { effectiveFrom: '1920-01-01' });
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const dA = await makeBody(db, org, 'district_committee', city, { name: 'Narvsky district' });
    const works = await makeEnterprise(db, org, 500, 'Putilov works');
    const pA = await makeBody(db, org, 'primary_organisation', dA, { name: 'Red Putilovite', enterpriseId: works.id });
    const shop = await makeBody(db, org, 'shop_cell', pA, { name: 'Tractor shop' });
    const pB = await makeBody(db, org, 'primary_organisation', dA, { name: 'Skorokhod' });
    const dB = await makeBody(db, org, 'district_committee', city, { name: 'Vyborgsky district' });
    const pC = await makeBody(db, org, 'primary_organisation', dB, { name: 'Russian Diesel' });
    Object.assign(t, { org, cc, city, dA, pA, shop, pB, dB, pC });
    roots = [cc, dA, pA, pB, dB];
    t.poSec = await makePerson(db, org, pA, { familyName: 'Kirov', joinedOn: '1910-01-01' });
    await makeOffice(db, pA, t.poSec, 'secretary');
    t.distSec = await makePerson(db, org, pB, { familyName: 'Shvernik', joinedOn: '1905-01-01' });
    await makeOffice(db, dA, t.distSec, 'secretary');
    t.v1 = await makePerson(db, org, pA, { familyName: 'Veteran1', joinedOn: '1917-03-01' });
    t.v2 = await makePerson(db, org, shop, { familyName: 'Veteran2', joinedOn: '1918-03-01' });
    t.v3 = await makePerson(db, org, pA, { familyName: 'Veteran3', joinedOn: '1920-03-01' });
    t.mover = await makePerson(db, org, shop, { familyName: 'Mover', socialPosition: 'intelligentsia' });
    t.accused = await makePerson(db, org, pA, { familyName: 'Accused', socialPosition: 'peasant' });
    t.applicant = await makePerson(db, org, null, { familyName: 'Smirnov', status: 'non_member' });
    t.member = await makePerson(db, org, pC, { familyName: 'Rank' });
    for (let i = 0; i < 4; i++) await makePerson(db, org, shop, { status: 'candidate' });
    for (let i = 0; i < 3; i++) await makePerson(db, org, pC, { socialPosition: 'employee' });
    for (const k of ['poSec', 'distSec', 'v1', 'v2', 'v3', 'accused', 'member']) {
      await srv.services.auth.createAccount({ personId: t[k].id, login: k.toLowerCase(), password: PASSWORD });
      c[k] = srv.client();
      expect((await c[k]!.login(k.toLowerCase(), PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('serves the figures counted from the persons, and keeps them through admission, transfer and expulsion', async () => {
    await expectStoredEqualsDirect();
    const w0 = await wholeStats();
    const a0 = await poStats(t.pA.id);
    const b0 = await poStats(t.pB.id);
    expect(w0).toMatchObject({ members: 11, candidates: 4 });

    // Admission: applied, recommended by three veterans, admitted by the primary organisation, confirmed → candidate.
    const app = await c.poSec!.post('/api/admission/applications', {
      personId: t.applicant.id,
      bodyId: t.pA.id,
      appliedOn: '1934-11-01',
      recommenderIds: [t.v1.id, t.v2.id, t.v3.id],
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    for (const rec of app.body.recommendations) {
      const who = c[['v1', 'v2', 'v3'].find((k) => t[k].id === rec.recommenderId)!]!;
      const r = await who.post(`/api/admission/recommendations/${rec.id}/confirm`, {
        text: 'I vouch for this comrade.',
        on: '1934-11-01',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const d = await c.poSec!.post(`/api/admission/applications/${app.body.id}/decision`, {
      takenOn: '1934-12-01',
      votes,
      reasons: 'A good worker.',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const k = await c.distSec!.post(`/api/admission/applications/${app.body.id}/confirmation`, {
      takenOn: '1934-12-20',
      votes: { for: 5, against: 0, abstained: 0 },
      reasons: 'Confirmed.',
    });
    expect(k.status, JSON.stringify(k.body)).toBe(200);
    await expectStoredEqualsDirect();
    const w1 = await wholeStats();
    expect(w1).toMatchObject({ members: 11, candidates: 5 });
    expect(await poStats(t.pA.id)).toMatchObject({ members: a0.members, candidates: a0.candidates + 1 });

    // Transfer: a member of the shop cell of A moves to B.
    const tr = await c.distSec!.post('/api/transfers/direct', {
      personId: t.mover.id,
      bodyId: t.pB.id,
      on: daysAgo(1),
    });
    expect(tr.status, JSON.stringify(tr.body)).toBe(200);
    await expectStoredEqualsDirect();
    expect(await poStats(t.pA.id)).toMatchObject({ members: a0.members - 1 });
    expect(await poStats(t.pB.id)).toMatchObject({ members: b0.members + 1 });
    expect(await wholeStats()).toMatchObject({ members: 11, candidates: 5 });

    // Expulsion: charged, answered, heard, expelled by the primary organisation.
    const cs = await c.poSec!.post('/api/discipline/cases', {
      personId: t.accused.id,
      chargedOn: daysAgo(30),
      charge: 'Absent from five assemblies',
    });
    expect(cs.status, JSON.stringify(cs.body)).toBe(201);
    const id = cs.body.case.id as string;
    expect(
      (await c.accused!.post(`/api/discipline/cases/${id}/answer`, { answer: 'Night shifts', answeredOn: daysAgo(30) }))
        .status,
    ).toBe(200);
    expect(
      (await c.poSec!.post(`/api/discipline/cases/${id}/hearing`, { heardOn: daysAgo(30), notes: 'Heard' })).status,
    ).toBe(200);
    const ex = await c.poSec!.post(`/api/discipline/cases/${id}/decide`, {
      takenOn: daysAgo(20),
      votes: { for: 9, against: 1, abstained: 0 },
      reasons: 'Factional work',
      outcome: 'expulsion',
    });
    expect(ex.status, JSON.stringify(ex.body)).toBe(200);
    await expectStoredEqualsDirect();
    const w3 = await wholeStats();
    expect(w3).toMatchObject({ members: 10, candidates: 5 });
    expect(await poStats(t.pA.id)).toMatchObject({ members: a0.members - 2, candidates: a0.candidates + 1 });
    // the stored rows themselves: exactly the persons' counts, per body, status and social position
    const stored = await srv.db
      .selectFrom('body_headcount')
      .select(['body_id', 'status', 'social_position', 'n'])
      .where('n', '<>', 0)
      .orderBy('body_id')
      .orderBy('status')
      .orderBy('social_position')
      .execute();
    const counted = await srv.db
      .selectFrom('person')
      .select(['body_id', 'status', 'social_position', (eb) => eb.fn.countAll<number>().as('n')])
      .where('body_id', 'is not', null)
      .where('status', 'in', ['member', 'candidate'])
      .groupBy(['body_id', 'status', 'social_position'])
      .orderBy('body_id')
      .orderBy('status')
      .orderBy('social_position')
      .execute();
    expect(stored).toEqual(counted.map((r) => ({ ...r, n: Number(r.n) })));
  });

  it('lets an account run two expensive reads at once and queue a few; beyond that 429 with Retry-After', async () => {
    const limiter = new ExpensiveReads({ running: 2, waiting: 1, maxWaitMs: 5_000 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const slow = () => limiter.run('acc', async () => (started++, await gate, started));
    const a = slow();
    const b = slow();
    const queued = slow();
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toBe(2);
    expect(limiter.runningFor('acc')).toBe(2);
    const refused = (await slow().catch((e: unknown) => e)) as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('too_many_expensive_reads');
    expect(refused.kind).toBe('rate_limited');
    // another account is not held up
    expect(await limiter.run('other', async () => 'free')).toBe('free');
    release();
    await Promise.all([a, b, queued]);
    expect(started).toBe(3);
    expect(limiter.runningFor('acc')).toBe(0);

    // a queued read that waits too long is refused, and gives its place back
    const short = new ExpensiveReads({ running: 1, waiting: 1, maxWaitMs: 50 });
    let free!: () => void;
    const hold = short.run('acc', () => new Promise<void>((r) => (free = r)));
    const late = (await short.run('acc', async () => 'never').catch((e: unknown) => e)) as AppError;
    expect(late.code).toBe('too_many_expensive_reads');
    free();
    await hold;
    expect(await short.run('acc', async () => 'again')).toBe('again');
  });

  it('answers an account’s statistics requests beyond its limit with 429 too_many_expensive_reads over HTTP', async () => {
    const { running, waiting } = srv.services.expensiveReads.limits;
    const n = running + waiting + 12;
    const all = await Promise.all(Array.from({ length: n }, () => c.member!.get(`/api/stats/body/${t.cc.id}`)));
    const refused = all.filter((r) => r.status === 429);
    expect(all.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(running + waiting);
    expect(refused.length).toBeGreaterThan(0);
    expect(all.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(refused[0]!.body.error.code).toBe('too_many_expensive_reads');
    expect(refused[0]!.body.error.message).toMatch(/long requests/);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // another account meanwhile is served
    expect((await c.poSec!.get(`/api/stats/body/${t.cc.id}`)).status).toBe(200);
    // every slot is given back: the member is served again
    expect((await c.member!.get(`/api/stats/body/${t.cc.id}`)).status).toBe(200);
  });
});
