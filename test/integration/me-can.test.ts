// What the server says the signed-in reader may do (`Me.can`, ADR 0026): `worklists` is true exactly when some
// worklist answers them — a body's worklists for an office that manages it, the appeals before a control
// commission for a seat on it — and false for a member without either, whom every worklist refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import type { Me } from '../../src/contracts/auth.js';

type Who = 'Secretary' | 'Control' | 'Member';

describe.each(DB_KINDS)('what the signed-in reader may do on %s', (kind) => {
  let srv: TestServer;
  let po: MadeBody;
  let ctrl: MadeBody;
  const { account, who } = namedPeople(() => srv);

  /** The worklists the reader could open: their primary organisation's applications, the commission's appeals. */
  const worklists = () => [
    `/api/admission/bodies/${po.id}/applications`,
    `/api/resignations?bodyId=${po.id}`,
    `/api/appeals?bodyId=${ctrl.id}`,
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const city = await makeBody(srv.db, org, 'city_committee', root);
    ctrl = await makeBody(srv.db, org, 'control_commission', city);
    const district = await makeBody(srv.db, org, 'district_committee', city);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Secretary', org, po, { secretaryOf: po });
    const control = await account('Control', org, po);
    await makeOffice(srv.db, ctrl, { id: control.id }, 'chair');
    await account('Member', org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each([
    ['Secretary', true],
    ['Control', true],
    ['Member', false],
  ] as [Who, boolean][])('worklists for %s is %s, and so is some worklist answering', async (w, expected) => {
    const me = await who(w).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect((me.body as Me).can.worklists).toBe(expected);
    const answers = await Promise.all(worklists().map(async (p) => (await who(w).get(p)).status === 200));
    expect(answers.some(Boolean)).toBe(expected);
  });
});
