// Meetings end to end through HTTP (issue 4, helper A): convening with the entitled participants materialised,
// check-in by personal code, hall code and name, guests, departures and late returns, quorum, concurrency of
// desks, the chair's moves with revision guards, the iCalendar file and "my meetings".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
const STARTS = '2031-09-01T16:00:00Z';

const assembly = (extra: Record<string, unknown> = {}) => ({
  kind: 'general_assembly',
  title: 'General assembly of the works organisation',
  startsAt: STARTS,
  place: 'Club of the works, hall 2',
  agenda: [{ title: 'Report of the bureau' }, { title: 'Admission of candidates' }, { title: 'Any other business' }],
  ...extra,
});

describe.each(DB_KINDS)('meetings on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let sec: TestClient;
  let m1: TestClient;
  let m2: TestClient;
  let outsider: TestClient;
  let foreign: TestClient;
  let districtSec: TestClient;

  const events = async (meetingId: string, personId?: string) => {
    let q = srv.db
      .selectFrom('attendance_event')
      .select(['person_id', 'kind', 'method'])
      .where('meeting_id', '=', meetingId)
      .orderBy('id');
    if (personId) q = q.where('person_id', '=', personId);
    return q.execute();
  };
  const revision = async (meetingId: string) =>
    (await srv.db.selectFrom('meeting').select('revision').where('id', '=', meetingId).executeTakeFirstOrThrow())
      .revision;
  const codeOf = async (meetingId: string, personId: string) =>
    (
      await srv.db
        .selectFrom('meeting_participant')
        .select('code')
        .where('meeting_id', '=', meetingId)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).code;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const po = await makeBody(db, org, 'primary_organisation', district);
    const cell = await makeBody(db, org, 'shop_cell', po);
    const otherPo = await makeBody(db, org, 'primary_organisation', district);
    const s = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, s, 'secretary');
    const a = await makePerson(db, org, po, { familyName: 'Alexeev' });
    const b = await makePerson(db, org, po, { familyName: 'Baranov' });
    const c = await makePerson(db, org, po, { familyName: 'Chistov' });
    const cand = await makePerson(db, org, po, { familyName: 'Candidate', status: 'candidate' });
    const cellMember = await makePerson(db, org, cell, { familyName: 'Cellmember' });
    const cellCand = await makePerson(db, org, cell, { familyName: 'Cellcandidate', status: 'candidate' });
    const nonMember = await makePerson(db, org, null, { familyName: 'Worker', status: 'non_member' });
    const x = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    const ds = await makePerson(db, org, district, { familyName: 'Districtsecretary' });
    await makeOffice(db, district, ds, 'secretary');

    const org2 = await makeOrganisation(db);
    const po2 = await makeBody(db, org2, 'primary_organisation', null);
    const f = await makePerson(db, org2, po2, { familyName: 'Foreign' });
    await makeOffice(db, po2, f, 'secretary');

    Object.assign(t, {
      org,
      district,
      po,
      cell,
      otherPo,
      s,
      a,
      b,
      c,
      cand,
      cellMember,
      cellCand,
      nonMember,
      x,
      ds,
      po2,
    });
    const accounts = [
      ['sec', s],
      ['m1', a],
      ['m2', b],
      ['out', x],
      ['foreign', f],
      ['dsec', ds],
    ] as const;
    for (const [login, person] of accounts)
      await srv.services.auth.createAccount({ personId: person.id, login, password: PASSWORD });
    [sec, m1, m2, outsider, foreign, districtSec] = accounts.map(() => srv.client()) as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
    const clients = [sec, m1, m2, outsider, foreign, districtSec];
    for (let i = 0; i < accounts.length; i++)
      expect((await clients[i]!.login(accounts[i]![0], PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('convenes a general assembly over the organisation and its cells: members vote, candidates advise', async () => {
    const res = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly());
    expect(res.status).toBe(201);
    const m = res.body;
    t.meeting = m;
    expect(m).toMatchObject({
      bodyId: t.po.id,
      kind: 'general_assembly',
      status: 'convened',
      entitled: 7,
      me: { convener: true, voice: 'voting', present: false },
      quorum: { entitledVoting: 5, presentVoting: 0, required: 3, reached: false },
    });
    expect(m.agenda.map((i: Loose) => [i.position, i.title, i.status])).toEqual([
      [1, 'Report of the bureau', 'pending'],
      [2, 'Admission of candidates', 'pending'],
      [3, 'Any other business', 'pending'],
    ]);
    expect(m.roles).toEqual([]);
    expect(m.hallCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const rows = await srv.db
      .selectFrom('meeting_participant')
      .select(['person_id', 'voice', 'code'])
      .where('meeting_id', '=', m.id)
      .execute();
    const voice = Object.fromEntries(rows.map((r) => [r.person_id, r.voice]));
    expect(voice).toEqual({
      [t.s.id]: 'voting',
      [t.a.id]: 'voting',
      [t.b.id]: 'voting',
      [t.c.id]: 'voting',
      [t.cellMember.id]: 'voting',
      [t.cand.id]: 'consultative',
      [t.cellCand.id]: 'consultative',
    });
    expect(new Set(rows.map((r) => r.code)).size).toBe(7);
    for (const r of rows) expect(r.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const outbox = await srv.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'meeting.convened')
      .execute();
    expect(outbox.map((o) => (typeof o.payload === 'string' ? JSON.parse(o.payload) : o.payload))).toContainEqual(
      expect.objectContaining({ meetingId: m.id, bodyId: t.po.id }),
    );

    // A participant sees their own code but not the hall code.
    const mine = await m1.get(`/api/meetings/${m.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.me).toMatchObject({ convener: false, voice: 'voting', code: await codeOf(m.id, t.a.id) });
    expect(mine.body.hallCode).toBeNull();
    expect((await outsider.get(`/api/meetings/${m.id}`)).status).toBe(403);
    expect((await foreign.get(`/api/meetings/${m.id}`)).status).toBe(404);
  });

  it('refuses a meeting kind the statute does not give the body, and anyone not managing the body', async () => {
    const before = await srv.db.selectFrom('meeting').select('id').execute();
    const wrong = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ kind: 'congress' }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('meeting_kind_not_allowed');
    expect(wrong.body.error.details).toMatchObject({ bodyKind: 'primary_organisation' });
    const member = await m1.post(`/api/bodies/${t.po.id}/meetings`, assembly());
    expect(member.status).toBe(403);
    const other = await outsider.post(`/api/bodies/${t.po.id}/meetings`, assembly());
    expect(other.status).toBe(403);
    const abroad = await foreign.post(`/api/bodies/${t.po.id}/meetings`, assembly());
    expect(abroad.status).toBe(404);
    const noDelegates = await districtSec.post(
      `/api/bodies/${t.district.id}/meetings`,
      assembly({ kind: 'conference' }),
    );
    expect(noDelegates.status).toBe(422);
    expect(noDelegates.body.error.code).toBe('meeting_delegates_required');
    expect(await srv.db.selectFrom('meeting').select('id').execute()).toEqual(before);
  });

  it('a conference is attended by the delegates listed', async () => {
    const res = await districtSec.post(
      `/api/bodies/${t.district.id}/meetings`,
      assembly({ kind: 'conference', title: 'District conference', delegateIds: [t.a.id, t.x.id, t.a.id] }),
    );
    expect(res.status).toBe(201);
    expect(res.body.quorum).toMatchObject({ entitledVoting: 2, required: 2 });
    const unknown = await districtSec.post(
      `/api/bodies/${t.district.id}/meetings`,
      assembly({ kind: 'conference', delegateIds: [t.a.id, '01900000-0000-7000-8000-000000000000'] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('meeting_person_unknown');
  });

  it("a bureau session is attended by the bureau's current office holders", async () => {
    const bureau = await makeBody(srv.db, t.org, 'bureau', t.district);
    await makeOffice(srv.db, bureau, t.ds, 'secretary');
    await makeOffice(srv.db, bureau, t.a, 'member');
    await makeOffice(srv.db, bureau, t.b, 'member', { endsOn: '2020-01-01' });
    const res = await districtSec.post(
      `/api/bodies/${bureau.id}/meetings`,
      assembly({ kind: 'bureau_session', title: 'Session of the bureau' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.quorum).toMatchObject({ entitledVoting: 2, required: 2 });
    const ids = await srv.db
      .selectFrom('meeting_participant')
      .select('person_id')
      .where('meeting_id', '=', res.body.id)
      .execute();
    expect(ids.map((r) => r.person_id).sort()).toEqual([t.ds.id, t.a.id].sort());
  });

  it('checks in by personal code, by hall code on a phone and by name; quorum at exactly more than half', async () => {
    const id = t.meeting.id;
    const byCode = await sec.post(`/api/meetings/${id}/check-in`, {
      code: (await codeOf(id, t.a.id)).toLowerCase().replace('-', ' '),
    });
    expect(byCode.status).toBe(200);
    expect(byCode.body.participant).toMatchObject({ personId: t.a.id, present: true, voice: 'voting' });
    expect(byCode.body.quorum).toMatchObject({ presentVoting: 1, reached: false });
    const unknown = await sec.post(`/api/meetings/${id}/check-in`, { code: 'ZZZZ-ZZZZ' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('check_in_code_unknown');
    expect((await m2.post(`/api/meetings/${id}/check-in`, { code: await codeOf(id, t.c.id) })).status).toBe(403);

    const hallCode = t.meeting.hallCode as string;
    const wrongHall = await m2.post(`/api/meetings/${id}/check-in`, {
      hallCode: 'ABCD-EFGH' === hallCode ? 'ABCD-EFGJ' : 'ABCD-EFGH',
    });
    expect(wrongHall.status).toBe(422);
    expect(wrongHall.body.error.code).toBe('hall_code_wrong');
    const notMine = await outsider.post(`/api/meetings/${id}/check-in`, { hallCode });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('meeting_not_participant');
    const self = await m2.post(`/api/meetings/${id}/check-in`, { hallCode });
    expect(self.status).toBe(200);
    expect(self.body.participant).toMatchObject({ personId: t.b.id, present: true });
    expect(self.body.quorum).toMatchObject({ presentVoting: 2, required: 3, reached: false });

    // a candidate present does not make the quorum
    const cand = await sec.post(`/api/meetings/${id}/check-in`, { personId: t.cand.id });
    expect(cand.body.quorum).toMatchObject({ presentVoting: 2, presentConsultative: 1, reached: false });

    const byName = await sec.post(`/api/meetings/${id}/check-in`, { personId: t.c.id });
    expect(byName.status).toBe(200);
    expect(byName.body.quorum).toMatchObject({ presentVoting: 3, required: 3, reached: true });

    expect((await events(id)).map((e) => [e.person_id, e.kind, e.method])).toEqual([
      [t.a.id, 'in', 'code'],
      [t.b.id, 'in', 'hall_code'],
      [t.cand.id, 'in', 'secretariat'],
      [t.c.id, 'in', 'secretariat'],
    ]);
    const attendanceOutbox = await srv.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'meeting.attendance')
      .execute();
    expect(attendanceOutbox.length).toBe(4);
    for (const o of attendanceOutbox) {
      const p = typeof o.payload === 'string' ? JSON.parse(o.payload) : o.payload;
      expect(Object.keys(p).sort()).toEqual(['meetingId', 'revision']);
    }

    const list = await sec.get(`/api/meetings/${id}/participants?present=yes`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    const search = await sec.get(`/api/meetings/${id}/participants?q=chis`);
    expect(search.body.items.map((p: Loose) => p.personId)).toEqual([t.c.id]);
    expect((await m1.get(`/api/meetings/${id}/participants`)).status).toBe(403);
  });

  it('checking in someone present changes nothing; a departure and a late return are recorded', async () => {
    const id = t.meeting.id;
    const rev = await revision(id);
    const again = await sec.post(`/api/meetings/${id}/check-in`, { personId: t.a.id });
    expect(again.status).toBe(200);
    expect(again.body.participant.present).toBe(true);
    expect(await revision(id)).toBe(rev);
    expect(await events(id, t.a.id)).toHaveLength(1);

    const out = await m1.post(`/api/meetings/${id}/check-out`, {});
    expect(out.status).toBe(200);
    expect(out.body.participant).toMatchObject({ present: false });
    expect(out.body.participant.leftAt).not.toBeNull();
    expect(out.body.quorum).toMatchObject({ presentVoting: 2, reached: false });
    expect((await m1.post(`/api/meetings/${id}/check-out`, {})).status).toBe(200);
    const back = await sec.post(`/api/meetings/${id}/check-in`, { code: await codeOf(id, t.a.id) });
    expect(back.body.participant).toMatchObject({ present: true, leftAt: null });
    expect(back.body.quorum.reached).toBe(true);
    expect((await events(id, t.a.id)).map((e) => e.kind)).toEqual(['in', 'out', 'in']);
    // only the desk checks out someone else
    expect((await m2.post(`/api/meetings/${id}/check-out`, { personId: t.a.id })).status).toBe(403);
  });

  it('two desks checking in the same person at once: one arrival', async () => {
    const id = t.meeting.id;
    const [r1, r2] = await Promise.all([
      sec.post(`/api/meetings/${id}/check-in`, { personId: t.cellMember.id }),
      sec.post(`/api/meetings/${id}/check-in`, { code: await codeOf(id, t.cellMember.id) }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(await events(id, t.cellMember.id)).toHaveLength(1);
    const p = await srv.db
      .selectFrom('meeting_participant')
      .select('present')
      .where('meeting_id', '=', id)
      .where('person_id', '=', t.cellMember.id)
      .executeTakeFirstOrThrow();
    expect(p.present).toBe(true);
  });

  it('admits guests only where the statute does', async () => {
    const refused = await sec.post(`/api/meetings/${t.meeting.id}/check-in`, {
      personId: t.nonMember.id,
      asGuest: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('meeting_guests_not_admitted');
    const notEntitled = await sec.post(`/api/meetings/${t.meeting.id}/check-in`, { personId: t.nonMember.id });
    expect(notEntitled.body.error.code).toBe('meeting_person_not_entitled');

    const open = await sec.post(
      `/api/bodies/${t.po.id}/meetings`,
      assembly({ kind: 'open_meeting', title: 'Open meeting on the plan' }),
    );
    expect(open.status).toBe(201);
    expect(open.body.quorum).toMatchObject({ required: 0, reached: true });
    const guest = await sec.post(`/api/meetings/${open.body.id}/check-in`, { personId: t.nonMember.id, asGuest: true });
    expect(guest.status).toBe(200);
    expect(guest.body.participant).toMatchObject({ personId: t.nonMember.id, voice: 'guest', present: true });
    expect(guest.body.quorum).toMatchObject({ presentGuests: 1, presentVoting: 0 });
    expect(await codeOf(open.body.id, t.nonMember.id)).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect((await sec.get(`/api/meetings/${open.body.id}`)).body.entitled).toBe(7);
  });

  it("convening puts the meeting among the participants' own at once; the notice may be sent again; the calendar file describes it", async () => {
    const id = t.meeting.id;
    // convened, not yet open, nothing else done: a member of the body already finds it, with agenda, place, notice
    const mine = await m1.get('/api/me/meetings');
    expect(mine.status).toBe(200);
    const item = (mine.body.items as Loose[]).find((m) => m.id === id);
    expect(item).toMatchObject({
      status: 'convened',
      place: 'Club of the works, hall 2',
      startsAt: '2031-09-01T16:00:00.000Z',
      agendaTitles: ['Report of the bureau', 'Admission of candidates', 'Any other business'],
      urgent: false,
    });
    expect(Date.now() - Date.parse(item!.noticeSentAt)).toBeLessThan(10 * 60_000);
    expect((await outsider.get('/api/me/meetings')).body.items.map((m: Loose) => m.id)).not.toContain(id);
    // sending the notice again keeps the date of the first notice, and tells every open page
    const n = await sec.post(`/api/meetings/${id}/notice`);
    expect(n.status).toBe(200);
    expect(n.body.noticeSentAt).toBe(item!.noticeSentAt);
    expect((await m1.post(`/api/meetings/${id}/notice`)).status).toBe(403);
    const notice = await srv.db.selectFrom('outbox').select('payload').where('topic', '=', 'meeting.notice').execute();
    const payload = notice.map((o) => (typeof o.payload === 'string' ? JSON.parse(o.payload) : o.payload));
    expect(payload).toEqual([{ meetingId: id, bodyId: t.po.id, revision: expect.any(Number) }]);

    const body = await sec.get(`/api/bodies/${t.po.id}/meetings?when=upcoming`);
    expect(body.body.items.map((m: Loose) => m.id)).toContain(id);
    expect((await outsider.get(`/api/bodies/${t.po.id}/meetings`)).body.items).toEqual([]);

    const ics = await m1.get(`/api/meetings/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="meeting-2031-09-01.ics"');
    const text = String(ics.body);
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:${id}@antaeus`);
    expect(text).toContain('SUMMARY:General assembly of the works organisation');
    expect(text).toContain('LOCATION:Club of the works\\, hall 2');
    expect(text).toContain('DTSTART:20310901T160000Z');
    expect(text).toContain('DTEND:20310901T180000Z');
    expect(text).toContain('Report of the bureau');
    expect((await outsider.get(`/api/meetings/${id}/calendar.ics`)).status).toBe(403);
  });

  it('roles: one chair, who must be a participant; staff may be anyone of the organisation', async () => {
    const id = t.meeting.id;
    const two = await sec.put(`/api/meetings/${id}/roles`, {
      roles: [
        { personId: t.a.id, role: 'chair' },
        { personId: t.b.id, role: 'chair' },
      ],
    });
    expect(two.body.error.code).toBe('meeting_one_chair');
    const outsiderChair = await sec.put(`/api/meetings/${id}/roles`, { roles: [{ personId: t.x.id, role: 'chair' }] });
    expect(outsiderChair.status).toBe(422);
    expect(outsiderChair.body.error.code).toBe('meeting_role_needs_participant');
    expect((await m1.put(`/api/meetings/${id}/roles`, { roles: [] })).status).toBe(403);
    const ok = await sec.put(`/api/meetings/${id}/roles`, {
      roles: [
        { personId: t.a.id, role: 'chair', how: 'elected' },
        { personId: t.b.id, role: 'presidium', how: 'elected' },
        { personId: t.x.id, role: 'secretariat' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.roles.map((r: Loose) => [r.personId, r.role, r.how])).toEqual([
      [t.a.id, 'chair', 'elected'],
      [t.b.id, 'presidium', 'elected'],
      [t.x.id, 'secretariat', 'appointed'],
    ]);
    const chairView = await m1.get(`/api/meetings/${id}`);
    expect(chairView.body.me).toMatchObject({ chair: true, convener: false });
    expect(chairView.body.hallCode).toBe(t.meeting.hallCode);
    // the secretariat keeps the desk now, though not a participant
    expect((await outsider.get(`/api/meetings/${id}/participants`)).status).toBe(200);
  });

  it('the chair opens, advances and closes; stale revisions are refused; no edits once open', async () => {
    const id = t.meeting.id;
    const rev = await revision(id);
    const stale = await m1.post(`/api/meetings/${id}/open`, { revision: rev - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('meeting_conflict');
    expect((await m2.post(`/api/meetings/${id}/open`, { revision: rev })).status).toBe(403);

    const edit = await sec.patch(`/api/meetings/${id}`, { place: 'Main hall', agenda: [{ title: 'One item' }] });
    expect(edit.status).toBe(200);
    expect(edit.body.place).toBe('Main hall');
    expect(edit.body.agenda.map((i: Loose) => i.title)).toEqual(['One item']);
    const restored = await sec.patch(`/api/meetings/${id}`, {
      place: 'Club of the works, hall 2',
      agenda: assembly().agenda,
    });
    expect(restored.body.agenda).toHaveLength(3);
    const badEnd = await sec.patch(`/api/meetings/${id}`, { endsAt: '2031-09-01T15:00:00Z' });
    expect(badEnd.body.error.code).toBe('meeting_ends_before_start');

    const opened = await m1.post(`/api/meetings/${id}/open`, { revision: restored.body.revision });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.openedAt).not.toBeNull();
    expect(opened.body.agenda.map((i: Loose) => i.status)).toEqual(['current', 'pending', 'pending']);
    expect(opened.body.revision).toBeGreaterThan(restored.body.revision);

    const late = await sec.patch(`/api/meetings/${id}`, { place: 'Elsewhere' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('meeting_already_open');
    expect((await sec.post(`/api/meetings/${id}/cancel`, { revision: opened.body.revision })).status).toBe(422);

    const staleAdvance = await m1.post(`/api/meetings/${id}/agenda/advance`, { revision: restored.body.revision });
    expect(staleAdvance.status).toBe(409);
    const adv = await m1.post(`/api/meetings/${id}/agenda/advance`, { revision: opened.body.revision });
    expect(adv.body.agenda.map((i: Loose) => i.status)).toEqual(['done', 'current', 'pending']);
    const third = adv.body.agenda[2].id;
    const jump = await m1.post(`/api/meetings/${id}/agenda/current`, { revision: adv.body.revision, itemId: third });
    expect(jump.body.agenda.map((i: Loose) => i.status)).toEqual(['done', 'done', 'current']);
    const wrongItem = await m1.post(`/api/meetings/${id}/agenda/current`, {
      revision: jump.body.revision,
      itemId: t.meeting.id,
    });
    expect(wrongItem.body.error.code).toBe('agenda_item_not_found');

    // a speaker on the floor and one waiting when the meeting closes
    const item = jump.body.agenda[2].id;
    await srv.db
      .insertInto('speaker_request')
      .values([
        {
          id: crypto.randomUUID(),
          meeting_id: id,
          agenda_item_id: item,
          person_id: t.a.id,
          kind: 'speech',
          status: 'speaking',
          position: 1,
          limit_seconds: 600,
        },
        {
          id: crypto.randomUUID(),
          meeting_id: id,
          agenda_item_id: item,
          person_id: t.b.id,
          kind: 'speech',
          status: 'waiting',
          position: 2,
          limit_seconds: 600,
        },
      ])
      .execute();
    const staleClose = await m1.post(`/api/meetings/${id}/close`, { revision: adv.body.revision });
    expect(staleClose.status).toBe(409);
    const closed = await m1.post(`/api/meetings/${id}/close`, { revision: jump.body.revision });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.agenda.map((i: Loose) => i.status)).toEqual(['done', 'done', 'done']);
    const floor = await srv.db
      .selectFrom('speaker_request')
      .select(['person_id', 'status'])
      .where('meeting_id', '=', id)
      .orderBy('position')
      .execute();
    expect(floor.map((f) => f.status)).toEqual(['done', 'withdrawn']);

    const after = await sec.post(`/api/meetings/${id}/check-in`, { personId: t.s.id });
    expect(after.status).toBe(422);
    expect(after.body.error.code).toBe('meeting_already_closed');
    // closed lately: still among the participant's meetings
    expect((await m2.get('/api/me/meetings')).body.items.map((m: Loose) => m.id)).toContain(id);
  });

  it('cancels a meeting not yet open', async () => {
    const res = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ title: 'To be called off' }));
    const c = await sec.post(`/api/meetings/${res.body.id}/cancel`, { revision: res.body.revision });
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('cancelled');
    const check = await sec.post(`/api/meetings/${res.body.id}/check-in`, { personId: t.a.id });
    expect(check.body.error.code).toBe('meeting_already_closed');
  });

  it('materialises thousands of members in one go', async () => {
    const big = await makeBody(srv.db, t.org, 'primary_organisation', t.district);
    await sql`insert into person (id, organisation_id, family_name, given_name, sex, birth_year, social_position,
        status, body_id, joined_on, candidate_since)
      select gen_random_uuid(), ${t.org.id}, 'Putilovets' || g, 'Ivan', 'm', 1900, 'worker',
        case when g % 10 = 0 then 'candidate' else 'member' end, ${big.id}, '1930-01-01',
        case when g % 10 = 0 then '1933-01-01'::date end
      from generate_series(1, 4400) g`.execute(srv.db);
    const started = Date.now();
    const res = await districtSec.post(`/api/bodies/${big.id}/meetings`, assembly());
    const ms = Date.now() - started;
    expect(res.status).toBe(201);
    expect(res.body.entitled).toBe(4400);
    expect(res.body.quorum).toMatchObject({ entitledVoting: 3960, required: 1981 });
    const { rows } = await sql<{ n: number }>`select count(distinct code)::int as n from meeting_participant
      where meeting_id = ${res.body.id}`.execute(srv.db);
    expect(Number(rows[0]!.n)).toBe(4400);
    expect(ms).toBeLessThan(15_000);
  });
  it('a meeting dated before the first statute on record still shows, with the earliest rules (review)', async () => {
    const res = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ title: 'Before the statute' }));
    expect(res.status).toBe(201);
    const id = res.body.id;
    // the test statute is in force from 1934-02-10
    const moved = await sec.patch(`/api/meetings/${id}`, { startsAt: '1927-03-14T15:00:00Z', urgent: true });
    expect(moved.status).toBe(200);
    expect(moved.body.quorum).toMatchObject({ entitledVoting: 5, required: 3 });
    expect((await m1.get(`/api/meetings/${id}`)).status).toBe(200);
    const live = await m1.get(`/api/meetings/${id}/live`);
    expect(live.status).toBe(200);
    expect(live.body.quorum).toMatchObject({ entitledVoting: 5, required: 3 });
  });

  it('refuses bad input with a 4xx, never a 500 (review)', async () => {
    const res = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ title: 'Bad input' }));
    const id = res.body.id;
    const yearZero = await sec.patch(`/api/meetings/${id}`, { startsAt: '0000-01-01T00:00:00Z' });
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.error.code).toBe('validation_failed');
    const nul = await sec.patch(`/api/meetings/${id}`, { title: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('validation_failed');
    const nulDoc = await sec.patch(`/api/meetings/${id}`, {
      agenda: [{ title: 'x', documents: [{ title: 'd', text: 'a\u0000b' }] }],
    });
    expect(nulDoc.status).toBe(400);
    const nulCode = await sec.post(`/api/meetings/${id}/check-in`, { code: '\u0000\u0000\u0000\u0000' });
    expect(nulCode.status).toBe(400);
    // the same instant written with two offsets: the end is after the start
    const offsets = await sec.post(
      `/api/bodies/${t.po.id}/meetings`,
      assembly({ startsAt: '2031-09-01T10:00:00+03:00', endsAt: '2031-09-01T08:00:00Z' }),
    );
    expect(offsets.status).toBe(201);
    const before = await sec.post(
      `/api/bodies/${t.po.id}/meetings`,
      assembly({ startsAt: '2031-09-01T10:00:00Z', endsAt: '2031-09-01T12:00:00+03:00' }),
    );
    expect(before.status).toBe(400);
  });
  it('a member of the body sees a convened meeting with its agenda, place and calendar file; members of other bodies do not', async () => {
    const res = await sec.post(
      `/api/bodies/${t.cell.id}/meetings`,
      assembly({
        kind: 'shop_cell_meeting',
        title: 'Meeting of the shop cell',
        place: 'Red corner of the rolling shop',
        agenda: [{ title: 'The plan of the rolling shop' }, { title: 'Wall newspaper' }],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    expect(res.body).toMatchObject({ status: 'convened', urgent: false });
    expect(res.body.noticeSentAt).not.toBeNull();

    const cellMember = srv.client();
    await srv.services.auth.createAccount({ personId: t.cellMember.id, login: 'cellmember', password: PASSWORD });
    expect((await cellMember.login('cellmember', PASSWORD)).status).toBe(200);
    const mine = await cellMember.get('/api/me/meetings?when=upcoming');
    expect(mine.status).toBe(200);
    const item = (mine.body.items as Loose[]).find((m) => m.id === id);
    expect(item).toMatchObject({
      title: 'Meeting of the shop cell',
      status: 'convened',
      place: 'Red corner of the rolling shop',
      agendaTitles: ['The plan of the rolling shop', 'Wall newspaper'],
    });
    const ics = await cellMember.get(`/api/meetings/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = String(ics.body);
    expect(text).toContain(`UID:${id}@antaeus`);
    expect(text).toContain('LOCATION:Red corner of the rolling shop');
    expect(text).toContain('The plan of the rolling shop');
    expect((await cellMember.get(`/api/meetings/${id}`)).body.agenda).toHaveLength(2);

    // members of the primary organisation outside the cell, and of another organisation, are not entitled
    for (const other of [m1, outsider]) {
      const theirs = await other.get('/api/me/meetings');
      expect(theirs.body.items.map((m: Loose) => m.id)).not.toContain(id);
      expect((await other.get(`/api/meetings/${id}/calendar.ics`)).status).toBe(403);
    }
  });

  it("refuses to convene at shorter notice than the statute's notice days, unless the meeting is urgent", async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString(); // a general assembly needs 3 days
    const before = await srv.db.selectFrom('meeting').select('id').execute();
    const refused = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ title: 'Too soon', startsAt: soon }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('meeting_notice_too_short');
    expect(refused.body.error.details.noticeDays).toBe(3);
    expect(Date.parse(refused.body.error.details.earliestStart) - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(refused.body.error.message).toMatch(/3 days' notice/);
    const past = await sec.post(
      `/api/bodies/${t.po.id}/meetings`,
      assembly({ title: 'In the past', startsAt: '2020-01-01T10:00:00Z' }),
    );
    expect(past.body.error.code).toBe('meeting_notice_too_short');
    const conference = await districtSec.post(
      `/api/bodies/${t.district.id}/meetings`,
      assembly({
        kind: 'conference',
        title: 'Conference in a fortnight',
        startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        delegateIds: [t.a.id],
      }),
    );
    expect(conference.body.error).toMatchObject({ code: 'meeting_notice_too_short', details: { noticeDays: 30 } });
    expect(await srv.db.selectFrom('meeting').select('id').execute()).toEqual(before);

    // an urgent (extraordinary) meeting may be called at short notice, and says so
    const urgent = await sec.post(
      `/api/bodies/${t.po.id}/meetings`,
      assembly({ title: 'Extraordinary meeting', startsAt: soon, urgent: true }),
    );
    expect(urgent.status).toBe(201);
    expect(urgent.body.urgent).toBe(true);
    expect((await m1.get('/api/me/meetings')).body.items.find((m: Loose) => m.id === urgent.body.id)).toMatchObject({
      urgent: true,
    });
    // a bureau session needs no notice days
    const bureau = await makeBody(srv.db, t.org, 'bureau', t.po);
    await makeOffice(srv.db, bureau, t.s, 'secretary');
    const session = await sec.post(
      `/api/bodies/${bureau.id}/meetings`,
      assembly({
        kind: 'bureau_session',
        title: 'Session today',
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    );
    expect(session.status, JSON.stringify(session.body)).toBe(201);

    // moving a meeting closer than the notice allows is refused too; an urgent one may move
    const ok = await sec.post(`/api/bodies/${t.po.id}/meetings`, assembly({ title: 'On time' }));
    expect(ok.status).toBe(201);
    const moved = await sec.patch(`/api/meetings/${ok.body.id}`, { startsAt: soon });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('meeting_notice_too_short');
    expect((await sec.get(`/api/meetings/${ok.body.id}`)).body.startsAt).toBe('2031-09-01T16:00:00.000Z');
    const later = await sec.patch(`/api/meetings/${ok.body.id}`, { startsAt: '2031-10-01T16:00:00Z' });
    expect(later.status).toBe(200);
    // dropping the urgency of a meeting at short notice is refused
    const unmark = await sec.patch(`/api/meetings/${urgent.body.id}`, { urgent: false });
    expect(unmark.body.error.code).toBe('meeting_notice_too_short');
    const moveUrgent = await sec.patch(`/api/meetings/${urgent.body.id}`, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(moveUrgent.status).toBe(200);
  });
});
