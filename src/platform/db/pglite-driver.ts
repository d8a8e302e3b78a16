// Kysely driver for embedded PGlite. PGlite is one database session: two requests must never interleave
// inside it, or one request's ROLLBACK undoes the other's writes and a failed transaction poisons the
// other's reads. So the session is a lock: a transaction holds it from BEGIN to COMMIT/ROLLBACK, a single
// query holds it for one statement. Queries made through `db` from inside a transaction's callback
// (same async context) run inside that transaction instead of waiting for it forever.
// It also reports affected row counts, which Kysely needs for `numUpdatedRows` and friends.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionBuilder,
} from 'kysely';
import type { PGlite } from '@electric-sql/pglite';

const context = new AsyncLocalStorage<object>();

class Session implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    readonly release: (() => void) | null,
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.pg.query<R>(q.sql, [...q.parameters]);
    return r.affectedRows === undefined ? { rows: r.rows } : { rows: r.rows, numAffectedRows: BigInt(r.affectedRows) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results.');
  }
}

class SerialPGliteDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private holder: object | null = null;

  constructor(private readonly pg: PGlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const ctx = context.getStore() ?? null;
    if (ctx !== null && ctx === this.holder) return new Session(this.pg, null);
    let release!: () => void;
    const prev = this.tail;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    this.holder = ctx;
    return new Session(this.pg, release);
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    const s = c as Session;
    if (!s.release) return;
    this.holder = null;
    s.release();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {}
}

/** Runs every transaction's execute() in its own async context, so the driver can tell its queries apart. */
function tagged<T extends object>(builder: T): T {
  return new Proxy(builder, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'execute') {
        return (cb: unknown) => {
          // One session cannot nest transactions: BEGIN inside BEGIN would commit the outer one early.
          if (context.getStore())
            throw new Error('A transaction was opened inside another: pass the open transaction on.');
          return context.run({}, () => (value as (cb: unknown) => unknown).call(target, cb));
        };
      }
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        return out && typeof out === 'object' && 'execute' in out ? tagged(out) : out;
      };
    },
  });
}

export function pgliteKysely<DB>(pg: PGlite): Kysely<DB> {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SerialPGliteDriver(pg),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const transaction = db.transaction.bind(db);
  db.transaction = (() => tagged(transaction())) as () => TransactionBuilder<DB>;
  return db;
}
