// Group commit of secret ballots. Casts for the same vote that arrive while a batch is being written wait for the
// next batch; a batch is started on the next turn of the event loop after the first cast (no timer) and again as
// soon as the previous one commits. One transaction per batch: one FOR SHARE check that the vote is open (the
// close takes FOR UPDATE, so it waits for the batch and counts what it committed, and a batch that starts after
// the close sees it closed), one multi-row insert whose ON CONFLICT reports spent tokens per ballot, and one
// outbox row naming the meeting (its revision unchanged) so every screen sees `received` rise. Each caller is answered only
// after the commit. The rows of a batch are shuffled before the insert so their physical order does not follow the
// order of arrival. Nothing is logged per ballot.
import { randomInt } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import * as repo from './secret.repository.js';

export type CastOutcome = 'accepted' | 'spent' | 'not_open' | 'closed' | 'not_found';

/** At most this many ballots in one transaction (6 arrays of this length as parameters). */
export const MAX_BATCH = 2_000;

interface Pending {
  row: repo.NewBallot;
  resolve(o: CastOutcome): void;
  reject(e: unknown): void;
}

interface Queue {
  meetingId: string;
  pending: Pending[];
  running: boolean;
}

/** Called in each batch's transaction after its insert, with the number of ballots it inserted. */
export type BatchHook = (trx: Executor, meetingId: string, inserted: number) => Promise<void>;

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export class BallotIntake {
  private readonly queues = new Map<string, Queue>();
  /** Batches written and ballots in them (for the benchmark and tests). */
  readonly stats = { batches: 0, ballots: 0 };

  constructor(
    private readonly db: Database,
    private readonly onBatch: BatchHook,
  ) {}

  /** Queues a validated ballot; resolves after the commit of the batch that wrote (or refused) it. */
  submit(voteId: string, meetingId: string, row: repo.NewBallot): Promise<CastOutcome> {
    let q = this.queues.get(voteId);
    if (!q) {
      q = { meetingId, pending: [], running: false };
      this.queues.set(voteId, q);
    }
    const queue = q;
    return new Promise<CastOutcome>((resolve, reject) => {
      queue.pending.push({ row, resolve, reject });
      if (!queue.running && queue.pending.length === 1) setImmediate(() => this.flush(voteId, queue));
    });
  }

  private flush(voteId: string, q: Queue): void {
    if (q.running || !q.pending.length) {
      if (!q.running && !q.pending.length && this.queues.get(voteId) === q) this.queues.delete(voteId);
      return;
    }
    q.running = true;
    const batch = q.pending.splice(0, MAX_BATCH);
    void this.write(voteId, q.meetingId, batch).finally(() => {
      q.running = false;
      if (q.pending.length) setImmediate(() => this.flush(voteId, q));
      else if (this.queues.get(voteId) === q) this.queues.delete(voteId);
    });
  }

  private async write(voteId: string, meetingId: string, batch: Pending[]): Promise<void> {
    const outcomes = new Array<CastOutcome>(batch.length);
    try {
      await this.db.transaction().execute(async (trx) => {
        const status = await repo.voteStatusForShare(trx, voteId);
        const refusal: CastOutcome | null =
          status === undefined
            ? 'not_found'
            : status === 'announced'
              ? 'not_open'
              : status !== 'open'
                ? 'closed'
                : null;
        if (refusal) {
          outcomes.fill(refusal);
          return;
        }
        // a token cast twice in one batch: the first keeps it
        const first = new Map<string, number>();
        batch.forEach((p, i) => {
          if (first.has(p.row.receipt)) outcomes[i] = 'spent';
          else first.set(p.row.receipt, i);
        });
        const rows = shuffle([...first.values()].map((i) => batch[i]!.row));
        const inserted = await repo.insertBallots(trx, voteId, rows);
        for (const [receipt, i] of first) outcomes[i] = inserted.has(receipt) ? 'accepted' : 'spent';
        if (inserted.size) await this.onBatch(trx, meetingId, inserted.size);
      });
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    this.stats.batches++;
    this.stats.ballots += batch.length;
    batch.forEach((p, i) => p.resolve(outcomes[i]!));
  }
}
