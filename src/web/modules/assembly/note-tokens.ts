// Question-note tokens, the participant's side of RFC 9474 (RSABSSA-SHA384-PSS-Randomized). Runs in the browser
// and in Node 20 (tests, bench): only @cloudflare/blindrsa-ts and WebCrypto (`globalThis.crypto`).
//
// At check-in the participant prepares random messages, blinds them with the meeting's public key and sends
// only the blinded values (signed in): the server checks presence and the per-person limit and signs them
// blind. Here the signatures are unblinded into tokens { message, signature } that the server has never seen.
// A note is then sent WITHOUT credentials (`credentials: 'omit'`) carrying one token: the server learns that
// some present participant sent it, and nothing about who.
import { RSABSSA } from '@cloudflare/blindrsa-ts';

export const NOTE_SUITE = 'RSABSSA-SHA384-PSS-Randomized';

/** A finalized token: the prepared message and its signature, both base64. */
export interface NoteToken {
  message: string;
  signature: string;
}

/** What `finalizeTokens` needs, kept in memory between the request and its answer. Never sent. */
export interface PendingTokens {
  readonly items: readonly { prepared: Uint8Array; inv: Uint8Array }[];
}

const suite = () => RSABSSA.SHA384.PSS.Randomized();

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Imports the meeting's public key (GET /note-key `publicKeySpki`) for blinding and checking tokens. */
export function importNoteKey(spkiB64: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('spki', fromBase64(spkiB64), { name: 'RSA-PSS', hash: 'SHA-384' }, true, [
    'verify',
  ]);
}

/**
 * Prepares `n` tokens: for each, 32 random bytes of message (RFC 9474 §4.1 then prefixes 32 more random bytes)
 * blinded with a fresh random factor. Send `blinded` to POST /note-tokens; keep `pending` to finalize.
 */
export async function prepareTokens(key: CryptoKey, n: number): Promise<{ blinded: string[]; pending: PendingTokens }> {
  const s = suite();
  const blinded: string[] = [];
  const items: { prepared: Uint8Array; inv: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const msg = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const prepared = s.prepare(msg);
    const { blindedMsg, inv } = await s.blind(key, prepared);
    blinded.push(toBase64(blindedMsg));
    items.push({ prepared, inv });
  }
  return { blinded, pending: { items } };
}

/** Unblinds the server's signatures (in the order of `blinded`); throws if any does not verify. */
export async function finalizeTokens(
  key: CryptoKey,
  pending: PendingTokens,
  signatures: readonly string[],
): Promise<NoteToken[]> {
  if (signatures.length !== pending.items.length) throw new Error('the server returned a different number of tokens');
  const s = suite();
  const out: NoteToken[] = [];
  for (let i = 0; i < signatures.length; i++) {
    const { prepared, inv } = pending.items[i]!;
    const sig = await s.finalize(key, prepared, fromBase64(signatures[i]!), inv);
    out.push({ message: toBase64(prepared), signature: toBase64(sig) });
  }
  return out;
}

// --- unspent tokens per meeting (localStorage when available, else memory) ----------------------------------

const memory = new Map<string, string>();
const storageKey = (meetingId: string) => `antaeus.noteTokens.${meetingId}`;

/** The browser's localStorage, or memory when storage is disabled; also keeps ballot tokens and receipts. */
export function tokenStore(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const ls = (globalThis as { localStorage?: Storage }).localStorage;
    if (ls) return ls;
  } catch {
    // storage disabled (private mode, sandboxed frame)
  }
  return {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  };
}

/** The unspent tokens kept for a meeting. */
export function loadTokens(meetingId: string): NoteToken[] {
  try {
    const raw = tokenStore().getItem(storageKey(meetingId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter(
          (t): t is NoteToken =>
            typeof t === 'object' &&
            t !== null &&
            typeof (t as NoteToken).message === 'string' &&
            typeof (t as NoteToken).signature === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function saveTokens(meetingId: string, tokens: readonly NoteToken[]): void {
  if (tokens.length === 0) tokenStore().removeItem(storageKey(meetingId));
  else tokenStore().setItem(storageKey(meetingId), JSON.stringify(tokens));
}

/** Keeps new tokens for a meeting. */
export function addTokens(meetingId: string, tokens: readonly NoteToken[]): void {
  saveTokens(meetingId, [...loadTokens(meetingId), ...tokens]);
}

/** Takes one unspent token out of the store (put it back with `addTokens` if sending fails before the server answers). */
export function takeToken(meetingId: string): NoteToken | undefined {
  const all = loadTokens(meetingId);
  const t = all.shift();
  saveTokens(meetingId, all);
  return t;
}

/** Forgets a meeting's tokens (e.g. after it closed). */
export function clearTokens(meetingId: string): void {
  tokenStore().removeItem(storageKey(meetingId));
}
