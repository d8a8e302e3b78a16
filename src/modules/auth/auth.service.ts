// Accounts, sign-in with rate limiting, sessions and the actor behind a session.
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../platform/crypto/password.js';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import {
  RESET_CODE_TTL_HOURS,
  type ChangePasswordInput,
  type Locale,
  type Me,
  type RedeemResetCodeInput,
  type ResetCode,
} from '../../contracts/auth.js';
import { DEFAULT_TIME_ZONE } from '../../contracts/time-zone.js';
import { AppError, CommonErrors } from '../../platform/errors.js';
import { AuthErrors } from './auth.errors.js';
import {
  assertCanChangeOwnPassword,
  assertCanIssueResetCode,
  assertCanReadOwnAccount,
  assertCanUpdateAccount,
  canIssueResetCode,
  canRedeemResetCode,
  keepsWorklists,
  type ResetTarget,
} from './auth.policy.js';
import { passwordProblem } from './rules/password-policy.js';
import { commonPasswords } from './common-passwords.js';
import { deriveCommissions, deriveScopes, type NamedScope } from './rules/scopes.js';

function toMeScope(s: NamedScope) {
  return { bodyId: s.bodyId, path: s.path, title: s.title, bodyName: s.bodyName, bodyNameRu: s.bodyNameRu };
}
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_LOGIN,
  laterOf,
  limitedUntil,
  minutesUntil,
  normaliseLogin,
} from './rules/rate-limit.js';
import * as repo from './auth.repository.js';
import { clientAddress, trustedProxyList } from '../../platform/http/client-address.js';
import type { BlockList } from 'node:net';
import type { StatuteSource } from '../statute/statute.service.js';

export interface AuthOptions {
  secureCookies: boolean;
  /** Session lifetime without activity (sliding). Default 12 h. */
  sessionTtlMs?: number;
  /** Longest a session lives however active. Default 7 days. */
  sessionMaxMs?: number;
  /** Origins besides the request's own host allowed to send writes (e.g. a dev server). */
  allowedOrigins?: string[];
  /** Reverse proxies whose X-Forwarded-For names the client (addresses or CIDR ranges; ADR 0016). */
  trustedProxies?: readonly string[];
  /** Clock (tests). */
  now?: () => Date;
}

/** The actor as resolved from a session, with what "me" shows besides. */
export interface SessionActor extends Actor {
  scopes: NamedScope[];
  commissions: NamedScope[];
  homeBodyId: string | null;
  /** The person's full name in Russian (null when not recorded). */
  displayNameRu: string | null;
}

export interface LoginResult {
  /** The session token for the cookie (never stored). */
  token: string;
  expiresAt: Date;
  me: Me;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A reset code: 15 characters of CODE_ALPHABET (75 bits), in three groups of five. */
function newResetCode(): string {
  const bytes = randomBytes(15);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-');
}

/** SHA-256 of a code as typed, ignoring case, spaces and dashes. */
function hashResetCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function isSessionActor(a: Actor): a is SessionActor {
  return 'homeBodyId' in a;
}

export class AuthService {
  private readonly ttl: number;
  private readonly maxAge: number;
  private readonly now: () => Date;
  private dummyHash: Promise<string> | null = null;
  private readonly trusted: BlockList;

  constructor(
    private readonly db: Database,
    readonly options: AuthOptions,
    private readonly statute: StatuteSource,
  ) {
    this.ttl = options.sessionTtlMs ?? 12 * 3600_000;
    this.maxAge = options.sessionMaxMs ?? 7 * 24 * 3600_000;
    this.now = options.now ?? (() => new Date());
    this.trusted = trustedProxyList(options.trustedProxies ?? []);
  }

  get cookieOptions() {
    return { httpOnly: true, sameSite: 'Lax' as const, path: '/', secure: this.options.secureCookies };
  }

  get allowedOrigins(): readonly string[] {
    return this.options.allowedOrigins ?? [];
  }

