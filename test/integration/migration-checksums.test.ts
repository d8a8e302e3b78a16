// A landed migration is never edited (ADR 0024): the migrator keeps each applied file's sha256 and refuses a start
// whose file has changed, naming it; a database migrated before checksums were kept gets them on its next run.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { checksum, migrate, MigrationChangedError } from '../../src/platform/db/migrate.js';
import { openDatabase } from '../../src/platform/db/client.js';

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/platform/db/migrations');

describe.each(DB_KINDS)('migration checksums on %s', (kind) => {
  let h: TestDb;
  let dir: string;
  beforeAll(async () => {
    h = await openTestDb(kind); // migrated from the shipped files
    dir = await mkdtemp(path.join(tmpdir(), 'antaeus-migrations-'));
    await cp(SHIPPED, dir, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rows = async () =>
    (
      await sql<{
        name: string;
        checksum: string | null;
      }>`select name, checksum from schema_migration order by name`.execute(h.db)
    ).rows;

  it('keeps the sha256 of every applied file, and a second run with the same files applies nothing', async () => {
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(10);
    for (const r of kept) expect(r.checksum).toBe(checksum(await readFile(path.join(SHIPPED, r.name), 'utf8')));
    expect(await migrate(h, dir)).toEqual([]);
  });

  it('fills the checksums of a database migrated before they were kept', async () => {
    await sql`update schema_migration set checksum = null`.execute(h.db);
    expect(await migrate(h, dir)).toEqual([]);
    const kept = await rows();
    expect(kept.every((r) => r.checksum !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it('adds the checksum column to a database migrated before it existed, and fills it', async () => {
    await sql`alter table schema_migration drop column checksum`.execute(h.db);
    expect(await migrate(h, dir)).toEqual([]);
    const kept = await rows();
    expect(kept.every((r) => r.checksum !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  // PostgreSQL only: a PGlite data folder has one process.
  if (kind === 'postgres')
    it('a start beside a migrator holding schema_migration is not refused by the table lock (no alter once the column exists)', async () => {
      const quick = await openDatabase({ databaseUrl: h.url!, limits: { lockTimeoutMs: 500 } });
      const other = new pg.Client({ connectionString: h.url! });
      await other.connect();
      try {
        // a first migrator reads schema_migration inside its open transaction, as migrate() does
        await other.query('begin');
        await other.query('select count(*) from schema_migration');
        expect(await migrate(quick, dir)).toEqual([]);
      } finally {
        await other.query('rollback');
        await other.end();
        await quick.close();
      }
    });

  it('refuses to start when an applied migration was edited, naming the file', async () => {
    const file = '0003_membership_foundation.sql';
    const original = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(dir, file), original + '\n-- edited after landing\n');
    const run = migrate(h, dir);
    await expect(run).rejects.toBeInstanceOf(MigrationChangedError);
    await expect(migrate(h, dir)).rejects.toThrow(
      /Migration 0003_membership_foundation\.sql was edited after it was applied/,
    );
    // Nothing was recorded over the old checksum: restoring the file starts again.
    await writeFile(path.join(dir, file), original);
    expect(await migrate(h, dir)).toEqual([]);
  });

  it('applies a new file and keeps its checksum', async () => {
    const text = 'create table checksum_probe (id int primary key);\n';
    await writeFile(path.join(dir, '9999_probe.sql'), text);
    expect(await migrate(h, dir)).toEqual(['9999_probe.sql']);
    const r = (await rows()).find((x) => x.name === '9999_probe.sql');
    expect(r?.checksum).toBe(checksum(text));
  });
});
