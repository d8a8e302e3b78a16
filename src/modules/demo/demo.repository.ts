// Bulk loading of a generated organisation: multi-row inserts through unnest() of column arrays,
// one statement per few thousand rows. The same SQL on PGlite and PostgreSQL.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { BodyRow } from './rules/rows.js';
import type { PlanEnterprise, PlanOffice, PlanPerson } from './rules/plan-types.js';
import type { DemoMeetingRows, DemoPerson } from './rules/meetings.js';

export const CHUNK = 5000;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function anyOrganisation(db: Executor): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
}

/** The first start's mark (table `installation`, owned here; ADR 0018), if any. */
export async function installation(
  db: Executor,
): Promise<{ kind: 'demo' | 'init'; state: 'building' | 'complete' } | undefined> {
  return db.selectFrom('installation').select(['kind', 'state']).executeTakeFirst();
}

/** Marks the database as being set up by `kind` (replacing any earlier mark). */
export async function beginInstallation(db: Executor, kind: 'demo' | 'init'): Promise<void> {
  await db.deleteFrom('installation').execute();
  await db.insertInto('installation').values({ kind, state: 'building' }).execute();
}

/** Marks the first start complete: its last write. */
export async function completeInstallation(db: Executor): Promise<void> {
  await db
    .updateTable('installation')
    .set({ state: 'complete', completed_at: sql<Date>`now()` })
    .where('state', '=', 'building')
    .execute();
}

export async function insertEnterprises(db: Executor, organisationId: string, rows: PlanEnterprise[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into enterprise (id, organisation_id, name, name_ru, industry, workforce)
      select u.id, ${organisationId}::uuid, u.name, u.name_ru, u.industry, u.workforce
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.name)}::text[], ${c.map((r) => r.nameRu)}::text[],
                  ${c.map((r) => r.industry)}::text[], ${c.map((r) => r.workforce)}::int[])
        as u(id, name, name_ru, industry, workforce)`.execute(db);
  }
}

/** Inserts bodies (parents before children; the whole list in order). */
export async function insertBodies(db: Executor, organisationId: string, rows: BodyRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into body (id, organisation_id, parent_id, path, depth, kind, name, name_ru, enterprise_id, primary_id, region_id)
      select u.id, ${organisationId}::uuid, u.parent_id, u.path::ltree, u.depth, u.kind, u.name, u.name_ru, u.enterprise_id, u.primary_id, u.region_id
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.parent_id)}::uuid[], ${c.map((r) => r.path)}::text[],
                  ${c.map((r) => r.depth)}::int[], ${c.map((r) => r.kind)}::text[], ${c.map((r) => r.name)}::text[],
                  ${c.map((r) => r.name_ru)}::text[], ${c.map((r) => r.enterprise_id)}::uuid[], ${c.map((r) => r.primary_id)}::uuid[],
                  ${c.map((r) => r.region_id)}::uuid[])
        as u(id, parent_id, path, depth, kind, name, name_ru, enterprise_id, primary_id, region_id)`.execute(db);
  }
}

/** Persons with their body and enterprise already resolved to ids. */
export interface PersonRow extends Omit<PlanPerson, 'body' | 'enterprise' | 'status' | 'joinedOn'> {
  status: PlanPerson['status'] | 'non_member';
  joinedOn: string | null;
  bodyId: string | null;
  enterpriseId: string | null;
}

