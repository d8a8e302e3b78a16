// Question notes over HTTP: the meeting's note key (one per meeting, even under concurrent first requests),
// blind token issuance to present participants within the statute's anonymous limit (atomic under concurrency,
// nothing stored but the counter), anonymous notes sent without a session (token verified, spent once, random id,
// minute only), signed notes within their own limit (never used up by the tokens), and the presidium's list and
// handling (group, set aside, answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, setMeetingStatus, type MadeMeeting } from '../support/assembly-factory.js';
import {
  finalizeTokens,
  fromBase64,
  importNoteKey,
  prepareTokens,
  toBase64,
  type NoteToken,
} from '../../src/web/modules/assembly/note-tokens.js';

describe.each(DB_KINDS)('question notes on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  let convened: MadeMeeting;
  const { people, account } = namedPeople(() => srv);

  /** Sends a note as a browser does with `credentials: 'omit'`: no cookie, no CSRF header. */
  const anonymous = (meetingId: string, body: unknown) =>
    srv.app.request(`/api/meetings/${meetingId}/anonymous-notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function obtain(who: TestClient, m: { id: string }, n: number): Promise<NoteToken[]> {
    const key = await who.get(`/api/meetings/${m.id}/note-key`);
    expect(key.status, JSON.stringify(key.body)).toBe(200);
    const pub = await importNoteKey(key.body.publicKeySpki);
    const { blinded, pending } = await prepareTokens(pub, n);
    const res = await who.post(`/api/meetings/${m.id}/note-tokens`, { blinded });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return finalizeTokens(pub, pending, res.body.signatures);
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    const body = { id: po.id, organisationId: org.id };
    for (const n of ['Alpha', 'Beta', 'Gamma', 'Absent', 'Chair', 'Outsider', 'Speaker']) await account(n, org, po);
    const parts = ['Alpha', 'Beta', 'Gamma', 'Absent', 'Chair', 'Speaker'].map((n) => ({ id: people[n]!.id }));
    const present = ['Alpha', 'Beta', 'Gamma', 'Chair', 'Speaker'].map((n) => ({ id: people[n]!.id }));
    meeting = await makeMeeting(srv.db, {
      body,
      participants: parts,
      present,
      roles: [{ person: { id: people.Chair!.id }, role: 'chair' }],
      open: true,
    });
    convened = await makeMeeting(srv.db, { body, participants: parts, present, status: 'convened' });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const participant = (m: { id: string }, name: string) =>
    srv.db
      .selectFrom('meeting_participant')
      .selectAll()
      .where('meeting_id', '=', m.id)
      .where('person_id', '=', people[name]!.id)
      .executeTakeFirstOrThrow();

  it('gives viewers one key per meeting, created once even by concurrent first requests', async () => {
    const fresh = await makeMeeting(srv.db, {
      body: { id: meeting.bodyId, organisationId: meeting.organisationId },
      participants: [{ id: people.Alpha!.id }],
    });
    const [a, b, c] = await Promise.all([
      people.Alpha!.client.get(`/api/meetings/${fresh.id}/note-key`),
      people.Alpha!.client.get(`/api/meetings/${fresh.id}/note-key`),
      srv.services.notes.noteKey(
        (await srv.services.auth.resolveSession(people.Alpha!.client.sessionToken!))!,
        fresh.id,
      ),
    ]);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      meetingId: fresh.id,
      suite: 'RSABSSA-SHA384-PSS-Randomized',
      remaining: 5,
      signedRemaining: 5,
    });
    expect(b.body.publicKeySpki).toBe(a.body.publicKeySpki);
    expect(c.publicKeySpki).toBe(a.body.publicKeySpki);
    const rows = await srv.db.selectFrom('note_key').selectAll().where('meeting_id', '=', fresh.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.public_key_spki).toBe(a.body.publicKeySpki);

    expect((await people.Outsider!.client.get(`/api/meetings/${fresh.id}/note-key`)).status).toBe(403);
    expect((await srv.client().get(`/api/meetings/${fresh.id}/note-key`)).status).toBe(401);
    expect((await people.Alpha!.client.get(`/api/meetings/${uuidv7()}/note-key`)).status).toBe(404);
  });

  it('issues tokens only to present participants, storing nothing but the counter', async () => {
    const key = await people.Absent!.client.get(`/api/meetings/${meeting.id}/note-key`);
    const pub = await importNoteKey(key.body.publicKeySpki);
    const { blinded } = await prepareTokens(pub, 1);
    const absent = await people.Absent!.client.post(`/api/meetings/${meeting.id}/note-tokens`, { blinded });
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('meeting_not_present');
    const outsider = await people.Outsider!.client.post(`/api/meetings/${meeting.id}/note-tokens`, { blinded });
    expect(outsider.status).toBe(403);
    expect((await srv.client().post(`/api/meetings/${meeting.id}/note-tokens`, { blinded })).status).toBe(401);

    const outboxBefore = await srv.db
      .selectFrom('outbox')
      .select(srv.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const auditBefore = await srv.db
      .selectFrom('audit_event')
      .select(srv.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const revisionBefore = (
      await srv.db.selectFrom('meeting').select('revision').where('id', '=', meeting.id).executeTakeFirstOrThrow()
    ).revision;
    const tokens = await obtain(people.Alpha!.client, meeting, 2);
    expect(tokens).toHaveLength(2);
    expect((await participant(meeting, 'Alpha')).tokens_issued).toBe(2);
    expect((await people.Alpha!.client.get(`/api/meetings/${meeting.id}/note-key`)).body.remaining).toBe(3);
    // no event, no audit row, no revision bump for an issuance
    const outboxAfter = await srv.db
      .selectFrom('outbox')
      .select(srv.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const auditAfter = await srv.db
      .selectFrom('audit_event')
      .select(srv.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(outboxAfter.n)).toBe(Number(outboxBefore.n));
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    expect(
      (await srv.db.selectFrom('meeting').select('revision').where('id', '=', meeting.id).executeTakeFirstOrThrow())
        .revision,
    ).toBe(revisionBefore);
  });

  it('refuses malformed blinded messages without counting them', async () => {
    const before = (await participant(meeting, 'Beta')).tokens_issued;
    const short = await people.Beta!.client.post(`/api/meetings/${meeting.id}/note-tokens`, {
      blinded: [toBase64(new Uint8Array(100).fill(7))],
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('note_token_malformed');
    const huge = await people.Beta!.client.post(`/api/meetings/${meeting.id}/note-tokens`, {
      blinded: [toBase64(new Uint8Array(256).fill(0xff))],
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('note_token_malformed');
    expect((await participant(meeting, 'Beta')).tokens_issued).toBe(before);
  });

  it('holds the per-person limit, also under concurrent requests', async () => {
    const key = await people.Beta!.client.get(`/api/meetings/${meeting.id}/note-key`);
    const pub = await importNoteKey(key.body.publicKeySpki);
    const batches = await Promise.all([1, 2, 3, 4].map(() => prepareTokens(pub, 2)));
    const results = await Promise.all(
      batches.map((b) => people.Beta!.client.post(`/api/meetings/${meeting.id}/note-tokens`, { blinded: b.blinded })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(2); // 2 + 2 = 4 ≤ 5; a third pair would make 6
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('note_limit_reached');
    }
    expect((await participant(meeting, 'Beta')).tokens_issued).toBe(4);
    const one = await prepareTokens(pub, 1);
    const fifth = await people.Beta!.client.post(`/api/meetings/${meeting.id}/note-tokens`, { blinded: one.blinded });
    expect(fifth.status).toBe(200);
    expect(fifth.body.remaining).toBe(0);
    const sixth = await people.Beta!.client.post(`/api/meetings/${meeting.id}/note-tokens`, { blinded: one.blinded });
    expect(sixth.status).toBe(422);
    expect(sixth.body.error.code).toBe('note_limit_reached');
    expect((await participant(meeting, 'Beta')).tokens_issued).toBe(5);
  });

  it('takes an anonymous note without a session: verified, spent once, random id, minute only', async () => {
    const [t1, t2] = await obtain(people.Gamma!.client, meeting, 2);
    const rev0 = (
      await srv.db.selectFrom('meeting').select('revision').where('id', '=', meeting.id).executeTakeFirstOrThrow()
    ).revision;
    const res = await anonymous(meeting.id, {
      text: 'Why was the canteen closed?',
      addressedTo: 'presidium',
      token: t1,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const row = await srv.db.selectFrom('question_note').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      meeting_id: meeting.id,
      agenda_item_id: meeting.currentItemId,
      addressed_to: 'presidium',
      speaker_person_id: null,
      signed_by: null,
      status: 'new',
      token_hash: createHash('sha256').update(fromBase64(t1!.message)).digest('hex'),
    });
    const minute = new Date(row.received_minute);
    expect(minute.getUTCSeconds()).toBe(0);
    expect(minute.getUTCMilliseconds()).toBe(0);
    expect(Date.now() - minute.getTime()).toBeLessThan(120_000);
    // the change marker carries nothing but the meeting and its revision
    const ev = await srv.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'meeting.notes')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const payload = typeof ev.payload === 'string' ? JSON.parse(ev.payload) : ev.payload;
    expect(payload).toEqual({ meetingId: meeting.id, revision: rev0 + 1 });

    // the same token again: refused, and the error does not echo it
    const again = await anonymous(meeting.id, { text: 'Once more', token: t1 });
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(JSON.parse(text).error.code).toBe('note_token_spent');
    expect(text).not.toContain(t1!.message);
    expect(text).not.toContain(t1!.signature);

    // the same fresh token twice at once: exactly one note
    const both = await Promise.all([
      anonymous(meeting.id, { text: 'Race A', token: t2 }),
      anonymous(meeting.id, { text: 'Race B', token: t2 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses invalid tokens, tokens of another meeting, and notes while the meeting is not open', async () => {
    const [t] = await obtain(people.Alpha!.client, convened, 1);
    // valid for the convened meeting, but it is not open
    const notOpen = await anonymous(convened.id, { text: 'Too early', token: t });
    expect(notOpen.status).toBe(422);
    expect(((await notOpen.json()) as { error: { code: string } }).error.code).toBe('meeting_not_open');
    // another meeting's token
    const foreign = await anonymous(meeting.id, { text: 'Wrong key', token: t });
    expect(foreign.status).toBe(422);
    const body = await foreign.text();
    expect(JSON.parse(body).error.code).toBe('note_token_invalid');
    expect(body).not.toContain(t!.signature);
    // an altered signature
    const sig = fromBase64(t!.signature);
    sig[10]! ^= 0x40;
    const altered = await anonymous(meeting.id, {
      text: 'Forged',
      token: { message: t!.message, signature: toBase64(sig) },
    });
    expect(altered.status).toBe(422);
    // a made-up token and no token at all
    const made = await anonymous(meeting.id, {
      text: 'Made up',
      token: { message: toBase64(new Uint8Array(64)), signature: toBase64(new Uint8Array(256)) },
    });
    expect(made.status).toBe(422);
    expect((await anonymous(meeting.id, { text: 'No token' })).status).toBe(400);
    const count = await srv.db
      .selectFrom('question_note')
      .select(srv.db.fn.countAll().as('n'))
      .where('text', 'in', ['Too early', 'Wrong key', 'Forged', 'Made up', 'No token'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('addresses a note to the current speaker, and never looks up a session sent with an anonymous note', async () => {
    await srv.db
      .insertInto('speaker_request')
      .values({
        id: uuidv7(),
        meeting_id: meeting.id,
        agenda_item_id: meeting.currentItemId!,
        person_id: people.Speaker!.id,
        kind: 'report',
        status: 'speaking',
        position: 1,
        limit_seconds: 600,
        started_at: new Date(),
      })
      .execute();
    const [t] = await obtain(people.Alpha!.client, meeting, 1);
    // an unsigned note on the signed route is refused: anonymous notes have their own session-less route
    const wrong = await people.Alpha!.client.post(`/api/meetings/${meeting.id}/notes`, { text: 'x', token: t });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('note_anonymous_route');
    // Alpha's client sends its cookie (and CSRF token) along: the session is not even looked up (a lookup would
    // extend its sliding expiry at this very moment), and the note names no one
    const account = await srv.db
      .selectFrom('account')
      .select('id')
      .where('person_id', '=', people.Alpha!.id)
      .executeTakeFirstOrThrow();
    const stale = new Date(Date.now() + 60_000);
    await srv.db.updateTable('session').set({ expires_at: stale }).where('account_id', '=', account.id).execute();
    const res = await people.Alpha!.client.post(`/api/meetings/${meeting.id}/anonymous-notes`, {
      text: 'What about the norms?',
      addressedTo: 'speaker',
      token: t,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sessions = await srv.db
      .selectFrom('session')
      .select('expires_at')
      .where('account_id', '=', account.id)
      .execute();
    expect(sessions.map((x) => new Date(x.expires_at).getTime())).toEqual([stale.getTime()]);
    const row = await srv.db
      .selectFrom('question_note')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ addressed_to: 'speaker', speaker_person_id: people.Speaker!.id, signed_by: null });
  });

  it('takes signed notes from present participants, counted apart from the anonymous tokens', async () => {
    const noSession = await srv.app.request(`/api/meetings/${meeting.id}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Signed, no session', signed: true }),
    });
    expect(noSession.status).toBe(401);
    // a signed note on the anonymous route is refused: that route never knows who is sending
    const misrouted = await anonymous(meeting.id, { text: 'Signed here', signed: true });
    expect(misrouted.status).toBe(400);
    expect(((await misrouted.json()) as { error: { code: string } }).error.code).toBe('note_signed_route');
    const absent = await people.Absent!.client.post(`/api/meetings/${meeting.id}/notes`, { text: 'x', signed: true });
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('meeting_not_present');
    // Alpha obtained 2 + 1 tokens in this meeting (the convened meeting counts apart)
    expect((await participant(meeting, 'Alpha')).tokens_issued).toBe(3);
    const s1 = await people.Alpha!.client.post(`/api/meetings/${meeting.id}/notes`, {
      text: 'I, Alpha, ask about housing.',
      signed: true,
    });
    expect(s1.status).toBe(201);
    const row = await srv.db
      .selectFrom('question_note')
      .selectAll()
      .where('id', '=', s1.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ signed_by: people.Alpha!.id, token_hash: null });
    expect(
      (await people.Alpha!.client.post(`/api/meetings/${meeting.id}/notes`, { text: 'Two', signed: true })).status,
    ).toBe(201);
    expect((await participant(meeting, 'Alpha')).signed_notes).toBe(2);
    // signed notes took nothing from the anonymous tokens, and the key says what is left of each
    const key = await people.Alpha!.client.get(`/api/meetings/${meeting.id}/note-key`);
    expect(key.body).toMatchObject({ remaining: 2, signedRemaining: 3, anonymousLimit: 5, signedLimit: 5 });
  });

  it('after every anonymous token a signed note is still accepted; signed notes stop at their own limit', async () => {
    const fresh = await makeMeeting(srv.db, {
      body: { id: meeting.bodyId, organisationId: meeting.organisationId },
      participants: [{ id: people.Beta!.id }, { id: people.Gamma!.id }],
      present: [{ id: people.Beta!.id }, { id: people.Gamma!.id }],
      open: true,
    });
    // all five anonymous tokens, as the page obtains them at check-in; a sixth is refused
    const tokens = await obtain(people.Beta!.client, fresh, 5);
    const key = await people.Beta!.client.get(`/api/meetings/${fresh.id}/note-key`);
    const pub = await importNoteKey(key.body.publicKeySpki);
    expect(key.body).toMatchObject({ remaining: 0, signedRemaining: 5 });
    const sixth = await people.Beta!.client.post(`/api/meetings/${fresh.id}/note-tokens`, {
      blinded: (await prepareTokens(pub, 1)).blinded,
    });
    expect(sixth.status).toBe(422);
    expect(sixth.body.error.code).toBe('note_limit_reached');

    // "You may still sign a note with your name": and so one may
    const signed = await people.Beta!.client.post(`/api/meetings/${fresh.id}/notes`, {
      text: 'Beta asks, signed, after every anonymous token.',
      signed: true,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    for (const n of [2, 3, 4])
      expect(
        (await people.Beta!.client.post(`/api/meetings/${fresh.id}/notes`, { text: `Signed ${n}`, signed: true }))
          .status,
      ).toBe(201);
    // the last signed note the statute allows, asked for three times at once: exactly one is taken
    const race = await Promise.all(
      ['Race 1', 'Race 2', 'Race 3'].map((text) =>
        people.Beta!.client.post(`/api/meetings/${fresh.id}/notes`, { text, signed: true }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    for (const r of race.filter((x) => x.status === 422)) expect(r.body.error.code).toBe('note_signed_limit_reached');
    const over = await people.Beta!.client.post(`/api/meetings/${fresh.id}/notes`, { text: 'Six', signed: true });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'note_signed_limit_reached', details: { limit: 5 } });
    expect(over.body.error.message).toMatch(/signed question notes/);
    expect(await participant(fresh, 'Beta')).toMatchObject({ tokens_issued: 5, signed_notes: 5 });

    // the anonymous tokens obtained before are still good after the signed limit is reached
    for (const token of tokens)
      expect((await anonymous(fresh.id, { text: 'Anonymous, after the signed ones', token })).status).toBe(201);
    const notes = await srv.db.selectFrom('question_note').selectAll().where('meeting_id', '=', fresh.id).execute();
    expect(notes.filter((n) => n.signed_by === people.Beta!.id)).toHaveLength(5);
    expect(notes.filter((n) => n.signed_by === null)).toHaveLength(5);
    expect((await people.Beta!.client.get(`/api/meetings/${fresh.id}/note-key`)).body).toMatchObject({
      remaining: 0,
      signedRemaining: 0,
    });
    // another participant's limits are their own
    expect((await people.Gamma!.client.get(`/api/meetings/${fresh.id}/note-key`)).body).toMatchObject({
      remaining: 5,
      signedRemaining: 5,
    });
  });

  it('shows every note to the presidium only, signers named, ordered by minute, group, then at random', async () => {
    expect((await people.Alpha!.client.get(`/api/meetings/${meeting.id}/notes`)).status).toBe(403);
    const res = await people.Chair!.client.get(`/api/meetings/${meeting.id}/notes`);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; signedBy: string | null; text: string; receivedMinute: string }[];
    expect(items.length).toBe(5);
    expect(items.find((n) => n.text === 'I, Alpha, ask about housing.')!.signedBy).toBe('Comrade Alpha');
    expect(items.find((n) => n.text === 'Why was the canteen closed?')!.signedBy).toBeNull();
    const sorted = [...items].sort(
      (a, b) => a.receivedMinute.localeCompare(b.receivedMinute) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(items.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
  });

  it('lets the presidium group and set aside notes, and refuses others', async () => {
    const list = (await people.Chair!.client.get(`/api/meetings/${meeting.id}/notes`)).body.items as { id: string }[];
    const id = list[0]!.id;
    const path = `/api/meetings/${meeting.id}/notes/${id}`;
    expect((await people.Alpha!.client.patch(path, { groupLabel: 'Housing' })).status).toBe(403);
    const g = await people.Chair!.client.patch(path, { groupLabel: 'Housing' });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(g.body.groupLabel).toBe('Housing');
    const aside = await people.Chair!.client.patch(path, { status: 'set_aside' });
    expect(aside.body.status).toBe('set_aside');
    const back = await people.Chair!.client.patch(path, { status: 'new', groupLabel: null });
    expect(back.body).toMatchObject({ status: 'new', groupLabel: null });
    expect((await people.Chair!.client.patch(path, {})).status).toBe(400);
    expect(
      (await people.Chair!.client.patch(`/api/meetings/${meeting.id}/notes/${uuidv7()}`, { groupLabel: 'x' })).status,
    ).toBe(404);
  });

  it('enters an answer into the transcript as the current speaker’s note answer', async () => {
    const list = (await people.Chair!.client.get(`/api/meetings/${meeting.id}/notes`)).body.items as {
      id: string;
      text: string;
    }[];
    const note = list.find((n) => n.text === 'What about the norms?')!;
    const path = `/api/meetings/${meeting.id}/notes/${note.id}`;
    const res = await people.Chair!.client.patch(path, {
      answer: 'The norms will be reviewed by the works committee.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'answered',
      answer: 'The norms will be reviewed by the works committee.',
    });
    const row = await srv.db
      .selectFrom('question_note')
      .selectAll()
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow();
    const entry = await srv.db
      .selectFrom('transcript_entry')
      .selectAll()
      .where('id', '=', row.answer_entry_id!)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      meeting_id: meeting.id,
      kind: 'note_answer',
      speaker_person_id: people.Speaker!.id,
      speaker_label: 'Comrade Speaker',
      text: 'Question (note): What about the norms?\nAnswer: The norms will be reviewed by the works committee.',
    });
    const twice = await people.Chair!.client.patch(path, { answer: 'Again' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('note_already_answered');
    // unanswered notes stay
    const after = (await people.Chair!.client.get(`/api/meetings/${meeting.id}/notes`)).body.items as {
      status: string;
    }[];
    expect(after.filter((n) => n.status === 'new').length).toBe(4);
  });

  it('refuses notes after the meeting closed', async () => {
    await setMeetingStatus(srv.db, convened.id, 'closed');
    const key = await people.Gamma!.client.get(`/api/meetings/${convened.id}/note-key`);
    const pub = await importNoteKey(key.body.publicKeySpki);
    const { blinded } = await prepareTokens(pub, 1);
    const res = await people.Gamma!.client.post(`/api/meetings/${convened.id}/note-tokens`, { blinded });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('meeting_already_closed');
  });
  it('refuses a note the database cannot store (a NUL character) with a 400, logging nothing (review)', async () => {
    const [t] = await obtain(people.Gamma!.client, meeting, 1);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    let res: Response;
    try {
      res = await anonymous(meeting.id, { text: 'Why\u0000?', addressedTo: 'presidium', token: t });
    } finally {
      console.error = original;
    }
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    // nothing about the note (its text, its token) reached the log
    expect(errors).toEqual([]);
    // the token was not spent
    const ok = await anonymous(meeting.id, { text: 'Why?', addressedTo: 'presidium', token: t });
    expect(ok.status).toBe(201);
  });
});
