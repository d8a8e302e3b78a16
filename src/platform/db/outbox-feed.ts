// The outbox as a feed for live updates (ADR 0009): reading rows by id and waking on NOTIFY antaeus_outbox.
// PostgreSQL: a dedicated pg.Client holds the LISTEN (a pooled connection would lose it); reconnects after a
// lost connection (the notifier's poll covers the gap). PGlite: its own listen().
import pg from 'pg';
import type { DbHandle } from './client.js';
import type { Executor } from './executor.js';

export const OUTBOX_CHANNEL = 'antaeus_outbox';

export interface OutboxRow {
  id: number;
  topic: string;
  payload: unknown;
  createdAt: string;
}

export interface OutboxFeed {
  /** Highest id written so far (0 when the outbox is empty). */
  maxId(): Promise<number>;
  /** Rows with id > afterId, in id order, at most `limit`. */
  after(afterId: number, limit: number): Promise<OutboxRow[]>;
  /** Rows with these ids (those that exist now), in id order. */
  byIds(ids: number[]): Promise<OutboxRow[]>;
  /** Calls `onNotify` on every notification; resolves to a function that stops listening. */
  listen(onNotify: () => void): Promise<() => Promise<void>>;
  /** Lowest id still kept (null when the outbox is empty). */
  minId(): Promise<number | null>;
  /** Deletes rows written more than `olderThanMs` ago; returns how many. */
  prune(olderThanMs: number): Promise<number>;
}

function toRow(r: { id: number | string; topic: string; payload: unknown; created_at: Date | string }): OutboxRow {
  return {
    id: Number(r.id),
    topic: r.topic,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
}

function select(db: Executor) {
  return db.selectFrom('outbox').select(['id', 'topic', 'payload', 'created_at']);
}

export function outboxFeed(handle: DbHandle): OutboxFeed {
  const { db } = handle;
  return {
    async maxId() {
      const r = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirst();
      return Number(r?.max ?? 0);
    },
    async after(afterId, limit) {
      const rows = await select(db).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map(toRow);
    },
    async byIds(ids) {
      if (!ids.length) return [];
      const rows = await select(db).where('id', 'in', ids).orderBy('id').execute();
      return rows.map(toRow);
    },
    listen: (onNotify) => (handle.pglite ? listenPglite(handle, onNotify) : listenPg(handle, onNotify)),
    async minId() {
      const r = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min('id').as('min'))
        .executeTakeFirst();
      return r?.min === null || r?.min === undefined ? null : Number(r.min);
    },
    async prune(olderThanMs) {
      const cutoff = new Date(Date.now() - olderThanMs);
      const r = await db.deleteFrom('outbox').where('created_at', '<', cutoff).executeTakeFirst();
      return Number(r.numDeletedRows ?? 0);
    },
  };
}

async function listenPglite(handle: DbHandle, onNotify: () => void): Promise<() => Promise<void>> {
  const pglite = handle.pglite!;
  const unlisten = await pglite.listen(OUTBOX_CHANNEL, () => onNotify());
  return async () => {
    if (!pglite.closed) await unlisten();
  };
}

async function listenPg(handle: DbHandle, onNotify: () => void): Promise<() => Promise<void>> {
  const url = handle.databaseUrl;
  if (!url) throw new Error('outbox feed: no database URL to LISTEN on');
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (err) console.warn(`outbox listener: connection lost: ${err.message}`);
      void c.end().catch(() => {});
      if (!stopped) {
        retry = setTimeout(() => void connect().catch(() => lost()), 1000);
        retry.unref();
      }
    };
    client = c;
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) onNotify();
    });
    try {
      await c.connect();
      await c.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (e) {
      lost(e as Error);
      throw e;
    }
    // Rows written while (re)connecting: read them now.
    onNotify();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    if (c) await c.end().catch(() => {});
  };
}
