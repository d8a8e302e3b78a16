// Fixed-point helpers (pure). Vote values are integers scaled by 10^places, never floats: Scottish STV counts to
// 5 decimal places (rule 48(3)), Meek to 9. Products that may pass 2^53 go through BigInt or exact splitting.

/** A scaled integer as a decimal string with exactly `places` decimals: 123450000 at 5 places → '1234.50000'. */
export function formatFixed(scaled: number, places: number): string {
  const neg = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${neg ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/** floor(a × b / c) for non-negative safe integers, exactly. */
export function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** ceil(a × b / c) for non-negative safe integers, exactly. */
export function mulDivCeil(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n + d - 1n) / d);
}

/** floor(a / b) for safe integers, exactly (no float rounding on large a). */
export function divFloor(a: number, b: number): number {
  return (a - (a % b)) / b;
}

export const E9 = 1_000_000_000;
export const E5 = 100_000;
