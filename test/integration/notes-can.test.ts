// What the server says the reader may do with a question note (`QuestionNote.can`; ADR 0026): for each flag, an
// entitled actor, one not entitled and a wrong state (of the meeting or the note), the flag read from the notes'
// list is true exactly when PATCH /notes/{noteId} with that act succeeds. Each row starts from a fresh meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, type MadeBody } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { namedPeople } from '../support/accounts.js';
import type { NoteStatus, QuestionNote } from '../../src/contracts/assembly.js';

type Flag = keyof QuestionNote['can'];
type Who = 'Manager' | 'Chair' | 'Presidium' | 'Secretary' | 'Voter';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;

describe.each(DB_KINDS)('what the reader may do with a question note on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  const { account, who, id } = namedPeople(() => srv);

  /** A fresh open meeting of the district with a signed note from the voter, in `note` status. */
  async function meetingWithNote(note: NoteStatus, closed: boolean): Promise<{ m: MadeMeeting; noteId: string }> {
    const m = await makeMeeting(srv.db, {
      body: { id: district.id, organisationId: org.id },
      open: true,
      participants: ['Chair', 'Presidium', 'Secretary', 'Voter'].map((n) => ({ id: id(n) })),
      present: ['Chair', 'Presidium', 'Secretary', 'Voter'].map((n) => ({ id: id(n) })),
      roles: [
        { person: { id: id('Chair') }, role: 'chair' },
        { person: { id: id('Presidium') }, role: 'presidium' },
        { person: { id: id('Secretary') }, role: 'secretary' },
      ],
    });
    const sent = await who('Voter').post(`/api/meetings/${m.id}/notes`, { text: 'What of the plan?', signed: true });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const noteId = sent.body.id as string;
    const patch = (body: object) => who('Chair').patch(`/api/meetings/${m.id}/notes/${noteId}`, body);
    if (note === 'set_aside') expect((await patch({ status: 'set_aside' })).status).toBe(200);
    if (note === 'answered') expect((await patch({ answer: 'It is on course.' })).status).toBe(200);
    if (closed) {
      const read = await who('Chair').get(`/api/meetings/${m.id}`);
      const res = await who('Chair').post(`/api/meetings/${m.id}/close`, { revision: read.body.revision });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return { m, noteId };
  }

  const bodies: Record<Flag, object> = {
    answer: { answer: 'We shall see.' },
    setAside: { status: 'set_aside' },
    restore: { status: 'new' },
    group: { groupLabel: 'The plan' },
  };

  // [flag, actor, note's status, meeting closed, expected]
  type Row = [Flag, Who, NoteStatus, boolean, boolean];
  const rows: Row[] = [
    ['answer', 'Presidium', 'new', false, true],
    ['answer', 'Chair', 'set_aside', false, true],
    ['answer', 'Manager', 'new', false, true],
    ['answer', 'Secretary', 'new', false, false],
    ['answer', 'Voter', 'new', false, false],
    ['answer', 'Presidium', 'answered', false, false],
    ['answer', 'Presidium', 'new', true, false],
    ['setAside', 'Presidium', 'new', false, true],
    ['setAside', 'Manager', 'new', false, true],
    ['setAside', 'Secretary', 'new', false, false],
    ['setAside', 'Presidium', 'answered', false, false],
    ['setAside', 'Presidium', 'new', true, false],
    ['restore', 'Chair', 'set_aside', false, true],
    ['restore', 'Secretary', 'set_aside', false, false],
    ['restore', 'Chair', 'answered', false, false],
    ['restore', 'Chair', 'set_aside', true, false],
    ['group', 'Presidium', 'new', false, true],
    ['group', 'Presidium', 'answered', false, true],
    ['group', 'Voter', 'new', false, false],
    ['group', 'Presidium', 'new', true, false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    const po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Manager', org, district, { secretaryOf: district });
    for (const n of ['Chair', 'Presidium', 'Secretary', 'Voter']) await account(n, org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)(
    '%s for %s on a %s note (meeting closed: %s) is %s, and so is the write',
    async (flag, actor, note, closed, expected) => {
      const { m, noteId } = await meetingWithNote(note, closed);
      const list = await who(actor).get(`/api/meetings/${m.id}/notes`);
      // those who may not read the notes (403) may do nothing with them
      const read = list.status === 200 ? (list.body.items as QuestionNote[]).find((n) => n.id === noteId) : undefined;
      if (list.status !== 200) expect(list.status).toBe(403);
      const can = read?.can[flag] ?? false;
      expect(can).toBe(expected);
      const res = await who(actor).patch(`/api/meetings/${m.id}/notes/${noteId}`, bodies[flag]);
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can);
      // the note a write returns says the same of the next act as the list would
      if (ok(res)) {
        const after = (await who(actor).get(`/api/meetings/${m.id}/notes`)).body.items as QuestionNote[];
        expect((res.body as QuestionNote).can).toEqual(after.find((n) => n.id === noteId)!.can);
      }
    },
  );
});
