// Discipline use cases: charge, answer, hearing, decision with a penalty (or acquittal), lifting a penalty,
// worklists and a person's penalties. Appeals are in appeal.service.ts; this service plugs its cases in.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import type {
  AnswerInput,
  CaseCan,
  CaseDetail,
  CaseList,
  CaseState,
  DecideCaseInput,
  DisciplineCase,
  HearingInput,
  LiftPenaltyInput,
  OpenCaseInput,
  PersonPenalties,
} from '../../contracts/discipline.js';
import type { RecordsService } from '../records/records.service.js';
import { carries } from '../records/rules/majority.js';
import { todayIso } from '../statute/rules/dates.js';
import { DisciplineErrors } from './discipline.errors.js';
import {
  assertCanActForPrimary,
  assertCanAnswer,
  canAnswerCase,
  canBringCharge,
  canDecideCase,
  canHearCase,
  canViewCase,
  canViewPenalties,
  isChargeable,
} from './discipline.policy.js';
import { nextCaseState, OPEN_CHARGE_STATES, type CaseEvent } from './rules/case-machine.js';
import {
  applyEffect,
  effectApplies,
  effectOfPenalty,
  expiryOf,
  isActive,
  majorityFor,
  type PersonRecord,
  type StatusEffect,
} from './rules/penalties.js';
import type { ActHandler, AppealService, AppealableAct } from './appeal.service.js';
import { toCase, toPenalty } from './discipline.mappers.js';
import * as repo from './discipline.repository.js';
import { personRows } from '../person/person-rows.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

function refuse(code: string): never {
  const f = (DisciplineErrors as Record<string, () => Error>)[code];
  throw f ? f() : DisciplineErrors.already_decided();
}

function checkDate(on: string, notBefore: string | null): void {
  if (on > todayIso()) throw DisciplineErrors.date_in_future({ on });
  if (notBefore && on < notBefore) throw DisciplineErrors.date_out_of_order({ on, notBefore });
}

function parsePrior(v: unknown): PersonRecord | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as PersonRecord;
}

/** A case as the appeal machinery sees it. */
function toAct(c: repo.CaseRow): AppealableAct {
  return {
    id: c.id,
    organisationId: c.organisation_id,
    personId: c.person_id,
    primaryPath: c.primary_path,
    state: c.state,
    decidedOn: c.decided_on,
    prior: parsePrior(c.prior),
    acquittal: c.outcome === 'acquittal',
  } as AppealableAct;
}

