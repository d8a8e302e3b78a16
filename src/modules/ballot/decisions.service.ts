// The protocol's view of what a meeting decided (MeetingDecisions): motions with their amendments, votes, named
// votes and minority opinions, elections with candidates and the count's transcript, questions put without a
// motion. The assembly module's ProtocolService asks for it (as its DecisionsSource) when it generates the text,
// in its own transaction, so the sealed protocol carries the results.
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import { iso } from '../../platform/instant.js';
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
import { sortParts, type SealedPart } from '../records/rules/seal.js';
import type { BallotContent } from '../../contracts/ballot.js';
import { boardHashOf } from './secret.service.js';
import { electionSpecOf } from './vote.service.js';
import * as repo from './decisions.repository.js';

const nm = (en: string, ru: string | null): DecisionName => ({ en: en.trim(), ru });

function parseResult(raw: unknown): VoteResult | null {
  if (raw === null || raw === undefined) return null;
  const r = VoteResult.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  return r.success ? r.data : null;
}

/** A jsonb column as the driver hands it (parsed by pg; possibly text elsewhere), or null. */
function jsonOf(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
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
  /**
   * The parts of the meeting's record a sealed protocol covers, as the ballot module keeps them (payload version
   * 2, ADR 0010): every motion and amendment with its texts (the final one too), supporters and status; minority
   * opinions; every vote with its result, board hash and named votes; for each secret vote its ballots, summed up
   * as their number and the board hash recomputed from the ballot rows; every election with its candidates, the
   * elected and the count's round-by-round transcript. Read in the caller's transaction (sealing) or on its own
   * (verifying).
   */
  async sealedParts(ex: Executor | null, meetingId: string): Promise<SealedPart[]> {
    const x = ex ?? this.db;
    const [motions, supporters, opinions, votes, roll, ballots, elections, candidates] = await Promise.all([
      repo.motionsForSeal(x, meetingId),
      repo.supportersForSeal(x, meetingId),
      repo.minorityOpinionsForSeal(x, meetingId),
      repo.votesForSeal(x, meetingId),
      repo.rollCallsForSeal(x, meetingId),
      repo.ballotsForSeal(x, meetingId),
      repo.electionsForSeal(x, meetingId),
      repo.candidatesForSeal(x, meetingId),
    ]);
    const parts: SealedPart[] = [];
    for (const m of motions)
      parts.push({
        kind: m.amends_id === null ? 'motion' : 'amendment',
        id: m.id,
        agendaItemId: m.agenda_item_id,
        amendsId: m.amends_id,
        seq: m.seq,
        title: m.title,
        text: m.text,
        replaces: m.replaces,
        currentText: m.current_text,
        questionKind: m.question_kind,
        proposedBy: m.proposed_by,
        proposerLabel: m.proposer_label,
        status: m.status,
        decidedAt: iso(m.decided_at),
        supporters: supporters.filter((s) => s.motion_id === m.id).map((s) => s.person_id),
      });
    for (const o of opinions)
      parts.push({ kind: 'minority opinion', id: o.id, motionId: o.motion_id, personId: o.person_id, text: o.text });
    for (const v of votes) {
      parts.push({
        kind: 'vote',
        id: v.id,
        agendaItemId: v.agenda_item_id,
        motionId: v.motion_id,
        electionId: v.election_id,
        title: v.title,
        method: v.method,
        questionKind: v.question_kind,
        threshold: v.threshold,
        base: v.base,
        electionSpec: jsonOf(v.election_spec),
        status: v.status,
        presentAtOpen: v.present_at_open,
        entitled: v.entitled,
        tellersCount: jsonOf(v.tellers_count),
        result: jsonOf(v.result),
        boardHash: v.board_hash,
        openedAt: iso(v.opened_at),
        closedAt: iso(v.closed_at),
        roll: roll.filter((r) => r.vote_id === v.id).map((r) => ({ personId: r.person_id, choice: r.choice })),
      });
      if (v.method === 'secret' && v.public_key_spki) {
        const lines = ballots
          .filter((b) => b.vote_id === v.id)
          .map((b) => ({
            receipt: b.receipt,
            message: b.token_message,
            signature: b.token_signature,
            content: jsonOf(b.content) as BallotContent,
          }));
        parts.push({
          kind: 'ballots',
          id: v.id,
          count: lines.length,
          boardHash: boardHashOf(v.id, v.public_key_spki, electionSpecOf(v), lines),
        });
      }
    }
    for (const e of elections) {
      const mine = candidates.filter((c) => c.election_id === e.id);
      parts.push({
        kind: 'election',
        id: e.id,
        agendaItemId: e.agenda_item_id,
        title: e.title,
        office: e.office,
        targetBodyId: e.target_body_id,
        delegateMeetingId: e.delegate_meeting_id,
        seats: e.seats,
        method: e.method,
        ballot: e.ballot,
        status: e.status,
        closedAt: iso(e.closed_at),
        candidates: mine.map((c) => ({
          personId: c.person_id,
          position: c.position,
          consent: c.consent,
          withdrawn: c.withdrawn,
        })),
        elected: mine.filter((c) => c.elected).map((c) => c.person_id),
        transcript: votes
          .filter((v) => v.election_id === e.id && v.status === 'closed')
          .map((v) => {
            const r = jsonOf(v.result) as { count?: unknown } | null;
            return { voteId: v.id, count: r?.count ?? null };
          }),
      });
    }
    return sortParts(parts);
  }
}
