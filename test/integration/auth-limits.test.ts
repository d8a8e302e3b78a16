// Sign-in limits under concurrency (ADR 0016): the attempt is reserved atomically before the slow password check,
// the address limit never refuses a right password for an account, and the client address comes from
// X-Forwarded-For only through a trusted proxy. On every database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeOrganisation, makePerson } from '../support/factories.js';
import { MAX_FAILURES_PER_IP, MAX_FAILURES_PER_LOGIN } from '../../src/modules/auth/rules/rate-limit.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('sign-in limits on %s', (kind) => {
  let srv: TestServer;
  let checks: ReturnType<typeof vi.fn>;

  /** POST /api/auth/login as if from TCP peer `peer`, with optional X-Forwarded-For. */
  async function login(peer: string, login: string, password: string, forwardedFor?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    const res = await srv.app.request(
      '/api/auth/login',
      { method: 'POST', headers, body: JSON.stringify({ login, password }) },
      { incoming: { socket: { remoteAddress: peer, remotePort: 40000, remoteFamily: 'IPv4' } } },
    );
    return { status: res.status, body: (await res.json()) as Loose };
  }
  async function attemptsBy(column: 'login' | 'ip', value: string) {
    return srv.db.selectFrom('login_attempt').selectAll().where(column, '=', value).execute();
  }

  beforeAll(async () => {
    srv = await createTestServer(kind, { trustedProxies: ['10.0.0.0/8', 'fd00::/8'] });
    const org = await makeOrganisation(srv.db);
    for (const login of ['target', 'colleague', 'colleague2', 'proxied']) {
      const p = await makePerson(srv.db, org, null, { familyName: login, status: 'non_member' });
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    }
    // Count the slow checks (argon2id verifications) the service runs.
    const auth = srv.services.auth as unknown as { verify: (h: string, s: string) => Promise<boolean> };
    const real = auth.verify.bind(auth);
    checks = vi.fn(real);
    auth.verify = checks as unknown as typeof auth.verify;
  });
  afterAll(async () => {
    await srv?.close();
  });

  it(`20 concurrent wrong passwords for one login: only ${MAX_FAILURES_PER_LOGIN} reach the password check, the rest 429`, async () => {
    checks.mockClear();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(`192.0.2.${i + 1}`, 'target', `wrong ${i}`)),
    );
    expect(checks).toHaveBeenCalledTimes(MAX_FAILURES_PER_LOGIN);
    expect(results.filter((r) => r.status === 401)).toHaveLength(MAX_FAILURES_PER_LOGIN);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(20 - MAX_FAILURES_PER_LOGIN);
    for (const r of refused) expect(r.body.error.code).toBe('too_many_attempts');
    expect(await attemptsBy('login', 'target')).toHaveLength(MAX_FAILURES_PER_LOGIN);
    // The login stays limited, even for its right password, and that attempt is not checked either.
    checks.mockClear();
    expect((await login('192.0.2.200', 'target', PASSWORD)).status).toBe(429);
    expect(checks).not.toHaveBeenCalled();
  });

  it(`40 concurrent failures from one address: only ${MAX_FAILURES_PER_IP} reach the check, the rest 429`, async () => {
    checks.mockClear();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login('198.51.100.40', `nobody-${i}`, 'guess')),
    );
    expect(checks).toHaveBeenCalledTimes(MAX_FAILURES_PER_IP);
    expect(results.filter((r) => r.status === 401)).toHaveLength(MAX_FAILURES_PER_IP);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(40 - MAX_FAILURES_PER_IP);
    for (const r of refused) expect(r.body.error.code).toBe('too_many_attempts');
    expect(await attemptsBy('ip', '198.51.100.40')).toHaveLength(MAX_FAILURES_PER_IP);
    // Another address is not limited.
    expect((await login('198.51.100.41', 'nobody-0', 'guess')).status).toBe(401);
  });

  it('a limited address still lets a right password for another account in (colleagues behind one proxy)', async () => {
    const ip = '198.51.100.40'; // limited by the previous test
    expect((await login(ip, 'nobody-else', 'guess')).status).toBe(429);
    // Concurrently: colleagues signing in with their right passwords while the guessing goes on.
    const [a, b, ...guesses] = await Promise.all([
      login(ip, 'colleague', PASSWORD),
      login(ip, 'colleague2', PASSWORD),
      ...Array.from({ length: 10 }, (_, i) => login(ip, `more-${i}`, 'guess')),
    ]);
    expect(a!.status).toBe(200);
    expect(a!.body.login).toBe('colleague');
    expect(b!.status).toBe(200);
    for (const g of guesses) expect(g.status).toBe(429);
    // A wrong password for an account from the limited address is checked (the per-login limit still holds it) and
    // answered like an unknown login: 429, so the limited address cannot tell which logins have accounts.
    const wrong = await login(ip, 'colleague', 'not it');
    expect(wrong.status).toBe(429);
    expect(wrong.body.error.code).toBe('too_many_attempts');
    expect((await login(ip, 'colleague', PASSWORD)).status).toBe(200);
  });

  it('takes X-Forwarded-For only from a trusted proxy, its right-most untrusted entry', async () => {
    // An untrusted peer: the header is ignored, the peer is the client.
    expect((await login('203.0.113.9', 'proxied', 'nope', '10.9.9.9')).status).toBe(401);
    expect((await attemptsBy('login', 'proxied')).map((r) => r.ip)).toEqual(['203.0.113.9']);
    // A trusted peer: the right-most entry that is not a trusted proxy; what the client prepended is not believed.
    expect((await login('10.0.0.2', 'proxied', 'nope', '1.1.1.1, 192.0.2.77, 10.1.2.3')).status).toBe(401);
    expect((await login('::ffff:10.0.0.3', 'proxied', 'nope', '192.0.2.78')).status).toBe(401);
    expect((await login('fd00::1', 'proxied', PASSWORD, '192.0.2.79')).status).toBe(200);
    const ips = (await attemptsBy('login', 'proxied')).map((r) => r.ip).sort();
    expect(ips).toEqual(['192.0.2.77', '192.0.2.78', '192.0.2.79', '203.0.113.9']);
  });

  it('so 40 users behind one trusted proxy are told apart: one guesser does not limit the others', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login('10.0.0.1', `ghost-${i}`, 'guess', '192.0.2.150')),
    );
    expect(results.filter((r) => r.status === 429)).toHaveLength(40 - MAX_FAILURES_PER_IP);
    expect((await login('10.0.0.1', 'someone-new', 'guess', '192.0.2.151')).status).toBe(401);
  });
});
