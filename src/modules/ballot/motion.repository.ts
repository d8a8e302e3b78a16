// SQL of motions and amendments: the rows, their supporters, minority opinions, the vote that decided them.
// Every write happens under the meeting's row lock (AssemblyAccess.context with lock), which serialises numbering.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { MotionTable } from '../../platform/db/schema-ballot.js';
import type { MotionStatus } from '../../contracts/ballot.js';

export { itemInMeeting as agendaItemInMeeting } from './ballot.repository.js';

const personName = sql<string>`concat(p.given_name, ' ', p.family_name)`;

const COLUMNS = [
  'id',
  'meeting_id',
  'agenda_item_id',
  'amends_id',
  'seq',
  'title',
  'text',
  'replaces',
  'current_text',
  'question_kind',
  'proposed_by',
  'proposer_label',
  'status',
  'created_at',
  'decided_at',
] as const;

export type MotionRow = Pick<Selectable<MotionTable>, (typeof COLUMNS)[number]>;

export async function motion(ex: Executor, id: string, lock = false): Promise<MotionRow | undefined> {
  let q = ex.selectFrom('motion').select(COLUMNS).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function motionsOfMeeting(ex: Executor, meetingId: string): Promise<MotionRow[]> {
  return ex.selectFrom('motion').select(COLUMNS).where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

/** The amendments to a motion, in the order they were moved. */
export async function amendmentsOf(ex: Executor, motionId: string, lock = false): Promise<MotionRow[]> {
  let q = ex.selectFrom('motion').select(COLUMNS).where('amends_id', '=', motionId).orderBy('seq');
  if (lock) q = q.forUpdate();
  return q.execute();
}

export async function nextSeq(ex: Executor, meetingId: string): Promise<number> {
  const r = await ex
    .selectFrom('motion')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(r.next);
}

/** A motion as moved: numbered, not yet decided. */
export type NewMotion = Omit<MotionRow, 'status' | 'created_at' | 'decided_at'> & { status: 'proposed' | 'supported' };

export async function insertMotion(ex: Executor, m: NewMotion): Promise<void> {
  await ex.insertInto('motion').values(m).execute();
}

export async function setStatus(ex: Executor, ids: string[], status: MotionStatus, decided: boolean): Promise<void> {
  if (!ids.length) return;
  await ex
    .updateTable('motion')
    .set({ status, ...(decided ? { decided_at: sql<Date>`now()` } : {}) })
    .where('id', 'in', ids)
    .execute();
}

export async function setCurrentText(ex: Executor, id: string, text: string): Promise<void> {
  await ex.updateTable('motion').set({ current_text: text }).where('id', '=', id).execute();
}

/** Adds a supporter; false when they already support it. */
export async function addSupporter(ex: Executor, motionId: string, personId: string): Promise<boolean> {
  const r = await ex
    .insertInto('motion_supporter')
    .values({ motion_id: motionId, person_id: personId })
    .onConflict((oc) => oc.columns(['motion_id', 'person_id']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function supporterCount(ex: Executor, motionId: string): Promise<number> {
  const r = await ex
    .selectFrom('motion_supporter')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('motion_id', '=', motionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function supportersOf(ex: Executor, motionIds: string[]) {
  if (!motionIds.length) return [];
  return ex
    .selectFrom('motion_supporter as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.motion_id', 's.person_id', personName.as('name'), 'p.name_ru'])
    .where('s.motion_id', 'in', motionIds)
    .orderBy('s.supported_at')
    .orderBy('s.person_id')
    .execute();
}

export async function minorityOpinionsOf(ex: Executor, motionIds: string[]) {
  if (!motionIds.length) return [];
  return ex
    .selectFrom('minority_opinion as o')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .select(['o.id', 'o.motion_id', 'o.person_id', personName.as('name'), 'p.name_ru', 'o.text', 'o.created_at'])
    .where('o.motion_id', 'in', motionIds)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
}

export async function hasMinorityOpinion(ex: Executor, motionId: string, personId: string): Promise<boolean> {
  const r = await ex
    .selectFrom('minority_opinion')
    .select('id')
    .where('motion_id', '=', motionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertMinorityOpinion(
  ex: Executor,
  o: { id: string; motion_id: string; person_id: string; text: string },
): Promise<void> {
  await ex.insertInto('minority_opinion').values(o).execute();
}

/** The last vote (if any) on each motion, and whether one of them closed. */
export async function votesOf(ex: Executor, motionIds: string[]) {
  if (!motionIds.length) return [];
  return ex
    .selectFrom('vote')
    .select(['id', 'motion_id', 'status', 'created_at'])
    .where('motion_id', 'in', motionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function nameOf(ex: Executor, personId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('person as p')
    .select(personName.as('name'))
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return r?.name ?? null;
}

/** The status of the meeting's protocol (draft, approved, sealed), or null when none was generated yet. */
export async function protocolStatus(ex: Executor, meetingId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('meeting_protocol')
    .select('status')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return r?.status ?? null;
}

/** Of `motionIds`, those with an amendment being voted on now. */
export async function withAmendmentVoting(ex: Executor, motionIds: string[]): Promise<Set<string>> {
  if (!motionIds.length) return new Set();
  const rows = await ex
    .selectFrom('motion')
    .select('amends_id')
    .distinct()
    .where('amends_id', 'in', motionIds)
    .where('status', '=', 'voting')
    .execute();
  return new Set(rows.map((r) => r.amends_id!));
}

/** A motion with its meeting's body, for another module that acts on an adopted decision (direction). */
export async function motionFacts(
  ex: Executor,
  id: string,
): Promise<
  | {
      status: MotionStatus;
      amends_id: string | null;
      body_id: string;
      organisation_id: string;
      current_text: string | null;
      decided_at: Date | null;
      meeting_id: string;
    }
  | undefined
> {
  return ex
    .selectFrom('motion as m')
    .innerJoin('meeting as g', 'g.id', 'm.meeting_id')
    .select([
      'm.status',
      'm.amends_id',
      'g.body_id',
      'g.organisation_id',
      'm.current_text',
      'm.decided_at',
      'm.meeting_id',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/**
 * Main motions adopted in meetings of the given bodies (of one organisation), the latest decided first, at most
 * `limit`: what another module offers as the decision an act rests on (direction).
 */
export async function adoptedOfBodies(
  ex: Executor,
  organisationId: string,
  bodyIds: string[],
  limit: number,
): Promise<
  {
    id: string;
    title: string;
    text: string;
    current_text: string | null;
    decided_at: Date | null;
    meeting_id: string;
    meeting_title: string;
    meeting_kind: string;
    starts_at: Date;
    body_id: string;
  }[]
> {
  if (bodyIds.length === 0) return [];
  return ex
    .selectFrom('motion as m')
    .innerJoin('meeting as g', 'g.id', 'm.meeting_id')
    .select([
      'm.id',
      'm.title',
      'm.text',
      'm.current_text',
      'm.decided_at',
      'm.meeting_id',
      'g.title as meeting_title',
      'g.kind as meeting_kind',
      'g.starts_at',
      'g.body_id',
    ])
    .where('g.organisation_id', '=', organisationId)
    .where('g.body_id', 'in', bodyIds)
    .where('m.status', '=', 'adopted')
    .where('m.amends_id', 'is', null)
    .orderBy('m.decided_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
}
