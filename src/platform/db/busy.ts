// The database is too busy to answer in time: a statement or lock wait over its timeout, a session ended idle in a
// transaction, no connection (or no PGlite session) within the acquire timeout. The HTTP layer answers such
// errors with 503 `database_busy` and Retry-After, never a hang (ADR 0013).
import { sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { Executor } from './executor.js';

/** No connection or session became free within the acquire timeout. */
export class DatabaseBusyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseBusyError';
  }
}

/** PostgreSQL error codes of a timeout: query_canceled (statement_timeout), lock_not_available (lock_timeout),
 * idle_in_transaction_session_timeout. */
const TIMEOUT_CODES = new Set(['57014', '55P03', '25P03']);

/** True when `err` means the database did not answer in time (see above), not that the request was wrong. */
export function isDatabaseBusy(err: unknown): boolean {
  if (err instanceof DatabaseBusyError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TIMEOUT_CODES.has(code);
}

/**
 * Lifts the statement, lock and idle-in-transaction timeouts for the rest of the transaction `trx`: for batch work
 * where a long statement is expected (migrations, the demo generation, an import), not for requests.
 */
export async function liftTimeouts(trx: Transaction<DB>): Promise<void> {
  await sql`set local statement_timeout = 0`.execute(trx);
  await sql`set local lock_timeout = 0`.execute(trx);
  await sql`set local idle_in_transaction_session_timeout = 0`.execute(trx);
}

/**
 * Raises the statement timeout for the rest of the transaction `trx` to `ms` (still bounded): for a request's one
 * known long statement, e.g. freezing a directive's tree over every primary organisation (ADR 0027 §2), which under
 * load can take longer than a request's usual limit and would otherwise fail every time it is retried.
 */
export async function widenStatementTimeout(trx: Executor, ms: number): Promise<void> {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError(`statement timeout ${ms} ms`);
  await sql`select set_config('statement_timeout', ${String(ms)}, true)`.execute(trx);
}
