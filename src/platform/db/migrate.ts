// Applies the SQL files in ./migrations in name order, each once, each in its own transaction.
// The same files run on PGlite and on a PostgreSQL server.
// A landed migration is never edited: the sha256 of each applied file's text is kept in schema_migration, and a
// start whose file no longer matches is refused, naming the file (ADR 0024). Rows from before checksums were kept
// get theirs on the first run that sees them.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DbHandle } from './client.js';
import { liftTimeouts } from './busy.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The sha256 of a migration's text, line endings normalised: a checkout with CRLF endings is the same file. */
export function checksum(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** A migration that was applied and whose file has changed since. */
export class MigrationChangedError extends Error {
  constructor(
    readonly file: string,
    readonly recorded: string,
    readonly now: string,
  ) {
    super(
      `Migration ${file} was edited after it was applied to this database (sha256 recorded ${recorded.slice(0, 12)}…, ` +
        `file now ${now.slice(0, 12)}…). A landed migration is never edited: restore ${file} and put the change in a new migration.`,
    );
    this.name = 'MigrationChangedError';
  }
}

/** Whether to apply, skip (already applied, same text), or fill the missing checksum of an applied file. */
function verdict(file: string, row: { checksum: string | null } | undefined, sum: string): 'apply' | 'skip' | 'fill' {
  if (!row) return 'apply';
  if (row.checksum === null) return 'fill';
  if (row.checksum !== sum) throw new MigrationChangedError(file, row.checksum, sum);
  return 'skip';
}

/**
 * Adds schema_migration.checksum to a database migrated before checksums were kept. Read first, altered only when
 * missing: `alter table` takes an exclusive lock even when the column exists, and a second process starting while
 * a first one migrates (holding schema_migration) must wait on the migrators' lock, not time out on the table.
 */
async function addChecksumColumn(handle: DbHandle): Promise<void> {
  const has = () =>
    sql<{ n: number }>`select count(*)::int as n from information_schema.columns
      where table_name = 'schema_migration' and column_name = 'checksum' and table_schema = current_schema()`;
  if ((await has().execute(handle.db)).rows[0]!.n > 0) return;
  await handle.db.transaction().execute(async (trx) => {
    await liftTimeouts(trx);
    if (!handle.pglite) await sql`select pg_advisory_xact_lock(7262011)`.execute(trx);
    await sql`alter table schema_migration add column if not exists checksum text`.execute(trx);
  });
}

/** `dir` (tests only): another folder of migrations. */
export async function migrate(handle: DbHandle, dir: string = migrationsDir): Promise<string[]> {
  const { db } = handle;
  // The runner's own table is changed here, not in a numbered migration: it is read before any of them runs.
  await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  await addChecksumColumn(handle);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const sum = checksum(text);
    if (handle.pglite) {
      // PGlite's extended protocol takes one statement at a time; exec runs a script.
      const pgl = handle.pglite;
      const done = await pgl.query<{ checksum: string | null }>(
        'select checksum from schema_migration where name = $1',
        [file],
      );
      const v = verdict(file, done.rows[0], sum);
      if (v === 'skip') continue;
      if (v === 'fill') {
        await pgl.query('update schema_migration set checksum = $2 where name = $1', [file, sum]);
        continue;
      }
      await pgl.transaction(async (tx) => {
        await tx.exec(text);
        await tx.query('insert into schema_migration(name, checksum) values ($1, $2)', [file, sum]);
      });
      applied.push(file);
      continue;
    }
    await db.transaction().execute(async (trx) => {
      // A migration may rewrite a large table, and a second migrator waits for the first: no request timeouts here.
      await liftTimeouts(trx);
      // Serialise concurrent migrators (several processes starting on one server).
      await sql`select pg_advisory_xact_lock(7262011)`.execute(trx);
      const again = await trx
        .selectFrom('schema_migration')
        .select('checksum')
        .where('name', '=', file)
        .executeTakeFirst();
      const v = verdict(file, again, sum);
      if (v === 'skip') return;
      if (v === 'fill') {
        await trx.updateTable('schema_migration').set({ checksum: sum }).where('name', '=', file).execute();
        return;
      }
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migration').values({ name: file, checksum: sum }).execute();
      applied.push(file);
    });
  }
  return applied;
}
