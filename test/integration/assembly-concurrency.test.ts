// No freeze under concurrent writes (issue 10, point 1): far more concurrent check-ins and chair acts on ONE meeting
// than the database pool has connections, through the real HTTP app. Every request is answered (no hang: each has
// its own deadline), the attendance is exact (each successful check-in counted once) and another user's unrelated
// request is answered during the storm. Before the fix, on PostgreSQL, a check-in holding the meeting's row lock
// read the statute through the pool while the waiting check-ins held every connection: the server froze for good.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';
/** PostgreSQL connections in the pool: the storm below is many times as large. */
const POOL = 4;
const MEMBERS = 60;
/** Members who check themselves in on their phones with the hall code (the rest at the desk by personal code). */
const SELF = 10;
const GUESTS = 5;
const DUPLICATES = 10;
/** A request not answered within this is a hang. */
const DEADLINE_MS = 30_000;

type Outcome = { label: string; res: TestResponse | null; ms: number };

/** The request's response, or null when it was not answered within the deadline. */
async function answered(label: string, p: Promise<TestResponse>): Promise<Outcome> {
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<null>((r) => (timer = setTimeout(() => r(null), DEADLINE_MS)));
  const res = await Promise.race([p, hang]);
  clearTimeout(timer);
  return { label, res, ms: performance.now() - t };
}

