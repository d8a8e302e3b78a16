// The statute's decisions section: how an assembly decides. Majorities and their base per kind of question,
// the support a motion needs before it is put, how elections are held, and the norm of representation for
// delegates. Read by the ballot module, never hard-coded.
import { z } from 'zod';

/** simple: more for than against; two_thirds: at least two thirds of the base for. */
export const Threshold = z.enum(['simple', 'two_thirds']);
export type Threshold = z.infer<typeof Threshold>;

/**
 * What the threshold is measured against:
 * - `cast`: the votes cast for and against (abstentions do not count);
 * - `present`: the voting participants present when the vote opened (an abstention counts as not for);
 * - `members`: every voting participant entitled to the meeting, present or not.
 */
export const MajorityBase = z.enum(['cast', 'present', 'members']);
export type MajorityBase = z.infer<typeof MajorityBase>;

export const MajorityRule = z.object({ threshold: Threshold, of: MajorityBase });
export type MajorityRule = z.infer<typeof MajorityRule>;

/** Kinds of question a vote decides; the statute gives each its majority. */
export const QuestionKind = z.enum(['ordinary', 'amendment', 'procedural', 'expulsion', 'statute', 'recall']);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** Counting methods for elections. Plurality with several seats is the block vote. */
export const CountMethod = z.enum(['plurality', 'approval', 'scottish_stv', 'meek']);
export type CountMethod = z.infer<typeof CountMethod>;

export const DecisionRules = z.object({
  majorities: z.record(QuestionKind, MajorityRule),
  /** Supporters (besides the proposer) a motion or an amendment needs before the chair may put it to the vote. */
  motionSupporters: z.number().int().min(0).max(100),
  /** Elections of bureaus, secretaries and delegates must be by secret ballot. */
  secretElections: z.boolean(),
  /** Counting method proposed for multi-seat elections (single seats: plurality). */
  defaultElectionMethod: CountMethod,
  /** Norm of representation: one delegate per this many members, by kind of the meeting delegates go to. */
  membersPerDelegate: z.object({ conference: z.number().int().min(1), congress: z.number().int().min(1) }),
  /**
   * Minimum turnout for a vote or an election to be valid: the per cent of the voting participants entitled to the
   * meeting who must cast a ballot (blank ones included). 0 = any valid ballot suffices; a vote without a single
   * valid ballot is void whatever this says. Statute versions written before it existed read as 0.
   */
  minimumTurnout: z.number().int().min(0).max(100).default(0),
});
export type DecisionRules = z.infer<typeof DecisionRules>;

/**
 * The party rules: open votes by a simple majority of those voting, two thirds to expel or to change the rules;
 * elections by list, openly (the secret ballot in party elections came only with the 1937 plenum); one delegate
 * per 25 members to a district conference and one per 1,500 to a congress (the order of the XVII Congress).
 */
export const PARTY_1934_DECISIONS: DecisionRules = {
  majorities: {
    ordinary: { threshold: 'simple', of: 'cast' },
    amendment: { threshold: 'simple', of: 'cast' },
    procedural: { threshold: 'simple', of: 'cast' },
    expulsion: { threshold: 'two_thirds', of: 'cast' },
    statute: { threshold: 'two_thirds', of: 'present' },
    recall: { threshold: 'simple', of: 'members' },
  },
  motionSupporters: 1,
  secretElections: false,
  defaultElectionMethod: 'plurality',
  membersPerDelegate: { conference: 25, congress: 1_500 },
  minimumTurnout: 0,
};

/** What the seeds' participants asked for: secret, proportional elections (Mikhailov, 1921). */
export const UNION_DECISIONS: DecisionRules = {
  majorities: {
    ordinary: { threshold: 'simple', of: 'cast' },
    amendment: { threshold: 'simple', of: 'cast' },
    procedural: { threshold: 'simple', of: 'cast' },
    expulsion: { threshold: 'two_thirds', of: 'present' },
    statute: { threshold: 'two_thirds', of: 'members' },
    recall: { threshold: 'simple', of: 'members' },
  },
  motionSupporters: 1,
  secretElections: true,
  defaultElectionMethod: 'scottish_stv',
  membersPerDelegate: { conference: 50, congress: 2_000 },
  minimumTurnout: 0,
};
