// The voter's side of the verifiable secret ballot (RFC 9474, the same blind-token helpers as question notes).
//
// The voter obtains their ONE token on the device they choose to vote on ("Vote on this device"): the browser
// prepares one random message, blinds it with the vote's public key and sends only the blinded value (signed in) to
// POST /api/votes/{id}/token; the server checks the voter may vote and signs it blind, once. The signature is
// unblinded here into a token the server has never seen. The ballot is then cast WITHOUT credentials (no cookie, no
// CSRF header) with the token: the server learns that some entitled voter cast it, and nothing about who. The voter
// keeps the receipt (SHA-256 of the token message) and what they voted, to check on the published board after the
// close; the token itself is forgotten once cast.
//
// Everything is kept in localStorage per vote and person, so a reload neither loses the token nor asks for a
// second one: the blinding state is saved before the request, and the same blinded message is sent again.
//
// Moving the token to another device of the voter's: this device shows it as a transfer code (text and QR), the
// other device enters it, checks the signature with the vote's key and tells the server only THAT the token moved
// (POST …/token/moved, which answers the time); every device whose token was received before that time forgets
// it (`since` below), so exactly one device holds the ballot and the server never sees the token before the cast.
import type { BallotBoard, BallotContent, BallotReceipt, CastBallotInput, Vote } from '../../../contracts/ballot.js';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { ApiError, client, ok, urlOf } from '../../app/api.js';
import {
  finalizeTokens,
  fromBase64,
  importNoteKey,
  prepareTokens,
  toBase64,
  tokenStore,
  type NoteToken,
} from '../assembly/note-tokens.js';

export interface KeptBallot {
  /** Blinding state between the request and the answer (never sent). */
  pending?: { prepared: string; inv: string; blinded: string };
  token?: NoteToken;
  /**
   * The server's `myToken.movedAt` when this device came to hold the token: null for the device that obtained it,
   * the move's time for one that received it. When the server's value differs, the token moved on: forget it.
   */
  since?: string | null;
  /** The voter has asked to show the transfer code (this device forgets the token once the other has it). */
  moving?: boolean;
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

export function saveKept(voteId: string, personId: string, kept: KeptBallot): void {
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
  const res = await ok(
    client.POST('/api/votes/{id}/token', { params: { path: { id: vote.id } }, body: { blinded: pending.blinded } }),
  );
  const [token] = await finalizeTokens(
    key,
    { items: [{ prepared: fromBase64(pending.prepared), inv: fromBase64(pending.inv) }] },
    [res.signature],
  );
  saveKept(vote.id, personId, { token: token!, since: vote.myToken?.movedAt ?? null });
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
    res = await fetch(urlOf('/api/votes/{id}/ballots', { id: voteId }), {
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
  // the token is spent: only the receipt is kept
  saveKept(voteId, personId, { receipt });
  return receipt;
}

const b64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (s: string) => {
  const b = s.replace(/-/g, '+').replace(/_/g, '/');
  return b + '='.repeat((4 - (b.length % 4)) % 4);
};

/** The transfer code of a token: `AT1.<message>.<signature>` (base64url); it is the token itself, shown once. */
export const transferCodeOf = (token: NoteToken) => `AT1.${b64url(token.message)}.${b64url(token.signature)}`;

/** The token in a transfer code (spaces and line breaks ignored), or null when it is not one. */
export function tokenOfTransferCode(code: string): NoteToken | null {
  const parts = code.replace(/\s+/g, '').split('.');
  if (parts.length !== 3 || parts[0] !== 'AT1' || !/^[A-Za-z0-9_-]+$/.test(parts[1]! + parts[2]!)) return null;
  return { message: fromB64url(parts[1]!), signature: fromB64url(parts[2]!) };
}

/** Whether the vote's key signed this token (RFC 9474 verification, here in the browser). */
export async function tokenValidFor(vote: Vote, token: NoteToken): Promise<boolean> {
  if (!vote.publicKeySpki) return false;
  try {
    const key = await importNoteKey(vote.publicKeySpki);
    return await RSABSSA.SHA384.PSS.Randomized().verify(key, fromBase64(token.signature), fromBase64(token.message));
  } catch {
    return false;
  }
}

/**
 * Takes a token shown as a transfer code on another of the voter's devices: checks it against the vote's key, keeps
 * it here, and tells the server only THAT it moved (the other device then forgets it). Throws `transfer_code_invalid`
 * for a code that is not this vote's token.
 */
export async function receiveToken(vote: Vote, personId: string, code: string): Promise<void> {
  const token = tokenOfTransferCode(code);
  if (!token || !(await tokenValidFor(vote, token))) throw new ApiError(0, 'transfer_code_invalid', '');
  // kept before the request: an answer lost on the way must not lose the ballot
  saveKept(vote.id, personId, { token });
  try {
    const mine = await ok(client.POST('/api/votes/{id}/token/moved', { params: { path: { id: vote.id } } }));
    saveKept(vote.id, personId, { token, since: mine.movedAt });
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400) saveKept(vote.id, personId, {});
    throw err;
  }
}

/**
 * Reconciles what this device keeps with where the server says the voter's token is: a token received before the
 * last move has moved on, so it is forgotten (returns true when it did).
 */
export function forgetIfMoved(vote: Vote, personId: string): boolean {
  const kept = loadKept(vote.id, personId);
  const movedAt = vote.myToken?.movedAt ?? null;
  if (!kept.token || kept.receipt || kept.since === undefined || movedAt === null || movedAt === kept.since)
    return false;
  saveKept(vote.id, personId, {});
  return true;
}

/** Shows (or stops showing) the transfer code on this device. */
export function setMoving(voteId: string, personId: string, moving: boolean): void {
  const kept = loadKept(voteId, personId);
  if (kept.token) saveKept(voteId, personId, { ...kept, moving });
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
