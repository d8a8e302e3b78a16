// Assemblies (seed 000): meetings and conferences with agenda, attendance and quorum, presidium and chair,
// list of speakers, verbatim transcript, anonymous question notes (zapiski) and the protocol.
import { z } from 'zod';
import { pageOf, Uuid } from './common.js';
import { MeetingKind } from './assembly-rules.js';
import { LiveVote } from './ballot.js';
import { PersonLabel } from './person.js';

export { MeetingKind };

export const MeetingStatus = z.enum(['convened', 'open', 'closed', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const Voice = z.enum(['voting', 'consultative', 'guest']);
export type Voice = z.infer<typeof Voice>;
/** teller: the counting commission (counts hands, enters open votes); credentials: the credentials commission. */
export const MeetingRoleName = z.enum([
  'chair',
  'presidium',
  'secretary',
  'stenographer',
  'secretariat',
  'teller',
  'credentials',
]);
export type MeetingRoleName = z.infer<typeof MeetingRoleName>;
export const FloorKind = z.enum(['report', 'speech', 'point_of_order', 'reply']);
export type FloorKind = z.infer<typeof FloorKind>;
export const FloorStatus = z.enum(['waiting', 'speaking', 'done', 'withdrawn']);
export type FloorStatus = z.infer<typeof FloorStatus>;
export const TranscriptKind = z.enum(['speech', 'interjection', 'remark', 'note_answer', 'chair']);
export type TranscriptKind = z.infer<typeof TranscriptKind>;
export const NoteStatus = z.enum(['new', 'answered', 'set_aside']);
export type NoteStatus = z.infer<typeof NoteStatus>;
export const ProtocolStatus = z.enum(['draft', 'approved', 'sealed']);
export type ProtocolStatus = z.infer<typeof ProtocolStatus>;
export const Lang = z.enum(['en', 'ru']);

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be blank');

/** A moment with its offset, in the years 1–9999 (what the database stores). */
const Instant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, 'must be a date in the years 1 to 9999');

export const AgendaDocument = z.object({
  title: z.string().trim().min(1).max(300),
  text: z.string().max(200_000).optional(),
  url: z.url().max(2_000).optional(),
});
export type AgendaDocument = z.infer<typeof AgendaDocument>;

export const AgendaItemInput = z.object({
  title: z.string().trim().min(1).max(500),
  reporterPersonId: Uuid.nullable().optional(),
  /** Free text when the reporter is not in the register (a guest from the works management). */
  reporterName: z.string().trim().min(1).max(300).nullable().optional(),
  documents: z.array(AgendaDocument).max(50).default([]),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** POST /api/bodies/{id}/meetings — the body's secretary convenes a meeting. */
export const ConveneMeetingInput = z
  .object({
    kind: MeetingKind,
    title: z.string().trim().min(1).max(500),
    startsAt: Instant,
    endsAt: Instant.nullable().optional(),
    place: z.string().trim().min(1).max(500),
    agenda: z.array(AgendaItemInput).min(1).max(100),
    /** For conferences and congresses: the delegates (voting). */
    delegateIds: z.array(Uuid).max(20_000).optional(),
    /** Free-text notice sent with the invitation. */
    notice: z.string().max(20_000).nullable().optional(),
    /**
     * An urgent (extraordinary) meeting: it may be convened at shorter notice than the statute's `noticeDays` for
     * its kind, and says so. Without it a meeting starting sooner is refused (`meeting_notice_too_short`).
     */
    urgent: z.boolean().optional(),
  })
  .refine((m) => !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt), {
    path: ['endsAt'],
    message: 'must be after the start',
  });
export type ConveneMeetingInput = z.infer<typeof ConveneMeetingInput>;

/** PATCH /api/meetings/{id} — before the meeting opens. */
export const UpdateMeetingInput = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.nullable().optional(),
  place: z.string().trim().min(1).max(500).optional(),
  agenda: z.array(AgendaItemInput).min(1).max(100).optional(),
  notice: z.string().max(20_000).nullable().optional(),
  /** Marks the meeting urgent (or not): a new start date must then respect the statute's notice days or not. */
  urgent: z.boolean().optional(),
});
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const AgendaItem = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  reporterPersonId: Uuid.nullable(),
  reporterName: z.string().nullable(),
  /** The reporter's Cyrillic name, when a member with one was chosen (a name typed in is shown as typed). */
  reporterNameRu: z.string().nullable(),
  documents: z.array(AgendaDocument),
  status: z.enum(['pending', 'current', 'done']),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingRoleEntry = z.object({
  personId: Uuid,
  name: z.string(),
  /** What tells the person apart from a namesake (patronymic, shop cell or organisation, card where allowed). */
  person: PersonLabel.nullable(),
  role: MeetingRoleName,
  how: z.enum(['elected', 'appointed']),
});
export type MeetingRoleEntry = z.infer<typeof MeetingRoleEntry>;

