// What the server says a participant may do with the meeting's motions and elections (`Motion.can`,
// `MotionList.can`, `Election.can`, `Candidate.can`; ADR 0026): for each flag, an entitled actor, some not entitled
// (absent, consultative, not the proposer or the candidate) and wrong states (of the meeting, the motion, the
// election, the candidacy), the flag read is true exactly when the write succeeds. Each row starts afresh. The
// meeting-wide participant acts (check-in, floor, notes, moving a motion, the vote) are in meeting-can.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, type MadeBody } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { namedPeople } from '../support/accounts.js';
import type { Candidate, Election, Motion } from '../../src/contracts/ballot.js';

type Who = 'Manager' | 'Chair' | 'Mover' | 'Second' | 'Absent' | 'Adviser' | 'Cand';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;

describe.each(DB_KINDS)('what a participant may do with motions and elections on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  const { account, who, id } = namedPeople(() => srv);

  /** A fresh open meeting: the voters present, 'Absent' not, 'Adviser' present with a consultative voice. */
  const meeting = () =>
    makeMeeting(srv.db, {
      body: { id: district.id, organisationId: org.id },
      open: true,
      participants: [
        ...['Chair', 'Mover', 'Second', 'Absent', 'Cand'].map((n) => ({ id: id(n) })),
        { person: { id: id('Adviser') }, voice: 'consultative' as const },
      ],
      present: ['Chair', 'Mover', 'Second', 'Adviser', 'Cand'].map((n) => ({ id: id(n) })),
      roles: [{ person: { id: id('Chair') }, role: 'chair' }],
    });

  async function close(m: MadeMeeting): Promise<void> {
    const read = await who('Chair').get(`/api/meetings/${m.id}`);
    const res = await who('Chair').post(`/api/meetings/${m.id}/close`, { revision: read.body.revision });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  describe('motions', () => {
    type Flag = keyof Motion['can'];
    /** live: before the vote; adopted; approved: adopted, the meeting closed and its protocol approved. */
    type State = 'live' | 'adopted' | 'closed' | 'approved';

    /** A motion the mover moved, taken to `state`. */
    async function motion(m: MadeMeeting, state: State): Promise<string> {
      const res = await who('Mover').post(`/api/meetings/${m.id}/motions`, {
        agendaItemId: m.items[0]!.id,
        title: 'On the plan',
        text: 'The assembly approves the plan.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const motionId = res.body.id as string;
      if (state === 'adopted' || state === 'approved')
        await srv.db
          .updateTable('motion')
          .set({ status: 'adopted', decided_at: new Date() })
          .where('id', '=', motionId)
          .execute();
      if (state !== 'live' && state !== 'adopted') await close(m);
      if (state === 'approved') {
        const gen = await who('Manager').post(`/api/meetings/${m.id}/protocol`, { lang: 'en' });
        expect(gen.status, JSON.stringify(gen.body)).toBe(200);
        const approved = await who('Manager').post(`/api/meetings/${m.id}/protocol/approve`, {
          version: gen.body.version,
        });
        expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      }
      return motionId;
    }

    const writes: Record<Flag, (a: Who, motionId: string) => Promise<TestResponse>> = {
      support: (a, x) => who(a).post(`/api/motions/${x}/support`),
      withdraw: (a, x) => who(a).post(`/api/motions/${x}/withdraw`),
      amend: (a, x) => who(a).post(`/api/motions/${x}/amendments`, { replaces: 'the plan', text: 'the new plan' }),
      addOpinion: (a, x) => who(a).post(`/api/motions/${x}/minority-opinions`, { text: 'I dissent.' }),
    };

    type Row = [Flag, Who, State, boolean];
    const rows: Row[] = [
      ['support', 'Second', 'live', true],
      ['support', 'Chair', 'live', true],
      ['support', 'Mover', 'live', false],
      ['support', 'Absent', 'live', false],
      ['support', 'Adviser', 'live', false],
      ['support', 'Second', 'adopted', false],
      ['support', 'Second', 'closed', false],
      ['withdraw', 'Mover', 'live', true],
      ['withdraw', 'Second', 'live', false],
      ['withdraw', 'Mover', 'adopted', false],
      ['withdraw', 'Mover', 'closed', false],
      ['amend', 'Second', 'live', true],
      ['amend', 'Mover', 'live', true],
      ['amend', 'Absent', 'live', false],
      ['amend', 'Adviser', 'live', false],
      ['amend', 'Second', 'adopted', false],
      ['addOpinion', 'Second', 'adopted', true],
      ['addOpinion', 'Absent', 'adopted', true],
      ['addOpinion', 'Adviser', 'adopted', false],
      ['addOpinion', 'Manager', 'adopted', false],
      ['addOpinion', 'Second', 'live', false],
      ['addOpinion', 'Second', 'approved', false],
    ];

    it.each(rows)('%s for %s on a %s motion is %s, and so is the write', async (flag, actor, state, expected) => {
      const m = await meeting();
      const motionId = await motion(m, state);
      const list = await who(actor).get(`/api/meetings/${m.id}/motions`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const can = (list.body.items as Motion[]).find((x) => x.id === motionId)!.can[flag];
      expect(can).toBe(expected);
      const res = await writes[flag](actor, motionId);
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can);
      // the motion a write returns says the same of the next act as the list would
      if (ok(res) && flag !== 'amend') {
        const after = await who(actor).get(`/api/meetings/${m.id}/motions`);
        const again = (after.body.items as Motion[]).find((x) => x.id === motionId)!;
        expect((res.body as Motion).can).toEqual(again.can);
      }
    });

    it('a second opinion is refused, and so says the flag', async () => {
      const m = await meeting();
      const motionId = await motion(m, 'adopted');
      expect((await writes.addOpinion('Second', motionId)).status).toBe(201);
      const list = await who('Second').get(`/api/meetings/${m.id}/motions`);
      expect((list.body.items as Motion[]).find((x) => x.id === motionId)!.can.addOpinion).toBe(false);
      expect(ok(await writes.addOpinion('Second', motionId))).toBe(false);
    });

    it.each([
      ['Mover', true],
      ['Absent', false],
      ['Adviser', false],
    ] as const)('the list says %s may move a motion: %s, as the meeting does', async (actor, expected) => {
      const m = await meeting();
      const list = await who(actor).get(`/api/meetings/${m.id}/motions`);
      const mtg = await who(actor).get(`/api/meetings/${m.id}`);
      expect(list.body.can.propose).toBe(expected);
      expect(mtg.body.can.proposeMotion).toBe(expected);
    });
  });

  describe('elections', () => {
    type Flag = keyof Election['can'] | `candidate.${keyof Candidate['can']}`;
    /** nominating, with 'Cand' nominated; cancelled; withdrawn: Cand withdrew; closed: the meeting closed. */
    type State = 'nominating' | 'cancelled' | 'withdrawn' | 'closed';

    async function election(m: MadeMeeting, state: State): Promise<string> {
      const e = await who('Chair').post(`/api/meetings/${m.id}/elections`, {
        agendaItemId: m.items[0]!.id,
        title: 'The bureau',
        office: 'bureau',
      });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      const electionId = e.body.id as string;
      const nominated = await who('Chair').post(`/api/elections/${electionId}/candidates`, { personId: id('Cand') });
      expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
      const step = async (path: string) =>
        expect((await who('Chair').post(`/api/elections/${electionId}${path}`)).status).toBe(200);
      if (state === 'cancelled') await step('/cancel');
      if (state === 'withdrawn') await step(`/candidates/${id('Cand')}/withdraw`);
      if (state === 'closed') await close(m);
      return electionId;
    }

    const writes: Record<Flag, (a: Who, electionId: string) => Promise<TestResponse>> = {
      nominate: (a, x) => who(a).post(`/api/elections/${x}/candidates`, { personId: id('Mover') }),
      cancel: (a, x) => who(a).post(`/api/elections/${x}/cancel`),
      'candidate.consent': (a, x) =>
        who(a).post(`/api/elections/${x}/consent`, { consent: 'consented', personId: id('Cand') }),
      'candidate.withdraw': (a, x) => who(a).post(`/api/elections/${x}/candidates/${id('Cand')}/withdraw`),
    };

    type Row = [Flag, Who, State, boolean];
    const rows: Row[] = [
      ['nominate', 'Second', 'nominating', true],
      ['nominate', 'Chair', 'nominating', true],
      ['nominate', 'Absent', 'nominating', false],
      ['nominate', 'Adviser', 'nominating', false],
      ['nominate', 'Second', 'cancelled', false],
      ['nominate', 'Second', 'closed', false],
      ['cancel', 'Chair', 'nominating', true],
      ['cancel', 'Manager', 'nominating', true],
      ['cancel', 'Second', 'nominating', false],
      ['cancel', 'Chair', 'cancelled', false],
      ['cancel', 'Chair', 'closed', false],
      ['candidate.consent', 'Cand', 'nominating', true],
      ['candidate.consent', 'Chair', 'nominating', true],
      ['candidate.consent', 'Second', 'nominating', false],
      ['candidate.consent', 'Cand', 'withdrawn', false],
      ['candidate.consent', 'Cand', 'closed', false],
      ['candidate.withdraw', 'Cand', 'nominating', true],
      ['candidate.withdraw', 'Chair', 'nominating', true],
      ['candidate.withdraw', 'Second', 'nominating', false],
      ['candidate.withdraw', 'Cand', 'withdrawn', false],
      ['candidate.withdraw', 'Cand', 'cancelled', false],
    ];

    it.each(rows)('%s for %s in a %s election is %s, and so is the write', async (flag, actor, state, expected) => {
      const m = await meeting();
      const electionId = await election(m, state);
      const list = await who(actor).get(`/api/meetings/${m.id}/elections`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const e = (list.body.items as Election[]).find((x) => x.id === electionId)!;
      const cand = e.candidates.find((c) => c.personId === id('Cand'))!;
      const can = flag.startsWith('candidate.')
        ? cand.can[flag.slice('candidate.'.length) as keyof Candidate['can']]
        : e.can[flag as keyof Election['can']];
      expect(can).toBe(expected);
      const res = await writes[flag](actor, electionId);
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can);
    });
  });

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    const po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Manager', org, district, { secretaryOf: district });
    for (const n of ['Chair', 'Mover', 'Second', 'Absent', 'Adviser', 'Cand']) await account(n, org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });
});
