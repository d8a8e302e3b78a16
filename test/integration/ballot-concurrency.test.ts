// Close vs cast: 1,000 voters hold tokens and all cast (100 requests in flight at a time) while the chair closes
// the vote in the middle. Every ballot acknowledged with 201 is on the board and counted; every refused one was
// told vote_closed (or vote_not_open); acknowledged + refused = 1,000 and nothing else; the board holds exactly
// the acknowledged ballots. On PGlite (one session, transactions serialised) and PostgreSQL (a pool: the batches
// take the vote row FOR SHARE, the close FOR UPDATE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { castBallot, type NoteToken } from '../support/ballot-client.js';
import { fastKey, fastToken } from '../support/fast-blind.js';
import type { Actor } from '../../src/platform/actor.js';
import type { BallotBoard, Choice, Vote } from '../../src/contracts/ballot.js';

const N = 1_000;
const IN_FLIGHT = 100;
const CLOSE_AFTER = 400;

function actorOf(personId: string, organisationId: string): Actor {
  return {
    accountId: uuidv7(),
    personId,
    organisationId,
    login: personId,
    displayName: 'Voter',
    locale: 'en',
    scopes: [],
    homePath: null,
    csrfToken: '',
  };
}

describe.each(DB_KINDS)('close while 1,000 voters cast on %s', (kind) => {
  let srv: TestServer;
  let chair: Actor;
  let meetingId: string;
  const voters: Actor[] = [];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    const people: { id: string }[] = [];
    for (let i = 0; i < N; i++) people.push(await makePerson(srv.db, org, po));
    const chairPerson = await makePerson(srv.db, org, po);
    const m = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: people,
      present: people,
      roles: [{ person: chairPerson, role: 'chair' }],
      open: true,
    });
    meetingId = m.id;
    chair = actorOf(chairPerson.id, org.id);
    for (const p of people) voters.push(actorOf(p.id, org.id));
  }, 300_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('counts every acknowledged ballot and refuses every later one', async () => {
    const { votes, secretBallot } = srv.services;
    const m = await srv.db
      .selectFrom('meeting')
      .select('current_item_id')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    const vote = await votes.announce(chair, meetingId, {
      method: 'secret',
      title: 'Close while casting',
      agendaItemId: m.current_item_id!,
    });
    // tokens obtained at the announcement, as the web app does (issued by the service with each voter's actor)
    const key = fastKey(vote.publicKeySpki!);
    const tokens: NoteToken[] = [];
    for (const v of voters)
      tokens.push(
        await fastToken(key, async (blinded) => (await secretBallot.issueToken(v, vote.id, { blinded })).signature),
      );
    await votes.open(chair, vote.id);

    const choices: Choice[] = ['for', 'against', 'abstain'];
    const acknowledged = new Map<string, Choice>();
    const refused: string[] = [];
    const other: string[] = [];
    let next = 0;
    const closing: { p: Promise<Vote> | null } = { p: null };
    const request = (path: string, init: RequestInit) => srv.app.request(path, init);
    async function worker() {
      while (next < N) {
        const i = next++;
        const choice = choices[i % 3]!;
        const res = await castBallot(request, vote.id, tokens[i]!, { choice });
        if (res.status === 201) acknowledged.set(res.body.receipt, choice);
        else if (res.status === 409 && ['vote_closed', 'vote_not_open'].includes(res.body.error!.code))
          refused.push(res.body.error!.code);
        else other.push(`${res.status} ${JSON.stringify(res.body)}`);
        // the chair closes in the middle, while the other requests are in flight
        if (!closing.p && acknowledged.size >= CLOSE_AFTER) closing.p = votes.close(chair, vote.id);
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(closing.p).not.toBeNull();
    const closed = await closing.p!;

    expect(other).toEqual([]);
    expect(acknowledged.size + refused.length).toBe(N);
    expect(acknowledged.size).toBeGreaterThanOrEqual(CLOSE_AFTER);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((c) => c === 'vote_closed')).toBe(true);

    const board: BallotBoard = await secretBallot.board(chair, vote.id);
    expect(board.entries).toHaveLength(acknowledged.size);
    const onBoard = new Map(board.entries.map((e) => [e.receipt, e.content]));
    for (const [receipt, choice] of acknowledged) expect(onBoard.get(receipt)).toEqual({ choice });
    const expected = { for: 0, against: 0, abstain: 0 };
    for (const c of acknowledged.values()) expected[c]++;
    expect(closed.result!.counts).toEqual(expected);
    expect(closed.result!.cast).toBe(acknowledged.size);
    expect((await secretBallot.recount(chair, vote.id)).matches).toBe(true);
  }, 300_000);
});
