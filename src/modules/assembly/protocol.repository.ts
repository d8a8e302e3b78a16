// SQL of the protocol: the snapshot of a meeting's record it is generated from, the protocol row, and what a
// sealed protocol covers (transcript, notes, attendance, roles, decisions) — read the same way when sealing and
// when verifying.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

const nameEn = sql<string>`concat(p.family_name, ' ', p.given_name)`;

export interface MeetingHeadRow {
  id: string;
  organisation_id: string;
  kind: string;
  title: string;
  status: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  opened_at: Date | null;
  closed_at: Date | null;
  body_name: string;
  body_name_ru: string | null;
  org_name: string;
  org_name_ru: string | null;
}

export async function meetingHead(ex: Executor, meetingId: string): Promise<MeetingHeadRow | undefined> {
  return ex
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.organisation_id',
      'm.kind',
      'm.title',
      'm.status',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.opened_at',
      'm.closed_at',
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'o.name as org_name',
      'o.name_ru as org_name_ru',
    ])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

/** Participants by voice: entitled (listed) and attended (checked in at some point of the meeting). */
export async function attendance(
  ex: Executor,
  meetingId: string,
): Promise<{ voice: string; listed: number; attended: number }[]> {
  const rows = await ex
    .selectFrom('meeting_participant')
    .select([
      'voice',
      sql<number>`count(*)::int`.as('listed'),
      sql<number>`(count(*) filter (where present or checked_in_at is not null))::int`.as('attended'),
    ])
    .where('meeting_id', '=', meetingId)
    .groupBy('voice')
    .execute();
  return rows.map((r) => ({ voice: r.voice, listed: Number(r.listed), attended: Number(r.attended) }));
}

export async function roles(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_role as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.role', 'r.person_id', nameEn.as('name_en'), 'p.name_ru'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('r.assigned_at')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .execute();
}

/** The agenda; `taken_up`: the item was once the current one (items still pending were never reached). */
export async function agenda(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('agenda_item as a')
    .leftJoin('person as p', 'p.id', 'a.reporter_person_id')
    .select(['a.id', 'a.position', 'a.title', 'a.reporter_name', nameEn.as('reporter_en'), 'p.name_ru as reporter_ru'])
    .select(sql<boolean>`p.id is not null`.as('has_reporter'))
    .select(sql<boolean>`a.started_at is not null or a.status <> 'pending'`.as('taken_up'))
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

/** Those who took the floor (done or speaking), in the order they spoke. */
export async function speakers(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('speaker_request as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.agenda_item_id', 's.kind', nameEn.as('name_en'), 'p.name_ru'])
    .where('s.meeting_id', '=', meetingId)
    .where('s.status', 'in', ['done', 'speaking'])
    .orderBy(sql`coalesce(s.started_at, s.requested_at)`)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
}

export async function decisions(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('decision')
    .select(['entity_id', 'outcome', 'votes_for', 'votes_against', 'votes_abstained', 'reasons'])
    .where('assembly_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function notesForProtocol(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('question_note as n')
    .leftJoin('person as p', 'p.id', 'n.signed_by')
    .leftJoin('agenda_item as a', 'a.id', 'n.agenda_item_id')
    .select(['n.text', 'n.status', 'n.answer', 'a.position as item_position', 'p.name_ru'])
    .select(
      sql<string | null>`case when p.id is null then null else concat(p.family_name, ' ', p.given_name) end`.as(
        'signer_en',
      ),
    )
    .where('n.meeting_id', '=', meetingId)
    .orderBy('n.received_minute')
    .orderBy('n.id')
    .execute();
}

// --- the protocol row ----------------------------------------------------------------------------------------

export interface ProtocolRow {
  meeting_id: string;
  lang: string;
  body: string;
  status: string;
  generated_at: Date;
  edited_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  sealed_record_seq: number | null;
  version: number;
}

export async function protocol(ex: Executor, meetingId: string, lock = false): Promise<ProtocolRow | undefined> {
  let q = ex
    .selectFrom('meeting_protocol as mp')
    .leftJoin('person as p', 'p.id', 'mp.approved_by')
    .select([
      'mp.meeting_id',
      'mp.lang',
      'mp.body',
      'mp.status',
      'mp.generated_at',
      'mp.edited_at',
      'mp.approved_by',
      sql<string | null>`case when p.id is null then null else concat(p.family_name, ' ', p.given_name) end`.as(
        'approved_by_name',
      ),
      'mp.approved_at',
      'mp.sealed_record_seq',
      'mp.version',
    ])
    .where('mp.meeting_id', '=', meetingId);
  if (lock) q = q.forUpdate('mp');
  const r = await q.executeTakeFirst();
  return r ? { ...r, sealed_record_seq: r.sealed_record_seq === null ? null : Number(r.sealed_record_seq) } : undefined;
}

export async function insertDraft(ex: Executor, row: { meetingId: string; lang: 'en' | 'ru'; body: string }) {
  await ex
    .insertInto('meeting_protocol')
    .values({ meeting_id: row.meetingId, lang: row.lang, body: row.body })
    .execute();
}

/** Regenerates a draft; the version guard is the caller's (it holds the row lock). */
export async function regenerateDraft(ex: Executor, row: { meetingId: string; lang: 'en' | 'ru'; body: string }) {
  await ex
    .updateTable('meeting_protocol')
    .set({
      lang: row.lang,
      body: row.body,
      generated_at: sql`now()`,
      edited_by: null,
      edited_at: null,
      version: sql`version + 1`,
    })
    .where('meeting_id', '=', row.meetingId)
    .where('status', '=', 'draft')
    .execute();
}

export async function editDraft(ex: Executor, row: { meetingId: string; body: string; by: string | null }) {
  await ex
    .updateTable('meeting_protocol')
    .set({ body: row.body, edited_by: row.by, edited_at: sql`now()`, version: sql`version + 1` })
    .where('meeting_id', '=', row.meetingId)
    .where('status', '=', 'draft')
    .execute();
}

export async function approve(ex: Executor, meetingId: string, by: string | null) {
  await ex
    .updateTable('meeting_protocol')
    .set({ status: 'approved', approved_by: by, approved_at: sql`now()`, version: sql`version + 1` })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'draft')
    .execute();
}

