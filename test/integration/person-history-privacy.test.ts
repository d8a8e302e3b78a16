// Private records stay private (issue 11, point 2): a person's history goes whole to the person and to those who
// manage them; a fellow member of the same organisation sees only its public part — admission, candidacy,
// membership and transfers, without reasons or details — never discipline, penalties, appeals, dues (earnings),
// reviews or a resignation. Someone of another organisation sees nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
const PUBLIC = ['admission', 'candidacy', 'membership', 'transfer'];
const PRIVATE = ['discipline', 'penalty_lift', 'appeal', 'dues', 'review', 'resignation'];

describe.each(DB_KINDS)('who sees a person’s history on %s', (kind) => {
  let srv: TestServer;
  let subject: TestClient;
  let secretary: TestClient;
  let districtSecretary: TestClient;
  let fellow: TestClient;
  let stranger: TestClient;
  let subjectId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const district = await makeBody(db, org, 'district_committee', null);
    const works = await makeBody(db, org, 'primary_organisation', district);
    const other = await makeBody(db, org, 'primary_organisation', district);
    const s = await makePerson(db, org, works, { familyName: 'Subject' });
    subjectId = s.id;
    const sec = await makePerson(db, org, works, { familyName: 'Secretary' });
    await makeOffice(db, works, sec, 'secretary');
    const dsec = await makePerson(db, org, district, { familyName: 'Districtsecretary' });
    await makeOffice(db, district, dsec, 'secretary');
    const f = await makePerson(db, org, works, { familyName: 'Fellow' });
    const o = await makePerson(db, org, other, { familyName: 'Stranger' });

    // one event of every kind, each with a reason and details that must not leak
    for (const process of [...PUBLIC, ...PRIVATE])
      await srv.services.records.audit(db, {
        organisationId: org.id,
        subjectPersonId: s.id,
        actor: null,
        effectiveOn: '2026-11-01',
        process,
        entityId: null,
        action: `${process}_recorded`,
        fromState: 'before',
        toState: 'after',
        reason: `confidential reason of ${process}`,
        details: { votes: { for: 12, against: 3 }, monthlyEarnings: 180 },
      });

    const login = async (personId: string, name: string) => {
      await srv.services.auth.createAccount({ personId, login: name, password: PASSWORD });
      const client = srv.client();
      expect((await client.login(name, PASSWORD)).status).toBe(200);
      return client;
    };
    subject = await login(s.id, 'subject');
    secretary = await login(sec.id, 'secretary');
    districtSecretary = await login(dsec.id, 'dsecretary');
    fellow = await login(f.id, 'fellow');
    stranger = await login(o.id, 'stranger');
  }, 120_000);

  afterAll(async () => {
    await srv?.close();
  });

  const historyAs = async (client: TestClient) => {
    const r = await client.get(`/api/persons/${subjectId}/history`);
    return r;
  };
  const processes = (items: Loose[]) => items.map((e: Loose) => e.process as string).sort();

  it.each([
    ['the person themself', () => subject],
    ['the secretary of their organisation', () => secretary],
    ['the secretary of the district above', () => districtSecretary],
  ])('%s sees every event, with reasons and details', async (_who, client) => {
    const r = await historyAs(client());
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe('full');
    expect(processes(r.body.items)).toEqual([...PUBLIC, ...PRIVATE].sort());
    for (const e of r.body.items as Loose[]) {
      expect(e.reason).toBe(`confidential reason of ${e.process}`);
      expect(e.details.monthlyEarnings).toBe(180);
    }
  });

  it('a fellow member sees the public facts of membership only, stripped of reasons and details', async () => {
    const r = await historyAs(fellow);
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe('public');
    expect(processes(r.body.items)).toEqual([...PUBLIC].sort());
    for (const e of r.body.items as Loose[]) {
      expect(e.reason).toBeNull();
      expect(e.details).toEqual({});
      // the state change itself is public
      expect([e.fromState, e.toState]).toEqual(['before', 'after']);
    }
    const text = JSON.stringify(r.body);
    for (const p of PRIVATE) expect(text).not.toContain(p);
    expect(text).not.toContain('confidential');
    // neither the earnings nor the votes, by key (a figure alone could occur inside a random id)
    expect(text).not.toMatch(/monthlyEarnings|"votes"|"against"/);
  });

  it('someone of another organisation is refused', async () => {
    const r = await historyAs(stranger);
    expect(r.status).toBe(403);
  });
});
