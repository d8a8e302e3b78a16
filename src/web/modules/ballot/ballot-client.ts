// The voter's side of the verifiable secret ballot (RFC 9474, the same blind-token helpers as question notes).
//
// As soon as a secret vote is announced, a present voter's browser prepares one random message, blinds it with
// the vote's public key and sends only the blinded value (signed in) to POST /api/votes/{id}/token; the server
// checks the voter may vote and signs it blind, once. The signature is unblinded here into a token the server has
// never seen. The ballot is then cast WITHOUT credentials (no cookie, no CSRF header) with the token: the server
// learns that some entitled voter cast it, and nothing about who. The voter keeps the receipt (SHA-256 of the
// token message) and what they voted, to check on the published board after the close.
//
// Everything is kept in localStorage per vote and person, so a reload neither loses the token nor asks for a
// second one: the blinding state is saved before the request, and the same blinded message is sent again.
import type {
  BallotBoard,
  BallotContent,
  BallotReceipt,
  BallotTokenResult,
  CastBallotInput,
  Vote,
} from '../../../contracts/ballot.js';
import { api, ApiError } from '../../app/api.js';
import {
  finalizeTokens,
  fromBase64,
  importNoteKey,
  prepareTokens,
  toBase64,
  tokenStore,
  type NoteToken,
} from '../assembly/note-tokens.js';
import { ballotPaths } from './endpoints.js';

export interface KeptBallot {
  /** Blinding state between the request and the answer (never sent). */
  pending?: { prepared: string; inv: string; blinded: string };
  token?: NoteToken;
  /** Set once the ballot was accepted. */
  receipt?: BallotReceipt;
}

const keyOf = (voteId: string, personId: string) => `antaeus.ballot.${voteId}.${personId}`;

export function loadKept(voteId: string, personId: string): KeptBallot {
  try {
    const raw = tokenStore().getItem(keyOf(voteId, personId));
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v && typeof v === 'object' ? (v as KeptBallot) : {};
  } catch {
    return {};
  }
}

function saveKept(voteId: string, personId: string, kept: KeptBallot): void {
  tokenStore().setItem(keyOf(voteId, personId), JSON.stringify(kept));
}

const inFlight = new Map<string, Promise<NoteToken>>();

async function obtain(vote: Vote, personId: string): Promise<NoteToken> {
  const kept = loadKept(vote.id, personId);
  if (kept.token) return kept.token;
  if (!vote.publicKeySpki) throw new ApiError(0, 'no_key', '');
  const key = await importNoteKey(vote.publicKeySpki);
  let pending = kept.pending;
  if (!pending) {
    const p = await prepareTokens(key, 1);
    const item = p.pending.items[0]!;
    pending = { prepared: toBase64(item.prepared), inv: toBase64(item.inv), blinded: p.blinded[0]! };
    saveKept(vote.id, personId, { ...kept, pending });
  }
  const res = await api<BallotTokenResult>(ballotPaths.token(vote.id), {
    method: 'POST',
    body: { blinded: pending.blinded },
  });
  const [token] = await finalizeTokens(
    key,
    { items: [{ prepared: fromBase64(pending.prepared), inv: fromBase64(pending.inv) }] },
    [res.signature],
  );
  saveKept(vote.id, personId, { token: token! });
  return token!;
}

/** The voter's eligibility token for a secret vote: kept, or obtained now (one request at a time per vote). */
export function obtainBallotToken(vote: Vote, personId: string): Promise<NoteToken> {
  const k = keyOf(vote.id, personId);
  let p = inFlight.get(k);
  if (!p) {
    p = obtain(vote, personId).finally(() => inFlight.delete(k));
    inFlight.set(k, p);
  }
  return p;
}

/** SHA-256 (hex) of the token message: the receipt that names the ballot's line on the board. */
export async function receiptOf(token: NoteToken): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', fromBase64(token.message));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Casts the ballot: plain fetch, credentials omitted, no CSRF header; keeps the receipt. */
export async function castBallot(voteId: string, personId: string, content: BallotContent): Promise<BallotReceipt> {
  const kept = loadKept(voteId, personId);
  if (kept.receipt) return kept.receipt;
  const token = kept.token;
  if (!token) throw new ApiError(0, 'no_ballot_token', '');
  let res: Response;
  try {
    res = await fetch(ballotPaths.ballots(voteId), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token, content } satisfies CastBallotInput),
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? '', err?.details);
  }
  const answered = body as Partial<BallotReceipt> | null;
  const receipt: BallotReceipt = {
    voteId,
    receipt: typeof answered?.receipt === 'string' ? answered.receipt : await receiptOf(token),
    content,
  };
  saveKept(voteId, personId, { token, receipt });
  return receipt;
}

/** Same content, whatever the order of keys (prefs keep their order: it is the ranking). */
export function sameContent(a: BallotContent | null | undefined, b: BallotContent | null | undefined): boolean {
  if (!a || !b) return false;
  if ('choice' in a || 'choice' in b) return 'choice' in a && 'choice' in b && a.choice === b.choice;
  return a.prefs.length === b.prefs.length && a.prefs.every((p, i) => p === b.prefs[i]);
}

/**
 * The SHA-256 (hex) of the published board's canonical text, recomputed here from the board's own entries, so
 * that a voter's browser checks every ballot on the board — not only its own — against the fingerprint announced
 * with the result. The format is the published one (`antaeus-ballot-board/1`): header lines, then one line per
 * ballot sorted by receipt, `<receipt> <message> <signature> <content JSON>`, joined by "\n".
 */
export async function recomputeBoardHash(board: BallotBoard): Promise<string> {
  const canonical = (c: BallotContent) =>
    'choice' in c ? JSON.stringify({ choice: c.choice }) : JSON.stringify({ prefs: [...c.prefs] });
  const lines = [
    'antaeus-ballot-board/1',
    `vote ${board.voteId}`,
    `key ${board.publicKeySpki}`,
    `candidates ${JSON.stringify(board.candidates.map((c) => c.id))}`,
  ];
  const entries = [...board.entries].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
  for (const e of entries) lines.push(`${e.receipt} ${e.message} ${e.signature} ${canonical(e.content)}`);
  const d = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines.join('\n')));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
