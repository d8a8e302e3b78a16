// Who may do what in an election: the checks its writes run, and `Election.can` / `Candidate.can` (ADR 0026). The
// writes call these after their specific refusals, so that the flag and the write never part.
import type { ElectionStatus } from '../../contracts/ballot.js';
import { canChair, isVoter, type MeetingContext } from '../assembly/assembly.service.js';

const nominating = (c: MeetingContext, status: ElectionStatus) =>
  (c.status === 'convened' || c.status === 'open') && status === 'nominating';

/** Nominating: a present voting participant, or the chair (presidium, the body's managers). */
export const canNominate = (c: MeetingContext, status: ElectionStatus) =>
  nominating(c, status) && (isVoter(c) || canChair(c));

/** Calling the election off: the chair, while it takes nominations. */
export const canCancelElection = (c: MeetingContext, status: ElectionStatus) => nominating(c, status) && canChair(c);

/** Consenting, declining or withdrawing for a candidate not withdrawn: the candidate themselves, or the chair. */
export const canAnswerForCandidate = (
  c: MeetingContext,
  me: string,
  status: ElectionStatus,
  candidate: { personId: string; withdrawn: boolean },
) => nominating(c, status) && (candidate.personId === me || canChair(c)) && !candidate.withdrawn;