export async function insertPersons(db: Executor, organisationId: string, rows: PersonRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into person (id, organisation_id, family_name, given_name, patronymic, name_ru, sex, birth_year,
        social_position, status, body_id, enterprise_id, joined_on, candidate_since, card_number)
      select u.id, ${organisationId}::uuid, u.family_name, u.given_name, u.patronymic, u.name_ru, u.sex, u.birth_year,
        u.social_position, u.status, u.body_id, u.enterprise_id, u.joined_on, u.candidate_since, u.card_number
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.familyName)}::text[], ${c.map((r) => r.givenName)}::text[],
                  ${c.map((r) => r.patronymic)}::text[], ${c.map((r) => r.nameRu)}::text[], ${c.map((r) => r.sex)}::text[],
                  ${c.map((r) => r.birthYear)}::int[], ${c.map((r) => r.socialPosition)}::text[], ${c.map((r) => r.status)}::text[],
                  ${c.map((r) => r.bodyId)}::uuid[], ${c.map((r) => r.enterpriseId)}::uuid[], ${c.map((r) => r.joinedOn)}::date[],
                  ${c.map((r) => r.candidateSince)}::date[], ${c.map((r) => r.cardNumber)}::text[])
        as u(id, family_name, given_name, patronymic, name_ru, sex, birth_year, social_position, status, body_id,
             enterprise_id, joined_on, candidate_since, card_number)`.execute(db);
  }
}

export interface OfficeRow extends Omit<PlanOffice, 'body'> {
  bodyId: string;
}

export async function insertOffices(db: Executor, rows: OfficeRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`insert into office (id, body_id, person_id, title, starts_on)
      select * from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.bodyId)}::uuid[], ${c.map((r) => r.personId)}::uuid[],
                           ${c.map((r) => r.title)}::text[], ${c.map((r) => r.startsOn)}::date[])`.execute(db);
  }
}

export async function insertAccounts(
  db: Executor,
  rows: { id: string; personId: string; login: string; passwordHash: string; locale: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('account')
    .values(
      rows.map((r) => ({
        id: r.id,
        person_id: r.personId,
        login: r.login,
        password_hash: r.passwordHash,
        locale: r.locale,
      })),
    )
    .execute();
}

export async function insertOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

/** Removes an organisation whose bulk load failed (the statute service created it in its own transaction). */
export async function deleteOrganisation(db: Executor, organisationId: string): Promise<void> {
  await sql`delete from account where person_id in (select id from person where organisation_id = ${organisationId})`.execute(
    db,
  );
  await sql`delete from office where body_id in (select id from body where organisation_id = ${organisationId})`.execute(
    db,
  );
  await sql`delete from person where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from body where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from enterprise where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from statute_version where organisation_id = ${organisationId}`.execute(db);
  await sql`delete from organisation where id = ${organisationId}`.execute(db);
}

/** After a bulk load: refresh planner statistics so the first queries use the indexes. */
export async function analyse(db: Executor): Promise<void> {
  await sql`analyze body`.execute(db);
  await sql`analyze person`.execute(db);
  await sql`analyze enterprise`.execute(db);
  await sql`analyze office`.execute(db);
}

/** The first administrator of a new organisation: a non-member registered nowhere, holding a managing office in the root. */
export async function insertAdministrator(
  db: Executor,
  row: {
    personId: string;
    organisationId: string;
    familyName: string;
    givenName: string;
    officeId: string;
    rootBodyId: string;
    title: string;
    startsOn: string;
  },
): Promise<void> {
  await db
    .insertInto('person')
    .values({
      id: row.personId,
      organisation_id: row.organisationId,
      family_name: row.familyName,
      given_name: row.givenName,
      patronymic: null,
      name_ru: null,
      sex: null,
      birth_year: null,
      social_position: 'other',
      status: 'non_member',
      body_id: null,
      enterprise_id: null,
      joined_on: null,
      candidate_since: null,
      card_number: null,
    })
    .execute();
  await db
    .insertInto('office')
    .values({
      id: row.officeId,
      body_id: row.rootBodyId,
      person_id: row.personId,
      title: row.title,
      starts_on: row.startsOn,
    })
    .execute();
}

// --- sealed past meetings of the demo ----------------------------------------------------------------------

export interface DemoMeetingSetting {
  po: { id: string; path: string };
  bureauId: string;
  cell: { id: string; path: string };
  /** People by the role keys of rules/meetings.ts. */
  people: Record<string, DemoPerson>;
}

const personCols = sql`p.id, p.family_name as "familyName", p.name_ru as "nameRu"`;

/** The Red Putilovite organisation (the body putilov.secretary is secretary of), its bureau, a shop cell, people. */
export async function demoMeetingSetting(ex: Executor, organisationId: string): Promise<DemoMeetingSetting | null> {
  const { rows: po } = await sql<{ id: string; path: string; person_id: string }>`
    select b.id, b.path::text as path, o.person_id from account a
      join office o on o.person_id = a.person_id and o.title = 'secretary'
      join body b on b.id = o.body_id and b.kind = 'primary_organisation'
    where a.login = 'putilov.secretary' and b.organisation_id = ${organisationId} limit 1`.execute(ex);
  const root = po[0];
  if (!root) return null;
  const { rows: bodies } = await sql<{ id: string; kind: string; path: string }>`
    select id, kind, path::text as path from body where parent_id = ${root.id}
      and (kind = 'bureau' or (kind = 'shop_cell' and name like 'Steel foundry%'))`.execute(ex);
  const bureau = bodies.find((b) => b.kind === 'bureau');
  const cell = bodies.find((b) => b.kind === 'shop_cell');
  if (!bureau || !cell) return null;
  const people: Record<string, DemoPerson> = {};
  const { rows: accounts } = await sql<DemoPerson & { login: string }>`
    select a.login, ${personCols} from account a join person p on p.id = a.person_id
    where a.login in ('putilov.secretary', 'veteran.1', 'veteran.2', 'veteran.3', 'putilov.member')`.execute(ex);
  const byLogin: Record<string, string> = {
    'putilov.secretary': 'secretary',
    'veteran.1': 'veteran1',
    'veteran.2': 'veteran2',
    'veteran.3': 'veteran3',
    'putilov.member': 'member',
  };
  for (const { login, ...p } of accounts) people[byLogin[login]!] = p;
  const taken = () => Object.values(people).map((p) => p.id);
  const { rows: bureauMembers } = await sql<DemoPerson>`
    select ${personCols} from office o join person p on p.id = o.person_id
    where o.body_id = ${bureau.id} and o.title = 'bureau_member' and o.ends_on is null order by p.id limit 4`.execute(
    ex,
  );
  bureauMembers.forEach((p, i) => (people[`bureau${i + 1}`] = p));
  const { rows: cellSecretary } = await sql<DemoPerson>`
    select ${personCols} from office o join person p on p.id = o.person_id
    where o.body_id = ${cell.id} and o.title = 'secretary' and o.ends_on is null order by p.id limit 1`.execute(ex);
  if (cellSecretary[0]) people.cellSecretary = cellSecretary[0];
  const { rows: cellMembers } = await sql<DemoPerson>`
    select ${personCols} from person p
    where p.body_id = ${cell.id} and p.status = 'member' and p.id <> all(${taken()}::uuid[])
    order by p.id limit 3`.execute(ex);
  cellMembers.forEach((p, i) => (people[`cell${i}`] = p));
  const { rows: members } = await sql<DemoPerson>`
    select ${personCols} from person p join body b on b.id = p.body_id
    where b.primary_id = ${root.id} and p.status = 'member' and p.joined_on < '1927-01-01'
      and p.body_id <> ${cell.id} and p.id <> all(${taken()}::uuid[])
    order by p.id limit 8`.execute(ex);
  members.forEach((p, i) => (people[`m${i}`] = p));
  return { po: { id: root.id, path: root.path }, bureauId: bureau.id, cell: { id: cell.id, path: cell.path }, people };
}

/** A past meeting with its agenda, roles, list of speakers, transcript and notes (participants separately). */
export async function insertDemoMeeting(ex: Executor, r: DemoMeetingRows): Promise<void> {
  const m = r.meeting;
  await ex
    .insertInto('meeting')
    .values({
      id: m.id,
      organisation_id: m.organisationId,
      body_id: m.bodyId,
      kind: m.kind,
      title: m.title,
      starts_at: m.startsAt,
      ends_at: null,
      place: m.place,
      status: 'closed',
      hall_code: m.hallCode,
      notice: null,
      notice_sent_at: null,
      opened_at: m.openedAt,
      closed_at: m.closedAt,
      current_item_id: null,
      convened_by: m.convenedBy,
    })
    .execute();
  await ex
    .insertInto('agenda_item')
    .values(
      r.items.map((i) => ({
        id: i.id,
        meeting_id: m.id,
        position: i.position,
        title: i.title,
        reporter_person_id: i.reporterPersonId,
        reporter_name: null,
        documents: '[]',
        status: 'done',
        started_at: i.start,
        ended_at: i.end,
      })),
    )
    .execute();
  if (r.roles.length)
    await ex
      .insertInto('meeting_role')
      .values(
        r.roles.map((x) => ({
          meeting_id: m.id,
          person_id: x.personId,
          role: x.role,
          how: x.how,
          assigned_at: new Date(m.openedAt),
        })),
      )
      .execute();
  if (r.floor.length)
    await ex
      .insertInto('speaker_request')
      .values(
        r.floor.map((f) => ({
          id: f.id,
          meeting_id: m.id,
          agenda_item_id: f.itemId,
          person_id: f.personId,
          kind: f.kind,
          status: 'done',
          position: f.position,
          limit_seconds: f.limitSeconds,
          requested_at: new Date(f.start),
          started_at: f.start,
          ended_at: f.end,
        })),
      )
      .execute();
  if (r.transcript.length)
    await ex
      .insertInto('transcript_entry')
      .values(
        r.transcript.map((t) => ({
          id: t.id,
          meeting_id: m.id,
          agenda_item_id: t.itemId,
          seq: t.seq,
          kind: t.kind,
          speaker_person_id: t.personId,
          speaker_label: t.label,
          text: t.text,
          created_by: null,
          created_at: new Date(t.at),
          updated_at: new Date(t.at),
        })),
      )
      .execute();
  if (r.notes.length)
    await ex
      .insertInto('question_note')
      .values(
        r.notes.map((n) => ({
          id: n.id,
          meeting_id: m.id,
          agenda_item_id: n.itemId,
          addressed_to: 'speaker',
          speaker_person_id: null,
          text: n.text,
          token_hash: n.tokenHash,
          signed_by: n.signedBy,
          received_minute: n.minute,
          group_label: null,
          status: n.status,
          answer: n.answer,
          answered_at: n.answeredAt,
          answer_entry_id: n.answerEntryId,
        })),
      )
      .execute();
}

/**
 * The entitled as participants in one INSERT … SELECT — members (voting) and candidates (consultative) registered
 * in the subtree, or the body's office holders — with `presentPercent` of them checked in (by a hash of the
 * person's id; `mustAttend` always) and their arrivals recorded. Returns the voting participants present.
 */
export async function insertDemoParticipants(
  ex: Executor,
  p: {
    meetingId: string;
    organisationId: string;
    source: { kind: 'subtree'; path: string } | { kind: 'offices'; bodyId: string };
    presentPercent: number;
    checkedInAt: string;
    salt: string;
    /** Always present when entitled (the speakers, the chair). */
    mustAttend: string[];
  },
): Promise<number> {
  const source =
    p.source.kind === 'subtree'
      ? sql`select p.id as person_id, case when p.status = 'member' then 'voting' else 'consultative' end as voice
          from person p join body b on b.id = p.body_id
          where p.organisation_id = ${p.organisationId} and p.status in ('member', 'candidate')
            and b.path <@ ${p.source.path}::ltree`
      : sql`select distinct o.person_id, 'voting' as voice from office o
          where o.body_id = ${p.source.bodyId} and o.ends_on is null`;
  await sql`insert into meeting_participant (meeting_id, person_id, voice, code, present, checked_in_at)
    select ${p.meetingId}, s.person_id, s.voice,
      translate(upper(substr(md5(s.person_id::text || ${p.salt}), 1, 8)), '01', 'XY'),
      h.present, case when h.present then ${p.checkedInAt}::timestamptz end
    from (${source}) s
      cross join lateral (select s.person_id = any(${p.mustAttend}::uuid[])
        or abs(hashtext(s.person_id::text || ${p.salt})) % 100 < ${p.presentPercent} as present) h`.execute(ex);
  await sql`insert into attendance_event (meeting_id, person_id, kind, method, at)
    select meeting_id, person_id, 'in', 'code', checked_in_at from meeting_participant
    where meeting_id = ${p.meetingId} and present`.execute(ex);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from meeting_participant
    where meeting_id = ${p.meetingId} and present and voice = 'voting'`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

