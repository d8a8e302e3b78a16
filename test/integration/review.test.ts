// Membership reviews: opened over a subtree in bulk, items decided by the organisation's commission,
// progress rolled up per body, appeal as for discipline, closing after the deadline, and two simultaneous
// conflicting decisions on one item (exactly one wins).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeMembers, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import type { Actor } from '../../src/platform/actor.js';
import type { Services } from '../../src/app/compose.js';
import { AppError } from '../../src/platform/errors.js';

const PASSWORD = 'correct horse battery';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('membership review on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let distSec: TestClient;
  let poSec: TestClient;
  let member: TestClient;
  let poActor: Actor;

  const person = (id: string) => srv.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const itemOf = (reviewId: string, personId: string) =>
    srv.db
      .selectFrom('review_item')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db, { effectiveFrom: '1930-01-01' });
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const district = await makeBody(db, org, 'district_committee', city, { name: 'Kirovsky district' });
    const po = await makeBody(db, org, 'primary_organisation', district, { name: 'Red Putilovite' });
    const shop = await makeBody(db, org, 'shop_cell', po, { name: 'Rolling shop' });
    const po2 = await makeBody(db, org, 'primary_organisation', district, { name: 'Skorokhod' });
    const outside = await makeBody(db, org, 'district_committee', city);
    const poOut = await makeBody(db, org, 'primary_organisation', outside);
    Object.assign(t, { org, district, po, shop, po2, poOut });
    t.member = await makePerson(db, org, po, { familyName: 'Putilov' });
    t.cand = await makePerson(db, org, shop, { status: 'candidate' });
    t.shopMembers = await makeMembers(db, org, shop, 3);
    t.po2Members = await makeMembers(db, org, po2, 4);
    await makePerson(db, org, po, { status: 'non_member' });
    await makeMembers(db, org, poOut, 2);
    const sec = await makePerson(db, org, po, { familyName: 'Secretary' });
    const dsec = await makePerson(db, org, po2, { familyName: 'District' });
    await makeOffice(db, po, sec, 'secretary');
    await makeOffice(db, district, dsec, 'secretary');
    for (const [login, p] of [
      ['putilov.member', t.member],
      ['putilov.secretary', sec],
      ['district.secretary', dsec],
    ] as const)
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    distSec = srv.client();
    poSec = srv.client();
    member = srv.client();
    expect((await distSec.login('district.secretary', PASSWORD)).status).toBe(200);
    const me = await poSec.login('putilov.secretary', PASSWORD);
    expect(me.status).toBe(200);
    expect((await member.login('putilov.member', PASSWORD)).status).toBe(200);
    poActor = {
      accountId: 'x',
      personId: sec.id,
      organisationId: org.id,
      login: 'putilov.secretary',
      displayName: 'Secretary',
      locale: 'en',
      scopes: [{ bodyId: po.id, path: po.path, title: 'secretary' }],
      homePath: po.path,
      csrfToken: 'x',
    };
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('opens a review over a subtree, decides items, rolls up progress and handles an appeal', async () => {
    expect(
      (await poSec.post('/api/reviews', { bodyId: t.po.id, title: 'x', openedOn: daysAgo(5), deadline: daysAgo(1) }))
        .status,
    ).toBe(422);
    const r = await distSec.post('/api/reviews', {
      bodyId: t.district.id,
      title: 'Verification of party documents',
      openedOn: daysAgo(20),
      deadline: daysAgo(2),
    });
    expect(r.status).toBe(201);
    // member, candidate, 3 shop members, 4 in po2, secretary, district secretary = 11 (non-member and outside excluded)
    expect(r.body.items).toBe(11);
    const id = r.body.id;
    // the committee finds its reviews again (its worklist in the web app); nobody below it lists them
    const listed = await distSec.get(`/api/reviews?bodyId=${t.district.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((x: Loose) => [x.id, x.items, x.state])).toContainEqual([id, 11, 'open']);
    expect((await poSec.get(`/api/reviews?bodyId=${t.district.id}`)).status).toBe(403);

    const mine = await poSec.get(`/api/review-items/mine?reviewId=${id}`);
    expect(mine.body.total).toBe(6);
    const memberItem = await itemOf(id, t.member.id);
    const candItem = await itemOf(id, t.cand.id);
    // Someone outside the organisation's commission may not decide.
    const po2Item = await itemOf(id, t.po2Members[0].id);
    expect(
      (
        await poSec.post(`/api/review-items/${po2Item.id}/decide`, {
          decidedOn: daysAgo(3),
          outcome: 'confirmed',
          reasons: 'x',
        })
      ).status,
    ).toBe(403);

    const d1 = await poSec.post(`/api/review-items/${memberItem.id}/decide`, {
      decidedOn: daysAgo(10),
      outcome: 'expelled',
      reasons: 'Concealed his past',
    });
    expect(d1.status).toBe(200);
    expect(await person(t.member.id)).toMatchObject({ status: 'non_member', left_reason: 'expelled', body_id: null });
    const d2 = await poSec.post(`/api/review-items/${candItem.id}/decide`, {
      decidedOn: daysAgo(10),
      outcome: 'moved_to_sympathiser',
      reasons: 'Passive',
    });
    expect(d2.status).toBe(200);
    expect((await person(t.cand.id)).status).toBe('sympathiser');
    for (const m of t.shopMembers.slice(0, 2)) {
      const it = await itemOf(id, m.id);
      expect(
        (
          await poSec.post(`/api/review-items/${it.id}/decide`, {
            decidedOn: daysAgo(9),
            outcome: 'confirmed',
            reasons: 'In order',
          })
        ).status,
      ).toBe(200);
    }
    const again = await poSec.post(`/api/review-items/${candItem.id}/decide`, {
      decidedOn: daysAgo(9),
      outcome: 'confirmed',
      reasons: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_decided');

    const prog = await distSec.get(`/api/reviews/${id}/progress`);
    expect(prog.status).toBe(200);
    expect(prog.body.total).toMatchObject({ total: 11, decided: 4 });
    expect(prog.body.total.overdue).toBe(7);
    const rp = prog.body.children.find((c: Loose) => c.bodyId === t.po.id);
    expect(rp).toMatchObject({
      total: 6,
      decided: 4,
      byOutcome: { confirmed: 2, expelled: 1, moved_to_sympathiser: 1, moved_to_candidate: 0 },
    });
    const sk = prog.body.children.find((c: Loose) => c.bodyId === t.po2.id);
    expect(sk).toMatchObject({ total: 5, decided: 0, overdue: 5 });
    const drill = await distSec.get(`/api/reviews/${id}/progress?bodyId=${t.po.id}`);
    expect(drill.body.children).toHaveLength(1);
    expect(drill.body.children[0]).toMatchObject({ bodyId: t.shop.id, total: 4, decided: 3 });
    expect((await poSec.get(`/api/reviews/${id}/progress`)).status).toBe(403);

    // Appeal against the expulsion, upheld by the district committee: reinstated.
    const a = await member.post('/api/appeals', {
      actKind: 'review',
      actId: memberItem.id,
      lodgedOn: daysAgo(8),
      reasons: 'I concealed nothing',
    });
    expect(a.status).toBe(201);
    expect(a.body.bodyId).toBe(t.district.id);
    const up = await distSec.post(`/api/appeals/${a.body.id}/decide`, {
      takenOn: daysAgo(1),
      outcome: 'upheld',
      reasons: 'Records found',
    });
    expect(up.status).toBe(200);
    expect(await person(t.member.id)).toMatchObject({ status: 'member', body_id: t.po.id });
    expect((await itemOf(id, t.member.id)).state).toBe('appeal_upheld');
    // A confirmation cannot be appealed.
    // Close after the deadline; no more decisions.
    const closed = await distSec.post(`/api/reviews/${id}/close`, { closedOn: daysAgo(0) });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    const late = await itemOf(id, t.shopMembers[2].id);
    expect(
      (
        await poSec.post(`/api/review-items/${late.id}/decide`, {
          decidedOn: daysAgo(0),
          outcome: 'confirmed',
          reasons: 'x',
        })
      ).status,
    ).toBe(409);
  });

  it('lets exactly one of two simultaneous conflicting decisions win', async () => {
    // Both databases race through the ordinary services: on PGlite the driver serialises transactions.
    const racing: Services = srv.services;
    const r = await distSec.post('/api/reviews', {
      bodyId: t.district.id,
      title: 'Purge',
      openedOn: daysAgo(5),
      deadline: daysAgo(-30),
    });
    expect(r.status).toBe(201);
    for (const m of t.po2Members.slice(0, 1).concat(t.shopMembers.slice(0, 3))) {
      const it = await itemOf(r.body.id, m.id);
      if (!it.primary_id || it.primary_id === t.po2.id) continue;
      const results = await Promise.allSettled([
        racing.review.decideItem(poActor, it.id, { decidedOn: daysAgo(1), outcome: 'expelled', reasons: 'A' }),
        racing.review.decideItem(poActor, it.id, {
          decidedOn: daysAgo(1),
          outcome: 'moved_to_candidate',
          reasons: 'B',
        }),
      ]);
      const ok = results.filter((x) => x.status === 'fulfilled');
      const bad = results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[];
      expect(ok).toHaveLength(1);
      expect(bad).toHaveLength(1);
      expect(bad[0]!.reason).toBeInstanceOf(AppError);
      expect((bad[0]!.reason as AppError).code).toBe('already_decided');
      const row = await itemOf(r.body.id, m.id);
      const p = await person(m.id);
      if (row.outcome === 'expelled') expect(p.status).toBe('non_member');
      else {
        expect(row.outcome).toBe('moved_to_candidate');
        expect(p.status).toBe('candidate');
        expect(p.body_id).toBe(t.shop.id);
      }
      const decisions = await srv.db.selectFrom('decision').selectAll().where('entity_id', '=', it.id).execute();
      expect(decisions).toHaveLength(1);
    }
  });
});
