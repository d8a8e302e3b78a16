// The meeting as an iCalendar event's fields (pure): what the service hands to ical-generator. Start and end are
// instants (written in UTC, so every calendar shows the right moment in its own zone); the description names
// the local date and time in the organisation's zone, and the file is named by the local date.
import { zonedDateTime } from '../../../contracts/time-zone.js';

export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  notice: string | null;
  bodyName: string;
  /** The organisation's IANA time zone. */
  timeZone: string;
  agenda: { position: number; title: string; reporter: string | null }[];
}

export interface CalendarEventFields {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  filename: string;
}

const DEFAULT_HOURS = 2;

export function calendarEvent(m: CalendarMeeting): CalendarEventFields {
  const end = m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_HOURS * 3_600_000);
  const local = zonedDateTime(m.startsAt, m.timeZone);
  const lines = [m.bodyName, `${local.date}, ${local.time} (${m.timeZone})`, '', 'Agenda:'];
  for (const a of m.agenda) lines.push(`${a.position}. ${a.title}${a.reporter ? ` (${a.reporter})` : ''}`);
  if (m.notice) lines.push('', m.notice);
  return {
    uid: `${m.id}@antaeus`,
    start: m.startsAt,
    end,
    summary: m.title,
    location: m.place,
    description: lines.join('\n'),
    filename: `meeting-${local.date}.ics`,
  };
}
