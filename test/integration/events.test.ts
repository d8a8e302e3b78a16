// Live updates (ADR 0009): the outbox notifier (one NOTIFY per batch, rows delivered in order), the SSE
// endpoint in process, and two server processes on one PostgreSQL: an event caused through one reaches the
// SSE client of the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, serveCli, stopCli, type ServedProcess } from '../support/processes.js';
import { sql } from 'kysely';
import { createScratchDatabase, DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation, makePerson, makeOffice, type MadeBody } from '../support/factories.js';
import { outboxFeed } from '../../src/platform/db/outbox-feed.js';
import { OutboxNotifier, type OutboxEvent } from '../../src/platform/events/outbox-notifier.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contracts/auth.js';

const PASSWORD = 'correct horse';

interface SseEvent {
  event: string;
  id: string | undefined;
  data: unknown;
}

/** Reads a text/event-stream body into `events` as it arrives; `close()` cancels the body. */
function readSse(res: Response) {
  const events: SseEvent[] = [];
  let comments = 0;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) return;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const e: SseEvent = { event: 'message', id: undefined, data: undefined };
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) {
            comments++;
          } else if (line.startsWith('event: ')) {
            e.event = line.slice(7);
            isEvent = true;
          } else if (line.startsWith('id: ')) {
            e.id = line.slice(4);
          } else if (line.startsWith('data: ')) {
            e.data = JSON.parse(line.slice(6));
            isEvent = true;
          }
        }
        if (isEvent) events.push(e);
      }
    }
  })();
  return {
    events,
    get comments() {
      return comments;
    },
    async close() {
      await reader.cancel().catch(() => {});
      await done;
    },
  };
}

