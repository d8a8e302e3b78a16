// Database client: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL), one Kysely API for both.
// Every request's wait for the database is bounded (ADR 0013): PostgreSQL sessions carry statement_timeout,
// lock_timeout and idle_in_transaction_session_timeout, the pool an acquire timeout; PGlite's one session an
// acquire timeout (PGlite runs no timers of its own).
import type { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pgliteKysely } from './pglite-driver.js';
import { pgKysely } from './pg-driver.js';
import pg from 'pg';
import type { DB } from './schema.js';
import { DEFAULT_DB_LIMITS, type DbLimits } from '../config/config.js';

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

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: start from this data folder tarball (PGlite's dumpDataDir) instead of initdb (tests, ADR 0023). */
  loadDataDir?: Blob;
  /** Pool size and timeouts; each one not given is DEFAULT_DB_LIMITS' (0 turns a timeout off). */
  limits?: Partial<DbLimits>;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const limits: DbLimits = { ...DEFAULT_DB_LIMITS, ...opts.limits };
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: limits.poolMax,
      connectionTimeoutMillis: limits.acquireTimeoutMs,
      // session settings sent at connect (pg's startup options); 0 is PostgreSQL's "no limit"
      statement_timeout: limits.statementTimeoutMs,
      lock_timeout: limits.lockTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    });
    // An idle connection the server closes (restart, failover, a dropped test database) must not crash
    // the process: the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
    // Nor one the server ends while it is checked out (idle in a transaction past its timeout): the error is
    // logged here, the transaction's next statement fails, and the pool drops the connection on release.
    pool.on('connect', (client) =>
      client.on('error', (err) => console.warn(`database connection ended: ${err.message}`)),
    );
    const db = pgKysely<DB>(pool);
    return { db, kind: 'postgres', pool, databaseUrl: opts.databaseUrl, close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    dataDir: opts.dataDir ?? 'memory://',
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { ltree },
    parsers: {
      20: (v: string) => Number(v),
      1700: (v: string) => Number(v),
      1082: (v: string) => v,
    },
  });
  const db = pgliteKysely<DB>(pglite, { acquireTimeoutMs: limits.acquireTimeoutMs });
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
