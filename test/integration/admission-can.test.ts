// What the server says the reader may do with an application and a recommendation (`Application.can`,
// `Recommendation.can`, ADR 0026): for each flag, a set of actors (entitled, not entitled) and applications in a
// given stage (right state, wrong state), the flag read from the application is true exactly when the act it
// stands for succeeds. Each row acts on a fresh application by a fresh applicant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import type { ApplicationCan, ApplicationDetail } from '../../src/contracts/admission.js';

const PASSWORD = 'correct horse battery';
const votes = { for: 40, against: 2, abstained: 1 };
type Flag = keyof ApplicationCan | 'answerRecommendation';
/** The applicant, the primary organisation's secretary, the district's (the confirming committee's) secretary,
 * a secretary of another primary organisation, and a named recommender. */
type Who = 'Applicant' | 'Secretary' | 'District' | 'Other' | 'Recommender';
/** How far the application went: named three recommenders; all three confirmed; admitted; confirmed. */
type Stage = 'collecting' | 'ready' | 'admitted' | 'confirmed';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;

describe.each(DB_KINDS)('what the reader may do with an application on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let pA: MadeBody;
  const c: Record<string, TestClient> = {};
  const ids: Record<string, string> = {};
  let n = 0;

  async function login(key: string, personId: string): Promise<void> {
    await srv.services.auth.createAccount({ personId, login: key.toLowerCase(), password: PASSWORD });
    c[key] = srv.client();
    expect((await c[key]!.login(key.toLowerCase(), PASSWORD)).status).toBe(200);
    ids[key] = personId;
  }

  /** A fresh applicant's application, taken to `stage`; its id and the applicant's client key. */
  async function applicationAt(stage: Stage): Promise<{ id: string; applicant: string }> {
    const applicant = `Applicant${++n}`;
    const p = await makePerson(srv.db, org, null, { familyName: applicant, status: 'non_member' });
    await login(applicant, p.id);
    const step = async (r: Promise<TestResponse>) => {
      const res = await r;
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
      return res;
    };
    const app = await step(
      c.Secretary!.post('/api/admission/applications', {
        personId: p.id,
        bodyId: pA.id,
        appliedOn: '1934-03-01',
        recommenderIds: [ids.Recommender, ids.V2, ids.V3],
      }),
    );
    const id = app.body.id as string;
    if (stage === 'collecting') return { id, applicant };
    for (const rec of (app.body as ApplicationDetail).recommendations) {
      const key = Object.keys(ids).find((k) => ids[k] === rec.recommenderId)!;
      await step(
        c[key]!.post(`/api/admission/recommendations/${rec.id}/confirm`, { text: 'I vouch.', on: '1934-03-02' }),
      );
    }
    if (stage === 'ready') return { id, applicant };
    await step(
      c.Secretary!.post(`/api/admission/applications/${id}/decision`, {
        takenOn: '1934-04-01',
        votes,
        reasons: 'Good.',
      }),
    );
    if (stage === 'admitted') return { id, applicant };
    await step(
      c.District!.post(`/api/admission/applications/${id}/confirmation`, {
        takenOn: '1934-05-01',
        votes,
        reasons: 'Confirmed.',
      }),
    );
    return { id, applicant };
  }

  /** The act each flag stands for, attempted by `actor` on the application. */
  const acts: Record<Flag, (actor: string, app: ApplicationDetail) => Promise<TestResponse>> = {
    nameRecommender: (a, app) =>
      c[a]!.post(`/api/admission/applications/${app.id}/recommenders`, { recommenderId: ids.V4 }),
    decide: (a, app) =>
      c[a]!.post(`/api/admission/applications/${app.id}/decision`, { takenOn: '1934-04-02', votes, reasons: 'Yes.' }),
    confirm: (a, app) =>
      c[a]!.post(`/api/admission/applications/${app.id}/confirmation`, {
        takenOn: '1934-05-02',
        votes,
        reasons: 'Yes.',
      }),
    answerRecommendation: (a, app) => {
      const rec = app.recommendations.find((r) => r.recommenderId === ids.Recommender)!;
      return c[a]!.post(`/api/admission/recommendations/${rec.id}/decline`, { text: 'I do not know this comrade.' });
    },
  };

  // [flag, actor, stage, expected]: the expectation keeps the table honest (both answers occur for every flag).
  const rows: [Flag, Who, Stage, boolean][] = [
    ['nameRecommender', 'Applicant', 'collecting', true],
    ['nameRecommender', 'Secretary', 'ready', true],
    ['nameRecommender', 'Applicant', 'admitted', false],
    ['nameRecommender', 'Recommender', 'collecting', false],
    ['decide', 'Secretary', 'ready', true],
    ['decide', 'District', 'ready', true],
    ['decide', 'Secretary', 'collecting', false],
    ['decide', 'Secretary', 'admitted', false],
    ['decide', 'Applicant', 'ready', false],
    ['confirm', 'District', 'admitted', true],
    ['confirm', 'District', 'ready', false],
    ['confirm', 'District', 'confirmed', false],
    ['confirm', 'Secretary', 'admitted', false],
    ['answerRecommendation', 'Recommender', 'collecting', true],
    ['answerRecommendation', 'Recommender', 'ready', false],
    ['answerRecommendation', 'Secretary', 'collecting', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    org = await makeOrganisation(db, { effectiveFrom: '1920-01-01', rules: { candidateStageMonths: 12 } });
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const dA = await makeBody(db, org, 'district_committee', city);
    pA = await makeBody(db, org, 'primary_organisation', dA);
    const pB = await makeBody(db, org, 'primary_organisation', dA);
    const sec = await makePerson(db, org, pA, { familyName: 'Secretary', joinedOn: '1910-01-01' });
    await makeOffice(db, pA, sec, 'secretary');
    const dist = await makePerson(db, org, pB, { familyName: 'District', joinedOn: '1905-01-01' });
    await makeOffice(db, dA, dist, 'secretary');
    const other = await makePerson(db, org, pB, { familyName: 'Other', joinedOn: '1915-01-01' });
    await makeOffice(db, pB, other, 'secretary');
    await login('Secretary', sec.id);
    await login('District', dist.id);
    await login('Other', other.id);
    for (const [key, joinedOn] of [
      ['Recommender', '1917-03-01'],
      ['V2', '1918-03-01'],
      ['V3', '1919-03-01'],
      ['V4', '1919-06-01'],
    ] as const)
      await login(key, (await makePerson(db, org, pA, { familyName: key, joinedOn })).id);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)('%s for %s on a %s application is %s, and so is the act', async (flag, actor, stage, expected) => {
    const a = await applicationAt(stage);
    const reader = actor === 'Applicant' ? a.applicant : actor;
    const read = await c[reader]!.get(`/api/admission/applications/${a.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const app = read.body as ApplicationDetail;
    const can =
      flag === 'answerRecommendation'
        ? app.recommendations.find((r) => r.recommenderId === ids.Recommender)!.can.answer
        : app.can[flag];
    expect(can).toBe(expected);
    const res = await acts[flag](reader, app);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can);
  });

  it('the worklists carry the same flags as the application', async () => {
    const ready = await applicationAt('ready');
    const admitted = await applicationAt('admitted');
    const wl = await c.Secretary!.get(`/api/admission/bodies/${pA.id}/applications`);
    const one = (wl.body.items as ApplicationDetail[]).find((x) => x.id === ready.id)!;
    expect(one.can).toEqual((await c.Secretary!.get(`/api/admission/applications/${ready.id}`)).body.can);
    expect(one.can.decide).toBe(true);
    const dA = (await c.District!.get(`/api/admission/applications/${admitted.id}`)).body as ApplicationDetail;
    const cf = await c.District!.get(`/api/admission/bodies/${dA.confirmingBodyId}/confirmations`);
    expect((cf.body.items as ApplicationDetail[]).find((x) => x.id === admitted.id)!.can).toEqual(dA.can);
    expect(dA.can.confirm).toBe(true);
    const mine = await c.Recommender!.get('/api/admission/my/recommendations');
    const asked = (await applicationAt('collecting')).id;
    const mineNow = await c.Recommender!.get('/api/admission/my/recommendations');
    const item = (
      mineNow.body.items as { recommendation: { can: { answer: boolean } }; application: { id: string } }[]
    ).find((x) => x.application.id === asked)!;
    expect(mineNow.body.items.length).toBe(mine.body.items.length + 1);
    expect(item.recommendation.can.answer).toBe(true);
  });

  it('a secretary of another primary organisation reads no flags: the application is refused, and so are its acts', async () => {
    const a = await applicationAt('ready');
    expect((await c.Other!.get(`/api/admission/applications/${a.id}`)).status).toBe(403);
    const res = await c.Other!.post(`/api/admission/applications/${a.id}/decision`, {
      takenOn: '1934-04-02',
      votes,
      reasons: 'Yes.',
    });
    expect(res.status).toBe(403);
  });
});
