// SQL of votes: the vote row (announce, open, close, cancel; locked FOR UPDATE by every change of its status),
// the meeting's voting participants, roll-call entries, and the one-or-two-query live view of the running vote.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { VoteTable } from '../../platform/db/schema-ballot.js';
import type { VoteStatus } from '../../contracts/ballot.js';

export { itemInMeeting as agendaItemInMeeting } from './ballot.repository.js';

export interface VoteRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  motion_id: string | null;
  election_id: string | null;
  title: string;
  method: 'open' | 'roll_call' | 'secret';
  question_kind: string | null;
  threshold: 'simple' | 'two_thirds' | null;
  base: 'cast' | 'present' | 'members' | null;
  election_spec: unknown;
  status: 'announced' | 'open' | 'closed' | 'cancelled';
  present_at_open: number | null;
  entitled: number | null;
  quorum_more_than: number | null;
  opened_at: Date | null;
  closed_at: Date | null;
  public_key_spki: string | null;
  tellers_count: unknown;
  result: unknown;
  board_hash: string | null;
  created_at: Date;
  min_turnout: number;
}

const COLUMNS = [
  'id',
  'meeting_id',
  'agenda_item_id',
  'motion_id',
  'election_id',
  'title',
  'method',
  'question_kind',
  'threshold',
  'base',
  'election_spec',
  'status',
  'present_at_open',
  'entitled',
  'quorum_more_than',
  'opened_at',
  'closed_at',
  'public_key_spki',
  'tellers_count',
  'result',
  'board_hash',
  'created_at',
  'min_turnout',
] as const;

export async function voteById(ex: Executor, id: string, lock = false): Promise<VoteRow | undefined> {
  let q = ex.selectFrom('vote').select(COLUMNS).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function votesOf(ex: Executor, meetingId: string): Promise<VoteRow[]> {
  return ex
    .selectFrom('vote')
    .select(COLUMNS)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The vote's key (cached by the secret ballot service) and what a ballot is validated against. */
export async function ballotKey(ex: Executor, id: string) {
  return ex
    .selectFrom('vote')
    .select(['id', 'meeting_id', 'method', 'election_spec', 'public_key_spki', 'private_key_pkcs8', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type NewVote = Insertable<VoteTable>;

/** Inserts an announced vote (a second running vote in the meeting fails on vote_one_running, 23505). */
export async function insertVote(ex: Executor, v: NewVote): Promise<void> {
  await ex.insertInto('vote').values(v).execute();
}

/** The meeting's vote announced or open, if any. */
export async function runningVote(ex: Executor, meetingId: string): Promise<{ id: string } | undefined> {
  return ex
    .selectFrom('vote')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['announced', 'open'])
    .executeTakeFirst();
}

export async function updateVote(
  ex: Executor,
  id: string,
  patch: {
    status?: VoteStatus;
    present_at_open?: number;
    entitled?: number;
    opened_by?: string | null;
    opened_at?: Date;
    closed_by?: string | null;
    closed_at?: Date;
    tellers_count?: string;
    counted_by?: string | null;
    result?: string;
    board_hash?: string | null;
  },
): Promise<void> {
  await ex.updateTable('vote').set(patch).where('id', '=', id).execute();
}

/** Voting participants present now, and entitled in all. */
export async function votingCounts(ex: Executor, meetingId: string): Promise<{ present: number; entitled: number }> {
  const r = await ex
    .selectFrom('meeting_participant')
    .select([sql<number>`count(*) filter (where present)`.as('present'), sql<number>`count(*)`.as('entitled')])
    .where('meeting_id', '=', meetingId)
    .where('voice', '=', 'voting')
    .executeTakeFirstOrThrow();
  return { present: Number(r.present), entitled: Number(r.entitled) };
}

export async function participant(ex: Executor, meetingId: string, personId: string) {
  return ex
    .selectFrom('meeting_participant')
    .select(['voice', 'present'])
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Records a named vote; false when the person's vote is already recorded. */
export async function insertRollEntry(
  ex: Executor,
  e: { vote_id: string; person_id: string; choice: string; recorded_by: string | null },
): Promise<boolean> {
  const r = await ex
    .insertInto('roll_call_entry')
    .values(e)
    .onConflict((oc) => oc.columns(['vote_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function rollEntries(ex: Executor, voteId: string) {
  return ex
    .selectFrom('roll_call_entry as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'r.choice', sql<string>`p.given_name || ' ' || p.family_name`.as('name')])
    .where('r.vote_id', '=', voteId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('r.person_id')
    .execute();
}

/** Voting participants present now with their named vote, if recorded (the roll as the secretary calls it). */
export async function roll(ex: Executor, voteId: string, meetingId: string) {
  return ex
    .selectFrom('meeting_participant as mp')
    .innerJoin('person as p', 'p.id', 'mp.person_id')
    .leftJoin('roll_call_entry as r', (j) => j.onRef('r.person_id', '=', 'mp.person_id').on('r.vote_id', '=', voteId))
    .select(['mp.person_id', sql<string>`p.given_name || ' ' || p.family_name`.as('name'), 'p.name_ru', 'r.choice'])
    .where('mp.meeting_id', '=', meetingId)
    .where('mp.voice', '=', 'voting')
    .where((eb) => eb.or([eb('mp.present', '=', true), eb('r.choice', 'is not', null)]))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('mp.person_id')
    .execute();
}

/** Ballots received (secret) or named votes recorded (roll-call) for each vote. */
export async function received(ex: Executor, voteIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!voteIds.length) return out;
  const { rows } = await sql<{ vote_id: string; n: number }>`
    select vote_id, count(*)::int as n from ballot where vote_id in (${sql.join(voteIds)}) group by vote_id
    union all
    select vote_id, count(*)::int as n from roll_call_entry where vote_id in (${sql.join(voteIds)}) group by vote_id`.execute(
    ex,
  );
  for (const r of rows) out.set(r.vote_id, (out.get(r.vote_id) ?? 0) + Number(r.n));
  return out;
}

/**
 * The meeting's running vote, else the last one closed (cancelled ones are skipped), with the ballots or named
 * votes received so far: one indexed query (vote_meeting, then the ballot and roll-call primary keys). An
 * election's candidates' Cyrillic names (person.name_ru, by id) come with it: the spec fixed at announce holds the
 * Latin ones only.
 */
export async function liveVote(ex: Executor, meetingId: string) {
  const { rows } = await sql<{
    id: string;
    title: string;
    method: 'open' | 'roll_call' | 'secret';
    status: 'announced' | 'open' | 'closed' | 'cancelled';
    election_id: string | null;
    election_spec: unknown;
    result: unknown;
    received: number;
    names_ru: Record<string, string> | null;
  }>`
    select v.id, v.title, v.method, v.status, v.election_id, v.election_spec, v.result,
      (select jsonb_object_agg(p.id, p.name_ru) from person p
        where p.name_ru is not null and p.id in (
          select (c->>'id')::uuid from jsonb_array_elements(coalesce(v.election_spec->'candidates', '[]'::jsonb)) c)
      ) as names_ru,
      case v.method
        when 'secret' then (select count(*) from ballot b where b.vote_id = v.id)
        when 'roll_call' then (select count(*) from roll_call_entry r where r.vote_id = v.id)
        else 0 end::int as received
    from vote v
    where v.meeting_id = ${meetingId} and v.status <> 'cancelled'
    order by v.created_at desc, v.id desc
    limit 1`.execute(ex);
  return rows[0];
}
