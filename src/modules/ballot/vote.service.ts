// The vote engine: a vote on a motion, in an election, or on a question the chair puts — announced (the statute's
// majority fixed), opened (voting participants present counted), closed (the result computed and stored in the
// closing transaction, the subject told, every screen touched) or cancelled. Open votes are counted by the tellers,
// roll-calls record each named vote, secret ballots are cast with blind-signed tokens (SecretBallotService).
//
// Locking: every change of a vote's status takes the vote row FOR UPDATE first and the meeting row second; a
// batch of secret ballots takes only the vote row, FOR SHARE (it signals the live stream without touching the
// meeting row), so a close waits for the batches in flight and never deadlocks with them.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { generateNoteKey } from '../../platform/crypto/blind-rsa.js';
import { iso } from '../../platform/instant.js';
import type { MeetingKind } from '../../contracts/assembly-rules.js';
import type {
  AnnounceVoteInput,
  ChoiceCounts,
  EnterCountInput,
  LiveVote,
  MajorityRule,
  QuestionKind,
  RollCallInput,
  RollEntry,
  Vote,
  VoteList,
  VoteResult,
} from '../../contracts/ballot.js';
import {
  assertCanChair,
  assertCanViewMeeting,
  assertOpen,
  AssemblyErrors,
  canAnnounceVote,
  rulesOnMeetingDate,
  type AssemblyAccess,
} from '../assembly/assembly.service.js';
import type { SubjectInfo, VoteRef, VoteSubject, VoteSubjects } from './vote-subject.js';
import { VoteErrors } from './vote.errors.js';
import { assertCanRecordRollFor, assertCanTell } from './vote.policy.js';
import { electionResult, motionResult, type BallotSpec, type ElectionSpec } from './rules/board.js';
import { tally } from './rules/majority.js';
import { quorumRequiredFor } from './rules/quorum.js';
import { CountInputError } from './rules/count/index.js';
import * as repo from './vote.repository.js';
import { tokenIssueOf } from './secret.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** What the close asks of the secret ballot: its ballots counted and the board hash (SecretBallotService). */
export interface SecretTally {
  tallyInTx(ex: Executor, vote: repo.VoteRow, spec: BallotSpec): Promise<VoteResult>;
  closed(voteId: string): void;
}

export const TOPIC = 'meeting.vote';
const DEFAULT_MAJORITY: MajorityRule = { threshold: 'simple', of: 'cast' };

export function electionSpecOf(row: Pick<repo.VoteRow, 'election_spec'>): ElectionSpec | null {
  return (row.election_spec as ElectionSpec | null) ?? null;
}

export function specOf(row: repo.VoteRow): BallotSpec {
  return {
    title: row.title,
    majority: row.threshold && row.base ? { threshold: row.threshold, of: row.base } : null,
    election: electionSpecOf(row),
    present: row.present_at_open ?? 0,
    entitled: row.entitled ?? 0,
    quorumRequired: quorumRequiredFor(row.quorum_more_than, row.entitled ?? 0),
    minTurnout: row.min_turnout ?? 0,
  };
}

export function toVote(row: repo.VoteRow, received: number): Vote {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    motionId: row.motion_id,
    electionId: row.election_id,
    title: row.title,
    method: row.method,
    questionKind: row.question_kind as QuestionKind | null,
    majority: row.threshold && row.base ? { threshold: row.threshold, of: row.base } : null,
    status: row.status,
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
    publicKeySpki: row.public_key_spki,
    received,
    result: (row.result as VoteResult | null) ?? null,
  };
}

const refOf = (v: repo.VoteRow): VoteRef => ({
  id: v.id,
  meetingId: v.meeting_id,
  motionId: v.motion_id,
  electionId: v.election_id,
});

