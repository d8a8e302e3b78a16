// Who may do what in a meeting. The convening body's secretaries (whoever manages the body's subtree) may do
// everything; otherwise the meeting's own roles decide: the chair and presidium run the floor and the notes,
// the secretary keeps the protocol, the stenographer the transcript, the secretariat the check-in desk.
import type {
  MeetingCan,
  MeetingRoleName,
  NoteStatus,
  Protocol,
  ProtocolStatus,
  QuestionNote,
  Voice,
} from '../../contracts/assembly.js';
import { manages, type Actor } from '../../platform/actor.js';
import { AssemblyErrors } from './assembly.errors.js';

export interface MeetingContext {
  id: string;
  organisationId: string;
  bodyId: string;
  bodyPath: string;
  bodyKind: string;
  kind: string;
  title: string;
  status: 'convened' | 'open' | 'closed' | 'cancelled';
  revision: number;
  currentItemId: string | null;
  startsAt: Date;
  /** The actor manages the convening body's subtree. */
  manager: boolean;
  /** The actor's roles in this meeting. */
  roles: ReadonlySet<MeetingRoleName>;
  /** The actor as a participant, or null. */
  participant: {
    voice: Voice;
    present: boolean;
    code: string;
    tokensIssued: number;
    signedNotes: number;
  } | null;
}

const has = (c: MeetingContext, ...r: MeetingRoleName[]) => r.some((x) => c.roles.has(x));

export const canViewMeeting = (c: MeetingContext) => c.manager || c.roles.size > 0 || c.participant !== null;
export const canManageMeeting = (c: MeetingContext) => c.manager;
export const canChair = (c: MeetingContext) => c.manager || has(c, 'chair', 'presidium');
export const canHandleNotes = (c: MeetingContext) => c.manager || has(c, 'chair', 'presidium');
export const canRecordTranscript = (c: MeetingContext) => c.manager || has(c, 'stenographer', 'secretary');
export const canKeepProtocol = (c: MeetingContext) => c.manager || has(c, 'secretary');
/** The transcript is written and corrected until the protocol is approved (then it is the protocol's record). */
export const transcriptOpen = (protocol: string | null) => protocol !== 'approved' && protocol !== 'sealed';
export const canKeepDesk = (c: MeetingContext) => c.manager || has(c, 'secretariat', 'secretary');
export const isPresent = (c: MeetingContext) => c.participant?.present === true;
/** Those who run the meeting (see its hall code, the projector, the roll): the body's managers, chair, presidium, secretary, secretariat. */
export const canRunMeeting = (c: MeetingContext) => canChair(c) || canKeepDesk(c);
/** The session's moves (open, agenda, close) and the roles: the body's managers or the chair. */
export const canMoveSession = (c: MeetingContext) => c.manager || c.roles.has('chair');
/** An open vote's count: the tellers, the chair (and presidium, and the body's managers) or the secretary. */
export const canTell = (c: MeetingContext) => canChair(c) || canKeepProtocol(c) || c.roles.has('teller');
/** Named votes of others in a roll-call: the chair or the secretary. */
export const canRecordRoll = (c: MeetingContext) => canChair(c) || canKeepProtocol(c);
/** Delegates' mandates: the credentials commission, or the convening body's secretaries. */
export const canCheckMandates = (c: MeetingContext) => c.manager || c.roles.has('credentials');
/** Entering or checking a mandate now: the commission, at a conference or congress not yet closed. */
export const canEnterMandate = (c: MeetingContext) =>
  canCheckMandates(c) && notClosed(c) && (c.kind === 'conference' || c.kind === 'congress');

const notClosed = (c: MeetingContext) => c.status === 'convened' || c.status === 'open';

/** A voting participant present in the hall: casts a ballot, records their own roll-call vote, moves motions. */
export const isVoter = (c: MeetingContext) => c.participant?.voice === 'voting' && c.participant.present;
/** Checking oneself in with the hall code: a participant, while the meeting is not closed. */
export const canCheckInByHallCode = (c: MeetingContext) => c.participant !== null && notClosed(c);
/** Asking for the floor: a present participant, in an open meeting with an item under discussion. */
export const canAskFloor = (c: MeetingContext) => isPresent(c) && c.status === 'open' && c.currentItemId !== null;
/** Obtaining anonymous-note tokens: a present participant, while the meeting is not closed. */
export const canObtainNoteTokens = (c: MeetingContext) => isPresent(c) && notClosed(c);
/** Sending a question note (signed, or anonymous with a token): a present participant, in an open meeting. */
export const canSendNote = (c: MeetingContext) => isPresent(c) && c.status === 'open';
/** Moving a motion in one's own name: a present voting participant, in an open meeting. */
export const canProposeMotion = (c: MeetingContext) => isVoter(c) && c.status === 'open';
/** Announcing a vote: the chair (presidium, the body's managers), in an open meeting. */
export const canAnnounceVote = (c: MeetingContext) => canChair(c) && c.status === 'open';
/** Opening an election: the chair (presidium, the body's managers), while the meeting is not closed. */
export const canOpenElection = (c: MeetingContext) => canChair(c) && notClosed(c);
/**
 * (Re)generating the protocol from the record: those who keep it, once the meeting has opened, while the protocol
 * is absent or a draft (`protocol`: its status, null when none was generated).
 */
export const canGenerateProtocol = (c: MeetingContext, protocol: ProtocolStatus | null) =>
  canKeepProtocol(c) && (c.status === 'open' || c.status === 'closed') && (protocol === null || protocol === 'draft');

