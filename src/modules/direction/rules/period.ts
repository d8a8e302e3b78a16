// Reporting periods of a schedule (ADR 0027 §4): calendar months, quarters and years as 'YYYY-MM-DD' dates
// (inclusive), and the instants a period falls due and expires, at the end of a day in the statute's time zone. Pure.
import { zonedDateTime, zonedToInstant } from '../../../contracts/time-zone.js';

export type Frequency = 'monthly' | 'quarterly' | 'yearly';

export interface Period {
  start: string;
  end: string;
  dueAt: Date;
  expiresAt: Date;
}

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Year, month (1..12) and day of a 'YYYY-MM-DD' date; throws on anything else (a caller's mistake). */
function parts(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d) return { y, m, d };
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}

function isoOf(t: Date): string {
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parts(date);
  return isoOf(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The first day of the period of `frequency` containing `date`. */
export function periodStart(frequency: Frequency, date: string): string {
  const { y, m } = parts(date);
  const months = MONTHS[frequency];
  const first = Math.floor((m - 1) / months) * months + 1;
  return `${pad(y, 4)}-${pad(first)}-01`;
}

/** The first day of the period after the one containing `start`. */
export function nextPeriodStart(frequency: Frequency, start: string): string {
  const { y, m } = parts(periodStart(frequency, start));
  return isoOf(new Date(Date.UTC(y, m - 1 + MONTHS[frequency], 1)));
}

const HOUR = 3_600_000;

/**
 * 23:59:59.999 of that date in the zone, as an instant: the last millisecond whose local date is `date`. Found as
 * the next local midnight less a millisecond; where a clock change ate that midnight (a zone that skipped a whole
 * day), by bisection over the span every zone's offset (−12 h to +14 h) allows.
 */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const next = addDays(date, 1);
  const localDate = (t: number) => zonedDateTime(new Date(t), timeZone).date;
  const guess = zonedToInstant(`${next}T00:00`, timeZone);
  if (!guess) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const t = guess.getTime() - 1;
  if (localDate(t) === date && localDate(t + 1) > date) return new Date(t);
  const { y, m, d } = parts(next);
  // lo is still on `date` or before, hi already after it
  let lo = Date.UTC(y, m - 1, d) - 15 * HOUR;
  let hi = Date.UTC(y, m - 1, d) + 13 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid) <= date) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/**
 * The period of `frequency` containing `date` (a calendar date in the organisation's zone): its first and last
 * days; due at the end of the day `dueDays` after its last day, and locked at the end of the day `expiryDays` after
 * that, both in `timeZone`.
 */
export function periodOf(
  frequency: Frequency,
  date: string,
  timeZone: string,
  dueDays: number,
  expiryDays: number,
): Period {
  const start = periodStart(frequency, date);
  const end = addDays(nextPeriodStart(frequency, start), -1);
  return {
    start,
    end,
    dueAt: endOfLocalDay(addDays(end, dueDays), timeZone),
    expiresAt: endOfLocalDay(addDays(end, dueDays + expiryDays), timeZone),
  };
}

/** The first days of every period overlapping [from, to] (inclusive), in order; none when `to` is before `from`. */
export function periodsBetween(frequency: Frequency, from: string, to: string): string[] {
  parts(to);
  const out: string[] = [];
  for (let s = periodStart(frequency, from); s <= to; s = nextPeriodStart(frequency, s)) out.push(s);
  return out;
}
