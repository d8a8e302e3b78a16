// Kysely over a pg pool, with two guarantees on top of Kysely's own PostgreSQL driver (ADR 0013):
// - a query made through `db` from inside a transaction's callback (same async context, see tx-scope.ts) runs on
//   the transaction's connection, as on PGlite (ADR 0007): it can never wait for a second pool connection while
//   the first holds the transaction's row locks — the freeze of issue 10, where check-ins waiting for a meeting's
//   lock held every connection and the lock holder waited for one more;
// - no connection from the pool within the acquire timeout is a DatabaseBusyError (a 503), never a hang.
import {
  Kysely,
  PostgresDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
  type CompiledQuery,
} from 'kysely';
import type pg from 'pg';
import { DatabaseBusyError } from './busy.js';
import { openTxScope, tagTransactions, type TxScope } from './tx-scope.js';

/** The transaction's connection lent to a query made through `db` inside it; releasing it is a no-op. */
class Borrowed implements DatabaseConnection {
  constructor(private readonly c: DatabaseConnection) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return this.c.executeQuery<R>(q);
  }
  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.c.streamQuery<R>(q, chunkSize);
  }
}

class ScopedPgDriver implements Driver {
  /** The connection each open transaction runs on. */
  private readonly owned = new WeakMap<TxScope, DatabaseConnection>();
  /** Scopes whose transaction has taken its connection (a later acquire in it is a query through `db`). */
  private readonly claimed = new WeakSet<TxScope>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = openTxScope();
    const mine = scope && this.owned.get(scope);
    if (mine) return new Borrowed(mine);
    let c: DatabaseConnection;
    try {
      c = await this.inner.acquireConnection();
    } catch (e) {
      // pg-pool: 'timeout exceeded when trying to connect'; pg: 'Connection terminated due to connection timeout'
      if (e instanceof Error && /timeout/i.test(e.message)) throw new DatabaseBusyError(e.message, { cause: e });
      throw e;
    }
    if (scope && !this.claimed.has(scope)) {
      this.claimed.add(scope);
      this.owned.set(scope, c);
    }
    return c;
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    if (c instanceof Borrowed) return;
    const scope = openTxScope();
    if (scope && this.owned.get(scope) === c) this.owned.delete(scope);
    await this.inner.releaseConnection(c);
  }

  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(c, settings);
  }

  commitTransaction(c: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(c);
  }

  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(c);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export function pgKysely<DB>(pool: pg.Pool): Kysely<DB> {
  const dialect = new PostgresDialect({ pool });
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new ScopedPgDriver(dialect.createDriver()),
      createIntrospector: (k) => dialect.createIntrospector(k),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  });
  return tagTransactions(db);
}
