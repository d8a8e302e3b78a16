// The voter's side of the verifiable secret ballot, as the web app does it, for tests and the benchmark: obtain
// the one token (prepare + blind with the vote's key, POST /token with the session, finalize), cast WITHOUT
// credentials (no cookie, no CSRF header), keep the receipt and the content; after the close fetch the board and
// check (a) the receipt's entry is there with exactly the content cast, (b) the board's recomputed hash equals
// the hash published at the close, (c) every token verifies and a recount from the board equals the result.
import { createHash } from 'node:crypto';
import type { BallotBoard, BallotContent, BallotReceipt, VoteResult } from '../../src/contracts/ballot.js';
import {
  finalizeTokens,
  fromBase64,
  importNoteKey,
  prepareTokens,
  type NoteToken,
} from '../../src/web/modules/assembly/note-tokens.js';
import {
  ballotsResult,
  boardCanonical,
  canonicalContent,
  stableJson,
  type BallotSpec,
} from '../../src/modules/ballot/rules/board.js';
import { importPublicKey, verifyToken } from '../../src/platform/crypto/blind-rsa.js';

export type { NoteToken };

/** Sends a request the way the app under test answers it (`app.request`, or fetch against a served URL). */
export type Requester = (path: string, init: RequestInit) => Response | Promise<Response>;

export interface Answer<T = unknown> {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: T & { error?: { code: string; message: string } } & Record<string, any>;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

/** Blinds one token message: what the browser keeps (pending) and sends (blinded). */
export async function blindOne(publicKeySpki: string) {
  const key = await importNoteKey(publicKeySpki);
  const { blinded, pending } = await prepareTokens(key, 1);
  return { key, blinded: blinded[0]!, pending };
}

/**
 * Obtains the voter's token. `post` sends the blinded value with the voter's session (a TestClient's post, or the
 * service called with the voter's actor) and returns the blind signature or throws.
 */
export async function obtainToken(
  publicKeySpki: string,
  post: (blinded: string) => Promise<string>,
): Promise<NoteToken> {
  const b = await blindOne(publicKeySpki);
  const signature = await post(b.blinded);
  const [token] = await finalizeTokens(b.key, b.pending, [signature]);
  return token!;
}

/** Casts a ballot without credentials: no cookie, no CSRF header. */
export async function castBallot(
  request: Requester,
  voteId: string,
  token: NoteToken,
  content: BallotContent,
): Promise<Answer<BallotReceipt>> {
  const res = await request(`/api/votes/${voteId}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: { message: token.message, signature: token.signature }, content }),
  });
  return answer<BallotReceipt>(res);
}

export const receiptOf = (token: NoteToken) => createHash('sha256').update(fromBase64(token.message)).digest('hex');

export const boardHash = (board: BallotBoard) =>
  createHash('sha256')
    .update(
      boardCanonical({
        voteId: board.voteId,
        publicKeySpki: board.publicKeySpki,
        candidateIds: board.candidates.map((c) => c.id),
        entries: board.entries,
      }),
    )
    .digest('hex');

/** Recounts the board on the voter's side, with the published code, from the board alone. */
export function recountBoard(board: BallotBoard): { result: VoteResult; tokensValid: boolean } {
  const r = board.result;
  const spec: BallotSpec = {
    title: board.title,
    majority: r.majority,
    // a void election has no count; it is void whatever its method (voidness looks at the ballots only)
    election: r.count
      ? { method: r.count.method, seats: r.count.seats, candidates: board.candidates }
      : r.void && board.candidates.length
        ? { method: 'approval', seats: 1, candidates: board.candidates }
        : null,
    present: r.present,
    entitled: r.entitled,
    quorumRequired: r.quorum?.required ?? null,
    minTurnout: r.void?.minimumTurnout ?? 0,
  };
  const key = importPublicKey(board.publicKeySpki);
  const seen = new Set<string>();
  let tokensValid = true;
  for (const e of board.entries) {
    const message = Buffer.from(e.message, 'base64');
    const ok =
      !seen.has(e.receipt) &&
      createHash('sha256').update(message).digest('hex') === e.receipt &&
      verifyToken(key, message, Buffer.from(e.signature, 'base64'));
    if (!ok) tokensValid = false;
    seen.add(e.receipt);
  }
  return {
    result: ballotsResult(
      spec,
      board.entries.map((e) => e.content),
      boardHash(board),
    ),
    tokensValid,
  };
}

export interface Verification {
  /** (a) the receipt's entry is on the board with exactly the content cast. */
  onBoardAsCast: boolean;
  /** (b) the board's recomputed hash equals the hash fixed at the close. */
  hashMatches: boolean;
  /** (c) every token verifies and the recount from the board equals the published result. */
  recountMatches: boolean;
  ok: boolean;
}

/** What a voter checks after the close, given the board (GET /api/votes/{id}/board) and their receipt. */
export function verifyReceipt(board: BallotBoard, kept: BallotReceipt): Verification {
  const entry = board.entries.find((e) => e.receipt === kept.receipt);
  const onBoardAsCast = entry !== undefined && canonicalContent(entry.content) === canonicalContent(kept.content);
  const hash = boardHash(board);
  const hashMatches = hash === board.boardHash && hash === board.result.boardHash;
  const { result, tokensValid } = recountBoard(board);
  const recountMatches = tokensValid && stableJson(result) === stableJson(board.result);
  return { onBoardAsCast, hashMatches, recountMatches, ok: onBoardAsCast && hashMatches && recountMatches };
}
