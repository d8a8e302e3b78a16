// Applies the SQL files in ./migrations in name order, each once, each in its own transaction.
// The same files run on PGlite and on a PostgreSQL server.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DbHandle } from './client.js';
import { liftTimeouts } from './busy.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function migrate(handle: DbHandle): Promise<string[]> {
  const { db } = handle;
  await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    if (handle.pglite) {
      // PGlite's extended protocol takes one statement at a time; exec runs a script.
      const pgl = handle.pglite;
      const done = await pgl.query('select 1 from schema_migration where name = $1', [file]);
      if (done.rows.length) continue;
      await pgl.transaction(async (tx) => {
        await tx.exec(text);
        await tx.query('insert into schema_migration(name) values ($1)', [file]);
      });
      applied.push(file);
      continue;
    }
    await db.transaction().execute(async (trx) => {
      // A migration may rewrite a large table, and a second migrator waits for the first: no request timeouts here.
      await liftTimeouts(trx);
      // Serialise concurrent migrators (several processes starting on one server).
      await sql`select pg_advisory_xact_lock(7262011)`.execute(trx);
      const again = await trx.selectFrom('schema_migration').select('name').where('name', '=', file).executeTakeFirst();
      if (again) return;
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migration').values({ name: file }).execute();
      applied.push(file);
    });
  }
  return applied;
}
