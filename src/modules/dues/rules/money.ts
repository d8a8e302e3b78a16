// Exact money: amounts are integers of minor units (kopecks, cents); text "150.25" in the API. Pure.

/** "150", "150.2", "150.25" → 15025. Throws on anything else (the contract has validated the format). */
export function parseMoney(text: string): number {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not an amount: ${text}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 15025 → "150.25"; always two decimals. */
export function formatMoney(minor: number | bigint | string): string {
  const n = BigInt(minor);
  const neg = n < 0n;
  const a = neg ? -n : n;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
