// The list of speakers and the transcript through HTTP (issue 4): asking for the floor, the chair giving and
// ending it (one speaker at a time), points of order first, withdrawals, reordering, the presence and role
// checks, stale revisions; the transcript's kinds and printed labels, corrections guarded by version and
// refused once the protocol is approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting, setMeetingStatus, setProtocolStatus, type MadeMeeting } from '../support/assembly-factory.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('list of speakers and transcript on %s', (kind) => {
  let srv: TestServer;
  const p: Record<string, { id: string }> = {};
  const c: Record<string, TestClient> = {};
  let po: Awaited<ReturnType<typeof makeBody>>;

  /** A fresh open meeting: chair, stenographer, Kirov, Bukharin present; Absent listed but not checked in. */
  const meeting = (opts: { open?: boolean } = {}): Promise<MadeMeeting> =>
    makeMeeting(srv.db, {
      body: po,
      participants: [p.chair!, p.steno!, p.kirov!, p.bukharin!, p.absent!],
      present: [p.chair!, p.steno!, p.kirov!, p.bukharin!],
      roles: [
        { person: p.chair!, role: 'chair' },
        { person: p.steno!, role: 'stenographer' },
      ],
      open: opts.open ?? true,
    });

  const revision = async (m: MadeMeeting) =>
    (await srv.db.selectFrom('meeting').select('revision').where('id', '=', m.id).executeTakeFirstOrThrow()).revision;

  const floor = async (m: MadeMeeting): Promise<Loose[]> => {
    const r = await c.kirov!.get(`/api/meetings/${m.id}/floor`);
    expect(r.status).toBe(200);
    return r.body.items;
  };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    po = await makeBody(db, org, 'primary_organisation', district);
    const otherPo = await makeBody(db, org, 'primary_organisation', district);
    p.sec = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, p.sec, 'secretary');
    p.chair = await makePerson(db, org, po, { familyName: 'Kaganovich' });
    p.steno = await makePerson(db, org, po, { familyName: 'Stenographer' });
    p.kirov = await makePerson(db, org, po, { familyName: 'Kirov', givenName: 'Sergei' });
    p.bukharin = await makePerson(db, org, po, { familyName: 'Bukharin', givenName: 'Nikolai' });
    p.absent = await makePerson(db, org, po, { familyName: 'Absent' });
    p.outsider = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    const org2 = await makeOrganisation(db);
    const root2 = await makeBody(db, org2, 'central_committee', null);
    p.foreign = await makePerson(db, org2, root2, { familyName: 'Foreign' });
    await makeOffice(db, root2, p.foreign, 'secretary');
    for (const login of Object.keys(p)) {
      await srv.services.auth.createAccount({ personId: p[login]!.id, login, password: PASSWORD });
      c[login] = srv.client();
      expect((await c[login]!.login(login, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await srv?.close();
  });

  describe('the floor', () => {
    it('a present participant asks, the chair gives and ends the floor; a person withdraws their own', async () => {
      const m = await meeting();
      const before = await revision(m);
      const ask = await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'speech' });
      expect(ask.status, JSON.stringify(ask.body)).toBe(201);
      expect(ask.body).toMatchObject({
        personId: p.kirov!.id,
        name: 'Kirov Sergei',
        kind: 'speech',
        status: 'waiting',
        agendaItemId: m.currentItemId,
        limitSeconds: 600, // the statute's speakingSeconds.speech
        startedAt: null,
      });
      expect(await revision(m)).toBe(before + 1);
      const outbox = await srv.db
        .selectFrom('outbox')
        .select(['topic', 'payload'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(outbox.topic).toBe('meeting.floor');
      expect(outbox.payload).toMatchObject({ meetingId: m.id, requestId: ask.body.id, revision: before + 1 });

      const again = await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'speech' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('floor_already_requested');

      const b = await c.bukharin!.post(`/api/meetings/${m.id}/floor`, {});
      expect(b.status).toBe(201);
      expect(b.body.kind).toBe('speech');
      const notYours = await c.kirov!.post(`/api/meetings/${m.id}/floor/${b.body.id}/withdraw`, {});
      expect(notYours.status).toBe(403);
      expect(notYours.body.error.code).toBe('floor_not_yours');
      const wd = await c.bukharin!.post(`/api/meetings/${m.id}/floor/${b.body.id}/withdraw`, {});
      expect(wd.status).toBe(200);
      expect(wd.body.status).toBe('withdrawn');
      const wd2 = await c.bukharin!.post(`/api/meetings/${m.id}/floor/${b.body.id}/withdraw`, {});
      expect(wd2.status).toBe(409);
      expect(wd2.body.error.code).toBe('floor_not_waiting');

      const notChair = await c.kirov!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/give`, {});
      expect(notChair.status).toBe(403);
      const give = await c.chair!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/give`, {});
      expect(give.status, JSON.stringify(give.body)).toBe(200);
      expect(give.body.status).toBe('speaking');
      expect(give.body.startedAt).not.toBeNull();

      const ext = await c.chair!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/extend`, { seconds: 60 });
      expect(ext.status).toBe(200);
      expect(ext.body.limitSeconds).toBe(660);

      const end = await c.chair!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/end`);
      expect(end.status, JSON.stringify(end.body)).toBe(200);
      expect(end.body.status).toBe('done');
      expect(end.body.endedAt).not.toBeNull();
      const end2 = await c.chair!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/end`, {});
      expect(end2.status).toBe(409);
      expect(end2.body.error.code).toBe('floor_not_speaking');

      // Kirov may ask again on the same item once his request is done
      expect((await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'speech' })).status).toBe(201);
      const list = await floor(m);
      expect(list.map((r) => [r.name, r.status])).toEqual([
        ['Kirov Sergei', 'done'],
        ['Kirov Sergei', 'waiting'],
        ['Bukharin Nikolai', 'withdrawn'],
      ]);
    });

    it('a point of order goes before the speeches, a reply between; the report first (added by the chair)', async () => {
      const m = await meeting();
      expect((await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'speech' })).status).toBe(201);
      expect((await c.bukharin!.post(`/api/meetings/${m.id}/floor`, { kind: 'reply' })).status).toBe(201);
      expect((await c.steno!.post(`/api/meetings/${m.id}/floor`, { kind: 'point_of_order' })).status).toBe(201);
      const report = await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'report' });
      expect(report.status).toBe(403);
      expect(report.body.error.code).toBe('floor_report_chair_only');
      const byChair = await c.chair!.post(`/api/meetings/${m.id}/floor`, { kind: 'report', personId: p.bukharin!.id });
      expect(byChair.status, JSON.stringify(byChair.body)).toBe(201);
      expect(byChair.body.limitSeconds).toBe(1800);
      const list = await floor(m);
      expect(list.map((r) => [r.name.split(' ')[0], r.kind])).toEqual([
        ['Bukharin', 'report'],
        ['Stenographer', 'point_of_order'],
        ['Bukharin', 'reply'],
        ['Kirov', 'speech'],
      ]);
    });

    it('one speaker at a time: giving the floor ends the current speaker, also when two gives race', async () => {
      const m = await meeting();
      const a = (await c.kirov!.post(`/api/meetings/${m.id}/floor`, {})).body;
      const b = (await c.bukharin!.post(`/api/meetings/${m.id}/floor`, {})).body;
      const s = (await c.steno!.post(`/api/meetings/${m.id}/floor`, {})).body;
      expect((await c.chair!.post(`/api/meetings/${m.id}/floor/${a.id}/give`, {})).status).toBe(200);
      const gb = await c.chair!.post(`/api/meetings/${m.id}/floor/${b.id}/give`, {});
      expect(gb.status).toBe(200);
      const rows = await srv.db
        .selectFrom('speaker_request')
        .select(['id', 'status', 'ended_at'])
        .where('meeting_id', '=', m.id)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(a.id)!.status).toBe('done');
      expect(byId.get(a.id)!.ended_at).not.toBeNull();
      expect(byId.get(b.id)!.status).toBe('speaking');

      // the chair and the secretary press "give" at the same moment: both serialise on the meeting row
      const [r1, r2] = await Promise.all([
        c.chair!.post(`/api/meetings/${m.id}/floor/${s.id}/give`, {}),
        c.sec!.post(`/api/meetings/${m.id}/floor/${s.id}/give`, {}),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const speaking = await srv.db
        .selectFrom('speaker_request')
        .select('id')
        .where('meeting_id', '=', m.id)
        .where('status', '=', 'speaking')
        .execute();
      expect(speaking.map((r) => r.id)).toEqual([s.id]);
    });

    it('moving to the next item ends the floor of whoever was speaking on the last one', async () => {
      const m = await meeting();
      const a = (await c.kirov!.post(`/api/meetings/${m.id}/floor`, {})).body;
      expect((await c.chair!.post(`/api/meetings/${m.id}/floor/${a.id}/give`, {})).status).toBe(200);
      const adv = await c.chair!.post(`/api/meetings/${m.id}/agenda/advance`, { revision: await revision(m) });
      expect(adv.status, JSON.stringify(adv.body)).toBe(200);
      const row = await srv.db
        .selectFrom('speaker_request')
        .select(['status', 'ended_at'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('done');
      expect(row.ended_at).not.toBeNull();
      const live = await c.kirov!.get(`/api/meetings/${m.id}/live`);
      expect(live.body.speaker).toBeNull();
      expect(live.body.currentItem.position).toBe(2);
    });

    it('refuses participants not checked in, people not listed, and outsiders', async () => {
      const m = await meeting();
      const absent = await c.absent!.post(`/api/meetings/${m.id}/floor`, {});
      expect(absent.status).toBe(422);
      expect(absent.body.error.code).toBe('meeting_not_present');
      const addAbsent = await c.chair!.post(`/api/meetings/${m.id}/floor`, { personId: p.absent!.id });
      expect(addAbsent.status).toBe(422);
      expect(addAbsent.body.error.code).toBe('meeting_not_present');
      const addOutsider = await c.chair!.post(`/api/meetings/${m.id}/floor`, { personId: p.outsider!.id });
      expect(addOutsider.status).toBe(422);
      expect(addOutsider.body.error.code).toBe('floor_not_a_participant');
      const forOther = await c.kirov!.post(`/api/meetings/${m.id}/floor`, { personId: p.bukharin!.id });
      expect(forOther.status).toBe(403);

      const outsider = await c.outsider!.post(`/api/meetings/${m.id}/floor`, {});
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.code).toBe('meeting_not_participant');
      expect((await c.outsider!.get(`/api/meetings/${m.id}/floor`)).status).toBe(403);
      const foreign = await c.foreign!.get(`/api/meetings/${m.id}/floor`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('meeting_not_found');
      expect(await srv.db.selectFrom('speaker_request').where('meeting_id', '=', m.id).select('id').execute()).toEqual(
        [],
      );

      const convened = await meeting({ open: false });
      const early = await c.kirov!.post(`/api/meetings/${convened.id}/floor`, {});
      expect(early.status).toBe(422);
      expect(early.body.error.code).toBe('meeting_not_open');
    });

    it("refuses the chair's move made on a stale revision, and a reordering of a queue that changed", async () => {
      const m = await meeting();
      const a = (await c.kirov!.post(`/api/meetings/${m.id}/floor`, {})).body;
      const seen = await revision(m);
      const b = (await c.bukharin!.post(`/api/meetings/${m.id}/floor`, {})).body;
      const stale = await c.chair!.post(`/api/meetings/${m.id}/floor/${a.id}/give`, { revision: seen });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('meeting_conflict');
      expect((await floor(m)).every((r) => r.status === 'waiting')).toBe(true);

      const changed = await c.chair!.post(`/api/meetings/${m.id}/floor/order`, { requestIds: [a.id] });
      expect(changed.status).toBe(409);
      expect(changed.body.error.code).toBe('floor_queue_changed');
      const dupes = await c.chair!.post(`/api/meetings/${m.id}/floor/order`, { requestIds: [a.id, a.id, b.id] });
      expect(dupes.status).toBe(400);
      const staleOrder = await c.chair!.post(`/api/meetings/${m.id}/floor/order`, {
        requestIds: [b.id, a.id],
        revision: seen,
      });
      expect(staleOrder.status).toBe(409);
      const ok = await c.chair!.post(`/api/meetings/${m.id}/floor/order`, {
        requestIds: [b.id, a.id],
        revision: await revision(m),
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.items.map((r: Loose) => r.id)).toEqual([b.id, a.id]);
      const fresh = await c.chair!.post(`/api/meetings/${m.id}/floor/${b.id}/give`, { revision: await revision(m) });
      expect(fresh.status).toBe(200);
    });
  });

  describe('the transcript', () => {
    const add = (m: MadeMeeting, body: Loose, who: TestClient = c.steno!) =>
      who.post(`/api/meetings/${m.id}/transcript`, body);

    it('takes down speeches, interjections, remarks and the chair with the labels as printed', async () => {
      const m = await meeting();
      const none = await add(m, { kind: 'speech', text: 'Comrades!' });
      expect(none.status).toBe(422);
      expect(none.body.error.code).toBe('transcript_speaker_required');

      const r = (await c.kirov!.post(`/api/meetings/${m.id}/floor`, {})).body;
      expect((await c.chair!.post(`/api/meetings/${m.id}/floor/${r.id}/give`, {})).status).toBe(200);
      const speech = await add(m, { kind: 'speech', text: 'Comrades! The plan is fulfilled.' });
      expect(speech.status, JSON.stringify(speech.body)).toBe(201);
      expect(speech.body).toMatchObject({
        seq: 1,
        kind: 'speech',
        speakerPersonId: p.kirov!.id,
        speakerLabel: 'Comrade Kirov',
        agendaItemId: m.currentItemId,
        version: 1,
      });
      const voice = await add(m, { kind: 'interjection', text: 'And the second shift?' });
      expect(voice.body).toMatchObject({ seq: 2, speakerLabel: 'Voice from the floor', speakerPersonId: null });
      const laughter = await add(m, { kind: 'remark', text: '(Laughter)', speakerLabel: 'ignored' });
      expect(laughter.body).toMatchObject({ seq: 3, speakerLabel: '', speakerPersonId: null, text: '(Laughter)' });
      const chair = await add(m, { kind: 'chair', text: 'Order, comrades.' });
      expect(chair.body).toMatchObject({ seq: 4, speakerLabel: 'Comrade Kaganovich', speakerPersonId: p.chair!.id });
      const named = await add(m, { kind: 'speech', text: 'A question.', speakerPersonId: p.bukharin!.id });
      expect(named.body).toMatchObject({ seq: 5, speakerLabel: 'Comrade Bukharin' });
      const labelled = await add(m, {
        kind: 'speech',
        text: 'Greetings.',
        speakerLabel: 'Delegate of the Kirov works',
      });
      expect(labelled.body).toMatchObject({
        seq: 6,
        speakerLabel: 'Delegate of the Kirov works',
        speakerPersonId: null,
      });
      const unknown = await add(m, { kind: 'speech', text: 'x', speakerPersonId: p.foreign!.id });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.code).toBe('transcript_speaker_unknown');

      const list = await c.bukharin!.get(`/api/meetings/${m.id}/transcript`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((e: Loose) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(list.body.lastSeq).toBe(6);
      const after = await c.bukharin!.get(`/api/meetings/${m.id}/transcript?afterSeq=4`);
      expect(after.body.items.map((e: Loose) => e.seq)).toEqual([5, 6]);
      const marks = await srv.db
        .selectFrom('outbox')
        .select('payload')
        .where('topic', '=', 'meeting.transcript')
        .execute();
      expect(marks.filter((o) => (o.payload as { meetingId: string }).meetingId === m.id)).toHaveLength(6);
    });

    it('only the stenographer, secretary or managers write; participants read; outsiders neither', async () => {
      const m = await meeting();
      const byKirov = await add(m, { kind: 'remark', text: '(Applause)' }, c.kirov!);
      expect(byKirov.status).toBe(403);
      expect(byKirov.body.error.code).toBe('meeting_role_required');
      expect((await add(m, { kind: 'remark', text: '(Applause)' }, c.sec!)).status).toBe(201);
      expect((await c.kirov!.get(`/api/meetings/${m.id}/transcript`)).status).toBe(200);
      expect((await c.outsider!.get(`/api/meetings/${m.id}/transcript`)).status).toBe(403);
      expect((await c.foreign!.get(`/api/meetings/${m.id}/transcript`)).status).toBe(404);
      const convened = await meeting({ open: false });
      const early = await add(convened, { kind: 'remark', text: '(Applause)' });
      expect(early.status).toBe(422);
      expect(early.body.error.code).toBe('meeting_not_open');
    });

    it('corrects with the version, after the close too, and refuses once the protocol is approved', async () => {
      const m = await meeting();
      const e = (await add(m, { kind: 'interjection', text: 'Rigt!' })).body;
      const fix = await c.steno!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, { version: 1, text: 'Right!' });
      expect(fix.status, JSON.stringify(fix.body)).toBe(200);
      expect(fix.body).toMatchObject({ text: 'Right!', version: 2, speakerLabel: 'Voice from the floor' });
      const stale = await c.steno!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, { version: 1, text: 'Wrong' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('transcript_conflict');
      const who = await c.steno!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, {
        version: 2,
        speakerPersonId: p.bukharin!.id,
      });
      expect(who.body).toMatchObject({ speakerPersonId: p.bukharin!.id, speakerLabel: 'Comrade Bukharin', version: 3 });
      expect((await c.kirov!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, { version: 3, text: 'x' })).status).toBe(
        403,
      );

      await setMeetingStatus(srv.db, m.id, 'closed', null);
      await setProtocolStatus(srv.db, m.id, 'draft');
      const late = await add(m, { kind: 'remark', text: '(Prolonged applause)' });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ seq: 2, agendaItemId: null });
      expect(
        (await c.steno!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, { version: 3, text: 'Right, right!' }))
          .status,
      ).toBe(200);

      await setProtocolStatus(srv.db, m.id, 'approved');
      const locked = await c.steno!.patch(`/api/meetings/${m.id}/transcript/${e.id}`, {
        version: 4,
        text: 'Rewritten',
      });
      expect(locked.status).toBe(422);
      expect(locked.body.error.code).toBe('transcript_locked');
      const addLocked = await add(m, { kind: 'remark', text: '(Applause)' });
      expect(addLocked.status).toBe(422);
      expect(addLocked.body.error.code).toBe('transcript_locked');
      const row = await srv.db
        .selectFrom('transcript_entry')
        .select(['text', 'version'])
        .where('id', '=', e.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ text: 'Right, right!', version: 4 });
    });

    it('appendInTx numbers entries for other parts of the module under the meeting lock', async () => {
      const m = await meeting();
      await add(m, { kind: 'remark', text: '(Applause)' });
      const entry = await srv.db.transaction().execute(async (trx) => {
        await srv.services.assembly.context(trx, null, m.id, { lock: true });
        const e = await srv.services.transcript.appendInTx(trx, m.id, {
          agendaItemId: m.currentItemId,
          kind: 'note_answer',
          speakerPersonId: p.kirov!.id,
          speakerLabel: 'Comrade Kirov',
          text: 'The answer to the note.',
          createdBy: null,
        });
        await srv.services.assembly.touch(trx, m.id, 'meeting.notes', {});
        return e;
      });
      expect(entry).toMatchObject({ seq: 2, kind: 'note_answer', speakerLabel: 'Comrade Kirov', version: 1 });
    });
  });
  it('refuses a transcript position beyond any seq with a 4xx, never a 500 (review)', async () => {
    const m = await meeting();
    const far = await c.kirov!.get(`/api/meetings/${m.id}/transcript?afterSeq=99999999999999`);
    expect(far.status).toBe(400);
    expect(far.body.error.code).toBe('validation_failed');
  });
});
