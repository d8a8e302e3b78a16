// Membership review (the seeds' purges and verifications of party documents): a higher body reviews every
// member and candidate of its subtree by a deadline; each item decided with reasons; progress rolled up.
import { z } from 'zod';
import { Uuid } from './common.js';

export const ReviewOutcome = z.enum(['confirmed', 'moved_to_candidate', 'moved_to_sympathiser', 'expelled']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const ReviewItemState = z.enum([
  'pending',
  'decided',
  'appealed',
  'appeal_upheld',
  'appeal_dismissed',
  'control_commission_appeal',
  'control_commission_upheld',
  'control_commission_dismissed',
]);
export type ReviewItemState = z.infer<typeof ReviewItemState>;

/** POST /api/reviews */
export const OpenReviewInput = z.object({
  bodyId: Uuid,
  title: z.string().trim().min(1).max(500),
  openedOn: z.iso.date(),
  deadline: z.iso.date(),
});
export type OpenReviewInput = z.infer<typeof OpenReviewInput>;

/** What the reader may do with a review (ADR 0026): close it (the committee's managers, once the deadline passed). */
export const ReviewCan = z.object({ close: z.boolean() });
export type ReviewCan = z.infer<typeof ReviewCan>;

export const Review = z.object({
  id: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  title: z.string(),
  openedOn: z.iso.date(),
  deadline: z.iso.date(),
  state: z.enum(['open', 'closed']),
  closedOn: z.iso.date().nullable(),
  items: z.number().int(),
  can: ReviewCan,
});
export type Review = z.infer<typeof Review>;

/** POST /api/reviews/{id}/close */
export const ReviewList = z.object({ items: z.array(Review) });
export type ReviewList = z.infer<typeof ReviewList>;

/** GET /api/reviews?bodyId= — the reviews opened over a body. */
export const ReviewListQuery = z.object({ bodyId: Uuid });
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

export const CloseReviewInput = z.object({ closedOn: z.iso.date() });
export type CloseReviewInput = z.infer<typeof CloseReviewInput>;

/** POST /api/review-items/{id}/decide — by the review commission of the person's organisation. */
export const DecideItemInput = z.object({
  decidedOn: z.iso.date(),
  outcome: ReviewOutcome,
  reasons: z.string().trim().min(1).max(20_000),
});
export type DecideItemInput = z.infer<typeof DecideItemInput>;

/**
 * What the reader may do with a review item (ADR 0026): decide it (the review commission of the person's
 * organisation, while it is pending and the review open).
 */
export const ReviewItemCan = z.object({ decide: z.boolean() });
export type ReviewItemCan = z.infer<typeof ReviewItemCan>;

export const ReviewItem = z.object({
  id: Uuid,
  reviewId: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  cardNumber: z.string().nullable(),
  statusAtOpening: z.enum(['member', 'candidate']),
  bodyId: Uuid,
  primaryId: Uuid.nullable(),
  state: ReviewItemState,
  outcome: ReviewOutcome.nullable(),
  reasons: z.string().nullable(),
  decidedOn: z.iso.date().nullable(),
  can: ReviewItemCan,
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** GET /api/review-items/mine?reviewId=&limit=&offset= — pending items in the organisations the actor manages. */
export const MyItemsQuery = z.object({
  reviewId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ReviewItemPage = z.object({
  items: z.array(ReviewItem),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ReviewItemPage = z.infer<typeof ReviewItemPage>;

export const OutcomeCounts = z.object({
  confirmed: z.number().int(),
  moved_to_candidate: z.number().int(),
  moved_to_sympathiser: z.number().int(),
  expelled: z.number().int(),
});
export const ProgressRow = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  total: z.number().int(),
  decided: z.number().int(),
  byOutcome: OutcomeCounts,
  /** Items still pending after the deadline (0 before it). */
  overdue: z.number().int(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

/** GET /api/reviews/{id}/progress?bodyId= — per child body of bodyId (default: the review's body), plus the total. */
export const ReviewProgress = z.object({
  reviewId: Uuid,
  bodyId: Uuid,
  deadline: z.iso.date(),
  total: ProgressRow,
  children: z.array(ProgressRow),
});
export type ReviewProgress = z.infer<typeof ReviewProgress>;
export const ProgressQuery = z.object({ bodyId: Uuid.optional() });
