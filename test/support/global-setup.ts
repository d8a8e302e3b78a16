// Vitest globalSetup of the integration tier (ADR 0023): migrate once per run, not once per suite.
// PGlite: one migrated in-memory database, dumped to an uncompressed tarball that every openTestDb('pglite')
// loads (PGlite's loadDataDir) instead of running initdb and every migration again.
// PostgreSQL: one migrated template database, named uniquely per run (concurrent runs do not collide); every
// scratch database is `create database … template …` of it. The demo folder of test/support/shared-demo.ts is
// built in the same run folder. All are removed at teardown.
import type { TestProject } from 'vitest/node';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { ADMIN_URL, DB_KINDS, adminQuery, scratchUrl } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data folder's tarball. */
    pgliteTemplate: string;
    /** Name of the migrated PostgreSQL template database ('' when PostgreSQL is off). */
    pgTemplate: string;
    /** This run's folder of shared fixtures (test/support/shared-demo.ts builds the demo there). */
    templateDir: string;
  }
}

async function pgliteTemplate(dir: string): Promise<string> {
  const h = await openDatabase({});
  try {
    await migrate(h);
    const file = path.join(dir, 'pglite-migrated.tar');
    await writeFile(file, new Uint8Array(await (await h.pglite!.dumpDataDir('none')).arrayBuffer()));
    return file;
  } finally {
    await h.close();
  }
}

async function pgTemplate(): Promise<string> {
  const name = `antaeus_tpl_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  // No session timeouts: PGlite's initdb, beside it in this process, holds the event loop for many seconds.
  const off = { statementTimeoutMs: 0, lockTimeoutMs: 0, idleInTransactionTimeoutMs: 0, acquireTimeoutMs: 0 };
  try {
    const h = await openDatabase({ databaseUrl: scratchUrl(name), limits: off });
    try {
      await migrate(h);
    } finally {
      await h.close();
    }
  } catch (e) {
    await adminQuery(`drop database if exists ${name} with (force)`);
    throw e;
  }
  // Only an administrator may copy a database that is not marked as a template.
  await adminQuery(`alter database ${name} is_template true`);
  return name;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-test-templates-'));
  const [pglite, pgName] = await Promise.all([
    pgliteTemplate(dir),
    DB_KINDS.includes('postgres') ? pgTemplate() : Promise.resolve(''),
  ]);
  project.provide('pgliteTemplate', pglite);
  project.provide('pgTemplate', pgName);
  project.provide('templateDir', dir);
  console.log(
    `test templates migrated in ${Date.now() - started} ms (PGlite${pgName ? ` and ${ADMIN_URL} ${pgName}` : ''})`,
  );
  return async () => {
    if (pgName) {
      await adminQuery(`alter database ${pgName} is_template false`);
      await adminQuery(`drop database if exists ${pgName} with (force)`);
    }
    await rm(dir, { recursive: true, force: true });
  };
}
