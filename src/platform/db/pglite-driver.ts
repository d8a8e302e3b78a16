// Kysely driver for embedded PGlite. PGlite is one database session: two requests must never interleave
// inside it, or one request's ROLLBACK undoes the other's writes and a failed transaction poisons the
// other's reads. So the session is a lock: a transaction holds it from BEGIN to COMMIT/ROLLBACK, a single
// query holds it for one statement. Queries made through `db` from inside a transaction's callback
// (same async context) run inside that transaction instead of waiting for it forever.
// A request waiting for the session longer than the acquire timeout gives up (DatabaseBusyError, a 503), so a
// holder that never lets go cannot hang every other request (ADR 0013).
// It also reports affected row counts, which Kysely needs for `numUpdatedRows` and friends.
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { DatabaseBusyError } from './busy.js';
import { openTxScope, tagTransactions } from './tx-scope.js';

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

  constructor(
    private readonly pg: PGlite,
    /** Milliseconds a query or transaction waits for the session before giving up; 0: no limit. */
    private readonly acquireTimeoutMs: number,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const ctx = openTxScope() ?? null;
    if (ctx !== null && ctx === this.holder) return new Session(this.pg, null);
    let release!: () => void;
    const prev = this.tail;
    this.tail = new Promise<void>((r) => (release = r));
    if (!(await this.turn(prev))) {
      // Given up: the place in the queue is passed on the moment it comes, so those behind are not stuck.
      void prev.then(release);
      throw new DatabaseBusyError(`waited ${this.acquireTimeoutMs} ms for the database session`);
    }
    this.holder = ctx;
    return new Session(this.pg, release);
  }

  /** Waits for `prev`; false when the acquire timeout passes first. */
  private async turn(prev: Promise<void>): Promise<boolean> {
    if (this.acquireTimeoutMs <= 0) {
      await prev;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), this.acquireTimeoutMs)));
    try {
      return await Promise.race([prev.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
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

export function pgliteKysely<DB>(pg: PGlite, opts: { acquireTimeoutMs?: number } = {}): Kysely<DB> {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SerialPGliteDriver(pg, opts.acquireTimeoutMs ?? 0),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return tagTransactions(db);
}
