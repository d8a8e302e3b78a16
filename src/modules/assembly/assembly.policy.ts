// Who may do what in a meeting. The convening body's secretaries (whoever manages the body's subtree) may do
// everything; otherwise the meeting's own roles decide: the chair and presidium run the floor and the notes,
// the secretary keeps the protocol, the stenographer the transcript, the secretariat the check-in desk.
import type { MeetingCan, MeetingRoleName, Voice } from '../../contracts/assembly.js';
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

const notClosed = (c: MeetingContext) => c.status === 'convened' || c.status === 'open';

/**
 * What the actor may do next in the meeting (`Meeting.can`), from the same functions the writes check, on the
 * meeting's state as read. The web app shows an act exactly when its flag is true.
 */
export function meetingCan(c: MeetingContext): MeetingCan {
  return {
    chair: canChair(c),
    open: canMoveSession(c) && c.status === 'convened',
    moveAgenda: canMoveSession(c) && c.status === 'open',
    close: canMoveSession(c) && c.status === 'open',
    cancel: canManageMeeting(c) && c.status === 'convened',
    setRoles: canMoveSession(c) && notClosed(c),
    keepDesk: canKeepDesk(c),
    recordTranscript: canRecordTranscript(c),
    handleNotes: canHandleNotes(c),
    keepProtocol: canKeepProtocol(c),
    project: canRunMeeting(c),
    tell: canTell(c),
    recordRoll: canRecordRoll(c),
    checkMandates: canCheckMandates(c),
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
