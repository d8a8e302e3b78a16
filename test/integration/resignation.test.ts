// Resignation end to end through HTTP (seed 004): reasons kept verbatim, discussion, acceptance by vote (the
// member leaves), withdrawal, and refusals in the wrong state or scope with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
// Kept exactly as written: leading spaces, line breaks, trailing spaces.
const PETRZHEK =
  '  I consider it impossible to remain in the party.\n\nThe reasons: the tops and the rank-and-file live apart;  \n' +
  'I cannot vote for what I do not believe.   ';

describe.each(DB_KINDS)('resignations on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let sec: TestClient;
  let petrzhek: TestClient;
  let other: TestClient;
  let outsider: TestClient;

  const snapshot = async () => ({
    resignations: await srv.db.selectFrom('resignation').selectAll().orderBy('id').execute(),
    persons: await srv.db
      .selectFrom('person')
      .select(['id', 'status', 'body_id', 'left_on', 'left_reason'])
      .orderBy('id')
      .execute(),
    decisions: (await srv.db.selectFrom('decision').select('id').execute()).length,
  });

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const po = await makeBody(db, org, 'primary_organisation', district);
    const otherPo = await makeBody(db, org, 'primary_organisation', district);
    const s = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, s, 'secretary');
    const p = await makePerson(db, org, po, { familyName: 'Petrzhek', joinedOn: '1920-01-01', cardNumber: 'P-1922' });
    const o = await makePerson(db, org, po, { familyName: 'Other' });
    const x = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    await makeOffice(db, otherPo, x, 'secretary');
    Object.assign(t, { po, petrzhek: p, other: o });
    for (const [login, person] of [
      ['sec', s],
      ['petrzhek', p],
      ['other', o],
      ['out', x],
    ] as const)
      await srv.services.auth.createAccount({ personId: person.id, login, password: PASSWORD });
    sec = srv.client();
    petrzhek = srv.client();
    other = srv.client();
    outsider = srv.client();
    for (const [c, l] of [
      [sec, 'sec'],
      [petrzhek, 'petrzhek'],
      [other, 'other'],
      [outsider, 'out'],
    ] as const)
      expect((await c.login(l, PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('a member resigns, discussed, then accepted by vote: the member leaves', async () => {
    const sub = await petrzhek.post('/api/resignations', { reasons: PETRZHEK, submittedOn: '2026-01-10' });
    expect(sub.status).toBe(201);
    expect(sub.body.state).toBe('submitted');
    expect(sub.body.reasons).toBe(PETRZHEK);
    const id = sub.body.id;
    t.id = id;

    const dup = await petrzhek.post('/api/resignations', { reasons: 'again', submittedOn: '2026-01-11' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('resignation_already_open');

    let before = await snapshot();
    const tooSoon = await sec.post(`/api/resignations/${id}/acceptance`, {
      takenOn: '2026-01-20',
      votes: { for: 10, against: 1, abstained: 0 },
      reasons: 'Accepted',
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error.code).toBe('resignation_not_discussed');
    expect(
      (await outsider.post(`/api/resignations/${id}/discussion`, { discussedOn: '2026-01-20', discussion: 'x' }))
        .status,
    ).toBe(403);
    expect((await other.get(`/api/resignations/${id}`)).status).toBe(403);
    expect(await snapshot()).toEqual(before);

    const list = await sec.get(`/api/resignations?bodyId=${t.po.id}`);
    expect(list.body.items.map((r: Loose) => r.id)).toEqual([id]);

    const disc = await sec.post(`/api/resignations/${id}/discussion`, {
      discussedOn: '2026-01-20',
      discussion: 'The assembly heard comrade Petrzhek; several spoke.',
    });
    expect(disc.status).toBe(200);
    expect(disc.body.state).toBe('discussed');

    before = await snapshot();
    const lost = await sec.post(`/api/resignations/${id}/acceptance`, {
      takenOn: '2026-01-25',
      votes: { for: 3, against: 5, abstained: 0 },
      reasons: 'Not accepted',
    });
    expect(lost.body.error.code).toBe('resignation_vote_not_carried');
    expect(await snapshot()).toEqual(before);

    const acc = await sec.post(`/api/resignations/${id}/acceptance`, {
      takenOn: '2026-01-25',
      votes: { for: 30, against: 2, abstained: 1 },
      reasons: 'The assembly accepts the resignation.',
    });
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({
      state: 'accepted',
      decidedOn: '2026-01-25',
      votes: { for: 30, against: 2, abstained: 1 },
    });
    expect(acc.body.reasons).toBe(PETRZHEK);
    const person = await srv.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', t.petrzhek.id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      status: 'non_member',
      left_on: '2026-01-25',
      left_reason: 'resigned',
      body_id: null,
      last_body_id: t.po.id,
    });
    const audit = await srv.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'resignation.submitted',
      'resignation.discussed',
      'resignation.accepted',
    ]);

    before = await snapshot();
    const late = await petrzhek.post(`/api/resignations/${id}/withdrawal`, { withdrawnOn: '2026-01-26' });
    expect(late.body.error.code).toBe('resignation_closed');
    expect(await snapshot()).toEqual(before);
  });

  it('a member withdraws their resignation; only they may', async () => {
    const sub = await other.post('/api/resignations', { reasons: 'Tired.', submittedOn: '2026-02-01' });
    expect(sub.status).toBe(201);
    expect((await sec.post(`/api/resignations/${sub.body.id}/withdrawal`, { withdrawnOn: '2026-02-02' })).status).toBe(
      403,
    );
    const w = await other.post(`/api/resignations/${sub.body.id}/withdrawal`, { withdrawnOn: '2026-02-02' });
    expect(w.status).toBe(200);
    expect(w.body.state).toBe('withdrawn');
    const p = await srv.db.selectFrom('person').select('status').where('id', '=', t.other.id).executeTakeFirstOrThrow();
    expect(p.status).toBe('member');
  });
});
