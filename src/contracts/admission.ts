// Admission: applications (for candidate or full membership), recommendations, the primary organisation's
// decision, the committee's confirmation, the candidate stage (extension, refusal) and worklists.
import { z } from 'zod';
import { IsoDate, Uuid } from './common.js';
import { Votes } from './records.js';
import { PersonLabel } from './person.js';

export const ApplicationTarget = z.enum(['candidate', 'member']);
export type ApplicationTarget = z.infer<typeof ApplicationTarget>;

export const ApplicationState = z.enum([
  'collecting_recommendations',
  'ready',
  'admitted_by_primary',
  'rejected_by_primary',
  'confirmed',
  'rejected_by_committee',
  'withdrawn',
]);
export type ApplicationState = z.infer<typeof ApplicationState>;

export const RecommendationState = z.enum(['requested', 'confirmed', 'declined']);
export type RecommendationState = z.infer<typeof RecommendationState>;

export const CandidacyState = z.enum(['candidate', 'extended', 'member', 'refused']);
export type CandidacyState = z.infer<typeof CandidacyState>;

/** What the reader may do with a recommendation (ADR 0026): answer it (the member named, while it is asked). */
export const RecommendationCan = z.object({ answer: z.boolean() });
export type RecommendationCan = z.infer<typeof RecommendationCan>;

export const Recommendation = z.object({
  id: Uuid,
  applicationId: Uuid,
  recommenderId: Uuid,
  recommenderName: z.string(),
  recommenderNameRu: z.string().nullable(),
  recommenderCardNumber: z.string().nullable(),
  recommenderJoinedOn: IsoDate.nullable(),
  state: RecommendationState,
  text: z.string().nullable(),
  answeredOn: IsoDate.nullable(),
  can: RecommendationCan,
});
export type Recommendation = z.infer<typeof Recommendation>;

export const ApplicationDecisionView = z.object({
  id: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  takenOn: IsoDate,
  outcome: z.string(),
  votes: Votes.nullable(),
  reasons: z.string().nullable(),
  assemblyId: Uuid.nullable(),
});
export type ApplicationDecisionView = z.infer<typeof ApplicationDecisionView>;

/**
 * What the reader may do with an application (ADR 0026), each the check its act makes: `nameRecommender` (the
 * applicant or the primary organisation's managers, while it is open), `decide` (the primary organisation's
 * managers, once enough recommendations are confirmed), `confirm` (the confirming committee's managers, once the
 * primary organisation admitted).
 */
export const ApplicationCan = z.object({
  nameRecommender: z.boolean(),
  decide: z.boolean(),
  confirm: z.boolean(),
});
export type ApplicationCan = z.infer<typeof ApplicationCan>;

export const Application = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  socialPosition: z.string(),
  target: ApplicationTarget,
  state: ApplicationState,
  /** The body applied to: a primary organisation or one of its shop cells. */
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  primaryId: Uuid,
  primaryName: z.string(),
  primaryNameRu: z.string().nullable(),
  appliedOn: IsoDate,
  statement: z.string().nullable(),
  /** Fixed by the statute in force on the application date. */
  requiredRecommendations: z.number().int(),
  minStandingYears: z.number(),
  confirmedRecommendations: z.number().int(),
  /** The committee that confirms (set when the primary organisation admits). */
  confirmingBodyId: Uuid.nullable(),
  confirmingBodyName: z.string().nullable(),
  confirmingBodyNameRu: z.string().nullable(),
  createdAt: z.string(),
  can: ApplicationCan,
});
export type Application = z.infer<typeof Application>;

export const ApplicationDetail = Application.extend({
  recommendations: z.array(Recommendation),
  decisions: z.array(ApplicationDecisionView),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ApplicationList = z.object({ items: z.array(Application) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const CreateApplicationInput = z.object({
  /** The applicant; omitted: the signed-in person applies for themself. A secretary may enter it for someone. */
  personId: Uuid.optional(),
  /** A primary organisation or a shop cell (its primary organisation decides). */
  bodyId: Uuid,
  /** Default: 'candidate' (or 'member' when the statute has no candidate stage, or the applicant is a candidate). */
  target: ApplicationTarget.optional(),
  appliedOn: IsoDate,
  statement: z.string().trim().max(20_000).optional(),
  /** Members named as recommenders (may also be added later). */
  recommenderIds: z.array(Uuid).max(20).default([]),
});
export type CreateApplicationInput = z.input<typeof CreateApplicationInput>;

export const NameRecommenderInput = z.object({ recommenderId: Uuid });
export type NameRecommenderInput = z.infer<typeof NameRecommenderInput>;

export const AnswerRecommendationInput = z.object({
  /** The written recommendation (or reason for declining). */
  text: z.string().trim().min(1).max(20_000),
  /** Date of the recommendation; default today; never in the future. */
  on: IsoDate.optional(),
});
export type AnswerRecommendationInput = z.infer<typeof AnswerRecommendationInput>;

/** A body's decision as its secretary enters it (vote counts decide the outcome per the statute's majority). */
export const AdmissionDecisionInput = z.object({
  takenOn: IsoDate,
  votes: Votes,
  reasons: z.string().trim().min(1).max(20_000),
});
export type AdmissionDecisionInput = z.infer<typeof AdmissionDecisionInput>;

export const ExtendCandidacyInput = AdmissionDecisionInput.extend({
  months: z.number().int().min(1).max(60),
});
export type ExtendCandidacyInput = z.infer<typeof ExtendCandidacyInput>;

export const Candidacy = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  cardNumber: z.string().nullable(),
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  primaryId: Uuid,
  state: CandidacyState,
  startedOn: IsoDate,
  /** End of the stage (start + statute's months + extensions). */
  endsOn: IsoDate,
  extendedMonths: z.number().int(),
  closedOn: IsoDate.nullable(),
});
export type Candidacy = z.infer<typeof Candidacy>;

export const CandidacyList = z.object({ items: z.array(Candidacy) });
export type CandidacyList = z.infer<typeof CandidacyList>;

/** A person's admission status: current/last candidacy and applications. */
export const PersonAdmission = z.object({
  candidacy: Candidacy.nullable(),
  applications: z.array(Application),
});
export type PersonAdmission = z.infer<typeof PersonAdmission>;

export const ApplicationListQuery = z.object({ state: ApplicationState.optional() });
export const DueQuery = z.object({ on: IsoDate.optional() });

export const MyRecommendation = z.object({ recommendation: Recommendation, application: Application });
export const MyRecommendationList = z.object({ items: z.array(MyRecommendation) });
export type MyRecommendationList = z.infer<typeof MyRecommendationList>;

/** Looking up members who may be named as recommenders, in the primary organisation applied to. */
export const RecommenderQuery = z.object({
  bodyId: Uuid,
  q: z.string().trim().min(1).max(100),
});
export type RecommenderQuery = z.infer<typeof RecommenderQuery>;

/** A member who may be named: what tells them apart (the card number only for those who may see it). */
export const RecommenderHit = PersonLabel.extend({
  status: z.string(),
  joinedOn: z.string().nullable(),
});
export const RecommenderList = z.object({ items: z.array(RecommenderHit) });
export type RecommenderList = z.infer<typeof RecommenderList>;
