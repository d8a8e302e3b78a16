// Digests (ADR 0027 §9, issue 13 point 8): for a committee's secretary, what is due, overdue and flagged in its
// subtree — the open rounds it is a frozen node of with their due dates and completeness, its children past their
// due date that have not reported (counted, the first DIGEST_OVERDUE_SHOWN named: a district of 200 organisations
// stays readable), discrepancies flagged and reports returned below it. Stored daily by the ticker (from 06:00 in
// the statute's zone, once per body and day by the key) and served when present; computed on request otherwise.
// As JSON, CSV (rules/digest-csv.ts) and PDF (digest.pdf.ts).
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { zonedDateTime } from '../../contracts/time-zone.js';
import {
  DIGEST_FLAGS_SHOWN,
  DIGEST_OVERDUE_SHOWN,
  DIGEST_ROUNDS_SHOWN,
  Digest,
  type DigestRound,
} from '../../contracts/direction-insight.js';
import type { StatuteSource } from '../statute/statute.service.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode } from './direction.policy.js';
import { digestCsv } from './rules/digest-csv.js';
import { renderDigestPdf } from './digest.pdf.js';
import * as repo from './digest.repository.js';
import * as rounds from './round.repository.js';

/** The local hour from which the day's digests are stored. */
export const DIGEST_HOUR = 6;
/** Digests stored per tick at most (the rest on the next ticks). */
export const DIGESTS_PER_TICK = 100;

export class DirectionDigests {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
  ) {}

  /** A committee's digest for today: the stored one when the daily run has made it, else computed now. */
  async digest(actor: Actor, bodyId: string, now: Date = new Date()): Promise<Digest> {
    const body = await rounds.findBody(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
    assertCanSeeNode(actor, { bodyId, frozenPath: body.path, currentPath: body.path });
    const { timeZone } = await this.statute.rules(body.organisation_id);
    const forDate = zonedDateTime(now, timeZone).date;
    const stored = await repo.findDigest(this.db, bodyId, forDate);
    if (stored) {
      const parsed = Digest.safeParse({ ...(stored as object), stored: true });
      if (parsed.success) return parsed.data;
    }
    return this.compute(this.db, body, forDate, now);
  }

  async csv(actor: Actor, bodyId: string): Promise<string> {
    return digestCsv(await this.digest(actor, bodyId));
  }

  async pdf(actor: Actor, bodyId: string, lang: 'en' | 'ru'): Promise<Buffer> {
    return renderDigestPdf(await this.digest(actor, bodyId), lang);
  }

  /**
   * The ticker's daily step, inside its locked transaction: for each organisation with open rounds whose local time
   * is past DIGEST_HOUR, the digests of its committees not yet stored for the local day (at most `limit` in all).
   */
  async storeDaily(ex: Executor, now: Date, limit = DIGESTS_PER_TICK): Promise<number> {
    let stored = 0;
    for (const organisationId of await repo.organisationsWithOpenRounds(ex, now)) {
      if (stored >= limit) break;
      const { timeZone } = await this.statute.rules(organisationId, undefined, ex);
      const local = zonedDateTime(now, timeZone);
      if (Number(local.time.slice(0, 2)) < DIGEST_HOUR) continue;
      const ids = await repo.committeesWithoutDigest(ex, organisationId, now, local.date, limit - stored);
      for (const id of ids) {
        const body = await rounds.findBody(ex, id);
        if (!body) continue;
        const { stored: _s, ...content } = await this.compute(ex, body, local.date, now);
        if (await repo.insertDigest(ex, id, local.date, content)) stored++;
      }
    }
    return stored;
  }

  private async compute(ex: Executor, body: rounds.BodyFacts, forDate: string, now: Date): Promise<Digest> {
    const open = await repo.openRoundsOf(ex, body.id, now, DIGEST_ROUNDS_SHOWN);
    const roundIds = open.map((r) => r.round_id);
    const list: DigestRound[] = [];
    for (const r of open) {
      const [own] = await rounds.progressOf(ex, r.round_id, [body.id]);
      const children = await repo.childrenPastDue(ex, r.round_id, body.id, now);
      const progress = await rounds.progressOf(
        ex,
        r.round_id,
        children.map((c) => c.body_id),
      );
      const missing = new Map(
        progress.map((p) => [p.body_id, Math.max(0, p.expected - p.reported - p.excused)] as const),
      );
      const overdue = children
        .map((c) => ({ ...c, missing: missing.get(c.body_id) ?? 0 }))
        .filter((c) => c.missing > 0)
        .sort((a, b) => b.missing - a.missing || a.name.localeCompare(b.name));
      list.push({
        roundId: r.round_id,
        title: r.title,
        titleRu: r.title_ru,
        periodStart: r.period_start,
        dueAt: r.due_at.toISOString(),
        addressed: r.addressed,
        state: r.state,
        expected: own?.expected ?? 0,
        reported: own?.reported ?? 0,
        onTime: own?.on_time ?? 0,
        overdueCount: overdue.length,
        overdue: overdue.slice(0, DIGEST_OVERDUE_SHOWN).map((c) => ({
          bodyId: c.body_id,
          name: c.name,
          nameRu: c.name_ru,
          dueAt: c.due_at.toISOString(),
          missing: c.missing,
        })),
      });
    }
    const titles = new Map(open.map((r) => [r.round_id, { title: r.title, titleRu: r.title_ru }]));
    const titleOf = (id: string) => titles.get(id) ?? { title: '', titleRu: '' };
    const [discrepancies, returned] = await Promise.all([
      repo.discrepanciesBelow(ex, roundIds, body.path, DIGEST_FLAGS_SHOWN),
      repo.returnedBelow(ex, roundIds, body.path, DIGEST_FLAGS_SHOWN),
    ]);
    return {
      bodyId: body.id,
      bodyName: body.name,
      bodyNameRu: body.name_ru,
      forDate,
      generatedAt: now.toISOString(),
      stored: false,
      rounds: list,
      discrepancies: discrepancies.map((x) => ({
        roundId: x.round_id,
        ...titleOf(x.round_id),
        bodyId: x.body_id,
        name: x.name,
        nameRu: x.name_ru,
        indicatorCode: x.code,
        summary: x.summary,
        raw: x.raw,
      })),
      returned: returned.map((x) => ({
        roundId: x.round_id,
        ...titleOf(x.round_id),
        bodyId: x.body_id,
        name: x.name,
        nameRu: x.name_ru,
      })),
    };
  }
}
