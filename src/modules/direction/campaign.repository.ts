// SQL of campaigns (ADR 0027 §8–9): the campaign of a directive, each body's meeting and its outcome, the meetings
// counted per frozen node (striped as round_progress), and the ticker's reminders and escalations.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { CampaignMeetingTable, CampaignTable } from '../../platform/db/schema-direction.js';

export type CampaignMeetingRow = Selectable<CampaignMeetingTable>;

export interface CampaignView {
  id: string;
  directive_id: string;
  round_id: string;
  organisation_id: string;
  issuer_body_id: string;
  title: string;
  title_ru: string;
  meet_by: string;
  meeting_kind: string;
  item_title: string;
  item_title_ru: string;
}

export async function insertCampaign(ex: Executor, row: Insertable<CampaignTable>): Promise<void> {
  await ex.insertInto('campaign').values(row).execute();
}

const CAMPAIGN = sql`
  select c.id, c.directive_id, r.id as round_id, d.organisation_id, d.issuer_body_id, d.title, d.title_ru,
         c.meet_by::text as meet_by, c.meeting_kind, c.item_title, c.item_title_ru
  from campaign c join directive d on d.id = c.directive_id join direction_round r on r.directive_id = d.id`;

export async function findCampaign(ex: Executor, id: string): Promise<CampaignView | null> {
  const r = await sql<CampaignView>`${CAMPAIGN} where c.id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function campaignOfRound(ex: Executor, roundId: string): Promise<CampaignView | null> {
  const r = await sql<CampaignView>`${CAMPAIGN} where r.id = ${roundId}`.execute(ex);
  return r.rows[0] ?? null;
}

/** The body's meeting of the campaign that is not cancelled (at most one). */
export async function liveMeeting(
  ex: Executor,
  campaignId: string,
  bodyId: string,
): Promise<CampaignMeetingRow | null> {
  return (
    (await ex
      .selectFrom('campaign_meeting')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('body_id', '=', bodyId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

/** A meeting's campaign record with its round, locked (one indexed miss for a meeting of no campaign). */
export async function lockByMeeting(
  ex: Executor,
  meetingId: string,
): Promise<(CampaignMeetingRow & { round_id: string }) | null> {
  const r = await sql<CampaignMeetingRow & { round_id: string }>`
    select cm.*, r.id as round_id
    from campaign_meeting cm join campaign c on c.id = cm.campaign_id join direction_round r on r.directive_id = c.directive_id
    where cm.meeting_id = ${meetingId} and cm.cancelled_at is null
    for update of cm`.execute(ex);
  return r.rows[0] ?? null;
}

export async function insertMeeting(ex: Executor, row: Insertable<CampaignMeetingTable>): Promise<void> {
  await ex.insertInto('campaign_meeting').values(row).execute();
}

export async function updateMeeting(
  ex: Executor,
  meetingId: string,
  set: Partial<{
    held_at: Date;
    present: number;
    entitled: number;
    quorate: boolean;
    protocol_at: Date;
    cancelled_at: Date;
  }>,
): Promise<void> {
  await ex.updateTable('campaign_meeting').set(set).where('meeting_id', '=', meetingId).execute();
}

export interface CampaignProgressDelta {
  body_id: string;
  stripe: number;
  convened: number;
  held: number;
  quorate: number;
  protocols: number;
}

/** Adds meeting counts to a node and its frozen ancestors in one statement, rows taken in key order. */
export async function applyCampaignProgress(
  ex: Executor,
  roundId: string,
  rows: CampaignProgressDelta[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into campaign_progress as p (round_id, body_id, stripe, convened, held, quorate, protocols)
    select ${roundId}::uuid, t.body_id, t.stripe, t.convened, t.held, t.quorate, t.protocols
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as t(body_id uuid, stripe int, convened int, held int, quorate int, protocols int)
    order by t.body_id, t.stripe
    on conflict (round_id, body_id, stripe) do update set
      convened = p.convened + excluded.convened, held = p.held + excluded.held,
      quorate = p.quorate + excluded.quorate, protocols = p.protocols + excluded.protocols`.execute(ex);
}

export interface CampaignProgressSum {
  body_id: string;
  convened: number;
  held: number;
  quorate: number;
  protocols: number;
}

/** Meetings of nodes' subtrees (themselves included): the stripes added. */
export async function campaignProgressOf(
  ex: Executor,
  roundId: string,
  bodyIds: string[],
): Promise<CampaignProgressSum[]> {
  if (bodyIds.length === 0) return [];
  const r = await sql<CampaignProgressSum>`
    select body_id, sum(convened)::int as convened, sum(held)::int as held, sum(quorate)::int as quorate,
           sum(protocols)::int as protocols
    from campaign_progress where round_id = ${roundId} and body_id = any(${bodyIds}::uuid[]) group by body_id`.execute(
    ex,
  );
  return r.rows;
}

