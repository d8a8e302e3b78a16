// Sign-in, the session and the signed-in account ("me"). Shared by the server and the web app.
import { z } from 'zod';
import { Uuid } from './common.js';

export const Locale = z.enum(['en', 'ru']);
export type Locale = z.infer<typeof Locale>;

/** Name of the session cookie (HttpOnly; the web app never reads it). */
export const SESSION_COOKIE = 'antaeus_session';
/** Header carrying the CSRF token (Me.csrfToken) on every POST/PUT/PATCH/DELETE. */
export const CSRF_HEADER = 'x-csrf-token';

export const LoginInput = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** A subtree the signed-in person manages through an office. */
export const MeScope = z.object({
  bodyId: Uuid,
  path: z.string(),
  /** Office title that grants the scope. */
  title: z.string(),
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
});
export type MeScope = z.infer<typeof MeScope>;

/**
 * What the reader may do (ADR 0026): `worklists` — keep worklists, through an office that manages a body (its
 * applications, charges, resignations, …) or a seat on a control commission (the appeals addressed to it).
 */
export const MeCan = z.object({ worklists: z.boolean() });
export type MeCan = z.infer<typeof MeCan>;

export const Me = z.object({
  accountId: Uuid,
  personId: Uuid,
  login: z.string(),
  displayName: z.string(),
  /** The person's full name in Russian (null when not recorded). */
  displayNameRu: z.string().nullable(),
  locale: Locale,
  organisationId: Uuid,
  /** The organisation's time zone (its statute's): the web app shows every date and time in it. */
  timeZone: z.string(),
  /** Send in the x-csrf-token header on every write. */
  csrfToken: z.string(),
  /** The primary organisation the person is registered in (null when none). */
  homeBodyId: Uuid.nullable(),
  homePath: z.string().nullable(),
  scopes: z.array(MeScope),
  /** Control commissions the person sits on: their worklist is the appeals addressed to each. */
  commissions: z.array(MeScope),
  can: MeCan,
});
export type Me = z.infer<typeof Me>;

export const UpdateMeInput = z.object({ locale: Locale });
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const LogoutResult = z.object({ ok: z.literal(true) });
export type LogoutResult = z.infer<typeof LogoutResult>;

/** Shortest password an account may have. */
export const PASSWORD_MIN_LENGTH = 8;

const NewPassword = z.string().min(1).max(1000);

/** Changing one's own password: the current one and the new one (ADR 0016). */
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const OkResult = z.object({ ok: z.literal(true) });
export type OkResult = z.infer<typeof OkResult>;

/** A one-time reset code issued by a manager: shown once, never stored in the clear. */
export const ResetCode = z.object({
  /** The code to hand to the person (groups of letters and digits separated by dashes). */
  code: z.string(),
  /** The login of the account the code is for. */
  login: z.string(),
  expiresAt: z.string().datetime({ offset: true }),
});
export type ResetCode = z.infer<typeof ResetCode>;

/** Setting a new password with a reset code, on the sign-in page. */
export const RedeemResetCodeInput = z.object({
  login: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(100),
  newPassword: NewPassword,
});
export type RedeemResetCodeInput = z.infer<typeof RedeemResetCodeInput>;

/** How long a reset code stays valid. */
export const RESET_CODE_TTL_HOURS = 24;

/**
 * Routes on which the server never looks up a session, even when a cookie comes along: an anonymous question
 * note must leave no trace of who sent it (not even a session's sliding expiry being extended at that moment).
 */
export const ANONYMOUS_NOTES_PATH = '/api/meetings/{id}/anonymous-notes';
/** Secret ballots are cast the same way: without credentials, the eligibility token the only proof. */
export const CAST_BALLOT_PATH = '/api/votes/{id}/ballots';
const SESSIONLESS = [/^\/api\/meetings\/[^/]+\/anonymous-notes$/, /^\/api\/votes\/[^/]+\/ballots$/];
export function isSessionless(method: string, path: string): boolean {
  return method === 'POST' && SESSIONLESS.some((re) => re.test(path));
}
