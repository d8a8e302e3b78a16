// The database client's limits (issue 10, point 1; ADR 0013): a request that waits too long for the database gets a
// 503 `database_busy` with Retry-After — never a hang — and a read made through `db` inside a transaction runs on
// the transaction's own connection, so it never waits for a second one while the first holds the locks.
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import type { DbLimits } from '../../src/platform/config/config.js';

const PASSWORD = 'correct horse battery';

/** A server with the given limits, a meeting open, its secretary signed in, and a member to check in. */
async function stage(kind: 'pglite' | 'postgres', db: Partial<DbLimits>) {
  const srv = await createTestServer(kind, { db });
  const org = await makeOrganisation(srv.db);
  const po = await makeBody(srv.db, org, 'primary_organisation', null);
  const s = await makePerson(srv.db, org, po, { familyName: 'Secretary' });
  await makeOffice(srv.db, po, s, 'secretary');
  const a = await makePerson(srv.db, org, po, { familyName: 'Alexeev' });
  const b = await makePerson(srv.db, org, po, { familyName: 'Baranov' });
  const meeting = await makeMeeting(srv.db, { body: { id: po.id, organisationId: org.id }, participants: [s, a, b] });
  await srv.services.auth.createAccount({ personId: s.id, login: 'sec', password: PASSWORD });
  const sec = srv.client();
  expect((await sec.login('sec', PASSWORD)).status).toBe(200);
  return { srv, sec, meetingId: meeting.id, a, b };
}

/** A request with a deadline: null when it is not answered in time. */
function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

function expectBusy(res: { status: number; body: { error: { code: string; message: string } }; headers: Headers }) {
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('database_busy');
  expect(res.body.error.message).toMatch(/try again/i);
  expect(res.headers.get('retry-after')).toBe('2');
}

describe.each(DB_KINDS)('database limits on %s', (kind) => {
  let srv: TestServer | undefined;
  afterEach(async () => {
    await srv?.close();
    srv = undefined;
  });

  it('a read through db inside a transaction runs in it: it sees its writes and needs no second connection', async () => {
    // one connection only: a read taking another one would wait for ever (here: until the acquire timeout)
    const t = await stage(kind, { poolMax: 1, acquireTimeoutMs: 2_000 });
    srv = t.srv;
    const db = srv.db;
    const seen = await within(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('meeting').set({ title: 'Renamed inside' }).where('id', '=', t.meetingId).execute();
        // through the shared `db`, not `trx` (what every service must avoid, and what can no longer hurt)
        return (await db.selectFrom('meeting').select('title').where('id', '=', t.meetingId).executeTakeFirst())?.title;
      }),
      10_000,
    );
    expect(seen).toBe('Renamed inside');
    // still one transaction at a time: a transaction opened inside another is refused, not deadlocked
    await expect(db.transaction().execute(async () => db.transaction().execute(async () => 1))).rejects.toThrow(
      /inside another/,
    );
  });

  it('a request that cannot get the database within the acquire timeout gets 503 database_busy, then works again', async () => {
    const t = await stage(kind, { poolMax: 1, acquireTimeoutMs: 300 });
    srv = t.srv;
    // another transaction holds the only connection (PGlite: the one session) and does not let go
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const holder = srv.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      started();
      await held;
    });
    await holding;
    const refused = await within(t.sec.post(`/api/meetings/${t.meetingId}/check-in`, { personId: t.a.id }), 10_000);
    expect(refused, 'the request hung').not.toBeNull();
    expectBusy(refused!);
    letGo();
    await holder;
    // the waiter that gave up left the queue in order: the next request is served
    const ok = await t.sec.post(`/api/meetings/${t.meetingId}/check-in`, { personId: t.a.id });
    expect(ok.status).toBe(200);
    expect(ok.body.participant.present).toBe(true);
  });
});

// PostgreSQL's own timeouts (PGlite runs no timers: its one session is bounded by the acquire timeout above).
describe.each(DB_KINDS.filter((k) => k === 'postgres'))('PostgreSQL session timeouts on %s', (kind) => {
  let srv: TestServer | undefined;
  let locker: pg.Client | undefined;
  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    locker = undefined;
    await srv?.close();
    srv = undefined;
  });

  /** Someone else (another process) holds the meeting's row lock in an open transaction. */
  async function lockMeeting(url: string, meetingId: string): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('begin');
    await c.query('select id from meeting where id = $1 for update', [meetingId]);
    return c;
  }

  async function checkInWhileLocked(sec: TestClient, meetingId: string, personId: string) {
    const res = await within(sec.post(`/api/meetings/${meetingId}/check-in`, { personId }), 10_000);
    expect(res, 'the request hung').not.toBeNull();
    return res!;
  }

  it('a statement waiting for a lock past lock_timeout is a 503 database_busy; after the lock is gone it works', async () => {
    const t = await stage(kind, { lockTimeoutMs: 300 });
    srv = t.srv;
    locker = await lockMeeting(srv.handle.url!, t.meetingId);
    expectBusy(await checkInWhileLocked(t.sec, t.meetingId, t.a.id));
    await locker.query('rollback');
    expect((await t.sec.post(`/api/meetings/${t.meetingId}/check-in`, { personId: t.a.id })).status).toBe(200);
  });

  it('a statement running past statement_timeout is cancelled: 503 database_busy, nothing written', async () => {
    const t = await stage(kind, { statementTimeoutMs: 300, lockTimeoutMs: 0 });
    srv = t.srv;
    locker = await lockMeeting(srv.handle.url!, t.meetingId);
    const started = performance.now();
    expectBusy(await checkInWhileLocked(t.sec, t.meetingId, t.b.id));
    expect(performance.now() - started).toBeLessThan(5_000);
    await locker.query('rollback');
    const p = await srv.db
      .selectFrom('meeting_participant')
      .select('present')
      .where('meeting_id', '=', t.meetingId)
      .where('person_id', '=', t.b.id)
      .executeTakeFirstOrThrow();
    expect(p.present).toBe(false);
  });

  it('a transaction left idle past idle_in_transaction_session_timeout is ended; the process and the pool live on', async () => {
    const t = await stage(kind, { poolMax: 1, idleInTransactionTimeoutMs: 300 });
    srv = t.srv;
    const db = srv.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await new Promise((r) => setTimeout(r, 1_000));
        await sql`select 1`.execute(trx);
      }),
    ).rejects.toThrow();
    // the ended connection was dropped, not handed out again
    const ok = await within(t.sec.post(`/api/meetings/${t.meetingId}/check-in`, { personId: t.a.id }), 10_000);
    expect(ok?.status).toBe(200);
  });
});
