// What the server says the reader may do with a meeting's protocol (`Protocol.can`, and `Meeting.can.generateProtocol`
// before there is one; ADR 0026): for each step, an entitled actor, one not entitled and wrong states (of the meeting
// or the protocol), the flag read is true exactly when the step's write succeeds. Each row starts afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, type MadeBody } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { namedPeople } from '../support/accounts.js';
import type { Protocol } from '../../src/contracts/assembly.js';

type Flag = keyof Protocol['can'];
type Who = 'Manager' | 'Chair' | 'Secretary' | 'Voter';
type State = 'none' | 'draft' | 'approved' | 'sealed';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;

describe.each(DB_KINDS)("what the reader may do with a meeting's protocol on %s", (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  const { account, who, id } = namedPeople(() => srv);

  /** A fresh meeting (open, or closed) of the district whose protocol the secretary has taken to `state`. */
  async function meeting(status: 'open' | 'closed', state: State): Promise<MadeMeeting> {
    const m = await makeMeeting(srv.db, {
      body: { id: district.id, organisationId: org.id },
      open: true,
      participants: ['Chair', 'Secretary', 'Voter'].map((n) => ({ id: id(n) })),
      present: ['Chair', 'Secretary', 'Voter'].map((n) => ({ id: id(n) })),
      roles: [
        { person: { id: id('Chair') }, role: 'chair' },
        { person: { id: id('Secretary') }, role: 'secretary' },
      ],
    });
    if (status === 'closed') {
      const read = await who('Chair').get(`/api/meetings/${m.id}`);
      const res = await who('Chair').post(`/api/meetings/${m.id}/close`, { revision: read.body.revision });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const step = async (path: string, body: (v: number) => object) => {
      const p = await who('Secretary').get(`/api/meetings/${m.id}/protocol`);
      const res = await who('Secretary').post(`/api/meetings/${m.id}/protocol${path}`, body(p.body.version));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    if (state !== 'none') await step('', () => ({ lang: 'en' }));
    if (state === 'approved' || state === 'sealed') await step('/approve', (version) => ({ version }));
    if (state === 'sealed') await step('/seal', (version) => ({ version }));
    return m;
  }

  /** The step each flag stands for, by `actor` on the protocol as read (`version`: 1 when there is none). */
  const writes: Record<Flag, (a: Who, m: MadeMeeting, version: number) => Promise<TestResponse>> = {
    generate: (a, m) => who(a).post(`/api/meetings/${m.id}/protocol`, { lang: 'en' }),
    edit: (a, m, version) => who(a).patch(`/api/meetings/${m.id}/protocol`, { version, body: 'Edited text.' }),
    approve: (a, m, version) => who(a).post(`/api/meetings/${m.id}/protocol/approve`, { version }),
    seal: (a, m, version) => who(a).post(`/api/meetings/${m.id}/protocol/seal`, { version }),
  };

  // [flag, actor, meeting's status, protocol's state, expected]
  type Row = [Flag, Who, 'open' | 'closed', State, boolean];
  const rows: Row[] = [
    ['generate', 'Secretary', 'open', 'none', true],
    ['generate', 'Manager', 'closed', 'none', true],
    ['generate', 'Chair', 'closed', 'none', false],
    ['generate', 'Secretary', 'open', 'draft', true],
    ['generate', 'Manager', 'closed', 'draft', true],
    ['generate', 'Chair', 'closed', 'draft', false],
    ['generate', 'Secretary', 'closed', 'approved', false],
    ['generate', 'Secretary', 'closed', 'sealed', false],
    ['edit', 'Secretary', 'open', 'draft', true],
    ['edit', 'Manager', 'closed', 'draft', true],
    ['edit', 'Voter', 'closed', 'draft', false],
    ['edit', 'Secretary', 'closed', 'approved', false],
    ['approve', 'Secretary', 'closed', 'draft', true],
    ['approve', 'Manager', 'closed', 'draft', true],
    ['approve', 'Chair', 'closed', 'draft', false],
    ['approve', 'Secretary', 'open', 'draft', false],
    ['approve', 'Secretary', 'closed', 'approved', false],
    ['seal', 'Secretary', 'closed', 'approved', true],
    ['seal', 'Manager', 'closed', 'approved', true],
    ['seal', 'Chair', 'closed', 'approved', false],
    ['seal', 'Secretary', 'closed', 'draft', false],
    ['seal', 'Secretary', 'closed', 'sealed', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    const po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Manager', org, district, { secretaryOf: district });
    for (const n of ['Chair', 'Secretary', 'Voter']) await account(n, org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  // The transcript is written and corrected until the protocol is approved: the meeting's flag says so, the
  // secretary's tab stays (keepTranscript), and the write agrees with the flag.
  it.each([
    ['none', true],
    ['draft', true],
    ['approved', false],
    ['sealed', false],
  ] as [State, boolean][])(
    'with the protocol %s, recordTranscript is %s, and so is the write',
    async (state, expected) => {
      const m = await meeting('closed', state);
      const read = await who('Secretary').get(`/api/meetings/${m.id}`);
      expect(read.body.can.keepTranscript).toBe(true);
      expect(read.body.can.recordTranscript).toBe(expected);
      const res = await who('Secretary').post(`/api/meetings/${m.id}/transcript`, {
        kind: 'speech',
        text: 'Words.',
        speakerLabel: 'A delegate',
      });
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(expected);
    },
  );

  it.each(rows)(
    '%s for %s (meeting %s, protocol %s) is %s, and so is the write',
    async (flag, actor, status, state, expected) => {
      const m = await meeting(status, state);
      let can: boolean;
      let version = 1;
      if (state === 'none') {
        // no protocol yet: the meeting says whether one may be generated
        expect((await who(actor).get(`/api/meetings/${m.id}/protocol`)).status).toBe(404);
        const read = await who(actor).get(`/api/meetings/${m.id}`);
        expect(read.status, JSON.stringify(read.body)).toBe(200);
        can = read.body.can.generateProtocol as boolean;
      } else {
        const read = await who(actor).get(`/api/meetings/${m.id}/protocol`);
        expect(read.status, JSON.stringify(read.body)).toBe(200);
        const p = read.body as Protocol;
        can = p.can[flag];
        version = p.version;
        // the meeting's flag and the protocol's agree
        const mtg = await who(actor).get(`/api/meetings/${m.id}`);
        expect(mtg.body.can.generateProtocol).toBe(p.can.generate);
      }
      expect(can).toBe(expected);
      const res = await writes[flag](actor, m, version);
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can);
    },
  );
});