export async function markSealed(ex: Executor, meetingId: string, seq: number) {
  await ex
    .updateTable('meeting_protocol')
    .set({ status: 'sealed', sealed_record_seq: seq, version: sql`version + 1` })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'approved')
    .execute();
}

// --- what a seal covers ------------------------------------------------------------------------------------

export async function transcript(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('transcript_entry as t')
    .leftJoin('agenda_item as a', 'a.id', 't.agenda_item_id')
    .select(['t.seq', 't.kind', 't.speaker_label', 't.text', 'a.position as item_position', 'a.title as item_title'])
    .where('t.meeting_id', '=', meetingId)
    .orderBy('t.seq')
    .execute();
}

export async function notesForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('question_note')
    .select(['text', 'answer', 'status'])
    .where('meeting_id', '=', meetingId)
    .orderBy('received_minute')
    .orderBy('id')
    .execute();
}

/** The roll of the meeting as sealed: each participant's voice and presence (payload version 2). */
export async function participantsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_participant')
    .select(['person_id', 'voice', 'present', 'checked_in_at', 'left_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('person_id')
    .execute();
}

/** Every check-in and departure of the meeting, in the order recorded. */
export async function attendanceEventsForSeal(ex: Executor, meetingId: string) {
  const rows = await ex
    .selectFrom('attendance_event')
    .select([sql<string>`id::text`.as('id'), 'person_id', 'kind', 'method', 'at', 'recorded_by'])
    .where('meeting_id', '=', meetingId)
    .orderBy('attendance_event.id')
    .execute();
  return rows;
}

export async function rolesForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting_role')
    .select(['person_id', 'role', 'how'])
    .where('meeting_id', '=', meetingId)
    .orderBy('role')
    .orderBy('person_id')
    .execute();
}

/** The decisions recorded as taken by this meeting (e.g. an admission by a general assembly). */
export async function decisionsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('decision')
    .select([
      'id',
      'body_id',
      sql<string>`taken_on::text`.as('taken_on'),
      'process',
      'entity_id',
      'outcome',
      'votes_for',
      'votes_against',
      'votes_abstained',
      'reasons',
      'recorded_by',
    ])
    .where('assembly_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

/** Protocols that say they are sealed, with the record they name. */
export async function sealedProtocols(ex: Executor) {
  const rows = await ex
    .selectFrom('meeting_protocol as mp')
    .innerJoin('meeting as m', 'm.id', 'mp.meeting_id')
    .select(['mp.meeting_id', 'mp.sealed_record_seq', 'm.title', 'm.starts_at'])
    .where('mp.status', '=', 'sealed')
    .orderBy('mp.sealed_record_seq')
    .execute();
  return rows.map((r) => ({
    ...r,
    sealed_record_seq: r.sealed_record_seq === null ? null : Number(r.sealed_record_seq),
  }));
}
