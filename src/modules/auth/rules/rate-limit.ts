// Sign-in rate limiting. Pure: the repository supplies the failures, this decides.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts for one login within the window (since its last success) before refusing. */
export const MAX_FAILURES_PER_LOGIN = 5;
/** Failed attempts from one IP address within the window before refusing. */
export const MAX_FAILURES_PER_IP = 30;

/**
 * Given the time of the Nth most recent failure (N = the limit) inside the window, or null when there
 * are fewer, returns when the limit lifts (null: not limited).
 */
export function limitedUntil(nthRecentFailureAt: Date | null, now: Date, windowMs = LOGIN_WINDOW_MS): Date | null {
  if (!nthRecentFailureAt) return null;
  const until = new Date(nthRecentFailureAt.getTime() + windowMs);
  return until > now ? until : null;
}

/** Later of two optional instants. */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** Whole minutes (at least 1) from now until `until`. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** Logins are case-insensitive: stored and compared lower-cased and trimmed. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}
