// A meeting's live state and its SSE stream (issue 4): the state on connect and after every change, access
// refused to outsiders, one computation per change shared by every watcher (the same bytes to all), slow
// watchers closed, clean close on shutdown, and a change made through another server process on the same
// PostgreSQL reaching this process's stream.
import type { AddressInfo } from 'node:net';
import { serve as nodeServe } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { buildHttpApp, createServices, type Services } from '../../src/app/compose.js';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Api } from '../../src/platform/http/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contracts/auth.js';
import { LiveState } from '../../src/contracts/assembly.js';
import { COUNTER_MS, type LiveFrame } from '../../src/modules/assembly/live.service.js';
import { MAX_PENDING_WRITES } from '../../src/modules/assembly/live.routes.js';

const PASSWORD = 'correct horse battery';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a text/event-stream body as it arrives; `ended` resolves when the server ends the stream. */
function readSse(res: Response) {
  const events: SseEvent[] = [];
  let comments = 0;
  let closedByServer = false;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) {
        closedByServer = true;
        return;
      }
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const e: SseEvent = { event: 'message', data: undefined };
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments++;
          else if (line.startsWith('event: ')) {
            e.event = line.slice(7);
            isEvent = true;
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
    ended,
    get comments() {
      return comments;
    },
    get closedByServer() {
      return closedByServer;
    },
    states: () => events.filter((e) => e.event === 'state').map((e) => e.data as LiveState),
    async close() {
      await reader.cancel().catch(() => {});
      await ended;
    },
  };
}
type Sse = ReturnType<typeof readSse>;

