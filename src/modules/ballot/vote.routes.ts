// HTTP: votes (announce, open, close, cancel, the tellers' count, roll-call) and the verifiable secret ballot
// (token issuance, casting WITHOUT credentials, the board, receipt checks, the recount, BLT export). The cast
// route never reads a session: a cookie sent along is not even looked up (isSessionless).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { SecretBallotService } from './secret.service.js';
import type { VoteService } from './vote.service.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import { CAST_BALLOT_PATH } from '../../contracts/auth.js';
import {
  AnnounceVoteInput,
  BallotBoard,
  BallotReceipt,
  BallotTokenInput,
  BallotTokenResult,
  CastBallotInput,
  EnterCountInput,
  MyBallotToken,
  ReceiptCheck,
  Recount,
  RollCallInput,
  RollEntry,
  Vote,
  VoteList,
} from '../../contracts/ballot.js';

const ReceiptParam = z.object({ id: Uuid, receipt: z.string().regex(/^[0-9a-fA-F]{64}$/) });
const errors = errorResponses({
  409: 'Another vote is running, the vote is not open or already closed, or the token was already used',
  422: 'Not allowed now',
});
const tags = ['votes'];

const announce = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/votes',
  ...policy('meeting'),
  tags,
  summary: 'Announce a vote on a motion, an election, or a question the chair puts (the statute’s majority is fixed)',
  request: { params: IdParam, ...jsonBody(AnnounceVoteInput) },
  responses: { 201: { description: 'Announced', ...json(Vote) }, ...errors },
});
const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/votes',
  ...policy('meeting'),
  tags,
  summary: 'Every vote of the meeting, with results',
  request: { params: IdParam },
  responses: { 200: { description: 'The votes', ...json(VoteList) }, ...errors },
});
const get = createRoute({
  method: 'get',
  path: '/api/votes/{id}',
  ...policy('meeting'),
  tags,
  summary: 'A vote',
  request: { params: IdParam },
  responses: { 200: { description: 'The vote', ...json(Vote) }, ...errors },
});
const act = (name: 'open' | 'close' | 'cancel', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/votes/{id}/${name}`,
    ...policy('meeting'),
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: { description: 'The vote', ...json(Vote) }, ...errors },
  });
const open = act('open', 'Open the vote (voting participants present are counted)');
const close = act('close', 'Close the vote: the result is computed, stored and published');
const cancel = act('cancel', 'Cancel the vote');
const count = createRoute({
  method: 'post',
  path: '/api/votes/{id}/count',
  ...policy('meeting'),
  tags,
  summary: 'Tellers enter the count of an open vote (show of hands), before the close',
  request: { params: IdParam, ...jsonBody(EnterCountInput) },
  responses: { 200: { description: 'The vote', ...json(Vote) }, ...errors },
});
const rollCall = createRoute({
  method: 'post',
  path: '/api/votes/{id}/roll-call',
  ...policy('meeting'),
  tags,
  summary: 'Record a named vote (the chair or secretary for a present voter, or a present voter their own)',
  request: { params: IdParam, ...jsonBody(RollCallInput) },
  responses: { 200: { description: 'The vote', ...json(Vote) }, ...errors },
});
const roll = createRoute({
  method: 'get',
  path: '/api/votes/{id}/roll-call',
  ...policy('meeting'),
  tags,
  summary: 'The roll: voting participants present and their named votes so far',
  request: { params: IdParam },
  responses: { 200: { description: 'The roll', ...json(z.object({ items: z.array(RollEntry) })) }, ...errors },
});
const token = createRoute({
  method: 'post',
  path: '/api/votes/{id}/token',
  ...policy('meeting'),
  tags,
  summary: 'A present voting participant obtains the blind signature of their one ballot token (RFC 9474)',
  request: { params: IdParam, ...jsonBody(BallotTokenInput) },
  responses: { 200: { description: 'The blind signature', ...json(BallotTokenResult) }, ...errors },
});
const tokenMoved = createRoute({
  method: 'post',
  path: '/api/votes/{id}/token/moved',
  ...policy('meeting'),
  tags,
  summary:
    'The voter’s device that received their token from another of their devices records that it moved (never the token)',
  request: { params: IdParam },
  responses: { 200: { description: 'Where the voter’s token is', ...json(MyBallotToken) }, ...errors },
});
const cast = createRoute({
  method: 'post',
  path: CAST_BALLOT_PATH,
  ...policy('token'),
  tags,
  summary:
    'Cast a secret ballot with a finalized token, WITHOUT credentials: a cookie sent along is not even looked up. 201 only after the ballot is committed',
  request: { params: IdParam, ...jsonBody(CastBallotInput) },
  responses: { 201: { description: 'Counted; keep the receipt', ...json(BallotReceipt) }, ...errors },
});
const board = createRoute({
  method: 'get',
  path: '/api/votes/{id}/board',
  ...policy('meeting'),
  tags,
  summary: 'The published ballot board of a closed secret vote (every ballot by receipt, its token, the hash)',
  request: { params: IdParam },
  responses: { 200: { description: 'The board', ...json(BallotBoard) }, ...errors },
});
const boardBlt = createRoute({
  method: 'get',
  path: '/api/votes/{id}/board.blt',
  ...policy('meeting'),
  tags,
  summary: 'A closed secret election’s ballots in BLT format, for other counting tools',
  request: { params: IdParam },
  responses: {
    200: { description: 'BLT', content: { 'text/plain': { schema: z.string() } } },
    ...errors,
  },
});
const receipt = createRoute({
  method: 'get',
  path: '/api/votes/{id}/receipts/{receipt}',
  ...policy('meeting'),
  tags,
  summary: 'Whether a receipt’s ballot is on the board, as cast, and counted',
  request: { params: ReceiptParam },
  responses: { 200: { description: 'The check', ...json(ReceiptCheck) }, ...errors },
});
const recount = createRoute({
  method: 'get',
  path: '/api/votes/{id}/recount',
  ...policy('meeting'),
  tags,
  summary: 'Recount from the published board (every token verified) with the app’s counting code',
  request: { params: IdParam },
  responses: { 200: { description: 'The recount', ...json(Recount) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface VoteRouteDeps {
  secretBallot: SecretBallotService;
  votes: VoteService;
}

export function voteRoutes(s: VoteRouteDeps): RouteModule {
  return (api: Api) => {
    const id = (c: { req: { valid(t: 'param'): { id: string } } }) => c.req.valid('param').id;
    api.openapi(announce, async (c) =>
      c.json(await s.votes.announce(requireActor(c), id(c), c.req.valid('json')), 201),
    );
    api.openapi(list, async (c) => c.json(await s.votes.list(requireActor(c), id(c)), 200));
    api.openapi(get, async (c) => c.json(await s.votes.get(requireActor(c), id(c)), 200));
    api.openapi(open, async (c) => c.json(await s.votes.open(requireActor(c), id(c)), 200));
    api.openapi(close, async (c) => c.json(await s.votes.close(requireActor(c), id(c)), 200));
    api.openapi(cancel, async (c) => c.json(await s.votes.cancel(requireActor(c), id(c)), 200));
    api.openapi(count, async (c) => c.json(await s.votes.enterCount(requireActor(c), id(c), c.req.valid('json')), 200));
    api.openapi(rollCall, async (c) =>
      c.json(await s.votes.recordRollCall(requireActor(c), id(c), c.req.valid('json')), 200),
    );
    api.openapi(roll, async (c) => c.json(await s.votes.roll(requireActor(c), id(c)), 200));
    api.openapi(token, async (c) =>
      c.json(await s.secretBallot.issueToken(requireActor(c), id(c), c.req.valid('json')), 200),
    );
    api.openapi(tokenMoved, async (c) => c.json(await s.secretBallot.tokenMoved(requireActor(c), id(c)), 200));
    api.openapi(cast, async (c) => c.json(await s.secretBallot.cast(id(c), c.req.valid('json')), 201));
    api.openapi(board, async (c) => c.json(await s.secretBallot.board(requireActor(c), id(c)), 200));
    api.openapi(boardBlt, async (c) => {
      const blt = await s.secretBallot.boardBlt(requireActor(c), id(c));
      return c.text(blt, 200, { 'content-type': 'text/plain; charset=utf-8' });
    });
    api.openapi(receipt, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.secretBallot.checkReceipt(requireActor(c), p.id, p.receipt), 200);
    });
    api.openapi(recount, async (c) => c.json(await s.secretBallot.recount(requireActor(c), id(c)), 200));
  };
}
