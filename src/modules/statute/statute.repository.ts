// SQL of the statute area: organisations and statute versions (the root body created with an organisation is
// written by the organisation module: body-rows.service.ts).
import type { Executor } from '../../platform/db/executor.js';

export interface StatuteVersionRow {
  id: string;
  organisation_id: string;
  version: number;
  preset: string;
  effective_from: string;
  adopted_by: string;
  rules: unknown;
}

const versionColumns = ['id', 'organisation_id', 'version', 'preset', 'effective_from', 'adopted_by', 'rules'] as const;

export async function findOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'name_ru']).where('id', '=', id).executeTakeFirst();
}

/** Locks the organisation row so that version numbers are assigned one at a time. */
export async function lockOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisation').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertOrganisation(db: Executor, row: { id: string; name: string; name_ru: string | null }) {
  await db.insertInto('organisation').values(row).execute();
}

/** The id of the version in force on `onDate` (the rules are read apart, only when not already known). */
export async function versionIdInForce(db: Executor, organisationId: string, onDate: string) {
  return db
    .selectFrom('statute_version')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function versionById(db: Executor, id: string): Promise<StatuteVersionRow | undefined> {
  const row = await db.selectFrom('statute_version').select(versionColumns).where('id', '=', id).executeTakeFirst();
  return row as StatuteVersionRow | undefined;
}

export async function listVersions(db: Executor, organisationId: string): Promise<StatuteVersionRow[]> {
  const rows = await db
    .selectFrom('statute_version')
    .select(versionColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'asc')
    .execute();
  return rows as StatuteVersionRow[];
}

export async function latestVersion(db: Executor, organisationId: string): Promise<StatuteVersionRow | undefined> {
  const row = await db
    .selectFrom('statute_version')
    .select(versionColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row as StatuteVersionRow | undefined;
}

export async function insertVersion(db: Executor, row: Omit<StatuteVersionRow, 'rules'> & { rules: string }) {
  await db.insertInto('statute_version').values(row).execute();
}

export async function rootKinds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('body')
    .select('kind')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.kind);
}

export async function insertOutbox(db: Executor, topic: string, payload: unknown) {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
