// The protocol carries what the meeting decided: a meeting with a motion (amended, adopted by roll call, with a
// minority opinion), a rejected motion, a withdrawn one and an STV election by secret ballot; the generated
// protocol (English and Russian) prints the final text, the amendments' fate, the votes with their counts, the
// named votes, the election's candidates, stages and elected, the board hash and the dissent verbatim; the sealed
// record holds that text and verifies; once the protocol is approved no more minority opinions are taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, setMeetingStatus, type MadeMeeting } from '../support/assembly-factory.js';
import type { VoteResult } from '../../src/contracts/ballot.js';

const TEXT = 'The assembly approves the report of the bureau and instructs it to repair the club.';
const FINAL = 'The assembly approves the report of the bureau and instructs it to open a reading room.';
const DISSENT = 'The reading room will stand empty while the night shift has no canteen.';
const HASH = 'c0ffee'.repeat(10) + 'c0ff';

describe.each(DB_KINDS)('protocol with decisions on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  const { people, account, who: as } = namedPeople(() => srv);

  async function ok(res: Promise<{ status: number; body: Loose }>, status = 200): Promise<Loose> {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  }

  const result = (r: Partial<VoteResult>): VoteResult => ({
    counts: null,
    carried: null,
    majority: { threshold: 'simple', of: 'cast' },
    needed: null,
    cast: 0,
    invalid: 0,
    present: 4,
    entitled: 4,
    count: null,
    boardHash: null,
    ...r,
  });

  /** A vote on a motion through the vote engine's routes: announce, open, the tellers' count or the roll, close. */
  async function decide(
    motionId: string,
    how:
      | { counts: { for: number; against: number; abstain: number } }
      | { roll: [string, 'for' | 'against' | 'abstain'][] },
  ): Promise<Loose> {
    const method = 'counts' in how ? 'open' : 'roll_call';
    const v = await ok(as('Chair').post(`/api/meetings/${meeting.id}/votes`, { method, motionId }), 201);
    await ok(as('Chair').post(`/api/votes/${v.id}/open`));
    if ('counts' in how) await ok(as('Chair').post(`/api/votes/${v.id}/count`, { counts: how.counts }));
    else
      for (const [who, choice] of how.roll)
        await ok(as('Chair').post(`/api/votes/${v.id}/roll-call`, { personId: people[who]!.id, choice }));
    return ok(as('Chair').post(`/api/votes/${v.id}/close`));
  }

  /** An STV election held by secret ballot on item 2, closed, written as the election module leaves it. */
  async function election() {
    const id = uuidv7();
    await srv.db
      .insertInto('election')
      .values({
        id,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[1]!.id,
        title: 'Bureau of the cell',
        office: 'bureau',
        seats: 2,
        method: 'scottish_stv',
        ballot: 'secret',
        status: 'closed',
        closed_at: new Date(),
      })
      .execute();
    const [a, b, c] = [people.Alpha!.id, people.Beta!.id, people.Gamma!.id];
    await srv.db
      .insertInto('candidate')
      .values([
        { election_id: id, person_id: a, position: 1, consent: 'consented', elected: true },
        { election_id: id, person_id: b, position: 2, consent: 'consented', elected: false },
        { election_id: id, person_id: c, position: 3, consent: 'consented', elected: true },
      ])
      .execute();
    const r = result({
      cast: 4,
      invalid: 0,
      majority: null,
      boardHash: HASH,
      count: {
        method: 'scottish_stv',
        seats: 2,
        candidates: [
          { id: a, name: 'Comrade Alpha' },
          { id: b, name: 'Comrade Beta' },
          { id: c, name: 'Comrade Gamma' },
        ],
        valid: 4,
        invalid: 0,
        elected: [a, c],
        totals: null,
        rounds: [
          {
            round: 1,
            action: 'First preferences',
            votes: { [a]: '2.00000', [b]: '1.00000', [c]: '1.00000' },
            exhausted: '0.00000',
            quota: '1.33334',
            elected: [a],
            excluded: [],
            tieBreak: null,
          },
          {
            round: 2,
            action: 'Surplus of Comrade Alpha transferred',
            votes: { [a]: '1.33334', [b]: '1.00000', [c]: '1.66666' },
            exhausted: '0.00000',
            quota: '1.33334',
            elected: [c],
            excluded: [],
            tieBreak: null,
          },
        ],
      },
    });
    await srv.db
      .insertInto('vote')
      .values({
        id: uuidv7(),
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[1]!.id,
        election_id: id,
        title: 'Bureau of the cell',
        method: 'secret',
        status: 'closed',
        result: JSON.stringify(r),
        board_hash: HASH,
        closed_at: new Date(),
      })
      .execute();
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    for (const n of ['Alpha', 'Beta', 'Gamma', 'Chair']) await account(n, org, po);
    const all = ['Alpha', 'Beta', 'Gamma', 'Chair'].map((n) => ({ id: people[n]!.id }));
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      agenda: ['Report of the bureau', 'Elections', 'Any other business'],
      participants: all,
      present: all,
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Chair!.id }, role: 'secretary' },
      ],
      open: true,
    });

    // motion 1: amended (amendment adopted, another rejected), adopted by roll call, with a dissent
    const m = await ok(
      as('Chair').post(`/api/meetings/${meeting.id}/motions`, {
        agendaItemId: meeting.items[0]!.id,
        title: 'On the report of the bureau',
        text: TEXT,
        proposerLabel: 'Bureau of the organisation',
      }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${m.id}/support`));
    const a1 = await ok(
      as('Beta').post(`/api/motions/${m.id}/amendments`, { replaces: 'repair the club', text: 'open a reading room' }),
      201,
    );
    const a2 = await ok(
      as('Gamma').post(`/api/motions/${m.id}/amendments`, { replaces: '', text: 'Dues are to be raised.' }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${a1.id}/support`));
    await ok(as('Alpha').post(`/api/motions/${a2.id}/support`));
    expect((await decide(a1.id, { counts: { for: 3, against: 1, abstain: 0 } })).result.carried).toBe(true);
    expect((await decide(a2.id, { counts: { for: 1, against: 3, abstain: 0 } })).result.carried).toBe(false);
    const rc = await decide(m.id, {
      roll: [
        ['Alpha', 'for'],
        ['Beta', 'for'],
        ['Gamma', 'against'],
        ['Chair', 'abstain'],
      ],
    });
    expect(rc.result).toMatchObject({ carried: true, counts: { for: 2, against: 1, abstain: 1 } });
    await ok(as('Gamma').post(`/api/motions/${m.id}/minority-opinions`, { text: DISSENT }), 201);
    await ok(as('Gamma').post(`/api/motions/${a2.id}/minority-opinions`, { text: 'Dues must rise.' }), 201);

    // motion 2: rejected; motion 3: withdrawn
    const m2 = await ok(
      as('Beta').post(`/api/meetings/${meeting.id}/motions`, {
        agendaItemId: meeting.items[0]!.id,
        title: 'On the wall newspaper',
        text: 'Publish the wall newspaper weekly.',
      }),
      201,
    );
    await ok(as('Gamma').post(`/api/motions/${m2.id}/support`));
    expect((await decide(m2.id, { counts: { for: 1, against: 2, abstain: 1 } })).result.carried).toBe(false);
    const m3 = await ok(
      as('Alpha').post(`/api/meetings/${meeting.id}/motions`, {
        agendaItemId: meeting.items[0]!.id,
        title: 'On the excursion',
        text: 'Organise an excursion.',
      }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${m3.id}/withdraw`));

    await election();
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('prints motions, amendments, votes, named votes, the election and minority opinions in the protocol', async () => {
    const p = await ok(as('Chair').post(`/api/meetings/${meeting.id}/protocol`, { lang: 'en' }));
    const t: string = p.body;
    const item1 = t.slice(t.indexOf('1. HEARD: Report of the bureau'), t.indexOf('2. HEARD: Elections'));
    expect(item1).toContain(
      'MOTION 1: On the report of the bureau (moved by: Bureau of the organisation; supported by: Alpha Comrade).',
    );
    expect(item1).toContain(
      'Amendment 2 (moved by: Beta Comrade): replace “repair the club” with “open a reading room” — ADOPTED.',
    );
    expect(item1).toContain('add at the end: “Dues are to be raised.” — REJECTED.');
    expect(item1).toMatch(
      /— REJECTED\.\n[\s\S]*?Not carried\.\n {4}Minority opinions:\n {6}Gamma Comrade: “Dues must rise\.”/,
    );
    expect(item1).toContain('For: 3; against: 1; abstained: 0.');
    expect(item1).toContain(`RESOLVED: motion 1 adopted as amended. Final text:\n    ${FINAL}`);
    expect(item1).toContain('Vote on the motion: by roll call.');
    expect(item1).toContain('Majority applied: a simple majority of the votes cast');
    expect(item1).toContain('Voted for: Alpha Comrade, Beta Comrade.');
    expect(item1).toContain('Voted against: Gamma Comrade.');
    expect(item1).toContain('Abstained: Chair Comrade.');
    expect(item1).toContain(`Minority opinions:\n    Gamma Comrade: “${DISSENT}”`);
    expect(item1).toMatch(/MOTION 4: On the wall newspaper[\s\S]*Not carried\.\n {2}Motion 4 REJECTED\./);
    expect(item1).toContain('Motion 5 withdrawn by the proposer.');
    expect(item1).not.toContain('No decision recorded.');

    const item2 = t.slice(t.indexOf('2. HEARD: Elections'), t.indexOf('3. HEARD:'));
    expect(item2).toContain(
      'ELECTION: Bureau of the cell — seats: 2; single transferable vote (Scottish STV rules); secret ballot.',
    );
    expect(item2).toContain('Candidates: 1. Alpha Comrade; 2. Beta Comrade; 3. Gamma Comrade.');
    expect(item2).toContain('Ballots cast: 4; blank or invalid: 0.');
    expect(item2).toMatch(/Stage +1 +2\n +Alpha Comrade +2\.00000 +1\.33334\n/);
    expect(item2).toContain('Stage 2: Surplus of Comrade Alpha transferred; elected: Gamma Comrade.');
    expect(item2).toContain(`Ballot board published; its SHA-256: ${HASH}.`);
    expect(item2).toContain('ELECTED: Alpha Comrade, Gamma Comrade.');

    const ru = (await ok(as('Chair').post(`/api/meetings/${meeting.id}/protocol`, { lang: 'ru' }))).body as string;
    expect(ru).toContain(`ПОСТАНОВИЛИ: предложение 1 принять с поправками. Окончательный текст:\n    ${FINAL}`);
    expect(ru).toContain(`Особые мнения:\n    Gamma Comrade: «${DISSENT}»`);
    expect(ru).toContain('ИЗБРАНЫ: Alpha Comrade, Gamma Comrade.');
  });

  it('seals the results with the protocol; after approval no minority opinion is taken', async () => {
    await setMeetingStatus(srv.db, meeting.id, 'closed', null);
    const draft = await ok(as('Chair').post(`/api/meetings/${meeting.id}/protocol`, { lang: 'en' }));
    const approved = await ok(
      as('Chair').post(`/api/meetings/${meeting.id}/protocol/approve`, { version: draft.version }),
    );
    const motions = (await ok(as('Alpha').get(`/api/meetings/${meeting.id}/motions`))).items as Loose[];
    const adopted = motions.find((x) => x.seq === 1)!;
    const late = await as('Alpha').post(`/api/motions/${adopted.id}/minority-opinions`, { text: 'Too late.' });
    expect([late.status, late.body.error.code]).toEqual([422, 'minority_opinion_protocol_closed']);

    const sealed = await ok(
      as('Chair').post(`/api/meetings/${meeting.id}/protocol/seal`, { version: approved.version }),
    );
    const rec = await srv.db
      .selectFrom('sealed_record')
      .select(['content'])
      .where('seq', '=', sealed.seal.seq)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(rec.content) as { body: string };
    expect(content.body).toContain(FINAL);
    expect(content.body).toContain(DISSENT);
    expect(content.body).toContain('ELECTED: Alpha Comrade, Gamma Comrade.');
    expect(content.body).toContain(HASH);
    const report = await srv.services.protocol.verify(null);
    expect(report.problems).toEqual([]);
  });
});
