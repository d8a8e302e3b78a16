// Test database harness: every integration suite runs on PGlite and on PostgreSQL.
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin
// connection; each call creates a scratch database, migrated, and drops it on close.
// Set ANTAEUS_TEST_PG=off to run on PGlite only (CI never does).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import type { DbLimits } from '../../src/platform/config/config.js';
import { migrate } from '../../src/platform/db/migrate.js';

export type DbKind = 'pglite' | 'postgres';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DB_KINDS: DbKind[] = process.env.ANTAEUS_TEST_PG === 'off' ? ['pglite'] : ['pglite', 'postgres'];

export interface TestDb extends DbHandle {
  url?: string;
}

export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `antaeus_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(e as Error).message}). Start it, set TEST_DATABASE_URL, or set ANTAEUS_TEST_PG=off to test on PGlite only.`,
      { cause: e },
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** `limits`: pool size and timeouts of the client (default: the server's defaults). */
export async function openTestDb(kind: DbKind, limits: Partial<DbLimits> = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const h = await openDatabase({ limits });
    await migrate(h);
    return h;
  }
  const scratch = await createScratchDatabase();
  const h = await openDatabase({ databaseUrl: scratch.url, limits });
  await migrate(h);
  return {
    ...h,
    url: scratch.url,
    close: async () => {
      await h.close();
      await scratch.drop();
    },
  };
}
