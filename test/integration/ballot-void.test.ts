// Issue 10, point 2: a vote or an election without a valid ballot decides nothing — it is void and says so (no
// candidate elected by lot, no motion adopted) — and the statute's minimum turnout makes a vote with too few voters
// void too; statute versions written before the field existed read as "no minimum". A voter obtains ONE token
// whatever the devices: moving it between their devices records only that (and when) it moved, never the token, and
// never gives a second one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { blindOne, castBallot, obtainToken, type NoteToken } from '../support/ballot-client.js';
import { PARTY_1934_DECISIONS } from '../../src/contracts/decision-rules.js';

const VOTERS = ['Anna', 'Boris', 'Vera', 'Gleb', 'Darya'];

describe.each(DB_KINDS)('void votes and one token per voter on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  let strict: MadeMeeting;
  let legacy: MadeMeeting;
  const { account, who, id } = namedPeople(() => srv);
  const request = (path: string, init: RequestInit) => srv.app.request(path, init);

  const tokenFor = (name: string, voteId: string, spki: string) =>
    obtainToken(spki, async (blinded) => {
      const res = await who(name).post(`/api/votes/${voteId}/token`, { blinded });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.signature as string;
    });

  /** A meeting of the five voters (all present) and a chair, in an organisation with the given decisions. */
  async function meetingWith(prefix: string, decisions: Record<string, unknown>): Promise<MadeMeeting> {
    const org = await makeOrganisation(srv.db, { rules: { decisions } as never });
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    const names = [...VOTERS.map((n) => prefix + n), prefix + 'Chair'];
    for (const n of names) await account(n, org, po, { status: 'member' });
    return makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: VOTERS.map((n) => ({ id: id(prefix + n) })),
      present: VOTERS.map((n) => ({ id: id(prefix + n) })),
      roles: [{ person: { id: id(prefix + 'Chair') }, role: 'chair' }],
      agenda: ['Election of the bureau', 'Resolution'],
      open: true,
    });
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    meeting = await meetingWith('', PARTY_1934_DECISIONS);
    strict = await meetingWith('S', { ...PARTY_1934_DECISIONS, minimumTurnout: 60 });
    // a statute version written before the minimum turnout existed
    const { minimumTurnout: _dropped, ...old } = PARTY_1934_DECISIONS;
    legacy = await meetingWith('L', old);
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  async function secretQuestion(m: MadeMeeting, chair: string, title: string) {
    const res = await who(chair).post(`/api/meetings/${m.id}/votes`, {
      method: 'secret',
      title,
      agendaItemId: m.items[1]!.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { voteId: res.body.id as string, spki: res.body.publicKeySpki as string };
  }

  it('a secret vote with zero ballots is void and carries nothing', async () => {
    const { voteId, spki } = await secretQuestion(meeting, 'Chair', 'Resolution nobody could vote on');
    for (const n of VOTERS) await tokenFor(n, voteId, spki); // tokens taken, none cast (the locked-out hall)
    expect((await who('Chair').post(`/api/votes/${voteId}/open`)).status).toBe(200);
    const closed = await who('Chair').post(`/api/votes/${voteId}/close`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.result).toMatchObject({
      cast: 0,
      carried: false,
      void: { reason: 'no_valid_ballots', minimumTurnout: 0 },
    });
    const recount = await who('Anna').get(`/api/votes/${voteId}/recount`);
    expect(recount.body.matches).toBe(true);
  });

  it('a secret election with zero valid ballots is void and elects nobody (not by lot)', async () => {
    const e = await who('Chair').post(`/api/meetings/${meeting.id}/elections`, {
      agendaItemId: meeting.items[0]!.id,
      title: 'Bureau',
      office: 'bureau',
      seats: 2,
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    for (const n of ['Anna', 'Boris', 'Vera']) {
      expect((await who('Chair').post(`/api/elections/${e.body.id}/candidates`, { personId: id(n) })).status).toBe(201);
      expect((await who(n).post(`/api/elections/${e.body.id}/consent`, { consent: 'consented' })).status).toBe(200);
    }
    const announced = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, {
      method: 'secret',
      electionId: e.body.id,
    });
    expect(announced.status, JSON.stringify(announced.body)).toBe(201);
    const voteId: string = announced.body.id;
    const blankVoter = await tokenFor('Gleb', voteId, announced.body.publicKeySpki);
    expect((await who('Chair').post(`/api/votes/${voteId}/open`)).status).toBe(200);
    // one blank ballot: cast, but not valid
    expect((await castBallot(request, voteId, blankVoter, { prefs: [] })).status).toBe(201);
    const closed = await who('Chair').post(`/api/votes/${voteId}/close`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.result).toMatchObject({
      cast: 1,
      invalid: 1,
      count: null,
      void: { reason: 'no_valid_ballots' },
    });
    const after = (await who('Darya').get(`/api/elections/${e.body.id}`)).body;
    expect(after.status).toBe('closed');
    expect(after.candidates.filter((c: { elected: boolean }) => c.elected)).toEqual([]);
    expect((await who('Darya').get(`/api/votes/${voteId}/recount`)).body.matches).toBe(true);
  });

  it('a turnout below the statute minimum is void; at the minimum the vote decides', async () => {
    const low = await secretQuestion(strict, 'SChair', 'Two of five');
    const lowTokens: NoteToken[] = [];
    for (const n of ['SAnna', 'SBoris']) lowTokens.push(await tokenFor(n, low.voteId, low.spki));
    expect((await who('SChair').post(`/api/votes/${low.voteId}/open`)).status).toBe(200);
    for (const t of lowTokens) expect((await castBallot(request, low.voteId, t, { choice: 'for' })).status).toBe(201);
    const lowClosed = await who('SChair').post(`/api/votes/${low.voteId}/close`);
    expect(lowClosed.body.result).toMatchObject({
      cast: 2,
      counts: { for: 2, against: 0, abstain: 0 },
      carried: false,
      void: { reason: 'turnout_below_minimum', minimumTurnout: 60 },
    });
    expect((await who('SAnna').get(`/api/votes/${low.voteId}/recount`)).body.matches).toBe(true);

    const enough = await secretQuestion(strict, 'SChair', 'Three of five');
    const tokens: NoteToken[] = [];
    for (const n of ['SAnna', 'SBoris', 'SVera']) tokens.push(await tokenFor(n, enough.voteId, enough.spki));
    expect((await who('SChair').post(`/api/votes/${enough.voteId}/open`)).status).toBe(200);
    for (const t of tokens) expect((await castBallot(request, enough.voteId, t, { choice: 'for' })).status).toBe(201);
    const ok = await who('SChair').post(`/api/votes/${enough.voteId}/close`);
    expect(ok.body.result).toMatchObject({ cast: 3, carried: true });
    expect(ok.body.result.void ?? null).toBeNull();
  });

  it('a statute version without the field has no minimum turnout', async () => {
    const v = await secretQuestion(legacy, 'LChair', 'One of five');
    const token = await tokenFor('LAnna', v.voteId, v.spki);
    expect((await who('LChair').post(`/api/votes/${v.voteId}/open`)).status).toBe(200);
    expect((await castBallot(request, v.voteId, token, { choice: 'for' })).status).toBe(201);
    const closed = await who('LChair').post(`/api/votes/${v.voteId}/close`);
    expect(closed.body.result).toMatchObject({ cast: 1, carried: true });
    expect(closed.body.result.void ?? null).toBeNull();
  });

  it('one token per voter: moving it between devices records when, never the token, and gives no second', async () => {
    const { voteId, spki } = await secretQuestion(meeting, 'Chair', 'Resolution voted from two devices');
    expect((await who('Anna').get(`/api/votes/${voteId}`)).body.myToken).toBeNull();
    // nothing to move before a token was taken
    const early = await who('Anna').post(`/api/votes/${voteId}/token/moved`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ballot_token_not_issued');

    const token = await tokenFor('Anna', voteId, spki);
    const mine = (await who('Anna').get(`/api/votes/${voteId}`)).body.myToken;
    expect(mine.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(mine.movedAt).toBeNull();
    expect((await who('Boris').get(`/api/votes/${voteId}`)).body.myToken).toBeNull();

    // the second device does not get a token of its own
    const second = await who('Anna').post(`/api/votes/${voteId}/token`, { blinded: (await blindOne(spki)).blinded });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ballot_token_already_issued');
    // it receives the token from the first device and says so
    const moved = await who('Anna').post(`/api/votes/${voteId}/token/moved`);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.issuedAt).toBe(mine.issuedAt);
    expect(Date.parse(moved.body.movedAt)).toBeGreaterThanOrEqual(Date.parse(mine.issuedAt));
    expect((await who('Anna').get(`/api/votes/${voteId}`)).body.myToken).toEqual(moved.body);
    const again = await who('Anna').post(`/api/votes/${voteId}/token`, { blinded: (await blindOne(spki)).blinded });
    expect(again.body.error.code).toBe('ballot_token_already_issued');
    // the chair is no voting participant here: no token, nothing to move
    expect((await who('Chair').post(`/api/votes/${voteId}/token/moved`)).body.error.code).toBe(
      'meeting_not_participant',
    );

    // what the server holds about Anna's token: who and when — not the token
    const rows = await srv.db.selectFrom('ballot_token_issue').selectAll().where('vote_id', '=', voteId).execute();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['issued_at', 'moved_at', 'person_id', 'vote_id']);

    // the moved token casts once, and only once
    expect((await who('Chair').post(`/api/votes/${voteId}/open`)).status).toBe(200);
    expect((await castBallot(request, voteId, token, { choice: 'against' })).status).toBe(201);
    const twice = await castBallot(request, voteId, token, { choice: 'for' });
    expect(twice.status).toBe(409);
    expect(twice.body.error!.code).toBe('ballot_token_spent');
    const closed = await who('Chair').post(`/api/votes/${voteId}/close`);
    expect(closed.body.result).toMatchObject({ cast: 1, counts: { for: 0, against: 1, abstain: 0 } });
    // once closed, nothing moves any more
    expect((await who('Anna').post(`/api/votes/${voteId}/token/moved`)).body.error.code).toBe('vote_closed');
  });
});
