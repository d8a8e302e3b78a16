// Membership reviews (purges, verifications of party documents): open over a subtree with a deadline, decide
// items (with the guard against two conflicting decisions), progress rolled up per body, close after the
// deadline. Appeals against outcomes go through the discipline module's appeal machinery.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type {
  CloseReviewInput,
  DecideItemInput,
  OpenReviewInput,
  ProgressRow,
  Review,
  ReviewItem,
  ReviewList,
  ReviewItemPage,
  ReviewItemState,
  ReviewOutcome,
  ReviewProgress,
} from '../../contracts/review.js';
import { SUB_BODY_KINDS, type BodyKind } from '../../contracts/statute.js';
import type { RecordsService } from '../records/records.service.js';
import type { DisciplineService } from '../discipline/discipline.service.js';
import type { AppealableAct } from '../discipline/appeal.service.js';
import type { PersonRecord } from '../discipline/rules/penalties.js';
import { todayIso } from '../statute/rules/dates.js';
import { AppError } from '../../platform/errors.js';
import { ReviewErrors } from './review.errors.js';
import {
  assertCanDecideItem,
  assertCanOpenReview,
  assertCanViewProgress,
  assertCanViewReview,
  canCloseReviewNow,
  canDecideItemNow,
} from './review.policy.js';
import { canClose, effectOfOutcome, nextItemState } from './rules/item-machine.js';
import * as repo from './review.repository.js';

const NON_COMMITTEE: string[] = [
  'primary_organisation',
  'shop_cell',
  'party_group',
  'management',
  'union_committee',
  'council',
];

/** The review, with what the reader may do with it (ADR 0026). */
function toReview(actor: Actor, r: repo.ReviewRow): Review {
  const close = canCloseReviewNow(
    actor,
    { bodyId: r.body_id, bodyPath: r.body_path, state: r.state, deadline: r.deadline },
    todayIso(),
  );
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    title: r.title,
    openedOn: r.opened_on,
    deadline: r.deadline,
    state: r.state,
    closedOn: r.closed_on,
    items: r.items,
    can: { close },
  };
}

/** The item, with what the reader may do with it (ADR 0026). */
function toItem(actor: Actor, r: repo.ItemRow): ReviewItem {
  const decide = canDecideItemNow(actor, { primaryPath: r.primary_path, state: r.state, reviewState: r.review_state });
  return {
    id: r.id,
    reviewId: r.review_id,
    personId: r.person_id,
    personName: r.person_name,
    personNameRu: r.person_name_ru,
    cardNumber: r.card_number,
    statusAtOpening: r.status_at_opening,
    bodyId: r.body_id,
    primaryId: r.primary_id,
    state: r.state,
    outcome: r.outcome,
    reasons: r.reasons,
    decidedOn: r.decided_on,
    can: { decide },
  };
}

function toRow(a: repo.ProgressAgg, overdue: boolean): ProgressRow {
  return {
    bodyId: a.body_id,
    bodyName: a.body_name,
    bodyNameRu: a.body_name_ru,
    total: a.total,
    decided: a.decided,
    byOutcome: {
      confirmed: a.confirmed,
      moved_to_candidate: a.moved_to_candidate,
      moved_to_sympathiser: a.moved_to_sympathiser,
      expelled: a.expelled,
    },
    overdue: overdue ? a.pending : 0,
  };
}

function parsePrior(v: unknown): PersonRecord | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as PersonRecord;
}

