// Transfers end to end through HTTP: deregistration and registration (two audited acts), a direct transfer,
// refusals with nothing written, and the worklist of members registered nowhere past the statute's limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('transfers on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let secA: TestClient;
  let secB: TestClient;
  let districtSec: TestClient;

  const snapshot = async (id: string) => ({
    person: await srv.db
      .selectFrom('person')
      .select(['body_id', 'last_body_id', 'deregistered_on', 'status', 'card_number'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    audit: Number(
      (
        await srv.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const poA = await makeBody(db, org, 'primary_organisation', district);
    const poB = await makeBody(db, org, 'primary_organisation', district);
    const shopB = await makeBody(db, org, 'shop_cell', poB);
    const a = await makePerson(db, org, poA, { familyName: 'SecA' });
    await makeOffice(db, poA, a, 'secretary');
    const b = await makePerson(db, org, poB, { familyName: 'SecB' });
    await makeOffice(db, poB, b, 'secretary');
    const d = await makePerson(db, org, poA, { familyName: 'SecD' });
    await makeOffice(db, district, d, 'secretary');
    const mover = await makePerson(db, org, poA, { familyName: 'Mover', cardNumber: 'M-1' });
    const second = await makePerson(db, org, poA, { familyName: 'Second' });
    const lost = await makePerson(db, org, null, { familyName: 'Lost' });
    await db
      .updateTable('person')
      .set({ last_body_id: poA.id, deregistered_on: '2025-01-10' })
      .where('id', '=', lost.id)
      .execute();
    const recent = await makePerson(db, org, null, { familyName: 'Recent' });
    await db
      .updateTable('person')
      .set({ last_body_id: poA.id, deregistered_on: new Date().toISOString().slice(0, 10) })
      .where('id', '=', recent.id)
      .execute();
    Object.assign(t, { district, poA, poB, shopB, mover, second, lost, recent });
    for (const [login, p] of [
      ['seca', a],
      ['secb', b],
      ['secd', d],
    ] as const)
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    secA = srv.client();
    secB = srv.client();
    districtSec = srv.client();
    expect((await secA.login('seca', PASSWORD)).status).toBe(200);
    expect((await secB.login('secb', PASSWORD)).status).toBe(200);
    expect((await districtSec.login('secd', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('refuses registering a person who is not in transit, writing nothing', async () => {
    const before = await snapshot(t.mover.id);
    const res = await secB.post('/api/transfers/register', {
      personId: t.mover.id,
      bodyId: t.poB.id,
      on: '2026-03-01',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('transfer_not_in_transit');
    expect(await snapshot(t.mover.id)).toEqual(before);
  });

  it('refuses deregistration by the receiving secretary, writing nothing', async () => {
    const before = await snapshot(t.mover.id);
    const res = await secB.post('/api/transfers/deregister', { personId: t.mover.id, on: '2026-03-01' });
    expect(res.status).toBe(403);
    expect(await snapshot(t.mover.id)).toEqual(before);
  });

  it('deregisters, then registers in the receiving organisation: two audited acts, the card stays', async () => {
    const before = await snapshot(t.mover.id);
    const out = await secA.post('/api/transfers/deregister', {
      personId: t.mover.id,
      on: '2026-03-01',
      reason: 'Moved',
    });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({
      personId: t.mover.id,
      state: 'in_transit',
      bodyId: null,
      lastBodyId: t.poA.id,
      deregisteredOn: '2026-03-01',
    });
    const again = await secA.post('/api/transfers/deregister', { personId: t.mover.id, on: '2026-03-02' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('transfer_already_in_transit');
    const early = await secB.post('/api/transfers/register', {
      personId: t.mover.id,
      bodyId: t.shopB.id,
      on: '2026-02-01',
    });
    expect(early.body.error.code).toBe('transfer_date_too_early');
    const inn = await secB.post('/api/transfers/register', {
      personId: t.mover.id,
      bodyId: t.shopB.id,
      on: '2026-03-15',
    });
    expect(inn.status).toBe(200);
    expect(inn.body.state).toBe('registered');
    const after = await snapshot(t.mover.id);
    expect(after.person).toMatchObject({ body_id: t.shopB.id, last_body_id: t.poA.id, card_number: 'M-1' });
    expect(after.audit).toBe(before.audit + 2);
    const events = await srv.db
      .selectFrom('audit_event')
      .select(['action', 'from_state', 'to_state'])
      .where('subject_person_id', '=', t.mover.id)
      .orderBy('action')
      .execute();
    expect(events).toEqual([
      { action: 'transfer.deregistered', from_state: 'registered', to_state: 'in_transit' },
      { action: 'transfer.registered', from_state: 'in_transit', to_state: 'registered' },
    ]);
  });

  it('transfers directly when the actor manages both ends; refuses an actor managing only one', async () => {
    const before = await snapshot(t.second.id);
    const refused = await secA.post('/api/transfers/direct', {
      personId: t.second.id,
      bodyId: t.poB.id,
      on: '2026-04-01',
    });
    expect(refused.status).toBe(403);
    expect(await snapshot(t.second.id)).toEqual(before);
    const res = await districtSec.post('/api/transfers/direct', {
      personId: t.second.id,
      bodyId: t.poB.id,
      on: '2026-04-01',
    });
    expect(res.status).toBe(200);
    const after = await snapshot(t.second.id);
    expect(after.person).toMatchObject({ body_id: t.poB.id, last_body_id: t.poA.id });
    expect(after.audit).toBe(before.audit + 1);
  });

  it('refuses a date in the future', async () => {
    const res = await districtSec.post('/api/transfers/direct', {
      personId: t.second.id,
      bodyId: t.poA.id,
      on: '2999-01-01',
    });
    expect(res.body.error.code).toBe('transfer_date_in_future');
  });

  it('flags members registered nowhere past the limit to the body that last held them', async () => {
    const res = await secA.get(`/api/transfers/unregistered?bodyId=${t.poA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.limitMonths).toBe(3);
    expect(res.body.items.map((i: Loose) => i.personId)).toEqual([t.lost.id]);
    expect(res.body.items[0].lastBodyId).toBe(t.poA.id);
    const district = await districtSec.get(`/api/transfers/unregistered?bodyId=${t.district.id}`);
    expect(district.body.total).toBe(1);
    // On an earlier check date the limit had not yet passed.
    const early = await secA.get(`/api/transfers/unregistered?bodyId=${t.poA.id}&on=2025-04-10`);
    expect(early.body.total).toBe(0);
    expect((await secB.get(`/api/transfers/unregistered?bodyId=${t.poA.id}`)).status).toBe(403);
  });
});
