// Stripes of the hot roll-up rows near the root (ADR 0027 §6): a node at depth d keeps stripes(d) rows per key, and
// a report's contribution lands, at every ancestor, in the stripe of the REPORTING body (its hash modulo the
// ancestor's stripes), so the reports of one region spread over all of the root's stripes and concurrent
// submissions rarely wait for one row. Every stripe count divides 32, so one stored hash modulo 32 per node
// (round_body.stripe, bodyStripe) gives its stripe at every level (stripeAt). Pure.
import { createHash } from 'node:crypto';

/** The stored stripe of a node (round_body.stripe) is its hash modulo this; every stripes(d) divides it. */
export const HASH_STRIPES = 32;

/**
 * Rows per key at a node of this depth: 32 at the root, 4 at a region and at a city, 1 below (a city's 4: measured at
 * 43,000 organisations, ADR 0027 As built). The same in SQL: direction_stripes (migration 0020).
 */
export function stripes(depth: number): number {
  return depth === 1 ? 32 : depth === 2 || depth === 3 ? 4 : 1;
}

/**
 * A body's stored stripe (round_body.stripe): the first 32 bits of the MD5 of its id (lower-case uuid text), as an
 * unsigned integer, modulo 32. The same in SQL, for set-based freezing on PostgreSQL and PGlite alike:
 *   direction_hash(id) = ('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % 32
 */
export function bodyStripe(bodyId: string): number {
  const digest = createHash('md5').update(bodyId.toLowerCase()).digest();
  return digest.readUInt32BE(0) % HASH_STRIPES;
}

/** The stripe a node of stored stripe `stored` lands in at an ancestor of depth `depth` (SQL: stored % direction_stripes(depth)). */
export function stripeAt(stored: number, depth: number): number {
  return stored % stripes(depth);
}

/** The stripe a reporting body's contributions land in at an ancestor of depth `depth`, whatever the path between. */
export function stripeOf(reportingBodyId: string, depth: number): number {
  return stripeAt(bodyStripe(reportingBodyId), depth);
}

/**
 * The stored stripes (hashes modulo 32) that land in stripe `stripe` of a node of depth `depth`, ascending; null for
 * an unstriped node (its one stripe sums its children's rows).
 */
export function hashesIn(stripe: number, depth: number): number[] | null {
  const n = stripes(depth);
  if (n === 1) return null;
  return Array.from({ length: HASH_STRIPES / n }, (_, k) => stripe + k * n);
}