/** What the signed-in person may do in this meeting (drives the web app's controls; the server checks again). */
export const MyMeetingRoles = z.object({
  convener: z.boolean(),
  chair: z.boolean(),
  presidium: z.boolean(),
  secretary: z.boolean(),
  stenographer: z.boolean(),
  secretariat: z.boolean(),
  teller: z.boolean(),
  credentials: z.boolean(),
  /** Null when the person is not a participant. */
  voice: Voice.nullable(),
  present: z.boolean(),
  /** The person's check-in code (shown as text and QR), null for non-participants. */
  code: z.string().nullable(),
});
export type MyMeetingRoles = z.infer<typeof MyMeetingRoles>;

/**
 * What the reader may do next in a meeting, computed by the server with the same policy functions its writes
 * check, on the meeting's state as read (ADR 0026). The web app shows an act exactly when its flag is true.
 */
export const MeetingCan = z.object({
  /** Run the floor, votes and elections (chair console). */
  chair: z.boolean(),
  /** Open the meeting (it is convened). */
  open: z.boolean(),
  /** Take up the next or a given agenda item (the meeting is open). */
  moveAgenda: z.boolean(),
  /** Close the meeting (it is open). */
  close: z.boolean(),
  /** Call off the meeting (it is convened; the body's managers). */
  cancel: z.boolean(),
  /** Name the chair, presidium, secretary and other roles (the meeting is not closed). */
  setRoles: z.boolean(),
  /** Keep the check-in desk. */
  keepDesk: z.boolean(),
  /** Keep the transcript (its tab: the stenographer reads it after it is closed too). */
  keepTranscript: z.boolean(),
  /** Record and correct the transcript: until the protocol is approved. */
  recordTranscript: z.boolean(),
  /** Read and answer question notes. */
  handleNotes: z.boolean(),
  /** Keep the protocol. */
  keepProtocol: z.boolean(),
  /** Show the projector (with the hall code). */
  project: z.boolean(),
  /** Enter an open vote's count. */
  tell: z.boolean(),
  /** Record others' named votes in a roll-call. */
  recordRoll: z.boolean(),
  /** Sit on the credentials commission (its tab: the mandates stay readable after the meeting). */
  checkMandates: z.boolean(),
  /** Enter and check delegates' mandates now: a conference or congress not yet closed. */
  enterMandate: z.boolean(),
  /** Generate (or regenerate) the protocol (the meeting has opened; no protocol yet, or a draft). */
  generateProtocol: z.boolean(),
  /** Announce a vote (the meeting is open). */
  announceVote: z.boolean(),
  /** Open an election (the meeting is not closed). */
  openElection: z.boolean(),
  // the participant's own acts
  /** Check oneself in with the hall code (a participant; the meeting is not closed). */
  checkIn: z.boolean(),
  /** Ask for the floor (present; the meeting is open with an item under discussion). */
  askFloor: z.boolean(),
  /** Obtain anonymous-note tokens (present; the meeting is not closed). */
  obtainNoteTokens: z.boolean(),
  /** Send a question note (present; the meeting is open). */
  sendNote: z.boolean(),
  /** Move a motion in one's own name (a present voting participant; the meeting is open). */
  proposeMotion: z.boolean(),
  /** Take part in a vote: a ballot, one's own roll-call vote (a present voting participant). */
  vote: z.boolean(),
});
export type MeetingCan = z.infer<typeof MeetingCan>;

export const Quorum = z.object({
  entitledVoting: z.number().int(),
  presentVoting: z.number().int(),
  presentConsultative: z.number().int(),
  presentGuests: z.number().int(),
  /** Voting participants needed (more than the statute's fraction). */
  required: z.number().int(),
  reached: z.boolean(),
});
export type Quorum = z.infer<typeof Quorum>;

