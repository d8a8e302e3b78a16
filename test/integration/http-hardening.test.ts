// Hardened HTTP (issue 11, points 9 and 10; ADR 0017): body limits that agree with the schemas, a 413 that closes the
// connection, security headers, no caching of API answers, a limit of live streams per session, a time limit for
// slow requests, and Secure cookies by default beyond loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { namedPeople } from '../support/accounts.js';
import { makeBody, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { listen } from '../../src/platform/http/listen.js';
import { buildHttpApp } from '../../src/app/compose.js';
import { startServer } from '../../src/app/server.js';
import { MAX_STREAMS_PER_SESSION } from '../../src/platform/http/sse.js';
import { SESSION_COOKIE } from '../../src/contracts/auth.js';

/** One raw HTTP exchange: writes `request` (then `rest` unless the socket is closed), collects all it reads. */
function exchange(
  port: number,
  request: string,
  rest?: string,
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const sock = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ text, closed: false, ms: Date.now() - started });
    }, 8_000);
    sock.on('data', (d) => {
      text += d.toString('latin1');
      if (rest !== undefined && !sock.destroyed) sock.write(rest, () => {});
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: Date.now() - started });
    });
    sock.on('connect', () => sock.write(request));
    sock.once('error', reject);
  });
}

describe.each(DB_KINDS)('hardened HTTP on %s', (kind) => {
  let srv: TestServer;
  const { account, who, id } = namedPeople(() => srv);
  let meetingId: string;
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const cc = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', cc);
    await account('Keeper', org, po);
    await account('Member', org, po);
    const m = await makeMeeting(srv.db, {
      body: po,
      participants: [{ id: id('Keeper') }, { id: id('Member') }],
      roles: [{ person: { id: id('Keeper') }, role: 'secretary' }],
      status: 'closed',
    });
    meetingId = m.id;
    server = await listen(srv.app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 1_000 });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server?.close();
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
    await srv?.close();
  });

  it('accepts the largest protocol its schema allows, even with every character escaped; one more character is a 400, not a 413', async () => {
    const url = `/api/meetings/${meetingId}/protocol`;
    const draft = await who('Keeper').post(url, { lang: 'ru' });
    expect(draft.status).toBe(200);
    // 2,000,000 Cyrillic characters written as \u042f: 12 MB of JSON (the worst case the schema allows)
    const escaped = (n: number) => `{"version":${draft.body.version},"body":"${'\\u042f'.repeat(n)}"}`;
    const send = (text: string) =>
      who('Keeper').raw(url, {
        method: 'PATCH',
        body: text,
        headers: { 'content-type': 'application/json', 'x-csrf-token': who('Keeper').csrfToken! },
      });
    const ok = await send(escaped(2_000_000));
    expect(ok.status).toBe(200);
    expect(ok.body.body).toHaveLength(2_000_000);
    expect(ok.body.body.slice(0, 3)).toBe('ЯЯЯ');
    const over = await send(`{"version":${ok.body.version},"body":"${'Я'.repeat(2_000_001)}"}`);
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('validation_failed');
    // routes with small schemas keep the small limit
    const big = await who('Keeper').post('/api/persons', { familyName: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
  });

  it('a 413 says Connection: close and the server closes the socket', async () => {
    const cookie = `${SESSION_COOKIE}=${who('Member').sessionToken}`;
    const res = await exchange(
      port,
      [
        'POST /api/persons HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        'Connection: keep-alive',
        `Cookie: ${cookie}`,
        `X-CSRF-Token: ${who('Member').csrfToken}`,
        'Content-Length: 10000000',
        '',
        '{"familyName":"',
      ].join('\r\n'),
      'x'.repeat(64 * 1024),
    );
    expect(res.text).toMatch(/^HTTP\/1\.1 413/);
    expect(res.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(res.text).not.toMatch(/keep-alive/i);
    expect(res.text).toContain('payload_too_large');
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(5_000);
  });

  it('a request whose body comes too slowly is ended within the configured time', async () => {
    const res = await exchange(
      port,
      [
        'POST /api/auth/login HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        'Content-Length: 100',
        '',
        '{"login":',
      ].join('\r\n'),
    );
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(4_000);
    expect(res.text).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('sets the security headers on API answers and on the web app', async () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'antaeus-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Antaeus</title>');
    const web = await buildHttpApp(srv.services, webDir).request('/some/page');
    const api = await who('Member').get('/api/auth/me');
    const anon = await srv.client().get('/api/auth/me');
    for (const [name, h] of [
      ['web', web.headers],
      ['api', api.headers],
      ['error', anon.headers],
    ] as const) {
      const csp = h.get('content-security-policy') ?? '';
      expect(csp, name).toMatch(/default-src 'self'/);
      expect(csp, name).toMatch(/script-src 'self'(;|$)/);
      expect(csp, name).toMatch(/frame-ancestors 'none'/);
      expect(csp, name).toMatch(/object-src 'none'/);
      expect(csp, name).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(h.get('x-frame-options'), name).toBe('DENY');
      expect(h.get('x-content-type-options'), name).toBe('nosniff');
      expect(h.get('referrer-policy'), name).toBe('no-referrer');
    }
    expect(web.status).toBe(200);
    expect(api.status).toBe(200);
    expect(anon.status).toBe(401);
  });

  it('API answers are never cached (personal JSON, errors and files alike); the web app shell may be', async () => {
    const me = await who('Member').get('/api/auth/me');
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect((await srv.client().get('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    const ics = await who('Member').get(`/api/meetings/${meetingId}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('cache-control')).toBe('no-store');
  });

  it(`refuses a session's live stream past ${MAX_STREAMS_PER_SESSION} with 429 too_many_streams; a closed stream frees its place`, async () => {
    const cookie = `${SESSION_COOKIE}=${who('Member').sessionToken}`;
    const open = async (p: string, c = cookie) => {
      const ac = new AbortController();
      const res = await srv.app.request(p, { headers: { cookie: c }, signal: ac.signal });
      return { res, close: () => res.body?.cancel().catch(() => {}) };
    };
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i++)
      streams.push(await open(i % 2 ? '/api/events' : `/api/meetings/${meetingId}/stream`));
    for (const s of streams) expect(s.res.status).toBe(200);
    for (const p of ['/api/events', `/api/meetings/${meetingId}/stream`]) {
      const refused = await srv.app.request(p, { headers: { cookie } });
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_streams');
    }
    // another session of the same person is not affected
    const other = srv.client();
    expect((await other.login('member', 'correct horse')).status).toBe(200);
    const theirs = await open('/api/events', `${SESSION_COOKIE}=${other.sessionToken}`);
    expect(theirs.res.status).toBe(200);
    await theirs.close();
    // closing one stream frees a place
    await streams.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    const again = await open('/api/events');
    expect(again.res.status).toBe(200);
    for (const s of [...streams, again]) await s.close();
  });
});

describe('session cookies by default', () => {
  it('are Secure when the server listens beyond loopback, unless configured otherwise', async () => {
    const s = await startServer(
      { dataDir: 'memory://', databaseUrl: undefined, port: 0, host: '0.0.0.0', secureCookies: undefined },
      { log: () => {} },
    );
    try {
      const org = await makeOrganisation(s.handle.db);
      const p = await makePerson(s.handle.db, org, null, { status: 'non_member' });
      await s.services.auth.createAccount({ personId: p.id, login: 'net', password: 'correct horse' });
      const port = new URL(s.url).port;
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'net', password: 'correct horse' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/;\s*Secure/i);
    } finally {
      await s.close();
    }
  });
});
