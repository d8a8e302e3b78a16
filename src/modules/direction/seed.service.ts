// Histories loaded in bulk (the demo's campaign and its twelve monthly rounds; ADR 0027 §11 slice 8): many first
// reports of a round written at once, then the round's stored figures recomputed from them — the one path besides
// the report service that writes versions, so it ends in `recomputeRound` as the ADR requires.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import { DirectionErrors } from './direction.errors.js';
import * as rounds from './round.repository.js';

export interface SeedReport {
  bodyId: string;
  values: Record<string, number | string | null>;
  text?: string | null;
  submittedAt: Date;
  /** approved two days after submission; returned the day after, with the reason */
  state: 'submitted' | 'approved' | 'returned';
  reason?: string | null;
  byPersonId: string | null;
}

export class DirectionSeedService {
  constructor(private readonly db: Database) {}

  async loadReports(roundId: string, reports: SeedReport[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const round = await rounds.findRound(trx, roundId);
      if (!round) throw DirectionErrors.round_not_found();
      for (let i = 0; i < reports.length; i += 5000)
        await rounds.bulkReports(
          trx,
          roundId,
          reports.slice(i, i + 5000).map((r) => ({
            body_id: r.bodyId,
            version_id: uuidv7(),
            vals: r.values,
            text: r.text ?? null,
            submitted_at: r.submittedAt.toISOString(),
            state: r.state,
            reason: r.reason ?? null,
            by_person: r.byPersonId,
          })),
        );
      const issuer = (await rounds.findNode(trx, roundId, round.issuer_body_id))!;
      await rounds.recomputeRound(trx, roundId, issuer.depth);
      const committees = await rounds.discrepancyBodies(trx, roundId);
      await rounds.refreshDiscrepancies(trx, roundId, committees);
    });
  }

  /** A committee's deadline for its subtree as a history has it (possibly past). */
  async setDueOfSubtree(roundId: string, bodyId: string, dueAt: Date): Promise<void> {
    await this.db.transaction().execute((trx) => rounds.setDueOfSubtree(trx, roundId, bodyId, dueAt));
  }
}
