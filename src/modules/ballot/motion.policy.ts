// Who may do what with a motion or an amendment: the checks its writes run, and `Motion.can` (ADR 0026). Each
// function answers for the actor (`c`, and their person id) on the motion as read; the writes call them after
// their specific refusals, so that the flag and the write never part.
import type { MotionStatus } from '../../contracts/ballot.js';
import { isVoter, type MeetingContext } from '../assembly/assembly.service.js';

/** The motion as the checks read it. */
export interface MotionFacts {
  amendsId: string | null;
  status: MotionStatus;
  proposedBy: string | null;
  /** The actor is among its supporters. */
  supported: boolean;
  /** An amendment to it is being voted on now. */
  amendmentVoting: boolean;
  /** The actor recorded a minority opinion on it. */
  hasOpinion: boolean;
}

const beforeTheMeeting = (s: MotionStatus) => s === 'proposed' || s === 'supported';
const decided = (s: MotionStatus) => s === 'adopted' || s === 'rejected';

/** Seconding: a present voting participant other than the proposer, not yet a supporter, in an open meeting. */
export const canSupportMotion = (c: MeetingContext, me: string, m: MotionFacts) =>
  c.status === 'open' && isVoter(c) && beforeTheMeeting(m.status) && m.proposedBy !== me && !m.supported;

/** Withdrawing: the proposer, before the vote (none of its amendments being voted on), in an open meeting. */
export const canWithdrawMotion = (c: MeetingContext, me: string, m: MotionFacts) =>
  c.status === 'open' && m.proposedBy === me && beforeTheMeeting(m.status) && !m.amendmentVoting;

/** Amending (a motion, not an amendment, still before the meeting): a present voting participant, meeting open. */
export const canAmendMotion = (c: MeetingContext, m: MotionFacts) =>
  c.status === 'open' && m.amendsId === null && beforeTheMeeting(m.status) && isVoter(c);

/**
 * A minority opinion: a voting participant, once, on a motion decided, while the meeting is open or, closed, its
 * protocol is not yet approved (`protocol`: its status, null when none was generated).
 */
export const canRecordMinorityOpinion = (c: MeetingContext, m: MotionFacts, protocol: string | null) =>
  c.participant?.voice === 'voting' &&
  decided(m.status) &&
  (c.status === 'open' || (c.status === 'closed' && (protocol === null || protocol === 'draft'))) &&
  !m.hasOpinion;

/** What the actor may do with the motion (`Motion.can`). */
export function motionCan(c: MeetingContext, me: string, m: MotionFacts, protocol: string | null) {
  return {
    support: canSupportMotion(c, me, m),
    withdraw: canWithdrawMotion(c, me, m),
    amend: canAmendMotion(c, m),
    addOpinion: canRecordMinorityOpinion(c, m, protocol),
  };
}
