// Resignation use cases (seed 004): the member submits reasons (kept verbatim), the organisation records its
// discussion, then accepts by a decision with votes (the member becomes a non-member), or the member withdraws.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type {
  DecideResignationInput,
  DiscussResignationInput,
  Resignation,
  ResignationListQuery,
  ResignationPage,
  SubmitResignationInput,
  WithdrawResignationInput,
} from '../../contracts/resignation.js';
import type { RecordsService } from '../records/records.service.js';
import { carries } from '../records/rules/majority.js';
import { ResignationErrors } from './resignation.errors.js';
import {
  assertCanHandleResignation,
  assertCanSubmitResignation,
  assertCanViewResignation,
  assertCanWithdrawResignation,
  resignationCan,
} from './resignation.policy.js';
import { nextResignationState, type ResignationEvent } from './rules/resignation.js';
import * as repo from './resignation.repository.js';
import { personRows } from '../person/person-rows.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The resignation, with what the reader may do with it (ADR 0026). */
function toResignation(actor: Actor, r: repo.ResignationRow): Resignation {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    personNameRu: r.person_name_ru,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    state: r.state,
    reasons: r.reasons,
    submittedOn: r.submitted_on,
    discussion: r.discussion,
    discussedOn: r.discussed_on,
    decisionId: r.decision_id,
    decidedOn: r.decided_on,
    votes:
      r.votes_for === null
        ? null
        : { for: r.votes_for, against: r.votes_against ?? 0, abstained: r.votes_abstained ?? 0 },
    decisionReasons: r.decision_reasons,
    withdrawnOn: r.withdrawn_on,
    can: resignationCan(actor, { bodyPath: r.body_path, state: r.state }),
  };
}

