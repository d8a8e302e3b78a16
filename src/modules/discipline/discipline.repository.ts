// SQL of discipline cases, penalties, appeals and the person facts decisions read (their effects are written
// through person-rows.service.ts; shared with reviews).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { ActKind, AppealLevel, AppealState, CaseOutcome, CaseState } from '../../contracts/discipline.js';
import type { PersonRecord } from './rules/penalties.js';

export interface PersonFacts extends PersonRecord {
  id: string;
  organisationId: string;
  name: string;
  bodyPath: string | null;
  primaryId: string | null;
  primaryPath: string | null;
}

export async function personFacts(ex: Executor, id: string, forUpdate = false): Promise<PersonFacts | null> {
  const r = await sql<{
    id: string;
    organisation_id: string;
    name: string;
    status: PersonRecord['status'];
    body_id: string | null;
    card_number: string | null;
    candidate_since: string | null;
    left_on: string | null;
    left_reason: string | null;
    last_body_id: string | null;
    body_path: string | null;
    primary_id: string | null;
    primary_path: string | null;
  }>`
    select p.id, p.organisation_id, p.family_name || ' ' || p.given_name as name, p.status, p.body_id,
           p.card_number, p.candidate_since, p.left_on, p.left_reason, p.last_body_id,
           b.path::text as body_path, b.primary_id, pr.path::text as primary_path
    from person p
    left join body b on b.id = p.body_id
    left join body pr on pr.id = b.primary_id
    where p.id = ${id}
    ${forUpdate ? sql`for update of p` : sql``}`.execute(ex);
  const x = r.rows[0];
  if (!x) return null;
  return {
    id: x.id,
    organisationId: x.organisation_id,
    name: x.name,
    status: x.status,
    bodyId: x.body_id,
    cardNumber: x.card_number,
    candidateSince: x.candidate_since,
    leftOn: x.left_on,
    leftReason: x.left_reason,
    lastBodyId: x.last_body_id,
    bodyPath: x.body_path,
    primaryId: x.primary_id,
    primaryPath: x.primary_path,
  };
}

export interface BodyLite {
  id: string;
  path: string;
  name: string;
  kind: string;
}

export async function bodyLite(ex: Executor, id: string): Promise<(BodyLite & { organisationId: string }) | null> {
  const r = await sql<BodyLite & { organisation_id: string }>`
    select id, path::text as path, name, kind, organisation_id from body where id = ${id}`.execute(ex);
  const x = r.rows[0];
  return x ? { id: x.id, path: x.path, name: x.name, kind: x.kind, organisationId: x.organisation_id } : null;
}

/** The nearest ancestor committee (strictly above `path`) of one of `kinds`. */
export async function nearestAncestorOfKinds(ex: Executor, path: string, kinds: string[]): Promise<BodyLite | null> {
  if (kinds.length === 0) return null;
  const r = await sql<BodyLite>`
    select id, path::text as path, name, kind from body
    where path @> ${path}::ltree and path <> ${path}::ltree and kind in (${sql.join(kinds)}) and status = 'active'
    order by depth desc limit 1`.execute(ex);
  return r.rows[0] ?? null;
}

/** The control commission under the nearest committee at or above `path` that has one (else none). */
export async function nearestControlCommission(ex: Executor, path: string): Promise<BodyLite | null> {
  const r = await sql<BodyLite>`
    select cc.id, cc.path::text as path, cc.name, cc.kind from body cc
    join body p on p.id = cc.parent_id
    where cc.kind = 'control_commission' and cc.status = 'active' and p.path @> ${path}::ltree
    order by p.depth desc limit 1`.execute(ex);
  return r.rows[0] ?? null;
}

