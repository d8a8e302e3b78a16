// Runtime configuration: the database client's pool size and timeouts come from the environment (ADR 0013).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_LIMITS, loadConfig } from '../../src/platform/config/config.js';

describe('database limits from the environment', () => {
  it('defaults: a pool of 10, statement 15 s, lock 5 s, idle in a transaction 30 s, acquire 10 s', () => {
    expect(loadConfig({}).db).toEqual(DEFAULT_DB_LIMITS);
    expect(DEFAULT_DB_LIMITS).toEqual({
      poolMax: 10,
      statementTimeoutMs: 15_000,
      lockTimeoutMs: 5_000,
      idleInTransactionTimeoutMs: 30_000,
      acquireTimeoutMs: 10_000,
    });
  });

  it('reads each variable; 0 turns a timeout off; a value that is not a whole number keeps the default', () => {
    const c = loadConfig({
      ANTAEUS_DB_POOL_MAX: '25',
      ANTAEUS_DB_STATEMENT_TIMEOUT_MS: '0',
      ANTAEUS_DB_LOCK_TIMEOUT_MS: '750',
      ANTAEUS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'soon',
      ANTAEUS_DB_ACQUIRE_TIMEOUT_MS: '-1',
    });
    expect(c.db).toEqual({
      poolMax: 25,
      statementTimeoutMs: 0,
      lockTimeoutMs: 750,
      idleInTransactionTimeoutMs: 30_000,
      acquireTimeoutMs: 10_000,
    });
    expect(loadConfig({ ANTAEUS_DB_POOL_MAX: '0' }).db?.poolMax).toBe(10);
  });
});
