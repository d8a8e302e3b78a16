// SQL of the organisation area, writes and single-row lookups. Tree rewrites are single UPDATEs
// over a materialised-path subtree (ltree subpath and ||).
import { sql } from 'kysely';
import type { BodyStatus } from '../../contracts/organisation.js';
import type { BodyKind } from '../../contracts/statute.js';
import type { Executor } from '../../platform/db/executor.js';

export interface BodyRow {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: BodyKind;
  name: string;
  name_ru: string | null;
  enterprise_id: string | null;
  primary_id: string | null;
  region_id: string | null;
  status: BodyStatus;
  merged_into: string | null;
}

export const bodyColumns = [
  'id',
  'organisation_id',
  'parent_id',
  'path',
  'depth',
  'kind',
  'name',
  'name_ru',
  'enterprise_id',
  'primary_id',
  'region_id',
  'status',
  'merged_into',
] as const;

export async function findBody(db: Executor, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('body').select(bodyColumns).where('id', '=', id).executeTakeFirst();
}

/** Locks the body row for the rest of the transaction (serialises tree changes on one body). */
export async function lockBody(db: Executor, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('body').select(bodyColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findBodiesByName(db: Executor, organisationId: string, name: string): Promise<BodyRow[]> {
  return db
    .selectFrom('body')
    .select(bodyColumns)
    .where('organisation_id', '=', organisationId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .where('status', '=', 'active')
    .limit(10)
    .execute();
}

export async function findBodyByPath(db: Executor, organisationId: string, path: string): Promise<BodyRow | undefined> {
  return db
    .selectFrom('body')
    .select(bodyColumns)
    .where('organisation_id', '=', organisationId)
    .where(sql<boolean>`path = ${path}::ltree`)
    .executeTakeFirst();
}

export async function insertBody(db: Executor, row: Omit<BodyRow, 'status' | 'merged_into'>): Promise<void> {
  await db.insertInto('body').values(row).execute();
}

export async function updateBodyName(db: Executor, id: string, name: string, nameRu: string | null): Promise<void> {
  await db.updateTable('body').set({ name, name_ru: nameRu }).where('id', '=', id).execute();
}

/** Persons of the organisation among `ids`, with the path of the body they are registered in. */
export async function findPersonsWithPath(db: Executor, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person as p')
    .leftJoin('body as b', 'b.id', 'p.body_id')
    .select(['p.id', 'p.status', 'b.path as bodyPath'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', 'in', ids)
    .execute();
}

export async function findPerson(db: Executor, organisationId: string, id: string) {
  return db
    .selectFrom('person')
    .select(['id', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves the subtree rooted at `bodyId` (path `oldPath`) under a new parent: path, depth,
 * parent_id, region_id and — for shop cells and party groups leaving their primary
 * organisation — primary_id, in one UPDATE.
 */
export async function rewriteSubtreeForMove(
  db: Executor,
  a: {
    bodyId: string;
    oldPath: string;
    newParentId: string;
    newParentPath: string;
    oldPrimary: string | null;
    newPrimary: string | null;
  },
): Promise<void> {
  await sql`
    update body b set
      path = n.np,
      depth = nlevel(n.np),
      region_id = case when nlevel(n.np) >= 2 then ltree2text(subpath(n.np, 1, 1))::uuid end,
      parent_id = case when b.id = ${a.bodyId}::uuid then ${a.newParentId}::uuid else b.parent_id end,
      primary_id = case
        when ${a.oldPrimary}::uuid is not null and b.kind in ('shop_cell', 'party_group') and b.primary_id = ${a.oldPrimary}::uuid
        then ${a.newPrimary}::uuid else b.primary_id end
    from (
      select id, ${a.newParentPath}::ltree || subpath(path, nlevel(${a.oldPath}::ltree) - 1) as np
      from body where path <@ ${a.oldPath}::ltree
    ) n
    where b.id = n.id`.execute(db);
}

/** Re-parents everything below `source` under `target`, rewriting paths and derived columns. */
export async function rewriteSubtreeForMerge(
  db: Executor,
  a: {
    sourceId: string;
    sourcePath: string;
    targetId: string;
    targetPath: string;
    oldPrimary: string | null;
    newPrimary: string | null;
  },
): Promise<void> {
  await sql`
    update body b set
      path = n.np,
      depth = nlevel(n.np),
      region_id = case when nlevel(n.np) >= 2 then ltree2text(subpath(n.np, 1, 1))::uuid end,
      parent_id = case when b.parent_id = ${a.sourceId}::uuid then ${a.targetId}::uuid else b.parent_id end,
      primary_id = case
        when ${a.oldPrimary}::uuid is not null and b.primary_id = ${a.oldPrimary}::uuid
        then ${a.newPrimary}::uuid else b.primary_id end
    from (
      select id, ${a.targetPath}::ltree || subpath(path, nlevel(${a.sourcePath}::ltree)) as np
      from body where path <@ ${a.sourcePath}::ltree and id <> ${a.sourceId}::uuid
    ) n
    where b.id = n.id`.execute(db);
}

export async function closeBody(
  db: Executor,
  id: string,
  status: 'dissolved' | 'merged',
  mergedInto: string | null,
): Promise<void> {
  await db
    .updateTable('body')
    .set({ status, merged_into: mergedInto, closed_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Members and candidates registered anywhere in the subtree at `path`. */
export async function countRegistered(db: Executor, path: string): Promise<{ members: number; candidates: number }> {
  const r = await sql<{ members: number; candidates: number }>`
    select count(*) filter (where p.status = 'member')::int as members,
           count(*) filter (where p.status = 'candidate')::int as candidates
    from body d join person p on p.body_id = d.id
    where d.path <@ ${path}::ltree and p.status in ('member', 'candidate')`.execute(db);
  return r.rows[0] ?? { members: 0, candidates: 0 };
}

export async function countActiveChildren(db: Executor, id: string): Promise<number> {
  const r = await db
    .selectFrom('body')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

export interface RootBodyRow {
  id: string;
  organisation_id: string;
  path: string;
  kind: BodyKind;
  name: string;
  name_ru: string | null;
}

/** The root body of a new organisation (path = its own label, depth 1, no region). */
export async function insertRootBody(db: Executor, row: RootBodyRow): Promise<void> {
  await db
    .insertInto('body')
    .values({ ...row, parent_id: null, depth: 1, enterprise_id: null, primary_id: null, region_id: null })
    .execute();
}
