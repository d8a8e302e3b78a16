// Sign-in, sessions, rate limiting, CSRF and the scopes offices grant — through HTTP, on every database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('auth on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null, { name: 'Central Committee' });
    const city = await makeBody(db, org, 'city_committee', cc, { name: 'City' });
    const dA = await makeBody(db, org, 'district_committee', city, { name: 'Moskovsky district' });
    const bureauA = await makeBody(db, org, 'bureau', dA, { name: 'Bureau of Moskovsky' });
    const pA = await makeBody(db, org, 'primary_organisation', dA, { name: 'Skorokhod factory' });
    const shop = await makeBody(db, org, 'shop_cell', pA, { name: 'Cutting shop' });
    const dB = await makeBody(db, org, 'district_committee', city, { name: 'Vyborgsky district' });
    Object.assign(t, { org, cc, city, dA, bureauA, pA, shop, dB });

    const mk = async (key: string, body: { id: string } | null) => {
      const p = await makePerson(db, org, body, { familyName: key });
      await srv.services.auth.createAccount({ personId: p.id, login: key, password: PASSWORD });
      t[key] = p;
      return p;
    };
    await makeOffice(db, dA, await mk('secretary', pA), 'secretary');
    await makeOffice(db, bureauA, await mk('bureausec', pA), 'secretary');
    await makeOffice(db, dB, await mk('former', pA), 'secretary', { startsOn: '1930-01-01', endsOn: '1933-01-01' });
    await makeOffice(db, dB, await mk('future', pA), 'secretary', { startsOn: '2999-01-01' });
    await makeOffice(db, dA, await mk('bureaumember', pA), 'bureau_member');
    await mk('rank', shop);
    await mk('limited', pA);
    await mk('resets', pA);
    await mk('csrf', pA);
    await mk('expiry', pA);
    await mk('ru', pA);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('signs in: sets an HttpOnly SameSite=Lax cookie, stores only the token hash, returns Me', async () => {
    const c = srv.client();
    const res = await c.login('secretary', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.setCookies.find((s) => s.startsWith('antaeus_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body).toMatchObject({
      login: 'secretary',
      personId: t.secretary.id,
      organisationId: t.org.id,
      locale: 'en',
    });
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
    const token = c.sessionToken!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await srv.db.selectFrom('session').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.personId).toBe(t.secretary.id);
  });

  it('treats logins case-insensitively and refuses a second account with the same login in another case', async () => {
    expect((await srv.client().login('  SECRETARY ', PASSWORD)).status).toBe(200);
    const p = await makePerson(srv.db, t.org, t.pA);
    await expect(
      srv.services.auth.createAccount({ personId: p.id, login: 'Secretary', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'login_taken',
    });
    await expect(
      srv.services.auth.createAccount({ personId: p.id, login: 'newone', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'password_too_short',
    });
  });

  it('answers a wrong password and an unknown login alike: 401 invalid_credentials', async () => {
    const a = await srv.client().login('secretary', 'wrong password');
    const b = await srv.client().login('nobody-at-all', 'wrong password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.code).toBe('invalid_credentials');
    expect(b.body.error).toEqual(a.body.error);
    expect(a.setCookies).toHaveLength(0);
  });

  it('refuses with 429 after 5 failures, even the right password, until the window passes', async () => {
    const c = srv.client();
    for (let i = 0; i < 5; i++) expect((await c.login('limited', 'nope' + i)).status).toBe(401);
    const refused = await c.login('limited', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_attempts');
    expect(refused.body.error.message).toMatch(/minutes?/);
    expect(refused.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(c.sessionToken).toBeUndefined();
    // Another login is not affected.
    expect((await srv.client().login('resets', PASSWORD)).status).toBe(200);
    // A second process (another service instance on the same database), 16 minutes later, lets it in.
    const later = new AuthService(
      srv.db,
      { secureCookies: false, now: () => new Date(Date.now() + 16 * 60_000) },
      srv.services.statute,
    );
    await expect(later.login('limited', PASSWORD, 'unknown')).resolves.toMatchObject({ me: { login: 'limited' } });
  });

  it('counts failures since the last success only', async () => {
    const c = srv.client();
    for (let i = 0; i < 4; i++) await c.login('resets', 'nope');
    expect((await c.login('resets', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) await c.login('resets', 'nope');
    expect((await c.login('resets', PASSWORD)).status).toBe(200);
  });

  it('refuses writes without the CSRF token (403 csrf_failed) and writes nothing', async () => {
    const c = srv.client();
    await c.login('csrf', PASSWORD);
    const before = await srv.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const input = {
      familyName: 'Forged',
      givenName: 'F',
      socialPosition: 'worker',
      status: 'non_member',
      bodyId: t.pA.id,
    };
    const token = c.csrfToken;
    c.csrfToken = undefined;
    const noToken = await c.post('/api/persons', input);
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    c.csrfToken = 'not-the-token';
    expect((await c.patch('/api/auth/me', { locale: 'ru' })).body.error.code).toBe('csrf_failed');
    c.csrfToken = token;
    // The right token but from another site.
    const cross = await c.raw('/api/auth/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token!, origin: 'https://evil.example' },
      body: JSON.stringify({ locale: 'ru' }),
    });
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('csrf_failed');
    const after = await srv.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await c.get('/api/auth/me')).body.locale).toBe('en');
    // Same-origin with the token is accepted.
    const ok = await c.raw('/api/auth/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token!, origin: 'http://localhost' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(ok.status).toBe(200);
  });

  it('changes the locale of the account', async () => {
    const c = srv.client();
    await c.login('ru', PASSWORD);
    const res = await c.patch('/api/auth/me', { locale: 'ru' });
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('ru');
    expect((await c.get('/api/auth/me')).body.locale).toBe('ru');
    expect((await c.patch('/api/auth/me', { locale: 'de' })).status).toBe(400);
  });

  it('ends the session on logout and when it expires', async () => {
    const c = srv.client();
    await c.login('expiry', PASSWORD);
    const token = c.sessionToken!;
    const out = await c.logout();
    expect(out.status).toBe(200);
    expect(c.sessionToken).toBeUndefined();
    const after = await c.raw('/api/auth/me', { headers: { cookie: `antaeus_session=${token}` } });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('not_signed_in');
    const rows = await srv.db.selectFrom('session').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(createHash('sha256').update(token).digest('hex'));

    await c.login('expiry', PASSWORD);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const hash = createHash('sha256').update(c.sessionToken!).digest('hex');
    await srv.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hash)
      .execute();
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('slides the expiry while the session is used, but not past its maximum age', async () => {
    let now = Date.now();
    const svc = new AuthService(
      srv.db,
      { secureCookies: false, sessionTtlMs: 3600_000, sessionMaxMs: 3 * 3600_000, now: () => new Date(now) },
      srv.services.statute,
    );
    const { token } = await svc.login('expiry', PASSWORD, 'slide');
    now += 50 * 60_000;
    expect(await svc.resolveSession(token)).not.toBeNull();
    now += 50 * 60_000; // 100 minutes after sign-in, beyond the 60-minute TTL, still alive through use
    expect(await svc.resolveSession(token)).not.toBeNull();
    now += 55 * 60_000;
    expect(await svc.resolveSession(token)).not.toBeNull();
    now += 55 * 60_000; // 3 h 20 min: past the maximum age
    expect(await svc.resolveSession(token)).toBeNull();
    expect(await svc.resolveSession('garbage')).toBeNull();
  });

  it('401 not_signed_in without a session', async () => {
    const res = await srv.client().get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'not_signed_in', message: expect.any(String) } });
  });

  it('derives scopes from offices: a district secretary manages the district subtree', async () => {
    const me = (await srv.client().login('secretary', PASSWORD)).body;
    expect(me.scopes).toEqual([
      { bodyId: t.dA.id, path: t.dA.path, title: 'secretary', bodyName: 'Moskovsky district', bodyNameRu: null },
    ]);
    expect(me.homeBodyId).toBe(t.pA.id);
    expect(me.homePath).toBe(t.pA.path);
  });

  it('an office in a bureau grants the parent committee', async () => {
    const me = (await srv.client().login('bureausec', PASSWORD)).body;
    expect(me.scopes.map((s: Loose) => s.bodyId)).toEqual([t.dA.id]);
  });

  it('an ended office, a future office and a non-managing office grant nothing', async () => {
    for (const login of ['former', 'future', 'bureaumember']) {
      const me = (await srv.client().login(login, PASSWORD)).body;
      expect(me.scopes).toEqual([]);
    }
  });

  it('a member registered in a shop cell has its primary organisation as home', async () => {
    const me = (await srv.client().login('rank', PASSWORD)).body;
    expect(me.scopes).toEqual([]);
    expect(me.homeBodyId).toBe(t.pA.id);
    expect(me.homePath).toBe(t.pA.path);
  });

  it('marks the cookie Secure when configured', async () => {
    const secure = await createTestServer(kind, { secureCookies: true });
    try {
      const org = await makeOrganisation(secure.db);
      const p = await makePerson(secure.db, org, null, { status: 'non_member' });
      await secure.services.auth.createAccount({ personId: p.id, login: 'sec', password: PASSWORD });
      const res = await secure.client().login('sec', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.setCookies.find((s) => s.startsWith('antaeus_session='))).toMatch(/Secure/);
      expect(res.body.homePath).toBeNull();
    } finally {
      await secure.close();
    }
  });
});
