// What the server says the reader may do with a person (`PersonDetail.can`, ADR 0026): for each flag and a set of
// actors (entitled, not entitled) and persons (right state, wrong state), the flag read from the person page is true
// exactly when the act it stands for succeeds. Each row acts on a fresh person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import type { PersonCan } from '../../src/contracts/person.js';

type Flag = keyof PersonCan;
type Who = 'Secretary' | 'Treasurer' | 'Fellow' | 'Elsewhere' | 'Self';
/** The person acted on: a member, a sympathiser (no party acts), a peer secretary (no reset by a peer). */
type Target = 'member' | 'sympathiser' | 'peer' | 'noAccount';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;
const today = () => new Date().toISOString().slice(0, 10);

describe.each(DB_KINDS)('what the reader may do with a person on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let po: MadeBody;
  let n = 0;
  const { account, who } = namedPeople(() => srv);

  /** A fresh person of the primary organisation, with an account (a reset code needs one). */
  async function target(t: Target): Promise<string> {
    const name = `Target${++n}`;
    if (t === 'noAccount') return (await makePerson(srv.db, org, po)).id;
    const p = await account(name, org, po, {
      ...(t === 'peer' ? { secretaryOf: po } : {}),
    });
    if (t === 'sympathiser')
      await srv.db
        .updateTable('person')
        .set({ status: 'sympathiser', card_number: null })
        .where('id', '=', p.id)
        .execute();
    return p.id;
  }

  /** The act each flag stands for, attempted by `actor` on the person. */
  const acts: Record<Flag, (actor: string, personId: string) => Promise<TestResponse>> = {
    seeHistory: async (a, personId) => {
      const h = await who(a).get(`/api/persons/${personId}/history`);
      // the whole history, not the public part every fellow member sees
      return { ...h, status: h.status === 200 && h.body.scope === 'full' ? 200 : 403 };
    },
    issueResetCode: (a, personId) => who(a).post(`/api/persons/${personId}/password-reset`),
    recordPayment: (a, personId) =>
      who(a).post('/api/dues/payments', {
        personId,
        month: '2026-01',
        earnings: '120',
        amount: '1.20',
        paidOn: '2026-01-10',
      }),
    bringCharge: (a, personId) =>
      who(a).post('/api/discipline/cases', { personId, chargedOn: today(), charge: 'Absent from three meetings.' }),
    transfer: (a, personId) => who(a).post('/api/transfers/deregister', { personId, on: today() }),
  };

  // [flag, actor, person, expected]: the expectation keeps the table honest (both answers occur for every flag).
  const rows: [Flag, Who, Target, boolean][] = [
    ['seeHistory', 'Secretary', 'member', true],
    ['seeHistory', 'Self', 'member', true],
    ['seeHistory', 'Fellow', 'member', false],
    ['seeHistory', 'Treasurer', 'member', false],
    ['issueResetCode', 'Secretary', 'member', true],
    ['issueResetCode', 'Secretary', 'peer', false],
    ['issueResetCode', 'Self', 'member', false],
    ['issueResetCode', 'Fellow', 'member', false],
    ['issueResetCode', 'Secretary', 'noAccount', false],
    ['recordPayment', 'Secretary', 'member', true],
    ['recordPayment', 'Treasurer', 'member', true],
    ['recordPayment', 'Fellow', 'member', false],
    ['recordPayment', 'Self', 'member', false],
    ['recordPayment', 'Secretary', 'sympathiser', false],
    ['bringCharge', 'Secretary', 'member', true],
    ['bringCharge', 'Secretary', 'sympathiser', false],
    ['bringCharge', 'Treasurer', 'member', false],
    ['bringCharge', 'Self', 'member', false],
    ['transfer', 'Secretary', 'member', true],
    ['transfer', 'Secretary', 'sympathiser', false],
    ['transfer', 'Fellow', 'member', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const district = await makeBody(srv.db, org, 'district_committee', root);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    const otherPo = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Secretary', org, po, { secretaryOf: po });
    const treasurer = await account('Treasurer', org, po);
    await makeOffice(srv.db, po, { id: treasurer.id }, 'treasurer');
    await account('Fellow', org, po);
    await account('Elsewhere', org, otherPo, { secretaryOf: otherPo });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)('%s for %s on a %s is %s, and so is the act', async (flag, actor, t, expected) => {
    const personId = await target(t);
    // 'Self' is the target person signed in
    const reader = actor === 'Self' ? `Target${n}` : actor;
    const read = await who(reader).get(`/api/persons/${personId}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = read.body.can as PersonCan;
    expect(can[flag]).toBe(expected);
    const res = await acts[flag](reader, personId);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can[flag]);
  });

  it('a secretary of another primary organisation reads no flags: the person page is refused', async () => {
    const personId = await target('member');
    expect((await who('Elsewhere').get(`/api/persons/${personId}`)).status).toBe(403);
    expect((await acts.transfer('Elsewhere', personId)).status).toBe(403);
  });
});
