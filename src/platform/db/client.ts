// Database client: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL), one Kysely API for both.
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pgliteKysely } from './pglite-driver.js';
import pg from 'pg';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Raw PGlite instance when embedded (for COPY-style bulk loads and LISTEN). */
  pglite?: PGlite;
  /** Raw pg pool when on a server. */
  pool?: pg.Pool;
  /** The server's connection string (for a dedicated LISTEN connection). */
  databaseUrl?: string;
  close(): Promise<void>;
}

// Return int8/numeric as JS numbers where safe: counts and sums are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates (not timestamps) stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) must not crash
    // the process: the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, databaseUrl: opts.databaseUrl, close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    dataDir: opts.dataDir ?? 'memory://',
    extensions: { ltree },
    parsers: {
      20: (v: string) => Number(v),
      1700: (v: string) => Number(v),
      1082: (v: string) => v,
    },
  });
  const db = pgliteKysely<DB>(pglite);
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
