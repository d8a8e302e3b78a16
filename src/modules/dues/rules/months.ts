// Calendar months and arrears. Months are 'YYYY-MM'; stored as the first day 'YYYY-MM-01'. Pure.

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOfIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** '2026-03-15' (or '2026-03') → '2026-03'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

/** Last day of the month: the date whose statute sets the month's scale (dues fall due at the month's end). */
export function lastDay(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  return monthOfIndex(monthIndex(month) + n);
}

/**
 * The first month dues are counted for a member: the latest of the month they joined, the organisation's
 * register start, and the month after dues settled before the register (imported). Null when not yet known.
 */
export function countedFrom(f: {
  joinedOn: string | null;
  registerStart: string | null;
  openingThrough: string | null;
}): string | null {
  const c: string[] = [];
  if (f.joinedOn) c.push(monthOf(f.joinedOn));
  if (f.registerStart) c.push(monthOf(f.registerStart));
  else return null;
  if (f.openingThrough) c.push(addMonths(monthOf(f.openingThrough), 1));
  return c.sort().pop()!;
}

/** Months from `from` up to the month before `currentMonth` with no payment, oldest first. */
export function monthsOwed(from: string | null, paid: readonly string[], currentMonth: string): string[] {
  if (!from) return [];
  const have = new Set(paid.map(monthOf));
  const out: string[] = [];
  for (let i = monthIndex(from); i < monthIndex(currentMonth); i++) {
    const m = monthOfIndex(i);
    if (!have.has(m)) out.push(m);
  }
  return out;
}

/** Whether a member owing `owed` months is past the statute's limit (flagged to the bureau). */
export function pastArrearsLimit(owed: number, limitMonths: number): boolean {
  return owed > limitMonths;
}

/** Dues settled through: the month before the first owed month; with nothing owed, the later of the last paid month and the previous month. */
export function paidThrough(from: string | null, paid: readonly string[], currentMonth: string): string | null {
  if (!from) return null;
  const owed = monthsOwed(from, paid, currentMonth);
  if (owed.length) return addMonths(owed[0]!, -1);
  const last = [...paid].map(monthOf).sort().pop();
  const prev = addMonths(currentMonth, -1);
  return last && last > prev ? last : prev;
}
