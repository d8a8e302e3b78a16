// Which transaction an async context runs in. Every `db.transaction().execute(cb)` runs in a scope of its own, so
// a driver can tell the queries made from inside the callback through `db` (instead of the transaction) and run
// them on the transaction's own session: a read inside a write transaction never waits for a second connection
// while the first holds its locks (ADR 0007 for PGlite, ADR 0013 for PostgreSQL).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, TransactionBuilder } from 'kysely';

export interface TxScope {
  /** Set once the transaction has ended: work started from it and still running afterwards is on its own. */
  done: boolean;
}

export const txScope = new AsyncLocalStorage<TxScope>();

/** The scope of the transaction open in this async context, if any. */
export function openTxScope(): TxScope | undefined {
  const s = txScope.getStore();
  return s && !s.done ? s : undefined;
}

/** Runs every transaction's execute() in its own scope; refuses a transaction opened inside an open one. */
function tagged<T extends object>(builder: T): T {
  return new Proxy(builder, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'execute') {
        return (cb: unknown) => {
          // One session cannot nest transactions (BEGIN inside BEGIN would commit the outer one early), and on a
          // pool a second transaction would wait for a connection while the first holds its locks.
          if (openTxScope()) throw new Error('A transaction was opened inside another: pass the open transaction on.');
          const scope: TxScope = { done: false };
          return txScope.run(scope, async () => {
            try {
              return await (value as (cb: unknown) => Promise<unknown>).call(target, cb);
            } finally {
              scope.done = true;
            }
          });
        };
      }
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        return out && typeof out === 'object' && 'execute' in out ? tagged(out) : out;
      };
    },
  });
}

/** Makes `db.transaction()` return builders whose execute() runs in a transaction scope. */
export function tagTransactions<DB>(db: Kysely<DB>): Kysely<DB> {
  const transaction = db.transaction.bind(db);
  db.transaction = (() => tagged(transaction())) as () => TransactionBuilder<DB>;
  return db;
}
