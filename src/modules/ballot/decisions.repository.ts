// SQL of what a meeting decided, read for its protocol: motions and amendments with their supporters and minority
// opinions, votes with their results and named votes, elections with their candidates. Names as the protocol
// prints them: 'Family Given' and the Russian name where known.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

const nameEn = sql<string>`concat(p.family_name, ' ', p.given_name)`;

export async function motions(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('motion as m')
    .leftJoin('agenda_item as a', 'a.id', 'm.agenda_item_id')
    .leftJoin('person as p', 'p.id', 'm.proposed_by')
    .select([
      sql<string | null>`case when p.id is null then null else concat(p.given_name, ' ', p.family_name) end`.as(
        'proposer_api_name',
      ),
      sql<string | null>`case when p.id is null then null else concat(p.family_name, ' ', p.given_name) end`.as(
        'proposer_en',
      ),
      'p.name_ru as proposer_ru',
      'm.id',
      'm.amends_id',
      'm.seq',
      'm.title',
      'm.text',
      'm.replaces',
      'm.current_text',
      'm.question_kind',
      'm.proposer_label',
      'm.status',
      'a.position as item_position',
    ])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('m.seq')
    .execute();
}

export async function supporters(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('motion_supporter as s')
    .innerJoin('motion as m', 'm.id', 's.motion_id')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.motion_id', nameEn.as('name_en'), 'p.name_ru'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('s.supported_at')
    .orderBy('s.person_id')
    .execute();
}

export async function minorityOpinions(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('minority_opinion as o')
    .innerJoin('motion as m', 'm.id', 'o.motion_id')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .select(['o.motion_id', nameEn.as('name_en'), 'p.name_ru', 'o.text'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
}

export interface VoteRow {
  id: string;
  agenda_item_id: string | null;
  item_position: number | null;
  motion_id: string | null;
  election_id: string | null;
  title: string;
  method: string;
  question_kind: string | null;
  threshold: string | null;
  base: string | null;
  status: string;
  result: unknown;
  closed_at: Date | null;
}

/** Every vote of the meeting in the order announced. */
export async function votes(ex: Executor, meetingId: string): Promise<VoteRow[]> {
  return (await ex
    .selectFrom('vote as v')
    .leftJoin('agenda_item as a', 'a.id', 'v.agenda_item_id')
    .select([
      'v.id',
      'v.agenda_item_id',
      'a.position as item_position',
      'v.motion_id',
      'v.election_id',
      'v.title',
      'v.method',
      'v.question_kind',
      'v.threshold',
      'v.base',
      'v.status',
      'v.result',
      'v.closed_at',
    ])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute()) as VoteRow[];
}

/** Named votes of the meeting's roll-call votes, by name. */
export async function rollCalls(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('roll_call_entry as r')
    .innerJoin('vote as v', 'v.id', 'r.vote_id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.vote_id', nameEn.as('name_en'), 'p.name_ru', 'r.choice'])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}

export async function elections(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('election as e')
    .leftJoin('agenda_item as a', 'a.id', 'e.agenda_item_id')
    .select([
      'e.id',
      'e.title',
      'e.office',
      'e.seats',
      'e.method',
      'e.ballot',
      'e.status',
      'a.position as item_position',
    ])
    .where('e.meeting_id', '=', meetingId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export async function candidates(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('candidate as c')
    .innerJoin('election as e', 'e.id', 'c.election_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.election_id',
      'c.person_id',
      nameEn.as('name_en'),
      'p.name_ru',
      'c.position',
      'c.consent',
      'c.withdrawn',
      'c.elected',
    ])
    .where('e.meeting_id', '=', meetingId)
    .orderBy('c.position')
    .execute();
}

// --- what a protocol's seal covers (ids, never names: a renamed person is no change to the record) ------------

export async function motionsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('motion')
    .select([
      'id',
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
      'decided_at',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

export async function supportersForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('motion_supporter as s')
    .innerJoin('motion as m', 'm.id', 's.motion_id')
    .select(['s.motion_id', 's.person_id'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('s.motion_id')
    .orderBy('s.person_id')
    .execute();
}

export async function minorityOpinionsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('minority_opinion as o')
    .innerJoin('motion as m', 'm.id', 'o.motion_id')
    .select(['o.id', 'o.motion_id', 'o.person_id', 'o.text'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('o.id')
    .execute();
}

export async function votesForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('vote')
    .select([
      'id',
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
      'tellers_count',
      'result',
      'board_hash',
      'public_key_spki',
      'opened_at',
      'closed_at',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

export async function rollCallsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('roll_call_entry as r')
    .innerJoin('vote as v', 'v.id', 'r.vote_id')
    .select(['r.vote_id', 'r.person_id', 'r.choice'])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('r.vote_id')
    .orderBy('r.person_id')
    .execute();
}

/** Every ballot of the meeting's votes, by vote and receipt (the board's order). */
export async function ballotsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('ballot as b')
    .innerJoin('vote as v', 'v.id', 'b.vote_id')
    .select(['b.vote_id', 'b.receipt', 'b.token_message', 'b.token_signature', 'b.content'])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('b.vote_id')
    .orderBy(sql`b.receipt collate "C"`)
    .execute();
}

export async function electionsForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('election')
    .select([
      'id',
      'agenda_item_id',
      'title',
      'office',
      'target_body_id',
      'delegate_meeting_id',
      'seats',
      'method',
      'ballot',
      'status',
      'closed_at',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

export async function candidatesForSeal(ex: Executor, meetingId: string) {
  return ex
    .selectFrom('candidate as c')
    .innerJoin('election as e', 'e.id', 'c.election_id')
    .select(['c.election_id', 'c.person_id', 'c.position', 'c.consent', 'c.withdrawn', 'c.elected'])
    .where('e.meeting_id', '=', meetingId)
    .orderBy('c.election_id')
    .orderBy('c.position')
    .orderBy('c.person_id')
    .execute();
}
