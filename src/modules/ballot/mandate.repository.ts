// SQL of delegates' mandates at a higher meeting: the list with names, the electing bodies with their full members
// (for the quotas of the norm of representation), entering and checking a mandate.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export { bodyRef, countFullMembers, isFullMember as isFullMemberIn } from './ballot.repository.js';

export interface MandateRow {
  id: string;
  to_meeting_id: string;
  person_id: string;
  name: string;
  name_ru: string | null;
  from_body_id: string;
  from_body_name: string;
  from_body_name_ru: string | null;
  election_id: string | null;
  voice: 'voting' | 'consultative';
  status: 'submitted' | 'confirmed' | 'rejected';
  checked_by: string | null;
  checked_at: Date | null;
  reason: string | null;
  seated: 'new' | 'guest' | 'kept' | null;
}

const SELECT = sql`select m.id, m.to_meeting_id, m.person_id, concat(p.family_name, ' ', p.given_name) as name,
    p.name_ru, m.from_body_id, b.name as from_body_name, b.name_ru as from_body_name_ru, m.election_id, m.voice, m.status, m.checked_by, m.checked_at, m.reason,
    m.seated
  from mandate m join person p on p.id = m.person_id join body b on b.id = m.from_body_id`;

export async function mandatesOf(ex: Executor, meetingId: string): Promise<MandateRow[]> {
  const { rows } = await sql<MandateRow>`${SELECT} where m.to_meeting_id = ${meetingId}
    order by b.name, b.id, p.family_name, p.given_name, m.id`.execute(ex);
  return rows;
}

export async function mandateById(ex: Executor, id: string): Promise<MandateRow | undefined> {
  const { rows } = await sql<MandateRow>`${SELECT} where m.id = ${id}`.execute(ex);
  return rows[0];
}

/** The meeting a mandate is to (to load its context before the transaction). */
export async function mandateMeeting(ex: Executor, id: string): Promise<string | undefined> {
  const r = await ex.selectFrom('mandate').select('to_meeting_id').where('id', '=', id).executeTakeFirst();
  return r?.to_meeting_id;
}

/** Electing bodies of the meeting's mandates with their full members and the mandates not rejected. */
export async function quotaRows(ex: Executor, meetingId: string, organisationId: string) {
  const { rows } = await sql<{
    body_id: string;
    body_name: string;
    body_name_ru: string | null;
    members: number;
    sent: number;
  }>`
    select b.id as body_id, b.name as body_name, b.name_ru as body_name_ru,
      (select count(*)::int from person p join body pb on pb.id = p.body_id
        where p.organisation_id = ${organisationId} and p.status = 'member' and pb.path <@ b.path) as members,
      s.sent
    from (select from_body_id, count(*) filter (where status <> 'rejected')::int as sent
          from mandate where to_meeting_id = ${meetingId} group by from_body_id) s
    join body b on b.id = s.from_body_id
    order by b.name, b.id`.execute(ex);
  return rows.map((r) => ({ ...r, members: Number(r.members), sent: Number(r.sent) }));
}

/** Confirmed mandates from a body to a meeting. */
export async function countConfirmed(ex: Executor, meetingId: string, bodyId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from mandate
    where to_meeting_id = ${meetingId} and from_body_id = ${bodyId} and status = 'confirmed'`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

/** Inserts a mandate; false when the person already has one to this meeting. */
export async function insertMandate(
  ex: Executor,
  row: { id: string; to_meeting_id: string; person_id: string; from_body_id: string; voice: 'voting' | 'consultative' },
): Promise<boolean> {
  const r = await ex
    .insertInto('mandate')
    .values(row)
    .onConflict((oc) => oc.columns(['to_meeting_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function setChecked(
  ex: Executor,
  id: string,
  status: 'confirmed' | 'rejected',
  checkedBy: string,
  reason: string | null,
  seated: string | null,
): Promise<void> {
  await ex
    .updateTable('mandate')
    .set({ status, checked_by: checkedBy, checked_at: new Date(), reason, seated })
    .where('id', '=', id)
    .execute();
}