export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly records: RecordsService,
    private readonly discipline: DisciplineService,
  ) {
    discipline.appeals.register('review', {
      load: async (ex, id, forUpdate): Promise<AppealableAct | null> => {
        const i = await repo.findItem(ex, id, forUpdate);
        if (!i || !i.primary_path) return null;
        return {
          id: i.id,
          organisationId: i.organisation_id,
          personId: i.person_id,
          primaryPath: i.primary_path,
          state: i.state,
          decidedOn: i.decided_on,
          prior: parsePrior(i.prior),
          outcome: i.outcome,
        } as AppealableAct;
      },
      next: (act, event) =>
        nextItemState(act.state as ReviewItemState, event, (act as { outcome?: ReviewOutcome | null }).outcome ?? null),
      // the appeal machinery is shared by cases and review items: states reach it as strings
      setState: (ex, id, from, to) => repo.setItemState(ex, id, from as ReviewItemState, to as ReviewItemState),
    });
  }

  /** A committee opens a review of every member and candidate of its subtree (one item each, in bulk). */
  async open(actor: Actor, input: OpenReviewInput): Promise<Review> {
    const body = await repo.bodyOf(this.db, input.bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw ReviewErrors.body_not_found();
    assertCanOpenReview(actor, body);
    if (NON_COMMITTEE.includes(body.kind) || SUB_BODY_KINDS.includes(body.kind as BodyKind))
      throw ReviewErrors.not_a_committee();
    if (input.openedOn > todayIso()) throw ReviewErrors.date_in_future();
    if (input.deadline <= input.openedOn) throw ReviewErrors.deadline_before_opening();
    const id = uuidv7();
    await this.db.transaction().execute(async (tx) => {
      await repo.insertReview(tx, {
        id,
        organisation_id: actor.organisationId,
        body_id: body.id,
        title: input.title,
        opened_on: input.openedOn,
        deadline: input.deadline,
        opened_by: actor.personId,
      });
      const n = await repo.insertItemsForSubtree(tx, id, actor.organisationId, body.path);
      await this.records.audit(tx, {
        organisationId: actor.organisationId,
        subjectPersonId: null,
        actor,
        effectiveOn: input.openedOn,
        process: 'review',
        entityId: id,
        action: 'opened',
        toState: 'open',
        reason: input.title,
        details: { bodyId: body.id, deadline: input.deadline, items: n },
      });
      await repo.writeOutbox(tx, 'review.opened', { reviewId: id, bodyId: body.id, items: n });
    });
    return this.get(actor, id);
  }

  /** The reviews opened over a body, for those who manage it (the committee's worklist). */
  async listOfBody(actor: Actor, bodyId: string): Promise<ReviewList> {
    const body = await repo.bodyOf(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw ReviewErrors.body_not_found();
    assertCanOpenReview(actor, body);
    return { items: (await repo.reviewsOfBody(this.db, bodyId)).map((r) => toReview(actor, r)) };
  }

  async get(actor: Actor, id: string): Promise<Review> {
    const r = await repo.findReview(this.db, id);
    if (!r || r.organisation_id !== actor.organisationId) throw ReviewErrors.review_not_found();
    assertCanViewReview(actor, r.body_path);
    return toReview(actor, r);
  }

  /** The review commission decides an item. Exactly one of two simultaneous decisions succeeds. */
  async decideItem(actor: Actor, itemId: string, input: DecideItemInput): Promise<ReviewItem> {
    const i = await repo.findItem(this.db, itemId);
    if (!i || i.organisation_id !== actor.organisationId || !i.primary_path) throw ReviewErrors.item_not_found();
    assertCanDecideItem(actor, i.primary_path);
    // the checks `canDecideItemNow` (the flag) makes, each with its own refusal
    if (i.review_state === 'closed') throw ReviewErrors.review_closed();
    const t = nextItemState(i.state, { type: 'decide' }, null);
    if (!t.ok) throw ReviewErrors.already_decided();
    if (input.decidedOn > todayIso()) throw ReviewErrors.date_in_future();
    if (input.decidedOn < i.opened_on) throw ReviewErrors.date_out_of_order();
    await this.db.transaction().execute(async (tx) => {
      const won = await repo.markDecided(tx, itemId, {
        outcome: input.outcome,
        reasons: input.reasons,
        decided_on: input.decidedOn,
        decided_by: actor.personId,
      });
      if (!won) throw ReviewErrors.already_decided();
      let prior: PersonRecord | null;
      try {
        prior = (
          await this.discipline.applyStatusEffect(tx, i.person_id, effectOfOutcome(input.outcome), input.decidedOn)
        ).prior;
      } catch (e) {
        if (e instanceof AppError && e.code === 'penalty_not_applicable') throw ReviewErrors.outcome_not_applicable();
        throw e;
      }
      const decisionId = await this.records.decision(tx, {
        organisationId: i.organisation_id,
        bodyId: i.primary_id!,
        takenOn: input.decidedOn,
        process: 'review',
        entityId: itemId,
        outcome: input.outcome,
        votes: null,
        reasons: input.reasons,
        recordedBy: actor,
      });
      await repo.setItemFields(tx, itemId, { decision_id: decisionId, prior: prior ? JSON.stringify(prior) : null });
      await this.records.audit(tx, {
        organisationId: i.organisation_id,
        subjectPersonId: i.person_id,
        actor,
        effectiveOn: input.decidedOn,
        process: 'review',
        entityId: itemId,
        action: 'decided',
        fromState: 'pending',
        toState: 'decided',
        reason: input.reasons,
        details: { outcome: input.outcome, reviewId: i.review_id, statusBefore: prior?.status ?? null },
      });
      await repo.writeOutbox(tx, 'review.item_decided', { itemId, personId: i.person_id, outcome: input.outcome });
    });
    const after = await repo.findItem(this.db, itemId);
    return toItem(actor, after!);
  }

  async getItem(actor: Actor, itemId: string): Promise<ReviewItem> {
    const i = await repo.findItem(this.db, itemId);
    if (!i || i.organisation_id !== actor.organisationId) throw ReviewErrors.item_not_found();
    if (i.person_id !== actor.personId) assertCanDecideItem(actor, i.primary_path ?? '');
    return toItem(actor, i);
  }

  /** Pending items in the organisations the actor manages (their review commission's worklist). */
  async myItems(
    actor: Actor,
    q: { reviewId?: string | undefined; limit?: number; offset?: number },
  ): Promise<ReviewItemPage> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const { items, total } = await repo.pendingItemsWithin(this.db, {
      organisationId: actor.organisationId,
      roots: actor.scopes.map((s) => s.path),
      ...(q.reviewId ? { reviewId: q.reviewId } : {}),
      limit,
      offset,
    });
    return { items: items.map((r) => toItem(actor, r)), total, limit, offset };
  }

  /** Per child of `bodyId` (default the review's body): total, decided, by outcome, overdue after the deadline. */
  async progress(actor: Actor, reviewId: string, bodyId?: string): Promise<ReviewProgress> {
    const r = await repo.findReview(this.db, reviewId);
    if (!r || r.organisation_id !== actor.organisationId) throw ReviewErrors.review_not_found();
    const body = await repo.bodyOf(this.db, bodyId ?? r.body_id);
    if (!body || body.organisation_id !== actor.organisationId) throw ReviewErrors.body_not_found();
    assertCanViewProgress(actor, body.path);
    const overdue = todayIso() > r.deadline;
    const [total, children] = await Promise.all([
      repo.progressOf(this.db, reviewId, body.id),
      repo.progressByChild(this.db, reviewId, body.id),
    ]);
    return {
      reviewId,
      bodyId: body.id,
      deadline: r.deadline,
      total: toRow(total, overdue),
      children: children.map((c) => toRow(c, overdue)),
    };
  }

  /** Closing after the deadline; pending items stay pending and can no longer be decided. */
  async close(actor: Actor, reviewId: string, input: CloseReviewInput): Promise<Review> {
    const r = await repo.findReview(this.db, reviewId);
    if (!r || r.organisation_id !== actor.organisationId) throw ReviewErrors.review_not_found();
    assertCanOpenReview(actor, { id: r.body_id, path: r.body_path });
    if (input.closedOn > todayIso()) throw ReviewErrors.date_in_future();
    const problem = canClose(r.state, r.deadline, input.closedOn);
    if (problem) throw ReviewErrors[problem]();
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.closeReview(tx, reviewId, input.closedOn))) throw ReviewErrors.already_closed();
      await this.records.audit(tx, {
        organisationId: r.organisation_id,
        subjectPersonId: null,
        actor,
        effectiveOn: input.closedOn,
        process: 'review',
        entityId: reviewId,
        action: 'closed',
        fromState: 'open',
        toState: 'closed',
      });
      await repo.writeOutbox(tx, 'review.closed', { reviewId });
    });
    return this.get(actor, reviewId);
  }
}
