// SQL of the organisation area: lists and aggregates over the tree (subtree and ancestor
// queries on the materialised path).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { BodyRow } from './organisation.repository.js';

export interface BodyListRow extends BodyRow {
  child_count: number;
  members: number;
  candidates: number;
}

const cols = sql.raw(
  'b.id, b.organisation_id, b.parent_id, b.path::text as path, b.depth, b.kind, b.name, b.name_ru, b.enterprise_id, b.primary_id, b.region_id, b.status, b.merged_into',
);

/** Active bodies matching `where`, each with its active child count and registered members in its subtree. */
async function listWithCounts(db: Executor, where: ReturnType<typeof sql>): Promise<BodyListRow[]> {
  const r = await sql<BodyListRow>`
    select ${cols}, cc.n as child_count, mc.members, mc.candidates
    from body b
    left join lateral (
      select count(*)::int as n from body c where c.parent_id = b.id and c.status = 'active'
    ) cc on true
    left join lateral (
      select count(*) filter (where p.status = 'member')::int as members,
             count(*) filter (where p.status = 'candidate')::int as candidates
      from body d join person p on p.body_id = d.id
      where d.path <@ b.path and p.status in ('member', 'candidate')
    ) mc on true
    where b.status = 'active' and ${where}
    order by b.kind, b.name
    limit 5000`.execute(db);
  return r.rows;
}

export function roots(db: Executor, organisationId: string): Promise<BodyListRow[]> {
  return listWithCounts(db, sql`b.organisation_id = ${organisationId}::uuid and b.parent_id is null`);
}

export function children(db: Executor, parentId: string): Promise<BodyListRow[]> {
  return listWithCounts(db, sql`b.parent_id = ${parentId}::uuid`);
}

/** Ancestors of a body, root first, in one query on the path. */
export async function ancestors(db: Executor, path: string) {
  const r = await sql<{ id: string; kind: string; name: string; name_ru: string | null; path: string; depth: number }>`
    select id, kind, name, name_ru, path::text as path, depth from body
    where path @> ${path}::ltree and path <> ${path}::ltree
    order by depth`.execute(db);
  return r.rows;
}

/** Active primary organisations in the subtree whose size is below `min`. */
export async function belowMinimum(
  db: Executor,
  path: string,
  min: number,
  candidatesCount: boolean,
): Promise<BodyListRow[]> {
  const r = await sql<BodyListRow>`
    select ${cols}, 0 as child_count, coalesce(s.members, 0)::int as members, coalesce(s.candidates, 0)::int as candidates
    from body b
    left join (
      select d.primary_id,
             count(*) filter (where p.status = 'member') as members,
             count(*) filter (where p.status = 'candidate') as candidates
      from body d join person p on p.body_id = d.id
      where d.path <@ ${path}::ltree and d.primary_id is not null and p.status in ('member', 'candidate')
      group by d.primary_id
    ) s on s.primary_id = b.id
    where b.path <@ ${path}::ltree and b.kind = 'primary_organisation' and b.status = 'active'
      and coalesce(s.members, 0) + (case when ${candidatesCount} then coalesce(s.candidates, 0) else 0 end) < ${min}
    order by b.name
    limit 5000`.execute(db);
  return r.rows;
}

/** Size of a primary organisation, counted through primary_id (it and its shop cells, party groups). */
export async function primarySize(db: Executor, primaryId: string): Promise<{ members: number; candidates: number }> {
  const r = await sql<{ members: number; candidates: number }>`
    select count(*) filter (where p.status = 'member')::int as members,
           count(*) filter (where p.status = 'candidate')::int as candidates
    from body d join person p on p.body_id = d.id
    where d.primary_id = ${primaryId}::uuid and p.status in ('member', 'candidate')`.execute(db);
  return r.rows[0] ?? { members: 0, candidates: 0 };
}

/** Bodies whose name starts with or contains `pattern` (already escaped, lower case), prefix matches first. */
export async function searchBodies(
  db: Executor,
  organisationId: string,
  pattern: string,
  limit: number,
  offset: number,
) {
  const contains = `%${pattern}%`;
  const prefix = `${pattern}%`;
  const [rows, total] = await Promise.all([
    sql<BodyRow>`
      select ${cols} from body b
      where b.organisation_id = ${organisationId}::uuid and b.status = 'active'
        and (lower(b.name) like ${contains} escape '\\' or lower(coalesce(b.name_ru, '')) like ${contains} escape '\\')
      order by (lower(b.name) like ${prefix} escape '\\' or lower(coalesce(b.name_ru, '')) like ${prefix} escape '\\') desc,
        (b.kind = 'primary_organisation') desc, b.name, b.id
      limit ${limit} offset ${offset}`.execute(db),
    sql<{ n: number }>`
      select count(*)::int as n from body b
      where b.organisation_id = ${organisationId}::uuid and b.status = 'active'
        and (lower(b.name) like ${contains} escape '\\' or lower(coalesce(b.name_ru, '')) like ${contains} escape '\\')`.execute(
      db,
    ),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