async function until<T>(what: string, f: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(DB_KINDS)('outbox notifier on %s', (kind) => {
  let h: TestDb;
  let notifier: OutboxNotifier;

  beforeAll(async () => {
    h = await openTestDb(kind);
    await h.db.insertInto('outbox').values({ topic: 'before.start', payload: '{}' }).execute();
  });
  afterAll(async () => {
    await notifier?.stop();
    await h?.close();
  });

  it('delivers the rows of one transaction as one batch, in order, after one notification', async () => {
    // A long poll: delivery must come from the notification.
    notifier = new OutboxNotifier(outboxFeed(h), { pollMs: 60_000 });
    await notifier.start();
    const batches: OutboxEvent[][] = [];
    notifier.subscribe((b) => batches.push(b));
    let notifications = 0;
    const unlisten = await outboxFeed(h).listen(() => notifications++);
    const settled = notifications; // the PostgreSQL listener calls once on connect
    await h.db.transaction().execute(async (tx) => {
      for (const n of [1, 2, 3]) {
        await tx
          .insertInto('outbox')
          .values({ topic: `test.${n}`, payload: JSON.stringify({ n }) })
          .execute();
      }
    });
    await until('a batch', () => batches.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    await unlisten();
    expect(notifications - settled).toBe(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => [e.topic, e.payload])).toEqual([
      ['test.1', { n: 1 }],
      ['test.2', { n: 2 }],
      ['test.3', { n: 3 }],
    ]);
    const ids = batches[0]!.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(batches.flat().some((e) => e.topic === 'before.start')).toBe(false);
  });

  it('delivers a row that commits after a higher id was read (a gap filled late)', async () => {
    const batches: OutboxEvent[][] = [];
    notifier.subscribe((b) => batches.push(b));
    // Reserve an id the way a slow transaction does, then commit it after a later row was delivered.
    const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('outbox', 'id'))::int as id`.execute(
      h.db,
    );
    const reserved = r.rows[0]!.id;
    await h.db.insertInto('outbox').values({ topic: 'after.gap', payload: '{}' }).execute();
    await until('the later row', () => batches.flat().some((e) => e.topic === 'after.gap'));
    await sql`insert into outbox (id, topic, payload) overriding system value values (${reserved}, 'late', '{}')`.execute(
      h.db,
    );
    await notifier.wake();
    await until('the late row', () => batches.flat().find((e) => e.topic === 'late'));
  });
});

describe.each(DB_KINDS)('GET /api/events in process on %s', (kind) => {
  let srv: TestServer;
  let root: MadeBody;
  let cookie: string;
  let csrf: string;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    await srv.services.events.start();
    const org = await makeOrganisation(srv.db);
    root = await makeBody(srv.db, org, 'central_committee', null);
    const sec = await makePerson(srv.db, org, root);
    await makeOffice(srv.db, root, sec, 'secretary');
    await srv.services.auth.createAccount({ personId: sec.id, login: 'cc', password: PASSWORD });
    const c = srv.client();
    expect((await c.login('cc', PASSWORD)).status).toBe(200);
    cookie = `${SESSION_COOKIE}=${c.sessionToken}`;
    csrf = c.csrfToken!;
  });
  afterAll(async () => {
    for (const s of open) await s.close();
    await srv?.services.events.stop();
    await srv?.close();
  });

  const stream = async (headers: Record<string, string> = {}) => {
    const res = await srv.app.request('/api/events', { headers: { cookie, ...headers } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const s = readSse(res);
    open.push(s);
    return s;
  };

  const createBody = async (name: string) => {
    const res = await srv.app.request('/api/bodies', {
      method: 'POST',
      headers: { cookie, [CSRF_HEADER]: csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: root.id, kind: 'regional_committee', name }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('refuses a client that is not signed in', async () => {
    const res = await srv.app.request('/api/events');
    expect(res.status).toBe(401);
  });

  it('streams a change as an event with its id and the ids of the payload only', async () => {
    const s = await stream();
    const bodyId = await createBody('North region');
    const e = await until('body.created', () => s.events.find((x) => x.event === 'body.created'));
    expect(e.data).toMatchObject({ bodyId, parentId: root.id });
    expect(e.data).not.toHaveProperty('kind');
    expect(Number(e.id)).toBe((e.data as { id: number }).id);
    expect(s.comments).toBeGreaterThanOrEqual(1); // ': connected'
  });

  it('replays what a client missed after its Last-Event-ID', async () => {
    const first = await stream();
    await createBody('East region');
    const seen = await until('East region', () => first.events.find((x) => x.event === 'body.created'));
    const missed = await createBody('West region');
    await until('West region live', () => first.events.find((x) => (x.data as { bodyId?: string }).bodyId === missed));
    const again = await stream({ 'last-event-id': seen.id! });
    const replayed = await until('the replay', () =>
      again.events.find((x) => (x.data as { bodyId?: string }).bodyId === missed),
    );
    expect(Number(replayed.id)).toBeGreaterThan(Number(seen.id));
    expect(again.events.filter((x) => x.id === seen.id)).toEqual([]);
  });

  it('tells a client whose missed events were pruned to reload (resync) instead of replaying a partial list', async () => {
    const first = await stream();
    await createBody('South region');
    const seen = await until('South region', () => first.events.find((x) => x.event === 'body.created'));
    const missed = await createBody('Far region');
    await until('Far region live', () => first.events.find((x) => (x.data as { bodyId?: string }).bodyId === missed));
    // the retention job removed what the client missed (and everything before)
    await srv.db
      .deleteFrom('outbox')
      .where('id', '<=', Number(seen.id) + 1)
      .execute();
    const again = await stream({ 'last-event-id': seen.id! });
    const resync = await until('resync', () => again.events.find((x) => x.event === 'resync'));
    expect(Number(resync.id)).toBeGreaterThan(Number(seen.id));
  });
});

describe.each(DB_KINDS)('GET /api/events by scope on %s', (kind) => {
  // Readers in two districts of one organisation, and a reader of another organisation: the tree's changes go to
  // the organisation's members only; changes about people go to no one's general stream, live or replayed.
  let srv: TestServer;
  let districtA: MadeBody;
  const cookies: Record<string, string> = {};
  const csrfs: Record<string, string> = {};
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    await srv.services.events.start();
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'city_committee', null);
    districtA = await makeBody(srv.db, org, 'district_committee', root);
    const districtB = await makeBody(srv.db, org, 'district_committee', root);
    const poA = await makeBody(srv.db, org, 'primary_organisation', districtA);
    const poB = await makeBody(srv.db, org, 'primary_organisation', districtB);
    const other = await makeOrganisation(srv.db);
    const otherRoot = await makeBody(srv.db, other, 'city_committee', null);
    const people: [string, { id: string }, MadeBody, MadeBody | null][] = [
      ['seca', org, districtA, districtA],
      ['reada', org, poA, null],
      ['readb', org, poB, null],
      ['outsider', other, otherRoot, null],
    ];
    for (const [login, o, home, secretaryOf] of people) {
      const p = await makePerson(srv.db, o, home);
      if (secretaryOf) await makeOffice(srv.db, secretaryOf, p, 'secretary');
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
      const c = srv.client();
      expect((await c.login(login, PASSWORD)).status).toBe(200);
      cookies[login] = `${SESSION_COOKIE}=${c.sessionToken}`;
      csrfs[login] = c.csrfToken!;
    }
  });
  afterAll(async () => {
    for (const s of open) await s.close();
    await srv?.services.events.stop();
    await srv?.close();
  });

  const stream = async (login: string, headers: Record<string, string> = {}) => {
    const res = await srv.app.request('/api/events', { headers: { cookie: cookies[login]!, ...headers } });
    expect(res.status).toBe(200);
    const s = readSse(res);
    open.push(s);
    await until('the stream to open', () => s.comments > 0);
    return s;
  };
  const post = async (path: string, body: unknown) => {
    const res = await srv.app.request(path, {
      method: 'POST',
      headers: { cookie: cookies.seca!, [CSRF_HEADER]: csrfs.seca!, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('streams the tree to members of both districts, people to no one, and nothing to another organisation', async () => {
    const a = await stream('reada');
    const b = await stream('readb');
    const outsider = await stream('outsider');
    const first = (
      await srv.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m;
    // a change about a person first (private), then one of the tree (public to the organisation)
    const personId = await post('/api/persons', {
      familyName: 'Confidential',
      givenName: 'Person',
      socialPosition: 'worker',
      status: 'non_member',
      bodyId: districtA.id,
    });
    const res = await srv.app.request(`/api/bodies/${districtA.id}`, {
      method: 'PATCH',
      headers: { cookie: cookies.seca!, [CSRF_HEADER]: csrfs.seca!, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Vyborg district committee' }),
    });
    expect(res.status).toBe(200);
    const renamed = districtA.id;
    for (const s of [a, b])
      await until('the tree change', () => s.events.find((x) => (x.data as { bodyId?: string }).bodyId === renamed));
    await new Promise((r) => setTimeout(r, 300));
    for (const s of [a, b]) {
      expect(s.events.map((x) => x.event).filter((t) => t.startsWith('person'))).toEqual([]);
      expect(JSON.stringify(s.events)).not.toContain(personId);
    }
    expect(outsider.events).toEqual([]);
    // a replay from before both changes carries the same filter
    const again = await stream('readb', { 'last-event-id': String(first ?? 0) });
    await until('the replayed tree change', () =>
      again.events.find((x) => (x.data as { bodyId?: string }).bodyId === renamed),
    );
    expect(JSON.stringify(again.events)).not.toContain(personId);
    const outsiderAgain = await stream('outsider', { 'last-event-id': String(first ?? 0) });
    await new Promise((r) => setTimeout(r, 300));
    expect(outsiderAgain.events).toEqual([]);
  });
});

describe.each(DB_KINDS)('outbox retention on %s', (kind) => {
  it('deletes rows older than the retention and keeps the recent ones', async () => {
    const h = await openTestDb(kind);
    try {
      await h.db
        .insertInto('outbox')
        .values([
          { topic: 'old.one', payload: '{}', created_at: new Date(Date.now() - 20 * 60_000) },
          { topic: 'new.one', payload: '{}' },
        ])
        .execute();
      const n = new OutboxNotifier(outboxFeed(h), { retentionMs: 15 * 60_000 });
      expect(await n.prune()).toBe(1);
      const left = await h.db.selectFrom('outbox').select('topic').execute();
      expect(left.map((r) => r.topic)).toContain('new.one');
      expect(left.map((r) => r.topic)).not.toContain('old.one');
      expect(await n.oldestId()).not.toBeNull();
    } finally {
      await h.close();
    }
  });
});

// ---- two server processes on one PostgreSQL ----

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  const cookie = set.split(';')[0]!;
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  return { cookie, csrf: ((await me.json()) as { csrfToken: string }).csrfToken };
}

describe.runIf(DB_KINDS.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  let a: ServedProcess | undefined;
  let b: ServedProcess | undefined;
  let sse: ReturnType<typeof readSse> | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    const env = { DATABASE_URL: scratch.url };
    const init = await runCli(
      ['init', '--statute', 'party-1934', '--name', 'Test', '--admin-login', 'admin', '--admin-password', PASSWORD],
      env,
    );
    expect(init.code, init.out).toBe(0);
    [a, b] = await Promise.all([serveCli(env), serveCli(env)]);
  }, 120_000);
  afterAll(async () => {
    await sse?.close();
    await Promise.all([stopCli(a), stopCli(b)]);
    await scratch?.drop();
  }, 60_000);

  it('an event caused through process A reaches the SSE client of process B', async () => {
    const onB = await signIn(b!.url);
    const res = await fetch(`${b!.url}/api/events`, { headers: { cookie: onB.cookie } });
    expect(res.status).toBe(200);
    sse = readSse(res);
    await until('the stream to open', () => sse!.comments > 0);

    const onA = await signIn(a!.url);
    const roots = await fetch(`${a!.url}/api/bodies/roots`, { headers: { cookie: onA.cookie } });
    const rootId = ((await roots.json()) as { items: { id: string }[] }).items[0]!.id;
    const started = Date.now();
    const created = await fetch(`${a!.url}/api/bodies`, {
      method: 'POST',
      headers: { cookie: onA.cookie, [CSRF_HEADER]: onA.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: rootId, kind: 'regional_committee', name: 'Leningrad regional committee' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const bodyId = ((await created.json()) as { id: string }).id;
    const e = await until(
      'body.created on B',
      () => sse!.events.find((x) => x.event === 'body.created' && (x.data as { bodyId: string }).bodyId === bodyId),
      5000,
    );
    expect(e.data).toMatchObject({ bodyId, parentId: rootId });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a server with an open stream shuts down cleanly on SIGTERM, ending the stream', async () => {
    const exited = new Promise<number | null>((r) => b!.child.once('exit', (code) => r(code)));
    const t0 = Date.now();
    b!.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    await sse!.close();
  });
});
