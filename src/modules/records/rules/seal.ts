// Sealed records (pure): canonical JSON, SHA-256, the hash chain and the check of one link (ADR 0010).
// A record's content hash is sha256(canonical(content)); its hash is sha256(prevHash + '\n' + contentHash),
// where prevHash is the predecessor's hash, or GENESIS for the first record.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members dropped, arrays
 * in order. Two equal values always give the same string, so their hashes agree across processes and databases.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no representation for ' + String(value));
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function chainHash(prevHash: string, contentHash: string): string {
  return sha256Hex(`${prevHash}\n${contentHash}`);
}

export interface SealedLink {
  seq: number;
  content: string;
  contentHash: string;
  prevHash: string;
  hash: string;
}

/** Hashes for a new record after `prev` (null: the first record of the chain). */
export function nextLink(
  prev: { seq: number; hash: string } | null,
  content: unknown,
): { seq: number; content: string; contentHash: string; prevHash: string; hash: string } {
  const text = canonicalJson(content);
  const contentHash = sha256Hex(text);
  const prevHash = prev?.hash ?? GENESIS_HASH;
  return { seq: (prev?.seq ?? 0) + 1, content: text, contentHash, prevHash, hash: chainHash(prevHash, contentHash) };
}

const short = (h: string) => h.slice(0, 12) + '…';

/**
 * Problems of one stored record against its predecessor (null for the first): a gap in the sequence, a broken
 * link, content that no longer matches its hash, a hash that does not follow from its parts. Empty when sound.
 */
export function checkLink(prev: { seq: number; hash: string } | null, r: SealedLink): string[] {
  const problems: string[] = [];
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (r.seq !== expectedSeq)
    problems.push(
      r.seq > expectedSeq
        ? `records #${expectedSeq}–#${r.seq - 1} are missing before it`
        : `out of sequence (expected #${expectedSeq})`,
    );
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  if (r.prevHash !== expectedPrev)
    problems.push(
      prev
        ? `chain broken: prev_hash ${short(r.prevHash)} ≠ hash of record #${prev.seq} ${short(expectedPrev)}`
        : `chain broken: the first record's prev_hash ${short(r.prevHash)} is not the genesis hash`,
    );
  const actual = sha256Hex(r.content);
  if (actual !== r.contentHash) problems.push(`content changed (hash ${short(actual)}≠${short(r.contentHash)})`);
  const link = chainHash(r.prevHash, r.contentHash);
  if (link !== r.hash) problems.push(`hash changed (${short(r.hash)}≠${short(link)} computed)`);
  return problems;
}

/**
 * Names what differs between the sealed content and the same content rebuilt from the live tables: the top-level
 * fields, and for arrays the first differing element (`transcript[7]` by its `seq` when it has one). Null when equal.
 */
