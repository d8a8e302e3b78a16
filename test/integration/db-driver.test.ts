// The database layer under concurrency: two requests' transactions never interleave in PGlite's single
// session, a failing transaction cannot undo or poison another's work, and row counts are reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';

describe.each(DB_KINDS)('database driver on %s', (kind) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await openTestDb(kind);
    await sql`create table probe (id int primary key, v text not null)`.execute(h.db);
  });
  afterAll(async () => h?.close());

  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('a transaction that rolls back does not take a concurrent one with it', async () => {
    const db = h.db as unknown as import('kysely').Kysely<{ probe: { id: number; v: string } }>;
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: 1, v: 'doomed' }).execute();
      await tick();
      throw new Error('boom');
    });
    const succeeding = db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: 2, v: 'kept' }).execute();
      await tick();
    });
    // A plain read while both are in flight must neither fail nor see uncommitted rows.
    const read = db.selectFrom('probe').select('id').execute();
    const results = await Promise.allSettled([failing, succeeding, read]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    const rows = await db.selectFrom('probe').select(['id', 'v']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 2, v: 'kept' }]);
  });

  it('reports the number of rows an update changed', async () => {
    const db = h.db as unknown as import('kysely').Kysely<{ probe: { id: number; v: string } }>;
    const r = await db.updateTable('probe').set({ v: 'x' }).where('id', '=', 2).executeTakeFirst();
    expect(Number(r.numUpdatedRows)).toBe(1);
    const none = await db.updateTable('probe').set({ v: 'y' }).where('id', '=', 99).executeTakeFirst();
    expect(Number(none.numUpdatedRows)).toBe(0);
  });

  it('queries through db inside a transaction callback run, and see the transaction', async () => {
    const db = h.db as unknown as import('kysely').Kysely<{ probe: { id: number; v: string } }>;
    const seen = await db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: 3, v: 'inner' }).execute();
      return db.selectFrom('probe').select('id').where('id', '=', 3).execute();
    });
    // Both drivers run it inside the transaction (ADR 0007; on PostgreSQL since ADR 0013: before, it took another
    // pool connection, did not see the insert, and could wait for ever while the transaction held its locks).
    expect(seen.length).toBe(1);
  });
});
