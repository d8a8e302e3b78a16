// SQL of the verbatim transcript: entries in seq order, the next seq (the caller holds the meeting row lock),
// guarded corrections, and what the labels are made of (the register, the chair, the current speaker).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { TranscriptKind } from '../../contracts/assembly.js';

export interface EntryRow {
  id: string;
  agenda_item_id: string | null;
  seq: number;
  kind: TranscriptKind;
  speaker_person_id: string | null;
  speaker_label: string;
  text: string;
  version: number;
  updated_at: Date | string;
}

const COLUMNS = [
  'id',
  'agenda_item_id',
  'seq',
  'kind',
  'speaker_person_id',
  'speaker_label',
  'text',
  'version',
  'updated_at',
] as const;

export async function listEntries(
  ex: Executor,
  meetingId: string,
  afterSeq: number,
  limit: number,
): Promise<EntryRow[]> {
  return ex
    .selectFrom('transcript_entry')
    .select(COLUMNS)
    .where('meeting_id', '=', meetingId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function lastSeq(ex: Executor, meetingId: string): Promise<number> {
  const row = await ex
    .selectFrom('transcript_entry')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function findEntry(ex: Executor, meetingId: string, id: string): Promise<EntryRow | undefined> {
  return ex
    .selectFrom('transcript_entry')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertEntry(
  ex: Executor,
  e: {
    id: string;
    meeting_id: string;
    agenda_item_id: string | null;
    seq: number;
    kind: TranscriptKind;
    speaker_person_id: string | null;
    speaker_label: string;
    text: string;
    created_by: string | null;
  },
): Promise<EntryRow> {
  return ex.insertInto('transcript_entry').values(e).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** Applies a correction when the entry is still at `version`; undefined when it moved on. */
export async function correctEntry(
  ex: Executor,
  id: string,
  version: number,
  set: { text: string; speaker_label: string; speaker_person_id: string | null },
): Promise<EntryRow | undefined> {
  return ex
    .updateTable('transcript_entry')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(COLUMNS)
    .executeTakeFirst();
}

export async function protocolStatus(ex: Executor, meetingId: string): Promise<string | null> {
  const row = await ex
    .selectFrom('meeting_protocol')
    .select('status')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row?.status ?? null;
}

export { itemInMeeting } from './assembly.repository.js';

export interface RegisterName {
  id: string;
  family_name: string;
  given_name: string;
  status: string;
}

export async function personName(
  ex: Executor,
  organisationId: string,
  personId: string,
): Promise<RegisterName | undefined> {
  return ex
    .selectFrom('person')
    .select(['id', 'family_name', 'given_name', 'status'])
    .where('id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** The person who has the floor in the meeting now, if anyone. */
export async function currentSpeaker(ex: Executor, meetingId: string): Promise<string | undefined> {
  const row = await ex
    .selectFrom('speaker_request')
    .select('person_id')
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'speaking')
    .executeTakeFirst();
  return row?.person_id;
}

export async function chairOf(ex: Executor, meetingId: string): Promise<string | undefined> {
  const row = await ex
    .selectFrom('meeting_role')
    .select('person_id')
    .where('meeting_id', '=', meetingId)
    .where('role', '=', 'chair')
    .executeTakeFirst();
  return row?.person_id;
}
