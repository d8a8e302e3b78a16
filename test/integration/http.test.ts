// Generic HTTP behaviour: every client mistake is a 4xx with the one error shape; the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';

function expectErrorShape(body: Loose, code?: string) {
  expect(body).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  if (code) expect(body.error.code).toBe(code);
}

describe.each(DB_KINDS)('HTTP on %s', (kind) => {
  let srv: TestServer;
  let c: TestClient;
  let body: { id: string };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const cc = await makeBody(srv.db, org, 'central_committee', null);
    body = await makeBody(srv.db, org, 'primary_organisation', cc);
    const p = await makePerson(srv.db, org, body);
    await makeOffice(srv.db, cc, p, 'general_secretary');
    await srv.services.auth.createAccount({ personId: p.id, login: 'gensec', password: PASSWORD });
    c = srv.client();
    expect((await c.login('gensec', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  const post = (path: string, init: { body?: BodyInit; headers?: Record<string, string> }) =>
    c.raw(path, {
      method: 'POST',
      body: init.body ?? null,
      headers: { 'x-csrf-token': c.csrfToken!, ...init.headers },
    });

  it('malformed JSON → 400 malformed_json', async () => {
    const res = await post('/api/persons', {
      body: '{"familyName": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'malformed_json');
    const login = await srv
      .client()
      .raw('/api/auth/login', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(login.status).toBe(400);
    expectErrorShape(login.body, 'malformed_json');
  });

  it('an empty body, a wrong content type or a JSON array → 400, never 500', async () => {
    const cases: { body?: BodyInit; headers?: Record<string, string> }[] = [
      { headers: { 'content-type': 'application/json' } },
      { body: '', headers: { 'content-type': 'application/json' } },
      { body: 'familyName=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: 'hello', headers: { 'content-type': 'text/plain' } },
      { body: '{"a":1}' },
      { body: '[1,2]', headers: { 'content-type': 'application/json' } },
      { body: 'null', headers: { 'content-type': 'application/json' } },
      { body: '"str"', headers: { 'content-type': 'application/json; charset=utf-8' } },
    ];
    for (const k of cases) {
      for (const path of ['/api/persons', '/api/auth/login']) {
        const res = await post(path, k);
        expect(res.status, `${path} ${JSON.stringify(k)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${JSON.stringify(k)}`).toBeLessThan(500);
        expectErrorShape(res.body);
      }
    }
  });

  it('a body over the limit → 413 payload_too_large', async () => {
    const big = JSON.stringify({ familyName: 'x'.repeat(300 * 1024) });
    const res = await post('/api/persons', { body: big, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 'payload_too_large');
  });

  it('a bad uuid in the path → 400 validation_failed with details', async () => {
    const res = await c.get('/api/persons/not-a-uuid');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'validation_failed');
    expect(res.body.error.details[0].path).toBe('id');
    expect((await c.get('/api/bodies/xyz/members')).status).toBe(400);
  });

  it('bad query parameters → 400 validation_failed', async () => {
    for (const q of ['limit=abc', 'limit=100000', 'offset=-1', 'status=boss', `q=${'x'.repeat(300)}`]) {
      const res = await c.get(`/api/bodies/${body.id}/members?${q}`);
      expect(res.status, q).toBe(400);
      expectErrorShape(res.body, 'validation_failed');
    }
  });

  it('an unknown id → 404', async () => {
    const res = await c.get(`/api/persons/${uuidv7()}`);
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'person_not_found');
    const b = await c.get(`/api/bodies/${uuidv7()}/members`);
    expect(b.status).toBe(404);
    expectErrorShape(b.body);
  });

  it('an unknown /api route → 404 route_not_found, for Loose method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await c.raw('/api/no/such/thing', { method, headers: { 'x-csrf-token': c.csrfToken! } });
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 'route_not_found');
    }
  });

  it('a wrong method on a known path is a 4xx with the error shape', async () => {
    const res = await c.raw('/api/auth/me', { method: 'DELETE', headers: { 'x-csrf-token': c.csrfToken! } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorShape(res.body);
  });

  it('a garbage session cookie is treated as signed out', async () => {
    const res = await srv.client().raw('/api/auth/me', { headers: { cookie: 'antaeus_session=%%%garbage; other=1' } });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'not_signed_in');
  });

  it('refuses text with an unpaired UTF-16 surrogate with a 400 on any request, and changes nothing (issue 11, point 9)', async () => {
    const before = (await c.get(`/api/bodies/${body.id}`)).body.name;
    for (const bad of ['Works \ud800', 'Works \udc00 cell', '\udfff\ud800']) {
      const r = await c.patch(`/api/bodies/${body.id}`, { name: bad, nameRu: null });
      expect(r.status, bad).toBe(400);
      expectErrorShape(r.body, 'validation_failed');
      expect(r.body.error.message).toMatch(/unpaired UTF-16 surrogate/);
    }
    // in a key or deep in a nested value too (the statute's rules are stored as jsonb)
    const deep = await c.post('/api/statute/versions', { effectiveFrom: '2030-01-01', rules: { ['k\ud800']: 1 } });
    expect(deep.status).toBe(400);
    expectErrorShape(deep.body, 'validation_failed');
    expect((await c.get(`/api/bodies/${body.id}`)).body.name).toBe(before);
    // a whole pair (an emoji) is text like any other
    const ok = await c.patch(`/api/bodies/${body.id}`, { name: 'Works \ud83d\udea9', nameRu: null });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Works \u{1f6a9}');
  });

  it('serves the OpenAPI 3.1 document listing the routes', async () => {
    const res = await srv.client().raw('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/persons',
      '/api/persons/{id}',
      '/api/bodies/{id}/members',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });
});