export function describeDifference(sealed: unknown, live: unknown): string | null {
  if (canonicalJson(sealed) === canonicalJson(live)) return null;
  if (!isObject(sealed) || !isObject(live)) return 'the record differs';
  const keys = [...new Set([...Object.keys(sealed), ...Object.keys(live)])].sort();
  const parts: string[] = [];
  for (const k of keys) {
    const a = sealed[k];
    const b = live[k];
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) parts.push(`${k}: ${a.length} sealed, ${b.length} now`);
      else {
        const i = a.findIndex((x, j) => canonicalJson(x) !== canonicalJson(b[j]));
        const x = a[i];
        const id = isObject(x) && typeof x.seq === 'number' ? `#${x.seq}` : `${i + 1}`;
        parts.push(`${k} ${id} changed`);
      }
    } else parts.push(`${k} changed`);
  }
  return parts.join(', ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One record of a meeting's record covered by a seal (payload version 2): its kind ('attendance', 'quorum',
 * 'roles', 'motion', 'amendment', 'vote', 'ballots', 'election', 'minority opinion', 'decision'), the id it is
 * named by (the meeting's for attendance, quorum and roles; the vote's for its ballots) and its fields as read
 * from the live tables (ids, never names, so a renamed person does not read as a change).
 */
export interface SealedPart {
  kind: string;
  id: string;
  [field: string]: unknown;
}

/** The order parts are sealed in: by kind as listed, then by id. Pure and total, so seal and verify agree. */
const PART_ORDER = [
  'attendance',
  'quorum',
  'roles',
  'motion',
  'amendment',
  'minority opinion',
  'vote',
  'ballots',
  'election',
  'decision',
];

const rankOf = (kind: string) => {
  const i = PART_ORDER.indexOf(kind);
  return i < 0 ? PART_ORDER.length : i;
};

export function sortParts<T extends SealedPart>(parts: readonly T[]): T[] {
  return [...parts].sort(
    (a, b) =>
      rankOf(a.kind) - rankOf(b.kind) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** How a part is named: 'vote 0193…', 'attendance of meeting 0193…', 'ballots of vote 0193…'. */
export function partName(p: { kind: string; id: string }): string {
  switch (p.kind) {
    case 'attendance':
    case 'quorum':
    case 'roles':
      return `${p.kind} of meeting ${p.id}`;
    case 'ballots':
      return `ballots of vote ${p.id}`;
    default:
      return `${p.kind} ${p.id}`;
  }
}

const FIELD_PHRASES: Record<string, string> = {
  currentText: 'final text changed',
  boardHash: 'board hash changed',
  transcript: 'round-by-round transcript changed',
  elected: 'elected changed',
};

const words = (field: string) => field.replace(/[A-Z]/g, (c) => ' ' + c.toLowerCase());

function fieldChange(kind: string, field: string, a: unknown, b: unknown): string {
  if (kind === 'ballots' && field === 'boardHash')
    return `board hash differs (sealed ${short(String(a))}, recomputed from the ballot rows ${short(String(b))})`;
  if (kind === 'ballots' && field === 'count')
    return `number of ballots changed (${String(a)} sealed, ${String(b)} now)`;
  if (FIELD_PHRASES[field]) return FIELD_PHRASES[field];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${words(field)}: ${a.length} sealed, ${b.length} now`;
    const i = a.findIndex((x, j) => canonicalJson(x) !== canonicalJson(b[j]));
    const x = a[i];
    const key = isObject(x) ? (x.id ?? x.personId ?? x.seq ?? i + 1) : i + 1;
    return `${words(field)} ${String(key)} changed`;
  }
  return `${words(field)} changed`;
}

/**
 * Names each changed part of a version 2 payload, one entry per part: 'vote 0193…: result changed', 'motion
 * 0193…: final text changed', 'ballots of vote 0193…: board hash differs (…)', 'attendance of meeting 0193…:
 * participants 0193… changed', a part missing now or added since; in the parts' sealing order. Empty when equal.
 */
export function describePartDifferences(sealed: readonly SealedPart[], live: readonly SealedPart[]): string[] {
  const key = (p: SealedPart) => `${p.kind}\u0000${p.id}`;
  const now = new Map(live.map((p) => [key(p), p]));
  const then = new Set(sealed.map(key));
  const out: string[] = [];
  for (const a of sortParts(sealed)) {
    const b = now.get(key(a));
    if (!b) {
      out.push(`${partName(a)}: missing now`);
      continue;
    }
    if (canonicalJson(a) === canonicalJson(b)) continue;
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const changes = fields
      .filter((f) => canonicalJson(a[f] ?? null) !== canonicalJson(b[f] ?? null))
      .map((f) => fieldChange(a.kind, f, a[f], b[f]));
    out.push(`${partName(a)}: ${changes.join(', ')}`);
  }
  for (const b of sortParts(live)) if (!then.has(key(b))) out.push(`${partName(b)}: not in the seal (added since)`);
  return out;
}

/**
 * What changed in a sealed content: the top-level fields as `describeDifference` names them (one entry), then
 * each changed part of its `parts` (version 2 payloads; older ones have none).
 */
export function describeChanges(sealed: unknown, live: unknown): string[] {
  if (!isObject(sealed) || !isObject(live)) {
    const d = describeDifference(sealed, live);
    return d ? [d] : [];
  }
  const { parts: sealedParts, ...sealedTop } = sealed;
  const { parts: liveParts, ...liveTop } = live;
  const out: string[] = [];
  const top = describeDifference(sealedTop, liveTop);
  if (top) out.push(top);
  const asParts = (v: unknown): SealedPart[] =>
    Array.isArray(v) ? (v.filter((p) => isObject(p) && typeof p.kind === 'string') as SealedPart[]) : [];
  if (sealedParts !== undefined || liveParts !== undefined) {
    if (!Array.isArray(sealedParts) && sealedParts !== undefined) out.push('parts changed');
    else out.push(...describePartDifferences(asParts(sealedParts), asParts(liveParts)));
  }
  return out;
}