export const MeetingSummary = z.object({
  id: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  kind: MeetingKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  status: MeetingStatus,
  entitled: z.number().int(),
  sealed: z.boolean(),
  /** When the notice went out: convening gives it (null only for records from before). */
  noticeSentAt: z.string().nullable(),
  /** Convened at shorter notice than the statute asks (an extraordinary meeting). */
  urgent: z.boolean(),
  /** The agenda's item titles in order, so that a list of meetings tells what each is about. */
  agendaTitles: z.array(z.string()),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingSummary.extend({
  notice: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  agenda: z.array(AgendaItem),
  roles: z.array(MeetingRoleEntry),
  quorum: Quorum,
  me: MyMeetingRoles,
  can: MeetingCan,
  revision: z.number().int(),
  /**
   * The hall code shown on the projector (text and QR) — only to those who run the meeting (the body's managers,
   * chair, presidium, secretary, secretariat); null for everyone else. Delegates type or scan it to check in.
   */
  hallCode: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

/** GET /api/bodies/{id}/meetings and GET /api/me/meetings. */
export const MeetingPage = pageOf(MeetingSummary);
export type MeetingPage = z.infer<typeof MeetingPage>;

/** GET /api/bodies/{id}/meetings: the body's meetings, and what the reader may do there (ADR 0026). */
export const BodyMeetingPage = MeetingPage.extend({
  can: z.object({
    /** Convene a meeting of this body (whoever manages it). */
    convene: z.boolean(),
  }),
});
export type BodyMeetingPage = z.infer<typeof BodyMeetingPage>;

export const MeetingListQuery = z.object({
  /** 'upcoming' (convened or open), 'past' (closed), or all. */
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const Participant = z.object({
  personId: Uuid,
  name: z.string(),
  /** What tells the person apart from a namesake; null in a check-in's answer. */
  person: PersonLabel.nullable(),
  voice: Voice,
  present: z.boolean(),
  checkedInAt: z.string().nullable(),
  leftAt: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantPage = pageOf(Participant);
export type ParticipantPage = z.infer<typeof ParticipantPage>;

export const ParticipantQuery = z.object({
  q: z.string().trim().max(200).optional(),
  present: z.enum(['yes', 'no', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ParticipantQuery = z.infer<typeof ParticipantQuery>;

/**
 * POST /api/meetings/{id}/check-in. Exactly one of:
 * - `code`: a participant's personal code (typed or scanned at the desk by the secretariat);
 * - `personId`: the secretariat checks a participant in by name, or admits a guest (`asGuest`);
 * - `hallCode`: the signed-in participant checks in on a phone with the code shown on the projector.
 */
export const CheckInInput = z
  .object({
    code: z.string().trim().min(4).max(32).optional(),
    personId: Uuid.optional(),
    asGuest: z.boolean().optional(),
    hallCode: z.string().trim().min(4).max(32).optional(),
  })
  .refine((c) => [c.code, c.personId, c.hallCode].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of code, personId, hallCode',
  });
export type CheckInInput = z.infer<typeof CheckInInput>;

/** POST /api/meetings/{id}/check-out — a departure (the participant, or the secretariat for someone). */
export const CheckOutInput = z.object({ personId: Uuid.optional() });
export type CheckOutInput = z.infer<typeof CheckOutInput>;

export const CheckInResult = z.object({ participant: Participant, quorum: Quorum });
export type CheckInResult = z.infer<typeof CheckInResult>;

/** PUT /api/meetings/{id}/roles — presidium, chair, secretary (elected at the opening or appointed), staff. */
export const SetRolesInput = z.object({
  roles: z
    .array(
      z.object({ personId: Uuid, role: MeetingRoleName, how: z.enum(['elected', 'appointed']).default('appointed') }),
    )
    .max(200),
});
export type SetRolesInput = z.infer<typeof SetRolesInput>;

/** POST /api/meetings/{id}/open, /close, /cancel, /agenda/advance — the chair's moves; `revision` guards races. */
export const ChairMoveInput = z.object({ revision: z.number().int().min(0) });
export type ChairMoveInput = z.infer<typeof ChairMoveInput>;
/** POST /api/meetings/{id}/agenda/current — the chair takes up a given item. */
export const SetCurrentItemInput = z.object({ revision: z.number().int().min(0), itemId: Uuid });
export type SetCurrentItemInput = z.infer<typeof SetCurrentItemInput>;

// --- list of speakers -------------------------------------------------------------------------------------

export const FloorRequest = z.object({
  id: Uuid,
  agendaItemId: Uuid,
  personId: Uuid,
  name: z.string(),
  /** What tells the speaker apart from a namesake. */
  person: PersonLabel.nullable(),
  kind: FloorKind,
  status: FloorStatus,
  position: z.number().int(),
  limitSeconds: z.number().int(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type FloorRequest = z.infer<typeof FloorRequest>;

/** POST /api/meetings/{id}/floor — a present participant asks to speak; the chair may add someone (personId). */
export const RequestFloorInput = z.object({
  kind: FloorKind.default('speech'),
  personId: Uuid.optional(),
});
export type RequestFloorInput = z.infer<typeof RequestFloorInput>;

/** POST /api/meetings/{id}/floor/{requestId}/{give|end|withdraw}; /floor/order reorders the waiting queue. */
export const ReorderFloorInput = z.object({
  requestIds: z.array(Uuid).min(1).max(2_000),
  /** The meeting revision the chair's screen showed: 409 meeting_conflict when someone acted meanwhile. */
  revision: z.number().int().min(0).optional(),
});
export type ReorderFloorInput = z.infer<typeof ReorderFloorInput>;
export const ExtendTimeInput = z.object({
  seconds: z.number().int().min(15).max(3_600),
  revision: z.number().int().min(0).optional(),
});
export type ExtendTimeInput = z.infer<typeof ExtendTimeInput>;
/** Optional body of /give, /end, /withdraw: the revision guard (409 meeting_conflict when stale). */
export const FloorMoveInput = z.object({ revision: z.number().int().min(0).optional() });
export type FloorMoveInput = z.infer<typeof FloorMoveInput>;
/** GET /api/meetings/{id}/floor?item= — the requests of an item (default: the current item). */
export const FloorQuery = z.object({ item: Uuid.optional() });
export type FloorQuery = z.infer<typeof FloorQuery>;
/** Done (in the order they spoke), speaking, waiting (queue order), withdrawn. */
export const FloorList = z.object({ agendaItemId: Uuid.nullable(), items: z.array(FloorRequest) });
export type FloorList = z.infer<typeof FloorList>;

// --- transcript -------------------------------------------------------------------------------------------

export const TranscriptEntry = z.object({
  id: Uuid,
  agendaItemId: Uuid.nullable(),
  seq: z.number().int(),
  kind: TranscriptKind,
  speakerPersonId: Uuid.nullable(),
  speakerLabel: z.string(),
  text: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/**
 * POST /api/meetings/{id}/transcript. `kind`: speech (attributed), interjection ('Voice from the floor: …'),
 * remark ('(Laughter)', '(Applause)'), chair. Defaults: the current item; for a speech, the current speaker.
 */
export const AddTranscriptInput = z.object({
  kind: TranscriptKind.exclude(['note_answer']),
  text: Text(100_000),
  speakerPersonId: Uuid.nullable().optional(),
  speakerLabel: z.string().trim().max(300).optional(),
  agendaItemId: Uuid.nullable().optional(),
});
export type AddTranscriptInput = z.infer<typeof AddTranscriptInput>;

/** PATCH /api/meetings/{id}/transcript/{entryId} — a correction; refused once the protocol is approved. */
export const CorrectTranscriptInput = z.object({
  version: z.number().int().min(1),
  text: Text(100_000).optional(),
  speakerLabel: z.string().trim().max(300).optional(),
  speakerPersonId: Uuid.nullable().optional(),
});
export type CorrectTranscriptInput = z.infer<typeof CorrectTranscriptInput>;

/** GET /api/meetings/{id}/transcript — entries in seq order; `afterSeq` fetches only what is new. */
export const TranscriptQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
});
export type TranscriptQuery = z.infer<typeof TranscriptQuery>;
export const TranscriptList = z.object({
  items: z.array(TranscriptEntry),
  /** The highest seq of the meeting (entries beyond `limit` remain to fetch when above the last item's). */
  lastSeq: z.number().int(),
});
export type TranscriptList = z.infer<typeof TranscriptList>;

// --- question notes ----------------------------------------------------------------------------------------

/** GET /api/meetings/{id}/note-key — the meeting's RSA public key (SPKI, base64) for blind tokens (RFC 9474). */
export const NoteKey = z.object({
  meetingId: Uuid,
  /** RSABSSA-SHA384-PSS-Randomized. */
  suite: z.literal('RSABSSA-SHA384-PSS-Randomized'),
  publicKeySpki: z.string(),
  /** Anonymous-note tokens the signed-in participant may still obtain (statute: anonymousNotesPerPerson). */
  remaining: z.number().int(),
  /** Signed notes the signed-in participant may still send (statute: signedNotesPerPerson), counted apart. */
  signedRemaining: z.number().int(),
  /** The statute's two limits per person in this meeting. */
  anonymousLimit: z.number().int(),
  signedLimit: z.number().int(),
});
export type NoteKey = z.infer<typeof NoteKey>;

const B64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(2_000);

/** POST /api/meetings/{id}/note-tokens — a present participant sends blinded messages; the server signs them. */
export const IssueTokensInput = z.object({ blinded: z.array(B64).min(1).max(100) });
export type IssueTokensInput = z.infer<typeof IssueTokensInput>;
export const IssueTokensResult = z.object({ signatures: z.array(B64), remaining: z.number().int() });
export type IssueTokensResult = z.infer<typeof IssueTokensResult>;

/**
 * POST /api/meetings/{id}/anonymous-notes — an anonymous note, sent WITHOUT credentials (the server never looks
 * up a session on that route): the token is the only proof of presence. `token.message` is the prepared message
 * (RFC 9474 §4.1), `token.signature` the finalized one. POST /api/meetings/{id}/notes takes a signed note
 * (`signed: true`), sent with the session, without a token.
 */
export const SendNoteInput = z
  .object({
    text: Text(5_000),
    addressedTo: z.enum(['speaker', 'presidium']).default('speaker'),
    token: z.object({ message: B64, signature: B64 }).optional(),
    signed: z.boolean().default(false),
  })
  .refine((n) => (n.signed ? !n.token : !!n.token), { message: 'an anonymous note needs a token; a signed note none' });
export type SendNoteInput = z.infer<typeof SendNoteInput>;

export const QuestionNote = z.object({
  id: Uuid,
  agendaItemId: Uuid.nullable(),
  addressedTo: z.enum(['speaker', 'presidium']),
  speakerPersonId: Uuid.nullable(),
  speakerName: z.string().nullable(),
  /** The speaker's Cyrillic name, when recorded. */
  speakerNameRu: z.string().nullable(),
  text: z.string(),
  /** Null for an anonymous note. */
  signedBy: z.string().nullable(),
  /** The signer's Cyrillic name, when recorded (null for an anonymous note). */
  signedByRu: z.string().nullable(),
  receivedMinute: z.string(),
  groupLabel: z.string().nullable(),
  status: NoteStatus,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** What the reader may do with the note (ADR 0026), as PATCH /notes/{noteId} checks it. */
  can: z.object({
    /** Answer it (the meeting is open; the note not yet answered). */
    answer: z.boolean(),
    /** Set it aside (a new note; the meeting not closed). */
    setAside: z.boolean(),
    /** Take it back from the set-aside ones (the meeting not closed). */
    restore: z.boolean(),
    /** Label it with a group (the meeting not closed). */
    group: z.boolean(),
  }),
});
export type QuestionNote = z.infer<typeof QuestionNote>;

/** GET /api/meetings/{id}/notes — every note of the meeting (presidium), by minute received, group, then at random. */
export const QuestionNoteList = z.object({ items: z.array(QuestionNote) });
export type QuestionNoteList = z.infer<typeof QuestionNoteList>;
/** 201 of POST /api/meetings/{id}/notes and /anonymous-notes: the note's random id only. */
export const NoteCreated = z.object({ id: Uuid });
export type NoteCreated = z.infer<typeof NoteCreated>;

/** PATCH /api/meetings/{id}/notes/{noteId} — the presidium groups, answers (enters the transcript) or sets aside. */
export const HandleNoteInput = z.object({
  groupLabel: z.string().trim().max(200).nullable().optional(),
  answer: Text(20_000).optional(),
  /** Who answers in the transcript (default: the current speaker, else the chair). */
  answeredByPersonId: Uuid.optional(),
  status: z.enum(['new', 'set_aside']).optional(),
});
export type HandleNoteInput = z.infer<typeof HandleNoteInput>;

// --- protocol and sealing ---------------------------------------------------------------------------------

export const Protocol = z.object({
  meetingId: Uuid,
  lang: Lang,
  body: z.string(),
  status: ProtocolStatus,
  generatedAt: z.string(),
  editedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  version: z.number().int(),
  seal: z.object({ seq: z.number().int(), hash: z.string(), prevHash: z.string(), sealedAt: z.string() }).nullable(),
  /**
   * What the reader may do with the protocol (ADR 0026), as the writes check it: the role, the meeting's state and
   * the protocol's. (With no protocol yet, `Meeting.can.generateProtocol` says whether one may be generated.)
   */
  can: z.object({
    /** Regenerate the draft from the record (a draft; the meeting has opened). */
    generate: z.boolean(),
    /** Edit the draft. */
    edit: z.boolean(),
    /** Approve the draft (the meeting has closed). */
    approve: z.boolean(),
    /** Seal the approved protocol (the meeting has closed). */
    seal: z.boolean(),
  }),
});
export type Protocol = z.infer<typeof Protocol>;

/** POST /api/meetings/{id}/protocol — (re)generate the draft from the record (only while draft). */
export const GenerateProtocolInput = z.object({ lang: Lang.default('ru') });
export type GenerateProtocolInput = z.infer<typeof GenerateProtocolInput>;
/** PATCH /api/meetings/{id}/protocol — the secretary edits the draft. */
export const EditProtocolInput = z.object({ version: z.number().int().min(1), body: Text(2_000_000) });
export type EditProtocolInput = z.infer<typeof EditProtocolInput>;
/** POST /api/meetings/{id}/protocol/approve and /seal. */
export const ProtocolStepInput = z.object({ version: z.number().int().min(1) });
export type ProtocolStepInput = z.infer<typeof ProtocolStepInput>;

export const SealedRecord = z.object({
  seq: z.number().int(),
  kind: z.string(),
  subjectId: Uuid,
  label: z.string(),
  contentHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  sealedAt: z.string(),
});
export type SealedRecord = z.infer<typeof SealedRecord>;

export const VerifyProblem = z.object({ seq: z.number().int(), label: z.string(), problem: z.string() });
export const VerifyReport = z.object({
  records: z.number().int(),
  ok: z.boolean(),
  problems: z.array(VerifyProblem),
  /**
   * The chain's last record: publish its hash (print it, post it) — a later check against the published head
   * detects even a consistent rewrite of the whole chain. Null when nothing is sealed.
   */
  head: z.object({ seq: z.number().int(), hash: z.string(), sealedAt: z.string() }).nullable(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

// --- live state -------------------------------------------------------------------------------------------

/**
 * GET /api/meetings/{id}/live (JSON) and GET /api/meetings/{id}/stream (SSE `state` events with this shape,
 * sent on connect and after every change, coalesced). Small: phones in a hall of 5,000 receive it.
 */
export const LiveState = z.object({
  meetingId: Uuid,
  revision: z.number().int(),
  status: MeetingStatus,
  title: z.string(),
  currentItem: z.object({ id: Uuid, position: z.number().int(), title: z.string() }).nullable(),
  speaker: z
    .object({
      requestId: Uuid,
      personId: Uuid,
      name: z.string(),
      /** The Cyrillic name, when recorded. */
      nameRu: z.string().nullable(),
      kind: FloorKind,
      startedAt: z.string(),
      limitSeconds: z.number().int(),
    })
    .nullable(),
  /** The next speakers on the current item (at most 10) and how many wait in all. */
  queue: z.array(
    z.object({ requestId: Uuid, personId: Uuid, name: z.string(), nameRu: z.string().nullable(), kind: FloorKind }),
  ),
  queueLength: z.number().int(),
  quorum: Quorum,
  chair: z.string().nullable(),
  /** The chair's Cyrillic name, when recorded. */
  chairRu: z.string().nullable(),
  /** Counters that tell pages when to reload the transcript or the notes. */
  transcriptCount: z.number().int(),
  /** Entries plus corrections made (sum of versions): changes whenever any entry is added or corrected. */
  transcriptVersion: z.number().int(),
  notesCount: z.number().int(),
  notesAnswered: z.number().int(),
  /** The vote in progress, or the last one closed (its result), null when none was taken. */
  vote: LiveVote.nullable(),
  /** Time on the server when this state was computed (clients show the speaker's clock from it). */
  at: z.string(),
});
export type LiveState = z.infer<typeof LiveState>;
