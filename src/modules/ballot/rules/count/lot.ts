// Reproducible "lot" for ties (pure). Anyone recounting the same ballots — from the published board, or from its BLT
// export with `antaeus count` — must draw the same lot, so the lot is not random: it is derived from what the count
// reads and from nothing else. Candidates are known by their number on the ballot paper (their position in the
// candidate list, as in BLT), never by the app's ids or by names, which a BLT file does not carry faithfully.
// The seed is the SHA-256 of a canonical text: method, seats, number of candidates, the withdrawn candidates'
// numbers, and the ballots as lists of numbers, identical ones merged and sorted (so the order in which ballots were
// cast or listed, or splitting a weight into single ballots, changes nothing; a ballot naming an unknown id counts
// as blank, as BLT writes it). Candidates tied at a stage are ordered by SHA-256(seed, stage, purpose, number):
// the lowest digest is drawn first.
import { createHash } from 'node:crypto';
import type { PreparedCount } from './prepare.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Lot {
  seed: string;
  /** Each candidate's number on the ballot paper (1-based position in the candidate list). */
  position: ReadonlyMap<string, number>;
}

/** The lot of a count: its seed, a digest of everything that decides the count and nothing that does not. */
export function lotOf(p: Pick<PreparedCount, 'method' | 'seats' | 'candidateIds' | 'withdrawn' | 'groups'>): Lot {
  const position = new Map(p.candidateIds.map((id, i) => [id, i + 1]));
  const merged = new Map<string, number>();
  for (const g of p.groups) {
    const known = g.prefs.every((id) => position.has(id));
    const key = known ? g.prefs.map((id) => position.get(id)!).join(' ') : '';
    merged.set(key, (merged.get(key) ?? 0) + g.weight);
  }
  const ballots = [...merged.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = JSON.stringify({
    method: p.method,
    seats: p.seats,
    candidates: p.candidateIds.length,
    withdrawn: [...p.withdrawn].map((id) => position.get(id)!).sort((a, b) => a - b),
    ballots,
  });
  return { seed: sha256Hex(canonical), position };
}

export interface LotDraw {
  /** The tied candidates in the order the lot drew them (first drawn first). */
  order: string[];
  /** A sentence saying how the lot was drawn, for the transcript. */
  note: string;
}

/** Order tied candidates by lot for a given stage (`purpose` distinguishes several draws in one stage). */
export function drawLots(lot: Lot, stage: number, purpose: string, tied: readonly string[]): LotDraw {
  const keyed = tied.map((id) => ({ id, key: sha256Hex(`${lot.seed}:${stage}:${purpose}:${lot.position.get(id)}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    order: keyed.map((k) => k.id),
    note: `by lot (SHA-256 of the count's seed ${lot.seed.slice(0, 16)}…, stage ${stage} and each candidate's number on the ballot paper; lowest drawn first)`,
  };
}

/** Candidates in ballot-paper order. */
export function byPosition(lot: Lot, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (lot.position.get(a) ?? 0) - (lot.position.get(b) ?? 0));
}
