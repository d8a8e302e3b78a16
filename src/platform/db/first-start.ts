// Database-wide tools of the first start (ADR 0018): one process at a time sets a database up, and a database left
// half set up by an interrupted first start is emptied whole before the next one begins.
import { sql } from 'kysely';
import pg from 'pg';
import type { DbHandle } from './client.js';
import type { Executor } from './executor.js';

/** Runs `fn` while no other process sets up the same database: on PostgreSQL a session advisory lock held on a
 * connection of its own (released by the server if this process dies); PGlite's data folder has one process. */
export async function withSetupLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.kind !== 'postgres' || !handle.databaseUrl) return fn();
  // Its own connection, outside the pool and without the request timeouts: waiting for another setup may take a while.
  const client = new pg.Client({ connectionString: handle.databaseUrl });
  client.on('error', () => {}); // a lost connection only ends the lock; the setup's own queries report their errors
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    return await fn();
  } finally {
    await client.end().catch(() => {});
  }
}

const SETUP_LOCK = 7262018;

/** Empties every table of the database except the migrations' own, in the caller's transaction. Only for a
 * database that an interrupted first start left: everything in it was written by that start. */
export async function emptyDatabase(db: Executor): Promise<void> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migration'
    order by tablename`.execute(db);
  if (tables.rows.length === 0) return;
  const list = tables.rows.map((t) => sql.id(t.name));
  await sql`truncate table ${sql.join(list)} restart identity cascade`.execute(db);
}
