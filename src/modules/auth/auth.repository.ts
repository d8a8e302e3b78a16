// SQL of accounts, sessions and sign-in attempts (and the offices that make an actor's scopes).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { HeldOffice } from './rules/scopes.js';

export interface AccountRow {
  id: string;
  person_id: string;
  login: string;
  password_hash: string;
  locale: string;
}

export async function findAccountByLogin(db: Executor, login: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account')
    .select(['id', 'person_id', 'login', 'password_hash', 'locale'])
    .where('login', '=', login)
    .executeTakeFirst();
}

export async function findAccountById(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account')
    .select(['id', 'person_id', 'login', 'password_hash', 'locale'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A person with the body they are registered in and their account (when any): whom a reset code is for. */
export async function resetTarget(
  db: Executor,
  personId: string,
): Promise<
  | {
      person_id: string;
      organisation_id: string;
      body_path: string | null;
      account_id: string | null;
      login: string | null;
    }
  | undefined
> {
  return db
    .selectFrom('person as p')
    .leftJoin('body as b', 'b.id', 'p.body_id')
    .leftJoin('account as a', 'a.person_id', 'p.id')
    .select([
      'p.id as person_id',
      'p.organisation_id',
      sql<string | null>`b.path::text`.as('body_path'),
      'a.id as account_id',
      'a.login',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Stores a new reset code (its hash) for an account, dropping any unused one. */
export async function replaceResetCode(
  db: Executor,
  row: { id: string; account_id: string; code_hash: string; issued_by: string; created_at: Date; expires_at: Date },
): Promise<void> {
  await db.deleteFrom('password_reset').where('account_id', '=', row.account_id).where('used_at', 'is', null).execute();
  await db.insertInto('password_reset').values(row).execute();
}

/** An unused, unexpired reset code of an account by its hash, locked until the transaction ends. */
export async function usableResetCode(
  db: Executor,
  accountId: string,
  codeHash: string,
  now: Date,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('password_reset')
    .select('id')
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

/** Drops an account's unused reset codes (its holder has just set a password of their own). */
export async function dropUnusedResetCodes(db: Executor, accountId: string): Promise<void> {
  await db.deleteFrom('password_reset').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
}

export async function markResetCodeUsed(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('password_reset').set({ used_at: at }).where('id', '=', id).execute();
}

/** Ends every session of an account but the one whose token hash is `keep` (when given). */
export async function deleteSessionsOfAccount(db: Executor, accountId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('session').where('account_id', '=', accountId);
  if (keep) q = q.where('token_hash', '<>', keep);
  await q.execute();
}

export async function personExists(db: Executor, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
  return !!row;
}

export async function accountOfPerson(db: Executor, personId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('account').select('id').where('person_id', '=', personId).executeTakeFirst();
}

export async function insertAccount(
  db: Executor,
  row: { id: string; person_id: string; login: string; password_hash: string; locale: string },
): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function updateLocale(db: Executor, accountId: string, locale: string): Promise<void> {
  await db.updateTable('account').set({ locale }).where('id', '=', accountId).execute();
}

export async function updatePasswordHash(db: Executor, accountId: string, hash: string): Promise<void> {
  await db.updateTable('account').set({ password_hash: hash }).where('id', '=', accountId).execute();
}

/** Lock classes of `pg_advisory_xact_lock(class, key)`: sign-in attempts by login and by address (ADR 0016). */
const LOGIN_LOCK = 16_001;
const ADDRESS_LOCK = 16_002;

/**
 * Serialises reservations of sign-in attempts for this login and from this address until the transaction ends.
 * Always the login first, then the address: two reservations never wait on each other in a cycle.
 */
export async function lockAttempts(db: Executor, login: string, ip: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOGIN_LOCK}, hashtext(${login}))`.execute(db);
  await sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`.execute(db);
}

/**
 * Reserves an attempt before the password is checked: recorded as a failure until `markAttemptSucceeded` says
 * otherwise (an attempt whose outcome never came counts against the limits). Returns its id.
 */
export async function reserveAttempt(db: Executor, login: string, ip: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('login_attempt')
    .values({ login, ip, succeeded: false, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function markAttemptSucceeded(db: Executor, id: number): Promise<void> {
  await db.updateTable('login_attempt').set({ succeeded: true }).where('id', '=', id).execute();
}

/** Time of the `n`th most recent failure for a login since `since` and since its last success. */
export async function nthRecentLoginFailure(db: Executor, login: string, since: Date, n: number): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempt')
    .select('at')
    .where('login', '=', login)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where(
      'at',
      '>',
      sql<Date>`coalesce((select max(s.at) from login_attempt s where s.login = ${login} and s.succeeded), '-infinity'::timestamptz)`,
    )
    .orderBy('at', 'desc')
    .offset(n - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}

/** Time of the `n`th most recent failure from an IP address since `since`. */
export async function nthRecentIpFailure(db: Executor, ip: string, since: Date, n: number): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempt')
    .select('at')
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .offset(n - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}

/** Forgets attempts older than `before` for a login (housekeeping on sign-in). */
export async function pruneAttempts(db: Executor, login: string, before: Date): Promise<void> {
  await db.deleteFrom('login_attempt').where('login', '=', login).where('at', '<', before).execute();
}

export async function insertSession(
  db: Executor,
  row: { token_hash: string; account_id: string; csrf_token: string; created_at: Date; expires_at: Date },
): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Executor, accountId: string, now: Date): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).where('expires_at', '<=', now).execute();
}

export async function extendSession(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export interface SessionRow {
  account_id: string;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
  login: string;
  locale: string;
  person_id: string;
  organisation_id: string;
  family_name: string;
  given_name: string;
  name_ru: string | null;
  home_id: string | null;
  home_path: string | null;
}

/** A live session with its account, person and the person's primary organisation: one query. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('body as rb', 'rb.id', 'p.body_id')
    .leftJoin('body as h', 'h.id', 'rb.primary_id')
    .select([
      's.account_id',
      's.csrf_token',
      's.created_at',
      's.expires_at',
      'a.login',
      'a.locale',
      'a.person_id',
      'p.organisation_id',
      'p.family_name',
      'p.given_name',
      'p.name_ru',
      'h.id as home_id',
      sql<string | null>`h.path::text`.as('home_path'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, created_at: new Date(row.created_at), expires_at: new Date(row.expires_at) };
}

/** Offices a person holds on `today`, in active bodies, with each body's parent. */
export async function activeOffices(db: Executor, personId: string, today: string): Promise<HeldOffice[]> {
  const rows = await db
    .selectFrom('office as o')
    .innerJoin('body as b', 'b.id', 'o.body_id')
    .leftJoin('body as pb', 'pb.id', 'b.parent_id')
    .select([
      'o.title',
      'b.id as body_id',
      'b.kind as body_kind',
      sql<string>`b.path::text`.as('body_path'),
      'b.name as body_name',
      'b.name_ru as body_name_ru',
      'pb.id as parent_id',
      sql<string | null>`pb.path::text`.as('parent_path'),
      'pb.name as parent_name',
      'pb.name_ru as parent_name_ru',
    ])
    .innerJoin('person as holder', 'holder.id', 'o.person_id')
    .where('o.person_id', '=', personId)
    .where('o.ended_at', 'is', null)
    // an office of the party confers nothing on someone who has left it (expelled, resigned: a reason for leaving
    // is recorded); a non-member who never was one (the first administrator) holds offices, and so do non-party
    // people in an enterprise's management, union committee or a council
    .where((eb) =>
      eb.or([eb('holder.left_reason', 'is', null), eb('b.kind', 'in', ['management', 'union_committee', 'council'])]),
    )
    .where('o.starts_on', '<=', today)
    .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', today)]))
    .where('b.status', '=', 'active')
    .orderBy('o.starts_on')
    .execute();
  return rows.map((r) => ({
    title: r.title,
    bodyId: r.body_id,
    bodyKind: r.body_kind,
    bodyPath: r.body_path,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    parentId: r.parent_id,
    parentPath: r.parent_path,
    parentName: r.parent_name,
    parentNameRu: r.parent_name_ru,
  }));
}