export class ResignationService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
  ) {}

  /** The signed-in member resigns. The reasons are stored exactly as written. */
  async submit(actor: Actor, input: SubmitResignationInput): Promise<Resignation> {
    assertCanSubmitResignation(actor, actor.personId);
    const p = await repo.personFacts(this.db, actor.personId);
    if (!p || !p.body_id || (p.status !== 'member' && p.status !== 'candidate'))
      throw ResignationErrors.resignation_not_a_member();
    this.checkDate(input.submittedOn, p.joined_on);
    await this.statute.rules(p.organisation_id, input.submittedOn);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      try {
        await repo.insertResignation(trx, {
          id,
          organisation_id: p.organisation_id,
          person_id: p.id,
          body_id: p.body_id!,
          reasons: input.reasons,
          submitted_on: input.submittedOn,
        });
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw ResignationErrors.resignation_already_open();
        throw e;
      }
      await this.audit(trx, actor, p.id, id, input.submittedOn, 'resignation.submitted', null, 'submitted');
      await repo.writeOutbox(trx, 'resignation.submitted', { resignationId: id, personId: p.id });
    });
    return this.get(actor, id);
  }

  /** The organisation records its discussion of the resignation. */
  async discuss(actor: Actor, id: string, input: DiscussResignationInput): Promise<Resignation> {
    const r = await this.find(actor, id);
    assertCanHandleResignation(actor, { bodyPath: r.body_path });
    this.step(r, 'discuss');
    this.checkDate(input.discussedOn, r.submitted_on);
    await this.statute.rules(r.organisation_id, input.discussedOn);
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.transition(trx, id, ['submitted'], {
        state: 'discussed',
        discussion: input.discussion,
        discussed_on: input.discussedOn,
      });
      if (!ok) throw ResignationErrors.resignation_conflict();
      await this.audit(trx, actor, r.person_id, id, input.discussedOn, 'resignation.discussed', r.state, 'discussed');
      await repo.writeOutbox(trx, 'resignation.discussed', { resignationId: id });
    });
    return this.get(actor, id);
  }

  /** The organisation accepts the resignation by vote: the member leaves (non-member, left for 'resigned'). */
  async accept(actor: Actor, id: string, input: DecideResignationInput): Promise<Resignation> {
    const r = await this.find(actor, id);
    assertCanHandleResignation(actor, { bodyPath: r.body_path });
    this.step(r, 'accept');
    this.checkDate(input.takenOn, r.discussed_on);
    await this.statute.rules(r.organisation_id, input.takenOn);
    // The statute sets no special majority for resignations: a simple majority of votes cast accepts.
    if (!carries(input.votes, 'simple')) throw ResignationErrors.resignation_vote_not_carried({ votes: input.votes });
    const p = await repo.personFacts(this.db, r.person_id);
    await this.db.transaction().execute(async (trx) => {
      const decisionId = await this.records.decision(trx, {
        organisationId: r.organisation_id,
        bodyId: r.body_id,
        takenOn: input.takenOn,
        process: 'resignation',
        entityId: id,
        outcome: 'accepted',
        votes: input.votes,
        reasons: input.reasons,
        recordedBy: actor,
      });
      const ok = await repo.transition(trx, id, ['discussed'], {
        state: 'accepted',
        decision_id: decisionId,
        decided_on: input.takenOn,
      });
      if (!ok || !(await personRows.resign(trx, r.person_id, r.body_id, input.takenOn)))
        throw ResignationErrors.resignation_conflict();
      await this.audit(trx, actor, r.person_id, id, input.takenOn, 'resignation.accepted', r.state, 'accepted', {
        decisionId,
        fromStatus: p?.status ?? null,
        toStatus: 'non_member',
        cardNumber: p?.card_number ?? null,
        bodyId: r.body_id,
      });
      await repo.writeOutbox(trx, 'resignation.accepted', { resignationId: id, personId: r.person_id });
    });
    return this.get(actor, id);
  }

  /** The member withdraws their resignation before it is accepted. */
  async withdraw(actor: Actor, id: string, input: WithdrawResignationInput): Promise<Resignation> {
    const r = await this.find(actor, id);
    assertCanWithdrawResignation(actor, { personId: r.person_id });
    this.step(r, 'withdraw');
    this.checkDate(input.withdrawnOn, r.discussed_on ?? r.submitted_on);
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.transition(trx, id, ['submitted', 'discussed'], {
        state: 'withdrawn',
        withdrawn_on: input.withdrawnOn,
      });
      if (!ok) throw ResignationErrors.resignation_conflict();
      await this.audit(trx, actor, r.person_id, id, input.withdrawnOn, 'resignation.withdrawn', r.state, 'withdrawn');
      await repo.writeOutbox(trx, 'resignation.withdrawn', { resignationId: id });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Resignation> {
    const r = await this.find(actor, id);
    assertCanViewResignation(actor, { personId: r.person_id, bodyPath: r.body_path });
    return toResignation(actor, r);
  }

  /** Resignations in a subtree (default: open ones), oldest first: the secretary's worklist. */
  async list(actor: Actor, q: ResignationListQuery): Promise<ResignationPage> {
    const b = await repo.bodyPath(this.db, q.bodyId);
    if (!b || b.organisation_id !== actor.organisationId) throw ResignationErrors.body_not_found({ id: q.bodyId });
    assertCanHandleResignation(actor, { bodyPath: b.path });
    const { rows, total } = await repo.listResignations(this.db, {
      organisationId: actor.organisationId,
      rootPath: b.path,
      states: q.state ? [q.state] : ['submitted', 'discussed'],
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map((r) => toResignation(actor, r)), total, limit: q.limit, offset: q.offset };
  }

  private async find(actor: Actor, id: string): Promise<repo.ResignationRow> {
    const r = await repo.findResignation(this.db, id);
    if (!r || r.organisation_id !== actor.organisationId) throw ResignationErrors.resignation_not_found({ id });
    return r;
  }

  private step(r: repo.ResignationRow, event: ResignationEvent): void {
    const t = nextResignationState(r.state, event);
    if (!t.ok) throw ResignationErrors[t.code]({ state: r.state });
  }

  private checkDate(on: string, notBefore: string | null): void {
    if (on > today()) throw ResignationErrors.resignation_date_in_future({ on });
    if (notBefore && on < notBefore) throw ResignationErrors.resignation_date_out_of_order({ on, notBefore });
  }

  private audit(
    trx: Parameters<RecordsService['audit']>[0],
    actor: Actor,
    personId: string,
    id: string,
    on: string,
    action: string,
    from: string | null,
    to: string,
    details?: Record<string, unknown>,
  ) {
    return this.records.audit(trx, {
      organisationId: actor.organisationId,
      subjectPersonId: personId,
      actor,
      effectiveOn: on,
      process: 'resignation',
      entityId: id,
      action,
      fromState: from,
      toState: to,
      ...(details ? { details } : {}),
    });
  }
}
