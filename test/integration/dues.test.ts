// Dues end to end through HTTP: the scale, recording payments, refusals with nothing written (wrong amount,
// paid twice, outside scope), concurrency, the statute by date, a member's register, arrears and roll-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';
import { PARTY_1934_MEMBERSHIP } from '../../src/contracts/membership-rules.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('dues on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let sec: TestClient;
  let member: TestClient;
  let outsider: TestClient;

  const counts = async () => {
    const n = async (table: 'dues_payment' | 'dues_account' | 'dues_body_month' | 'audit_event') =>
      Number(
        (
          await srv.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      payments: await n('dues_payment'),
      accounts: await n('dues_account'),
      totals: await n('dues_body_month'),
      audit: await n('audit_event'),
    };
  };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    // From June 2026 the scale is a flat 2% (a congress changed it).
    await db
      .insertInto('statute_version')
      .values({
        id: uuidv7(),
        organisation_id: org.id,
        version: 2,
        preset: 'party-1934',
        effective_from: '2026-06-01',
        adopted_by: 'Congress',
        rules: JSON.stringify({
          ...PRESETS['party-1934'],
          membership: {
            ...PARTY_1934_MEMBERSHIP,
            dues: { ...PARTY_1934_MEMBERSHIP.dues, bands: [{ upTo: null, percent: 2 }] },
          },
        }),
      })
      .execute();
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const po = await makeBody(db, org, 'primary_organisation', district);
    const shop = await makeBody(db, org, 'shop_cell', po);
    const otherDistrict = await makeBody(db, org, 'district_committee', cc);
    const otherPo = await makeBody(db, org, 'primary_organisation', otherDistrict);
    const secP = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, secP, 'secretary');
    const m1 = await makePerson(db, org, shop, { familyName: 'Payer' });
    const m2 = await makePerson(db, org, po, { familyName: 'Racer' });
    const m3 = await makePerson(db, org, po, { familyName: 'Debtor' });
    const outP = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    await makeOffice(db, otherPo, outP, 'secretary');
    Object.assign(t, { org, cc, district, po, shop, m1, m2, m3 });
    for (const [login, p] of [
      ['sec', secP],
      ['payer', m1],
      ['out', outP],
    ] as const)
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    sec = srv.client();
    member = srv.client();
    outsider = srv.client();
    expect((await sec.login('sec', PASSWORD)).status).toBe(200);
    expect((await member.login('payer', PASSWORD)).status).toBe(200);
    expect((await outsider.login('out', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  const pay = (c: TestClient, personId: string, month: string, earnings: string, amount: string) =>
    c.post('/api/dues/payments', { personId, month, earnings, amount, paidOn: `${month}-10` });

  it('quotes the scale in force in a month', async () => {
    const may = await sec.get('/api/dues/scale?month=2026-05&earnings=120');
    expect(may.status).toBe(200);
    expect(may.body).toMatchObject({ amount: '1.20', percent: 1, currency: 'RUB' });
    const june = await sec.get('/api/dues/scale?month=2026-06&earnings=120');
    expect(june.body).toMatchObject({ amount: '2.40', percent: 2 });
  });

  it("records a payment by the organisation's secretary, with its audit event", async () => {
    const before = await counts();
    const res = await pay(sec, t.m1.id, '2026-01', '120', '1.20');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ personId: t.m1.id, month: '2026-01', amount: '1.20', bodyId: t.shop.id });
    const after = await counts();
    expect(after.payments).toBe(before.payments + 1);
    expect(after.audit).toBe(before.audit + 1);
    const reg = await srv.db.selectFrom('dues_register').selectAll().executeTakeFirstOrThrow();
    expect(reg.start_month).toBe('2026-01-01');
  });

  it('refuses a wrong amount with the expected one, writing nothing', async () => {
    const before = await counts();
    const res = await pay(sec, t.m1.id, '2026-02', '120', '1.00');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('dues_amount_mismatch');
    expect(res.body.error.details.expected).toBe('1.20');
    expect(await counts()).toEqual(before);
  });

  it('refuses dues paid twice for one month (409), writing nothing', async () => {
    const before = await counts();
    const res = await pay(sec, t.m1.id, '2026-01', '120', '1.20');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('dues_already_paid');
    expect(await counts()).toEqual(before);
  });

  it('refuses a secretary of another organisation, writing nothing', async () => {
    const before = await counts();
    const res = await pay(outsider, t.m1.id, '2026-02', '120', '1.20');
    expect(res.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('judges each month by the statute in force in it', async () => {
    expect((await pay(sec, t.m1.id, '2026-05', '120', '2.40')).body.error.details.expected).toBe('1.20');
    expect((await pay(sec, t.m1.id, '2026-05', '120', '1.20')).status).toBe(201);
    const june = await pay(sec, t.m1.id, '2026-06', '120', '1.20');
    expect(june.status).toBe(422);
    expect(june.body.error.details.expected).toBe('2.40');
    expect((await pay(sec, t.m1.id, '2026-06', '120', '2.40')).status).toBe(201);
  });

  it('lets exactly one of two simultaneous payments for one member-month succeed', async () => {
    const c2 = srv.client();
    expect((await c2.login('sec', PASSWORD)).status).toBe(200);
    const before = await counts();
    const results = await Promise.all([
      pay(sec, t.m2.id, '2026-02', '300', '7.50'),
      pay(c2, t.m2.id, '2026-02', '300', '7.50'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = await counts();
    expect(after.payments).toBe(before.payments + 1);
    const acc = await srv.db.selectFrom('dues_account').selectAll().where('person_id', '=', t.m2.id).executeTakeFirst();
    expect(acc?.paid_months).toBe(1);
  });

  it("shows a member their own register and months owed, and refuses another member's", async () => {
    const own = await member.get(`/api/dues/persons/${t.m1.id}`);
    expect(own.status).toBe(200);
    expect(own.body.countedFrom).toBe('2026-01');
    expect(own.body.payments.map((p: Loose) => p.month)).toEqual(['2026-06', '2026-05', '2026-01']);
    expect(own.body.monthsOwed.slice(0, 3)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect((await member.get(`/api/dues/persons/${t.m3.id}`)).status).toBe(403);
  });

  it('lists members in arrears past the limit to the bureau', async () => {
    const res = await sec.get(`/api/dues/arrears?bodyId=${t.po.id}&limit=10`);
    expect(res.status).toBe(200);
    expect(res.body.arrearsLimitMonths).toBe(3);
    const debtor = res.body.items.find((i: Loose) => i.personId === t.m3.id);
    expect(debtor).toBeDefined();
    const now = new Date();
    const owed = (now.getUTCFullYear() - 2026) * 12 + now.getUTCMonth(); // Jan 2026 .. previous month
    expect(debtor.monthsOwed).toBe(owed);
    expect(res.body.total).toBe(res.body.items.length);
    expect((await outsider.get(`/api/dues/arrears?bodyId=${t.po.id}`)).status).toBe(403);
  });

  it('rolls up a month per body and level', async () => {
    const res = await sec.get(`/api/dues/rollup?bodyId=${t.po.id}&month=2026-02`);
    expect(res.status).toBe(200);
    expect(res.body.total.amount).toBe('7.50');
    expect(res.body.own).toEqual({ amount: '7.50', payments: 1 });
    expect(res.body.children).toEqual([expect.objectContaining({ bodyId: t.shop.id, amount: '0.00', payments: 0 })]);
    const jan = await srv.services.dues.rollupOf(t.cc.id, '2026-01');
    expect(jan.total.amount).toBe('1.20');
    expect(jan.children.find((c) => c.bodyId === t.district.id)?.amount).toBe('1.20');
  });
});
