// Stripes of the hot roll-up rows near the root (ADR 0027 §6): a node at depth d keeps stripes(d) rows per key, and
// a report lands in the stripe of the node's child on the report's path, so each stripe sums a fixed set of
// children and concurrent submissions from different children rarely wait for one row. Pure.
import { createHash } from 'node:crypto';

/** Rows per key at a node of this depth: 32 at the root, 4 at a region, 1 below. */
export function stripes(depth: number): number {
  return depth === 1 ? 32 : depth === 2 ? 4 : 1;
}

/**
 * The stripe a child's contributions land in at its parent of depth `depth`: the first 32 bits of the MD5 of the
 * child's id (lower-case uuid text), as an unsigned integer, modulo stripes(depth). The same in SQL, for set-based
 * recomputation on PostgreSQL and PGlite alike:
 *   ('x' || substr(md5(child_id::text), 1, 8))::bit(32)::bigint % <stripes>
 */
export function stripeOf(childOnPathId: string, depth: number): number {
  const n = stripes(depth);
  if (n === 1) return 0;
  const digest = createHash('md5').update(childOnPathId.toLowerCase()).digest();
  return digest.readUInt32BE(0) % n;
}
