// SQL of question notes: the meeting's note key, the per-person counters (atomic, limits in the WHERE), the
// notes themselves. Nothing here stores a blinded message, a blind signature or who obtained which token.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { QuestionNoteTable } from '../../platform/db/schema-assembly.js';

export async function noteKey(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('note_key')
    .select(['public_key_spki', 'private_key_pkcs8'])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Inserts the meeting's key unless one exists (the first of two concurrent requests wins). */
export async function insertNoteKeyIfAbsent(
  ex: Executor,
  meetingId: string,
  publicKeySpki: string,
  privateKeyPkcs8: string,
): Promise<void> {
  await ex
    .insertInto('note_key')
    .values({ meeting_id: meetingId, public_key_spki: publicKeySpki, private_key_pkcs8: privateKeyPkcs8 })
    .onConflict((oc) => oc.column('meeting_id').doNothing())
    .execute();
}

/**
 * Counts `n` more anonymous-note tokens for a present participant, only if they stay within `limit` (the statute's
 * anonymous limit; signed notes are counted apart). Returns the new counters, or undefined when refused (not
 * present, or over the limit).
 */
export async function takeTokens(ex: Executor, meetingId: string, personId: string, n: number, limit: number) {
  return ex
    .updateTable('meeting_participant')
    .set({ tokens_issued: sql`tokens_issued + ${n}` })
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .where('present', '=', true)
    .where(sql<boolean>`tokens_issued + ${n} <= ${limit}`)
    .returning(['tokens_issued', 'signed_notes'])
    .executeTakeFirst();
}

/** Counts one signed note for a present participant, only within `limit` (the statute's signed limit). */
export async function takeSignedNote(ex: Executor, meetingId: string, personId: string, limit: number) {
  return ex
    .updateTable('meeting_participant')
    .set({ signed_notes: sql`signed_notes + 1` })
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .where('present', '=', true)
    .where(sql<boolean>`signed_notes + 1 <= ${limit}`)
    .returning(['tokens_issued', 'signed_notes'])
    .executeTakeFirst();
}

/** The person who has the floor now, if anyone. */
export async function currentSpeaker(ex: Executor, meetingId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('speaker_request')
    .select('person_id')
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'speaking')
    .executeTakeFirst();
  return r?.person_id ?? null;
}

export async function chairOf(ex: Executor, meetingId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('meeting_role')
    .select('person_id')
    .where('meeting_id', '=', meetingId)
    .where('role', '=', 'chair')
    .executeTakeFirst();
  return r?.person_id ?? null;
}

/** True when the person takes part in the meeting (participant or role holder). */
export async function inMeeting(ex: Executor, meetingId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (select 1 from meeting_participant where meeting_id = ${meetingId} and person_id = ${personId})
        or exists (select 1 from meeting_role where meeting_id = ${meetingId} and person_id = ${personId}) as ok`.execute(
    ex,
  );
  return rows[0]?.ok === true;
}

export async function personName(ex: Executor, personId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return r ? `${r.given_name} ${r.family_name}` : null;
}

/** A note as received: the minute is set by the database. */
export type NewNote = Omit<Insertable<QuestionNoteTable>, 'received_minute'>;

/** Inserts a note received now, rounded down to the minute. A spent token fails on the unique token_hash. */
export async function insertNote(ex: Executor, n: NewNote): Promise<void> {
  await ex
    .insertInto('question_note')
    .values({ ...n, received_minute: sql<Date>`date_trunc('minute', now())` })
    .execute();
}

export interface NoteRow {
  id: string;
  agenda_item_id: string | null;
  addressed_to: 'speaker' | 'presidium';
  speaker_person_id: string | null;
  speaker_name: string | null;
  speaker_name_ru: string | null;
  text: string;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_by_name_ru: string | null;
  received_minute: Date;
  group_label: string | null;
  status: 'new' | 'answered' | 'set_aside';
  answer: string | null;
  answered_at: Date | null;
}

function notesQuery(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('question_note as n')
    .leftJoin('person as sp', 'sp.id', 'n.speaker_person_id')
    .leftJoin('person as sb', 'sb.id', 'n.signed_by')
    .select([
      'n.id',
      'n.agenda_item_id',
      'n.addressed_to',
      'n.speaker_person_id',
      sql<string | null>`sp.given_name || ' ' || sp.family_name`.as('speaker_name'),
      'sp.name_ru as speaker_name_ru',
      'n.text',
      'n.signed_by',
      sql<string | null>`sb.given_name || ' ' || sb.family_name`.as('signed_by_name'),
      'sb.name_ru as signed_by_name_ru',
      'n.received_minute',
      'n.group_label',
      'n.status',
      'n.answer',
      'n.answered_at',
    ])
    .where('n.meeting_id', '=', meetingId);
}

/** Every note of the meeting: by minute received, group, then id (random) — never in the order of arrival. */
export async function listNotes(ex: Executor, meetingId: string): Promise<NoteRow[]> {
  return notesQuery(ex, meetingId).orderBy('n.received_minute').orderBy('n.group_label').orderBy('n.id').execute();
}

export async function noteById(ex: Executor, meetingId: string, noteId: string): Promise<NoteRow | undefined> {
  return notesQuery(ex, meetingId).where('n.id', '=', noteId).executeTakeFirst();
}

export async function updateNote(
  ex: Executor,
  noteId: string,
  patch: {
    group_label?: string | null;
    status?: 'new' | 'answered' | 'set_aside';
    answer?: string;
    answered_at?: Date;
    answer_entry_id?: string;
  },
): Promise<void> {
  await ex.updateTable('question_note').set(patch).where('id', '=', noteId).execute();
}
