// How an assembly decides (issue 5): motions and amendments, votes (open, roll-call, verifiable secret ballot),
// elections (plurality/block, approval, Scottish STV, Meek) and delegates' mandates.
import { z } from 'zod';
import { Uuid } from './common.js';
import { CountMethod, MajorityRule, QuestionKind } from './decision-rules.js';
import { CountResult } from './count.js';
import { PersonLabel } from './person.js';

export { CountMethod, MajorityRule, QuestionKind };

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be blank');

// --- motions and amendments --------------------------------------------------------------------------------

export const MotionStatus = z.enum(['proposed', 'supported', 'voting', 'adopted', 'rejected', 'withdrawn', 'lapsed']);
export type MotionStatus = z.infer<typeof MotionStatus>;

export const MinorityOpinion = z.object({
  id: Uuid,
  personId: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type MinorityOpinion = z.infer<typeof MinorityOpinion>;

/**
 * A motion (draft resolution) on an agenda item, or an amendment to one (`amendsId` set). An amendment puts
 * `text` in place of the words `replaces` of the motion's current text (`replaces` empty: adds `text` at the
 * end). `currentText` is the motion's text with the amendments adopted so far: the final text once adopted.
 */
export const Motion = z.object({
  id: Uuid,
  meetingId: Uuid,
  agendaItemId: Uuid,
  amendsId: Uuid.nullable(),
  /** Number within the meeting, for people: 'Motion 3', 'Amendment 4 to motion 3'. */
  seq: z.number().int(),
  title: z.string(),
  text: z.string(),
  replaces: z.string().nullable(),
  currentText: z.string().nullable(),
  proposedBy: Uuid.nullable(),
  proposerLabel: z.string(),
  supporters: z.array(z.object({ personId: Uuid, name: z.string(), nameRu: z.string().nullable() })),
  /** Supporters still needed before the chair may put it to the vote. */
  supportNeeded: z.number().int(),
  status: MotionStatus,
  questionKind: QuestionKind,
  /** The vote that decided it (the last one, if it was put again). */
  voteId: Uuid.nullable(),
  minorityOpinions: z.array(MinorityOpinion),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** What the reader may do with it (ADR 0026), as the writes check it. */
  can: z.object({
    /** Second it (a present voting participant, not the proposer nor a supporter yet; before the vote). */
    support: z.boolean(),
    /** Withdraw it (the proposer, before the vote). */
    withdraw: z.boolean(),
    /** Move an amendment to it (a motion before the meeting; a present voting participant). */
    amend: z.boolean(),
    /** Record a minority opinion (a voting participant, once, after the vote, until the protocol is approved). */
    addOpinion: z.boolean(),
  }),
});
export type Motion = z.infer<typeof Motion>;

export const MotionList = z.object({
  items: z.array(Motion),
  /** What the reader may do (ADR 0026). */
  can: z.object({
    /** Move a motion in one's own name (a present voting participant; the meeting is open). */
    propose: z.boolean(),
  }),
});
export type MotionList = z.infer<typeof MotionList>;

export const ProposeMotionInput = z.object({
  agendaItemId: Uuid,
  title: Text(500),
  text: Text(50_000),
  questionKind: QuestionKind.default('ordinary'),
  /** Proposed in the name of a body or the presidium (a draft resolution) rather than the proposer's own. */
  proposerLabel: z.string().trim().max(300).optional(),
});
export type ProposeMotionInput = z.input<typeof ProposeMotionInput>;

export const ProposeAmendmentInput = z.object({
  /** The words of the motion's current text the amendment replaces; empty adds `text` at the end. */
  replaces: z.string().max(50_000).default(''),
  text: z.string().max(50_000),
  title: z.string().trim().max(500).optional(),
});
export type ProposeAmendmentInput = z.input<typeof ProposeAmendmentInput>;

export const MinorityOpinionInput = z.object({ text: Text(20_000) });
export type MinorityOpinionInput = z.infer<typeof MinorityOpinionInput>;

// --- votes -------------------------------------------------------------------------------------------------

export const VoteMethod = z.enum(['open', 'roll_call', 'secret']);
export type VoteMethod = z.infer<typeof VoteMethod>;
export const VoteStatus = z.enum(['announced', 'open', 'closed', 'cancelled']);
export type VoteStatus = z.infer<typeof VoteStatus>;
export const Choice = z.enum(['for', 'against', 'abstain']);
export type Choice = z.infer<typeof Choice>;

/**
 * What a secret ballot carries. A motion: one choice. An election: candidate ids, in order of preference for STV,
 * the candidates marked for plurality (at most as many as seats) and approval (any number). An empty list is a
 * blank ballot (counted as cast, not as valid).
 */
export const BallotContent = z.union([z.object({ choice: Choice }), z.object({ prefs: z.array(Uuid).max(1000) })]);
export type BallotContent = z.infer<typeof BallotContent>;

export const ChoiceCounts = z.object({
  for: z.number().int().min(0).max(10_000_000),
  against: z.number().int().min(0).max(10_000_000),
  abstain: z.number().int().min(0).max(10_000_000),
});
export type ChoiceCounts = z.infer<typeof ChoiceCounts>;

export const RollEntry = z.object({
  personId: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  choice: Choice.nullable(),
});
export type RollEntry = z.infer<typeof RollEntry>;

/** The quorum a vote was taken with (counted when it opened). */
export const VoteQuorum = z.object({ required: z.number().int(), reached: z.boolean() });
export type VoteQuorum = z.infer<typeof VoteQuorum>;

/**
 * Why a closed vote decided nothing: not a single valid ballot (or hand, or named vote), or fewer voters than the
 * statute's minimum turnout (per cent of those entitled, fixed at announce). A void vote adopts nothing and an
 * election that is void elects nobody.
 */
export const VoidReason = z.enum(['no_valid_ballots', 'turnout_below_minimum']);
export type VoidReason = z.infer<typeof VoidReason>;
export const VoteVoid = z.object({ reason: VoidReason, minimumTurnout: z.number().int() });
export type VoteVoid = z.infer<typeof VoteVoid>;

/** The result of a closed vote: a motion's counts and whether it carried, or an election's count. */
export const VoteResult = z.object({
  /** Motions: the counts (tellers' for an open vote, the roll's, or the ballots'). */
  counts: ChoiceCounts.nullable(),
  carried: z.boolean().nullable(),
  /** The majority applied and the number it had to reach, in words the protocol prints. */
  majority: MajorityRule.nullable(),
  needed: z.number().int().nullable(),
  /** Ballots (or named votes) cast, and blank or invalid ones among them. */
  cast: z.number().int(),
  invalid: z.number().int(),
  /** Voting participants present at the opening, and entitled in all. */
  present: z.number().int(),
  entitled: z.number().int(),
  /** Elections: the count with its transcript. */
  count: CountResult.nullable(),
  /** Secret ballots: SHA-256 (hex) of the published board. */
  boardHash: z.string().nullable(),
  /**
   * The statute's quorum when the vote opened: voting participants required, and whether those present reached it.
   * Without it the vote is not valid: nothing is carried, nobody elected. Absent on votes recorded before it was kept.
   */
  quorum: VoteQuorum.nullable().optional(),
  /** Set when the vote is void (then `carried` is false and `count` null: nobody elected). Absent before issue 10. */
  void: VoteVoid.nullable().optional(),
});
export type VoteResult = z.infer<typeof VoteResult>;

/** When the voter obtained their one token of a secret vote, and last moved it to another of their devices. */
export const MyBallotToken = z.object({ issuedAt: z.string().nullable(), movedAt: z.string().nullable() });
export type MyBallotToken = z.infer<typeof MyBallotToken>;

export const Vote = z.object({
  id: Uuid,
  meetingId: Uuid,
  agendaItemId: Uuid.nullable(),
  motionId: Uuid.nullable(),
  electionId: Uuid.nullable(),
  title: z.string(),
  method: VoteMethod,
  questionKind: QuestionKind.nullable(),
  majority: MajorityRule.nullable(),
  status: VoteStatus,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Secret ballots: the RSA public key (SPKI, base64) that signs eligibility tokens (RFC 9474). */
  publicKeySpki: z.string().nullable(),
  /** Ballots received so far (secret), named votes recorded (roll-call). */
  received: z.number().int(),
  result: VoteResult.nullable(),
  /**
   * Secret ballots, for the voter asking (GET /api/votes/{id} only): when they obtained their one token and when
   * they last moved it to another of their devices; null when they have not obtained it. Never the token itself.
   */
  myToken: MyBallotToken.nullable().optional(),
});
export type Vote = z.infer<typeof Vote>;

export const VoteList = z.object({ items: z.array(Vote) });
export type VoteList = z.infer<typeof VoteList>;

/** Announce a vote: on a motion, an election, or a question put by the chair (title only). */
export const AnnounceVoteInput = z.object({
  method: VoteMethod,
  motionId: Uuid.optional(),
  electionId: Uuid.optional(),
  agendaItemId: Uuid.optional(),
  title: z.string().trim().max(500).optional(),
  questionKind: QuestionKind.default('ordinary'),
});
export type AnnounceVoteInput = z.input<typeof AnnounceVoteInput>;

/** Tellers enter the count of an open vote (show of hands) before it is closed. */
export const EnterCountInput = z.object({
  counts: ChoiceCounts.optional(),
  /** Elections held openly: hands raised for each candidate. */
  tallies: z.record(Uuid, z.number().int().min(0).max(10_000_000)).optional(),
});
export type EnterCountInput = z.infer<typeof EnterCountInput>;

/** Roll-call: the secretary records a named vote (or the voter casts their own, signed). */
export const RollCallInput = z.object({ personId: Uuid.optional(), choice: Choice });
export type RollCallInput = z.infer<typeof RollCallInput>;

// --- the verifiable secret ballot --------------------------------------------------------------------------

const B64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(2_000);

/** POST /api/votes/{id}/token — a present voter sends one blinded message and gets its blind signature. */
export const BallotTokenInput = z.object({ blinded: B64 });
export type BallotTokenInput = z.infer<typeof BallotTokenInput>;
export const BallotTokenResult = z.object({ signature: B64 });
export type BallotTokenResult = z.infer<typeof BallotTokenResult>;

/**
 * POST /api/votes/{id}/ballots — sent WITHOUT credentials: the finalized token is the only proof of
 * eligibility. `token.message` is the prepared message (RFC 9474 §4.1), `token.signature` the finalized one.
 */
export const CastBallotInput = z.object({
  token: z.object({ message: B64, signature: B64 }),
  content: BallotContent,
});
export type CastBallotInput = z.infer<typeof CastBallotInput>;

/** What the voter keeps: the receipt is the SHA-256 (hex) of the token message; it names the ballot's line. */
export const BallotReceipt = z.object({
  voteId: Uuid,
  receipt: z.string().regex(/^[0-9a-f]{64}$/),
  content: BallotContent,
});
export type BallotReceipt = z.infer<typeof BallotReceipt>;

export const BoardEntry = z.object({
  receipt: z.string(),
  /** The token, so anyone can check the vote's key signed it. */
  message: z.string(),
  signature: z.string(),
  content: BallotContent,
});
export type BoardEntry = z.infer<typeof BoardEntry>;

/**
 * The published ballot board after the close: every ballot, sorted by receipt, with the key and the options.
 * `boardHash` is the SHA-256 of its canonical text (boardCanonical), sealed with the result.
 */
export const BallotBoard = z.object({
  voteId: Uuid,
  title: z.string(),
  publicKeySpki: z.string(),
  /** Motions: for/against/abstain. Elections: the candidates by id, in ballot order. */
  candidates: z.array(z.object({ id: Uuid, name: z.string() })),
  entries: z.array(BoardEntry),
  boardHash: z.string(),
  result: VoteResult,
});
export type BallotBoard = z.infer<typeof BallotBoard>;

/** GET /api/votes/{id}/receipts/{receipt} — whether a receipt's ballot is on the board and counted, as it was cast. */
export const ReceiptCheck = z.object({
  onBoard: z.boolean(),
  content: BallotContent.nullable(),
  counted: z.boolean(),
  boardHash: z.string().nullable(),
});
export type ReceiptCheck = z.infer<typeof ReceiptCheck>;

/** A recount from the published board, with the counting code of the app. */
export const Recount = z.object({ matches: z.boolean(), official: VoteResult, recount: VoteResult });
export type Recount = z.infer<typeof Recount>;

// --- elections ---------------------------------------------------------------------------------------------

export const ElectionOffice = z.enum(['bureau', 'secretary', 'delegates', 'commission', 'other']);
export type ElectionOffice = z.infer<typeof ElectionOffice>;
export const ElectionStatus = z.enum(['nominating', 'voting', 'closed', 'cancelled']);
export type ElectionStatus = z.infer<typeof ElectionStatus>;
export const Consent = z.enum(['pending', 'consented', 'declined']);
export type Consent = z.infer<typeof Consent>;

export const Candidate = z.object({
  personId: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  /** What tells the candidate apart from a namesake (patronymic, shop cell or organisation, card where allowed). */
  person: PersonLabel.nullable(),
  position: z.number().int(),
  nominatedBy: Uuid.nullable(),
  nominatedByName: z.string().nullable(),
  nominatedByNameRu: z.string().nullable(),
  consent: Consent,
  withdrawn: z.boolean(),
  elected: z.boolean(),
  /** What the reader may do for this candidate (ADR 0026): the candidate themselves, or the chair for them. */
  can: z.object({
    /** Record consent or refusal (nominating; not withdrawn). */
    consent: z.boolean(),
    /** Withdraw the candidacy (nominating; not withdrawn). */
    withdraw: z.boolean(),
  }),
});
export type Candidate = z.infer<typeof Candidate>;

export const Election = z.object({
  id: Uuid,
  meetingId: Uuid,
  agendaItemId: Uuid,
  title: z.string(),
  office: ElectionOffice,
  targetBodyId: Uuid.nullable(),
  /** Delegates: the higher meeting they are elected to. */
  delegateMeetingId: Uuid.nullable(),
  seats: z.number().int(),
  method: CountMethod,
  ballot: z.enum(['open', 'secret']),
  status: ElectionStatus,
  candidates: z.array(Candidate),
  voteId: Uuid.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** What the reader may do (ADR 0026), as the writes check it. */
  can: z.object({
    /** Nominate a candidate (a present voting participant, or the chair; nominating; the meeting not closed). */
    nominate: z.boolean(),
    /** Call the election off (the chair; nominating; the meeting not closed). */
    cancel: z.boolean(),
  }),
});
export type Election = z.infer<typeof Election>;

export const ElectionList = z.object({ items: z.array(Election) });
export type ElectionList = z.infer<typeof ElectionList>;

export const CreateElectionInput = z.object({
  agendaItemId: Uuid,
  title: Text(500),
  office: ElectionOffice,
  targetBodyId: Uuid.optional(),
  delegateMeetingId: Uuid.optional(),
  /** Seats to fill; for delegates, omitted means the statute's norm of representation. */
  seats: z.number().int().min(1).max(1000).optional(),
  method: CountMethod.optional(),
  ballot: z.enum(['open', 'secret']).optional(),
});
export type CreateElectionInput = z.input<typeof CreateElectionInput>;

export const NominateInput = z.object({ personId: Uuid });
export type NominateInput = z.infer<typeof NominateInput>;
export const ConsentInput = z.object({ consent: z.enum(['consented', 'declined']), personId: Uuid.optional() });
export type ConsentInput = z.infer<typeof ConsentInput>;

// --- delegates and mandates --------------------------------------------------------------------------------

export const MandateStatus = z.enum(['submitted', 'confirmed', 'rejected']);
export type MandateStatus = z.infer<typeof MandateStatus>;

export const Mandate = z.object({
  id: Uuid,
  toMeetingId: Uuid,
  personId: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  fromBodyId: Uuid,
  fromBodyName: z.string(),
  fromBodyNameRu: z.string().nullable(),
  electionId: Uuid.nullable(),
  voice: z.enum(['voting', 'consultative']),
  status: MandateStatus,
  checkedBy: Uuid.nullable(),
  checkedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Mandate = z.infer<typeof Mandate>;

export const MandateList = z.object({
  items: z.array(Mandate),
  /** Delegates each electing body may send under the norm, and how many it sent. */
  quotas: z.array(
    z.object({
      bodyId: Uuid,
      bodyName: z.string(),
      bodyNameRu: z.string().nullable(),
      members: z.number().int(),
      allowed: z.number().int(),
      sent: z.number().int(),
    }),
  ),
});
export type MandateList = z.infer<typeof MandateList>;

export const CheckMandateInput = z.object({
  status: z.enum(['confirmed', 'rejected']),
  reason: z.string().trim().max(5_000).optional(),
});
export type CheckMandateInput = z.infer<typeof CheckMandateInput>;

// --- live -------------------------------------------------------------------------------------------------

/** The vote in progress (or the last one closed) as every screen shows it. */
export const LiveVote = z.object({
  id: Uuid,
  title: z.string(),
  method: VoteMethod,
  status: VoteStatus,
  electionId: Uuid.nullable(),
  received: z.number().int(),
  result: VoteResult.nullable(),
  /** Candidate names for an election's result (the Cyrillic one when recorded). */
  candidates: z.array(z.object({ id: Uuid, name: z.string(), nameRu: z.string().nullable() })),
});
export type LiveVote = z.infer<typeof LiveVote>;

// --- mandates entered by hand (added for the credentials commission) --------------------------------------

/** POST /api/meetings/{id}/mandates — a mandate entered from a paper protocol of the electing body. */
export const EnterMandateInput = z.object({
  personId: Uuid,
  fromBodyId: Uuid,
  voice: z.enum(['voting', 'consultative']).default('voting'),
});
export type EnterMandateInput = z.input<typeof EnterMandateInput>;
