// SQL of elections: the election, its candidates in ballot order, the higher meeting delegates go to, the full
// members counted for the norm of representation, and the mandates an election of delegates issues.
import { sql, type Selectable, type SelectType } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { CandidateTable, ElectionTable } from '../../platform/db/schema-ballot.js';

export { bodyRef, countFullMembers, isFullMember, itemInMeeting } from './ballot.repository.js';

const NAME = sql<string>`concat(p.family_name, ' ', p.given_name)`;

export type ElectionRow = Selectable<ElectionTable>;

export interface CandidateRow {
  election_id: string;
  person_id: string;
  name: string;
  name_ru: string | null;
  position: number;
  nominated_by: string | null;
  nominated_by_name: string | null;
  nominated_by_name_ru: string | null;
  consent: SelectType<CandidateTable['consent']>;
  withdrawn: boolean;
  elected: boolean;
}

/** A meeting as seen from another meeting (the higher one delegates are elected to). */
export async function meetingRef(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.organisation_id', 'm.body_id', 'b.path as body_path', 'm.kind', 'm.status'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertElection(
  ex: Executor,
  row: Omit<ElectionRow, 'status' | 'created_at' | 'closed_at'>,
): Promise<void> {
  await ex.insertInto('election').values(row).execute();
}

export async function electionById(ex: Executor, id: string): Promise<ElectionRow | undefined> {
  return ex.selectFrom('election').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function electionsOfMeeting(ex: Executor, meetingId: string): Promise<ElectionRow[]> {
  return ex
    .selectFrom('election')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Candidates of the given elections, in ballot order. */
export async function candidatesOf(ex: Executor, electionIds: string[]): Promise<CandidateRow[]> {
  if (electionIds.length === 0) return [];
  const { rows } = await sql<CandidateRow>`select c.election_id, c.person_id, ${NAME} as name, p.name_ru, c.position,
      c.nominated_by, case when n.id is null then null else concat(n.family_name, ' ', n.given_name) end
        as nominated_by_name, n.name_ru as nominated_by_name_ru,
      c.consent, c.withdrawn, c.elected
    from candidate c join person p on p.id = c.person_id left join person n on n.id = c.nominated_by
    where c.election_id = any(${electionIds}::uuid[])
    order by c.election_id, c.position`.execute(ex);
  return rows;
}

/** The latest vote of each election (announced, open, closed or cancelled). */
export async function lastVotes(ex: Executor, electionIds: string[]): Promise<Map<string, string>> {
  if (electionIds.length === 0) return new Map();
  const { rows } = await sql<{ election_id: string; id: string }>`select distinct on (election_id) election_id, id
    from vote where election_id = any(${electionIds}::uuid[])
    order by election_id, created_at desc, id desc`.execute(ex);
  return new Map(rows.map((r) => [r.election_id, r.id]));
}

export async function candidate(ex: Executor, electionId: string, personId: string) {
  return ex
    .selectFrom('candidate')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Adds a candidate at the end of the ballot (the caller holds the meeting's lock). */
export async function insertCandidate(
  ex: Executor,
  electionId: string,
  personId: string,
  nominatedBy: string | null,
): Promise<void> {
  await sql`insert into candidate (election_id, person_id, position, nominated_by)
    select ${electionId}, ${personId}, coalesce(max(position), 0) + 1, ${nominatedBy}
    from candidate where election_id = ${electionId}`.execute(ex);
}

export async function setConsent(
  ex: Executor,
  electionId: string,
  personId: string,
  consent: 'consented' | 'declined',
): Promise<void> {
  await ex
    .updateTable('candidate')
    .set({ consent, consent_at: new Date() })
    .where('election_id', '=', electionId)
    .where('person_id', '=', personId)
    .execute();
}

export async function setWithdrawn(ex: Executor, electionId: string, personId: string): Promise<void> {
  await ex
    .updateTable('candidate')
    .set({ withdrawn: true })
    .where('election_id', '=', electionId)
    .where('person_id', '=', personId)
    .execute();
}

export async function setStatus(
  ex: Executor,
  id: string,
  status: 'nominating' | 'voting' | 'closed' | 'cancelled',
): Promise<void> {
  await ex
    .updateTable('election')
    .set({ status, closed_at: status === 'closed' || status === 'cancelled' ? new Date() : null })
    .where('id', '=', id)
    .execute();
}

/** Candidates on the ballot: consented and not withdrawn, in ballot order. */
export async function ballotCandidates(ex: Executor, electionId: string) {
  const { rows } = await sql<{ person_id: string; name: string }>`select c.person_id, ${NAME} as name
    from candidate c join person p on p.id = c.person_id
    where c.election_id = ${electionId} and c.consent = 'consented' and not c.withdrawn
    order by c.position`.execute(ex);
  return rows;
}

export async function markElected(ex: Executor, electionId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await ex
    .updateTable('candidate')
    .set({ elected: true })
    .where('election_id', '=', electionId)
    .where('person_id', 'in', personIds)
    .execute();
}

/** Mandates for delegates elected here; a person who already has a mandate to that meeting keeps theirs. */
export async function insertMandates(
  ex: Executor,
  rows: { id: string; to_meeting_id: string; person_id: string; from_body_id: string; election_id: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await ex
    .insertInto('mandate')
    .values(rows)
    .onConflict((oc) => oc.columns(['to_meeting_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}
