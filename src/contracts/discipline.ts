// Discipline and appeal: charges, answers, hearings, decisions with penalties, appeals to the higher
// body and then to the control commission, penalties (active and past). Shapes shared by server and web.
import { z } from 'zod';
import { Uuid } from './common.js';
import { Penalty } from './membership-rules.js';
import { Votes } from './records.js';

export const CaseState = z.enum([
  'charged',
  'answered',
  'heard',
  'decided',
  'appealed',
  'appeal_upheld',
  'appeal_dismissed',
  'control_commission_appeal',
  'control_commission_upheld',
  'control_commission_dismissed',
]);
export type CaseState = z.infer<typeof CaseState>;

/** A decision's outcome: one of the statute's penalties, or acquittal. */
export const CaseOutcome = z.union([Penalty, z.literal('acquittal')]);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/** POST /api/discipline/cases — bring a charge against a member or candidate in their primary organisation. */
export const OpenCaseInput = z.object({
  personId: Uuid,
  chargedOn: z.iso.date(),
  charge: z.string().trim().min(1).max(20_000),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

/** POST /api/discipline/cases/{id}/answer — the accused answers in writing. */
export const AnswerInput = z.object({
  answeredOn: z.iso.date().optional(),
  answer: z.string().trim().min(1).max(20_000),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

/** POST /api/discipline/cases/{id}/hearing */
export const HearingInput = z.object({
  heardOn: z.iso.date(),
  notes: z.string().trim().min(1).max(50_000),
});
export type HearingInput = z.infer<typeof HearingInput>;

/** POST /api/discipline/cases/{id}/decide — the primary organisation's vote. */
export const DecideCaseInput = z.object({
  takenOn: z.iso.date(),
  votes: Votes,
  reasons: z.string().trim().min(1).max(20_000),
  outcome: CaseOutcome,
});
export type DecideCaseInput = z.infer<typeof DecideCaseInput>;

export const ActKind = z.enum(['discipline', 'review']);
export type ActKind = z.infer<typeof ActKind>;
export const AppealLevel = z.enum(['higher_body', 'control_commission']);
export type AppealLevel = z.infer<typeof AppealLevel>;
export const AppealState = z.enum(['pending', 'upheld', 'dismissed']);
export type AppealState = z.infer<typeof AppealState>;

/** POST /api/appeals — the penalised member appeals a decided act (a discipline case or a review item). */
export const LodgeAppealInput = z.object({
  actKind: ActKind,
  actId: Uuid,
  lodgedOn: z.iso.date().optional(),
  reasons: z.string().trim().min(1).max(20_000),
});
export type LodgeAppealInput = z.infer<typeof LodgeAppealInput>;

/** POST /api/appeals/{id}/decide — the appellate body (or control commission) decides. */
export const DecideAppealInput = z.object({
  takenOn: z.iso.date(),
  outcome: z.enum(['upheld', 'dismissed']),
  reasons: z.string().trim().min(1).max(20_000),
  votes: Votes.optional(),
});
export type DecideAppealInput = z.infer<typeof DecideAppealInput>;

/** POST /api/appeals/{id}/escalate — a dismissed appeal goes to the control commission. */
export const EscalateInput = z.object({
  lodgedOn: z.iso.date().optional(),
  reasons: z.string().trim().min(1).max(20_000),
});
export type EscalateInput = z.infer<typeof EscalateInput>;

/** What the reader may do with an appeal (ADR 0026): decide it (the appellate body, never the appellant). */
export const AppealCan = z.object({ decide: z.boolean() });
export type AppealCan = z.infer<typeof AppealCan>;

export const Appeal = z.object({
  id: Uuid,
  actKind: ActKind,
  actId: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  level: AppealLevel,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  lodgedOn: z.iso.date(),
  reasons: z.string(),
  state: AppealState,
  decidedOn: z.iso.date().nullable(),
  decisionReasons: z.string().nullable(),
  /** The last day on which it could be lodged. */
  deadline: z.iso.date(),
  parentAppealId: Uuid.nullable(),
  can: AppealCan,
});
export type Appeal = z.infer<typeof Appeal>;

export const PenaltyRecord = z.object({
  id: Uuid,
  personId: Uuid,
  kind: Penalty,
  actKind: ActKind,
  actId: Uuid,
  imposedOn: z.iso.date(),
  /** Null for expulsion (it does not expire). */
  expiresOn: z.iso.date().nullable(),
  /** An entry in the member's record (severe reprimand with record). */
  withRecord: z.boolean(),
  liftedOn: z.iso.date().nullable(),
  liftReason: z.string().nullable(),
  annulledOn: z.iso.date().nullable(),
  active: z.boolean(),
});
export type PenaltyRecord = z.infer<typeof PenaltyRecord>;

/** GET /api/persons/{id}/penalties */
export const PersonPenalties = z.object({
  active: z.array(PenaltyRecord),
  past: z.array(PenaltyRecord),
});
export type PersonPenalties = z.infer<typeof PersonPenalties>;

/** POST /api/penalties/{id}/lift — an explicit early lifting by the primary organisation. */
export const LiftPenaltyInput = z.object({
  liftedOn: z.iso.date(),
  reasons: z.string().trim().min(1).max(20_000),
  votes: Votes.optional(),
});
export type LiftPenaltyInput = z.infer<typeof LiftPenaltyInput>;

/**
 * What the reader may do with a case (ADR 0026), each the check its act makes: `answer` (the accused, once
 * charged), `hearing` and `decide` (the primary organisation's managers, in turn), `appeal` (the penalised member,
 * within the deadline), `escalate` (the appellant, once the first appeal is dismissed, within the deadline).
 */
export const CaseCan = z.object({
  answer: z.boolean(),
  hearing: z.boolean(),
  decide: z.boolean(),
  appeal: z.boolean(),
  escalate: z.boolean(),
});
export type CaseCan = z.infer<typeof CaseCan>;

export const DisciplineCase = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  primaryId: Uuid,
  primaryName: z.string(),
  primaryNameRu: z.string().nullable(),
  chargedBy: Uuid.nullable(),
  chargedOn: z.iso.date(),
  charge: z.string(),
  notifiedOn: z.iso.date(),
  answer: z.string().nullable(),
  answeredOn: z.iso.date().nullable(),
  heardOn: z.iso.date().nullable(),
  hearingNotes: z.string().nullable(),
  state: CaseState,
  decidedOn: z.iso.date().nullable(),
  outcome: CaseOutcome.nullable(),
  reasons: z.string().nullable(),
  votes: Votes.nullable(),
  penaltyId: Uuid.nullable(),
  can: CaseCan,
});
export type DisciplineCase = z.infer<typeof DisciplineCase>;

/** GET /api/discipline/cases/{id} */
export const CaseDetail = z.object({
  case: DisciplineCase,
  appeals: z.array(Appeal),
  penalty: PenaltyRecord.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** GET /api/discipline/cases?bodyId= (open charges in a subtree); GET /api/discipline/my-cases */
export const CaseList = z.object({ items: z.array(DisciplineCase) });
export type CaseList = z.infer<typeof CaseList>;
export const CaseListQuery = z.object({ bodyId: Uuid });

/** GET /api/appeals?bodyId= — pending appeals awaiting a body (committee or control commission). */
export const AppealList = z.object({ items: z.array(Appeal) });
export type AppealList = z.infer<typeof AppealList>;
export const AppealListQuery = z.object({ bodyId: Uuid });
