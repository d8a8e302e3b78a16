// Names in the reader's language at a meeting in progress (issue 11, point 13): the live state (the meeting page's
// status panel, the projector, the delegate's page) names the chair, the speaker and the queue, and a question note
// names its speaker and signer, and the agenda a reporter chosen from the members, with the Latin name and the Cyrillic one when recorded, as every other list does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('names at a meeting in progress on %s', (kind) => {
  let srv: TestServer;
  let chair: TestClient;
  let meetingId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const works = await makeBody(db, org, 'primary_organisation', null, { name: 'Red Putilovite works' });
    const kirov = await makePerson(db, org, works, { familyName: 'Kirov', givenName: 'Sergei' });
    await db.updateTable('person').set({ name_ru: 'Киров Сергей Миронович' }).where('id', '=', kirov.id).execute();
    await makeOffice(db, works, kirov, 'secretary');
    const speaker = await makePerson(db, org, works, { familyName: 'Speaker', givenName: 'Ivan' });
    await db.updateTable('person').set({ name_ru: 'Ораторов Иван' }).where('id', '=', speaker.id).execute();
    const waiting = await makePerson(db, org, works, { familyName: 'Waiting', givenName: 'Pyotr' });
    await db.updateTable('person').set({ name_ru: 'Ждущий Пётр' }).where('id', '=', waiting.id).execute();
    const latin = await makePerson(db, org, works, { familyName: 'Nameless', givenName: 'Anna' });
    const meeting = await makeMeeting(db, {
      body: { id: works.id, organisationId: org.id },
      status: 'open',
      participants: [kirov, speaker, waiting, latin],
      present: [kirov, speaker, waiting, latin],
      roles: [{ person: kirov, role: 'chair' }],
    });
    meetingId = meeting.id;
    const item = meeting.items[0]!.id;
    await db.updateTable('meeting').set({ current_item_id: item }).where('id', '=', meetingId).execute();
    // the first item's reporter chosen from the members, the second's typed in
    await db.updateTable('agenda_item').set({ reporter_person_id: speaker.id }).where('id', '=', item).execute();
    await db
      .updateTable('agenda_item')
      .set({ reporter_name: 'A guest from the plant' })
      .where('id', '=', meeting.items[1]!.id)
      .execute();
    const request = (personId: string, position: number, status: 'speaking' | 'waiting') => ({
      id: uuidv7(),
      meeting_id: meetingId,
      agenda_item_id: item,
      person_id: personId,
      kind: 'speech' as const,
      status,
      position,
      limit_seconds: 300,
      started_at: status === 'speaking' ? new Date() : null,
      ended_at: null,
    });
    await db
      .insertInto('speaker_request')
      .values([request(speaker.id, 1, 'speaking'), request(waiting.id, 2, 'waiting'), request(latin.id, 3, 'waiting')])
      .execute();
    const note = (signedBy: string | null) => ({
      id: uuidv7(),
      meeting_id: meetingId,
      agenda_item_id: item,
      addressed_to: 'speaker' as const,
      speaker_person_id: speaker.id,
      text: 'How many tractors?',
      token_hash: signedBy ? null : `hash-${uuidv7()}`,
      signed_by: signedBy,
      received_minute: new Date(),
      group_label: null,
      answer: null,
      answered_at: null,
      answer_entry_id: null,
    });
    await db
      .insertInto('question_note')
      .values([note(waiting.id), note(latin.id), note(null)])
      .execute();
    await srv.services.auth.createAccount({ personId: kirov.id, login: 'kirov', password: PASSWORD });
    chair = srv.client();
    expect((await chair.login('kirov', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('the live state names the chair, the speaker and the queue in both languages', async () => {
    const r = await chair.get(`/api/meetings/${meetingId}/live`);
    expect(r.status).toBe(200);
    const s = r.body as Loose;
    expect([s.chair, s.chairRu]).toEqual(['Kirov Sergei', 'Киров Сергей Миронович']);
    expect([s.speaker.name, s.speaker.nameRu]).toEqual(['Speaker Ivan', 'Ораторов Иван']);
    expect((s.queue as Loose[]).map((q) => [q.name, q.nameRu])).toEqual([
      ['Waiting Pyotr', 'Ждущий Пётр'],
      ['Nameless Anna', null],
    ]);
  });

  it('a question note names its speaker and its signer in both languages (an anonymous one nobody)', async () => {
    const r = await chair.get(`/api/meetings/${meetingId}/notes`);
    expect(r.status).toBe(200);
    const notes = (r.body as Loose).items as Loose[];
    const bySigner = new Map(notes.map((n) => [n.signedBy, n]));
    for (const n of notes) expect([n.speakerName, n.speakerNameRu]).toEqual(['Ivan Speaker', 'Ораторов Иван']);
    expect(bySigner.get('Pyotr Waiting')?.signedByRu).toBe('Ждущий Пётр');
    expect(bySigner.get('Anna Nameless')?.signedByRu).toBeNull();
    expect(bySigner.get(null)?.signedByRu).toBeNull();
    expect(notes).toHaveLength(3);
  });

  it('the agenda names a reporter chosen from the members in both languages; a typed name stays as typed', async () => {
    const r = await chair.get(`/api/meetings/${meetingId}`);
    expect(r.status).toBe(200);
    const agenda = (r.body as Loose).agenda as Loose[];
    expect(agenda.map((a) => [a.reporterName, a.reporterNameRu])).toEqual([
      ['Speaker Ivan', 'Ораторов Иван'],
      ['A guest from the plant', null],
    ]);
  });
});
