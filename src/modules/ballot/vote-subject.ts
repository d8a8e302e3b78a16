// What a vote decides: a motion (MotionService) or an election (ElectionService). The vote engine (VoteService)
// calls the subject in its own transactions, with the meeting row locked: when the vote is announced (the subject
// checks it may be put now and marks itself as being voted on), when it closes (the subject takes the result:
// motion adopted or rejected and amendment applied, candidates elected and delegates' mandates issued) and when
// it is cancelled (the subject goes back to where it was).
import type { Executor } from '../../platform/db/executor.js';
import type { CountMethod, QuestionKind, VoteResult } from '../../contracts/ballot.js';
import type { MeetingContext } from '../assembly/assembly.service.js';

export interface SubjectInfo {
  title: string;
  agendaItemId: string;
  /** Motions: the kind of question (the statute's majority for it). Elections: null. */
  questionKind: QuestionKind | null;
  /** Elections: how they are counted and the candidates in ballot order. Motions: null. */
  election: {
    method: CountMethod;
    seats: number;
    candidates: { id: string; name: string }[];
    /** Secret ballot required (statute or the election's own choice). */
    secret: boolean;
  } | null;
}

export interface VoteRef {
  id: string;
  meetingId: string;
  motionId: string | null;
  electionId: string | null;
}

export interface VoteSubject {
  /** At announce. Throws a domain error (4xx) when the subject may not be put to the vote now. */
  prepareInTx(ex: Executor, ctx: MeetingContext, subjectId: string, actorPersonId: string | null): Promise<SubjectInfo>;
  /** At close, in the closing transaction. */
  closedInTx(ex: Executor, vote: VoteRef, result: VoteResult, actorPersonId: string | null): Promise<void>;
  /** At cancel, in the cancelling transaction. */
  cancelledInTx(ex: Executor, vote: VoteRef): Promise<void>;
}

export interface VoteSubjects {
  motion: VoteSubject;
  election: VoteSubject;
}