export async function writeOutbox(ex: Executor, topic: string, payload: unknown): Promise<void> {
  await ex
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

// ---- cases

const caseColumns = sql`
  c.id, c.organisation_id, c.person_id, p.family_name || ' ' || p.given_name as person_name,
  p.name_ru as person_name_ru, c.primary_id, pr.name as primary_name, pr.name_ru as primary_name_ru, pr.path::text as primary_path, c.charged_by, c.charged_on, c.charge, c.notified_on,
  c.answer, c.answered_on, c.heard_on, c.hearing_notes, c.state, c.decided_on, c.outcome, c.decision_id, c.prior,
  d.reasons, d.votes_for, d.votes_against, d.votes_abstained,
  (select pe.id from penalty pe where pe.act_id = c.id limit 1) as penalty_id`;

export interface CaseRow {
  id: string;
  organisation_id: string;
  person_id: string;
  person_name: string;
  person_name_ru: string | null;
  primary_id: string;
  primary_name: string;
  primary_name_ru: string | null;
  primary_path: string;
  charged_by: string | null;
  charged_on: string;
  charge: string;
  notified_on: string;
  answer: string | null;
  answered_on: string | null;
  heard_on: string | null;
  hearing_notes: string | null;
  state: CaseState;
  decided_on: string | null;
  outcome: CaseOutcome | null;
  decision_id: string | null;
  prior: unknown;
  reasons: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstained: number | null;
  penalty_id: string | null;
}

export async function findCase(ex: Executor, id: string, forUpdate = false): Promise<CaseRow | null> {
  if (forUpdate) await sql`select id from discipline_case where id = ${id} for update`.execute(ex);
  const r = await sql<CaseRow>`
    select ${caseColumns} from discipline_case c
    join person p on p.id = c.person_id
    join body pr on pr.id = c.primary_id
    left join decision d on d.id = c.decision_id
    where c.id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function listCases(
  ex: Executor,
  f: { organisationId: string; within?: string; personId?: string; states: string[] },
): Promise<CaseRow[]> {
  const r = await sql<CaseRow>`
    select ${caseColumns} from discipline_case c
    join person p on p.id = c.person_id
    join body pr on pr.id = c.primary_id
    left join decision d on d.id = c.decision_id
    where c.organisation_id = ${f.organisationId} and c.state in (${sql.join(f.states)})
    ${f.within ? sql`and pr.path <@ ${f.within}::ltree` : sql``}
    ${f.personId ? sql`and c.person_id = ${f.personId}` : sql``}
    order by c.charged_on, c.id limit 500`.execute(ex);
  return r.rows;
}

export async function insertCase(
  ex: Executor,
  row: {
    id: string;
    organisation_id: string;
    person_id: string;
    primary_id: string;
    charged_by: string;
    charged_on: string;
    charge: string;
    notified_on: string;
  },
): Promise<void> {
  await ex
    .insertInto('discipline_case')
    .values({ ...row, state: 'charged' })
    .execute();
}

/** Moves a case from `from` to `to` with the given fields; false when it was no longer in `from`. */
export async function updateCase(
  ex: Executor,
  id: string,
  from: CaseState,
  set: {
    state: CaseState;
    answer?: string;
    answered_on?: string;
    heard_on?: string;
    hearing_notes?: string;
    decided_on?: string;
    outcome?: CaseOutcome;
    decision_id?: string;
    prior?: string | null;
  },
): Promise<boolean> {
  const r = await ex
    .updateTable('discipline_case')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .execute();
  return r.length === 1;
}

// ---- penalties

export interface PenaltyRow {
  id: string;
  organisation_id: string;
  person_id: string;
  act_kind: ActKind;
  act_id: string;
  kind: string;
  imposed_on: string;
  expires_on: string | null;
  with_record: boolean;
  lifted_on: string | null;
  lift_reason: string | null;
  annulled_on: string | null;
}

export async function insertPenalty(ex: Executor, row: Omit<PenaltyRow, 'lifted_on' | 'lift_reason' | 'annulled_on'>) {
  await ex.insertInto('penalty').values(row).execute();
}

export async function findPenalty(ex: Executor, id: string): Promise<PenaltyRow | null> {
  return (await ex.selectFrom('penalty').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function penaltyOfAct(ex: Executor, actId: string): Promise<PenaltyRow | null> {
  return (await ex.selectFrom('penalty').selectAll().where('act_id', '=', actId).executeTakeFirst()) ?? null;
}

export async function penaltiesOf(ex: Executor, personId: string): Promise<PenaltyRow[]> {
  return ex.selectFrom('penalty').selectAll().where('person_id', '=', personId).orderBy('imposed_on', 'desc').execute();
}

export async function liftPenalty(ex: Executor, id: string, on: string, reason: string): Promise<boolean> {
  const r = await ex
    .updateTable('penalty')
    .set({ lifted_on: on, lift_reason: reason })
    .where('id', '=', id)
    .where('lifted_on', 'is', null)
    .where('annulled_on', 'is', null)
    .returning('id')
    .execute();
  return r.length === 1;
}

export async function annulPenaltiesOfAct(ex: Executor, actId: string, on: string): Promise<void> {
  await ex.updateTable('penalty').set({ annulled_on: on }).where('act_id', '=', actId).execute();
}

// ---- appeals

export interface AppealRow {
  id: string;
  organisation_id: string;
  act_kind: ActKind;
  act_id: string;
  person_id: string;
  person_name: string;
  person_name_ru: string | null;
  level: AppealLevel;
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  body_path: string;
  body_kind: string;
  parent_appeal_id: string | null;
  lodged_on: string;
  deadline: string;
  reasons: string;
  state: AppealState;
  decided_on: string | null;
  decision_reasons: string | null;
}

const appealColumns = sql`
  a.id, a.organisation_id, a.act_kind, a.act_id, a.person_id, p.family_name || ' ' || p.given_name as person_name,
  p.name_ru as person_name_ru, a.level, a.body_id, b.name as body_name, b.name_ru as body_name_ru, b.path::text as body_path, b.kind as body_kind, a.parent_appeal_id, a.lodged_on, a.deadline,
  a.reasons, a.state, a.decided_on, a.decision_reasons`;

export async function findAppeal(ex: Executor, id: string, forUpdate = false): Promise<AppealRow | null> {
  const r = await sql<AppealRow>`
    select ${appealColumns} from appeal a join person p on p.id = a.person_id join body b on b.id = a.body_id
    where a.id = ${id} ${forUpdate ? sql`for update of a` : sql``}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function appealsOfAct(ex: Executor, actId: string): Promise<AppealRow[]> {
  const r = await sql<AppealRow>`
    select ${appealColumns} from appeal a join person p on p.id = a.person_id join body b on b.id = a.body_id
    where a.act_id = ${actId} order by a.lodged_on, a.created_at`.execute(ex);
  return r.rows;
}

export async function pendingAppealsFor(ex: Executor, bodyId: string): Promise<AppealRow[]> {
  const r = await sql<AppealRow>`
    select ${appealColumns} from appeal a join person p on p.id = a.person_id join body b on b.id = a.body_id
    where a.body_id = ${bodyId} and a.state = 'pending' order by a.lodged_on, a.created_at limit 500`.execute(ex);
  return r.rows;
}

export async function insertAppeal(
  ex: Executor,
  row: {
    id: string;
    organisation_id: string;
    act_kind: ActKind;
    act_id: string;
    person_id: string;
    level: AppealLevel;
    body_id: string;
    parent_appeal_id: string | null;
    lodged_on: string;
    deadline: string;
    reasons: string;
  },
): Promise<void> {
  await ex.insertInto('appeal').values(row).execute();
}

export async function decideAppealRow(
  ex: Executor,
  id: string,
  set: { state: AppealState; decided_on: string; decision_reasons: string; decision_id: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('appeal')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returning('id')
    .execute();
  return r.length === 1;
}
