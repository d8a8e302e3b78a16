// Fans the outbox out to in-process subscribers (ADR 0009). Wakes on the feed's notification (one per
// committed batch, from any server process on the same database) and on a fallback poll; reads rows with
// id > the last seen, in id order and in batches, and hands each batch to every subscriber.
//
// Ids are allocated at insert but become visible at commit, so a row can appear after a higher id was
// already read (two transactions committing out of order). Missing ids below the last seen are kept as
// gaps for `gapMs` and read again on every wake; a gap that never fills was a rolled-back insert.
import type { OutboxFeed, OutboxRow } from '../db/outbox-feed.js';

export type OutboxEvent = OutboxRow;
export type OutboxSubscriber = (batch: OutboxEvent[]) => void;

export interface NotifierOptions {
  /** Fallback poll interval (ms). */
  pollMs?: number;
  /** Rows read per query. */
  batchSize?: number;
  /** How long a missing id is waited for (ms). */
  gapMs?: number;
  /**
   * How long rows are kept (ms). Live pages need minutes at most (a reconnecting client older than that reloads);
   * keeping less also keeps less of when things happened — e.g. the exact minute an anonymous note arrived.
   */
  retentionMs?: number;
  /** How often old rows are deleted (ms). */
  pruneEveryMs?: number;
}

/** Outbox rows are kept 15 minutes. */
export const OUTBOX_RETENTION_MS = 15 * 60_000;

const MAX_GAPS = 1000;

export class OutboxNotifier {
  private last = 0;
  private readonly subscribers = new Set<OutboxSubscriber>();
  private readonly gaps = new Map<number, number>(); // id → give up at (epoch ms)
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private running = false;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly gapMs: number;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;
  private pruner: NodeJS.Timeout | null = null;

  constructor(
    private readonly feed: OutboxFeed,
    opts: NotifierOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 1000;
    this.batchSize = opts.batchSize ?? 500;
    this.gapMs = opts.gapMs ?? 10_000;
    this.retentionMs = opts.retentionMs ?? OUTBOX_RETENTION_MS;
    this.pruneEveryMs = opts.pruneEveryMs ?? 60_000;
  }

  /** Starts at the current end of the outbox: subscribers get what is written from now on. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.last = await this.feed.maxId();
    this.unlisten = await this.feed.listen(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.pruner = setInterval(() => void this.prune(), this.pruneEveryMs);
    this.pruner.unref();
  }

  /** Deletes rows older than the retention (every process does it; deleting twice is harmless). */
  async prune(): Promise<number> {
    try {
      return await this.feed.prune(this.retentionMs);
    } catch (e) {
      if (this.running) console.warn(`outbox prune: ${(e as Error).message}`);
      return 0;
    }
  }

  /** The lowest id still in the outbox (older rows were pruned), or null when it is empty. */
  oldestId(): Promise<number | null> {
    return this.feed.minId();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.pruner) clearInterval(this.pruner);
    this.pruner = null;
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (unlisten) await unlisten();
    await this.draining;
  }

  get started(): boolean {
    return this.running;
  }

  /** The highest id delivered so far. */
  get lastId(): number {
    return this.last;
  }

  subscribe(fn: OutboxSubscriber): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Rows after `afterId` up to the last delivered id, at most `limit` (for a reconnecting client). */
  async replay(afterId: number, limit: number): Promise<OutboxEvent[]> {
    const rows = await this.feed.after(afterId, limit);
    return rows.filter((r) => r.id <= this.last);
  }

  /** Reads and delivers what is new now; resolves when done (also used by tests). */
  wake(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && this.running);
      } catch (e) {
        if (this.running) console.warn(`outbox notifier: ${(e as Error).message}`);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async drain(): Promise<void> {
    if (this.gaps.size) {
      const now = Date.now();
      for (const [id, until] of this.gaps) if (until < now) this.gaps.delete(id);
      const late = await this.feed.byIds([...this.gaps.keys()]);
      for (const r of late) this.gaps.delete(r.id);
      if (late.length) this.deliver(late);
    }
    for (;;) {
      const rows = await this.feed.after(this.last, this.batchSize);
      if (!rows.length) return;
      let expected = this.last + 1;
      for (const r of rows) {
        for (let id = expected; id < r.id && this.gaps.size < MAX_GAPS; id++)
          this.gaps.set(id, Date.now() + this.gapMs);
        expected = r.id + 1;
      }
      this.last = rows[rows.length - 1]!.id;
      this.deliver(rows);
      if (rows.length < this.batchSize) return;
    }
  }

  private deliver(batch: OutboxEvent[]): void {
    for (const fn of this.subscribers) {
      try {
        fn(batch);
      } catch (e) {
        console.warn(`outbox subscriber failed: ${(e as Error).message}`);
      }
    }
  }
}
