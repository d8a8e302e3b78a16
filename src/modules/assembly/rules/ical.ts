// The meeting as an iCalendar event's fields (pure): what the service hands to ical-generator.
export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  notice: string | null;
  bodyName: string;
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
  const lines = [m.bodyName, '', 'Agenda:'];
  for (const a of m.agenda) lines.push(`${a.position}. ${a.title}${a.reporter ? ` (${a.reporter})` : ''}`);
  if (m.notice) lines.push('', m.notice);
  return {
    uid: `${m.id}@antaeus`,
    start: m.startsAt,
    end,
    summary: m.title,
    location: m.place,
    description: lines.join('\n'),
    filename: `meeting-${m.startsAt.toISOString().slice(0, 10)}.ics`,
  };
}
