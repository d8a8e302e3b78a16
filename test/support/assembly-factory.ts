// Assembly factories: a meeting with its agenda, participants, attendance and roles written as rows (fast, no
// policy), for tests that exercise what happens inside a meeting. Shared by the assembly suites: keep the
// options stable and additive.
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../src/platform/db/client.js';
import type {
  MeetingKind,
  MeetingRoleName,
  MeetingStatus,
  ProtocolStatus,
  Voice,
} from '../../src/contracts/assembly.js';

export interface MakeMeetingOptions {
  /** The convening body (its organisation is the meeting's). */
  body: { id: string; organisationId: string };
  kind?: MeetingKind;
  title?: string;
  place?: string;
  startsAt?: string;
  /** Agenda item titles, in order (default: a report and 'Any other business'). */
  agenda?: string[];
  /** Participants: a person (voting) or `{ person, voice }`. */
  participants?: ({ id: string } | { person: { id: string }; voice: Voice })[];
  /** Participants checked in (must also be listed in `participants`). */
  present?: { id: string }[];
  roles?: { person: { id: string }; role: MeetingRoleName; how?: 'elected' | 'appointed' }[];
  /** Open the meeting with the first agenda item current (shorthand for status 'open'). */
  open?: boolean;
  status?: MeetingStatus;
  hallCode?: string;
  convenedBy?: { id: string };
}

export interface MadeMeeting {
  id: string;
  bodyId: string;
  organisationId: string;
  hallCode: string;
  status: MeetingStatus;
  items: { id: string; position: number; title: string }[];
  currentItemId: string | null;
  /** Personal check-in codes by person id. */
  codes: Map<string, string>;
}

const code = () => randomBytes(5).toString('hex').toUpperCase();

export async function makeMeeting(db: Database, o: MakeMeetingOptions): Promise<MadeMeeting> {
  const id = uuidv7();
  const status: MeetingStatus = o.status ?? (o.open ? 'open' : 'convened');
  const items = (o.agenda ?? ['Report of the bureau', 'Any other business']).map((title, i) => ({
    id: uuidv7(),
    position: i + 1,
    title,
  }));
  const currentItemId = status === 'open' && items.length ? items[0]!.id : null;
  const hallCode = o.hallCode ?? code();
  const now = new Date();
  await db
    .insertInto('meeting')
    .values({
      id,
      organisation_id: o.body.organisationId,
      body_id: o.body.id,
      kind: o.kind ?? 'general_assembly',
      title: o.title ?? 'General assembly',
      starts_at: o.startsAt ?? now.toISOString(),
      ends_at: null,
      place: o.place ?? 'Club of the works',
      status,
      hall_code: hallCode,
      notice: null,
      notice_sent_at: null,
      opened_at: status === 'convened' ? null : now,
      closed_at: status === 'closed' || status === 'cancelled' ? now : null,
      current_item_id: null,
      convened_by: o.convenedBy?.id ?? null,
    })
    .execute();
  if (items.length) {
    await db
      .insertInto('agenda_item')
      .values(
        items.map((it) => ({
          id: it.id,
          meeting_id: id,
          position: it.position,
          title: it.title,
          reporter_person_id: null,
          reporter_name: null,
          documents: '[]',
          status: it.id === currentItemId ? 'current' : 'pending',
          started_at: it.id === currentItemId ? now : null,
          ended_at: null,
        })),
      )
      .execute();
  }
  if (currentItemId)
    await db.updateTable('meeting').set({ current_item_id: currentItemId }).where('id', '=', id).execute();
  const present = new Set((o.present ?? []).map((p) => p.id));
  const codes = new Map<string, string>();
  const parts = (o.participants ?? []).map((p) =>
    'person' in p ? { personId: p.person.id, voice: p.voice } : { personId: p.id, voice: 'voting' as Voice },
  );
  for (const p of parts) codes.set(p.personId, code());
  if (parts.length) {
    await db
      .insertInto('meeting_participant')
      .values(
        parts.map((p) => ({
          meeting_id: id,
          person_id: p.personId,
          voice: p.voice,
          code: codes.get(p.personId)!,
          present: present.has(p.personId),
          checked_in_at: present.has(p.personId) ? now : null,
          left_at: null,
        })),
      )
      .execute();
  }
  for (const personId of present) {
    if (!codes.has(personId)) throw new Error(`makeMeeting: ${personId} is present but not a participant`);
    await db
      .insertInto('attendance_event')
      .values({ meeting_id: id, person_id: personId, kind: 'in', method: 'secretariat', recorded_by: null })
      .execute();
  }
  if (o.roles?.length) {
    await db
      .insertInto('meeting_role')
      .values(o.roles.map((r) => ({ meeting_id: id, person_id: r.person.id, role: r.role, how: r.how ?? 'appointed' })))
      .execute();
  }
  return {
    id,
    bodyId: o.body.id,
    organisationId: o.body.organisationId,
    hallCode,
    status,
    items,
    currentItemId,
    codes,
  };
}

/** Checks a participant in (or out) directly: rows only, no revision bump and no outbox row. */
export async function setPresent(db: Database, meetingId: string, personId: string, present: boolean): Promise<void> {
  await db
    .updateTable('meeting_participant')
    .set(
      present ? { present: true, checked_in_at: new Date(), left_at: null } : { present: false, left_at: new Date() },
    )
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .execute();
}

/** Writes (or moves) the meeting's protocol row to `status` — e.g. 'approved' to lock the transcript. */
export async function setProtocolStatus(
  db: Database,
  meetingId: string,
  status: ProtocolStatus,
  opts: { lang?: 'en' | 'ru'; body?: string } = {},
): Promise<void> {
  const exists = await db
    .selectFrom('meeting_protocol')
    .select('status')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const approved = status === 'draft' ? {} : { approved_at: new Date() };
  if (exists) {
    await db
      .updateTable('meeting_protocol')
      .set({ status, ...approved })
      .where('meeting_id', '=', meetingId)
      .execute();
  } else {
    await db
      .insertInto('meeting_protocol')
      .values({ meeting_id: meetingId, lang: opts.lang ?? 'en', body: opts.body ?? 'Protocol', status, ...approved })
      .execute();
  }
}

/** Sets the meeting's status (and current item) directly. */
export async function setMeetingStatus(
  db: Database,
  meetingId: string,
  status: MeetingStatus,
  currentItemId?: string | null,
): Promise<void> {
  await db
    .updateTable('meeting')
    .set({
      status,
      ...(currentItemId !== undefined ? { current_item_id: currentItemId } : {}),
      ...(status === 'closed' ? { closed_at: new Date() } : {}),
    })
    .where('id', '=', meetingId)
    .execute();
}