describe.each(DB_KINDS)('concurrent writes to one meeting on %s', (kind) => {
  let srv: TestServer;
  let sec: TestClient;
  let chair: TestClient;
  let other: TestClient;
  const self: { id: string; client: TestClient }[] = [];
  let members: { id: string }[] = [];
  let guests: { id: string }[] = [];
  let chairId: string;
  let orgId: string;
  let meetingId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind, { db: { poolMax: POOL } });
    const db = srv.db;
    const org = await makeOrganisation(db);
    orgId = org.id;
    const district = await makeBody(db, org, 'district_committee', null);
    const po = await makeBody(db, org, 'primary_organisation', district);
    const otherPo = await makeBody(db, org, 'primary_organisation', district);
    const s = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, s, 'secretary');
    const c = await makePerson(db, org, po, { familyName: 'Chairman' });
    chairId = c.id;
    members = [];
    for (let i = 0; i < MEMBERS; i++) members.push(await makePerson(db, org, po, { familyName: `Member${i}` }));
    guests = [];
    for (let i = 0; i < GUESTS; i++)
      guests.push(await makePerson(db, org, null, { familyName: `Guest${i}`, status: 'non_member' }));
    const o = await makePerson(db, org, otherPo, { familyName: 'Otherworks' });

    const login = async (personId: string, name: string) => {
      await srv.services.auth.createAccount({ personId, login: name, password: PASSWORD });
      const client = srv.client();
      expect((await client.login(name, PASSWORD)).status).toBe(200);
      return client;
    };
    sec = await login(s.id, 'sec');
    chair = await login(c.id, 'chair');
    other = await login(o.id, 'other');
    for (let i = 0; i < SELF; i++) self.push({ id: members[i]!.id, client: await login(members[i]!.id, `self${i}`) });

    const convened = await sec.post(`/api/bodies/${po.id}/meetings`, {
      kind: 'open_meeting',
      title: 'Open meeting of the works organisation',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      // within the hour: sooner than the statute's notice days allow an ordinary meeting
      urgent: true,
      place: 'Club of the works',
      agenda: [{ title: 'Report of the bureau' }, { title: 'The production plan' }, { title: 'Any other business' }],
    });
    expect(convened.status).toBe(201);
    meetingId = convened.body.id;
    const roles = await sec.put(`/api/meetings/${meetingId}/roles`, { roles: [{ personId: chairId, role: 'chair' }] });
    expect(roles.status).toBe(200);
    expect((await chair.post(`/api/meetings/${meetingId}/check-in`, { hallCode: convened.body.hallCode })).status).toBe(
      200,
    );
    const opened = await chair.post(`/api/meetings/${meetingId}/open`, { revision: roles.body.revision + 1 });
    expect(opened.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await srv?.close();
  });

  it(`answers every one of ${MEMBERS + DUPLICATES + GUESTS}+ concurrent check-ins and chair acts (pool of ${POOL}), counts attendance exactly and stays responsive`, async () => {
    const id = meetingId;
    const before = (await sec.get(`/api/meetings/${id}`)).body;
    const hallCode = before.hallCode as string;
    const items = before.agenda as { id: string }[];
    const codes = new Map(
      (
        await srv.db
          .selectFrom('meeting_participant')
          .select(['person_id', 'code'])
          .where('meeting_id', '=', id)
          .execute()
      ).map((r) => [r.person_id, r.code]),
    );
    const desk = members.slice(SELF);

    // the storm: all sent at once
    const checkIns: Promise<Outcome & { personId: string }>[] = [];
    const checkIn = (personId: string, label: string, p: Promise<TestResponse>) =>
      checkIns.push(answered(label, p).then((o) => ({ ...o, personId })));
    const acts: Promise<Outcome>[] = [];
    for (const m of desk) checkIn(m.id, 'desk', sec.post(`/api/meetings/${id}/check-in`, { code: codes.get(m.id) }));
    for (const m of self) checkIn(m.id, 'hall', m.client.post(`/api/meetings/${id}/check-in`, { hallCode }));
    for (const g of guests)
      checkIn(g.id, 'guest', sec.post(`/api/meetings/${id}/check-in`, { personId: g.id, asGuest: true }));
    for (const m of desk.slice(0, DUPLICATES))
      checkIn(m.id, 'again', sec.post(`/api/meetings/${id}/check-in`, { personId: m.id }));
    for (let i = 0; i < 3; i++) {
      acts.push(answered('advance', chair.post(`/api/meetings/${id}/agenda/advance`, { revision: before.revision })));
      acts.push(
        answered(
          'roles',
          sec.put(`/api/meetings/${id}/roles`, {
            roles: [
              { personId: chairId, role: 'chair' },
              { personId: members[SELF + i]!.id, role: 'secretary' },
            ],
          }),
        ),
      );
      acts.push(
        answered(
          'motion',
          chair.post(`/api/meetings/${id}/motions`, {
            agendaItemId: items[0]!.id,
            title: `Resolution ${i}`,
            text: 'The organisation approves the report of the bureau.',
          }),
        ),
      );
    }
    for (let i = 0; i < 2; i++) {
      acts.push(answered('notice', sec.post(`/api/meetings/${id}/notice`)));
      acts.push(
        answered(
          'current',
          chair.post(`/api/meetings/${id}/agenda/current`, { revision: before.revision, itemId: items[2]!.id }),
        ),
      );
    }
    // another user, another organisation's business: answered while the storm is on
    const unrelated = answered('unrelated', other.get('/api/me/meetings?when=upcoming'));

    const outcomes = await Promise.all(checkIns);
    const actOutcomes = await Promise.all(acts);
    const aside = await unrelated;

    const hung = [...outcomes, ...actOutcomes, aside].filter((o) => o.res === null).map((o) => o.label);
    expect(hung, 'requests never answered').toEqual([]);
    expect(aside.res!.status).toBe(200);

    // every answer is a success, an expected refusal or the database's "busy, try again" — never a 500
    const busy = (o: Outcome) => o.res!.status === 503 && o.res!.body.error.code === 'database_busy';
    for (const o of outcomes) expect(o.res!.status === 200 || busy(o), `${o.label}: ${o.res!.status}`).toBe(true);
    const expected: Record<string, number[]> = {
      advance: [200, 409],
      current: [200, 409],
      roles: [200],
      notice: [200],
      motion: [201, 422],
    };
    for (const o of actOutcomes)
      expect(
        expected[o.label]!.includes(o.res!.status) || busy(o),
        `${o.label}: ${o.res!.status} ${JSON.stringify(o.res!.body)}`,
      ).toBe(true);
    // the revision guard lets exactly one of the stale chair moves through (or none, when a check-in came first)
    const moved = actOutcomes.filter((o) => ['advance', 'current'].includes(o.label) && o.res!.status === 200);
    expect(moved.length).toBeLessThanOrEqual(1);

    // attendance is exact: present = the chair + everyone whose check-in succeeded, each arrival recorded once
    const succeeded = new Set(outcomes.filter((o) => o.res!.status === 200).map((o) => o.personId));
    expect(succeeded.size).toBeGreaterThan(0);
    const present = await srv.db
      .selectFrom('meeting_participant')
      .select('person_id')
      .where('meeting_id', '=', id)
      .where('present', '=', true)
      .execute();
    expect(new Set(present.map((p) => p.person_id))).toEqual(new Set([chairId, ...succeeded]));
    const arrivals = await srv.db
      .selectFrom('attendance_event')
      .select(['person_id'])
      .where('meeting_id', '=', id)
      .where('kind', '=', 'in')
      .execute();
    expect(arrivals.length).toBe(present.length);
    expect(new Set(arrivals.map((a) => a.person_id)).size).toBe(arrivals.length);

    // the quorum the meeting reports agrees, and the server still answers
    const after = await sec.get(`/api/meetings/${id}`);
    expect(after.status).toBe(200);
    const votingPresent = [...succeeded].filter((p) => !guests.some((g) => g.id === p)).length + 1;
    expect(after.body.quorum.presentVoting).toBe(votingPresent);
    expect(after.body.quorum.presentGuests).toBe(guests.filter((g) => succeeded.has(g.id)).length);
  }, 180_000);

  /** Runs `change` in a transaction holding the meeting's row for a second; `during` is sent once the row is held. */
  async function whileHeld<T>(change: (trx: Kysely<never>) => Promise<void>, during: () => Promise<T>): Promise<T> {
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = srv.db.transaction().execute(async (trx) => {
      await sql`select id from meeting where id = ${meetingId} for update`.execute(trx);
      await change(trx as unknown as Kysely<never>);
      locked();
      await new Promise((r) => setTimeout(r, 1_000));
    });
    // (sent from outside the transaction's callback: its async scope would make the request's transaction nested)
    await isLocked;
    const result = during();
    await holding;
    return result;
  }

  it('a chair act waiting for the meeting’s row judges the roles as they are once it has the row', async () => {
    const id = meetingId;
    const { revision } = (await chair.get(`/api/meetings/${id}`)).body as { revision: number };
    const roles = await srv.db.selectFrom('meeting_role').selectAll().where('meeting_id', '=', id).execute();
    // the chair is relieved while their move waits for the row
    const res = await whileHeld(
      async (trx) => {
        await sql`delete from meeting_role where meeting_id = ${id} and person_id = ${chairId}`.execute(trx);
      },
      () => chair.post(`/api/meetings/${id}/agenda/advance`, { revision }),
    );
    expect([res.status, res.body.error?.code]).toEqual([403, 'meeting_role_required']);
    await srv.db.deleteFrom('meeting_role').where('meeting_id', '=', id).execute();
    await srv.db.insertInto('meeting_role').values(roles).execute();
  }, 60_000);

  it('an arrival read while a departure of the same person is being written is recorded, not lost', async () => {
    const id = meetingId;
    const [someone] = await srv.db
      .selectFrom('meeting_participant')
      .select('person_id')
      .where('meeting_id', '=', id)
      .where('present', '=', true)
      .where('person_id', '!=', chairId)
      .execute();
    const personId = someone!.person_id;
    // the departure holds the row; the desk's check-in reads the person still present and must not write nothing
    const res = await whileHeld(
      async (trx) => {
        await sql`update meeting_participant set present = false, left_at = now()
          where meeting_id = ${id} and person_id = ${personId}`.execute(trx);
      },
      () => sec.post(`/api/meetings/${id}/check-in`, { personId }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.participant.present).toBe(true);
    const row = await srv.db
      .selectFrom('meeting_participant')
      .select('present')
      .where('meeting_id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row.present).toBe(true);
  }, 60_000);

  it('a guest admitted by another desk while this one admits them too is checked in once, without an error', async () => {
    const id = meetingId;
    const guest = await makePerson(srv.db, { id: orgId }, null, { familyName: 'Latecomer', status: 'non_member' });
    // one desk's admission holds the row; the other desk read "not a participant" and admits them as well
    const res = await whileHeld(
      async (trx) => {
        await sql`insert into meeting_participant (meeting_id, person_id, voice, code, present, checked_in_at)
          values (${id}, ${guest.id}, 'guest', 'ZZ-GUEST-1', true, now())`.execute(trx);
      },
      () => sec.post(`/api/meetings/${id}/check-in`, { personId: guest.id, asGuest: true }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.participant.present).toBe(true);
    const rows = await srv.db
      .selectFrom('meeting_participant')
      .select('voice')
      .where('meeting_id', '=', id)
      .where('person_id', '=', guest.id)
      .execute();
    expect(rows).toEqual([{ voice: 'guest' }]);
  }, 60_000);

  it('departures that read the meeting open but reach its row after the close are refused, and nothing is recorded', async () => {
    const id = meetingId;
    const presentOf = async () =>
      (
        await srv.db
          .selectFrom('meeting_participant')
          .select('person_id')
          .where('meeting_id', '=', id)
          .where('present', '=', true)
          .execute()
      )
        .map((r) => r.person_id)
        .sort();
    const eventsOf = async () =>
      Number(
        (
          await srv.db
            .selectFrom('attendance_event')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('meeting_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const presentBefore = await presentOf();
    const eventsBefore = await eventsOf();
    const leaving = presentBefore.filter((p) => p !== chairId).slice(0, 3);
    expect(leaving).toHaveLength(3);

    // A close holds the meeting's row while departures arrive: they read the meeting (still open) without its lock
    // and wait for the row at their first write; the close commits; each must then see it and write nothing.
    // (the requests are sent from outside the transaction's callback: its async scope would make theirs nested)
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const closing = srv.db.transaction().execute(async (trx) => {
      await sql`select id from meeting where id = ${id} for update`.execute(trx);
      locked();
      await new Promise((r) => setTimeout(r, 1_000));
      await sql`update meeting set status = 'closed', closed_at = now(), revision = revision + 1 where id = ${id}`.execute(
        trx,
      );
    });
    await isLocked;
    const outs = leaving.map((personId) => answered('out', sec.post(`/api/meetings/${id}/check-out`, { personId })));
    await closing;
    for (const o of await Promise.all(outs)) {
      expect(o.res, 'answered').not.toBeNull();
      expect([o.res!.status, o.res!.body.error?.code]).toEqual([422, 'meeting_already_closed']);
    }
    expect(await presentOf()).toEqual(presentBefore);
    expect(await eventsOf()).toBe(eventsBefore);
  }, 180_000);
});
