// Deterministic randomness for the demo: mulberry32 plus small helpers. Same seed → same plan.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: items are [value, weight] pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1]![0];
    },
    chance: (p) => next() < p,
  };
}

/**
 * Deterministic UUIDv7-shaped ids: a fixed timestamp base advanced by the counter (so ids sort in
 * insertion order, which keeps b-tree inserts local) and random bits from the seeded generator.
 */
export function idFactory(seed: number): () => string {
  const rng = mulberry32(seed ^ 0x5eed1d5);
  const baseMs = 1_767_225_600_000 + (seed % 1_000_000) * 1000; // 2026-01-01 + seed offset
  let counter = 0;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return () => {
    const c = counter++;
    const ms = baseMs + Math.floor(c / 4096);
    const randA = c % 4096;
    const tsHex = hex(ms, 12);
    const r1 = Math.floor(rng.next() * 0x10000);
    const r2 = Math.floor(rng.next() * 0x100000000);
    const r3 = Math.floor(rng.next() * 0x10000);
    const variant = (0x8000 | (r1 & 0x3fff)).toString(16);
    return `${tsHex.slice(0, 8)}-${tsHex.slice(8, 12)}-7${hex(randA, 3)}-${variant}-${hex(r2, 8)}${hex(r3, 4)}`;
  };
}
