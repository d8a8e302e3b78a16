// The first start completes or starts over (ADR 0018): the real `antaeus` process is killed with SIGKILL at chosen
// steps of the demo and of `init` (ANTAEUS_TEST_KILL_AT), on a PGlite data folder and on a PostgreSQL database;
// an interrupted database is never served, and the next first start empties it and ends with a whole organisation.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DB_KINDS, createScratchDatabase } from '../support/db.js';
import { runCli, serveCli, stopCli, type CliRun, type ServedProcess } from '../support/processes.js';
import { openDatabase } from '../../src/platform/db/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/demo/demo.service.js';
import { DEMO_MEETINGS } from '../../src/modules/demo/rules/meetings.js';
import { planDemo } from '../../src/modules/demo/rules/demo-plan.js';

// The processes build the small demo of the same shape (ANTAEUS_TEST_SMALL_DEMO, ADR 0018): the four builds per
// database below are about stopping and starting over, not about its size; demo.test.ts builds the whole one.
const SMALL = planDemo(undefined, { small: true });
/** Members and candidates of the small demo. */
const DEMO_MEMBERS = SMALL.primaries.reduce((s, p) => s + p.size, 0);
const RUN_MS = 240_000;

interface Counts {
  organisations: number;
  members: number;
  persons: number;
  accounts: number;
  payments: number;
  rolledUpPayments: number;
  sealedProtocols: number;
  sealedRecords: number;
  firstSeal: number;
  mark: string;
}

/** What the database holds, read directly (the process that wrote it has ended). */
async function inspect(env: Record<string, string>): Promise<Counts> {
  const h = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.ANTAEUS_DATA! });
  try {
    const n = async (query: string) => Number((await sql.raw<{ n: number }>(query).execute(h.db)).rows[0]!.n);
    return {
      organisations: await n('select count(*) as n from organisation'),
      members: await n("select count(*) as n from person where status in ('member', 'candidate')"),
      persons: await n('select count(*) as n from person'),
      accounts: await n('select count(*) as n from account'),
      payments: await n('select count(*) as n from dues_payment'),
      rolledUpPayments: await n('select coalesce(sum(payments), 0) as n from dues_body_month'),
      sealedProtocols: await n("select count(*) as n from meeting_protocol where status = 'sealed'"),
      sealedRecords: await n('select count(*) as n from sealed_record'),
      firstSeal: await n('select coalesce(min(seq), 0) as n from sealed_record'),
      mark: (
        await sql<{ state: string }>`select coalesce((select state from installation), 'none') as state`.execute(h.db)
      ).rows[0]!.state,
    };
  } finally {
    await h.close();
  }
}

function killed(r: CliRun): void {
  expect(r.signal, `expected the process to be killed:\n${r.out}`).toBe('SIGKILL');
}

async function signIn(base: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status, login).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

