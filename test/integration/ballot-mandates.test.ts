// Delegates' mandates at a higher conference over HTTP: entered from a paper protocol or issued by an election
// below, checked by the credentials commission (or the convening body's secretaries) only, confirmed within the
// electing body's quota under the norm of representation, rejected with a reason; a confirmed mandate seats the
// delegate (a participant with a voice, counted by the quorum); rejecting it un-seats only before the opening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeMembers, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { makeMeeting, setMeetingStatus, type MadeMeeting } from '../support/assembly-factory.js';
import { namedPeople } from '../support/accounts.js';

describe.each(DB_KINDS)('mandates on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  let po1: MadeBody;
  let po2: MadeBody;
  let po3: MadeBody;
  let elsewhere: MadeBody;
  let conference: MadeMeeting;
  let assembly: MadeMeeting;
  let members1: { id: string }[];
  let members2: { id: string }[];
  let members3: { id: string }[];
  const { account, who, id } = namedPeople(() => srv);

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    const other = await makeBody(srv.db, org, 'district_committee', root);
    po1 = await makeBody(srv.db, org, 'primary_organisation', district);
    po2 = await makeBody(srv.db, org, 'primary_organisation', district);
    po3 = await makeBody(srv.db, org, 'primary_organisation', district);
    elsewhere = await makeBody(srv.db, org, 'primary_organisation', other);
    // The district committee's own staff: the secretary (manages the subtree), the credentials commission,
    // a member of the presidium (a delegate listed at convening, no role in checking mandates).
    await account('Secretary', org, district, { secretaryOf: district });
    await account('Cred', org, district);
    await account('Presidium', org, district);
    // 60 full members in po1 (3 delegates at one per 25), 30 in po2 (2 delegates), and a candidate member.
    members1 = await makeMembers(srv.db, org, po1, 60);
    members2 = await makeMembers(srv.db, org, po2, 30);
    await makeMembers(srv.db, org, elsewhere, 5);
    members3 = await makeMembers(srv.db, org, po3, 3);
    await makePerson(srv.db, org, po1, { status: 'candidate', familyName: 'Candidate' });

    conference = await makeMeeting(srv.db, {
      body: { id: district.id, organisationId: org.id },
      kind: 'conference',
      title: 'District conference',
      participants: [{ id: id('Presidium') }],
      roles: [{ person: { id: id('Cred') }, role: 'credentials' }],
    });
    assembly = await makeMeeting(srv.db, {
      body: { id: po1.id, organisationId: org.id },
      roles: [{ person: { id: id('Cred') }, role: 'credentials' }],
    });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const enter = (by: string, personId: string, fromBodyId: string, extra: Record<string, unknown> = {}) =>
    who(by).post(`/api/meetings/${conference.id}/mandates`, { personId, fromBodyId, ...extra });
  const check = (by: string, mandateId: string, body: Record<string, unknown>) =>
    who(by).post(`/api/mandates/${mandateId}/check`, body);
  const participant = (personId: string) =>
    srv.db
      .selectFrom('meeting_participant')
      .selectAll()
      .where('meeting_id', '=', conference.id)
      .where('person_id', '=', personId)
      .executeTakeFirst();

  it('lets the credentials commission and the secretaries enter mandates of members from below', async () => {
    const first = await enter('Cred', members1[0]!.id, po1.id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      toMeetingId: conference.id,
      personId: members1[0]!.id,
      fromBodyId: po1.id,
      fromBodyName: po1.name,
      electionId: null,
      voice: 'voting',
      status: 'submitted',
      checkedBy: null,
      reason: null,
    });
    expect((await enter('Secretary', members1[1]!.id, po1.id)).status).toBe(201);

    const plain = await enter('Presidium', members1[2]!.id, po1.id);
    expect(plain.status).toBe(403);
    expect(plain.body.error.code).toBe('mandate_role_required');
    const wrongBody = await enter('Cred', members2[0]!.id, po1.id);
    expect(wrongBody.status).toBe(422);
    expect(wrongBody.body.error.code).toBe('mandate_person_ineligible');
    const notBelow = await enter('Cred', id('Presidium'), elsewhere.id);
    expect(notBelow.status).toBe(422);
    expect(notBelow.body.error.code).toBe('mandate_body_not_below');
    const twice = await enter('Cred', members1[0]!.id, po1.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('mandate_exists');
    // Mandates exist only for conferences and congresses.
    const notConference = await who('Cred').post(`/api/meetings/${assembly.id}/mandates`, {
      personId: members1[3]!.id,
      fromBodyId: po1.id,
    });
    expect(notConference.status).toBe(422);
    expect(notConference.body.error.code).toBe('mandate_meeting_not_delegate');
    const none = await who('Cred').get(`/api/meetings/${assembly.id}/mandates`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ items: [], quotas: [] });
  });

  it('lets only the credentials commission or the secretaries check; confirming seats the delegate', async () => {
    const m = (await enter('Cred', members1[5]!.id, po1.id)).body;
    const plain = await check('Presidium', m.id, { status: 'confirmed' });
    expect(plain.status).toBe(403);
    expect(plain.body.error.code).toBe('mandate_role_required');
    expect(await participant(members1[5]!.id)).toBeUndefined();
    const before = await srv.services.meetings.quorumOf(conference.id);

    const ok = await check('Cred', m.id, { status: 'confirmed' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', checkedBy: id('Cred') });
    expect(ok.body.checkedAt).not.toBeNull();
    expect(await participant(members1[5]!.id)).toMatchObject({ voice: 'voting', present: false });
    const after = await srv.services.meetings.quorumOf(conference.id);
    expect(after.entitledVoting).toBe(before.entitledVoting + 1);
    // The seated delegate is on the meeting's roll and may see it.
    const seated = await srv.services.meetings.participants(
      (await srv.services.auth.resolveSession(who('Secretary').sessionToken!))!,
      conference.id,
      { present: 'all', limit: 100, offset: 0 },
    );
    expect(seated.items.map((p: { personId: string }) => p.personId)).toContain(members1[5]!.id);
    expect((await check('Cred', m.id, { status: 'confirmed' })).status).toBe(409);

    // A consultative mandate seats a consultative delegate; the secretary may check too.
    const c = (await enter('Secretary', members1[6]!.id, po1.id, { voice: 'consultative' })).body;
    expect((await check('Secretary', c.id, { status: 'confirmed' })).status).toBe(200);
    expect(await participant(members1[6]!.id)).toMatchObject({ voice: 'consultative' });
    expect((await who('Presidium').post(`/api/mandates/${uuidv7()}/check`, { status: 'confirmed' })).status).toBe(404);
  });

  it('refuses to confirm beyond the electing body’s quota and shows the quotas', async () => {
    const ms = [];
    for (const p of members2.slice(0, 3)) ms.push((await enter('Cred', p.id, po2.id)).body);
    expect((await check('Cred', ms[0].id, { status: 'confirmed' })).status).toBe(200);
    expect((await check('Cred', ms[1].id, { status: 'confirmed' })).status).toBe(200);
    const over = await check('Cred', ms[2].id, { status: 'confirmed' });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('mandate_over_quota');
    expect(over.body.error.details).toMatchObject({ members: 30, allowed: 2, confirmed: 2 });
    expect(await participant(members2[2]!.id)).toBeUndefined();

    const list = await who('Presidium').get(`/api/meetings/${conference.id}/mandates`);
    expect(list.status).toBe(200);
    const q2 = list.body.quotas.find((q: { bodyId: string }) => q.bodyId === po2.id);
    expect(q2).toEqual({ bodyId: po2.id, bodyName: po2.name, bodyNameRu: null, members: 30, allowed: 2, sent: 3 });
    const q1 = list.body.quotas.find((q: { bodyId: string }) => q.bodyId === po1.id);
    expect(q1).toMatchObject({ members: 60, allowed: 3 });
    expect(list.body.items.filter((m: { fromBodyId: string }) => m.fromBodyId === po2.id)).toHaveLength(3);

    // Two checks at the same moment for the last place: exactly one delegate is seated.
    const a = (await enter('Cred', members3[0]!.id, po3.id)).body;
    const b = (await enter('Secretary', members3[1]!.id, po3.id)).body;
    const both = await Promise.all([
      check('Cred', a.id, { status: 'confirmed' }),
      check('Secretary', b.id, { status: 'confirmed' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    const seated3 = await srv.db
      .selectFrom('meeting_participant')
      .select('person_id')
      .where('meeting_id', '=', conference.id)
      .where('person_id', 'in', [members3[0]!.id, members3[1]!.id])
      .execute();
    expect(seated3).toHaveLength(1);

    // Rejecting one confirmed mandate frees its place for another.
    const reject = await check('Cred', ms[0].id, { status: 'rejected', reason: 'Elected without a quorum' });
    expect(reject.status).toBe(200);
    expect((await check('Cred', ms[2].id, { status: 'confirmed' })).status).toBe(200);
  });

  it('rejects with a reason, un-seating a confirmed delegate only before the meeting opens', async () => {
    const a = (await enter('Cred', members1[10]!.id, po1.id)).body;
    const noReason = await check('Cred', a.id, { status: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('mandate_reason_required');
    const rejected = await check('Cred', a.id, { status: 'rejected', reason: 'Not a delegate of this organisation' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Not a delegate of this organisation' });
    expect(await participant(members1[10]!.id)).toBeUndefined();

    // A confirmed delegate is un-seated while the conference has not opened…
    const seatedId = members1[5]!.id;
    const list = (await who('Cred').get(`/api/meetings/${conference.id}/mandates`)).body;
    const seated = list.items.find((m: { personId: string }) => m.personId === seatedId);
    expect(seated.status).toBe('confirmed');
    const unseat = await check('Cred', seated.id, { status: 'rejected', reason: 'Mandate forged' });
    expect(unseat.status).toBe(200);
    expect(await participant(seatedId)).toBeUndefined();

    // …but once it opens, a seated delegate stays.
    const consultative = list.items.find((m: { personId: string }) => m.personId === members1[6]!.id);
    await setMeetingStatus(srv.db, conference.id, 'open');
    const late = await check('Cred', consultative.id, { status: 'rejected', reason: 'Too late' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('mandate_delegate_seated');
    expect(await participant(members1[6]!.id)).toMatchObject({ voice: 'consultative' });
    // A late delegate is still seated after the opening.
    const lateArrival = (await enter('Cred', members1[11]!.id, po1.id)).body;
    expect((await check('Cred', lateArrival.id, { status: 'confirmed' })).status).toBe(200);
    expect(await participant(members1[11]!.id)).toMatchObject({ voice: 'voting' });
    await setMeetingStatus(srv.db, conference.id, 'convened');
  });

  it('a rejection undoes exactly what the confirmation did; nobody checks their own mandate', async () => {
    // a guest admitted at the door gets a voting mandate; rejecting it makes them a guest again, row and code kept
    const guestId = members1[12]!.id;
    await srv.db
      .insertInto('meeting_participant')
      .values({ meeting_id: conference.id, person_id: guestId, voice: 'guest', code: 'GUEST-12' })
      .execute();
    const m = (await enter('Cred', guestId, po1.id)).body;
    expect((await check('Cred', m.id, { status: 'confirmed' })).status).toBe(200);
    expect(await participant(guestId)).toMatchObject({ voice: 'voting' });
    expect((await check('Cred', m.id, { status: 'rejected', reason: 'Not elected' })).status).toBe(200);
    expect(await participant(guestId)).toMatchObject({ voice: 'guest' });
    const code = await srv.db
      .selectFrom('meeting_participant')
      .select('code')
      .where('meeting_id', '=', conference.id)
      .where('person_id', '=', guestId)
      .executeTakeFirstOrThrow();
    expect(code.code).toBe('GUEST-12');

    // a member of the credentials commission holding a mandate themselves: another member must check it
    const own = (await enter('Secretary', id('Cred'), district.id)).body;
    const refused = await check('Cred', own.id, { status: 'confirmed' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('mandate_own');
    expect((await check('Secretary', own.id, { status: 'confirmed' })).status).toBe(200);
  });
});
