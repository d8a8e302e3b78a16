// The PostgreSQL admin connection of the tests, without vitest (the integration tier's globalSetup uses it too).
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DB_KINDS: DbKind[] = process.env.ANTAEUS_TEST_PG === 'off' ? ['pglite'] : ['pglite', 'postgres'];

/** The connection string of database `name` on the admin connection's server. */
export function scratchUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = '/' + name;
  return url.toString();
}

/** Runs one statement on the admin connection (create/drop database). */
export async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(e as Error).message}). Start it, set TEST_DATABASE_URL, or set ANTAEUS_TEST_PG=off to test on PGlite only.`,
      { cause: e },
    );
  }
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
