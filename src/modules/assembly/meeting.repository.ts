// SQL of meetings: convening (the meeting, its agenda, the participants materialised in one INSERT … SELECT),
// reading, attendance (guarded present flips + attendance events), roles and the chair's moves.
import { sql, type RawBuilder } from 'kysely';
import type { MeetingKind } from '../../contracts/assembly-rules.js';
import type { MeetingRoleName } from '../../contracts/assembly.js';
import type { Executor } from '../../platform/db/executor.js';

const NAME = sql`concat(p.family_name, ' ', p.given_name)`;

export async function bodyFor(ex: Executor, id: string) {
  const { rows } = await sql<{ id: string; organisation_id: string; path: string; kind: string; name: string }>`
    select id, organisation_id, path::text as path, kind, name from body where id = ${id}`.execute(ex);
  return rows[0];
}

/** How many of `ids` are persons of the organisation (distinct). */
export async function countPersonsOf(ex: Executor, organisationId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from person
    where organisation_id = ${organisationId} and id = any(${ids}::uuid[])`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

export async function insertMeeting(
  ex: Executor,
  m: {
    id: string;
    organisation_id: string;
    body_id: string;
    kind: MeetingKind;
    title: string;
    starts_at: string;
    ends_at: string | null;
    place: string;
    hall_code: string;
    notice: string | null;
    convened_by: string;
    urgent: boolean;
  },
): Promise<void> {
  // Convening gives the notice: the meeting is in front of everyone entitled from this moment.
  await ex
    .insertInto('meeting')
    .values({ ...m, notice_sent_at: sql<Date>`now()` })
    .execute();
}

export interface AgendaRowInput {
  id: string;
  position: number;
  title: string;
  reporter_person_id: string | null;
  reporter_name: string | null;
  documents: unknown[];
}

export async function replaceAgenda(ex: Executor, meetingId: string, items: AgendaRowInput[]): Promise<void> {
  await ex.deleteFrom('agenda_item').where('meeting_id', '=', meetingId).execute();
  await ex
    .insertInto('agenda_item')
    .values(items.map((i) => ({ ...i, meeting_id: meetingId, documents: JSON.stringify(i.documents) })))
    .execute();
}

/** Who is entitled to attend, as (person_id, voice) rows. */
export type EntitledSource =
  | { kind: 'members'; organisationId: string; path: string }
  | { kind: 'office_holders'; bodyId: string; today: string }
  | { kind: 'delegates'; organisationId: string; ids: string[] };

function sourceSql(s: EntitledSource): RawBuilder<unknown> {
  switch (s.kind) {
    case 'members':
      return sql`select p.id as person_id,
          case when p.status = 'member' then 'voting' else 'consultative' end as voice
        from person p join body b on b.id = p.body_id
        where p.organisation_id = ${s.organisationId} and p.status in ('member', 'candidate')
          and b.path <@ ${s.path}::ltree`;
    case 'office_holders':
      return sql`select distinct o.person_id, 'voting' as voice from office o
        where o.body_id = ${s.bodyId} and o.ended_at is null and o.starts_on <= ${s.today}::date
          and (o.ends_on is null or o.ends_on >= ${s.today}::date)`;
    case 'delegates':
      return sql`select p.id as person_id, 'voting' as voice from person p
        where p.organisation_id = ${s.organisationId} and p.id = any(${s.ids}::uuid[])`;
  }
}

/** Entitled persons not yet participants of the meeting. */
export async function countMissingEntitled(ex: Executor, meetingId: string, s: EntitledSource): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${sourceSql(s)}) s
    where not exists (select 1 from meeting_participant mp
      where mp.meeting_id = ${meetingId} and mp.person_id = s.person_id)`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Inserts the entitled persons not yet participants, pairing them with `codes` in one INSERT … SELECT.
 * A code already taken in the meeting skips its row (no error, the transaction stays usable); the caller
 * repeats with fresh codes for whoever is still missing. Returns the rows inserted.
 */
export async function insertEntitled(
  ex: Executor,
  meetingId: string,
  s: EntitledSource,
  codes: string[],
): Promise<number> {
  const r = await sql`insert into meeting_participant (meeting_id, person_id, voice, code)
    select ${meetingId}, e.person_id, e.voice, c.code
    from (select s.person_id, s.voice, row_number() over (order by s.person_id) as rn
          from (${sourceSql(s)}) s
          where not exists (select 1 from meeting_participant mp
            where mp.meeting_id = ${meetingId} and mp.person_id = s.person_id)) e
    join unnest(${codes}::text[]) with ordinality as c(code, rn) on c.rn = e.rn
    on conflict do nothing`.execute(ex);
  return Number(r.numAffectedRows ?? 0);
}

export interface MeetingRow {
  id: string;
  organisation_id: string;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  status: 'convened' | 'open' | 'closed' | 'cancelled';
  hall_code: string;
  notice: string | null;
  notice_sent_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
  current_item_id: string | null;
  revision: number;
  entitled: number;
  sealed: boolean;
  /** The protocol's status, null when none was generated. */
  protocol_status: 'draft' | 'approved' | 'sealed' | null;
  urgent: boolean;
  agenda_titles: string[];
}

const SELECT = sql`select m.id, m.organisation_id, m.body_id, b.name as body_name, b.name_ru as body_name_ru,
    m.kind, m.title, m.starts_at,
    m.ends_at, m.place, m.status, m.hall_code, m.notice, m.notice_sent_at, m.opened_at, m.closed_at,
    m.current_item_id, m.revision, m.urgent,
    array(select a.title from agenda_item a where a.meeting_id = m.id order by a.position) as agenda_titles,
    (select count(*)::int from meeting_participant mp where mp.meeting_id = m.id and mp.voice <> 'guest')
      as entitled,
    exists (select 1 from meeting_protocol pr where pr.meeting_id = m.id and pr.status = 'sealed') as sealed,
    (select pr.status from meeting_protocol pr where pr.meeting_id = m.id) as protocol_status
  from meeting m join body b on b.id = m.body_id`;

export async function findMeeting(ex: Executor, id: string): Promise<MeetingRow | undefined> {
  const { rows } = await sql<MeetingRow>`${SELECT} where m.id = ${id}`.execute(ex);
  return rows[0];
}

function whenFilter(when: 'upcoming' | 'past' | 'all', recentOnly: boolean) {
  const past = recentOnly
    ? sql`(m.status = 'closed' and m.closed_at > now() - interval '30 days')`
    : sql`m.status = 'closed'`;
  if (when === 'upcoming') return sql`m.status in ('convened', 'open')`;
  if (when === 'past') return past;
  return recentOnly ? sql`(m.status in ('convened', 'open') or ${past})` : sql`true`;
}

async function page(ex: Executor, where: RawBuilder<unknown>, limit: number, offset: number) {
  const { rows } = await sql<MeetingRow>`${SELECT} where ${where}
    order by m.starts_at desc, m.id desc limit ${limit} offset ${offset}`.execute(ex);
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from meeting m where ${where}`.execute(ex);
  return { rows, total: Number(c[0]?.n ?? 0) };
}

const involves = (personId: string) => sql`(
    exists (select 1 from meeting_participant mp where mp.meeting_id = m.id and mp.person_id = ${personId})
    or exists (select 1 from meeting_role r where r.meeting_id = m.id and r.person_id = ${personId}))`;

/** Meetings of a body: all of them for its managers, else those the person takes part in. */
export function listBodyMeetings(
  ex: Executor,
  q: {
    bodyId: string;
    personId: string;
    all: boolean;
    when: 'upcoming' | 'past' | 'all';
    limit: number;
    offset: number;
  },
) {
  const where = sql`m.body_id = ${q.bodyId} and ${whenFilter(q.when, false)} and (${sql.lit(q.all)} or ${involves(q.personId)})`;
  return page(ex, where, q.limit, q.offset);
}

/**
 * The person's meetings: those they hold a role in, convened, or are entitled to attend (a participant: a member
 * of the body, a delegate listed, an office holder) from the moment it is convened — convening gives the notice;
 * upcoming and open ones, and closed in the last 30 days.
 */
export function listMyMeetings(
  ex: Executor,
  q: { organisationId: string; personId: string; when: 'upcoming' | 'past' | 'all'; limit: number; offset: number },
) {
  const where = sql`m.organisation_id = ${q.organisationId} and ${whenFilter(q.when, true)} and (
      m.convened_by = ${q.personId}
      or exists (select 1 from meeting_role r where r.meeting_id = m.id and r.person_id = ${q.personId})
      or exists (select 1 from meeting_participant mp where mp.meeting_id = m.id and mp.person_id = ${q.personId}))`;
  return page(ex, where, q.limit, q.offset);
}

export interface AgendaRow {
  id: string;
  position: number;
  title: string;
  reporter_person_id: string | null;
  reporter_name: string | null;
  reporter_person_name: string | null;
  reporter_person_name_ru: string | null;
  documents: unknown;
  status: 'pending' | 'current' | 'done';
  started_at: Date | null;
  ended_at: Date | null;
}

export async function agendaOf(ex: Executor, meetingId: string): Promise<AgendaRow[]> {
  const { rows } = await sql<AgendaRow>`select a.id, a.position, a.title, a.reporter_person_id, a.reporter_name,
      case when p.id is null then null else ${NAME} end as reporter_person_name, p.name_ru as reporter_person_name_ru,
      a.documents, a.status, a.started_at, a.ended_at
    from agenda_item a left join person p on p.id = a.reporter_person_id
    where a.meeting_id = ${meetingId} order by a.position`.execute(ex);
  return rows;
}

export interface RoleRow {
  person_id: string;
  name: string;
  role: 'chair' | 'presidium' | 'secretary' | 'stenographer' | 'secretariat';
  how: 'elected' | 'appointed';
}

export async function rolesOfMeeting(ex: Executor, meetingId: string): Promise<RoleRow[]> {
  const { rows } = await sql<RoleRow>`select r.person_id, ${NAME} as name, r.role, r.how
    from meeting_role r join person p on p.id = r.person_id where r.meeting_id = ${meetingId}
    order by array_position(array['chair','presidium','secretary','stenographer','secretariat'], r.role),
      p.family_name, p.given_name, p.id`.execute(ex);
  return rows;
}

/** Whether the meeting has its chair (a meeting opens only with one). */
export async function hasChair(ex: Executor, meetingId: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`select 1 as one from meeting_role
    where meeting_id = ${meetingId} and role = 'chair' limit 1`.execute(ex);
  return rows.length > 0;
}

export { attendanceCounts, type AttendanceCountsRow } from './assembly.repository.js';

export async function meetingBasics(ex: Executor, meetingId: string) {
  const { rows } = await sql<{ organisation_id: string; kind: string; starts_on: string }>`
    select organisation_id, kind, (starts_at at time zone 'UTC')::date::text as starts_on
    from meeting where id = ${meetingId}`.execute(ex);
  return rows[0];
}

export interface ParticipantRow {
  person_id: string;
  name: string;
  voice: 'voting' | 'consultative' | 'guest';
  present: boolean;
  checked_in_at: Date | null;
  left_at: Date | null;
}

const PARTICIPANT = sql`select mp.person_id, ${NAME} as name, mp.voice, mp.present, mp.checked_in_at, mp.left_at
  from meeting_participant mp join person p on p.id = mp.person_id`;

export async function listParticipants(
  ex: Executor,
  q: {
    meetingId: string;
    /** Lower-cased, LIKE-escaped words, each found in the full name (Latin or Cyrillic), in any order. */
    terms?: string[];
    /** The holder of a card number equal to the query (found by the person module), matched too. */
    cardHolderId?: string | null;
    present: 'yes' | 'no' | 'all';
    limit: number;
    offset: number;
  },
): Promise<{ rows: ParticipantRow[]; total: number }> {
  const parts = [sql`mp.meeting_id = ${q.meetingId}`];
  if (q.present === 'yes') parts.push(sql`mp.present`);
  if (q.present === 'no') parts.push(sql`not mp.present`);
  if (q.terms && q.terms.length > 0) {
    const names = sql.join(
      q.terms.map(
        (
          t,
        ) => sql`(lower(concat(p.family_name, ' ', p.given_name, ' ', coalesce(p.patronymic, ''))) like ${'%' + t + '%'}
          or lower(coalesce(p.name_ru, '')) like ${'%' + t + '%'})`,
      ),
      sql` and `,
    );
    parts.push(q.cardHolderId ? sql`((${names}) or p.id = ${q.cardHolderId})` : sql`(${names})`);
  }
  const where = sql.join(parts, sql` and `);
  const { rows } = await sql<ParticipantRow>`${PARTICIPANT} where ${where}
    order by p.family_name, p.given_name, p.id limit ${q.limit} offset ${q.offset}`.execute(ex);
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n
    from meeting_participant mp join person p on p.id = mp.person_id where ${where}`.execute(ex);
  return { rows, total: Number(c[0]?.n ?? 0) };
}

export async function participant(ex: Executor, meetingId: string, personId: string) {
  const { rows } = await sql<ParticipantRow>`${PARTICIPANT}
    where mp.meeting_id = ${meetingId} and mp.person_id = ${personId}`.execute(ex);
  return rows[0];
}

export async function participantByCode(ex: Executor, meetingId: string, codes: string[]) {
  const { rows } = await sql<ParticipantRow>`${PARTICIPANT}
    where mp.meeting_id = ${meetingId} and mp.code = any(${codes}::text[])`.execute(ex);
  return rows[0];
}

export async function personOf(ex: Executor, organisationId: string, personId: string) {
  const { rows } = await sql<{ id: string }>`select id from person
    where id = ${personId} and organisation_id = ${organisationId}`.execute(ex);
  return rows[0];
}

/** An arrival or a departure, how it was recorded and by whom. */
export interface AttendanceEntry {
  meetingId: string;
  personId: string;
  kind: 'in' | 'out';
  method: 'code' | 'hall_code' | 'secretariat';
  by: string;
}

/**
 * Arrival or departure recorded in one statement: flips `present` only if it was the other way (two desks at once:
 * one wins) and, when it flipped, appends the attendance event. True when this call flipped it.
 */
export async function recordAttendance(ex: Executor, e: AttendanceEntry): Promise<boolean> {
  const flip =
    e.kind === 'in'
      ? sql`update meeting_participant set present = true, checked_in_at = now(), left_at = null
          where meeting_id = ${e.meetingId} and person_id = ${e.personId} and present = false returning person_id`
      : sql`update meeting_participant set present = false, left_at = now()
          where meeting_id = ${e.meetingId} and person_id = ${e.personId} and present = true returning person_id`;
  const { rows } = await sql`with flipped as (${flip})
    insert into attendance_event (meeting_id, person_id, kind, method, recorded_by)
    select ${e.meetingId}::uuid, person_id, ${e.kind}::text, ${e.method}::text, ${e.by}::uuid from flipped
    returning person_id`.execute(ex);
  return rows.length === 1;
}

/** A guest admitted at the door, present at once. False when the code was taken (try another). */
export async function insertGuest(ex: Executor, meetingId: string, personId: string, code: string): Promise<boolean> {
  const { rows } =
    await sql`insert into meeting_participant (meeting_id, person_id, voice, code, present, checked_in_at)
    values (${meetingId}, ${personId}, 'guest', ${code}, true, now())
    on conflict do nothing returning person_id`.execute(ex);
  return rows.length === 1;
}

export async function insertAttendance(ex: Executor, e: AttendanceEntry): Promise<void> {
  await ex
    .insertInto('attendance_event')
    .values({ meeting_id: e.meetingId, person_id: e.personId, kind: e.kind, method: e.method, recorded_by: e.by })
    .execute();
}

export async function updateMeeting(
  ex: Executor,
  id: string,
  patch: Partial<{
    title: string;
    starts_at: string;
    ends_at: string | null;
    place: string;
    notice: string | null;
    urgent: boolean;
  }>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await ex.updateTable('meeting').set(patch).where('id', '=', id).execute();
}

export async function meetingTimes(ex: Executor, id: string) {
  return ex
    .selectFrom('meeting')
    .select(['starts_at', 'ends_at', 'notice_sent_at', 'urgent'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Sends the notice (again): the first notice's date stays, as the statute's notice days count from it. */
export async function markNoticeSent(ex: Executor, id: string): Promise<void> {
  await sql`update meeting set notice_sent_at = coalesce(notice_sent_at, now()) where id = ${id}`.execute(ex);
}

/** Participants among `ids` (distinct). */
export async function participantIds(ex: Executor, meetingId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ person_id: string }>`select person_id from meeting_participant
    where meeting_id = ${meetingId} and person_id = any(${ids}::uuid[])`.execute(ex);
  return new Set(rows.map((r) => r.person_id));
}

export async function replaceRoles(
  ex: Executor,
  meetingId: string,
  roles: { personId: string; role: MeetingRoleName; how: 'elected' | 'appointed' }[],
): Promise<void> {
  await ex.deleteFrom('meeting_role').where('meeting_id', '=', meetingId).execute();
  if (roles.length === 0) return;
  await ex
    .insertInto('meeting_role')
    .values(roles.map((r) => ({ meeting_id: meetingId, person_id: r.personId, role: r.role, how: r.how })))
    .execute();
}

export async function setStatus(ex: Executor, id: string, status: 'open' | 'closed' | 'cancelled'): Promise<void> {
  const stamp = status === 'open' ? sql`, opened_at = now()` : status === 'closed' ? sql`, closed_at = now()` : sql``;
  await sql`update meeting set status = ${status} ${stamp} where id = ${id}`.execute(ex);
}

/** The current item (if any) is done, and the floor of whoever was speaking on it ends; no current item. */
export async function finishCurrentItem(ex: Executor, meetingId: string): Promise<void> {
  await sql`update speaker_request set status = 'done', ended_at = now()
    where meeting_id = ${meetingId} and status = 'speaking'`.execute(ex);
  await sql`update agenda_item set status = 'done', ended_at = now()
    where meeting_id = ${meetingId} and status = 'current'`.execute(ex);
  await sql`update meeting set current_item_id = null where id = ${meetingId}`.execute(ex);
}

export async function itemOf(ex: Executor, meetingId: string, itemId: string) {
  const { rows } = await sql<{ id: string }>`select id from agenda_item
    where id = ${itemId} and meeting_id = ${meetingId}`.execute(ex);
  return rows[0];
}

export async function firstPendingItem(ex: Executor, meetingId: string) {
  const { rows } = await sql<{ id: string }>`select id from agenda_item
    where meeting_id = ${meetingId} and status = 'pending' order by position limit 1`.execute(ex);
  return rows[0];
}

export async function makeCurrent(ex: Executor, meetingId: string, itemId: string): Promise<void> {
  await sql`update agenda_item set status = 'current', started_at = coalesce(started_at, now()), ended_at = null
    where id = ${itemId}`.execute(ex);
  await sql`update meeting set current_item_id = ${itemId} where id = ${meetingId}`.execute(ex);
}

/** Whether a vote of the meeting is announced or open (a meeting does not close over a running vote). */
export async function hasRunningVote(ex: Executor, meetingId: string): Promise<boolean> {
  const r = await ex
    .selectFrom('vote')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['announced', 'open'])
    .executeTakeFirst();
  return r !== undefined;
}

/** At the close: the speaker's floor ends, the waiting requests are withdrawn. */
export async function closeFloor(ex: Executor, meetingId: string): Promise<void> {
  await sql`update speaker_request set status = 'done', ended_at = now()
    where meeting_id = ${meetingId} and status = 'speaking'`.execute(ex);
  await sql`update speaker_request set status = 'withdrawn', ended_at = now()
    where meeting_id = ${meetingId} and status = 'waiting'`.execute(ex);
}

/** What another module may learn of a meeting's outcome: its body, status, protocol and the items taken up. */
export async function outcomeFacts(ex: Executor, meetingId: string) {
  const { rows } = await sql<{
    organisation_id: string;
    body_id: string;
    kind: string;
    status: 'convened' | 'open' | 'closed' | 'cancelled';
    starts_on: string;
    closed_at: Date | null;
    protocol_status: 'draft' | 'approved' | 'sealed' | null;
    taken_up: string[] | null;
  }>`
    select m.organisation_id, m.body_id, m.kind, m.status, (m.starts_at at time zone 'UTC')::date::text as starts_on,
           m.closed_at, p.status as protocol_status,
           (select array_agg(i.id::text order by i.position) from agenda_item i
             where i.meeting_id = m.id and (i.started_at is not null or i.status <> 'pending')) as taken_up
    from meeting m left join meeting_protocol p on p.meeting_id = m.id
    where m.id = ${meetingId}`.execute(ex);
  return rows[0];
}
