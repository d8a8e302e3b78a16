// Check-in codes (pure): a participant's personal code and the meeting's hall code. Eight characters from an
// alphabet without look-alikes (no 0/O, no 1/I), shown as XXXX-XXXX. The random source is passed in.

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** Random bytes (crypto.randomBytes in the service, a fixed sequence in tests). */
export type RandomSource = (n: number) => Uint8Array;

/** One code 'XXXX-XXXX'. The alphabet has 32 letters, so each byte's low 5 bits pick one without bias. */
export function generateCode(random: RandomSource): string {
  const bytes = random(LENGTH);
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * `n` codes, distinct among themselves (uniqueness against stored codes is the database's job). Throws when the
 * source keeps repeating itself (a broken source must not hang the server).
 */
export function generateCodes(n: number, random: RandomSource): string[] {
  const seen = new Set<string>();
  for (let draws = 0; seen.size < n; draws++) {
    if (draws > 2 * n + 100) throw new Error('the random source repeats itself');
    seen.add(generateCode(random));
  }
  return [...seen];
}

/**
 * A code as typed or scanned, in its stored form: case, spaces and dashes do not matter. Null when it cannot be
 * a code (wrong length, or a character outside the alphabet such as 0, O, 1 or I).
 */
export function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * The forms a typed code may be stored in: the canonical XXXX-XXXX (when it can be one) and the text as typed,
 * upper-cased (codes issued by other means, e.g. imported, are matched exactly).
 */
export function codeCandidates(input: string): string[] {
  const raw = input.trim().toUpperCase();
  const canonical = normaliseCode(input);
  return canonical && canonical !== raw ? [canonical, raw] : [raw];
}
