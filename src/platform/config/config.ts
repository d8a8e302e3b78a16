// Runtime configuration read from the environment, in one place.
import path from 'node:path';

/** Limits of the database client: no request waits for the database without end (ADR 0013). 0 turns one off. */
export interface DbLimits {
  /** PostgreSQL connections in the pool. */
  poolMax: number;
  /** A statement running longer is cancelled by the server (PostgreSQL `statement_timeout`). */
  statementTimeoutMs: number;
  /** A statement waiting longer for a row or table lock gives up (PostgreSQL `lock_timeout`). */
  lockTimeoutMs: number;
  /** A session idle inside an open transaction longer is ended by the server (`idle_in_transaction_session_timeout`). */
  idleInTransactionTimeoutMs: number;
  /** Waiting longer for a connection from the pool (PGlite: for the one session) gives up. */
  acquireTimeoutMs: number;
}

export const DEFAULT_DB_LIMITS: DbLimits = {
  poolMax: 10,
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
  acquireTimeoutMs: 10_000,
};

export interface Config {
  /** PGlite data folder, used when no DATABASE_URL is given. */
  dataDir: string;
  /** PostgreSQL server URL; when set, PGlite is not used. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /**
   * Mark session cookies Secure: true or false when ANTAEUS_SECURE_COOKIES says so (`1` / `0`), else undefined —
   * Secure unless the server listens on loopback only (`secureCookiesFor`).
   */
  secureCookies: boolean | undefined;
  /** Receiving a request's headers and body may take this long (ANTAEUS_REQUEST_TIMEOUT_MS; default 60 s). */
  requestTimeoutMs?: number;
  /** Pool size and timeouts of the database client (defaults: DEFAULT_DB_LIMITS). */
  db?: Partial<DbLimits>;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, `ANTAEUS_TRUSTED_PROXIES`, comma
   * separated; ADR 0016). Empty: the TCP peer is the client.
   */
  trustedProxies?: string[];
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Whether `host` (a listening address) reaches only this machine. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Whether session cookies are marked Secure: as configured, else Secure whenever the server listens beyond loopback
 * (a browser then sends the cookie over HTTPS only: serve it behind TLS, or set ANTAEUS_SECURE_COOKIES=0).
 */
export function secureCookiesFor(config: Pick<Config, 'host' | 'secureCookies'>): boolean {
  return config.secureCookies ?? !isLoopback(config.host);
}

/** A whole number ≥ `min` from the environment, else the default. */
function intFrom(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const d = DEFAULT_DB_LIMITS;
  return {
    dataDir: path.resolve(env.ANTAEUS_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number.isInteger(port) && port > 0 ? port : 3000,
    host: env.HOST ?? '127.0.0.1',
    secureCookies: env.ANTAEUS_SECURE_COOKIES === '1' ? true : env.ANTAEUS_SECURE_COOKIES === '0' ? false : undefined,
    ...(env.ANTAEUS_REQUEST_TIMEOUT_MS
      ? { requestTimeoutMs: intFrom(env.ANTAEUS_REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, 1) }
      : {}),
    trustedProxies: (env.ANTAEUS_TRUSTED_PROXIES ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    db: {
      poolMax: intFrom(env.ANTAEUS_DB_POOL_MAX, d.poolMax, 1),
      statementTimeoutMs: intFrom(env.ANTAEUS_DB_STATEMENT_TIMEOUT_MS, d.statementTimeoutMs, 0),
      lockTimeoutMs: intFrom(env.ANTAEUS_DB_LOCK_TIMEOUT_MS, d.lockTimeoutMs, 0),
      idleInTransactionTimeoutMs: intFrom(
        env.ANTAEUS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        d.idleInTransactionTimeoutMs,
        0,
      ),
      acquireTimeoutMs: intFrom(env.ANTAEUS_DB_ACQUIRE_TIMEOUT_MS, d.acquireTimeoutMs, 0),
    },
  };
}
