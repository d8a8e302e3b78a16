// Runtime configuration: the database client's pool size and timeouts come from the environment (ADR 0013).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DB_LIMITS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  isLoopback,
  loadConfig,
  secureCookiesFor,
} from '../../src/platform/config/config.js';

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

describe('secure cookies and the request time limit from the environment (ADR 0017)', () => {
  it('cookies are Secure unless the server listens on loopback only; ANTAEUS_SECURE_COOKIES=1/0 decides when set', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.5'])
      expect(secureCookiesFor(loadConfig({ HOST: host })), host).toBe(false);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'antaeus.example.org'])
      expect(secureCookiesFor(loadConfig({ HOST: host })), host).toBe(true);
    expect(secureCookiesFor(loadConfig({}))).toBe(false);
    expect(secureCookiesFor(loadConfig({ HOST: '0.0.0.0', ANTAEUS_SECURE_COOKIES: '0' }))).toBe(false);
    expect(secureCookiesFor(loadConfig({ HOST: '127.0.0.1', ANTAEUS_SECURE_COOKIES: '1' }))).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
  });

  it('a request may take 60 s to arrive by default; ANTAEUS_REQUEST_TIMEOUT_MS changes it', () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(60_000);
    expect(loadConfig({}).requestTimeoutMs).toBeUndefined();
    expect(loadConfig({ ANTAEUS_REQUEST_TIMEOUT_MS: '1500' }).requestTimeoutMs).toBe(1500);
    expect(loadConfig({ ANTAEUS_REQUEST_TIMEOUT_MS: 'never' }).requestTimeoutMs).toBe(60_000);
  });
});