/** Editing the protocol's draft: those who keep it, the protocol a draft. */
export const canEditProtocol = (c: MeetingContext, protocol: ProtocolStatus) =>
  canKeepProtocol(c) && protocol === 'draft';
/** Approving the draft: those who keep it, the protocol a draft, the meeting closed. */
export const canApproveProtocol = (c: MeetingContext, protocol: ProtocolStatus) =>
  canEditProtocol(c, protocol) && c.status === 'closed';
/** Sealing: those who keep it, the protocol approved, the meeting closed. */
export const canSealProtocol = (c: MeetingContext, protocol: ProtocolStatus) =>
  canKeepProtocol(c) && protocol === 'approved' && c.status === 'closed';

/** What the actor may do with the protocol (`Protocol.can`), from the checks its writes run. */
export function protocolCan(c: MeetingContext, protocol: ProtocolStatus): Protocol['can'] {
  return {
    generate: canGenerateProtocol(c, protocol),
    edit: canEditProtocol(c, protocol),
    approve: canApproveProtocol(c, protocol),
    seal: canSealProtocol(c, protocol),
  };
}

/** Answering a question note: those who handle notes, in an open meeting, a note not yet answered. */
export const canAnswerNote = (c: MeetingContext, note: NoteStatus) =>
  canHandleNotes(c) && c.status === 'open' && note !== 'answered';
/** Setting a note aside or back to new: those who handle notes, the meeting not closed, a note not answered. */
export const canSetNoteStatus = (c: MeetingContext, note: NoteStatus) =>
  canHandleNotes(c) && notClosed(c) && note !== 'answered';
/** Labelling a note with a group: those who handle notes, the meeting not closed. */
export const canGroupNote = (c: MeetingContext) => canHandleNotes(c) && notClosed(c);

/** What the actor may do with a question note (`QuestionNote.can`), from the checks of PATCH /notes/{noteId}. */
export function noteCan(c: MeetingContext, note: NoteStatus): QuestionNote['can'] {
  return {
    answer: canAnswerNote(c, note),
    setAside: note === 'new' && canSetNoteStatus(c, note),
    restore: note === 'set_aside' && canSetNoteStatus(c, note),
    group: canGroupNote(c),
  };
}

/**
 * What the actor may do next in the meeting (`Meeting.can`), from the same functions the writes check, on the
 * meeting's state as read. The web app shows an act exactly when its flag is true.
 */
export function meetingCan(c: MeetingContext, protocol: ProtocolStatus | null): MeetingCan {
  return {
    chair: canChair(c),
    open: canMoveSession(c) && c.status === 'convened',
    moveAgenda: canMoveSession(c) && c.status === 'open',
    close: canMoveSession(c) && c.status === 'open',
    cancel: canManageMeeting(c) && c.status === 'convened',
    setRoles: canMoveSession(c) && notClosed(c),
    keepDesk: canKeepDesk(c),
    keepTranscript: canRecordTranscript(c),
    recordTranscript: canRecordTranscript(c) && transcriptOpen(protocol),
    handleNotes: canHandleNotes(c),
    keepProtocol: canKeepProtocol(c),
    project: canRunMeeting(c),
    tell: canTell(c),
    recordRoll: canRecordRoll(c),
    checkMandates: canCheckMandates(c),
    enterMandate: canEnterMandate(c),
    generateProtocol: canGenerateProtocol(c, protocol),
    announceVote: canAnnounceVote(c),
    openElection: canOpenElection(c),
    checkIn: canCheckInByHallCode(c),
    askFloor: canAskFloor(c),
    obtainNoteTokens: canObtainNoteTokens(c),
    sendNote: canSendNote(c),
    proposeMotion: canProposeMotion(c),
    vote: isVoter(c),
  };
}

/** Convening a meeting of a body: whoever manages it. */
export const canConvene = (actor: Actor, body: { path: string }) => manages(actor, body.path);

function guard(ok: boolean, fail: () => Error): void {
  if (!ok) throw fail();
}
export const assertCanViewMeeting = (c: MeetingContext) =>
  guard(canViewMeeting(c), AssemblyErrors.meeting_not_participant);
export const assertCanManageMeeting = (c: MeetingContext) =>
  guard(canManageMeeting(c), AssemblyErrors.meeting_role_required);
export const assertCanChair = (c: MeetingContext) => guard(canChair(c), AssemblyErrors.meeting_role_required);
export const assertCanHandleNotes = (c: MeetingContext) =>
  guard(canHandleNotes(c), AssemblyErrors.meeting_role_required);
export const assertCanRecordTranscript = (c: MeetingContext) =>
  guard(canRecordTranscript(c), AssemblyErrors.meeting_role_required);
export const assertCanKeepProtocol = (c: MeetingContext) =>
  guard(canKeepProtocol(c), AssemblyErrors.meeting_role_required);
export const assertCanKeepDesk = (c: MeetingContext) => guard(canKeepDesk(c), AssemblyErrors.meeting_role_required);
export const assertPresent = (c: MeetingContext) => {
  guard(c.participant !== null, AssemblyErrors.meeting_not_participant);
  guard(isPresent(c), AssemblyErrors.meeting_not_present);
};
export const assertOpen = (c: MeetingContext) => guard(c.status === 'open', AssemblyErrors.meeting_not_open);
export const assertNotClosed = (c: MeetingContext) =>
  guard(c.status === 'convened' || c.status === 'open', AssemblyErrors.meeting_already_closed);
