// SQL of the list of speakers: requests of an agenda item, the waiting queue and its positions, the one
// speaking request of a meeting (a unique index), and the participants' presence.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { FloorKind, FloorStatus } from '../../contracts/assembly.js';

export interface FloorRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  person_id: string;
  name: string;
  kind: FloorKind;
  status: FloorStatus;
  position: number;
  limit_seconds: number;
  requested_at: Date | string;
  started_at: Date | string | null;
  ended_at: Date | string | null;
}

const floorSelect = (ex: Executor) =>
  ex
    .selectFrom('speaker_request as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.meeting_id',
      'r.agenda_item_id',
      'r.person_id',
      sql<string>`concat(p.family_name, ' ', p.given_name)`.as('name'),
      'r.kind',
      'r.status',
      'r.position',
      'r.limit_seconds',
      'r.requested_at',
      'r.started_at',
      'r.ended_at',
    ]);

export async function findRequest(ex: Executor, meetingId: string, id: string): Promise<FloorRow | undefined> {
  return floorSelect(ex).where('r.id', '=', id).where('r.meeting_id', '=', meetingId).executeTakeFirst();
}

export async function requestsOfItem(ex: Executor, meetingId: string, itemId: string): Promise<FloorRow[]> {
  return floorSelect(ex)
    .where('r.meeting_id', '=', meetingId)
    .where('r.agenda_item_id', '=', itemId)
    .orderBy('r.position')
    .orderBy('r.requested_at')
    .execute();
}

export { itemInMeeting } from './assembly.repository.js';

export async function participant(ex: Executor, meetingId: string, personId: string) {
  return ex
    .selectFrom('meeting_participant')
    .select(['voice', 'present'])
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function waitingOfItem(
  ex: Executor,
  itemId: string,
): Promise<{ id: string; kind: FloorKind; position: number; person_id: string }[]> {
  return ex
    .selectFrom('speaker_request')
    .select(['id', 'kind', 'position', 'person_id'])
    .where('agenda_item_id', '=', itemId)
    .where('status', '=', 'waiting')
    .orderBy('position')
    .orderBy('requested_at')
    .execute();
}

/** The highest position ever used on the item (0 when none). */
export async function lastPosition(ex: Executor, itemId: string): Promise<number> {
  const row = await ex
    .selectFrom('speaker_request')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('agenda_item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Moves the waiting requests at or after `from` one place down. */
export async function shiftQueue(ex: Executor, itemId: string, from: number): Promise<void> {
  await ex
    .updateTable('speaker_request')
    .set({ position: sql`position + 1` })
    .where('agenda_item_id', '=', itemId)
    .where('status', '=', 'waiting')
    .where('position', '>=', from)
    .execute();
}

export async function insertRequest(
  ex: Executor,
  r: {
    id: string;
    meeting_id: string;
    agenda_item_id: string;
    person_id: string;
    kind: FloorKind;
    position: number;
    limit_seconds: number;
  },
): Promise<void> {
  await ex.insertInto('speaker_request').values(r).execute();
}

/** Ends whoever has the floor in the meeting; returns the request ended, if any. */
export async function endSpeaking(ex: Executor, meetingId: string, at: Date): Promise<string | undefined> {
  const row = await ex
    .updateTable('speaker_request')
    .set({ status: 'done', ended_at: at })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'speaking')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Moves a request from `from` to `to`; false when it was not in `from` (someone else acted). */
export async function transition(
  ex: Executor,
  id: string,
  from: FloorStatus,
  to: FloorStatus,
  at: Date,
): Promise<boolean> {
  const times = to === 'speaking' ? { started_at: at } : to === 'done' || to === 'withdrawn' ? { ended_at: at } : {};
  const res = await ex
    .updateTable('speaker_request')
    .set({ status: to, ...times })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function extend(ex: Executor, id: string, seconds: number): Promise<boolean> {
  const res = await ex
    .updateTable('speaker_request')
    .set({ limit_seconds: sql`limit_seconds + ${seconds}` })
    .where('id', '=', id)
    .where('status', '=', 'speaking')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Sets the positions of waiting requests in one statement. */
export async function setPositions(ex: Executor, positions: { id: string; position: number }[]): Promise<void> {
  if (!positions.length) return;
  const values = sql.join(positions.map((p) => sql`(${p.id}::uuid, ${p.position}::int)`));
  await sql`update speaker_request as r set position = v.position
    from (values ${values}) as v(id, position)
    where r.id = v.id and r.status = 'waiting'`.execute(ex);
}
