// The protocol's view of what a meeting decided (MeetingDecisions): motions with their amendments, votes, named
// votes and minority opinions, elections with candidates and the count's transcript, questions put without a
// motion. The assembly module's ProtocolService asks for it (as its DecisionsSource) when it generates the text,
// in its own transaction, so the sealed protocol carries the results.
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import {
  Choice,
  ElectionOffice,
  ElectionStatus,
  MajorityRule,
  MotionStatus,
  QuestionKind,
  VoteMethod,
  VoteResult,
  VoteStatus,
} from '../../contracts/ballot.js';
import { CountMethod } from '../../contracts/decision-rules.js';
import type {
  DecisionElection,
  DecisionMotion,
  DecisionName,
  DecisionVote,
  MeetingDecisions,
} from '../../contracts/protocol-decisions.js';
import * as repo from './decisions.repository.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const nm = (en: string, ru: string | null): DecisionName => ({ en: en.trim(), ru });

function parseResult(raw: unknown): VoteResult | null {
  if (raw === null || raw === undefined) return null;
  const r = VoteResult.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  return r.success ? r.data : null;
}

function majorityOf(threshold: string | null, base: string | null) {
  const m = MajorityRule.safeParse({ threshold, of: base });
  return m.success ? m.data : null;
}

/** A motion moved in one's own name prints the proposer's name as the protocol writes names; else the label. */
function proposerOf(m: {
  proposer_label: string;
  proposer_api_name: string | null;
  proposer_en: string | null;
  proposer_ru: string | null;
}): DecisionName {
  return m.proposer_en !== null && m.proposer_label === m.proposer_api_name
    ? nm(m.proposer_en, m.proposer_ru)
    : { en: m.proposer_label, ru: null };
}

export class DecisionsService {
  constructor(private readonly db: Database) {}

  /** What the meeting decided, read in the caller's transaction (or on its own). */
  async decisions(ex: Executor | null, meetingId: string): Promise<MeetingDecisions> {
    const x = ex ?? this.db;
    const [motions, supporters, opinions, votes, roll, elections, candidates] = await Promise.all([
      repo.motions(x, meetingId),
      repo.supporters(x, meetingId),
      repo.minorityOpinions(x, meetingId),
      repo.votes(x, meetingId),
      repo.rollCalls(x, meetingId),
      repo.elections(x, meetingId),
      repo.candidates(x, meetingId),
    ]);

    const vote = (v: repo.VoteRow): DecisionVote => ({
      id: v.id,
      title: v.title,
      method: VoteMethod.parse(v.method),
      questionKind: v.question_kind === null ? null : QuestionKind.parse(v.question_kind),
      majority: majorityOf(v.threshold, v.base),
      status: VoteStatus.parse(v.status),
      result: v.status === 'closed' ? parseResult(v.result) : null,
      roll:
        v.method === 'roll_call'
          ? roll
              .filter((r) => r.vote_id === v.id)
              .map((r) => ({ name: nm(r.name_en, r.name_ru), choice: Choice.parse(r.choice) }))
          : [],
      closedAt: iso(v.closed_at),
    });
    const votesOf = (pred: (v: repo.VoteRow) => boolean) => votes.filter(pred).map(vote);
    const opinionsOf = (motionId: string) =>
      opinions.filter((o) => o.motion_id === motionId).map((o) => ({ name: nm(o.name_en, o.name_ru), text: o.text }));

    const motionList: DecisionMotion[] = motions
      .filter((m) => m.amends_id === null)
      .map((m) => ({
        id: m.id,
        itemPosition: m.item_position,
        seq: m.seq,
        title: m.title,
        text: m.text,
        currentText: m.current_text ?? m.text,
        proposer: proposerOf(m),
        status: MotionStatus.parse(m.status),
        questionKind: QuestionKind.parse(m.question_kind),
        supporters: supporters.filter((s) => s.motion_id === m.id).map((s) => nm(s.name_en, s.name_ru)),
        amendments: motions
          .filter((a) => a.amends_id === m.id)
          .map((a) => ({
            id: a.id,
            seq: a.seq,
            title: a.title,
            replaces: a.replaces ?? '',
            text: a.text,
            proposer: proposerOf(a),
            status: MotionStatus.parse(a.status),
            votes: votesOf((v) => v.motion_id === a.id),
            minorityOpinions: opinionsOf(a.id),
          })),
        votes: votesOf((v) => v.motion_id === m.id),
        minorityOpinions: opinionsOf(m.id),
      }));

    const electionList: DecisionElection[] = elections.map((e) => ({
      id: e.id,
      itemPosition: e.item_position,
      title: e.title,
      office: ElectionOffice.parse(e.office),
      seats: e.seats,
      method: CountMethod.parse(e.method),
      ballot: e.ballot === 'secret' ? 'secret' : 'open',
      status: ElectionStatus.parse(e.status),
      candidates: candidates
        .filter((c) => c.election_id === e.id)
        .map((c) => ({
          id: c.person_id,
          name: nm(c.name_en, c.name_ru),
          position: c.position,
          consent: c.consent === 'consented' || c.consent === 'declined' ? c.consent : 'pending',
          withdrawn: c.withdrawn,
          elected: c.elected,
        })),
      votes: votesOf((v) => v.election_id === e.id),
    }));

    return {
      motions: motionList,
      elections: electionList,
      questions: votes
        .filter((v) => v.motion_id === null && v.election_id === null)
        .map((v) => ({ itemPosition: v.item_position, vote: vote(v) })),
    };
  }
}