export interface DirectionSetting {
  city: { id: string; path: string; secretary: string };
  districts: { id: string; path: string; name: string; secretary: string }[];
  primaries: { id: string; path: string; district_id: string; members: number; secretary: string | null }[];
  /** accounts kept for the browser journey: their organisations report nothing yet */
  journeyBodies: string[];
}

/** The bodies and secretaries the demo's directives and reports need (read after the organisation is loaded). */
export async function directionSetting(ex: Executor, organisationId: string): Promise<DirectionSetting | null> {
  const { rows: city } = await sql<{ id: string; path: string; secretary: string }>`
    select b.id, b.path::text as path, o.person_id as secretary from account a
      join office o on o.person_id = a.person_id and o.title = 'secretary'
      join body b on b.id = o.body_id and b.kind = 'city_committee'
    where a.login = 'city.secretary' and b.organisation_id = ${organisationId} limit 1`.execute(ex);
  if (!city[0]) return null;
  const { rows: districts } = await sql<{ id: string; path: string; name: string; secretary: string }>`
    select b.id, b.path::text as path, b.name, min(o.person_id::text)::uuid as secretary from body b
      join office o on o.body_id = b.id and o.title = 'secretary'
    where b.parent_id = ${city[0].id} and b.kind = 'district_committee'
    group by b.id, b.path, b.name order by b.name`.execute(ex);
  const { rows: primaries } = await sql<{
    id: string;
    path: string;
    district_id: string;
    members: number;
    secretary: string | null;
  }>`
    select b.id, b.path::text as path, b.parent_id as district_id,
           coalesce((select sum(h.n) from body_headcount h where h.body_id = b.id), 0)::int as members,
           (select min(o.person_id::text)::uuid from office o where o.body_id = b.id and o.title = 'secretary') as secretary
    from body b join body d on d.id = b.parent_id and d.parent_id = ${city[0].id}
    where b.kind = 'primary_organisation' order by b.id`.execute(ex);
  const { rows: journey } = await sql<{ id: string }>`
    select o.body_id as id from account a join office o on o.person_id = a.person_id and o.title = 'secretary'
    where a.login in ('putilov.secretary', 'kirovsky.po2.secretary', 'kirovsky.po3.secretary')`.execute(ex);
  return { city: city[0], districts, primaries, journeyBodies: journey.map((j) => j.id) };
}

/** Dues collected per primary organisation in one month (roubles). */
export async function duesOfMonth(ex: Executor, organisationId: string, month: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ body_id: string; amount_minor: string }>`
    select t.body_id, t.amount_minor::text as amount_minor from dues_body_month t join body b on b.id = t.body_id
    where t.organisation_id = ${organisationId} and t.month = ${month} and b.kind = 'primary_organisation'`.execute(ex);
  return new Map(rows.map((r) => [r.body_id, Number(r.amount_minor) / 100]));
}
