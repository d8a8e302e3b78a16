// SQL of a meeting's live state, kept cheap for a hall of phones: one statement for the meeting, its current
// item, chair and counters; one for the speaker and the head of the queue; one for attendance by voice.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { FloorKind, MeetingStatus } from '../../contracts/assembly.js';

export interface LiveMeetingRow {
  id: string;
  organisation_id: string;
  kind: string;
  starts_on: string;
  revision: number;
  status: MeetingStatus;
  title: string;
  current_item_id: string | null;
  item_position: number | null;
  item_title: string | null;
  chair: string | null;
  chair_ru: string | null;
  queue_length: number;
  transcript_count: number;
  transcript_version: number;
  notes_count: number;
  notes_answered: number;
}

export async function liveMeeting(ex: Executor, meetingId: string): Promise<LiveMeetingRow | undefined> {
  const { rows } = await sql<LiveMeetingRow>`
    select m.id, m.organisation_id, m.kind, (m.starts_at at time zone 'UTC')::date::text as starts_on,
      m.revision, m.status, m.title, m.current_item_id, ai.position as item_position, ai.title as item_title,
      c.chair, c.chair_ru,
      (select count(*)::int from speaker_request s
        where s.agenda_item_id = m.current_item_id and s.status = 'waiting') as queue_length,
      t.transcript_count, t.transcript_version, n.notes_count, n.notes_answered
    from meeting m
    left join agenda_item ai on ai.id = m.current_item_id
    left join lateral (select concat(p.family_name, ' ', p.given_name) as chair, p.name_ru as chair_ru
      from meeting_role r join person p on p.id = r.person_id
      where r.meeting_id = m.id and r.role = 'chair' limit 1) c on true
    cross join lateral (select count(*)::int as transcript_count, coalesce(sum(version), 0)::int as transcript_version
      from transcript_entry where meeting_id = m.id) t
    cross join lateral (select count(*)::int as notes_count,
        (count(*) filter (where status = 'answered'))::int as notes_answered
      from question_note where meeting_id = m.id) n
    where m.id = ${meetingId}`.execute(ex);
  return rows[0];
}

export interface LiveFloorRow {
  id: string;
  person_id: string;
  name: string;
  name_ru: string | null;
  kind: FloorKind;
  status: 'speaking' | 'waiting';
  started_at: Date | string | null;
  limit_seconds: number;
}

/** Whoever has the floor, then the first `limit` waiting on the current item, in queue order. */
export async function speakerAndQueue(
  ex: Executor,
  meetingId: string,
  currentItemId: string | null,
  limit: number,
): Promise<LiveFloorRow[]> {
  const cols = sql`r.id, r.person_id, concat(p.family_name, ' ', p.given_name) as name, p.name_ru, r.kind, r.status,
    r.started_at, r.limit_seconds`;
  const speaking = sql`(select ${cols}, 0 as grp, 0 as position, r.requested_at from speaker_request r
    join person p on p.id = r.person_id where r.meeting_id = ${meetingId} and r.status = 'speaking')`;
  if (!currentItemId) return (await sql<LiveFloorRow>`${speaking}`.execute(ex)).rows;
  const { rows } = await sql<LiveFloorRow>`${speaking} union all
    (select ${cols}, 1 as grp, r.position, r.requested_at from speaker_request r join person p on p.id = r.person_id
      where r.agenda_item_id = ${currentItemId} and r.status = 'waiting'
      order by r.position, r.requested_at limit ${limit})
    order by grp, position, requested_at`.execute(ex);
  return rows;
}

export { attendanceCounts as attendance } from './assembly.repository.js';
