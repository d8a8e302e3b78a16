// Admission through HTTP: application → recommendations → decision → confirmation → candidate → full member
// with a card; refusals with nothing written; the statute in force on each act's date; concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
const votes = { for: 40, against: 2, abstained: 1 };

describe.each(DB_KINDS)('admission on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  const c: Record<string, TestClient> = {};

  const count = async (
    table: 'admission_application' | 'admission_recommendation' | 'decision' | 'audit_event' | 'candidacy',
  ) =>
    Number(
      (
        await srv.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    applications: await count('admission_application'),
    recommendations: await count('admission_recommendation'),
    decisions: await count('decision'),
    audit: await count('audit_event'),
    candidacies: await count('candidacy'),
    states: await srv.db.selectFrom('admission_application').select(['id', 'state']).orderBy('id').execute(),
    recStates: await srv.db.selectFrom('admission_recommendation').select(['id', 'state']).orderBy('id').execute(),
    persons: await srv.db
      .selectFrom('person')
      .select(['id', 'status', 'card_number', 'body_id'])
      .orderBy('id')
      .execute(),
  });
  const person = (id: string) =>
    srv.db
      .selectFrom('person')
      .select(['status', 'card_number', 'body_id', 'left_reason'])
      .select((eb) => [
        eb.cast<string | null>('joined_on', 'text').as('joined_on'),
        eb.cast<string | null>('candidate_since', 'text').as('candidate_since'),
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const expectError = (res: Loose, status: number, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
  };

  /** Files (as the PO secretary), gets three veterans to recommend, decides and confirms. */
  async function admit(personId: string, dates: { applied: string; decided: string; confirmed: string }) {
    const app = await c.poSec!.post('/api/admission/applications', {
      personId,
      bodyId: t.pA.id,
      appliedOn: dates.applied,
      recommenderIds: [t.v1.id, t.v2.id, t.v3.id],
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    for (const [i, rec] of app.body.recommendations.entries()) {
      const who = [c.v1, c.v2, c.v3].find((_, k) => [t.v1.id, t.v2.id, t.v3.id][k] === rec.recommenderId)!;
      const r = await who.post(`/api/admission/recommendations/${rec.id}/confirm`, {
        text: `I vouch for this comrade (${i}).`,
        on: dates.applied,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const d = await c.poSec!.post(`/api/admission/applications/${app.body.id}/decision`, {
      takenOn: dates.decided,
      votes,
      reasons: 'A good worker.',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const k = await c.distSec!.post(`/api/admission/applications/${app.body.id}/confirmation`, {
      takenOn: dates.confirmed,
      votes: { for: 5, against: 0, abstained: 0 },
      reasons: 'Confirmed.',
    });
    expect(k.status, JSON.stringify(k.body)).toBe(200);
    return k.body;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db, { effectiveFrom: '1920-01-01', rules: { candidateStageMonths: 12 } });
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const dA = await makeBody(db, org, 'district_committee', city, { name: 'Narvsky district' });
    const pA = await makeBody(db, org, 'primary_organisation', dA, { name: 'Red Putilovite' });
    const shop = await makeBody(db, org, 'shop_cell', pA, { name: 'Tractor shop' });
    const pB = await makeBody(db, org, 'primary_organisation', dA, { name: 'Skorokhod' });
    Object.assign(t, { org, cc, city, dA, pA, shop, pB });
    t.poSec = await makePerson(db, org, pA, { familyName: 'Kirov', joinedOn: '1910-01-01' });
    await makeOffice(db, pA, t.poSec, 'secretary');
    t.otherSec = await makePerson(db, org, pB, { familyName: 'Zhdanov', joinedOn: '1915-01-01' });
    await makeOffice(db, pB, t.otherSec, 'secretary');
    t.distSec = await makePerson(db, org, pB, { familyName: 'Shvernik', joinedOn: '1905-01-01' });
    await makeOffice(db, dA, t.distSec, 'secretary');
    t.v1 = await makePerson(db, org, pA, { familyName: 'Veteran1', joinedOn: '1917-03-01' });
    t.v2 = await makePerson(db, org, shop, { familyName: 'Veteran2', joinedOn: '1918-03-01' });
    t.v3 = await makePerson(db, org, pA, { familyName: 'Veteran3', joinedOn: '1920-03-01' });
    t.young = await makePerson(db, org, pA, { familyName: 'Young', joinedOn: '1930-01-01' });
    t.applicant = await makePerson(db, org, null, { familyName: 'Smirnov', status: 'non_member' });
    for (const k of ['poSec', 'otherSec', 'distSec', 'v1', 'v2', 'v3', 'young', 'applicant']) {
      await srv.services.auth.createAccount({ personId: t[k].id, login: k.toLowerCase(), password: PASSWORD });
      c[k] = srv.client();
      expect((await c[k]!.login(k.toLowerCase(), PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('runs the full path: application → recommendations → decision → confirmation → candidate → member with a card', async () => {
    // The applicant applies in their own name to a shop cell, naming two veterans.
    const app = await c.applicant!.post('/api/admission/applications', {
      bodyId: t.shop.id,
      appliedOn: '1934-03-01',
      statement: 'I wish to join the party.',
      recommenderIds: [t.v1.id, t.v2.id],
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    expect(app.body).toMatchObject({
      state: 'collecting_recommendations',
      target: 'candidate',
      primaryId: t.pA.id,
      requiredRecommendations: 3,
      minStandingYears: 5,
    });
    const id = app.body.id;
    expect((await c.applicant!.get('/api/admission/my/applications')).body.items.map((a: Loose) => a.id)).toEqual([id]);

    // The secretary names a third; a member without standing cannot be named.
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/recommenders`, { recommenderId: t.applicant.id }),
      422,
      'recommender_is_applicant',
    );
    const named = await c.poSec!.post(`/api/admission/applications/${id}/recommenders`, { recommenderId: t.v3.id });
    expect(named.status).toBe(200);
    expect(named.body.recommendations).toHaveLength(3);

    // The veterans see what they are asked for; only the named recommender may answer.
    const mine = await c.v1!.get('/api/admission/my/recommendations');
    expect(mine.body.items).toHaveLength(1);
    const recOf = (pid: string) => named.body.recommendations.find((r: Loose) => r.recommenderId === pid).id;
    let before = await snapshot();
    expectError(
      await c.v1!.post(`/api/admission/recommendations/${recOf(t.v2.id)}/confirm`, { text: 'Forged' }),
      403,
      'not_your_recommendation',
    );
    expect(await snapshot()).toEqual(before);

    for (const v of ['v1', 'v2'] as const) {
      const r = await c[v]!.post(`/api/admission/recommendations/${recOf(t[v].id)}/confirm`, {
        text: 'I have known him at the works for ten years.',
        on: '1934-03-05',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // Two of three: the decision is refused, nothing written.
    before = await snapshot();
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/decision`, {
        takenOn: '1934-03-10',
        votes,
        reasons: 'Too early',
      }),
      422,
      'too_few_recommendations',
    );
    expect(await snapshot()).toEqual(before);

    const third = await c.v3!.post(`/api/admission/recommendations/${recOf(t.v3.id)}/confirm`, {
      text: 'A fine comrade.',
      on: '1934-03-06',
    });
    expect(third.body.state).toBe('ready');
    const wl = await c.poSec!.get(`/api/admission/bodies/${t.pA.id}/applications`);
    expect(wl.body.items.map((a: Loose) => a.id)).toContain(id);

    // No jurisdiction, future dates: refused, nothing written.
    before = await snapshot();
    expectError(
      await c.otherSec!.post(`/api/admission/applications/${id}/decision`, {
        takenOn: '1934-03-10',
        votes,
        reasons: 'x',
      }),
      403,
      'no_jurisdiction',
    );
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/decision`, { takenOn: '2999-01-01', votes, reasons: 'x' }),
      422,
      'date_in_future',
    );
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/confirmation`, {
        takenOn: '1934-03-20',
        votes,
        reasons: 'x',
      }),
      403,
      'no_jurisdiction',
    );
    expectError(
      await c.distSec!.post(`/api/admission/applications/${id}/confirmation`, {
        takenOn: '1934-03-20',
        votes,
        reasons: 'Before the decision',
      }),
      422,
      'not_admitted_by_primary',
    );
    expect(await snapshot()).toEqual(before);

    const decided = await c.poSec!.post(`/api/admission/applications/${id}/decision`, {
      takenOn: '1934-03-10',
      votes,
      reasons: 'Admitted by the general assembly.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ state: 'admitted_by_primary', confirmingBodyId: t.dA.id });
    expect(decided.body.decisions[0]).toMatchObject({ outcome: 'admitted', votes, bodyId: t.pA.id, assemblyId: null });

    // Deciding twice, and a PO secretary confirming: refused, nothing written.
    before = await snapshot();
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/decision`, { takenOn: '1934-03-11', votes, reasons: 'x' }),
      409,
      'application_already_decided',
    );
    expectError(
      await c.poSec!.post(`/api/admission/applications/${id}/confirmation`, {
        takenOn: '1934-03-20',
        votes,
        reasons: 'x',
      }),
      403,
      'no_jurisdiction',
    );
    expectError(
      await c.distSec!.post(`/api/admission/applications/${id}/confirmation`, {
        takenOn: '1934-03-09',
        votes,
        reasons: 'Before the decision',
      }),
      422,
      'date_out_of_order',
    );
    expect(await snapshot()).toEqual(before);

    const queue = await c.distSec!.get(`/api/admission/bodies/${t.dA.id}/confirmations`);
    expect(queue.body.items.map((a: Loose) => a.id)).toEqual([id]);
    expect((await c.poSec!.get(`/api/admission/bodies/${t.dA.id}/confirmations`)).status).toBe(403);

    const confirmed = await c.distSec!.post(`/api/admission/applications/${id}/confirmation`, {
      takenOn: '1934-03-20',
      votes: { for: 7, against: 0, abstained: 0 },
      reasons: 'Confirmed by the bureau.',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');
    const cand = await person(t.applicant.id);
    expect(cand).toMatchObject({ status: 'candidate', candidate_since: '1934-03-20', body_id: t.shop.id });
    expect(cand.card_number).toMatch(/^C\d{8}$/);
    const record = await c.applicant!.get(`/api/admission/persons/${t.applicant.id}`);
    expect(record.body.candidacy).toMatchObject({ state: 'candidate', startedOn: '1934-03-20', endsOn: '1935-03-20' });
    const audit = await srv.db
      .selectFrom('audit_event')
      .select(['action', 'to_state'])
      .where('subject_person_id', '=', t.applicant.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'applied',
        'recommendation_confirmed',
        'primary_decided',
        'committee_decided',
        'became_candidate',
      ]),
    );

    // Full membership: not before the stage has ended.
    expectError(
      await c.applicant!.post('/api/admission/applications', {
        bodyId: t.shop.id,
        appliedOn: '1935-02-01',
        recommenderIds: [t.v1.id, t.v2.id, t.v3.id],
      }),
      422,
      'candidate_stage_not_ended',
    );
    const due = await c.poSec!.get(`/api/admission/bodies/${t.pA.id}/candidates-due?on=1935-03-21`);
    expect(due.body.items.map((x: Loose) => x.personId)).toContain(t.applicant.id);
    const notYet = await c.poSec!.get(`/api/admission/bodies/${t.pA.id}/candidates-due?on=1935-03-19`);
    expect(notYet.body.items.map((x: Loose) => x.personId)).not.toContain(t.applicant.id);

    const full = await c.applicant!.post('/api/admission/applications', {
      bodyId: t.shop.id,
      appliedOn: '1935-03-25',
      recommenderIds: [t.v1.id, t.v2.id, t.v3.id],
    });
    expect(full.status, JSON.stringify(full.body)).toBe(201);
    expect(full.body.target).toBe('member');
    for (const r of full.body.recommendations) {
      const who = r.recommenderId === t.v1.id ? c.v1! : r.recommenderId === t.v2.id ? c.v2! : c.v3!;
      const ok = await who.post(`/api/admission/recommendations/${r.id}/confirm`, {
        text: 'Proved himself.',
        on: '1935-03-26',
      });
      expect(ok.status).toBe(200);
    }
    expect(
      (
        await c.poSec!.post(`/api/admission/applications/${full.body.id}/decision`, {
          takenOn: '1935-04-01',
          votes,
          reasons: 'Stage served well.',
        })
      ).status,
    ).toBe(200);
    const member = await c.distSec!.post(`/api/admission/applications/${full.body.id}/confirmation`, {
      takenOn: '1935-04-10',
      votes: { for: 6, against: 1, abstained: 0 },
      reasons: 'Admitted to full membership.',
    });
    expect(member.status, JSON.stringify(member.body)).toBe(200);
    const m = await person(t.applicant.id);
    expect(m).toMatchObject({ status: 'member', joined_on: '1935-04-10', body_id: t.shop.id });
    expect(m.card_number).toMatch(/^\d{8}$/);
    expect((await c.applicant!.get(`/api/admission/persons/${t.applicant.id}`)).body.candidacy.state).toBe('member');

    // The card, for the person and for the secretary; not for another organisation's secretary.
    for (const who of [c.applicant!, c.poSec!]) {
      const pdf = await who.get(`/api/persons/${t.applicant.id}/card.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    }
    expectError(await c.otherSec!.get(`/api/persons/${t.applicant.id}/card.pdf`), 403, 'forbidden_scope');
  });

  it('refuses a recommender without the standing, when named and when confirming, writing nothing', async () => {
    const p = await makePerson(srv.db, t.org, null, { status: 'non_member' });
    let before = await snapshot();
    expectError(
      await c.poSec!.post('/api/admission/applications', {
        personId: p.id,
        bodyId: t.pA.id,
        appliedOn: '1934-06-01',
        recommenderIds: [t.v1.id, t.young.id],
      }),
      422,
      'recommender_lacks_standing',
    );
    expectError(
      await c.poSec!.post('/api/admission/applications', { personId: p.id, bodyId: t.pA.id, appliedOn: '2999-01-01' }),
      422,
      'date_in_future',
    );
    expect(await snapshot()).toEqual(before);
    // Named today (he has the standing now); confirming as of 1934 he had not.
    const app = await c.poSec!.post('/api/admission/applications', {
      personId: p.id,
      bodyId: t.pA.id,
      appliedOn: '1934-06-01',
    });
    expect(app.status).toBe(201);
    const named = await c.poSec!.post(`/api/admission/applications/${app.body.id}/recommenders`, {
      recommenderId: t.young.id,
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    before = await snapshot();
    expectError(
      await c.young!.post(`/api/admission/recommendations/${named.body.recommendations[0].id}/confirm`, {
        text: 'Yes',
        on: '1934-06-05',
      }),
      422,
      'recommender_lacks_standing',
    );
    expect(await snapshot()).toEqual(before);
    const ok = await c.young!.post(`/api/admission/recommendations/${named.body.recommendations[0].id}/confirm`, {
      text: 'Yes',
      on: '1935-01-02',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.confirmedRecommendations).toBe(1);
  });

  it('judges each act by the statute in force on its date (candidate stage 12 → 6 months)', async () => {
    await srv.db
      .insertInto('statute_version')
      .values({
        id: uuidv7(),
        organisation_id: t.org.id,
        version: 2,
        preset: 'party-1934',
        effective_from: '1935-01-01',
        adopted_by: 'Plenum',
        rules: JSON.stringify({ ...t.org.rules, candidateStageMonths: 6 }),
      })
      .execute();
    const before = await makePerson(srv.db, t.org, null, { status: 'non_member' });
    const after = await makePerson(srv.db, t.org, null, { status: 'non_member' });
    await admit(before.id, { applied: '1934-11-01', decided: '1934-12-01', confirmed: '1934-12-20' });
    await admit(after.id, { applied: '1934-11-02', decided: '1934-12-02', confirmed: '1935-01-10' });
    const stage = async (id: string) => (await c.poSec!.get(`/api/admission/persons/${id}`)).body.candidacy;
    expect(await stage(before.id)).toMatchObject({ startedOn: '1934-12-20', endsOn: '1935-12-20' });
    expect(await stage(after.id)).toMatchObject({ startedOn: '1935-01-10', endsOn: '1935-07-10' });
    const due = await c.poSec!.get(`/api/admission/bodies/${t.pA.id}/candidates-due?on=1935-08-01`);
    const ids = due.body.items.map((x: Loose) => x.personId);
    expect(ids).toContain(after.id);
    expect(ids).not.toContain(before.id);
  });

  it('extends a candidate stage up to the maximum and refuses a candidate, with reasons', async () => {
    const p = await makePerson(srv.db, t.org, null, { status: 'non_member' });
    await admit(p.id, { applied: '1933-01-01', decided: '1933-01-10', confirmed: '1933-01-20' });
    const ext = await c.poSec!.post(`/api/admission/candidates/${p.id}/extend`, {
      takenOn: '1934-01-25',
      votes,
      reasons: 'Needs more time.',
      months: 6,
    });
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    expect(ext.body).toMatchObject({ state: 'extended', endsOn: '1934-07-20', extendedMonths: 6 });
    const before = await snapshot();
    expectError(
      await c.poSec!.post(`/api/admission/candidates/${p.id}/extend`, {
        takenOn: '1934-07-25',
        votes,
        reasons: 'Again.',
        months: 7,
      }),
      422,
      'extension_exceeds_maximum',
    );
    expectError(
      await c.otherSec!.post(`/api/admission/candidates/${p.id}/refuse`, {
        takenOn: '1934-07-25',
        votes,
        reasons: 'x',
      }),
      403,
      'no_jurisdiction',
    );
    expect(await snapshot()).toEqual(before);
    const refused = await c.poSec!.post(`/api/admission/candidates/${p.id}/refuse`, {
      takenOn: '1934-07-25',
      votes,
      reasons: 'Did not prove himself.',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.state).toBe('refused');
    expect(await person(p.id)).toMatchObject({
      status: 'non_member',
      left_reason: 'candidate_refused',
      card_number: null,
    });
  });

  it('lets exactly one of two simultaneous confirmations succeed; the other gets 409', async () => {
    const p = await makePerson(srv.db, t.org, null, { status: 'non_member' });
    const app = await c.poSec!.post('/api/admission/applications', {
      personId: p.id,
      bodyId: t.pA.id,
      appliedOn: '1934-05-01',
      recommenderIds: [t.v1.id, t.v2.id, t.v3.id],
    });
    for (const r of app.body.recommendations) {
      const who = r.recommenderId === t.v1.id ? c.v1! : r.recommenderId === t.v2.id ? c.v2! : c.v3!;
      await who.post(`/api/admission/recommendations/${r.id}/confirm`, { text: 'Yes', on: '1934-05-02' });
    }
    await c.poSec!.post(`/api/admission/applications/${app.body.id}/decision`, {
      takenOn: '1934-05-03',
      votes,
      reasons: 'Admitted.',
    });
    const second = srv.client();
    expect((await second.login('distsec', PASSWORD)).status).toBe(200);
    const body = { takenOn: '1934-05-10', votes, reasons: 'Confirmed.' };
    const send = (cl: TestClient) => cl.post(`/api/admission/applications/${app.body.id}/confirmation`, body);
    const results = await Promise.all([send(c.distSec!), send(second)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('candidacy')).toBeGreaterThan(0);
    const stages = await srv.db.selectFrom('candidacy').select('id').where('person_id', '=', p.id).execute();
    expect(stages).toHaveLength(1);
    const decisions = await srv.db
      .selectFrom('decision')
      .select('id')
      .where('entity_id', '=', app.body.id)
      .where('outcome', '=', 'confirmed')
      .execute();
    expect(decisions).toHaveLength(1);
  });
});