export class DisciplineService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
    readonly appeals: AppealService,
  ) {
    appeals.register('discipline', this.actHandler());
  }

  /** The person's record now, and after a status-changing effect (for reviews too). Runs inside `ex`. */
  async applyStatusEffect(
    ex: Executor,
    personId: string,
    effect: StatusEffect | null,
    on: string,
  ): Promise<{ prior: PersonRecord | null }> {
    const p = await repo.personFacts(ex, personId, true);
    if (!p) throw DisciplineErrors.person_not_found();
    if (!effect) return { prior: null };
    if (!effectApplies(effect, p.status)) throw DisciplineErrors.penalty_not_applicable({ status: p.status });
    const prior: PersonRecord = {
      status: p.status,
      bodyId: p.bodyId,
      cardNumber: p.cardNumber,
      candidateSince: p.candidateSince,
      leftOn: p.leftOn,
      leftReason: p.leftReason,
      lastBodyId: p.lastBodyId,
    };
    await personRows.writeStanding(ex, personId, applyEffect(prior, effect, on));
    return { prior };
  }

  /** `PersonDetail.can.bringCharge` (ADR 0026): the checks `openCase` makes, on the same facts. */
  personCan(actor: Actor, p: { status: string; primaryPath: string | null }): Promise<{ bringCharge: boolean }> {
    return Promise.resolve({ bringCharge: canBringCharge(actor, p) });
  }

  async openCase(actor: Actor, input: OpenCaseInput): Promise<CaseDetail> {
    const p = await repo.personFacts(this.db, input.personId);
    if (!p || p.organisationId !== actor.organisationId) throw DisciplineErrors.person_not_found();
    if (!isChargeable(p) || !p.primaryId) throw DisciplineErrors.not_a_member();
    assertCanActForPrimary(actor, p.primaryPath);
    checkDate(input.chargedOn, null);
    const id = uuidv7();
    const today = todayIso();
    await this.db.transaction().execute(async (tx) => {
      await repo.insertCase(tx, {
        id,
        organisation_id: p.organisationId,
        person_id: p.id,
        primary_id: p.primaryId!,
        charged_by: actor.personId,
        charged_on: input.chargedOn,
        charge: input.charge,
        notified_on: today,
      });
      await this.audit(tx, actor, p.id, id, 'charged', null, 'charged', input.chargedOn, input.charge);
      await repo.writeOutbox(tx, 'discipline.charged', { caseId: id, personId: p.id, notifiedOn: today });
    });
    return this.getCase(actor, id);
  }

  async answer(actor: Actor, id: string, input: AnswerInput): Promise<CaseDetail> {
    const c = await this.caseOf(actor, id);
    assertCanAnswer(actor, c.person_id);
    const on = input.answeredOn ?? todayIso();
    const t = this.step(c.state, { type: 'answer' }, c.outcome);
    checkDate(on, c.charged_on);
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.updateCase(tx, id, c.state, { state: t, answer: input.answer, answered_on: on })))
        refuse('already_answered');
      await this.audit(tx, actor, c.person_id, id, 'answered', c.state, t, on, null);
      await repo.writeOutbox(tx, 'discipline.answered', { caseId: id });
    });
    return this.getCase(actor, id);
  }

  async hearing(actor: Actor, id: string, input: HearingInput): Promise<CaseDetail> {
    const c = await this.caseOf(actor, id);
    assertCanActForPrimary(actor, c.primary_path);
    const t = this.step(c.state, { type: 'hear' }, c.outcome);
    checkDate(input.heardOn, c.answered_on ?? c.charged_on);
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.updateCase(tx, id, c.state, { state: t, heard_on: input.heardOn, hearing_notes: input.notes })))
        refuse('already_decided');
      await this.audit(tx, actor, c.person_id, id, 'heard', c.state, t, input.heardOn, null);
      await repo.writeOutbox(tx, 'discipline.heard', { caseId: id });
    });
    return this.getCase(actor, id);
  }

  /** The primary organisation's vote: a penalty from the statute in force on the decision date, or acquittal. */
  async decide(actor: Actor, id: string, input: DecideCaseInput): Promise<CaseDetail> {
    const c = await this.caseOf(actor, id);
    assertCanActForPrimary(actor, c.primary_path);
    const t = this.step(c.state, { type: 'decide', acquittal: input.outcome === 'acquittal' }, c.outcome);
    checkDate(input.takenOn, c.heard_on);
    const m = (await this.statute.rules(c.organisation_id, input.takenOn)).membership;
    const penalty = input.outcome === 'acquittal' ? null : input.outcome;
    if (penalty && !m.penalties.includes(penalty))
      throw DisciplineErrors.penalty_not_in_statute({ penalty, allowed: m.penalties });
    if (!carries(input.votes, majorityFor(input.outcome, m)))
      throw DisciplineErrors.majority_not_reached({ majority: majorityFor(input.outcome, m) });
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.updateCase(tx, id, 'heard', { state: t, decided_on: input.takenOn, outcome: input.outcome })))
        refuse('already_decided');
      const { prior } = await this.applyStatusEffect(
        tx,
        c.person_id,
        penalty ? effectOfPenalty(penalty) : null,
        input.takenOn,
      );
      const decisionId = await this.records.decision(tx, {
        organisationId: c.organisation_id,
        bodyId: c.primary_id,
        takenOn: input.takenOn,
        process: 'discipline',
        entityId: id,
        outcome: input.outcome,
        votes: input.votes,
        reasons: input.reasons,
        recordedBy: actor,
      });
      await repo.updateCase(tx, id, t, {
        state: t,
        decision_id: decisionId,
        prior: prior ? JSON.stringify(prior) : null,
      });
      if (penalty)
        await repo.insertPenalty(tx, {
          id: uuidv7(),
          organisation_id: c.organisation_id,
          person_id: c.person_id,
          act_kind: 'discipline',
          act_id: id,
          kind: penalty,
          imposed_on: input.takenOn,
          expires_on: expiryOf(penalty, input.takenOn, m),
          with_record: penalty === 'severe_reprimand_with_record',
        });
      await this.audit(tx, actor, c.person_id, id, 'decided', c.state, t, input.takenOn, input.reasons, {
        outcome: input.outcome,
        votes: input.votes,
        statusBefore: prior?.status ?? null,
      });
      await repo.writeOutbox(tx, 'discipline.decided', { caseId: id, personId: c.person_id, outcome: input.outcome });
    });
    return this.getCase(actor, id);
  }

  /** An explicit early lifting of a penalty by the primary organisation: a recorded act. */
  async liftPenalty(actor: Actor, penaltyId: string, input: LiftPenaltyInput): Promise<PersonPenalties> {
    const pe = await repo.findPenalty(this.db, penaltyId);
    if (!pe || pe.organisation_id !== actor.organisationId) throw DisciplineErrors.penalty_not_found();
    const c = await repo.findCase(this.db, pe.act_id);
    if (!c) throw DisciplineErrors.penalty_not_found();
    assertCanActForPrimary(actor, c.primary_path);
    const st = { expiresOn: pe.expires_on, liftedOn: pe.lifted_on, annulledOn: pe.annulled_on };
    if (pe.kind === 'expulsion' || !isActive(st, input.liftedOn)) throw DisciplineErrors.penalty_not_active();
    checkDate(input.liftedOn, pe.imposed_on);
    if (input.votes && !carries(input.votes, 'simple')) throw DisciplineErrors.majority_not_reached();
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.liftPenalty(tx, penaltyId, input.liftedOn, input.reasons)))
        throw DisciplineErrors.penalty_not_active();
      await this.records.decision(tx, {
        organisationId: pe.organisation_id,
        bodyId: c.primary_id,
        takenOn: input.liftedOn,
        process: 'penalty_lift',
        entityId: penaltyId,
        outcome: 'lifted',
        votes: input.votes ?? null,
        reasons: input.reasons,
        recordedBy: actor,
      });
      await this.audit(
        tx,
        actor,
        pe.person_id,
        penaltyId,
        'penalty_lifted',
        pe.kind,
        'lifted',
        input.liftedOn,
        input.reasons,
      );
      await repo.writeOutbox(tx, 'discipline.penalty_lifted', { penaltyId, personId: pe.person_id });
    });
    return this.penaltiesOf(actor, pe.person_id);
  }

  async getCase(actor: Actor, id: string): Promise<CaseDetail> {
    const c = await this.caseOf(actor, id);
    const appeals = await this.appeals.appealsOfAct(actor, id);
    const paths: string[] = [];
    for (const a of appeals) {
      const b = await repo.bodyLite(this.db, a.bodyId);
      if (b) paths.push(b.path);
    }
    if (!canViewCase(actor, { personId: c.person_id, primaryPath: c.primary_path }, paths))
      throw CommonErrors.forbidden_scope();
    const pe = await repo.penaltyOfAct(this.db, id);
    return { case: await this.toCase(actor, c), appeals, penalty: pe ? toPenalty(pe, todayIso()) : null };
  }

  /** Charges still in the primary organisations' hands, across a body's subtree (for its secretary). */
  async openCharges(actor: Actor, bodyId: string): Promise<CaseList> {
    const b = await repo.bodyLite(this.db, bodyId);
    if (!b || b.organisationId !== actor.organisationId) throw DisciplineErrors.body_not_found();
    if (!manages(actor, b.path)) throw CommonErrors.forbidden_scope();
    const rows = await repo.listCases(this.db, {
      organisationId: actor.organisationId,
      within: b.path,
      states: OPEN_CHARGE_STATES,
    });
    return { items: await Promise.all(rows.map((r) => this.toCase(actor, r))) };
  }

  /** The actor's own open cases: pending steps, decisions still open to appeal, pending appeals. */
  async myCases(actor: Actor): Promise<CaseList> {
    const states: CaseState[] = [
      ...OPEN_CHARGE_STATES,
      'decided',
      'appealed',
      'appeal_dismissed',
      'control_commission_appeal',
    ];
    const rows = await repo.listCases(this.db, {
      organisationId: actor.organisationId,
      personId: actor.personId,
      states,
    });
    const open = rows.filter((r) => !(r.state === 'decided' && r.outcome === 'acquittal'));
    return { items: await Promise.all(open.map((r) => this.toCase(actor, r))) };
  }

  async penaltiesOf(actor: Actor, personId: string): Promise<PersonPenalties> {
    const p = await repo.personFacts(this.db, personId);
    if (!p || p.organisationId !== actor.organisationId) throw DisciplineErrors.person_not_found();
    const last = p.lastBodyId ? await repo.bodyLite(this.db, p.lastBodyId) : null;
    if (!canViewPenalties(actor, personId, [p.primaryPath, p.bodyPath, last?.path ?? null]))
      throw CommonErrors.forbidden_scope();
    const today = todayIso();
    const all = (await repo.penaltiesOf(this.db, personId)).map((r) => toPenalty(r, today));
    return { active: all.filter((x) => x.active), past: all.filter((x) => !x.active) };
  }

  /** What the reader may do with a case (`DisciplineCase.can`, ADR 0026): the checks each act makes. */
  private async toCase(actor: Actor, c: repo.CaseRow): Promise<DisciplineCase> {
    const facts = { personId: c.person_id, primaryPath: c.primary_path, state: c.state };
    const can: CaseCan = {
      answer: canAnswerCase(actor, facts),
      hearing: canHearCase(actor, facts),
      decide: canDecideCase(actor, facts),
      appeal: await this.appeals.canLodge(actor, 'discipline', toAct(c)),
      escalate: await this.appeals.canEscalate(actor, { id: c.id, personId: c.person_id, state: c.state }),
    };
    return toCase(c, can);
  }

  private step(state: string, event: CaseEvent, outcome: string | null): CaseState {
    const t = nextCaseState(state as CaseState, event, outcome === 'acquittal');
    if (!t.ok) refuse(t.refusal);
    return t.state;
  }

  private async caseOf(actor: Actor, id: string): Promise<repo.CaseRow> {
    const c = await repo.findCase(this.db, id);
    if (!c || c.organisation_id !== actor.organisationId) throw DisciplineErrors.case_not_found();
    return c;
  }

  private async audit(
    ex: Executor,
    actor: Actor,
    personId: string,
    entityId: string,
    action: string,
    from: string | null,
    to: string | null,
    on: string,
    reason: string | null,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.records.audit(ex, {
      organisationId: actor.organisationId,
      subjectPersonId: personId,
      actor,
      effectiveOn: on,
      process: 'discipline',
      entityId,
      action,
      fromState: from,
      toState: to,
      reason,
      details: details ?? {},
    });
  }

  private actHandler(): ActHandler {
    return {
      load: async (ex, id, forUpdate): Promise<AppealableAct | null> => {
        const c = await repo.findCase(ex, id, forUpdate);
        return c ? toAct(c) : null;
      },
      next: (act, event) => nextCaseState(act.state as CaseState, event, (act as { acquittal?: boolean }).acquittal),
      // the appeal machinery is shared by cases and review items: states reach it as strings
      setState: (ex, id, from, to) => repo.updateCase(ex, id, from as CaseState, { state: to as CaseState }),
    };
  }
}