  /** Creates an account for a person (argon2id); logins are unique regardless of case. */
  async createAccount(input: {
    personId: string;
    login: string;
    password: string;
    locale?: Locale;
  }): Promise<{ id: string }> {
    const login = normaliseLogin(input.login);
    if (!login) throw AuthErrors.login_taken(undefined, 'A login is required.');
    this.assertPasswordAllowed(input.password, login);
    const passwordHash = await hashPassword(input.password);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.personExists(trx, input.personId)))
        throw AuthErrors.person_not_found({ personId: input.personId });
      if (await repo.accountOfPerson(trx, input.personId))
        throw AuthErrors.person_has_account({ personId: input.personId });
      if (await repo.findAccountByLogin(trx, login)) throw AuthErrors.login_taken({ login });
      try {
        await repo.insertAccount(trx, {
          id,
          person_id: input.personId,
          login,
          password_hash: passwordHash,
          locale: input.locale ?? 'en',
        });
      } catch (e) {
        const err = e as { code?: string; constraint?: string };
        if (err.code === '23505' && err.constraint?.includes('person'))
          throw AuthErrors.person_has_account({ personId: input.personId });
        if (err.code === '23505') throw AuthErrors.login_taken({ login });
        throw e;
      }
    });
    return { id };
  }

  /** The client's address: the TCP peer, or what a trusted proxy says in X-Forwarded-For (ADR 0016). */
  clientAddress(peer: string | undefined, forwardedFor: string | undefined): string {
    return clientAddress(this.trusted, peer, forwardedFor);
  }

  /**
   * Reserves one attempt at a secret of `login` (its password, or a reset code) before the slow check, in one short
   * transaction under advisory locks on the login and the address, so concurrent attempts are counted one by one
   * (ADR 0016). Refuses (429) when the login has had MAX_FAILURES_PER_LOGIN failures in the window since its last
   * success. The address limit refuses only attempts at logins without an account; for an account it is `addressUntil`,
   * which turns a failed check into the same 429 (so a limited address cannot tell accounts from unknown logins), while
   * a right password still passes: colleagues behind one address are never locked out by someone else's failures.
   */
  private async reserveAttempt(
    login: string,
    ip: string,
    hasAccount: boolean,
  ): Promise<{ id: number; addressUntil: Date | null }> {
    const now = this.now();
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
    type Reserved = { refused: Date } | { id: number; addressUntil: Date | null };
    const r = await this.db.transaction().execute(async (trx): Promise<Reserved> => {
      await repo.lockAttempts(trx, login, ip);
      const byLogin = limitedUntil(await repo.nthRecentLoginFailure(trx, login, since, MAX_FAILURES_PER_LOGIN), now);
      const byIp = limitedUntil(await repo.nthRecentIpFailure(trx, ip, since, MAX_FAILURES_PER_IP), now);
      const until = hasAccount ? byLogin : laterOf(byLogin, byIp);
      if (until) return { refused: until };
      return { id: await repo.reserveAttempt(trx, login, ip, now), addressUntil: byIp };
    });
    if ('refused' in r) throw this.tooMany(r.refused, now);
    return r;
  }

  private tooMany(until: Date, now: Date): AppError {
    const minutes = minutesUntil(until, now);
    return AuthErrors.too_many_attempts(
      { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000), retryAt: until.toISOString() },
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }

  /** Signs in: reserves the attempt (or refuses while rate-limited), checks the password, opens a session. */
  async login(loginInput: string, password: string, ip: string): Promise<LoginResult> {
    const login = normaliseLogin(loginInput);
    const account = await repo.findAccountByLogin(this.db, login);
    const attempt = await this.reserveAttempt(login, ip, !!account);
    // Verify against a dummy hash for unknown logins so both cases take the same time.
    const ok = account
      ? await this.verify(account.password_hash, password)
      : await this.verify(await this.dummy(), password).then(() => false);
    const now = this.now();
    if (!account || !ok) {
      // The reserved attempt stays a failure.
      if (attempt.addressUntil) throw this.tooMany(attempt.addressUntil, now);
      throw AuthErrors.invalid_credentials();
    }
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttl);
    await this.db.transaction().execute(async (trx) => {
      await repo.markAttemptSucceeded(trx, attempt.id);
      await repo.pruneAttempts(trx, login, new Date(now.getTime() - 24 * 3600_000));
      await repo.deleteExpiredSessions(trx, account.id, now);
      await repo.insertSession(trx, {
        token_hash: hashToken(token),
        account_id: account.id,
        csrf_token: csrf,
        created_at: now,
        expires_at: expiresAt,
      });
    });
    const actor = await this.resolveSession(token);
    if (!actor) throw AuthErrors.invalid_credentials();
    return { token, expiresAt, me: await this.me(actor) };
  }

  /** Ends the session of this token (no error when there is none). */
  async logout(token: string | undefined): Promise<void> {
    if (!token || !TOKEN_RE.test(token)) return;
    await repo.deleteSession(this.db, hashToken(token));
  }

  /** The actor of a live session, or null. Extends the session while it is used (sliding expiry). */
  async resolveSession(token: string): Promise<SessionActor | null> {
    if (!TOKEN_RE.test(token)) return null;
    const tokenHash = hashToken(token);
    const now = this.now();
    const row = await repo.findLiveSession(this.db, tokenHash, now);
    if (!row) return null;
    const wanted = new Date(Math.min(now.getTime() + this.ttl, row.created_at.getTime() + this.maxAge));
    // Write at most every few minutes, not on every request.
    if (wanted.getTime() - row.expires_at.getTime() > 5 * 60_000) await repo.extendSession(this.db, tokenHash, wanted);
    const { scopes, commissions } = await this.officesOf(row.person_id, row.organisation_id, now);
    return {
      accountId: row.account_id,
      personId: row.person_id,
      organisationId: row.organisation_id,
      login: row.login,
      displayName: `${row.given_name} ${row.family_name}`,
      displayNameRu: row.name_ru,
      locale: row.locale,
      scopes,
      commissions,
      homePath: row.home_path,
      homeBodyId: row.home_id,
      csrfToken: row.csrf_token,
    };
  }

  /** What the signed-in person sees of their account. */
  async me(actor: Actor | null): Promise<Me> {
    assertCanReadOwnAccount(actor);
    let a: SessionActor;
    if (isSessionActor(actor)) a = actor;
    else {
      const { scopes, commissions } = await this.officesOf(actor.personId, actor.organisationId, this.now());
      a = { ...actor, scopes, commissions, homeBodyId: null, displayNameRu: null };
    }
    return {
      accountId: a.accountId,
      personId: a.personId,
      login: a.login,
      displayName: a.displayName,
      displayNameRu: a.displayNameRu,
      locale: a.locale === 'ru' ? 'ru' : 'en',
      organisationId: a.organisationId,
      timeZone: await this.timeZoneOf(a.organisationId),
      csrfToken: a.csrfToken,
      homeBodyId: a.homeBodyId,
      homePath: a.homePath,
      scopes: a.scopes.map(toMeScope),
      commissions: a.commissions.map(toMeScope),
      can: { worklists: keepsWorklists(a) },
    };
  }

  /** Changes the account's language. */
  async updateMe(actor: Actor | null, patch: { locale: Locale }): Promise<Me> {
    assertCanUpdateAccount(actor, actor?.accountId ?? '');
    await repo.updateLocale(this.db, actor.accountId, patch.locale);
    return this.me({ ...actor, locale: patch.locale });
  }

  /**
   * Changes the signed-in person's password: the new one must meet the policy, the current one is checked (an
   * attempt against the login's sign-in limit), and every other session of the account ends.
   */
  async changePassword(
    actor: Actor | null,
    sessionToken: string | undefined,
    input: ChangePasswordInput,
    ip: string,
  ): Promise<void> {
    assertCanChangeOwnPassword(actor);
    const account = await repo.findAccountById(this.db, actor.accountId);
    if (!account) throw CommonErrors.not_signed_in();
    this.assertPasswordAllowed(input.newPassword, account.login);
    const attempt = await this.reserveAttempt(account.login, ip, true);
    if (!(await this.verify(account.password_hash, input.currentPassword))) throw AuthErrors.current_password_wrong();
    const hash = await hashPassword(input.newPassword);
    await this.db.transaction().execute(async (trx) => {
      await repo.markAttemptSucceeded(trx, attempt.id);
      await repo.updatePasswordHash(trx, account.id, hash);
      // a code someone else was given for this account no longer opens it
      await repo.dropUnusedResetCodes(trx, account.id);
      await repo.deleteSessionsOfAccount(
        trx,
        account.id,
        sessionToken && TOKEN_RE.test(sessionToken) ? hashToken(sessionToken) : undefined,
      );
    });
  }

  /**
   * Issues a one-time reset code for a person's account, by a manager of the person's body (not for oneself, not for
   * someone whose offices reach beyond the manager's). Only its hash is kept; it expires after RESET_CODE_TTL_HOURS
   * and replaces any unused one. The old password keeps working until the code is used.
   */
  async issueResetCode(actor: Actor | null, personId: string): Promise<ResetCode> {
    if (!actor) throw CommonErrors.not_signed_in();
    const now = this.now();
    const { target, policy } = await this.resetTargetOf(actor, personId, now);
    assertCanIssueResetCode(actor, policy);
    if (!target.account_id || !target.login) throw AuthErrors.person_has_no_account({ personId });
    const code = newResetCode();
    const expiresAt = new Date(now.getTime() + RESET_CODE_TTL_HOURS * 3600_000);
    const accountId = target.account_id;
    await this.db.transaction().execute(async (trx) => {
      await repo.replaceResetCode(trx, {
        id: uuidv7(),
        account_id: accountId,
        code_hash: hashResetCode(code),
        issued_by: actor.personId,
        created_at: now,
        expires_at: expiresAt,
      });
    });
    return { code, login: target.login, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Sets a new password with a reset code (on the sign-in page). The attempt counts against the login's sign-in
   * limit like a password; the code is used once; every session of the account ends.
   */
  async redeemResetCode(input: RedeemResetCodeInput, ip: string): Promise<void> {
    if (!canRedeemResetCode()) throw CommonErrors.forbidden_scope();
    const login = normaliseLogin(input.login);
    this.assertPasswordAllowed(input.newPassword, login);
    const account = await repo.findAccountByLogin(this.db, login);
    const attempt = await this.reserveAttempt(login, ip, !!account);
    const codeHash = hashResetCode(input.code);
    const now = this.now();
    const refuse = () =>
      attempt.addressUntil ? this.tooMany(attempt.addressUntil, now) : AuthErrors.reset_code_invalid();
    if (!account || !(await repo.usableResetCode(this.db, account.id, codeHash, now))) throw refuse();
    const hash = await hashPassword(input.newPassword);
    await this.db.transaction().execute(async (trx) => {
      const code = await repo.usableResetCode(trx, account.id, codeHash, now);
      if (!code) throw refuse();
      await repo.markResetCodeUsed(trx, code.id, now);
      await repo.markAttemptSucceeded(trx, attempt.id);
      await repo.updatePasswordHash(trx, account.id, hash);
      await repo.deleteSessionsOfAccount(trx, account.id);
    });
  }

  /** Refuses a new password the policy does not allow (ADR 0016). */
  private assertPasswordAllowed(password: string, login: string): void {
    const problem = passwordProblem(password, login, commonPasswords());
    if (problem) throw AuthErrors[problem]();
  }

  /** The organisation's time zone by its statute in force (none in force yet: the default zone). */
  private async timeZoneOf(organisationId: string): Promise<string> {
    try {
      return (await this.statute.inForce(organisationId)).rules.timeZone;
    } catch (e) {
      if (e instanceof AppError && e.code === 'statute_not_found') return DEFAULT_TIME_ZONE;
      throw e;
    }
  }

  /** The subtrees a person manages and the control commissions they sit on, by their offices in force now. */
  /** The person a reset code would be for, and what the policy weighs of them (their offices' reach). */
  private async resetTargetOf(actor: Actor, personId: string, now: Date) {
    const target = await repo.resetTarget(this.db, personId);
    if (!target) throw AuthErrors.person_not_found({ personId });
    const held =
      target.organisation_id === actor.organisationId
        ? await this.officesOf(target.person_id, target.organisation_id, now)
        : { scopes: [], commissions: [] };
    const policy: ResetTarget = {
      personId: target.person_id,
      organisationId: target.organisation_id,
      bodyPath: target.body_path,
      scopePaths: held.scopes.map((s) => s.path),
      sitsOnCommission: held.commissions.length > 0,
    };
    return { target, policy };
  }

  /** `PersonDetail.can.issueResetCode` (ADR 0026): the check `issueResetCode` makes, on the same facts. */
  async personCan(actor: Actor, person: { id: string }): Promise<{ issueResetCode: boolean }> {
    const { target, policy } = await this.resetTargetOf(actor, person.id, this.now());
    // the write refuses a person without an account (person_has_no_account): most members have none
    return { issueResetCode: canIssueResetCode(actor, policy) && !!target.account_id && !!target.login };
  }

  private async officesOf(
    personId: string,
    organisationId: string,
    now: Date,
  ): Promise<{ scopes: NamedScope[]; commissions: NamedScope[] }> {
    const offices = await repo.activeOffices(this.db, personId, isoDay(now));
    if (offices.length === 0) return { scopes: [], commissions: [] };
    const { rules } = await this.statute.inForce(organisationId);
    return { scopes: deriveScopes(offices, rules.managingOffices), commissions: deriveCommissions(offices) };
  }

  /** The slow check of a secret against its argon2id hash (one place, so tests can count the checks). */
  protected verify(hash: string, secret: string): Promise<boolean> {
    return verifyPassword(hash, secret);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
