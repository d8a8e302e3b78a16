// SQL shared by the ballot module's repositories: the electing body, the agenda item a decision is taken on, and
// the full members (not candidates) of a subtree (the norm of representation, the candidates an office admits,
// the delegates a body may send).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

export async function bodyRef(ex: Executor, bodyId: string) {
  return ex
    .selectFrom('body')
    .select(['id', 'organisation_id', 'path', 'name'])
    .where('id', '=', bodyId)
    .executeTakeFirst();
}

/** Full members (not candidates) registered in the subtree at `path`. */
export async function countFullMembers(ex: Executor, organisationId: string, path: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from person p join body b on b.id = p.body_id
    where p.organisation_id = ${organisationId} and p.status = 'member' and b.path <@ ${path}::ltree`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

/** True when the person is a full member of the organisation, registered in the subtree at `path` if given. */
export async function isFullMember(
  ex: Executor,
  organisationId: string,
  personId: string,
  path: string | null,
): Promise<boolean> {
  const within = path === null ? sql`true` : sql`b.path <@ ${path}::ltree`;
  const { rows } = await sql<{ ok: number }>`select 1 as ok from person p left join body b on b.id = p.body_id
    where p.id = ${personId} and p.organisation_id = ${organisationId} and p.status = 'member' and ${within}`.execute(
    ex,
  );
  return rows.length > 0;
}

/** True when the agenda item belongs to the meeting. */
export async function itemInMeeting(ex: Executor, meetingId: string, itemId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('agenda_item')
    .select('id')
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return !!row;
}
