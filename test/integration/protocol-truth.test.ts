// The protocol is a true record (issue 10, point 6), through the API on every database: a meeting opens only with
// a chair (chair_required); items never taken up are recorded as not considered in the sealed protocol; a vote
// taken without the statute's quorum is not valid — the result says so, the motion is not adopted and the
// protocol marks it; times are in the organisation's zone (its statute's) in the protocol, the calendar file and
// the account the web app formats with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting } from '../support/assembly-factory.js';

describe.each(DB_KINDS)('the protocol tells the truth on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let po: { id: string; organisationId: string };
  const { people, account, who: as } = namedPeople(() => srv);
  const all = () => ['Alpha', 'Beta', 'Gamma', 'Chair'].map((n) => ({ id: people[n]!.id }));

  async function ok(res: Promise<{ status: number; body: Loose }>, status = 200): Promise<Loose> {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  }
  const revision = async (id: string) => (await ok(as('Chair').get(`/api/meetings/${id}`))).revision as number;

  async function sealedBody(meetingId: string, lang: 'en' | 'ru' = 'en'): Promise<string> {
    const draft = await ok(as('Chair').post(`/api/meetings/${meetingId}/protocol`, { lang }));
    const approved = await ok(
      as('Chair').post(`/api/meetings/${meetingId}/protocol/approve`, { version: draft.version }),
    );
    const sealed = await ok(
      as('Chair').post(`/api/meetings/${meetingId}/protocol/seal`, { version: approved.version }),
    );
    const rec = await srv.db
      .selectFrom('sealed_record')
      .select(['content'])
      .where('seq', '=', sealed.seal.seq)
      .executeTakeFirstOrThrow();
    return (JSON.parse(rec.content) as { body: string }).body;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    po = { ...(await makeBody(srv.db, org, 'primary_organisation', root)), organisationId: org.id };
    await account('Secretary', org, po, { secretaryOf: po });
    for (const n of ['Alpha', 'Beta', 'Gamma', 'Chair']) await account(n, org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('a meeting opens only with a chair: 422 chair_required, then open once the chair is named', async () => {
    const m = await makeMeeting(srv.db, { body: po, participants: all() });
    const refused = await as('Secretary').post(`/api/meetings/${m.id}/open`, { revision: await revision(m.id) });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'chair_required']);
    expect(refused.body.error.message).toMatch(/chair/);
    expect((await ok(as('Secretary').get(`/api/meetings/${m.id}`))).status).toBe('convened');
    await ok(
      as('Secretary').put(`/api/meetings/${m.id}/roles`, {
        roles: [{ personId: people.Chair!.id, role: 'chair', how: 'elected' }],
      }),
    );
    const opened = await ok(as('Secretary').post(`/api/meetings/${m.id}/open`, { revision: await revision(m.id) }));
    expect(opened.status).toBe('open');
  });

  it('items never taken up are sealed as not considered; only the item taken up is heard', async () => {
    const m = await makeMeeting(srv.db, {
      body: po,
      agenda: ['Report of the bureau', 'Election of the bureau', 'Any other business'],
      participants: all(),
      present: all(),
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Chair!.id }, role: 'secretary' },
      ],
      open: true,
    });
    await ok(as('Chair').post(`/api/meetings/${m.id}/close`, { revision: await revision(m.id) }));
    const en = await sealedBody(m.id);
    expect(en).toContain('1. HEARD: Report of the bureau.');
    expect(en).toContain(
      '2. NOT CONSIDERED: Election of the bureau\nThe meeting did not take up this item; it stays for a later meeting.',
    );
    expect(en).toContain('3. NOT CONSIDERED: Any other business');
    expect(en).not.toContain('HEARD: Election of the bureau');
    expect(en).not.toContain('HEARD: Any other business');
    expect(en.match(/Nobody else spoke\./g) ?? []).toHaveLength(1);
  });

  it('a vote without the quorum is not valid: the result, the motion and the protocol say so', async () => {
    // 4 voting participants, more than half needed: 3; only 2 present
    const two = [{ id: people.Alpha!.id }, { id: people.Chair!.id }];
    const m = await makeMeeting(srv.db, {
      body: po,
      agenda: ['Report of the bureau'],
      participants: all(),
      present: two,
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Chair!.id }, role: 'secretary' },
      ],
      open: true,
    });
    const item = m.items[0]!.id;
    const motion = await ok(
      as('Chair').post(`/api/meetings/${m.id}/motions`, {
        agendaItemId: item,
        title: 'On the report',
        text: 'The assembly approves the report of the bureau.',
        proposerLabel: 'Bureau of the organisation',
      }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${motion.id}/support`));
    const v = await ok(as('Chair').post(`/api/meetings/${m.id}/votes`, { method: 'open', motionId: motion.id }), 201);
    await ok(as('Chair').post(`/api/votes/${v.id}/open`));
    await ok(as('Chair').post(`/api/votes/${v.id}/count`, { counts: { for: 2, against: 0, abstain: 0 } }));
    const closed = await ok(as('Chair').post(`/api/votes/${v.id}/close`));
    expect(closed.result).toMatchObject({
      carried: false,
      present: 2,
      entitled: 4,
      quorum: { required: 3, reached: false },
    });
    // as every screen reads it
    expect((await ok(as('Alpha').get(`/api/votes/${v.id}`))).result.quorum).toEqual({ required: 3, reached: false });
    const motions = (await ok(as('Alpha').get(`/api/meetings/${m.id}/motions`))).items as Loose[];
    expect(motions.find((x) => x.id === motion.id)!.status).not.toBe('adopted');

    await ok(as('Chair').post(`/api/meetings/${m.id}/close`, { revision: await revision(m.id) }));
    const en = await sealedBody(m.id);
    expect(en).toContain('NO QUORUM');
    expect(en).toContain(
      'NOT VALID: NO QUORUM when the vote opened (2 voting participants present, 3 required); the vote decides nothing.',
    );
    expect(en).toContain('Motion 1 NOT ADOPTED: the vote on it was not valid for want of a quorum.');
    expect(en).not.toContain('Carried.');
  });

  it('with the quorum present the same vote carries and says the quorum was there', async () => {
    const three = [{ id: people.Alpha!.id }, { id: people.Beta!.id }, { id: people.Chair!.id }];
    const m = await makeMeeting(srv.db, {
      body: po,
      agenda: ['Report of the bureau'],
      participants: all(),
      present: three,
      roles: [{ person: { id: people.Chair!.id }, role: 'chair' }],
      open: true,
    });
    const v = await ok(
      as('Chair').post(`/api/meetings/${m.id}/votes`, {
        method: 'open',
        title: 'Adjourn',
        agendaItemId: m.items[0]!.id,
      }),
      201,
    );
    await ok(as('Chair').post(`/api/votes/${v.id}/open`));
    await ok(as('Chair').post(`/api/votes/${v.id}/count`, { counts: { for: 2, against: 1, abstain: 0 } }));
    const closed = await ok(as('Chair').post(`/api/votes/${v.id}/close`));
    expect(closed.result).toMatchObject({ carried: true, quorum: { required: 3, reached: true } });
  });

  it('times are in the organisation’s zone: 10:00 in Moscow prints 10:00, the calendar file has that instant', async () => {
    const m = await makeMeeting(srv.db, {
      body: po,
      startsAt: '2026-09-01T07:00:00.000Z',
      participants: all(),
      present: all(),
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Chair!.id }, role: 'secretary' },
      ],
      open: true,
    });
    expect((await ok(as('Alpha').get('/api/auth/me'))).timeZone).toBe('Europe/Moscow');
    const p = await ok(as('Chair').post(`/api/meetings/${m.id}/protocol`, { lang: 'en' }));
    expect(p.body).toContain('Date: 2026-09-01, 10:00 (time zone Europe/Moscow)');
    const ics = await as('Alpha').get(`/api/meetings/${m.id}/calendar.ics`);
    const text = String(ics.body);
    expect(text).toContain('DTSTART:20260901T070000Z');
    expect(text.replace(/\r?\n /g, '')).toContain('2026-09-01\\, 10:00 (Europe/Moscow)');
  });

  it('another organisation’s statute sets another zone, and protocol, calendar and account follow it', async () => {
    const far = await makeOrganisation(srv.db, { rules: { timeZone: 'Asia/Vladivostok' } });
    const root = await makeBody(srv.db, far, 'central_committee', null);
    const body = { ...(await makeBody(srv.db, far, 'primary_organisation', root)), organisationId: far.id };
    const chair = await account('Farchair', far, body);
    const m = await makeMeeting(srv.db, {
      body,
      startsAt: '2026-09-01T07:00:00.000Z',
      participants: [{ id: chair.id }],
      present: [{ id: chair.id }],
      roles: [
        { person: { id: chair.id }, role: 'chair' },
        { person: { id: chair.id }, role: 'secretary' },
      ],
      open: true,
    });
    expect((await ok(as('Farchair').get('/api/auth/me'))).timeZone).toBe('Asia/Vladivostok');
    const p = await ok(as('Farchair').post(`/api/meetings/${m.id}/protocol`, { lang: 'ru' }));
    expect(p.body).toContain('Дата: 2026-09-01, 17:00 (часовой пояс Asia/Vladivostok)');
    const ics = String((await as('Farchair').get(`/api/meetings/${m.id}/calendar.ics`)).body);
    expect(ics).toContain('DTSTART:20260901T070000Z');
    expect(ics.replace(/\r?\n /g, '')).toContain('17:00 (Asia/Vladivostok)');
  });
});
