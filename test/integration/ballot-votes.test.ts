// Votes over HTTP: announcing (chair only, one running vote per meeting, the statute's majority fixed), opening
// (voting participants present counted), open votes counted by the tellers (close refused without a count),
// roll-call (named votes, present voters only, each once), cancel, the live vote, and the stable error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';

const VOTERS = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

describe.each(DB_KINDS)('votes on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  const { people, account, who } = namedPeople(() => srv);
  const question = (title: string, method: string, questionKind = 'ordinary') => ({
    method,
    title,
    agendaItemId: meeting.items[0]!.id,
    questionKind,
  });
  async function announced(title: string, method: string, questionKind = 'ordinary') {
    const res = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, question(title, method, questionKind));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function opened(title: string, method: string, questionKind = 'ordinary') {
    const v = await announced(title, method, questionKind);
    const res = await who('Chair').post(`/api/votes/${v.id}/open`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    for (const n of [...VOTERS, 'Absent', 'Guest', 'Chair', 'Secretary', 'Teller', 'Outsider'])
      await account(n, org, po);
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: [
        ...[...VOTERS, 'Absent'].map((n) => ({ id: people[n]!.id })),
        { person: { id: people.Guest!.id }, voice: 'consultative' },
      ],
      present: [...VOTERS, 'Guest'].map((n) => ({ id: people[n]!.id })),
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair' },
        { person: { id: people.Secretary!.id }, role: 'secretary' },
        { person: { id: people.Teller!.id }, role: 'teller' },
      ],
      open: true,
    });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('announces only by the chair, one vote at a time, with the statute’s majority fixed', async () => {
    const denied = await who('V1').post(`/api/meetings/${meeting.id}/votes`, question('Q', 'open'));
    expect(denied.status).toBe(403);
    const missing = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, { method: 'open', title: 'No item' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('vote_subject_missing');
    const unknownItem = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, {
      method: 'open',
      title: 'Q',
      agendaItemId: uuidv7(),
    });
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body.error.code).toBe('vote_agenda_item_unknown');

    const v = await announced('Change the statute', 'open', 'statute');
    expect(v).toMatchObject({ status: 'announced', method: 'open', questionKind: 'statute', received: 0 });
    expect(v.majority).toEqual({ threshold: 'two_thirds', of: 'present' });
    const second = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, question('Another', 'open'));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('vote_already_running');
    // counting before the opening, and closing an announced vote, are refused
    const early = await who('Teller').post(`/api/votes/${v.id}/count`, { counts: { for: 1, against: 0, abstain: 0 } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('vote_not_open');
    const closeEarly = await who('Chair').post(`/api/votes/${v.id}/close`);
    expect(closeEarly.body.error.code).toBe('vote_not_open');
    const cancelled = await who('Chair').post(`/api/votes/${v.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await who('Chair').post(`/api/votes/${v.id}/open`)).body.error.code).toBe('vote_closed');
    expect((await who('V1').get(`/api/votes/${uuidv7()}`)).status).toBe(404);
    expect((await who('Outsider').get(`/api/votes/${v.id}`)).status).toBe(403);
  });

  it('counts an open vote by the tellers; the close needs a count and applies the majority', async () => {
    const v = await opened('Two thirds of those present', 'open', 'statute');
    // 6 voting participants present of 7 entitled (the consultative voice is not counted)
    expect(v.status).toBe('open');
    const row = await srv.db
      .selectFrom('vote')
      .select(['present_at_open', 'entitled'])
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ present_at_open: 6, entitled: 7 });
    const noCount = await who('Chair').post(`/api/votes/${v.id}/close`);
    expect(noCount.status).toBe(422);
    expect(noCount.body.error.code).toBe('vote_count_missing');
    const byVoter = await who('V1').post(`/api/votes/${v.id}/count`, { counts: { for: 6, against: 0, abstain: 0 } });
    expect(byVoter.status).toBe(403);
    expect(byVoter.body.error.code).toBe('vote_teller_required');
    const wrongShape = await who('Teller').post(`/api/votes/${v.id}/count`, { tallies: {} });
    expect(wrongShape.body.error.code).toBe('vote_count_invalid');
    // 3 for, 1 against, 2 abstain: 3 of 4 cast would pass two thirds of the cast, but not of those present (4 of 6)
    expect(
      (await who('Teller').post(`/api/votes/${v.id}/count`, { counts: { for: 3, against: 1, abstain: 2 } })).status,
    ).toBe(200);
    const closed = await who('Chair').post(`/api/votes/${v.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({
      counts: { for: 3, against: 1, abstain: 2 },
      carried: false,
      needed: 4,
      majority: { threshold: 'two_thirds', of: 'present' },
      cast: 6,
      present: 6,
      entitled: 7,
      boardHash: null,
    });
    const again = await who('Chair').post(`/api/votes/${v.id}/close`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('vote_closed');
    const late = await who('Teller').post(`/api/votes/${v.id}/count`, { counts: { for: 6, against: 0, abstain: 0 } });
    expect(late.body.error.code).toBe('vote_closed');
    // the result cannot be rewritten even by SQL (trigger)
    await expect(
      srv.db
        .updateTable('vote')
        .set({ result: JSON.stringify({ carried: true }) })
        .where('id', '=', v.id)
        .execute(),
    ).rejects.toThrow(/closed/);

    const simple = await opened('Ordinary question', 'open');
    expect(
      (await who('Secretary').post(`/api/votes/${simple.id}/count`, { counts: { for: 3, against: 2, abstain: 1 } }))
        .status,
    ).toBe(200);
    const done = await who('Chair').post(`/api/votes/${simple.id}/close`);
    expect(done.body.result).toMatchObject({ carried: true, needed: 3, majority: { threshold: 'simple', of: 'cast' } });
    // the live vote is the last one closed, with its result
    const live = await srv.services.votes.liveVote(meeting.id);
    expect(live).toMatchObject({ id: simple.id, status: 'closed', method: 'open', received: 0 });
    expect(live?.result?.carried).toBe(true);
  });

  it('records a roll-call: present voters only, each once, by themselves or by the secretary', async () => {
    const v = await opened('Recall the delegate', 'roll_call', 'recall');
    const rc = (by: string, body: unknown) => who(by).post(`/api/votes/${v.id}/roll-call`, body);
    expect((await rc('V1', { choice: 'for' })).status).toBe(200);
    const twice = await rc('V1', { choice: 'against' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('roll_call_already_recorded');
    expect((await rc('Secretary', { personId: people.V2!.id, choice: 'for' })).status).toBe(200);
    expect((await rc('Chair', { personId: people.V3!.id, choice: 'for' })).status).toBe(200);
    const byPeer = await rc('V4', { personId: people.V5!.id, choice: 'against' });
    expect(byPeer.status).toBe(403);
    expect(byPeer.body.error.code).toBe('roll_call_forbidden');
    const absent = await rc('Secretary', { personId: people.Absent!.id, choice: 'for' });
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('roll_call_not_voter');
    const guest = await rc('Guest', { choice: 'for' });
    expect(guest.body.error.code).toBe('roll_call_not_voter');
    const counted = await who('Teller').post(`/api/votes/${v.id}/count`, {
      counts: { for: 1, against: 0, abstain: 0 },
    });
    expect(counted.body.error.code).toBe('vote_count_not_open_method');
    expect((await rc('V4', { choice: 'against' })).status).toBe(200);
    const live = await srv.services.votes.liveVote(meeting.id);
    expect(live).toMatchObject({ id: v.id, status: 'open', received: 4 });
    const roll = await who('V6').get(`/api/votes/${v.id}/roll-call`);
    expect(roll.status).toBe(200);
    const byId = new Map(
      (roll.body.items as { personId: string; choice: string | null }[]).map((e) => [e.personId, e.choice]),
    );
    expect(byId.get(people.V1!.id)).toBe('for');
    expect(byId.get(people.V4!.id)).toBe('against');
    expect(byId.get(people.V6!.id)).toBeNull();
    expect(byId.has(people.Absent!.id)).toBe(false);
    const closed = await who('Chair').post(`/api/votes/${v.id}/close`);
    // recall: simple majority of all 7 members → 4 needed; 3 for
    expect(closed.body.result).toMatchObject({
      counts: { for: 3, against: 1, abstain: 0 },
      cast: 4,
      carried: false,
      needed: 4,
      majority: { threshold: 'simple', of: 'members' },
    });
    expect((await rc('V6', { choice: 'for' })).body.error.code).toBe('vote_closed');
    const list = await who('V1').get(`/api/meetings/${meeting.id}/votes`);
    expect(list.body.items.find((x: { id: string }) => x.id === v.id).received).toBe(4);
  });

  it('refuses secret ballot routes on an open vote and tokens to non-voters', async () => {
    const v = await opened('Procedure', 'open', 'procedural');
    const token = await who('V1').post(`/api/votes/${v.id}/token`, { blinded: 'AAAA' });
    expect(token.status).toBe(422);
    expect(token.body.error.code).toBe('ballot_not_secret');
    expect(
      (await who('Teller').post(`/api/votes/${v.id}/count`, { counts: { for: 1, against: 0, abstain: 0 } })).status,
    ).toBe(200);
    expect((await who('Chair').post(`/api/votes/${v.id}/close`)).status).toBe(200);
    const board = await who('V1').get(`/api/votes/${v.id}/board`);
    expect(board.status).toBe(409);
    expect(board.body.error.code).toBe('board_not_published');
  });
});
