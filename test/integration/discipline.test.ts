// Discipline and appeal through HTTP: charge → answer → hearing → decision → appeal → higher body →
// control commission; refusals write nothing; the statute in force on the decision date decides the deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const votes = (f: number, a: number) => ({ for: f, against: a, abstained: 0 });

describe.each(DB_KINDS)('discipline and appeal on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let member: TestClient;
  let poSec: TestClient;
  let distSec: TestClient;
  let ccSec: TestClient;

  const counts = async () => {
    const n = async (tbl: 'discipline_case' | 'appeal' | 'penalty' | 'decision' | 'audit_event') =>
      Number(
        (
          await srv.db
            .selectFrom(tbl)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [
      await n('discipline_case'),
      await n('appeal'),
      await n('penalty'),
      await n('decision'),
      await n('audit_event'),
    ];
  };
  const person = (id: string) => srv.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function caseThroughHearing(personId: string, accused: TestClient, chargedOn = daysAgo(100)) {
    const c = await poSec.post('/api/discipline/cases', { personId, chargedOn, charge: 'Absent from five assemblies' });
    expect(c.status).toBe(201);
    const id = c.body.case.id;
    const ans = await accused.post(`/api/discipline/cases/${id}/answer`, {
      answer: 'I was on night shifts',
      answeredOn: chargedOn,
    });
    expect(ans.body.error ?? ans.status).toBe(200);
    expect(
      (await poSec.post(`/api/discipline/cases/${id}/hearing`, { heardOn: chargedOn, notes: 'Heard at the bureau' }))
        .status,
    ).toBe(200);
    return id as string;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db, { effectiveFrom: '1930-01-01' });
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const ctrl = await makeBody(db, org, 'control_commission', city, { name: 'City control commission' });
    const district = await makeBody(db, org, 'district_committee', city, { name: 'Kirovsky district' });
    const po = await makeBody(db, org, 'primary_organisation', district, { name: 'Red Putilovite' });
    const otherDistrict = await makeBody(db, org, 'district_committee', city);
    Object.assign(t, { org, cc, city, ctrl, district, po, otherDistrict });
    t.member = await makePerson(db, org, po, { familyName: 'Putilov', cardNumber: 'RP-0000001' });
    t.other = await makePerson(db, org, po, { familyName: 'Other' });
    const sec = await makePerson(db, org, po, { familyName: 'Secretary' });
    const dsec = await makePerson(db, org, po, { familyName: 'District' });
    const csec = await makePerson(db, org, po, { familyName: 'Control' });
    const osec = await makePerson(db, org, po, { familyName: 'Elsewhere' });
    await makeOffice(db, po, sec, 'secretary');
    await makeOffice(db, district, dsec, 'secretary');
    // the commission's chair: an office the statute does not list as managing (as in the demo)
    await makeOffice(db, ctrl, csec, 'chair');
    await makeOffice(db, otherDistrict, osec, 'secretary');
    for (const [login, p] of [
      ['putilov.member', t.member],
      ['putilov.other', t.other],
      ['putilov.secretary', sec],
      ['district.secretary', dsec],
      ['control.secretary', csec],
      ['other.secretary', osec],
    ] as const)
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    member = srv.client();
    poSec = srv.client();
    distSec = srv.client();
    ccSec = srv.client();
    t.otherC = srv.client();
    t.otherSec = srv.client();
    expect((await member.login('putilov.member', PASSWORD)).status).toBe(200);
    expect((await poSec.login('putilov.secretary', PASSWORD)).status).toBe(200);
    expect((await distSec.login('district.secretary', PASSWORD)).status).toBe(200);
    expect((await ccSec.login('control.secretary', PASSWORD)).status).toBe(200);
    expect((await t.otherC.login('putilov.other', PASSWORD)).status).toBe(200);
    expect((await t.otherSec.login('other.secretary', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('runs a case end to end: demotion appealed and upheld by the district committee restores the member', async () => {
    const mine0 = await member.get('/api/discipline/my-cases');
    const id = await caseThroughHearing(t.member.id, member);
    const mine = await member.get('/api/discipline/my-cases');
    expect(mine.body.items.length).toBe(mine0.body.items.length + 1);
    expect((await poSec.get(`/api/discipline/cases?bodyId=${t.district.id}`)).status).toBe(403);
    expect(
      (await distSec.get(`/api/discipline/cases?bodyId=${t.district.id}`)).body.items.map((c: Loose) => c.id),
    ).toContain(id);

    const d = await poSec.post(`/api/discipline/cases/${id}/decide`, {
      takenOn: daysAgo(10),
      votes: votes(30, 5),
      reasons: 'Repeated absence',
      outcome: 'demotion_to_candidate',
    });
    expect(d.status).toBe(200);
    expect(d.body.case.state).toBe('decided');
    expect(d.body.penalty.kind).toBe('demotion_to_candidate');
    let p = await person(t.member.id);
    expect(p.status).toBe('candidate');
    expect(p.candidate_since).toBe(daysAgo(10));

    const pens = await member.get(`/api/persons/${t.member.id}/penalties`);
    expect(pens.body.active.length).toBe(1);

    const a = await member.post('/api/appeals', {
      actKind: 'discipline',
      actId: id,
      reasons: 'The shifts were ordered',
    });
    expect(a.status).toBe(201);
    expect(a.body.bodyId).toBe(t.district.id);
    // A second appeal while one is pending.
    const again = await member.post('/api/appeals', { actKind: 'discipline', actId: id, reasons: 'again' });
    expect(again.status).toBe(409);
    // Worklist of the district committee.
    const wl = await distSec.get(`/api/appeals?bodyId=${t.district.id}`);
    expect(wl.body.items.map((x: Loose) => x.id)).toContain(a.body.id);
    // Only the appellate body decides.
    const before = await counts();
    const wrong = await poSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'upheld',
      reasons: 'x',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('no_jurisdiction');
    expect(await counts()).toEqual(before);

    const up = await distSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'upheld',
      reasons: 'The absences were excused',
    });
    expect(up.status).toBe(200);
    expect(up.body.state).toBe('upheld');
    p = await person(t.member.id);
    expect(p.status).toBe('member');
    expect(p.card_number).toBe('RP-0000001');
    expect(p.body_id).toBe(t.po.id);
    const detail = await member.get(`/api/discipline/cases/${id}`);
    expect(detail.body.case.state).toBe('appeal_upheld');
    expect(detail.body.penalty.annulledOn).toBe(daysAgo(0));
    expect((await member.get(`/api/persons/${t.member.id}/penalties`)).body.active.length).toBe(0);
    // Deciding the appeal twice.
    const twice = await distSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'dismissed',
      reasons: 'x',
    });
    expect(twice.status).toBe(409);
  });

  it('expels, dismisses the appeal, then the control commission decides', async () => {
    const id = await caseThroughHearing(t.other.id, t.otherC);
    const before = await counts();
    const weak = await poSec.post(`/api/discipline/cases/${id}/decide`, {
      takenOn: daysAgo(20),
      votes: votes(6, 4),
      reasons: 'x',
      outcome: 'expulsion',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('majority_not_reached');
    const unknown = await poSec.post(`/api/discipline/cases/${id}/decide`, {
      takenOn: daysAgo(20),
      votes: votes(10, 0),
      reasons: 'x',
      outcome: 'severe_reprimand',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('penalty_not_in_statute');
    expect(await counts()).toEqual(before);

    const d = await poSec.post(`/api/discipline/cases/${id}/decide`, {
      takenOn: daysAgo(20),
      votes: votes(9, 1),
      reasons: 'Factional work',
      outcome: 'expulsion',
    });
    expect(d.status).toBe(200);
    let p = await person(t.other.id);
    expect(p).toMatchObject({ status: 'non_member', left_reason: 'expelled', body_id: null, last_body_id: t.po.id });
    expect(p.left_on).toBe(daysAgo(20));

    // Someone else may not appeal.
    const b2 = await counts();
    const byOther = await member.post('/api/appeals', { actKind: 'discipline', actId: id, reasons: 'for him' });
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.code).toBe('not_the_penalised');
    expect(await counts()).toEqual(b2);

    const a = await t.otherC.post('/api/appeals', {
      actKind: 'discipline',
      actId: id,
      lodgedOn: daysAgo(10),
      reasons: 'Unjust',
    });
    expect(a.status).toBe(201);
    const otherDistrict = await t.otherSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(5),
      outcome: 'upheld',
      reasons: 'x',
    });
    expect(otherDistrict.status).toBe(403);
    const dis = await distSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(5),
      outcome: 'dismissed',
      reasons: 'Confirmed',
    });
    expect(dis.status).toBe(200);
    expect((await person(t.other.id)).status).toBe('non_member');

    const esc = await t.otherC.post(`/api/appeals/${a.body.id}/escalate`, { reasons: 'To the control commission' });
    expect(esc.status).toBe(201);
    expect(esc.body.bodyId).toBe(t.ctrl.id);
    expect(esc.body.level).toBe('control_commission');
    // it reaches those who decide it: the commission's chair has the commission among their worklists
    const me = await ccSec.get('/api/auth/me');
    expect(me.body.scopes.map((s: Loose) => s.bodyId)).toEqual([t.ctrl.id]);
    expect((await ccSec.get(`/api/appeals?bodyId=${t.ctrl.id}`)).body.items.map((x: Loose) => x.id)).toContain(
      esc.body.id,
    );
    // the committees the commission checks do not decide it
    const byCommittee = await distSec.post(`/api/appeals/${esc.body.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'dismissed',
      reasons: 'x',
    });
    expect(byCommittee.status).toBe(403);
    const up = await ccSec.post(`/api/appeals/${esc.body.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'upheld',
      reasons: 'Reinstated',
    });
    expect(up.status).toBe(200);
    p = await person(t.other.id);
    expect(p).toMatchObject({ status: 'member', body_id: t.po.id, left_reason: null });
    const c = await t.otherC.get(`/api/discipline/cases/${id}`);
    expect(c.body.case.state).toBe('control_commission_upheld');
  });

  it('refuses an appeal after the deadline and writes nothing', async () => {
    const id = await caseThroughHearing(t.member.id, member, daysAgo(200));
    expect(
      (
        await poSec.post(`/api/discipline/cases/${id}/decide`, {
          takenOn: daysAgo(31),
          votes: votes(10, 2),
          reasons: 'Drunk at work',
          outcome: 'reprimand',
        })
      ).status,
    ).toBe(200);
    const before = await counts();
    const late = await member.post('/api/appeals', { actKind: 'discipline', actId: id, reasons: 'late' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('appeal_deadline_passed');
    expect(await counts()).toEqual(before);
    // The reprimand is in force until the organisation lifts it early (a recorded act).
    const detail = await member.get(`/api/discipline/cases/${id}`);
    const penaltyId = detail.body.penalty.id;
    expect(detail.body.penalty).toMatchObject({ kind: 'reprimand', active: true, withRecord: false });
    expect((await member.post(`/api/penalties/${penaltyId}/lift`, { liftedOn: daysAgo(1), reasons: 'x' })).status).toBe(
      403,
    );
    const lifted = await poSec.post(`/api/penalties/${penaltyId}/lift`, { liftedOn: daysAgo(1), reasons: 'Reformed' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.active.map((x: Loose) => x.id)).not.toContain(penaltyId);
    expect(lifted.body.past.find((x: Loose) => x.id === penaltyId)).toMatchObject({ liftReason: 'Reformed' });
    const liftDecision = await srv.db.selectFrom('decision').selectAll().where('entity_id', '=', penaltyId).execute();
    expect(liftDecision).toHaveLength(1);
    // An acquittal cannot be appealed.
    const acq = await caseThroughHearing(t.member.id, member, daysAgo(50));
    const a = await poSec.post(`/api/discipline/cases/${acq}/decide`, {
      takenOn: daysAgo(2),
      votes: votes(7, 3),
      reasons: 'Not proven',
      outcome: 'acquittal',
    });
    expect(a.status).toBe(200);
    expect(a.body.penalty).toBeNull();
    const noAppeal = await member.post('/api/appeals', { actKind: 'discipline', actId: acq, reasons: 'x' });
    expect(noAppeal.status).toBe(422);
    expect(noAppeal.body.error.code).toBe('not_appealable');
    // An acquittal cannot be appealed; a decision before the hearing is refused.
    const c2 = await poSec.post('/api/discipline/cases', { personId: t.member.id, chargedOn: daysAgo(3), charge: 'x' });
    const early = await poSec.post(`/api/discipline/cases/${c2.body.case.id}/decide`, {
      takenOn: daysAgo(1),
      votes: votes(3, 0),
      reasons: 'x',
      outcome: 'warning',
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('hearing_required');
    const notMine = await t.otherC.post(`/api/discipline/cases/${c2.body.case.id}/answer`, { answer: 'x' });
    expect(notMine.status).toBe(403);
  });

  it('judges the appeal deadline by the statute in force on the decision date', async () => {
    const rules = { ...t.org.rules, membership: { ...t.org.rules.membership, appealDeadlineDays: 10 } };
    await srv.db
      .insertInto('statute_version')
      .values({
        id: crypto.randomUUID(),
        organisation_id: t.org.id,
        version: 2,
        preset: 'party-1934',
        effective_from: daysAgo(40),
        adopted_by: 'Congress',
        rules: JSON.stringify(rules),
      })
      .execute();
    // Decided under the old statute (30 days): an appeal 20 days later is in time.
    const oldCase = await caseThroughHearing(t.member.id, member, daysAgo(300));
    await poSec.post(`/api/discipline/cases/${oldCase}/decide`, {
      takenOn: daysAgo(60),
      votes: votes(5, 1),
      reasons: 'x',
      outcome: 'warning',
    });
    const ok = await member.post('/api/appeals', {
      actKind: 'discipline',
      actId: oldCase,
      lodgedOn: daysAgo(40),
      reasons: 'in time',
    });
    expect(ok.status).toBe(201);
    // Decided under the new statute (10 days): 20 days later is too late.
    const newCase = await caseThroughHearing(t.member.id, member, daysAgo(300));
    await poSec.post(`/api/discipline/cases/${newCase}/decide`, {
      takenOn: daysAgo(30),
      votes: votes(5, 1),
      reasons: 'x',
      outcome: 'warning',
    });
    const late = await member.post('/api/appeals', {
      actKind: 'discipline',
      actId: newCase,
      lodgedOn: daysAgo(10),
      reasons: 'late',
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('appeal_deadline_passed');
  });
});
