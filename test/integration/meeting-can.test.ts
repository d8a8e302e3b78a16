// What the server says the reader may do in a meeting (`Meeting.can`, `BodyMeetingPage.can`; ADR 0026): for each
// flag and a set of actors (entitled, not entitled) and meeting states (right, wrong), the flag read from the
// response is true exactly when the write it stands for succeeds. Each row starts from a fresh meeting. The
// participant's own acts (check-in, floor, notes, motions, the vote) are read the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { namedPeople } from '../support/accounts.js';
import type { MeetingCan, MeetingKind, MeetingStatus } from '../../src/contracts/assembly.js';
import { importNoteKey, prepareTokens } from '../../src/web/modules/assembly/note-tokens.js';

type Flag = keyof MeetingCan;
type Who =
  | 'Manager'
  | 'Chair'
  | 'Presidium'
  | 'Secretary'
  | 'Secretariat'
  | 'Stenographer'
  | 'Teller'
  | 'Cred'
  | 'Voter'
  | 'Absent';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;

describe.each(DB_KINDS)('what the reader may do in a meeting on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  let po: MadeBody;
  let otherDistrict: MadeBody;
  let delegate: { id: string };
  const { account, who, id } = namedPeople(() => srv);

  /** A fresh meeting of the district with every role filled; the voter present, 'Absent' not. */
  const meeting = (status: MeetingStatus, meetingKind: MeetingKind = 'general_assembly') =>
    makeMeeting(srv.db, {
      body: { id: district.id, organisationId: org.id },
      kind: meetingKind,
      status,
      participants: ['Chair', 'Presidium', 'Secretary', 'Teller', 'Cred', 'Voter', 'Absent'].map((n) => ({
        id: id(n),
      })),
      present: ['Chair', 'Presidium', 'Secretary', 'Teller', 'Voter'].map((n) => ({ id: id(n) })),
      roles: [
        { person: { id: id('Chair') }, role: 'chair' },
        { person: { id: id('Presidium') }, role: 'presidium' },
        { person: { id: id('Secretary') }, role: 'secretary' },
        { person: { id: id('Secretariat') }, role: 'secretariat' },
        { person: { id: id('Stenographer') }, role: 'stenographer' },
        { person: { id: id('Teller') }, role: 'teller' },
        { person: { id: id('Cred') }, role: 'credentials' },
      ],
    });

  /** A vote the chair announced and opened in `m` (open meeting), by `method`. */
  async function openVote(m: MadeMeeting, method: 'open' | 'roll_call'): Promise<string> {
    const v = await who('Chair').post(`/api/meetings/${m.id}/votes`, {
      method,
      title: 'Approve the report',
      agendaItemId: m.items[0]!.id,
    });
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    const opened = await who('Chair').post(`/api/votes/${v.body.id}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return v.body.id as string;
  }

  /** The write each flag stands for, attempted by `actor` in `m` as just read (`read` is the actor's GET). */
  const writes: Record<Flag, (actor: Who, m: MadeMeeting, read: Loose) => Promise<TestResponse>> = {
    chair: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/votes`, { method: 'open', title: 'Q', agendaItemId: m.items[0]!.id }),
    open: (a, m, r) => who(a).post(`/api/meetings/${m.id}/open`, { revision: r.revision }),
    moveAgenda: (a, m, r) => who(a).post(`/api/meetings/${m.id}/agenda/advance`, { revision: r.revision }),
    close: (a, m, r) => who(a).post(`/api/meetings/${m.id}/close`, { revision: r.revision }),
    cancel: (a, m, r) => who(a).post(`/api/meetings/${m.id}/cancel`, { revision: r.revision }),
    setRoles: (a, m, r) =>
      who(a).put(`/api/meetings/${m.id}/roles`, {
        roles: (r.roles as Loose[]).map((x) => ({ personId: x.personId, role: x.role, how: x.how })),
      }),
    keepDesk: (a, m) => who(a).post(`/api/meetings/${m.id}/check-in`, { personId: id('Absent') }),
    keepTranscript: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/transcript`, { kind: 'speech', text: 'Words.', speakerLabel: 'A delegate' }),
    recordTranscript: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/transcript`, {
        kind: 'speech',
        text: 'Words.',
        speakerLabel: 'A delegate',
      }),
    handleNotes: async (a, m) => {
      const note = await who('Voter').post(`/api/meetings/${m.id}/notes`, { text: 'A question?', signed: true });
      expect(note.status, JSON.stringify(note.body)).toBe(201);
      return who(a).patch(`/api/meetings/${m.id}/notes/${note.body.id}`, { status: 'set_aside' });
    },
    keepProtocol: (a, m) => who(a).post(`/api/meetings/${m.id}/protocol`, { lang: 'en' }),
    project: (a, m) => who(a).get(`/api/meetings/${m.id}/participants`),
    tell: async (a, m) =>
      who(a).post(`/api/votes/${await openVote(m, 'open')}/count`, { counts: { for: 4, against: 0, abstain: 1 } }),
    recordRoll: async (a, m) =>
      who(a).post(`/api/votes/${await openVote(m, 'roll_call')}/roll-call`, {
        personId: id('Presidium'),
        choice: 'for',
      }),
    enterMandate: (a, m) => who(a).post(`/api/meetings/${m.id}/mandates`, { personId: delegate.id, fromBodyId: po.id }),
    checkMandates: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/mandates`, { personId: delegate.id, fromBodyId: po.id }),
    generateProtocol: (a, m) => who(a).post(`/api/meetings/${m.id}/protocol`, { lang: 'en' }),
    announceVote: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/votes`, { method: 'open', title: 'Q', agendaItemId: m.items[0]!.id }),
    openElection: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/elections`, {
        agendaItemId: m.items[0]!.id,
        title: 'The bureau',
        office: 'bureau',
      }),
    // the participant's own acts
    checkIn: (a, m) => who(a).post(`/api/meetings/${m.id}/check-in`, { hallCode: m.hallCode }),
    askFloor: (a, m) => who(a).post(`/api/meetings/${m.id}/floor`, { kind: 'speech' }),
    obtainNoteTokens: async (a, m) => {
      const key = await who('Manager').get(`/api/meetings/${m.id}/note-key`);
      expect(key.status, JSON.stringify(key.body)).toBe(200);
      const { blinded } = await prepareTokens(await importNoteKey(key.body.publicKeySpki), 1);
      return who(a).post(`/api/meetings/${m.id}/note-tokens`, { blinded });
    },
    sendNote: (a, m) => who(a).post(`/api/meetings/${m.id}/notes`, { text: 'A question?', signed: true }),
    proposeMotion: (a, m) =>
      who(a).post(`/api/meetings/${m.id}/motions`, {
        agendaItemId: m.items[0]!.id,
        title: 'On the plan',
        text: 'The assembly approves the plan.',
      }),
    vote: async (a, m) =>
      who(a).post(`/api/votes/${await openVote(m, 'roll_call')}/roll-call`, { personId: id(a), choice: 'for' }),
  };

  // [flag, actor, state, expected]; the expectation keeps each row honest (both answers occur for every flag).
  type Row = [Flag, Who, MeetingStatus, boolean, MeetingKind?];
  const rows: Row[] = [
    ['chair', 'Chair', 'open', true],
    ['chair', 'Presidium', 'open', true],
    ['chair', 'Manager', 'open', true],
    ['chair', 'Secretary', 'open', false],
    ['chair', 'Voter', 'open', false],
    ['open', 'Chair', 'convened', true],
    ['open', 'Manager', 'convened', true],
    ['open', 'Presidium', 'convened', false],
    ['open', 'Voter', 'convened', false],
    ['open', 'Chair', 'open', false],
    ['moveAgenda', 'Chair', 'open', true],
    ['moveAgenda', 'Presidium', 'open', false],
    ['moveAgenda', 'Chair', 'convened', false],
    ['close', 'Chair', 'open', true],
    ['close', 'Manager', 'open', true],
    ['close', 'Secretary', 'open', false],
    ['close', 'Chair', 'convened', false],
    ['cancel', 'Manager', 'convened', true],
    ['cancel', 'Chair', 'convened', false],
    ['cancel', 'Manager', 'open', false],
    ['setRoles', 'Chair', 'open', true],
    ['setRoles', 'Manager', 'convened', true],
    ['setRoles', 'Presidium', 'open', false],
    ['setRoles', 'Chair', 'closed', false],
    ['keepDesk', 'Secretariat', 'open', true],
    ['keepDesk', 'Secretary', 'convened', true],
    ['keepDesk', 'Chair', 'open', false],
    ['keepDesk', 'Voter', 'open', false],
    ['recordTranscript', 'Stenographer', 'open', true],
    ['recordTranscript', 'Secretary', 'open', true],
    ['recordTranscript', 'Chair', 'open', false],
    // keeping the transcript (its tab) is the role; while no protocol is approved it is also the write
    ['keepTranscript', 'Stenographer', 'open', true],
    ['keepTranscript', 'Chair', 'open', false],
    ['handleNotes', 'Presidium', 'open', true],
    ['handleNotes', 'Chair', 'open', true],
    ['handleNotes', 'Secretary', 'open', false],
    ['handleNotes', 'Voter', 'open', false],
    ['keepProtocol', 'Secretary', 'closed', true],
    ['keepProtocol', 'Manager', 'closed', true],
    ['keepProtocol', 'Chair', 'closed', false],
    ['project', 'Secretariat', 'open', true],
    ['project', 'Presidium', 'open', true],
    ['project', 'Stenographer', 'open', false],
    ['project', 'Voter', 'open', false],
    ['tell', 'Teller', 'open', true],
    ['tell', 'Secretary', 'open', true],
    ['tell', 'Voter', 'open', false],
    ['tell', 'Secretariat', 'open', false],
    ['recordRoll', 'Secretary', 'open', true],
    ['recordRoll', 'Chair', 'open', true],
    ['recordRoll', 'Teller', 'open', false],
    ['recordRoll', 'Voter', 'open', false],
    ['checkMandates', 'Cred', 'convened', true, 'conference'],
    ['checkMandates', 'Manager', 'convened', true, 'conference'],
    ['checkMandates', 'Chair', 'convened', false, 'conference'],
    ['checkMandates', 'Voter', 'convened', false, 'conference'],
    ['enterMandate', 'Cred', 'convened', true, 'conference'],
    ['enterMandate', 'Cred', 'open', true, 'conference'],
    ['enterMandate', 'Cred', 'closed', false, 'conference'],
    ['enterMandate', 'Cred', 'convened', false, 'general_assembly'],
    ['enterMandate', 'Voter', 'convened', false, 'conference'],
    ['generateProtocol', 'Secretary', 'open', true],
    ['generateProtocol', 'Manager', 'closed', true],
    ['generateProtocol', 'Chair', 'closed', false],
    ['generateProtocol', 'Secretary', 'convened', false],
    ['announceVote', 'Chair', 'open', true],
    ['announceVote', 'Presidium', 'open', true],
    ['announceVote', 'Secretary', 'open', false],
    ['announceVote', 'Chair', 'convened', false],
    ['openElection', 'Chair', 'convened', true],
    ['openElection', 'Manager', 'open', true],
    ['openElection', 'Voter', 'open', false],
    ['openElection', 'Chair', 'closed', false],
    ['checkIn', 'Absent', 'convened', true],
    ['checkIn', 'Absent', 'open', true],
    ['checkIn', 'Secretariat', 'open', false],
    ['checkIn', 'Absent', 'closed', false],
    ['askFloor', 'Voter', 'open', true],
    ['askFloor', 'Absent', 'open', false],
    ['askFloor', 'Secretariat', 'open', false],
    ['askFloor', 'Voter', 'convened', false],
    ['obtainNoteTokens', 'Voter', 'open', true],
    ['obtainNoteTokens', 'Voter', 'convened', true],
    ['obtainNoteTokens', 'Absent', 'open', false],
    ['obtainNoteTokens', 'Voter', 'closed', false],
    ['sendNote', 'Voter', 'open', true],
    ['sendNote', 'Absent', 'open', false],
    ['sendNote', 'Voter', 'convened', false],
    ['proposeMotion', 'Voter', 'open', true],
    ['proposeMotion', 'Absent', 'open', false],
    ['proposeMotion', 'Secretariat', 'open', false],
    ['proposeMotion', 'Voter', 'convened', false],
    ['vote', 'Voter', 'open', true],
    ['vote', 'Teller', 'open', true],
    ['vote', 'Absent', 'open', false],
    ['vote', 'Secretariat', 'open', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    otherDistrict = await makeBody(srv.db, org, 'district_committee', root);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Manager', org, district, { secretaryOf: district });
    await account('Elsewhere', org, otherDistrict, { secretaryOf: otherDistrict });
    for (const n of ['Chair', 'Presidium', 'Secretary', 'Secretariat', 'Stenographer', 'Teller', 'Cred', 'Voter'])
      await account(n, org, po);
    await account('Absent', org, po);
    delegate = await makePerson(srv.db, org, po, { familyName: 'Delegate' });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)('%s for %s in a %s meeting is %s, and so is the write', async (flag, actor, status, expected, k) => {
    const m = await meeting(status, k);
    const read = await who(actor).get(`/api/meetings/${m.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = read.body.can as MeetingCan;
    expect(can[flag]).toBe(expected);
    const res = await writes[flag](actor, m, read.body);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can[flag]);
    // the hall code goes to exactly those who may show the projector
    if (flag === 'project') expect(read.body.hallCode !== null).toBe(can.project);
  });

  const convene = {
    kind: 'general_assembly',
    title: 'General assembly',
    startsAt: '2031-09-01T16:00:00Z',
    place: 'Club of the works',
    agenda: [{ title: 'Report of the bureau' }],
  };
  it.each([
    ['Manager', true],
    ['Elsewhere', false],
    ['Voter', false],
  ] as const)('convene at the primary organisation for %s is %s, and so is the write', async (actor, expected) => {
    const list = await who(actor).get(`/api/bodies/${po.id}/meetings`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.can.convene).toBe(expected);
    const res = await who(actor).post(`/api/bodies/${po.id}/meetings`, convene);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(expected);
  });
});
