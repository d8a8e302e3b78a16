// Resignation (seed 004, Petrzhek 1922): the member's reasons kept exactly as written, the organisation's
// discussion, and the outcome: accepted by a decision with votes, or withdrawn by the member.
import { z } from 'zod';
import { IsoDate, Uuid, pageOf } from './common.js';
import { Votes } from './records.js';

export const ResignationState = z.enum(['submitted', 'discussed', 'accepted', 'withdrawn']);
export type ResignationState = z.infer<typeof ResignationState>;

/** The member resigns: reasons are stored verbatim (not trimmed, never edited). */
export const SubmitResignationInput = z.object({
  reasons: z
    .string()
    .min(1)
    .max(100_000)
    .refine((s) => s.trim().length > 0, 'must not be blank'),
  submittedOn: IsoDate,
});
export type SubmitResignationInput = z.infer<typeof SubmitResignationInput>;

export const DiscussResignationInput = z.object({
  discussedOn: IsoDate,
  discussion: z
    .string()
    .min(1)
    .max(100_000)
    .refine((s) => s.trim().length > 0, 'must not be blank'),
});
export type DiscussResignationInput = z.infer<typeof DiscussResignationInput>;

/** The organisation's decision accepting the resignation. */
export const DecideResignationInput = z.object({
  takenOn: IsoDate,
  votes: Votes,
  reasons: z.string().trim().min(1).max(20_000),
});
export type DecideResignationInput = z.infer<typeof DecideResignationInput>;

export const WithdrawResignationInput = z.object({ withdrawnOn: IsoDate });
export type WithdrawResignationInput = z.infer<typeof WithdrawResignationInput>;

/**
 * What the reader may do with a resignation (ADR 0026): `discuss` (the organisation's managers, once submitted),
 * `accept` (the organisation's managers, once discussed).
 */
export const ResignationCan = z.object({ discuss: z.boolean(), accept: z.boolean() });
export type ResignationCan = z.infer<typeof ResignationCan>;

export const Resignation = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  state: ResignationState,
  reasons: z.string(),
  submittedOn: IsoDate,
  discussion: z.string().nullable(),
  discussedOn: IsoDate.nullable(),
  decisionId: Uuid.nullable(),
  decidedOn: IsoDate.nullable(),
  votes: Votes.nullable(),
  decisionReasons: z.string().nullable(),
  withdrawnOn: IsoDate.nullable(),
  can: ResignationCan,
});
export type Resignation = z.infer<typeof Resignation>;

export const ResignationListQuery = z.object({
  bodyId: Uuid,
  /** Default: open ones (submitted, discussed). */
  state: ResignationState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ResignationListQuery = z.infer<typeof ResignationListQuery>;

export const ResignationPage = pageOf(Resignation);
export type ResignationPage = z.infer<typeof ResignationPage>;
