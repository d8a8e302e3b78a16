// What the server says the reader may do with a resignation (`Resignation.can`, ADR 0026): for each flag, a set of
// actors (entitled, not entitled) and resignations in a given state, the flag read from the resignation is true
// exactly when the act it stands for succeeds. Each row acts on a fresh resignation by a fresh member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import type { Resignation, ResignationCan } from '../../src/contracts/resignation.js';

type Flag = keyof ResignationCan;
/** The member resigning, the primary organisation's secretary, the district's secretary (above it). */
type Who = 'Member' | 'Secretary' | 'District';
type Stage = 'submitted' | 'discussed' | 'withdrawn';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('what the reader may do with a resignation on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let po: MadeBody;
  let n = 0;
  const { account, who } = namedPeople(() => srv);

  /** A fresh member's resignation taken to `stage`: its id and the member's name. */
  async function resignationAt(stage: Stage): Promise<{ id: string; member: string }> {
    const member = `Member${++n}`;
    await account(member, org, po);
    const s = await who(member).post('/api/resignations', { reasons: 'Moving away.', submittedOn: daysAgo(10) });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const id = s.body.id as string;
    if (stage === 'discussed') expect((await acts.discuss('Secretary', id)).status).toBe(200);
    if (stage === 'withdrawn')
      expect((await who(member).post(`/api/resignations/${id}/withdrawal`, { withdrawnOn: daysAgo(5) })).status).toBe(
        200,
      );
    return { id, member };
  }

  const acts: Record<Flag, (actor: string, id: string) => Promise<TestResponse>> = {
    discuss: (a, id) =>
      who(a).post(`/api/resignations/${id}/discussion`, { discussedOn: daysAgo(5), discussion: 'Discussed.' }),
    accept: (a, id) =>
      who(a).post(`/api/resignations/${id}/acceptance`, {
        takenOn: daysAgo(0),
        votes: { for: 10, against: 1, abstained: 0 },
        reasons: 'Accepted.',
      }),
  };

  // [flag, actor, stage, expected]: the expectation keeps the table honest (both answers occur for every flag).
  const rows: [Flag, Who, Stage, boolean][] = [
    ['discuss', 'Secretary', 'submitted', true],
    ['discuss', 'District', 'submitted', true],
    ['discuss', 'Secretary', 'discussed', false],
    ['discuss', 'Secretary', 'withdrawn', false],
    ['discuss', 'Member', 'submitted', false],
    ['accept', 'Secretary', 'discussed', true],
    // the web offered acceptance before the discussion too; the server refuses it (resignation_not_discussed)
    ['accept', 'Secretary', 'submitted', false],
    ['accept', 'Secretary', 'withdrawn', false],
    ['accept', 'Member', 'discussed', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db, { effectiveFrom: '1930-01-01' });
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const district = await makeBody(srv.db, org, 'district_committee', root);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Secretary', org, po, { secretaryOf: po });
    await account('District', org, po, { secretaryOf: district });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)('%s for %s on a %s resignation is %s, and so is the act', async (flag, actor, stage, expected) => {
    const r = await resignationAt(stage);
    const reader = actor === 'Member' ? r.member : actor;
    const read = await who(reader).get(`/api/resignations/${r.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = (read.body as Resignation).can;
    expect(can[flag]).toBe(expected);
    if (actor === 'Secretary') {
      const list = await who(reader).get(`/api/resignations?bodyId=${po.id}&limit=500`);
      const listed = (list.body.items as Resignation[] | undefined)?.find((x) => x.id === r.id);
      if (listed) expect(listed.can).toEqual(can);
    }
    const res = await acts[flag](reader, r.id);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can[flag]);
  });
});
