// The direction ticker (ADR 0027 §9): every minute, under a transaction-scoped advisory lock (one ticker at a time
// across processes), reminders to addressees that have not reported within REMINDER_DAYS of their due date, and
// escalations to the frozen parent of those overdue — each one INSERT … SELECT, idempotent by the notice's unique
// key, so a tick repeated or run late writes nothing twice; from 06:00 in the statute's zone, each committee's digest
// of the day (DirectionDigests.storeDaily, idempotent by body and day). And the notices a body reads.
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { NoticeList } from '../../contracts/direction.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode } from './direction.policy.js';
import * as repo from './campaign.repository.js';
import * as rounds from './round.repository.js';
import { AppError } from '../../platform/errors.js';
import type { DirectiveService } from './directive.service.js';
import type { DirectionDigests } from './digest.service.js';

/** Days before a due date when an addressee that has not reported is reminded. */
export const REMINDER_DAYS = 3;
const EVERY_MS = 60_000;

export class DirectionTicker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Database,
    private readonly digests: DirectionDigests | null = null,
    /** opens each schedule's current period when it begins */
    private readonly periods?: { openPeriodInTx: DirectiveService['openPeriodInTx'] },
  ) {}

  /**
   * One tick: each running schedule's current period opened, reminders and escalations as of `now`, and the day's
   * digests due. Null when another process holds the ticker's lock.
   */
  async tick(
    now: Date = new Date(),
  ): Promise<{ reminders: number; escalations: number; digests: number; periodsOpened: number } | null> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await repo.tryTickerLock(trx))) return null;
      // each running schedule's period containing today is opened (frozen over the tree as it is then), once
      let periodsOpened = 0;
      if (this.periods) {
        const today = now.toISOString().slice(0, 10);
        for (const id of await rounds.schedulesDue(trx, today)) {
          try {
            if ((await this.periods.openPeriodInTx(trx, null, id, today))?.created) periodsOpened++;
          } catch (e) {
            // a schedule whose issuer was dissolved: refused before anything is written; the others go on
            if (!(e instanceof AppError)) throw e;
          }
        }
      }
      const reminders = await repo.insertReminders(trx, now, REMINDER_DAYS);
      const escalations = await repo.insertEscalations(trx, now);
      const digests = this.digests ? await this.digests.storeDaily(trx, now) : 0;
      return { reminders, escalations, digests, periodsOpened };
    });
  }

  /** Started with the server: a tick every minute (never two at once in this process). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((e: unknown) => console.warn(`direction ticker: ${(e as Error).message}`))
        .finally(() => (this.running = null));
    }, EVERY_MS);
    this.timer.unref();
  }

  /** Stopped with the server: no new tick, the one under way finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** A body's notices: reminders to it, escalations about its children overdue. */
  async notices(actor: Actor, bodyId: string): Promise<NoticeList> {
    const body = await rounds.findBody(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
    assertCanSeeNode(actor, { bodyId, frozenPath: body.path, currentPath: body.path });
    const rows = await repo.noticesTo(this.db, bodyId);
    return {
      items: rows.map((r) => ({
        roundId: r.round_id,
        bodyId: r.body_id,
        bodyName: r.name,
        bodyNameRu: r.name_ru,
        kind: r.kind,
        title: r.title,
        titleRu: r.title_ru,
        dueAt: new Date(r.due_at).toISOString(),
        at: new Date(r.at).toISOString(),
      })),
    };
  }
}
