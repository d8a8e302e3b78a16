// Elections (issue 5): a meeting's chair opens an election on an agenda item — of a bureau, a secretary, delegates
// to a higher conference, a commission — with its seats (for delegates, by default the statute's norm of
// representation), its counting method and its ballot (secret when the statute requires it). Present voting
// participants nominate full members; each candidate consents or declines (or the chair records consent given
// aloud); a candidate may withdraw. The vote engine puts the election to the vote through the VoteSubject methods:
// only consented candidates reach the ballot, in order of nomination; at the close the count's elected candidates
// are marked and, for delegates, their mandates are issued to the higher meeting.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { isWithin } from '../../platform/actor.js';
import { iso } from '../../platform/instant.js';
import type {
  ConsentInput,
  CountMethod,
  CreateElectionInput,
  Election,
  ElectionList,
  ElectionOffice,
  ElectionStatus,
  NominateInput,
  VoteResult,
} from '../../contracts/ballot.js';
import {
  assertCanChair,
  assertCanViewMeeting,
  assertNotClosed,
  AssemblyErrors,
  canChair,
  canOpenElection,
  rulesOnMeetingDate,
  type AssemblyAccess,
  type MeetingContext,
} from '../assembly/assembly.service.js';
import type { SubjectInfo, VoteRef, VoteSubject } from './vote-subject.js';
import { delegatesUnderNorm, isDelegateMeetingKind } from './rules/representation.js';
import { electedBy } from './rules/quorum.js';
import { ElectionErrors } from './election.errors.js';
import { canAnswerForCandidate, canCancelElection, canNominate } from './election.policy.js';
import * as repo from './election.repository.js';
import type { PersonService } from '../person/person.service.js';
import type { PersonLabel } from '../../contracts/person.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** Offices whose candidates must be registered in the electing organisation's subtree. */
const LOCAL_OFFICES = new Set<ElectionOffice>(['bureau', 'secretary', 'delegates']);

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** The policy the flag says, after a write's specific refusals (so that the two never part). */
function allow(ok: boolean): void {
  if (!ok) throw AssemblyErrors.meeting_role_required();
}

function toElection(
  e: repo.ElectionRow,
  candidates: repo.CandidateRow[],
  voteId: string | null,
  labels: Map<string, PersonLabel>,
  c: MeetingContext,
  me: string,
): Election {
  const status = e.status as ElectionStatus;
  return {
    id: e.id,
    meetingId: e.meeting_id,
    agendaItemId: e.agenda_item_id,
    title: e.title,
    office: e.office,
    targetBodyId: e.target_body_id,
    delegateMeetingId: e.delegate_meeting_id,
    seats: e.seats,
    method: e.method,
    ballot: e.ballot,
    status: e.status,
    candidates: candidates.map((cand) => ({
      personId: cand.person_id,
      name: cand.name,
      nameRu: cand.name_ru,
      person: labels.get(cand.person_id) ?? null,
      position: cand.position,
      nominatedBy: cand.nominated_by,
      nominatedByName: cand.nominated_by_name,
      nominatedByNameRu: cand.nominated_by_name_ru,
      consent: cand.consent,
      withdrawn: cand.withdrawn,
      elected: cand.elected,
      can: {
        consent: canAnswerForCandidate(c, me, status, { personId: cand.person_id, withdrawn: cand.withdrawn }),
        withdraw: canAnswerForCandidate(c, me, status, { personId: cand.person_id, withdrawn: cand.withdrawn }),
      },
    })),
    voteId,
    createdAt: iso(e.created_at)!,
    closedAt: iso(e.closed_at),
    can: { nominate: canNominate(c, status), cancel: canCancelElection(c, status) },
  };
}

