// The statute (Ustav): typed, validated rules every process reads. Nothing that a statute
// decides is hard-coded elsewhere.
import { z } from 'zod';
import { Uuid } from './common.js';
import { MembershipRules, PARTY_1934_MEMBERSHIP } from './membership-rules.js';
import { AssemblyRules, PARTY_1934_ASSEMBLIES } from './assembly-rules.js';
import { DecisionRules, PARTY_1934_DECISIONS } from './decision-rules.js';
import { DEFAULT_TIME_ZONE, TimeZone } from './time-zone.js';

export const BodyKind = z.enum([
  'central_committee',
  'politburo',
  'orgburo',
  'secretariat',
  'control_commission',
  'regional_committee',
  'city_committee',
  'district_committee',
  'bureau',
  'primary_organisation',
  'shop_cell',
  'party_group',
  'management',
  'union_committee',
  'council',
]);
export type BodyKind = z.infer<typeof BodyKind>;

/** Kinds that are organs of their parent committee rather than territorial or primary bodies. */
export const SUB_BODY_KINDS: readonly BodyKind[] = [
  'politburo',
  'orgburo',
  'secretariat',
  'bureau',
  'control_commission',
];
/** Kinds that belong to an enterprise's triangle beside its primary organisation. */
export const TRIANGLE_KINDS: readonly BodyKind[] = ['management', 'union_committee'];

/** Direction (ADR 0027): directives down the tree, reports up. */
export const DirectionRules = z.object({
  /** Days a returned or reopened report stays open for correction (a return: past the period's expiry). */
  reopenDays: z.number().int().min(1).max(90).default(7),
});
export type DirectionRules = z.infer<typeof DirectionRules>;

export const StatuteRules = z
  .object({
    title: z.string().min(1).max(200),
    /** IANA time zone the organisation lives by: every date and time is shown and printed in it (the web app,
     * protocols, transcripts, calendar files). Versions adopted before this setting existed read as Moscow time. */
    timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
    /** Body kinds this organisation uses, with the kinds each may contain. Root kinds have no parent. */
    rootKinds: z.array(BodyKind).min(1),
    allowedChildren: z.partialRecord(BodyKind, z.array(BodyKind)),
    /** Labels for the kinds in this organisation's own words (e.g. 'National executive'). */
    kindLabels: z.partialRecord(BodyKind, z.object({ en: z.string(), ru: z.string() })).default({}),
    /** A primary organisation is formed with at least this many full members; below it, it is flagged. */
    primaryMinMembers: z.number().int().min(1).max(1000),
    /** Whether candidates count towards a primary organisation's size (size bands, minimum). */
    candidatesCountTowardsSize: z.boolean(),
    /** Candidate stage in months; 0 means direct admission to full membership. */
    candidateStageMonths: z.number().int().min(0).max(120),
    /** Office titles this organisation has. */
    officeTitles: z.array(z.string().regex(/^[a-z_]+$/)).min(1),
    /** Offices whose holders manage their body's subtree (for an organ such as a bureau: its committee's subtree). */
    managingOffices: z.array(z.string()).min(1),
    /** Term of elected offices in months. */
    officeTermMonths: z.number().int().min(1).max(120),
    /** Pay cap for officials as a multiple of the minimum wage, or null when the statute sets none. */
    payCapMultiple: z.number().positive().nullable(),
    /** Whether executives are elected proportionally (STV). */
    proportionalRepresentation: z.boolean(),
    /** Whether members may form platforms and groups around them. */
    platformsAllowed: z.boolean(),
    /** Admission, candidate stage, registration, dues, discipline, appeal, review. Versions adopted before this
     * section existed read as the party rules' section. */
    membership: MembershipRules.default(PARTY_1934_MEMBERSHIP),
    /** Meetings: kinds, entitlement, quorum, notice, speaking times, question notes. Versions adopted before this
     * section existed read as the party rules' section. */
    assemblies: AssemblyRules.default(PARTY_1934_ASSEMBLIES),
    /** Motions, majorities, elections and delegates. Versions adopted before this section existed read as the
     * party rules' section. */
    decisions: DecisionRules.default(PARTY_1934_DECISIONS),
    /** Directives and reports. Versions adopted before this section existed read as its defaults. */
    direction: DirectionRules.default({ reopenDays: 7 }),
  })
  .superRefine((r, ctx) => {
    for (const m of r.managingOffices) {
      if (!r.officeTitles.includes(m))
        ctx.addIssue({ code: 'custom', path: ['managingOffices'], message: `unknown office ${m}` });
    }
  });
export type StatuteRules = z.infer<typeof StatuteRules>;

export const StatutePreset = z.enum(['party-1934', 'union-federation']);
export type StatutePreset = z.infer<typeof StatutePreset>;

export const StatuteVersion = z.object({
  id: Uuid,
  version: z.number().int(),
  preset: z.string(),
  effectiveFrom: z.iso.date(),
  adoptedBy: z.string(),
  rules: StatuteRules,
});
export type StatuteVersion = z.infer<typeof StatuteVersion>;

export const AdoptStatuteInput = z.object({
  effectiveFrom: z.iso.date(),
  adoptedBy: z.string().trim().min(3).max(500),
  rules: StatuteRules,
});
export type AdoptStatuteInput = z.infer<typeof AdoptStatuteInput>;
