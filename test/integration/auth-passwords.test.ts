// Passwords a person can manage (ADR 0016): change one's own, a manager's one-time reset code, the password policy.
// Through HTTP, on every database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a quieter horse, 1934';

describe.each(DB_KINDS)('passwords on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};

  async function signedIn(login: string, password = PASSWORD): Promise<TestClient> {
    const c = srv.client();
    const res = await c.login(login, password);
    expect(res.status).toBe(200);
    return c;
  }
  async function hashOf(login: string): Promise<string> {
    const row = await srv.db
      .selectFrom('account')
      .select('password_hash')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    return row.password_hash;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const city = await makeBody(db, org, 'city_committee', null, { name: 'City' });
    const dA = await makeBody(db, org, 'district_committee', city, { name: 'District A' });
    const pA = await makeBody(db, org, 'primary_organisation', dA, { name: 'Works A' });
    const dB = await makeBody(db, org, 'district_committee', city, { name: 'District B' });
    const pB = await makeBody(db, org, 'primary_organisation', dB, { name: 'Works B' });
    Object.assign(t, { org, city, dA, pA, dB, pB });
    const mk = async (key: string, body: { id: string }, account = true) => {
      const p = await makePerson(db, org, body, { familyName: key });
      if (account) await srv.services.auth.createAccount({ personId: p.id, login: key, password: PASSWORD });
      return (t[key] = p);
    };
    await makeOffice(db, city, await mk('citysec', pA), 'secretary'); // registered in Works A, manages the city
    await makeOffice(db, dA, await mk('districtsec', pA), 'secretary');
    await makeOffice(db, pA, await mk('worksec', pA), 'secretary');
    await mk('changer', pA);
    await mk('sessions', pA);
    await mk('forgetful', pA);
    await mk('twice', pA);
    await mk('coded', pA);
    await mk('expired', pA);
    await mk('fellow', pA);
    await mk('elsewhere', pB);
    await mk('noaccount', pA, false);
  });
  afterAll(async () => {
    await srv?.close();
  });

  describe('the policy', () => {
    it('refuses short and common passwords and the login itself, with a stable code each', async () => {
      const p = await makePerson(srv.db, t.org, t.pA);
      for (const [password, code] of [
        ['short1!', 'password_too_short'],
        ['password123', 'password_too_common'],
        ['Qwerty123', 'password_too_common'],
        ['1q2w3e4r5t', 'password_too_common'],
        ['newcomer-login', 'password_same_as_login'],
      ] as const)
        await expect(
          srv.services.auth.createAccount({ personId: p.id, login: 'Newcomer-Login', password }),
        ).rejects.toMatchObject({ code });
      await expect(
        srv.services.auth.createAccount({ personId: p.id, login: 'newcomer-login', password: NEW_PASSWORD }),
      ).resolves.toMatchObject({ id: expect.any(String) });
    });
  });

  describe('changing one’s password', () => {
    it('needs the current password, refuses a weak new one, then the new one works and the old does not', async () => {
      const c = await signedIn('changer');
      const before = await hashOf('changer');
      const wrong = await c.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe('current_password_wrong');
      const weak = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'iloveyou1' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('password_too_common');
      const short = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Chang3r' });
      expect(short.body.error.code).toBe('password_too_short');
      expect(await hashOf('changer')).toBe(before);

      const ok = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ ok: true });
      expect((await c.get('/api/auth/me')).status).toBe(200); // this session goes on
      expect((await srv.client().login('changer', PASSWORD)).status).toBe(401);
      expect((await srv.client().login('changer', NEW_PASSWORD)).status).toBe(200);
    });

    it('ends the account’s other sessions, keeps this one', async () => {
      const here = await signedIn('sessions');
      const phone = await signedIn('sessions');
      const res = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect((await here.get('/api/auth/me')).status).toBe(200);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
    });

    it('needs a signed-in session and the CSRF token', async () => {
      const anon = await srv
        .client()
        .post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(anon.status).toBe(401);
      expect(anon.body.error.code).toBe('not_signed_in');
      const c = await signedIn('fellow');
      c.csrfToken = undefined;
      const forged = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(forged.body.error.code).toBe('csrf_failed');
    });
  });

  describe('a manager’s reset code', () => {
    it('is shown once to a manager of the person’s body; only its hash is stored; the person sets a new password with it', async () => {
      const manager = await signedIn('worksec');
      const victimSession = await signedIn('forgetful');
      const res = await manager.post(`/api/persons/${t.forgetful.id}/password-reset`);
      expect(res.status).toBe(200);
      expect(res.body.login).toBe('forgetful');
      expect(res.body.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
      const code: string = res.body.code;
      const rows = await srv.db.selectFrom('password_reset').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(JSON.stringify(rows)).not.toContain(code.replace(/-/g, ''));
      expect(rows.map((r) => r.code_hash)).toContain(createHash('sha256').update(code.replace(/-/g, '')).digest('hex'));
      expect(
        rows.find((r) => r.code_hash === createHash('sha256').update(code.replace(/-/g, '')).digest('hex'))!.issued_by,
      ).toBe(t.worksec.id);
      // The old password still works until the code is used.
      expect((await srv.client().login('forgetful', PASSWORD)).status).toBe(200);

      const anon = srv.client();
      const weak = await anon.post('/api/auth/password-reset', { login: 'forgetful', code, newPassword: 'password1' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('password_too_common');
      const typo = await anon.post('/api/auth/password-reset', {
        login: 'forgetful',
        code: 'AAAAA-BBBBB-CCCCC',
        newPassword: NEW_PASSWORD,
      });
      expect(typo.status).toBe(400);
      expect(typo.body.error.code).toBe('reset_code_invalid');
      // Typed in lower case with spaces: still the code.
      const typed = code.toLowerCase().replace(/-/g, ' ');
      const used = await anon.post('/api/auth/password-reset', {
        login: 'Forgetful',
        code: typed,
        newPassword: NEW_PASSWORD,
      });
      expect(used.status).toBe(200);
      expect((await srv.client().login('forgetful', PASSWORD)).status).toBe(401);
      expect((await srv.client().login('forgetful', NEW_PASSWORD)).status).toBe(200);
      expect((await victimSession.get('/api/auth/me')).status).toBe(401); // sessions ended
      // Single use.
      const again = await anon.post('/api/auth/password-reset', {
        login: 'forgetful',
        code,
        newPassword: 'yet another horse 2',
      });
      expect(again.body.error.code).toBe('reset_code_invalid');
    });

    it('a new code replaces the unused one; a code is for its own login only', async () => {
      const manager = await signedIn('districtsec');
      const first = (await manager.post(`/api/persons/${t.twice.id}/password-reset`)).body.code;
      const second = (await manager.post(`/api/persons/${t.twice.id}/password-reset`)).body.code;
      const anon = srv.client();
      expect(
        (await anon.post('/api/auth/password-reset', { login: 'twice', code: first, newPassword: NEW_PASSWORD })).body
          .error.code,
      ).toBe('reset_code_invalid');
      expect(
        (await anon.post('/api/auth/password-reset', { login: 'fellow', code: second, newPassword: NEW_PASSWORD })).body
          .error.code,
      ).toBe('reset_code_invalid');
      expect(
        (await anon.post('/api/auth/password-reset', { login: 'twice', code: second, newPassword: NEW_PASSWORD }))
          .status,
      ).toBe(200);
    });

    it('an unused code stops working once the person changes their password themselves', async () => {
      const manager = await signedIn('districtsec');
      const code = (await manager.post(`/api/persons/${t.coded.id}/password-reset`)).body.code;
      const own = await signedIn('coded');
      const changed = await own.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(200);
      const anon = srv.client();
      const redeem = await anon.post('/api/auth/password-reset', {
        login: 'coded',
        code,
        newPassword: 'quite another passphrase',
      });
      expect(redeem.body.error?.code).toBe('reset_code_invalid');
    });

    it('expires', async () => {
      const manager = await signedIn('worksec');
      const code = (await manager.post(`/api/persons/${t.expired.id}/password-reset`)).body.code;
      const later = new AuthService(
        srv.db,
        { secureCookies: false, now: () => new Date(Date.now() + 25 * 3600_000) },
        srv.services.statute,
      );
      await expect(
        later.redeemResetCode({ login: 'expired', code, newPassword: NEW_PASSWORD }, 'x'),
      ).rejects.toMatchObject({
        code: 'reset_code_invalid',
      });
    });

    it('is refused for one’s own account, outside one’s scope, above one’s scope, and to fellow members', async () => {
      const worksec = await signedIn('worksec');
      const own = await worksec.post(`/api/persons/${t.worksec.id}/password-reset`);
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('reset_own_account');
      // Registered in Works A, but their offices reach the district / the city: above the works secretary.
      for (const above of ['districtsec', 'citysec']) {
        const res = await worksec.post(`/api/persons/${t[above].id}/password-reset`);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden_scope');
      }
      // The district secretary may not reset the city secretary either, though registered in the district.
      const districtsec = await signedIn('districtsec');
      expect((await districtsec.post(`/api/persons/${t.citysec.id}/password-reset`)).body.error.code).toBe(
        'forbidden_scope',
      );
      // Another district's member.
      expect((await worksec.post(`/api/persons/${t.elsewhere.id}/password-reset`)).body.error.code).toBe(
        'forbidden_scope',
      );
      // A fellow member of the same organisation, no office.
      const fellow = await signedIn('fellow');
      expect((await fellow.post(`/api/persons/${t.changer.id}/password-reset`)).body.error.code).toBe(
        'forbidden_scope',
      );
      // The city secretary may reset the district secretary.
      const citysec = await signedIn('citysec');
      expect((await citysec.post(`/api/persons/${t.districtsec.id}/password-reset`)).status).toBe(200);
      // Nothing was stored for the refused ones.
      const issuedFor = await srv.db
        .selectFrom('password_reset as r')
        .innerJoin('account as a', 'a.id', 'r.account_id')
        .select('a.login')
        .execute();
      expect(issuedFor.map((r) => r.login)).not.toContain('worksec');
      expect(issuedFor.map((r) => r.login)).not.toContain('citysec');
      expect(issuedFor.map((r) => r.login)).not.toContain('elsewhere');
      expect(issuedFor.map((r) => r.login)).not.toContain('changer');
    });

    it('404s for a person without an account or no such person; 401 when not signed in', async () => {
      const manager = await signedIn('worksec');
      const none = await manager.post(`/api/persons/${t.noaccount.id}/password-reset`);
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe('person_has_no_account');
      const ghost = await manager.post('/api/persons/0190a000-0000-7000-8000-000000000000/password-reset');
      expect(ghost.status).toBe(404);
      expect(ghost.body.error.code).toBe('person_not_found');
      expect((await srv.client().post(`/api/persons/${t.fellow.id}/password-reset`)).status).toBe(401);
    });

    it('guessing codes counts against the login’s sign-in limit', async () => {
      const anon = srv.client();
      for (let i = 0; i < 5; i++)
        expect(
          (
            await anon.post('/api/auth/password-reset', {
              login: 'elsewhere',
              code: `WRONG-CODE-${i}`,
              newPassword: NEW_PASSWORD,
            })
          ).status,
        ).toBe(400);
      const limited = await anon.post('/api/auth/password-reset', {
        login: 'elsewhere',
        code: 'WRONG-CODE-X',
        newPassword: NEW_PASSWORD,
      });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('too_many_attempts');
      expect((await anon.login('elsewhere', PASSWORD)).status).toBe(429);
    });
  });
});
