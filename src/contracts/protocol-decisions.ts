// What a meeting decided, as its protocol prints it (issue 5): per agenda item the motions with their amendments,
// every vote on them with its result (counts or the roll of named votes, the majority applied, the ballot board's
// hash for a secret ballot), the elections with their candidates and the count's round-by-round transcript, the
// questions the chair put to the vote, and the minority opinions verbatim. Gathered by the ballot module
// (DecisionsService) and rendered by the assembly module's protocol text.
import { z } from 'zod';
import { Choice, ElectionOffice, ElectionStatus, MotionStatus, VoteMethod, VoteResult, VoteStatus } from './ballot.js';
import { CountMethod, MajorityRule, QuestionKind } from './decision-rules.js';

/** A person's name in both languages (Russian may be missing). */
export const DecisionName = z.object({ en: z.string(), ru: z.string().nullable() });
export type DecisionName = z.infer<typeof DecisionName>;

/** A vote as the protocol records it. */
export const DecisionVote = z.object({
  id: z.string(),
  title: z.string(),
  method: VoteMethod,
  questionKind: QuestionKind.nullable(),
  /** The statute's majority fixed when the vote was announced. */
  majority: MajorityRule.nullable(),
  status: VoteStatus,
  /** Null until closed. */
  result: VoteResult.nullable(),
  /** Roll-call votes: each named vote, in the order of the names. */
  roll: z.array(z.object({ name: DecisionName, choice: Choice })),
  closedAt: z.string().nullable(),
});
export type DecisionVote = z.infer<typeof DecisionVote>;

export const DecisionMinorityOpinion = z.object({ name: DecisionName, text: z.string() });
export type DecisionMinorityOpinion = z.infer<typeof DecisionMinorityOpinion>;

/** An amendment to a motion: the words it replaces ('' appends) and the new ones ('' deletes). */
export const DecisionAmendment = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  replaces: z.string(),
  text: z.string(),
  /** The proposer's name, or the body in whose name it was moved. */
  proposer: DecisionName,
  status: MotionStatus,
  votes: z.array(DecisionVote),
  minorityOpinions: z.array(DecisionMinorityOpinion),
});
export type DecisionAmendment = z.infer<typeof DecisionAmendment>;

export const DecisionMotion = z.object({
  id: z.string(),
  /** Agenda position of the item it was moved on (null: not on the agenda). */
  itemPosition: z.number().int().nullable(),
  seq: z.number().int(),
  title: z.string(),
  /** The text as proposed. */
  text: z.string(),
  /** The text with the adopted amendments: the final text once adopted. */
  currentText: z.string(),
  /** The proposer's name, or the body in whose name it was moved ('Bureau of the organisation'). */
  proposer: DecisionName,
  status: MotionStatus,
  questionKind: QuestionKind,
  supporters: z.array(DecisionName),
  /** In the order proposed. */
  amendments: z.array(DecisionAmendment),
  votes: z.array(DecisionVote),
  minorityOpinions: z.array(DecisionMinorityOpinion),
});
export type DecisionMotion = z.infer<typeof DecisionMotion>;

export const DecisionCandidate = z.object({
  /** The id the count uses for the candidate (the person's id). */
  id: z.string(),
  name: DecisionName,
  position: z.number().int(),
  consent: z.enum(['pending', 'consented', 'declined']),
  withdrawn: z.boolean(),
  elected: z.boolean(),
});
export type DecisionCandidate = z.infer<typeof DecisionCandidate>;

export const DecisionElection = z.object({
  id: z.string(),
  itemPosition: z.number().int().nullable(),
  title: z.string(),
  office: ElectionOffice,
  seats: z.number().int(),
  method: CountMethod,
  ballot: z.enum(['open', 'secret']),
  status: ElectionStatus,
  /** In ballot order. */
  candidates: z.array(DecisionCandidate),
  votes: z.array(DecisionVote),
});
export type DecisionElection = z.infer<typeof DecisionElection>;

/** A question the chair put to the vote without a motion or an election (procedural questions and the like). */
export const DecisionQuestion = z.object({ itemPosition: z.number().int().nullable(), vote: DecisionVote });
export type DecisionQuestion = z.infer<typeof DecisionQuestion>;

export const MeetingDecisions = z.object({
  /** Motions (not amendments) in the order proposed; amendments inside their motion. */
  motions: z.array(DecisionMotion),
  elections: z.array(DecisionElection),
  questions: z.array(DecisionQuestion),
});
export type MeetingDecisions = z.infer<typeof MeetingDecisions>;

export const NO_DECISIONS: MeetingDecisions = { motions: [], elections: [], questions: [] };