export class VoteService {
  private secret: SecretTally | null = null;

  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
    private readonly statute: StatuteSource,
    private readonly subjects: Partial<VoteSubjects>,
  ) {}

  /** The secret ballot's tally at the close (set once by the composition root). */
  useSecretTally(secret: SecretTally): void {
    this.secret = secret;
  }

  private subjectOf(v: Pick<repo.VoteRow, 'motion_id' | 'election_id'>): VoteSubject | null {
    if (v.motion_id) return this.subjects.motion ?? null;
    if (v.election_id) return this.subjects.election ?? null;
    return null;
  }

  private async view(ex: Executor, row: repo.VoteRow): Promise<Vote> {
    return toVote(row, (await repo.received(ex, [row.id])).get(row.id) ?? 0);
  }

  /** The vote locked FOR UPDATE, then its meeting locked, as `actor` sees it. */
  private async lockBoth(trx: Executor, actor: Actor, voteId: string) {
    const vote = await repo.voteById(trx, voteId, true);
    if (!vote) throw VoteErrors.vote_not_found();
    const c = await this.access.context(trx, actor, vote.meeting_id, { lock: true });
    return { vote, c };
  }

  /** A vote the actor may see (404 for votes of meetings of another organisation). */
  private async visible(actor: Actor, voteId: string) {
    const vote = await repo.voteById(this.db, voteId);
    if (!vote) throw VoteErrors.vote_not_found();
    const c = await this.access.context(this.db, actor, vote.meeting_id);
    assertCanViewMeeting(c);
    return { vote, c };
  }

  async announce(actor: Actor, meetingId: string, input: AnnounceVoteInput): Promise<Vote> {
    const method = input.method;
    // a motion, an election, or a question (title + agenda item); a subject's own agenda item wins
    if (input.motionId && input.electionId) throw VoteErrors.vote_subject_missing();
    if (!input.motionId && !input.electionId && !(input.title && input.agendaItemId))
      throw VoteErrors.vote_subject_missing();
    const first = await this.access.context(this.db, actor, meetingId);
    assertCanChair(first);
    const rules = await rulesOnMeetingDate(
      this.statute,
      first.organisationId,
      first.startsAt.toISOString().slice(0, 10),
    );
    const subject = input.motionId ? this.subjects.motion : input.electionId ? this.subjects.election : null;
    if ((input.motionId || input.electionId) && !subject) throw VoteErrors.vote_subject_unavailable();
    const key = method === 'secret' ? await generateNoteKey() : null;
    const id = randomUUID();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const c = await this.access.context(trx, actor, meetingId, { lock: true });
        assertCanChair(c);
        assertOpen(c);
        if (!canAnnounceVote(c)) throw AssemblyErrors.meeting_role_required();
        if (await repo.runningVote(trx, meetingId)) throw VoteErrors.vote_already_running();
        let info: SubjectInfo;
        // the chair may put a motion moved as an ordinary one as another kind of question (an expulsion, a change
        // of the statute), never a motion moved as such as an ordinary one
        if (subject) info = await subject.prepareInTx(trx, c, (input.motionId ?? input.electionId)!, actor.personId);
        else {
          if (!(await repo.agendaItemInMeeting(trx, meetingId, input.agendaItemId!)))
            throw VoteErrors.vote_agenda_item_unknown();
          info = {
            title: input.title!,
            agendaItemId: input.agendaItemId!,
            questionKind: input.questionKind ?? 'ordinary',
            election: null,
          };
        }
        if (info.questionKind === 'ordinary' && input.questionKind && input.questionKind !== 'ordinary')
          info = { ...info, questionKind: input.questionKind };
        const election = info.election;
        let majority: MajorityRule | null = null;
        if (election) {
          const secretRequired = rules.decisions.secretElections || election.secret;
          if (secretRequired && method !== 'secret') throw VoteErrors.vote_method_not_allowed();
          // show of hands counts marks per candidate: plurality and approval only; never a roll-call
          if (method === 'roll_call' || (method === 'open' && !['plurality', 'approval'].includes(election.method)))
            throw VoteErrors.vote_method_not_allowed();
        } else {
          majority = rules.decisions.majorities[info.questionKind ?? 'ordinary'] ?? DEFAULT_MAJORITY;
        }
        await repo.insertVote(trx, {
          id,
          meeting_id: meetingId,
          agenda_item_id: info.agendaItemId,
          motion_id: input.motionId ?? null,
          election_id: input.electionId ?? null,
          title: info.title,
          method,
          question_kind: election ? null : (info.questionKind ?? 'ordinary'),
          threshold: majority?.threshold ?? null,
          base: majority?.of ?? null,
          election_spec: election
            ? JSON.stringify({ method: election.method, seats: election.seats, candidates: election.candidates })
            : null,
          // the statute's quorum for this kind of meeting: a vote opened without it is not valid
          quorum_more_than: rules.assemblies.kinds[c.kind as MeetingKind]?.quorumMoreThan ?? 0.5,
          announced_by: actor.personId,
          public_key_spki: key?.publicKeySpki ?? null,
          private_key_pkcs8: key?.privateKeyPkcs8 ?? null,
          min_turnout: rules.decisions.minimumTurnout ?? 0,
        });
        await this.access.touch(trx, meetingId, TOPIC, { voteId: id });
        return toVote((await repo.voteById(trx, id))!, 0);
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw VoteErrors.vote_already_running();
      throw e;
    }
  }

  async open(actor: Actor, voteId: string): Promise<Vote> {
    return this.db.transaction().execute(async (trx) => {
      const { vote, c } = await this.lockBoth(trx, actor, voteId);
      assertCanChair(c);
      assertOpen(c);
      if (vote.status === 'closed' || vote.status === 'cancelled') throw VoteErrors.vote_closed();
      if (vote.status !== 'announced') throw VoteErrors.vote_not_announced();
      const n = await repo.votingCounts(trx, vote.meeting_id);
      await repo.updateVote(trx, voteId, {
        status: 'open',
        present_at_open: n.present,
        entitled: n.entitled,
        opened_by: actor.personId,
        opened_at: new Date(),
      });
      await this.access.touch(trx, vote.meeting_id, TOPIC, { voteId });
      return this.view(trx, (await repo.voteById(trx, voteId))!);
    });
  }

  async close(actor: Actor, voteId: string): Promise<Vote> {
    const closed = await this.db.transaction().execute(async (trx) => {
      // FOR UPDATE on the vote waits for every ballot batch holding FOR SHARE; what they committed is counted
      const { vote, c } = await this.lockBoth(trx, actor, voteId);
      assertCanChair(c);
      if (vote.status === 'announced') throw VoteErrors.vote_not_open();
      if (vote.status !== 'open') throw VoteErrors.vote_closed();
      const spec = specOf(vote);
      let result: VoteResult;
      try {
        result = await this.resultOf(trx, vote, spec);
      } catch (e) {
        if (e instanceof CountInputError)
          throw VoteErrors.vote_not_countable(undefined, `${e.message} Correct the count and close the vote again.`);
        throw e;
      }
      await repo.updateVote(trx, voteId, {
        status: 'closed',
        closed_by: actor.personId,
        closed_at: new Date(),
        result: JSON.stringify(result),
        board_hash: result.boardHash,
      });
      await this.subjectOf(vote)?.closedInTx(trx, refOf(vote), result, actor.personId);
      await this.access.touch(trx, vote.meeting_id, TOPIC, { voteId });
      return this.view(trx, (await repo.voteById(trx, voteId))!);
    });
    this.secret?.closed(voteId);
    return closed;
  }

  private async resultOf(trx: Executor, vote: repo.VoteRow, spec: BallotSpec): Promise<VoteResult> {
    switch (vote.method) {
      case 'open': {
        const tc = vote.tellers_count as { counts?: ChoiceCounts; tallies?: Record<string, number> } | null;
        if (!tc) throw VoteErrors.vote_count_missing();
        if (spec.election) {
          const tallies = tc.tallies ?? {};
          const ballots = Object.entries(tallies)
            .filter(([, n]) => n > 0)
            .map(([id, n]) => ({ prefs: [id], weight: n }));
          const marks = Object.values(tallies).reduce((a, b) => a + b, 0);
          return electionResult(spec, ballots, marks, null, false);
        }
        const counts = tc.counts!;
        return motionResult(spec, counts, counts.for + counts.against + counts.abstain, null);
      }
      case 'roll_call': {
        const entries = await repo.rollEntries(trx, vote.id);
        return motionResult(
          spec,
          tally(entries.map((e) => e.choice as 'for' | 'against' | 'abstain')),
          entries.length,
          null,
        );
      }
      case 'secret':
        if (!this.secret) throw new Error('secret ballot service not wired');
        return this.secret.tallyInTx(trx, vote, spec);
    }
  }

  async cancel(actor: Actor, voteId: string): Promise<Vote> {
    return this.db.transaction().execute(async (trx) => {
      const { vote, c } = await this.lockBoth(trx, actor, voteId);
      assertCanChair(c);
      if (vote.status === 'closed' || vote.status === 'cancelled') throw VoteErrors.vote_closed();
      await repo.updateVote(trx, voteId, { status: 'cancelled', closed_by: actor.personId, closed_at: new Date() });
      await this.subjectOf(vote)?.cancelledInTx(trx, refOf(vote));
      await this.access.touch(trx, vote.meeting_id, TOPIC, { voteId });
      return this.view(trx, (await repo.voteById(trx, voteId))!);
    });
  }

  /** Tellers enter an open vote's count (again to correct it) while it is open. */
  async enterCount(actor: Actor, voteId: string, input: EnterCountInput): Promise<Vote> {
    return this.db.transaction().execute(async (trx) => {
      const vote = await repo.voteById(trx, voteId, true);
      if (!vote) throw VoteErrors.vote_not_found();
      const c = await this.access.context(trx, actor, vote.meeting_id);
      assertCanViewMeeting(c);
      assertCanTell(c);
      if (vote.method !== 'open') throw VoteErrors.vote_count_not_open_method();
      if (vote.status === 'announced') throw VoteErrors.vote_not_open();
      if (vote.status !== 'open') throw VoteErrors.vote_closed();
      const election = electionSpecOf(vote);
      const present = vote.present_at_open ?? 0;
      let stored: string;
      if (election) {
        const ids = new Set(election.candidates.map((x) => x.id));
        const tallies = input.tallies;
        if (input.counts || !tallies || Object.keys(tallies).some((id) => !ids.has(id)))
          throw VoteErrors.vote_count_invalid();
        if (Object.values(tallies).some((n) => n > present)) throw VoteErrors.vote_count_exceeds_present();
        stored = JSON.stringify({
          tallies: Object.fromEntries(election.candidates.map((x) => [x.id, tallies[x.id] ?? 0])),
        });
      } else {
        if (!input.counts || input.tallies) throw VoteErrors.vote_count_invalid();
        if (input.counts.for + input.counts.against + input.counts.abstain > present)
          throw VoteErrors.vote_count_exceeds_present();
        stored = JSON.stringify({ counts: input.counts });
      }
      await repo.updateVote(trx, voteId, { tellers_count: stored, counted_by: actor.personId });
      await this.access.touch(trx, vote.meeting_id, TOPIC, { voteId });
      return this.view(trx, (await repo.voteById(trx, voteId))!);
    });
  }

  /** Roll-call: the chair or secretary records a present voter's named vote, or a present voter their own. */
  async recordRollCall(actor: Actor, voteId: string, input: RollCallInput): Promise<Vote> {
    return this.db.transaction().execute(async (trx) => {
      const vote = await repo.voteById(trx, voteId, true);
      if (!vote) throw VoteErrors.vote_not_found();
      const c = await this.access.context(trx, actor, vote.meeting_id);
      assertCanViewMeeting(c);
      if (vote.method !== 'roll_call') throw VoteErrors.roll_call_not_roll_call();
      if (vote.status === 'announced') throw VoteErrors.vote_not_open();
      if (vote.status !== 'open') throw VoteErrors.vote_closed();
      const personId = input.personId ?? actor.personId;
      assertCanRecordRollFor(c, personId === actor.personId);
      const p = await repo.participant(trx, vote.meeting_id, personId);
      if (!p || p.voice !== 'voting' || !p.present) throw VoteErrors.roll_call_not_voter();
      const ok = await repo.insertRollEntry(trx, {
        vote_id: voteId,
        person_id: personId,
        choice: input.choice,
        recorded_by: actor.personId,
      });
      if (!ok) throw VoteErrors.roll_call_already_recorded();
      await this.access.touch(trx, vote.meeting_id, TOPIC, { voteId });
      return this.view(trx, (await repo.voteById(trx, voteId))!);
    });
  }

  /** A vote; for a secret one also when the actor obtained (and moved) their own token — never the token. */
  async get(actor: Actor, voteId: string): Promise<Vote> {
    const { vote } = await this.visible(actor, voteId);
    const v = await this.view(this.db, vote);
    if (vote.method !== 'secret') return v;
    const mine = await tokenIssueOf(this.db, voteId, actor.personId);
    return {
      ...v,
      myToken: mine ? { issuedAt: iso(mine.issued_at), movedAt: iso(mine.moved_at) } : null,
    };
  }

  async list(actor: Actor, meetingId: string): Promise<VoteList> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanViewMeeting(c);
    const rows = await repo.votesOf(this.db, meetingId);
    const n = await repo.received(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toVote(r, n.get(r.id) ?? 0)) };
  }

  /** The roll: voting participants present (and anyone who voted) with their named vote so far. */
  async roll(actor: Actor, voteId: string): Promise<{ items: RollEntry[] }> {
    const { vote } = await this.visible(actor, voteId);
    if (vote.method !== 'roll_call') throw VoteErrors.roll_call_not_roll_call();
    const rows = await repo.roll(this.db, voteId, vote.meeting_id);
    return {
      items: rows.map((r) => ({
        personId: r.person_id,
        name: r.name,
        nameRu: r.name_ru,
        choice: (r.choice as RollEntry['choice']) ?? null,
      })),
    };
  }

  /** LiveVoteSource: the running vote, else the last one closed; one indexed query. */
  async liveVote(meetingId: string): Promise<LiveVote | null> {
    const r = await repo.liveVote(this.db, meetingId);
    if (!r) return null;
    const spec = electionSpecOf(r);
    return {
      id: r.id,
      title: r.title,
      method: r.method,
      status: r.status,
      electionId: r.election_id,
      received: Number(r.received),
      result: (r.result as VoteResult | null) ?? null,
      candidates: (spec?.candidates ?? []).map((c) => ({ ...c, nameRu: r.names_ru?.[c.id] ?? null })),
    };
  }
}
