// Test database harness: every integration suite runs on PGlite and on PostgreSQL.
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin
// connection; each call creates a scratch database and drops it on close.
// Set ANTAEUS_TEST_PG=off to run on PGlite only (CI never does).
// Migrated once per run (ADR 0023): test/support/global-setup.ts provides a migrated PGlite tarball and a
// migrated PostgreSQL template; openTestDb starts from a copy of them and still runs migrate(), which verifies
// every migration is applied (a no-op on the copy). Outside that setup it initialises and migrates as before.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import type { DbLimits } from '../../src/platform/config/config.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { adminQuery, scratchUrl } from './pg-admin.js';

export { ADMIN_URL, DB_KINDS, type DbKind } from './pg-admin.js';
import type { DbKind } from './pg-admin.js';

/** What the integration tier's globalSetup provides, or nothing when a file runs outside it. */
function provided(key: 'pgliteTemplate' | 'pgTemplate'): string {
  try {
    return inject(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * A new scratch database, dropped by `drop`: empty, or with `migrated` a copy of the run's migrated template
 * (empty when there is none; the caller migrates either way).
 */
export async function createScratchDatabase(
  opts: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `antaeus_t_${randomBytes(6).toString('hex')}`;
  const template = opts.migrated ? provided('pgTemplate') : '';
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  return {
    url: scratchUrl(name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

// One read of the tarball per worker; each database gets its own Blob over it (PGlite copies it in).
let pgliteTarball: Promise<Uint8Array> | undefined;
async function migratedPglite(): Promise<Blob | undefined> {
  const file = provided('pgliteTemplate');
  if (!file) return undefined;
  pgliteTarball ??= readFile(file).then((b) => new Uint8Array(b));
  return new Blob([(await pgliteTarball) as Uint8Array<ArrayBuffer>]);
}

export interface TestDb extends DbHandle {
  url?: string;
}

/**
 * Fills the new PGlite data folder `dataDir` with the run's migrated database (nothing outside the integration tier's
 * globalSetup); whoever opens it still migrates, a no-op then.
 */
export async function seedPgliteFolder(dataDir: string): Promise<void> {
  const loadDataDir = await migratedPglite();
  if (!loadDataDir) return;
  const h = await openDatabase({ dataDir, loadDataDir });
  await h.close();
}

/** `limits`: pool size and timeouts of the client (default: the server's defaults). */
export async function openTestDb(kind: DbKind, limits: Partial<DbLimits> = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const h = await openDatabase({ limits, loadDataDir: await migratedPglite() });
    await migrate(h);
    return h;
  }
  const scratch = await createScratchDatabase({ migrated: true });
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
