// Whether a vote was taken with the statute's quorum (pure). The quorum of the meeting's kind (more than a fraction
// of the voting participants entitled, assembly rules) is counted with the voting participants present when the
// vote opened. A vote taken without it is not valid: it decides nothing — a motion is not carried (not adopted),
// nobody is elected — and the result and the protocol say so.
import type { VoteQuorum, VoteResult } from '../../../contracts/ballot.js';
import { requiredForQuorum } from '../../assembly/rules/quorum.js';

/** Voting participants a vote needs present: the statute's fraction of those entitled (null: not recorded). */
export function quorumRequiredFor(fraction: number | null, entitled: number): number | null {
  return fraction === null ? null : requiredForQuorum(entitled, fraction);
}

/** The quorum of a vote with `present` voting participants when it opened (null when none was recorded). */
export function voteQuorum(required: number | null, present: number): VoteQuorum | null {
  return required === null ? null : { required, reached: present >= required };
}

/** The result with its quorum: without a quorum nothing is carried. */
export function withQuorum(result: VoteResult, quorum: VoteQuorum | null): VoteResult {
  if (!quorum) return result;
  return quorum.reached
    ? { ...result, quorum }
    : { ...result, quorum, carried: result.carried === null ? null : false };
}

/** Whether the result decides anything: false only when the vote was taken without a quorum. */
export function validForQuorum(result: Pick<VoteResult, 'quorum'>): boolean {
  return result.quorum?.reached !== false;
}

/** Those an election's result elects: nobody when the vote was taken without a quorum. */
export function electedBy(result: Pick<VoteResult, 'quorum' | 'count'>): string[] {
  return validForQuorum(result) ? (result.count?.elected ?? []) : [];
}