async function until<T>(what: string, f: () => T | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const last = (s: Sse) => s.states().at(-1);

describe.each(DB_KINDS)('live state and stream on %s', (kind) => {
  let srv: TestServer;
  const p: Record<string, { id: string }> = {};
  const c: Record<string, TestClient> = {};
  const cookies: Record<string, string> = {};
  let m: MadeMeeting;
  const open: Sse[] = [];

  const stream = async (login: string, meetingId = m.id): Promise<Sse> => {
    const res = await srv.app.request(`/api/meetings/${meetingId}/stream`, { headers: { cookie: cookies[login]! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const s = readSse(res);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    await srv.services.events.start();
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const po = await makeBody(db, org, 'primary_organisation', cc);
    const otherPo = await makeBody(db, org, 'primary_organisation', cc);
    p.chair = await makePerson(db, org, po, { familyName: 'Kaganovich', givenName: 'Lazar' });
    p.steno = await makePerson(db, org, po, { familyName: 'Stenographer' });
    p.kirov = await makePerson(db, org, po, { familyName: 'Kirov', givenName: 'Sergei' });
    p.absent = await makePerson(db, org, po, { familyName: 'Absent' });
    p.outsider = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    const org2 = await makeOrganisation(db);
    const root2 = await makeBody(db, org2, 'central_committee', null);
    p.foreign = await makePerson(db, org2, root2, { familyName: 'Foreign' });
    await makeOffice(db, root2, p.foreign, 'secretary');
    m = await makeMeeting(db, {
      body: po,
      title: 'General assembly of the Red Putilovite',
      participants: [p.chair!, p.steno!, p.kirov!, p.absent!],
      present: [p.chair!, p.steno!, p.kirov!],
      roles: [
        { person: p.chair!, role: 'chair' },
        { person: p.steno!, role: 'stenographer' },
      ],
      open: true,
    });
    for (const login of Object.keys(p)) {
      await srv.services.auth.createAccount({ personId: p[login]!.id, login, password: PASSWORD });
      c[login] = srv.client();
      expect((await c[login]!.login(login, PASSWORD)).status).toBe(200);
      cookies[login] = `${SESSION_COOKIE}=${c[login]!.sessionToken}`;
    }
  });
  afterAll(async () => {
    for (const s of open) await s.close();
    await srv?.services.live.stop();
    await srv?.services.events.stop();
    await srv?.close();
  });

  it('GET /live returns the state to participants and refuses outsiders', async () => {
    const r = await c.kirov!.get(`/api/meetings/${m.id}/live`);
    expect(r.status).toBe(200);
    const state = LiveState.parse(r.body);
    expect(state).toMatchObject({
      meetingId: m.id,
      status: 'open',
      title: 'General assembly of the Red Putilovite',
      currentItem: { id: m.currentItemId, position: 1, title: 'Report of the bureau' },
      speaker: null,
      queue: [],
      queueLength: 0,
      chair: 'Kaganovich Lazar',
      quorum: { entitledVoting: 4, presentVoting: 3, required: 3, reached: true },
      transcriptCount: 0,
      notesCount: 0,
    });
    expect((await c.outsider!.get(`/api/meetings/${m.id}/live`)).status).toBe(403);
    expect((await c.foreign!.get(`/api/meetings/${m.id}/live`)).status).toBe(404);
  });

  it('refuses the stream to outsiders (403), other organisations (404) and the signed-out (401)', async () => {
    const out = await srv.app.request(`/api/meetings/${m.id}/stream`, { headers: { cookie: cookies.outsider! } });
    expect(out.status).toBe(403);
    expect(((await out.json()) as Loose).error.code).toBe('meeting_not_participant');
    const foreign = await srv.app.request(`/api/meetings/${m.id}/stream`, { headers: { cookie: cookies.foreign! } });
    expect(foreign.status).toBe(404);
    expect((await srv.app.request(`/api/meetings/${m.id}/stream`)).status).toBe(401);
    expect(srv.services.live.watching(m.id)).toBe(0);
  });

  it('sends the state on connect, then a new state with a higher revision after a floor change', async () => {
    const s = await stream('kirov');
    const first = await until('the initial state', () => last(s));
    expect(LiveState.safeParse(first).success).toBe(true);
    expect(first.queue).toEqual([]);
    const ask = await c.kirov!.post(`/api/meetings/${m.id}/floor`, { kind: 'speech' });
    expect(ask.status).toBe(201);
    const queued = await until('the queue', () => s.states().find((x) => x.queueLength === 1));
    expect(queued.revision).toBeGreaterThan(first.revision);
    expect(queued.queue).toEqual([
      { requestId: ask.body.id, personId: p.kirov!.id, name: 'Kirov Sergei', nameRu: null, kind: 'speech' },
    ]);

    expect((await c.chair!.post(`/api/meetings/${m.id}/floor/${ask.body.id}/give`, {})).status).toBe(200);
    const speaking = await until('the speaker', () => s.states().find((x) => x.speaker !== null));
    expect(speaking.revision).toBeGreaterThan(queued.revision);
    expect(speaking.speaker).toMatchObject({ requestId: ask.body.id, name: 'Kirov Sergei', limitSeconds: 600 });
    expect(speaking.queueLength).toBe(0);

    // a transcript entry moves the counters the pages reload on
    expect(
      (await c.steno!.post(`/api/meetings/${m.id}/transcript`, { kind: 'speech', text: 'Comrades!' })).status,
    ).toBe(201);
    const counted = await until('the transcript count', () => s.states().find((x) => x.transcriptCount === 1));
    expect(counted.transcriptVersion).toBe(1);
    expect(s.comments).toBeGreaterThanOrEqual(1); // ': connected'
  });

  it('over a real Node HTTP server, writes the states straight to the socket (the path 5,000 phones take)', async () => {
    const server = nodeServe({ fetch: srv.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/meetings/${m.id}/stream`, {
        headers: { cookie: cookies.kirov! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const s = readSse(res);
      const first = await until('the initial state', () => last(s));
      expect(LiveState.safeParse(first).success).toBe(true);
      const add = await c.steno!.post(`/api/meetings/${m.id}/transcript`, { kind: 'remark', text: '(Applause)' });
      expect(add.status).toBe(201);
      const next = await until('the new state', () => s.states().find((x) => x.revision > first.revision));
      expect(next.transcriptCount).toBe(first.transcriptCount + 1);
      await s.close();
      // an outsider still gets an ordinary JSON 403 on this path
      const refused = await fetch(`http://127.0.0.1:${port}/api/meetings/${m.id}/stream`, {
        headers: { cookie: cookies.outsider! },
      });
      expect(refused.status).toBe(403);
    } finally {
      server.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }
  });

  it('computes one state per change for all watchers and hands every watcher the same bytes', async () => {
    const frames: LiveFrame[][] = [];
    const detach: (() => void)[] = [];
    const kirov = await actorOf(srv, cookies.kirov!);
    for (let i = 0; i < 50; i++) {
      const got: LiveFrame[] = [];
      frames.push(got);
      detach.push(await srv.services.live.subscribe(kirov, m.id, { send: (f) => got.push(f), close: () => {} }));
    }
    await until('every watcher has a state', () => frames.every((f) => f.length > 0));
    const before = srv.services.live.computations;
    const writes = 8;
    for (let i = 0; i < writes; i++) {
      const r = await c.steno!.post(`/api/meetings/${m.id}/transcript`, { kind: 'remark', text: `(Applause ${i})` });
      expect(r.status).toBe(201);
    }
    const target = (await c.kirov!.get(`/api/meetings/${m.id}/live`)).body.revision as number;
    await until('the last revision everywhere', () => frames.every((f) => f.at(-1)!.revision >= target));
    const computed = srv.services.live.computations - before - 1; // minus the GET /live above
    // one computation per change at most (coalesced: fewer when changes arrive together), not one per watcher
    expect(computed).toBeLessThanOrEqual(writes + 1);
    const lastFrames = frames.map((f) => f.at(-1)!);
    for (const f of lastFrames) expect(f).toBe(lastFrames[0]);
    for (const d of detach) d();
    expect(srv.services.live.watching(m.id)).toBe(open.length ? 1 : 0);
  });

  it('spaces counter-only changes (ballots received) by COUNTER_MS, and an urgent change does not wait for them', async () => {
    // a meeting of its own, so no change of another test is still on its way to this one
    const own = await makeMeeting(srv.db, {
      body: { id: m.bodyId, organisationId: m.organisationId },
      title: 'Counters',
      participants: [p.kirov!, p.steno!],
      present: [p.kirov!, p.steno!],
      roles: [{ person: p.steno!, role: 'stenographer' }],
      open: true,
    });
    const frames: { at: number; frame: LiveFrame }[] = [];
    const kirov = await actorOf(srv, cookies.kirov!);
    const detach = await srv.services.live.subscribe(kirov, own.id, {
      send: (frame) => frames.push({ at: Date.now(), frame }),
      close: () => {},
    });
    await until('the first state', () => frames.length > 0);
    let posted = 0; // when the last remark's write was answered (committed): the spacing is measured from there
    const remark = async (text: string) => {
      const r = await c.steno!.post(`/api/meetings/${own.id}/transcript`, { kind: 'remark', text });
      posted = Date.now();
      expect(r.status).toBe(201);
      return (await c.kirov!.get(`/api/meetings/${own.id}/live`)).body.revision as number;
    };
    const signal = () =>
      srv.db.transaction().execute((trx) => srv.services.assembly.signal(trx, own.id, 'meeting.vote'));
    // an urgent change, its state, then at once a counter-only change: recomputed only COUNTER_MS after that state
    const revision = await remark('(Applause)');
    const state = await until('the remark’s state', () => frames.find((f) => f.frame.revision >= revision));
    const before = srv.services.live.computations;
    await signal();
    await new Promise((r) => setTimeout(r, Math.max(0, state.at + COUNTER_MS / 2 - Date.now())));
    expect(srv.services.live.computations).toBe(before);
    await until('the counter-only change computed', () => srv.services.live.computations > before, COUNTER_MS * 5);
    expect(Date.now() - state.at).toBeGreaterThanOrEqual(COUNTER_MS - 100);
    // a counter-only change pending, then a transcript entry: the new state comes at the usual spacing
    await signal();
    const next = await remark('(Stir in the hall)');
    const got = await until('the urgent state', () => frames.find((f) => f.frame.revision >= next));
    expect(got.at - posted).toBeLessThan(COUNTER_MS / 2);
    detach();
  });

  it('closes a watcher that does not read (it reconnects), keeping the others', async () => {
    const res = await srv.app.request(`/api/meetings/${m.id}/stream`, { headers: { cookie: cookies.chair! } });
    expect(res.status).toBe(200);
    const watching = srv.services.live.watching(m.id);
    // never read `res.body`: every state waits; past the bound the server ends this stream
    for (let i = 0; i < MAX_PENDING_WRITES + 4; i++) {
      await c.steno!.post(`/api/meetings/${m.id}/transcript`, { kind: 'remark', text: `(Noise ${i})` });
      await new Promise((r) => setTimeout(r, 120));
    }
    await until('the slow watcher dropped', () => srv.services.live.watching(m.id) === watching - 1);
    await res.body!.cancel().catch(() => {});
  });

  it('ends every stream cleanly when the server stops', async () => {
    const s = await stream('steno');
    await until('the initial state', () => last(s));
    await srv.services.live.stop();
    await Promise.race([s.ended, new Promise((_, rej) => setTimeout(() => rej(new Error('stream not ended')), 3000))]);
    expect(s.closedByServer).toBe(true);
    expect(srv.services.live.watching(m.id)).toBe(0);
  });
});

/** The actor behind a session cookie (as the auth middleware resolves it). */
async function actorOf(srv: TestServer, cookie: string) {
  const token = cookie.split('=')[1]!;
  const actor = await srv.services.auth.resolveSession(token);
  if (!actor) throw new Error('no actor');
  return actor;
}

// ---- two server processes on one PostgreSQL (two service sets, each with its own notifier and connection) ----

async function signIn(app: Api, login: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const set = res.headers.getSetCookie().find((x) => x.startsWith(`${SESSION_COOKIE}=`))!;
  return { cookie: set.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe.runIf(DB_KINDS.includes('postgres'))('live state across two server processes on one PostgreSQL', () => {
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  const handles: DbHandle[] = [];
  const services: Services[] = [];
  const apps: Api[] = [];
  let sse: Sse | undefined;
  let m: MadeMeeting;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    for (let i = 0; i < 2; i++) handles.push(await openDatabase({ databaseUrl: scratch.url }));
    await migrate(handles[0]!);
    for (const h of handles) {
      const s = createServices(h);
      services.push(s);
      apps.push(buildHttpApp(s));
      await s.events.start();
    }
    const db = handles[0]!.db;
    const org = await makeOrganisation(db);
    const po = await makeBody(db, org, 'primary_organisation', null);
    const steno = await makePerson(db, org, po, { familyName: 'Stenographer' });
    const kirov = await makePerson(db, org, po, { familyName: 'Kirov' });
    m = await makeMeeting(db, {
      body: po,
      participants: [steno, kirov],
      present: [kirov],
      roles: [{ person: steno, role: 'stenographer' }],
      open: true,
    });
    await services[0]!.auth.createAccount({ personId: steno.id, login: 'steno', password: PASSWORD });
    await services[0]!.auth.createAccount({ personId: kirov.id, login: 'kirov', password: PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await sse?.close();
    for (const s of services) {
      await s.live.stop();
      await s.events.stop();
    }
    for (const h of handles) await h.close();
    await scratch?.drop();
  }, 60_000);

  it('a transcript write through process A reaches the stream of process B as a state with a new revision', async () => {
    const onB = await signIn(apps[1]!, 'kirov');
    const res = await apps[1]!.request(`/api/meetings/${m.id}/stream`, { headers: { cookie: onB.cookie } });
    expect(res.status).toBe(200);
    sse = readSse(res);
    const first = await until('the initial state on B', () => last(sse!));
    expect(first.transcriptCount).toBe(0);

    const onA = await signIn(apps[0]!, 'steno');
    const started = Date.now();
    const w = await apps[0]!.request(`/api/meetings/${m.id}/transcript`, {
      method: 'POST',
      headers: { cookie: onA.cookie, [CSRF_HEADER]: onA.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'interjection', text: 'Correct!' }),
    });
    expect(w.status, await w.clone().text()).toBe(201);
    const next = await until('the new state on B', () => sse!.states().find((x) => x.transcriptCount === 1), 5000);
    expect(next.revision).toBeGreaterThan(first.revision);
    expect(Date.now() - started).toBeLessThan(5000);
    // B computed it from its own notifier, which saw the outbox row A committed
    expect(services[1]!.live.computations).toBeGreaterThanOrEqual(2);
  });
});
