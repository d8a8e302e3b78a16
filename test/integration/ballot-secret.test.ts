// The verifiable secret ballot end to end over HTTP: 20 voters obtain one blind-signed token each (a second
// request, even concurrent, is refused; absent voters, consultative voices and outsiders get none), cast without
// credentials, keep receipts; double voting is impossible; a ballot before the opening or after the close is
// refused with a message saying it was NOT counted; after the close every voter finds their ballot on the board
// as cast, the board's hash matches the one fixed at the close and a recount equals the result. A board altered
// afterwards by an administrator (trigger disabled) is caught by the altered voter's receipt check. An election
// by secret ballot: candidates validated, blank ballots, the count, the BLT export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import {
  blindOne,
  castBallot,
  obtainToken,
  receiptOf,
  verifyReceipt,
  type NoteToken,
} from '../support/ballot-client.js';
import type { BallotBoard, BallotContent, BallotReceipt } from '../../src/contracts/ballot.js';
import { generateNoteKey, blindSign, importPrivateKey } from '../../src/platform/crypto/blind-rsa.js';
import { finalizeTokens } from '../../src/web/modules/assembly/note-tokens.js';

const VOTERS = Array.from({ length: 20 }, (_, i) => `Voter${i + 1}`);

describe.each(DB_KINDS)('secret ballot on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  const { people, account, who } = namedPeople(() => srv);
  const request = (path: string, init: RequestInit) => srv.app.request(path, init);

  const tokenFor = (name: string, voteId: string, spki: string) =>
    obtainToken(spki, async (blinded) => {
      const res = await who(name).post(`/api/votes/${voteId}/token`, { blinded });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.signature as string;
    });

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    for (const n of [...VOTERS, 'Absent', 'Guest', 'Chair', 'Outsider']) await account(n, org, po);
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: [
        ...[...VOTERS, 'Absent'].map((n) => ({ id: people[n]!.id })),
        { person: { id: people.Guest!.id }, voice: 'consultative' },
      ],
      present: [...VOTERS, 'Guest'].map((n) => ({ id: people[n]!.id })),
      roles: [{ person: { id: people.Chair!.id }, role: 'chair' }],
      open: true,
    });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const kept = new Map<string, BallotReceipt>();
  let voteId = '';
  let late: NoteToken;

  it('runs a secret ballot of 20 voters: one token each, ballots without identity, refused when not open', async () => {
    const announced = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, {
      method: 'secret',
      title: 'Expel the faction',
      agendaItemId: meeting.items[0]!.id,
      questionKind: 'ordinary',
    });
    expect(announced.status, JSON.stringify(announced.body)).toBe(201);
    voteId = announced.body.id;
    const spki: string = announced.body.publicKeySpki;
    expect(spki).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // tokens are obtained as soon as the vote is announced; the second request is refused, even concurrently
    const b1 = await blindOne(spki);
    const b2 = await blindOne(spki);
    const both = await Promise.all([
      who('Voter2').post(`/api/votes/${voteId}/token`, { blinded: b1.blinded }),
      who('Voter2').post(`/api/votes/${voteId}/token`, { blinded: b2.blinded }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('ballot_token_already_issued');
    const first = both.findIndex((r) => r.status === 200);
    const [t2] = await finalizeTokens(first === 0 ? b1.key : b2.key, first === 0 ? b1.pending : b2.pending, [
      both[first]!.body.signature,
    ]);
    const tokens = new Map<string, NoteToken>([['Voter2', t2!]]);
    for (const n of VOTERS) if (n !== 'Voter2') tokens.set(n, await tokenFor(n, voteId, spki));
    const again = await who('Voter1').post(`/api/votes/${voteId}/token`, { blinded: (await blindOne(spki)).blinded });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ballot_token_already_issued');
    const absent = await who('Absent').post(`/api/votes/${voteId}/token`, { blinded: b1.blinded });
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('ballot_not_voter');
    expect((await who('Guest').post(`/api/votes/${voteId}/token`, { blinded: b1.blinded })).body.error.code).toBe(
      'ballot_not_voter',
    );
    expect((await who('Outsider').post(`/api/votes/${voteId}/token`, { blinded: b1.blinded })).status).toBe(403);
    expect((await srv.client().post(`/api/votes/${voteId}/token`, { blinded: b1.blinded })).status).toBe(401);
    const issued = await srv.db
      .selectFrom('ballot_token_issue')
      .select('person_id')
      .where('vote_id', '=', voteId)
      .execute();
    expect(new Set(issued.map((r) => r.person_id))).toEqual(new Set(VOTERS.map((n) => people[n]!.id)));

    // before the opening: refused, and said so
    const early = await castBallot(request, voteId, tokens.get('Voter1')!, { choice: 'for' });
    expect(early.status).toBe(409);
    expect(early.body.error!.code).toBe('vote_not_open');
    expect(early.body.error!.message).toMatch(/NOT counted/);

    expect((await who('Chair').post(`/api/votes/${voteId}/open`)).status).toBe(200);
    // 12 for, 4 against, 3 abstain; Voter20 casts only after the close
    const choices: BallotContent[] = VOTERS.slice(0, 19).map((_, i) => ({
      choice: i < 12 ? 'for' : i < 16 ? 'against' : 'abstain',
    }));
    for (const [i, n] of VOTERS.slice(0, 19).entries()) {
      const res = await castBallot(request, voteId, tokens.get(n)!, choices[i]!);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.receipt).toBe(receiptOf(tokens.get(n)!));
      expect(res.body.content).toEqual(choices[i]);
      kept.set(n, res.body);
    }
    late = tokens.get('Voter20')!;

    // double voting: the same token again (even with other content) is refused
    const twice = await castBallot(request, voteId, tokens.get('Voter3')!, { choice: 'against' });
    expect(twice.status).toBe(409);
    expect(twice.body.error!.code).toBe('ballot_token_spent');
    // a token signed by another key, or a tampered one, is not valid
    const other = await generateNoteKey();
    const forged = await obtainToken(other.publicKeySpki, async (blinded) =>
      blindSign(importPrivateKey(other.privateKeyPkcs8), Buffer.from(blinded, 'base64')).toString('base64'),
    );
    const bad = await castBallot(request, voteId, forged, { choice: 'for' });
    expect(bad.status).toBe(403);
    expect(bad.body.error!.code).toBe('ballot_token_invalid');
    const tampered = { ...late, message: Buffer.from('x'.repeat(64)).toString('base64') };
    expect((await castBallot(request, voteId, tampered, { choice: 'for' })).body.error!.code).toBe(
      'ballot_token_invalid',
    );
    // a motion takes a choice; the token is not spent by an invalid ballot
    const invalid = await castBallot(request, voteId, late, { prefs: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error!.code).toBe('ballot_invalid');

    // stored without person or time: only these columns exist, and the receipt is the token's hash
    const rows = await srv.db.selectFrom('ballot').selectAll().where('vote_id', '=', voteId).execute();
    expect(rows).toHaveLength(19);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'content',
      'id',
      'receipt',
      'token_message',
      'token_signature',
      'vote_id',
    ]);
    for (const r of rows) {
      expect(r.receipt).toBe(createHash('sha256').update(Buffer.from(r.token_message, 'base64')).digest('hex'));
      expect(r.id[14]).toBe('4'); // random v4 id, not a time-ordered one
    }
    expect((await srv.services.votes.liveVote(meeting.id))?.received).toBe(19);
    const notYet = await who('Voter1').get(`/api/votes/${voteId}/board`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('board_not_published');
  });

  it('closes: refuses later ballots clearly, publishes a board every voter can verify, recounts equal', async () => {
    const closed = await who('Chair').post(`/api/votes/${voteId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({
      counts: { for: 12, against: 4, abstain: 3 },
      carried: true,
      needed: 9,
      cast: 19,
      present: 20,
      entitled: 21,
    });
    expect(closed.body.result.boardHash).toMatch(/^[0-9a-f]{64}$/);

    const after = await castBallot(request, voteId, late, { choice: 'against' });
    expect(after.status).toBe(409);
    expect(after.body.error!.code).toBe('vote_closed');
    expect(after.body.error!.message).toMatch(/NOT counted/);
    const token = await who('Voter20').post(`/api/votes/${voteId}/token`, { blinded: 'AAAA' });
    expect(token.body.error.code).toBe('vote_closed');

    const board = await who('Voter7').get<BallotBoard>(`/api/votes/${voteId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.entries).toHaveLength(19);
    const receipts = board.body.entries.map((e) => e.receipt);
    expect(receipts).toEqual([...receipts].sort());
    expect(board.body.boardHash).toBe(closed.body.result.boardHash);
    for (const [n, receipt] of kept) {
      const v = verifyReceipt(board.body, receipt);
      expect(v, n).toEqual({ onBoardAsCast: true, hashMatches: true, recountMatches: true, ok: true });
    }
    const check = await who('Voter1').get(`/api/votes/${voteId}/receipts/${kept.get('Voter1')!.receipt}`);
    expect(check.body).toEqual({
      onBoard: true,
      content: { choice: 'for' },
      counted: true,
      boardHash: closed.body.result.boardHash,
    });
    const unknown = await who('Voter1').get(`/api/votes/${voteId}/receipts/${'0'.repeat(64)}`);
    expect(unknown.body).toMatchObject({ onBoard: false, counted: false });
    const recount = await who('Guest').get(`/api/votes/${voteId}/recount`);
    expect(recount.status).toBe(200);
    expect(recount.body.matches).toBe(true);
    expect(recount.body.recount.counts).toEqual({ for: 12, against: 4, abstain: 3 });
    expect((await who('Outsider').get(`/api/votes/${voteId}/board`)).status).toBe(403);
  });

  it('catches a board altered after publication by the voter’s receipt check', async () => {
    const victim = kept.get('Voter1')!; // cast 'for'
    await sql`alter table ballot disable trigger ballot_immutable`.execute(srv.db);
    await sql`update ballot set content = ${JSON.stringify({ choice: 'against' })}::jsonb
      where vote_id = ${voteId} and receipt = ${victim.receipt}`.execute(srv.db);
    await sql`alter table ballot enable trigger ballot_immutable`.execute(srv.db);
    const board = await who('Voter1').get<BallotBoard>(`/api/votes/${voteId}/board`);
    const mine = verifyReceipt(board.body, victim);
    expect(mine.onBoardAsCast).toBe(false);
    expect(mine.hashMatches).toBe(false);
    expect(mine.ok).toBe(false);
    // every other voter sees the published hash no longer matches, and the recount disagrees with the result
    const other = verifyReceipt(board.body, kept.get('Voter2')!);
    expect(other).toMatchObject({ onBoardAsCast: true, hashMatches: false, recountMatches: false, ok: false });
    expect((await who('Voter2').get(`/api/votes/${voteId}/recount`)).body.matches).toBe(false);
    // the trigger is back: the application (or a careless UPDATE) cannot change a ballot
    await expect(
      srv.db.updateTable('ballot').set({ content: '{"choice":"for"}' }).where('vote_id', '=', voteId).execute(),
    ).rejects.toThrow(/ballots cannot be changed/);
  });

  it('holds a secret election: candidates checked, blank ballots, the count and its BLT', async () => {
    const electionId = uuidv7();
    await srv.db
      .insertInto('election')
      .values({
        id: electionId,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[0]!.id,
        title: 'Bureau',
        office: 'bureau',
        seats: 2,
        method: 'plurality',
        ballot: 'secret',
      })
      .execute();
    const cands = ['Voter1', 'Voter2', 'Voter3'].map((n) => people[n]!.id);
    await srv.db
      .insertInto('candidate')
      .values(cands.map((id, i) => ({ election_id: electionId, person_id: id, position: i + 1, consent: 'consented' })))
      .execute();
    const open = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, { method: 'open', electionId });
    expect(open.status).toBe(422);
    expect(open.body.error.code).toBe('vote_method_not_allowed');
    const a = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, { method: 'secret', electionId });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const id: string = a.body.id;
    const tokens = await Promise.all(VOTERS.slice(0, 6).map((n) => tokenFor(n, id, a.body.publicKeySpki as string)));
    expect((await who('Chair').post(`/api/votes/${id}/open`)).status).toBe(200);
    const tooMany = await castBallot(request, id, tokens[0]!, { prefs: cands });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error!.message).toMatch(/more candidates than there are seats/);
    expect((await castBallot(request, id, tokens[0]!, { prefs: [uuidv7()] })).body.error!.code).toBe('ballot_invalid');
    expect((await castBallot(request, id, tokens[0]!, { prefs: [cands[0]!, cands[0]!] })).body.error!.code).toBe(
      'ballot_invalid',
    );
    expect((await castBallot(request, id, tokens[0]!, { choice: 'for' })).body.error!.code).toBe('ballot_invalid');
    const contents: BallotContent[] = [
      { prefs: [cands[0]!, cands[1]!] },
      { prefs: [cands[0]!] },
      { prefs: [cands[2]!, cands[0]!] },
      { prefs: [cands[1]!] },
      { prefs: [] },
      { prefs: [cands[0]!, cands[2]!] },
    ];
    const receipts: BallotReceipt[] = [];
    for (const [i, t] of tokens.entries()) {
      const r = await castBallot(request, id, t, contents[i]!);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      receipts.push(r.body);
    }
    const closed = await who('Chair').post(`/api/votes/${id}/close`);
    expect(closed.status).toBe(200);
    const result = closed.body.result;
    expect(result).toMatchObject({ cast: 6, invalid: 1, counts: null, carried: null });
    expect(result.count.totals).toEqual({ [cands[0]!]: 4, [cands[1]!]: 2, [cands[2]!]: 2 });
    expect(result.count.elected[0]).toBe(cands[0]);
    expect(result.count.elected).toHaveLength(2);
    const board = await who('Voter9').get<BallotBoard>(`/api/votes/${id}/board`);
    expect(board.body.candidates.map((c) => c.id)).toEqual(cands);
    for (const r of receipts) expect(verifyReceipt(board.body, r).ok).toBe(true);
    expect((await who('Voter9').get(`/api/votes/${id}/recount`)).body.matches).toBe(true);
    const blt = await who('Voter9').get(`/api/votes/${id}/board.blt`);
    expect(blt.status).toBe(200);
    expect(String(blt.body).split('\n')[0]).toBe('3 2');
    const live = await srv.services.votes.liveVote(meeting.id);
    expect(live).toMatchObject({ id, status: 'closed', electionId, received: 6 });
    expect(live?.candidates.map((c) => c.id)).toEqual(cands);
    const election = await srv.db
      .selectFrom('election')
      .select('status')
      .where('id', '=', electionId)
      .executeTakeFirstOrThrow();
    expect(election.status).toBe('closed');
  });
});
