// Who may do what in a vote: the chair (and presidium, and the body's secretaries) announce, open, close and cancel;
// the tellers, the chair or the secretary enter an open vote's count; the chair or the secretary record named
// votes, a present voter records their own; only voting participants present in the hall vote.
// The role checks themselves live with the meeting's policy (one function serves the write and `Meeting.can`).
import { canRecordRoll, canTell, isVoter, type MeetingContext } from '../assembly/assembly.service.js';
import { VoteErrors } from './vote.errors.js';

export { isVoter };

/** Moving one's own token between one's devices: a voting participant (it grants nothing: the token is theirs). */
export const canMoveOwnToken = (c: MeetingContext) => c.participant?.voice === 'voting';

export function assertCanMoveOwnToken(c: MeetingContext): void {
  if (!canMoveOwnToken(c)) throw VoteErrors.ballot_not_voter();
}

export function assertCanTell(c: MeetingContext): void {
  if (!canTell(c)) throw VoteErrors.vote_teller_required();
}

export function assertCanRecordRollFor(c: MeetingContext, own: boolean): void {
  if (own) {
    if (!isVoter(c)) throw VoteErrors.roll_call_not_voter();
  } else if (!canRecordRoll(c)) throw VoteErrors.roll_call_forbidden();
}
