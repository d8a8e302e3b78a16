// The password policy (ADR 0016). Pure: the list of common passwords is passed in.
import { PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';

export type PasswordProblem = 'password_too_short' | 'password_too_common' | 'password_same_as_login';

/** Parses the shipped list: one password a line, `#` starts a comment line; compared lower-cased. */
export function parseCommonPasswords(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const p = line.trim();
    if (p && !p.startsWith('#')) out.add(p.toLowerCase());
  }
  return out;
}

/**
 * Why a new password is refused, or null when it may be used: shorter than PASSWORD_MIN_LENGTH characters (counted
 * as code points), the login itself (ignoring case and surrounding spaces), or on the list of common passwords
 * (ignoring case).
 */
export function passwordProblem(password: string, login: string, common: ReadonlySet<string>): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  const p = password.trim().toLowerCase();
  if (p === login.trim().toLowerCase()) return 'password_same_as_login';
  if (common.has(p)) return 'password_too_common';
  return null;
}
