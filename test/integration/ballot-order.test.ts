// The course of business around votes: an amendment nobody supported does not hold up its motion (it lapses when
// the motion is put); the chair may put a motion moved as ordinary as a weightier question (its majority follows);
// the tellers cannot enter more hands than voters present; a show of hands cannot rank candidates; and a meeting
// does not close over a running vote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';

const VOTERS = ['V1', 'V2', 'V3', 'V4'];

describe.each(DB_KINDS)('the order of business around votes on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  const { people, account, who } = namedPeople(() => srv);
  const item = () => meeting.items[0]!.id;

  async function supportedMotion(title: string, text: string) {
    const moved = await who('V1').post(`/api/meetings/${meeting.id}/motions`, { agendaItemId: item(), title, text });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const supported = await who('V2').post(`/api/motions/${moved.body.id}/support`);
    expect(supported.status, JSON.stringify(supported.body)).toBe(200);
    return moved.body as { id: string };
  }
  async function announce(body: Record<string, unknown>) {
    const res = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; majority: unknown; questionKind: string };
  }
  const cancel = async (voteId: string) =>
    expect((await who('Chair').post(`/api/votes/${voteId}/cancel`)).status).toBe(200);

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    for (const n of [...VOTERS, 'Chair', 'Teller']) await account(n, org, po);
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: VOTERS.map((n) => ({ id: people[n]!.id })),
      present: VOTERS.map((n) => ({ id: people[n]!.id })),
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Teller!.id }, role: 'teller' },
      ],
      open: true,
    });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('an amendment nobody supported does not hold up its motion, and lapses when the motion is put', async () => {
    const motion = await supportedMotion('Plan', 'Fulfil the plan in four years.');
    const amendment = await who('V3').post(`/api/motions/${motion.id}/amendments`, {
      replaces: 'four',
      text: 'three',
    });
    expect(amendment.status, JSON.stringify(amendment.body)).toBe(201);
    const vote = await announce({ method: 'open', motionId: motion.id });
    const motions = (await who('V1').get(`/api/meetings/${meeting.id}/motions`)).body.items as {
      id: string;
      status: string;
    }[];
    expect(motions.find((m) => m.id === amendment.body.id)?.status).toBe('lapsed');
    expect(motions.find((m) => m.id === motion.id)?.status).toBe('voting');
    await cancel(vote.id);
  });

  it('a supported amendment still comes first', async () => {
    const motion = await supportedMotion('Club', 'Open a workers’ club.');
    const amendment = await who('V3').post(`/api/motions/${motion.id}/amendments`, { replaces: '', text: ' Soon.' });
    expect(amendment.status).toBe(201);
    expect((await who('V4').post(`/api/motions/${amendment.body.id}/support`)).status).toBe(200);
    const refused = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, {
      method: 'open',
      motionId: motion.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('motion_amendments_pending');
  });

  it('the chair puts a motion moved as ordinary as an expulsion: two thirds apply', async () => {
    const motion = await supportedMotion('Expel', 'Expel the member for absenteeism.');
    const vote = await announce({ method: 'open', motionId: motion.id, questionKind: 'expulsion' });
    expect(vote.questionKind).toBe('expulsion');
    expect(vote.majority).toEqual({ threshold: 'two_thirds', of: 'cast' });
    await cancel(vote.id);
  });

  it('the tellers cannot enter more hands than voting participants present', async () => {
    const vote = await announce({ method: 'open', title: 'Adjourn', agendaItemId: item() });
    expect((await who('Chair').post(`/api/votes/${vote.id}/open`)).status).toBe(200);
    const tooMany = await who('Teller').post(`/api/votes/${vote.id}/count`, {
      counts: { for: 3, against: 1, abstain: 1 },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('vote_count_exceeds_present');
    const fine = await who('Teller').post(`/api/votes/${vote.id}/count`, {
      counts: { for: 3, against: 1, abstain: 0 },
    });
    expect(fine.status).toBe(200);
    await cancel(vote.id);
  });

  it('a show of hands cannot rank candidates', async () => {
    const res = await who('Chair').post(`/api/meetings/${meeting.id}/elections`, {
      agendaItemId: item(),
      title: 'Bureau',
      office: 'bureau',
      seats: 3,
      method: 'scottish_stv',
      ballot: 'open',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('election_open_ranked');
  });

  it('a meeting does not close over a running vote', async () => {
    const vote = await announce({ method: 'open', title: 'Thanks to the speaker', agendaItemId: item() });
    const revision = (await who('Chair').get(`/api/meetings/${meeting.id}`)).body.revision as number;
    const refused = await who('Chair').post(`/api/meetings/${meeting.id}/close`, { revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('meeting_vote_running');
    await cancel(vote.id);
    const again = (await who('Chair').get(`/api/meetings/${meeting.id}`)).body.revision as number;
    expect((await who('Chair').post(`/api/meetings/${meeting.id}/close`, { revision: again })).status).toBe(200);
  });
});
