// Expensive reads (statistics, worklists over a subtree) per account: at most `running` at a time, at most `waiting`
// more queued in arrival order for up to `maxWaitMs`; beyond that 429 `too_many_expensive_reads` (ADR 0019). One
// account cannot fill the database's connections (PGlite has one) and stall everyone else's requests, while a page
// that asks for its seven worklists at once still loads. Per process: each server process counts its own requests.
import type { Context } from 'hono';
import { ErrorBody } from '../../contracts/common.js';
import type { Actor } from '../actor.js';
import { CommonErrors } from '../errors.js';
import type { AppEnv } from './env.js';
import { json, requireActor } from './openapi.js';

export interface ExpensiveReadLimits {
  /** Expensive reads of one account running at once. */
  running: number;
  /** More of them waiting their turn; the next one is refused at once. */
  waiting: number;
  /** How long one waits for its turn before it is refused. */
  maxWaitMs: number;
}

export const DEFAULT_EXPENSIVE_READ_LIMITS: ExpensiveReadLimits = { running: 2, waiting: 6, maxWaitMs: 10_000 };

interface Lane {
  running: number;
  queue: { go: () => void }[];
}

export class ExpensiveReads {
  private readonly lanes = new Map<string, Lane>();

  constructor(readonly limits: ExpensiveReadLimits = DEFAULT_EXPENSIVE_READ_LIMITS) {}

  /** Runs `fn` in one of the account's slots, waiting for one when they are taken. */
  async run<T>(accountId: string, fn: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(accountId) ?? { running: 0, queue: [] };
    this.lanes.set(accountId, lane);
    if (lane.running >= this.limits.running) await this.wait(accountId, lane);
    else lane.running++;
    try {
      return await fn();
    } finally {
      this.release(accountId, lane);
    }
  }

  /** Expensive reads of the account running now (tests, diagnostics). */
  runningFor(accountId: string): number {
    return this.lanes.get(accountId)?.running ?? 0;
  }

  private wait(accountId: string, lane: Lane): Promise<void> {
    if (lane.queue.length >= this.limits.waiting) {
      this.dropIfIdle(accountId, lane);
      throw CommonErrors.too_many_expensive_reads();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        // the slot is handed over by release(): `running` stays counted
        go: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = lane.queue.indexOf(entry);
        if (i >= 0) lane.queue.splice(i, 1);
        reject(CommonErrors.too_many_expensive_reads());
      }, this.limits.maxWaitMs);
      lane.queue.push(entry);
    });
  }

  private release(accountId: string, lane: Lane): void {
    const next = lane.queue.shift();
    if (next) next.go();
    else {
      lane.running--;
      this.dropIfIdle(accountId, lane);
    }
  }

  private dropIfIdle(accountId: string, lane: Lane): void {
    if (lane.running === 0 && lane.queue.length === 0) this.lanes.delete(accountId);
  }
}

/** Runs an expensive read of the signed-in actor in one of their account's slots (401 when signed out). */
export function expensiveRead<T>(limiter: ExpensiveReads, c: Context<AppEnv>, fn: (actor: Actor) => Promise<T>) {
  const actor = requireActor(c);
  return limiter.run(actor.accountId, () => fn(actor));
}

/** The 429 of an expensive read, for a route's OpenAPI responses. */
export const expensiveReadRefused = {
  429: json(
    ErrorBody,
    'Too many expensive reads of this account at once (too_many_expensive_reads); retry after Retry-After',
  ),
};