/**
 * Rebuilds a round's meeting counts from its campaign's meetings not cancelled (each counts once convened, and once
 * more in each of held, quorate, protocol approved), as the assemblies' listener keeps them: the node's own row
 * (stripe -1), and at each frozen ancestor of depth d the stripe of the node's stored stripe modulo
 * direction_stripes(d). A round without a campaign has none.
 */
export async function recomputeCampaignProgress(ex: Executor, roundId: string, issuerDepth: number): Promise<void> {
  await sql`delete from campaign_progress where round_id = ${roundId}`.execute(ex);
  await sql`
    insert into campaign_progress (round_id, body_id, stripe, convened, held, quorate, protocols)
    select ${roundId}, subpath(x.path, d - 1, 1)::text::uuid,
           case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
           count(*)::int,
           count(*) filter (where m.held_at is not null)::int,
           count(*) filter (where m.quorate)::int,
           count(*) filter (where m.protocol_at is not null)::int
    from direction_round r
    join campaign c on c.directive_id = r.directive_id
    join campaign_meeting m on m.campaign_id = c.id and m.cancelled_at is null
    join round_body x on x.round_id = r.id and x.body_id = m.body_id
    cross join generate_series(${issuerDepth}::int, x.depth) d
    where r.id = ${roundId}
    group by 2, 3`.execute(ex);
}

/** A round's stored meeting counts (rows that count something), for comparing with a recomputation. */
export async function storedCampaignProgress(ex: Executor, roundId: string): Promise<unknown[]> {
  const r = await sql`
    select body_id, stripe, convened, held, quorate, protocols from campaign_progress
    where round_id = ${roundId} and (convened <> 0 or held <> 0 or quorate <> 0 or protocols <> 0)
    order by 1, 2`.execute(ex);
  return r.rows;
}

// ---------------------------------------------------------------- the ticker's notices

/** Only one ticker works at a time across processes (released at the transaction's end). */
export async function tryTickerLock(ex: Executor): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(27027009) as ok`.execute(ex);
  return r.rows[0]?.ok === true;
}

/**
 * Reminders to addressees that have not reported, within `days` before their due date: one per round and body,
 * whatever the number of ticks. Rounds still due and not expired only.
 */
export async function insertReminders(ex: Executor, now: Date, days: number): Promise<number> {
  const until = new Date(now.getTime() + days * 86_400_000);
  const r = await sql`
    insert into direction_notice (round_id, body_id, kind, to_body_id, at)
    select rb.round_id, rb.body_id, 'reminder', rb.body_id, ${now}
    from direction_round r join round_body rb on rb.round_id = r.id
    where r.due_at > ${now} and r.expires_at > ${now}
      and rb.addressed and rb.first_submitted_at is null and rb.excused_at is null
      and rb.due_at > ${now} and rb.due_at <= ${until}
    on conflict do nothing`.execute(ex);
  return Number(r.numAffectedRows ?? 0);
}

/** Escalations to the frozen parent of each addressee overdue without a report: one per round and body. */
export async function insertEscalations(ex: Executor, now: Date): Promise<number> {
  const r = await sql`
    insert into direction_notice (round_id, body_id, kind, to_body_id, at)
    select rb.round_id, rb.body_id, 'escalation', rb.parent_id, ${now}
    from direction_round r join round_body rb on rb.round_id = r.id
    where r.expires_at > ${now} and r.frozen_at < ${now}
      and rb.addressed and rb.first_submitted_at is null and rb.excused_at is null
      and rb.due_at < ${now} and rb.parent_id is not null
    on conflict do nothing`.execute(ex);
  return Number(r.numAffectedRows ?? 0);
}

export interface NoticeRow {
  round_id: string;
  body_id: string;
  name: string;
  name_ru: string | null;
  kind: 'reminder' | 'escalation' | 'discrepancy';
  title: string;
  title_ru: string;
  due_at: Date;
  at: Date;
}

/** Notices to a body, newest first. */
export async function noticesTo(ex: Executor, bodyId: string, limit = 500): Promise<NoticeRow[]> {
  const r = await sql<NoticeRow>`
    select n.round_id, n.body_id, b.name, b.name_ru, n.kind,
           coalesce(d.title, f.name, '') as title, coalesce(d.title_ru, f.name_ru, '') as title_ru, rb.due_at, n.at
    from direction_notice n
    join body b on b.id = n.body_id
    join round_body rb on rb.round_id = n.round_id and rb.body_id = n.body_id
    join direction_round r on r.id = n.round_id
    left join directive d on d.id = r.directive_id
    left join report_form f on f.id = r.form_id
    where n.to_body_id = ${bodyId}
    order by n.at desc, n.body_id limit ${limit}`.execute(ex);
  return r.rows;
}