export class ElectionService implements VoteSubject {
  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
    private readonly statute: StatuteSource,
    private readonly persons: Pick<PersonService, 'labels'>,
  ) {}

  // --- reading -----------------------------------------------------------------------------------------------

  /** GET /meetings/{id}/elections: every election of the meeting with its candidates (three queries). */
  async list(actor: Actor, meetingId: string): Promise<ElectionList> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanViewMeeting(c);
    const elections = await repo.electionsOfMeeting(this.db, meetingId);
    const ids = elections.map((e) => e.id);
    const [candidates, votes] = await Promise.all([repo.candidatesOf(this.db, ids), repo.lastVotes(this.db, ids)]);
    const byElection = new Map<string, repo.CandidateRow[]>();
    for (const cand of candidates) {
      const list = byElection.get(cand.election_id) ?? [];
      list.push(cand);
      byElection.set(cand.election_id, list);
    }
    const labels = await this.persons.labels(
      actor,
      candidates.map((cand) => cand.person_id),
    );
    return {
      items: elections.map((e) =>
        toElection(e, byElection.get(e.id) ?? [], votes.get(e.id) ?? null, labels, c, actor.personId),
      ),
    };
  }

  async get(actor: Actor, electionId: string): Promise<Election> {
    const e = await repo.electionById(this.db, electionId);
    if (!e) throw ElectionErrors.election_not_found();
    const c = await this.contextOf(this.db, actor, e.meeting_id);
    assertCanViewMeeting(c);
    return this.view(this.db, actor, e, c);
  }

  /** The election as `actor` (in the meeting as `c`) reads it, with what they may do (`Election.can`). */
  private async view(ex: Executor, actor: Actor, e: repo.ElectionRow, c: MeetingContext): Promise<Election> {
    const [candidates, votes] = await Promise.all([repo.candidatesOf(ex, [e.id]), repo.lastVotes(ex, [e.id])]);
    const labels = await this.persons.labels(
      actor,
      candidates.map((c) => c.person_id),
      ex,
    );
    return toElection(e, candidates, votes.get(e.id) ?? null, labels, c, actor.personId);
  }

  /** The meeting's context; an election of another organisation is not found (not the meeting). */
  private async contextOf(ex: Executor, actor: Actor, meetingId: string, lock = false): Promise<MeetingContext> {
    try {
      return await this.access.context(ex, actor, meetingId, { lock });
    } catch (err) {
      if ((err as { code?: string }).code === 'meeting_not_found') throw ElectionErrors.election_not_found();
      throw err;
    }
  }

  // --- creating ------------------------------------------------------------------------------------------------

  /** POST /meetings/{id}/elections: the chair (presidium, or the convening body's secretaries) opens an election. */
  async create(actor: Actor, meetingId: string, input: CreateElectionInput): Promise<Election> {
    const first = await this.access.context(this.db, actor, meetingId);
    assertCanChair(first);
    const rules = await rulesOnMeetingDate(this.statute, first.organisationId, dateOf(first.startsAt));
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const c = await this.access.context(trx, actor, meetingId, { lock: true });
      assertCanChair(c);
      assertNotClosed(c);
      allow(canOpenElection(c));
      if (!(await repo.itemInMeeting(trx, meetingId, input.agendaItemId)))
        throw ElectionErrors.election_agenda_item_not_found();

      const office = input.office;
      let seats = input.seats;
      let delegateMeetingId: string | null = null;
      if (office === 'delegates') {
        if (!input.delegateMeetingId) throw ElectionErrors.election_delegate_meeting_required();
        const higher = await repo.meetingRef(trx, input.delegateMeetingId);
        if (
          !higher ||
          higher.organisation_id !== c.organisationId ||
          higher.id === c.id ||
          !isDelegateMeetingKind(higher.kind) ||
          !(higher.status === 'convened' || higher.status === 'open') ||
          !isWithin(c.bodyPath, higher.body_path)
        )
          throw ElectionErrors.election_delegate_meeting_unsuitable({ delegateMeetingId: input.delegateMeetingId });
        const members = await repo.countFullMembers(trx, c.organisationId, c.bodyPath);
        const allowed = delegatesUnderNorm(rules.decisions, higher.kind, members);
        if (allowed === 0) throw ElectionErrors.election_no_members();
        if (seats !== undefined && seats > allowed)
          throw ElectionErrors.election_over_norm({
            seats,
            allowed,
            members,
            membersPerDelegate: rules.decisions.membersPerDelegate[higher.kind],
          });
        seats ??= allowed;
        delegateMeetingId = higher.id;
      } else if (input.delegateMeetingId) throw ElectionErrors.election_delegate_meeting_not_expected();
      seats ??= 1;

      let targetBodyId: string | null = null;
      if (input.targetBodyId) {
        const body = await repo.bodyRef(trx, input.targetBodyId);
        if (!body || body.organisation_id !== c.organisationId || !isWithin(body.path, c.bodyPath))
          throw ElectionErrors.election_target_body_unknown({ targetBodyId: input.targetBodyId });
        targetBodyId = body.id;
      }

      const forced = rules.decisions.secretElections;
      if (forced && input.ballot === 'open') throw ElectionErrors.election_secret_required({ office });
      const ballot = input.ballot ?? (forced ? 'secret' : 'open');
      let method: CountMethod = input.method ?? (seats > 1 ? rules.decisions.defaultElectionMethod : 'plurality');
      // hands raised are marks, not rankings: an open election is counted by plurality (block) or approval
      if (ballot === 'open' && method !== 'plurality' && method !== 'approval') {
        if (input.method) throw ElectionErrors.election_open_ranked({ method });
        method = 'plurality';
      }

      await repo.insertElection(trx, {
        id,
        meeting_id: meetingId,
        agenda_item_id: input.agendaItemId,
        title: input.title,
        office,
        target_body_id: targetBodyId,
        delegate_meeting_id: delegateMeetingId,
        seats,
        method,
        ballot,
        created_by: actor.personId,
      });
      await this.access.touch(trx, meetingId, 'meeting.election', { electionId: id, action: 'created' });
    });
    const after = await this.access.context(this.db, actor, meetingId);
    return this.view(this.db, actor, (await repo.electionById(this.db, id))!, after);
  }

  // --- nomination, consent, withdrawal ---------------------------------------------------------------------------

  /**
   * Runs a change of an election in one transaction with its meeting locked; `fn` gets the context and the
   * election as it is now (nominating, in an open or convened meeting).
   */
  private async change(
    actor: Actor,
    electionId: string,
    action: string,
    fn: (trx: Executor, c: MeetingContext, e: repo.ElectionRow) => Promise<void>,
  ): Promise<Election> {
    const found = await repo.electionById(this.db, electionId);
    if (!found) throw ElectionErrors.election_not_found();
    return this.db.transaction().execute(async (trx) => {
      const c = await this.contextOf(trx, actor, found.meeting_id, true);
      assertCanViewMeeting(c);
      const e = (await repo.electionById(trx, electionId))!;
      await fn(trx, c, e);
      await this.access.touch(trx, e.meeting_id, 'meeting.election', { electionId, action });
      return this.view(trx, actor, (await repo.electionById(trx, electionId))!, c);
    });
  }

  private static assertNominating(c: MeetingContext, e: repo.ElectionRow): void {
    assertNotClosed(c);
    if (e.status !== 'nominating') throw ElectionErrors.election_not_nominating({ status: e.status });
  }

  /** POST /elections/{id}/candidates: a present voting participant (or the chair) nominates a full member. */
  nominate(actor: Actor, electionId: string, input: NominateInput): Promise<Election> {
    return this.change(actor, electionId, 'nominated', async (trx, c, e) => {
      ElectionService.assertNominating(c, e);
      const voting = c.participant?.present === true && c.participant.voice === 'voting';
      if (!voting && !canChair(c)) throw ElectionErrors.election_nominator_not_present();
      allow(canNominate(c, e.status as ElectionStatus));
      const path = LOCAL_OFFICES.has(e.office as ElectionOffice) ? c.bodyPath : null;
      if (!(await repo.isFullMember(trx, c.organisationId, input.personId, path)))
        throw ElectionErrors.election_candidate_ineligible({ personId: input.personId });
      if (await repo.candidate(trx, electionId, input.personId))
        throw ElectionErrors.election_already_nominated({ personId: input.personId });
      await repo.insertCandidate(trx, electionId, input.personId, actor.personId);
    });
  }

  /**
   * POST /elections/{id}/consent: the candidate consents or declines (no personId, or their own); the chair records
   * consent given aloud in the hall (another candidate's personId).
   */
  consent(actor: Actor, electionId: string, input: ConsentInput): Promise<Election> {
    const personId = input.personId ?? actor.personId;
    return this.change(actor, electionId, 'consent', async (trx, c, e) => {
      ElectionService.assertNominating(c, e);
      if (personId !== actor.personId && !canChair(c)) throw ElectionErrors.election_consent_not_yours();
      const cand = await repo.candidate(trx, electionId, personId);
      if (!cand) throw ElectionErrors.election_candidate_not_found({ personId });
      if (cand.withdrawn) throw ElectionErrors.election_candidate_withdrawn({ personId });
      allow(canAnswerForCandidate(c, actor.personId, e.status as ElectionStatus, { personId, withdrawn: false }));
      await repo.setConsent(trx, electionId, personId, input.consent);
    });
  }

  /** POST /elections/{id}/candidates/{personId}/withdraw: the candidate (or the chair for them) withdraws. */
  withdraw(actor: Actor, electionId: string, personId: string): Promise<Election> {
    return this.change(actor, electionId, 'withdrawn', async (trx, c, e) => {
      ElectionService.assertNominating(c, e);
      if (personId !== actor.personId && !canChair(c)) throw ElectionErrors.election_withdraw_not_yours();
      const cand = await repo.candidate(trx, electionId, personId);
      if (!cand) throw ElectionErrors.election_candidate_not_found({ personId });
      if (cand.withdrawn) throw ElectionErrors.election_candidate_withdrawn({ personId });
      allow(canAnswerForCandidate(c, actor.personId, e.status as ElectionStatus, { personId, withdrawn: false }));
      await repo.setWithdrawn(trx, electionId, personId);
    });
  }

  /** POST /elections/{id}/cancel: the chair calls off an election still taking nominations. */
  cancel(actor: Actor, electionId: string): Promise<Election> {
    return this.change(actor, electionId, 'cancelled', async (trx, c, e) => {
      assertCanChair(c);
      assertNotClosed(c);
      if (e.status !== 'nominating') throw ElectionErrors.election_cannot_cancel({ status: e.status });
      allow(canCancelElection(c, e.status as ElectionStatus));
      await repo.setStatus(trx, electionId, 'cancelled');
    });
  }

  // --- the vote (VoteSubject) ------------------------------------------------------------------------------------

  async prepareInTx(
    ex: Executor,
    ctx: MeetingContext,
    subjectId: string,
    _actorPersonId: string | null,
  ): Promise<SubjectInfo> {
    const e = await repo.electionById(ex, subjectId);
    if (!e) throw ElectionErrors.election_not_found();
    if (e.meeting_id !== ctx.id) throw ElectionErrors.election_not_in_meeting();
    if (e.status !== 'nominating') throw ElectionErrors.election_not_nominating({ status: e.status });
    const candidates = await repo.ballotCandidates(ex, e.id);
    if (candidates.length === 0) throw ElectionErrors.election_no_candidates();
    await repo.setStatus(ex, e.id, 'voting');
    return {
      title: e.title,
      agendaItemId: e.agenda_item_id,
      questionKind: null,
      election: {
        method: e.method as CountMethod,
        seats: e.seats,
        candidates: candidates.map((c) => ({ id: c.person_id, name: c.name })),
        secret: e.ballot === 'secret',
      },
    };
  }

  async closedInTx(ex: Executor, vote: VoteRef, result: VoteResult, _actorPersonId: string | null): Promise<void> {
    if (!vote.electionId) return;
    const e = await repo.electionById(ex, vote.electionId);
    if (!e || e.status !== 'voting') return;
    const onBallot = new Set((await repo.ballotCandidates(ex, e.id)).map((c) => c.person_id));
    // a vote taken without the statute's quorum elects nobody
    const elected = electedBy(result).filter((id) => onBallot.has(id));
    await repo.markElected(ex, e.id, elected);
    await repo.setStatus(ex, e.id, 'closed');
    const higher = e.delegate_meeting_id ? await repo.meetingRef(ex, e.delegate_meeting_id) : undefined;
    // a higher meeting closed or called off meanwhile takes no more mandates (the elected stay recorded here)
    const takesMandates = higher !== undefined && (higher.status === 'convened' || higher.status === 'open');
    if (e.office === 'delegates' && e.delegate_meeting_id && elected.length > 0 && takesMandates) {
      const meeting = await repo.meetingRef(ex, e.meeting_id);
      const issued = await repo.insertMandates(
        ex,
        elected.map((personId) => ({
          id: uuidv7(),
          to_meeting_id: e.delegate_meeting_id!,
          person_id: personId,
          from_body_id: meeting!.body_id,
          election_id: e.id,
        })),
      );
      if (issued > 0)
        await this.access.touch(ex, e.delegate_meeting_id, 'meeting.mandates', { electionId: e.id, issued });
    }
  }

  async cancelledInTx(ex: Executor, vote: VoteRef): Promise<void> {
    if (!vote.electionId) return;
    const e = await repo.electionById(ex, vote.electionId);
    if (e && e.status === 'voting') await repo.setStatus(ex, e.id, 'nominating');
  }
}
