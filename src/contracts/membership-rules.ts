// The statute's membership section: admission, candidate stage, registration, dues, discipline,
// appeal and review. Every number and path of a member's life is read from here, never hard-coded.
import { z } from 'zod';

export const Requirement = z.object({
  /** Recommendations needed. */
  count: z.number().int().min(0).max(20),
  /** Minimum years of full membership a recommender must have. */
  minStandingYears: z.number().min(0).max(50),
});
export type Requirement = z.infer<typeof Requirement>;

export const DuesBand = z.object({
  /** Upper bound of monthly earnings for this band (inclusive); null for the top band. */
  upTo: z.number().positive().nullable(),
  /** Percentage of monthly earnings due. */
  percent: z.number().min(0).max(100),
});
export type DuesBand = z.infer<typeof DuesBand>;

export const Penalty = z.enum([
  'warning',
  'reprimand',
  'severe_reprimand',
  'severe_reprimand_with_record',
  'demotion_to_candidate',
  'expulsion',
]);
export type Penalty = z.infer<typeof Penalty>;

export const Majority = z.enum(['simple', 'two_thirds']);
export type Majority = z.infer<typeof Majority>;

export const MembershipRules = z.object({
  recommendations: z.object({
    default: Requirement,
    /** Stricter or looser requirements by the applicant's social position (e.g. employees: 5 from 10-year members). */
    bySocialPosition: z.record(z.string(), Requirement).default({}),
  }),
  /** Kinds of the nearest ancestor committee that confirms admissions and hears first appeals. */
  confirmingKinds: z.array(z.string()).min(1),
  /** The longest extension of a candidate stage, in months. */
  candidateExtensionMaxMonths: z.number().int().min(0).max(60),
  /** A member registered nowhere for longer than this is flagged to the body that last held them. */
  unregisteredLimitMonths: z.number().int().min(1).max(60),
  dues: z.object({
    /** Bands by monthly earnings, in ascending order; the last has upTo null. */
    bands: z.array(DuesBand).min(1),
    /** Members in arrears for more than this many months are flagged to their bureau. */
    arrearsLimitMonths: z.number().int().min(1).max(60),
    currency: z.string().min(1).max(8),
  }),
  /** Penalties this statute knows, mildest first. */
  penalties: z.array(Penalty).min(1),
  /** Days after notification of a decision within which it may be appealed. */
  appealDeadlineDays: z.number().int().min(1).max(365),
  /** Months after which a penalty (other than expulsion) expires. */
  penaltyExpiryMonths: z.number().int().min(1).max(120),
  /** Majority a body needs to admit, and to expel. */
  admissionMajority: Majority,
  expulsionMajority: Majority,
});
export type MembershipRules = z.infer<typeof MembershipRules>;

/** The membership section of the party rules the seeds describe (modelled on 1934). */
export const PARTY_1934_MEMBERSHIP: MembershipRules = {
  recommendations: {
    default: { count: 3, minStandingYears: 5 },
    bySocialPosition: {
      worker: { count: 3, minStandingYears: 5 },
      peasant: { count: 3, minStandingYears: 5 },
      employee: { count: 5, minStandingYears: 10 },
      intelligentsia: { count: 5, minStandingYears: 10 },
    },
  },
  confirmingKinds: ['district_committee', 'city_committee', 'regional_committee'],
  candidateExtensionMaxMonths: 12,
  unregisteredLimitMonths: 3,
  dues: {
    bands: [
      { upTo: 100, percent: 0.5 },
      { upTo: 150, percent: 1 },
      { upTo: 200, percent: 1.5 },
      { upTo: 250, percent: 2 },
      { upTo: 300, percent: 2.5 },
      { upTo: null, percent: 3 },
    ],
    arrearsLimitMonths: 3,
    currency: 'RUB',
  },
  penalties: ['warning', 'reprimand', 'severe_reprimand_with_record', 'demotion_to_candidate', 'expulsion'],
  appealDeadlineDays: 30,
  penaltyExpiryMonths: 12,
  admissionMajority: 'simple',
  expulsionMajority: 'two_thirds',
};

/** A democratic union federation: two recommendations, flat dues, longer appeal window. */
export const UNION_MEMBERSHIP: MembershipRules = {
  recommendations: { default: { count: 2, minStandingYears: 1 }, bySocialPosition: {} },
  confirmingKinds: ['district_committee', 'regional_committee'],
  candidateExtensionMaxMonths: 0,
  unregisteredLimitMonths: 6,
  dues: { bands: [{ upTo: null, percent: 1 }], arrearsLimitMonths: 6, currency: 'EUR' },
  penalties: ['warning', 'reprimand', 'expulsion'],
  appealDeadlineDays: 60,
  penaltyExpiryMonths: 24,
  admissionMajority: 'simple',
  expulsionMajority: 'two_thirds',
};