describe.each(DB_KINDS)('the first start completes or starts over on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  let served: ServedProcess | undefined;

  /** A new empty database: a PGlite data folder or a PostgreSQL scratch database. */
  async function freshDatabase(): Promise<Record<string, string>> {
    if (kind === 'pglite') {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-first-start-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return { ANTAEUS_DATA: path.join(dir, 'data'), ANTAEUS_TEST_SMALL_DEMO: '1' };
    }
    const scratch = await createScratchDatabase();
    cleanups.push(scratch.drop);
    return { DATABASE_URL: scratch.url, ANTAEUS_TEST_SMALL_DEMO: '1' };
  }

  afterAll(async () => {
    await stopCli(served);
    for (const c of cleanups) await c();
  });

  it('the demo killed after the organisation row, before the dues and after one sealed meeting is rebuilt whole by the next start', async () => {
    const env = await freshDatabase();

    // `npm start` killed while the people are loaded: the organisation row is committed, nothing else.
    killed(await runCli(['serve', '--demo', '--port', '0'], { ...env, ANTAEUS_TEST_KILL_AT: 'demo:persons' }, RUN_MS));
    let c = await inspect(env);
    expect(c).toMatchObject({ organisations: 1, persons: 0, accounts: 0, payments: 0, mark: 'building' });

    // Such a database is not served: nobody could sign in to it.
    const refused = await runCli(['serve', '--port', '0'], env, RUN_MS);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.stderr).toMatch(/^Error: The first start of this database did not finish/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    // `antaeus demo` starts over, and is killed again when the people and accounts are in but no dues yet.
    const demo = await runCli(['demo'], { ...env, ANTAEUS_TEST_KILL_AT: 'demo:dues' }, RUN_MS);
    killed(demo);
    expect(demo.stdout).toMatch(/did not finish: emptying it/);
    c = await inspect(env);
    expect(c).toMatchObject({
      organisations: 1,
      members: DEMO_MEMBERS,
      accounts: DEMO_ACCOUNTS.length,
      payments: 0,
      sealedProtocols: 0,
      mark: 'building',
    });

    // `npm start` again, killed after the dues and the first sealed meeting.
    killed(
      await runCli(['serve', '--demo', '--port', '0'], { ...env, ANTAEUS_TEST_KILL_AT: 'demo:meetings@2' }, RUN_MS),
    );
    c = await inspect(env);
    expect(c.payments).toBeGreaterThan(0);
    expect(c).toMatchObject({ organisations: 1, sealedProtocols: 1, sealedRecords: 1, mark: 'building' });

    // The next start completes: one organisation, every demo account signs in, dues and the sealed meetings.
    served = await serveCli(env, RUN_MS, ['--demo']);
    expect(served.out).toMatch(/did not finish: emptying it and generating the demo organisation again/);
    expect(served.out).toMatch(/Demo: meetings 3\/3/);
    for (const a of DEMO_ACCOUNTS) {
      const cookie = await signIn(served.url, a.login, DEMO_PASSWORD);
      const me = await fetch(`${served.url}/api/stats/size-bands`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { total: number }).total).toBe(SMALL.primaries.length);
    }
    await stopCli(served);
    served = undefined;

    c = await inspect(env);
    expect(c).toMatchObject({
      organisations: 1,
      members: DEMO_MEMBERS,
      accounts: DEMO_ACCOUNTS.length,
      sealedProtocols: DEMO_MEETINGS.length,
      sealedRecords: DEMO_MEETINGS.length,
      firstSeal: 1, // the chain of the interrupted start is gone: it begins again
      mark: 'complete',
    });
    expect(c.payments).toBeGreaterThan(DEMO_MEMBERS * 3); // six months for most members
    expect(c.rolledUpPayments).toBe(c.payments); // paid once, rolled up once
    const verify = await runCli(['verify'], env, RUN_MS);
    expect(verify.code, verify.out).toBe(0);
    expect(verify.stdout).toContain(`verified ${DEMO_MEETINGS.length} sealed records: ok`);

    // Complete now: `demo` refuses, and a plain start serves it.
    const again = await runCli(['demo'], env, RUN_MS);
    expect(again.code, again.out).toBe(1);
    expect(again.stderr).toMatch(/already holds an organisation/);
    served = await serveCli(env, RUN_MS);
    await signIn(served.url, 'member', DEMO_PASSWORD);
    await stopCli(served);
    served = undefined;
  }, 900_000);

  it('`init` killed after the organisation, after the administrator and before its last mark is founded again by the next `init`', async () => {
    const env = await freshDatabase();
    const init = [
      'init',
      '--statute',
      'union-federation',
      '--name',
      'Dockers’ Union',
      '--admin-login',
      'founder',
      '--admin-password',
      'correct horse battery',
    ];

    killed(await runCli(init, { ...env, ANTAEUS_TEST_KILL_AT: 'init:organisation' }, RUN_MS));
    expect(await inspect(env)).toMatchObject({ organisations: 1, persons: 0, accounts: 0, mark: 'building' });

    const refused = await runCli(['serve', '--port', '0'], env, RUN_MS);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.stderr).toMatch(/^Error: The first start of this database did not finish/);

    killed(await runCli(init, { ...env, ANTAEUS_TEST_KILL_AT: 'init:administrator' }, RUN_MS));
    expect(await inspect(env)).toMatchObject({ organisations: 1, persons: 1, accounts: 0, mark: 'building' });

    // Killed after its very last step but before the mark says complete: still started over.
    killed(await runCli(init, { ...env, ANTAEUS_TEST_KILL_AT: 'init:complete' }, RUN_MS));
    expect(await inspect(env)).toMatchObject({ organisations: 1, persons: 1, accounts: 1, mark: 'building' });

    const done = await runCli(init, env, RUN_MS);
    expect(done.code, done.out).toBe(0);
    expect(done.stdout).toMatch(/did not finish: emptying it and founding again/);
    expect(done.stdout).toContain('Organisation "Dockers’ Union" founded');
    expect(await inspect(env)).toMatchObject({ organisations: 1, persons: 1, accounts: 1, mark: 'complete' });

    served = await serveCli(env, RUN_MS);
    await signIn(served.url, 'founder', 'correct horse battery');
    await stopCli(served);
    served = undefined;

    for (const args of [init, ['demo']]) {
      const again = await runCli(args, env, RUN_MS);
      expect(again.code, again.out).toBe(1);
      expect(again.stderr).toMatch(/already holds an organisation/);
    }
  }, 300_000);
});
