// The organisation's time zone (an IANA name, set by the statute): whether a name is one, and the wall-clock
// date and time of an instant there and back. Pure, for server and web alike; instants stay UTC everywhere else.
import { z } from 'zod';

/** The party preset's zone (the demo organisation is in Leningrad); also read by statutes recorded without one. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** Zones already found valid: a formatter costs about half a millisecond and every statute read checks its zone. */
const knownZones = new Set<string>();

/** Whether `tz` is an IANA time zone this runtime knows ('UTC' is one). */
export function isTimeZone(tz: string): boolean {
  if (!tz) return false;
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    // only valid names are kept (a finite set), so hostile input cannot grow it
    knownZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Moscow)');

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a zone. */
export function zonedFields(at: Date, timeZone: string) {
  let format = fieldFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    // a zone that made a formatter is valid: the map holds at most the IANA zones
    fieldFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const p = (t: string) => Number(parts.find((x) => x.type === t)?.value ?? 0);
  return {
    year: p('year'),
    month: p('month'),
    day: p('day'),
    hour: p('hour'),
    minute: p('minute'),
    second: p('second'),
  };
}

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in a zone. */
export function zonedDateTime(at: Date | string, timeZone: string): { date: string; time: string } {
  const f = zonedFields(new Date(at), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${f.year}-${p(f.month)}-${p(f.day)}`, time: `${p(f.hour)}:${p(f.minute)}` };
}

/** The zone's offset from UTC at an instant, in minutes (Moscow: +180). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const f = zonedFields(at, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clocks show `local` ('YYYY-MM-DDTHH:MM', a datetime-local value), or null when
 * it is not such a value. A time skipped by a clock change resolves to the instant just after the gap.
 */
export function zonedToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (Number.isNaN(asUtc)) return null;
  // two passes settle the offset on either side of a clock change
  let t = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000;
  t = asUtc - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** The datetime-local value ('YYYY-MM-DDTHH:MM') an instant shows in the zone. */
export function instantToZoned(at: Date | string, timeZone: string): string {
  const { date, time } = zonedDateTime(at, timeZone);
  return `${date}T${time}`;
}
