// Shared SQL of the assembly module: the meeting context (meeting, body, the actor's roles and participation)
// and the change marker every write calls (revision bump + outbox row in the same transaction).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export interface MeetingContextRow {
  id: string;
  organisation_id: string;
  body_id: string;
  body_path: string;
  body_kind: string;
  kind: string;
  title: string;
  status: 'convened' | 'open' | 'closed' | 'cancelled';
  revision: number;
  current_item_id: string | null;
  starts_at: Date;
}

/** The actor's part in a meeting, read with it: roles held and their participation (null: not a participant). */
export interface ContextPartRow {
  roles: string[];
  voice: string | null;
  present: boolean | null;
  code: string | null;
  tokens_issued: number | null;
  signed_notes: number | null;
}

/**
 * The meeting with its body and, for `personId`, the roles held and the participation: one query (every request
 * on a meeting starts with it). `lock`: the meeting's row FOR UPDATE, taken first.
 */
export async function meetingForContext(
  ex: Executor,
  meetingId: string,
  personId: string | null,
  lock: boolean,
): Promise<(MeetingContextRow & ContextPartRow) | undefined> {
  // The lock first, in a statement of its own: a statement that waits for a row re-reads only that row, so the
  // roles and participation read with it would be those from before the wait.
  if (lock) await sql`select id from meeting where id = ${meetingId} for update`.execute(ex);
  const { rows } = await sql<MeetingContextRow & ContextPartRow>`select m.id, m.organisation_id, m.body_id,
      b.path::text as body_path, b.kind as body_kind, m.kind, m.title, m.status, m.revision, m.current_item_id,
      m.starts_at,
      array(select r.role from meeting_role r where r.meeting_id = m.id and r.person_id = ${personId}::uuid) as roles,
      mp.voice, mp.present, mp.code, mp.tokens_issued, mp.signed_notes
    from meeting m
    join body b on b.id = m.body_id
    left join meeting_participant mp on mp.meeting_id = m.id and mp.person_id = ${personId}::uuid
    where m.id = ${meetingId}`.execute(ex);
  return rows[0];
}

export async function participantOf(ex: Executor, meetingId: string, personId: string) {
  return ex
    .selectFrom('meeting_participant')
    .select(['voice', 'present', 'code', 'tokens_issued', 'signed_notes'])
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export interface AttendanceCountsRow {
  entitled_voting: number;
  present_voting: number;
  present_consultative: number;
  present_guests: number;
}

/** Voting participants entitled, and those present by voice: what the quorum is computed from. */
export async function attendanceCounts(ex: Executor, meetingId: string): Promise<AttendanceCountsRow> {
  const { rows } = await sql<AttendanceCountsRow>`select
      count(*) filter (where voice = 'voting')::int as entitled_voting,
      count(*) filter (where voice = 'voting' and present)::int as present_voting,
      count(*) filter (where voice = 'consultative' and present)::int as present_consultative,
      count(*) filter (where voice = 'guest' and present)::int as present_guests
    from meeting_participant where meeting_id = ${meetingId}`.execute(ex);
  return rows[0]!;
}

/** Whether the agenda item belongs to the meeting. */
export async function itemInMeeting(ex: Executor, meetingId: string, itemId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('agenda_item')
    .select('id')
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return !!row;
}

/** Locks the meeting's row while it is convened or open; false when it is not (a close committed meanwhile is seen). */
export async function lockLiveMeeting(ex: Executor, meetingId: string): Promise<boolean> {
  const { rows } = await sql`select id from meeting
    where id = ${meetingId} and status in ('convened', 'open') for update`.execute(ex);
  return rows.length === 1;
}

/**
 * Bumps the meeting's revision and writes one outbox row `topic` with `{ meetingId, revision, ...payload }`.
 * `onlyIfLive`: only while the meeting is convened or open (the update waits for the row and sees a close that
 * committed meanwhile); null when it is not.
 */
export async function touchMeeting(
  ex: Executor,
  meetingId: string,
  topic: string,
  payload: Record<string, unknown>,
  onlyIfLive = false,
): Promise<number | null> {
  // one statement: the meeting's row stays locked for one round trip less
  const { rows } = await sql<{ revision: number }>`with m as (
      update meeting set revision = revision + 1
      where id = ${meetingId} ${onlyIfLive ? sql`and status in ('convened', 'open')` : sql``}
      returning revision
    )
    insert into outbox (topic, payload)
    select ${topic}, ${JSON.stringify(payload)}::jsonb || jsonb_build_object('meetingId', ${meetingId}::text, 'revision', m.revision)
    from m
    returning (payload->>'revision')::int as revision`.execute(ex);
  return rows[0]?.revision ?? null;
}

/**
 * An outbox row naming the meeting, its revision unchanged and marked `counterOnly`: the live state shows it (at the
 * slower counter spacing), no page reloads for it.
 */
export async function signalMeeting(
  ex: Executor,
  meetingId: string,
  topic: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await ex
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify({ ...payload, meetingId, counterOnly: true }) })
    .execute();
}

/** A participant seated with a voice (a delegate's confirmed mandate). False when `code` is taken (try another). */
export async function insertParticipant(
  ex: Executor,
  meetingId: string,
  personId: string,
  voice: 'voting' | 'consultative',
  code: string,
): Promise<boolean> {
  const { rows } = await sql`insert into meeting_participant (meeting_id, person_id, voice, code)
    values (${meetingId}, ${personId}, ${voice}, ${code}) on conflict do nothing returning person_id`.execute(ex);
  return rows.length === 1;
}

export async function setParticipantVoice(
  ex: Executor,
  meetingId: string,
  personId: string,
  voice: 'voting' | 'consultative' | 'guest',
): Promise<void> {
  await ex
    .updateTable('meeting_participant')
    .set({ voice })
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .execute();
}

export async function deleteParticipant(ex: Executor, meetingId: string, personId: string): Promise<void> {
  await ex
    .deleteFrom('meeting_participant')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .execute();
}
