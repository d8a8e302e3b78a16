// Searching for recommenders (issue 11, point 4): how long a search text must be and how often an account may
// search. Pure: the caller keeps the times of each account's recent searches.

/** Letters or digits a search needs before it is run (a card number is longer). */
export const MIN_SEARCH_CHARS = 3;
/** Searches one account may make in a window: enough to find a few recommenders, too few to list an organisation. */
export const SEARCHES_PER_WINDOW = 30;
export const SEARCH_WINDOW_MS = 10 * 60_000;

/** Letters or digits each word of a search needs ("a a a" would list everyone with any name part starting so). */
export const MIN_TERM_CHARS = 2;

/** Whether a search text is long enough: MIN_SEARCH_CHARS letters or digits, and each word MIN_TERM_CHARS. */
export function searchLongEnough(q: string): boolean {
  const count = (t: string) => (t.match(/[\p{L}\p{N}]/gu) ?? []).length;
  const words = q.split(/\s+/).filter(Boolean);
  return count(q) >= MIN_SEARCH_CHARS && words.every((w) => count(w) >= MIN_TERM_CHARS);
}

/**
 * Admits one more search at `now` given the times of the account's earlier searches: the times still inside the
 * window (with `now` when admitted) and, when refused, how long until the oldest leaves the window.
 */
export function admitSearch(
  times: readonly number[],
  now: number,
  max = SEARCHES_PER_WINDOW,
  windowMs = SEARCH_WINDOW_MS,
): { admitted: boolean; times: number[]; retryAfterMs: number } {
  const recent = times.filter((t) => t > now - windowMs);
  if (recent.length >= max) return { admitted: false, times: recent, retryAfterMs: recent[0]! + windowMs - now };
  return { admitted: true, times: [...recent, now], retryAfterMs: 0 };
}
