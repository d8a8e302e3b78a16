// Appeals against decided acts — a discipline case's decision or a review item's outcome — first to the
// nearest higher committee of a confirming kind, then (once dismissed) to the control commission. The act
// kinds plug in through `ActHandler`, so both processes share one appeal table and one set of rules.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, CommonErrors } from '../../platform/errors.js';
import type {
  ActKind,
  Appeal,
  AppealList,
  DecideAppealInput,
  EscalateInput,
  LodgeAppealInput,
} from '../../contracts/discipline.js';
import type { RecordsService } from '../records/records.service.js';
import { carries } from '../records/rules/majority.js';
import { todayIso } from '../statute/rules/dates.js';
import { DisciplineErrors } from './discipline.errors.js';
import {
  assertCanAppeal,
  assertCanDecideAppeal,
  canAppeal,
  canDecideAppeal,
  canDecidePendingAppeal,
} from './discipline.policy.js';
import { appealDateProblem, appealDeadline, decideAppeal } from './rules/appeals.js';
import type { PersonRecord } from './rules/penalties.js';
import { toAppeal } from './discipline.mappers.js';
import * as repo from './discipline.repository.js';
import { personRows } from '../person/person-rows.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** A decided act as the appeal machinery sees it. */
export interface AppealableAct {
  id: string;
  organisationId: string;
  personId: string;
  /** Path of the primary organisation that decided (the appeal goes to the committee above it). */
  primaryPath: string;
  state: string;
  decidedOn: string | null;
  /** The person's record before the act's effects; null when the act changed nothing. */
  prior: PersonRecord | null;
}

export type AppealEvent =
  | { type: 'appeal' }
  | { type: 'decide_appeal'; upheld: boolean }
  | { type: 'escalate' }
  | { type: 'decide_control_commission'; upheld: boolean };

export interface ActHandler {
  load(ex: Executor, id: string, forUpdate: boolean): Promise<AppealableAct | null>;
  /** The act's state machine: the next state, or a refusal code of `DisciplineErrors`. */
  next(act: AppealableAct, event: AppealEvent): { ok: true; state: string } | { ok: false; refusal: string };
  /** Moves the act from `from` to `to`; false when it was no longer in `from`. */
  setState(ex: Executor, id: string, from: string, to: string): Promise<boolean>;
}

function refuse(code: string, details?: unknown): never {
  const f = (DisciplineErrors as Record<string, (d?: unknown) => Error>)[code];
  throw f ? f(details) : DisciplineErrors.already_decided(details);
}

function checkDate(on: string, notBefore: string | null): void {
  if (on > todayIso()) throw DisciplineErrors.date_in_future({ on });
  if (notBefore && on < notBefore) throw DisciplineErrors.date_out_of_order({ on, notBefore });
}

/** Whether checks that throw the act's refusals pass (a flag read from the write's own checks). */
async function passes(checks: () => Promise<unknown>): Promise<boolean> {
  try {
    await checks();
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

export class AppealService {
  private readonly handlers = new Map<ActKind, ActHandler>();

  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
  ) {}

  register(kind: ActKind, handler: ActHandler): void {
    this.handlers.set(kind, handler);
  }

  private handler(kind: ActKind): ActHandler {
    const h = this.handlers.get(kind);
    if (!h) throw DisciplineErrors.act_not_found({ kind });
    return h;
  }

  /**
   * The checks `lodge` makes before writing: the penalised member, an appealable act, the date within the deadline,
   * an appellate body. Throws the refusal; `canLodge` asks the same question.
   */
  private async lodgeChecks(actor: Actor, h: ActHandler, act: AppealableAct, lodgedOn: string) {
    assertCanAppeal(actor, act.personId);
    const t = h.next(act, { type: 'appeal' });
    if (!t.ok) refuse(t.refusal);
    const decidedOn = act.decidedOn!;
    const m = (await this.statute.rules(act.organisationId, decidedOn)).membership;
    const deadline = appealDeadline(decidedOn, m.appealDeadlineDays);
    const problem = appealDateProblem(lodgedOn, decidedOn, deadline, todayIso());
    if (problem) refuse(problem, { decidedOn, deadline, lodgedOn });
    const body = await repo.nearestAncestorOfKinds(this.db, act.primaryPath, m.confirmingKinds);
    if (!body) throw DisciplineErrors.no_appellate_body();
    return { deadline, body };
  }

  /**
   * `DisciplineCase.can.appeal` (ADR 0026): whether `lodge` would take an appeal against the act, lodged on the day
   * of the decision (the earliest date it allows: an appeal lodged in time may be recorded later, with its date).
   */
  async canLodge(actor: Actor, kind: ActKind, act: AppealableAct): Promise<boolean> {
    if (!canAppeal(actor, act.personId) || !act.decidedOn) return false;
    const decidedOn = act.decidedOn;
    return passes(() => this.lodgeChecks(actor, this.handler(kind), act, decidedOn));
  }

  /** The penalised member appeals to the nearest higher committee of a kind the statute names. */
  async lodge(actor: Actor, input: LodgeAppealInput): Promise<Appeal> {
    const h = this.handler(input.actKind);
    const act = await h.load(this.db, input.actId, false);
    if (!act || act.organisationId !== actor.organisationId) throw DisciplineErrors.act_not_found({ id: input.actId });
    const lodgedOn = input.lodgedOn ?? todayIso();
    const { deadline, body } = await this.lodgeChecks(actor, h, act, lodgedOn);
    const id = uuidv7();
    await this.db.transaction().execute(async (tx) => {
      const locked = await h.load(tx, act.id, true);
      const again = locked && h.next(locked, { type: 'appeal' });
      if (!locked || !again || !again.ok) refuse(again && !again.ok ? again.refusal : 'appeal_pending');
      if (!(await h.setState(tx, act.id, locked.state, again.state))) refuse('appeal_pending');
      await repo.insertAppeal(tx, {
        id,
        organisation_id: act.organisationId,
        act_kind: input.actKind,
        act_id: act.id,
        person_id: act.personId,
        level: 'higher_body',
        body_id: body.id,
        parent_appeal_id: null,
        lodged_on: lodgedOn,
        deadline,
        reasons: input.reasons,
      });
      await this.records.audit(tx, {
        organisationId: act.organisationId,
        subjectPersonId: act.personId,
        actor,
        effectiveOn: lodgedOn,
        process: input.actKind,
        entityId: act.id,
        action: 'appealed',
        fromState: locked.state,
        toState: again.state,
        reason: input.reasons,
        details: { appealId: id, bodyId: body.id },
      });
      await repo.writeOutbox(tx, 'appeal.lodged', { appealId: id, bodyId: body.id, personId: act.personId });
    });
    return this.get(actor, id, true);
  }

  /**
   * The checks `escalate` makes before writing: the appellant, a dismissed first appeal, the date within the
   * deadline from that dismissal, a control commission. Throws the refusal; `canEscalate` asks the same question.
   */
  private async escalateChecks(actor: Actor, first: repo.AppealRow, lodgedOn: string) {
    assertCanAppeal(actor, first.person_id);
    const h = this.handler(first.act_kind);
    const act = await h.load(this.db, first.act_id, false);
    if (!act) throw DisciplineErrors.act_not_found();
    if (first.level !== 'higher_body' || first.state !== 'dismissed') refuse('not_escalatable');
    const t = h.next(act, { type: 'escalate' });
    if (!t.ok) refuse(t.refusal);
    const from = first.decided_on!;
    const m = (await this.statute.rules(act.organisationId, from)).membership;
    const deadline = appealDeadline(from, m.appealDeadlineDays);
    const problem = appealDateProblem(lodgedOn, from, deadline, todayIso());
    if (problem) refuse(problem, { decidedOn: from, deadline, lodgedOn });
    const cc = await repo.nearestControlCommission(this.db, first.body_path);
    if (!cc) throw DisciplineErrors.no_control_commission();
    return { h, act, deadline, cc };
  }

  /**
   * `DisciplineCase.can.escalate` (ADR 0026): whether `escalate` would take the act's dismissed first appeal to
   * the control commission, lodged on the day of the dismissal (the earliest date it allows, as for `canLodge`).
   */
  async canEscalate(actor: Actor, act: { id: string; personId: string; state: string }): Promise<boolean> {
    if (!canAppeal(actor, act.personId) || act.state !== 'appeal_dismissed') return false;
    const first = (await repo.appealsOfAct(this.db, act.id)).find(
      (a) => a.level === 'higher_body' && a.state === 'dismissed',
    );
    return !!first && !!first.decided_on && passes(() => this.escalateChecks(actor, first, first.decided_on!));
  }

  /** A dismissed first appeal goes to the control commission, within the deadline from that dismissal. */
  async escalate(actor: Actor, appealId: string, input: EscalateInput): Promise<Appeal> {
    const first = await repo.findAppeal(this.db, appealId);
    if (!first || first.organisation_id !== actor.organisationId) throw DisciplineErrors.appeal_not_found();
    const lodgedOn = input.lodgedOn ?? todayIso();
    const { h, act, deadline, cc } = await this.escalateChecks(actor, first, lodgedOn);
    const id = uuidv7();
    await this.db.transaction().execute(async (tx) => {
      const locked = await h.load(tx, act.id, true);
      const again = locked && h.next(locked, { type: 'escalate' });
      if (!locked || !again || !again.ok) refuse(again && !again.ok ? again.refusal : 'appeal_pending');
      if (!(await h.setState(tx, act.id, locked.state, again.state))) refuse('appeal_pending');
      await repo.insertAppeal(tx, {
        id,
        organisation_id: act.organisationId,
        act_kind: first.act_kind,
        act_id: act.id,
        person_id: act.personId,
        level: 'control_commission',
        body_id: cc.id,
        parent_appeal_id: first.id,
        lodged_on: lodgedOn,
        deadline,
        reasons: input.reasons,
      });
      await this.records.audit(tx, {
        organisationId: act.organisationId,
        subjectPersonId: act.personId,
        actor,
        effectiveOn: lodgedOn,
        process: first.act_kind,
        entityId: act.id,
        action: 'appealed_to_control_commission',
        fromState: locked.state,
        toState: again.state,
        reason: input.reasons,
        details: { appealId: id, bodyId: cc.id },
      });
      await repo.writeOutbox(tx, 'appeal.lodged', { appealId: id, bodyId: cc.id, personId: act.personId });
    });
    return this.get(actor, id, true);
  }

  /** The appellate body decides: upheld annuls the act and restores the person's record; or dismissed. */
  async decide(actor: Actor, appealId: string, input: DecideAppealInput): Promise<Appeal> {
    const a = await repo.findAppeal(this.db, appealId);
    if (!a || a.organisation_id !== actor.organisationId) throw DisciplineErrors.appeal_not_found();
    const body = await repo.bodyLite(this.db, a.body_id);
    if (!body) throw DisciplineErrors.body_not_found();
    // the checks `canDecidePendingAppeal` (the flag) makes, each with its own refusal
    assertCanDecideAppeal(actor, body, a.person_id);
    const upheld = input.outcome === 'upheld';
    const d = decideAppeal(a.state, upheld);
    if (!d.ok) refuse(d.refusal);
    checkDate(input.takenOn, a.lodged_on);
    if (input.votes && !carries(input.votes, 'simple')) throw DisciplineErrors.majority_not_reached();
    const h = this.handler(a.act_kind);
    const event: AppealEvent =
      a.level === 'higher_body' ? { type: 'decide_appeal', upheld } : { type: 'decide_control_commission', upheld };
    await this.db.transaction().execute(async (tx) => {
      const act = await h.load(tx, a.act_id, true);
      if (!act) throw DisciplineErrors.act_not_found();
      const t = h.next(act, event);
      if (!t.ok) refuse(t.refusal);
      const decisionId = await this.records.decision(tx, {
        organisationId: act.organisationId,
        bodyId: a.body_id,
        takenOn: input.takenOn,
        process: 'appeal',
        entityId: a.id,
        outcome: d.state,
        votes: input.votes ?? null,
        reasons: input.reasons,
        recordedBy: actor,
      });
      const set = {
        state: d.state,
        decided_on: input.takenOn,
        decision_reasons: input.reasons,
        decision_id: decisionId,
      };
      if (!(await repo.decideAppealRow(tx, a.id, set))) refuse('appeal_already_decided');
      if (!(await h.setState(tx, act.id, act.state, t.state))) refuse('appeal_already_decided');
      if (upheld) {
        if (act.prior) await personRows.writeStanding(tx, act.personId, act.prior);
        await repo.annulPenaltiesOfAct(tx, act.id, input.takenOn);
      }
      await this.records.audit(tx, {
        organisationId: act.organisationId,
        subjectPersonId: act.personId,
        actor,
        effectiveOn: input.takenOn,
        process: a.act_kind,
        entityId: act.id,
        action: upheld ? 'appeal_upheld' : 'appeal_dismissed',
        fromState: act.state,
        toState: t.state,
        reason: input.reasons,
        details: { appealId: a.id, level: a.level, reinstated: upheld && !!act.prior ? act.prior : null },
      });
      await repo.writeOutbox(tx, 'appeal.decided', { appealId: a.id, outcome: d.state, personId: act.personId });
    });
    return this.get(actor, a.id, true);
  }

  /** Pending appeals awaiting a body (a committee or a control commission). */
  async pendingFor(actor: Actor, bodyId: string): Promise<AppealList> {
    const body = await repo.bodyLite(this.db, bodyId);
    if (!body || body.organisationId !== actor.organisationId) throw DisciplineErrors.body_not_found();
    if (!canDecideAppeal(actor, body)) throw CommonErrors.forbidden_scope();
    return { items: (await repo.pendingAppealsFor(this.db, bodyId)).map((r) => this.toAppeal(actor, r)) };
  }

  async appealsOfAct(actor: Actor, actId: string): Promise<Appeal[]> {
    return (await repo.appealsOfAct(this.db, actId)).map((r) => this.toAppeal(actor, r));
  }

  /** The appeal with what the reader may do with it (ADR 0026). */
  private toAppeal(actor: Actor, r: repo.AppealRow): Appeal {
    const body = { id: r.body_id, path: r.body_path, kind: r.body_kind };
    return toAppeal(r, { decide: canDecidePendingAppeal(actor, body, { personId: r.person_id, state: r.state }) });
  }

  async get(actor: Actor, id: string, trusted = false): Promise<Appeal> {
    const a = await repo.findAppeal(this.db, id);
    if (!a || a.organisation_id !== actor.organisationId) throw DisciplineErrors.appeal_not_found();
    if (!trusted && a.person_id !== actor.personId) {
      const body = await repo.bodyLite(this.db, a.body_id);
      if (!body || !canDecideAppeal(actor, body)) throw CommonErrors.forbidden_scope();
    }
    return this.toAppeal(actor, a);
  }
}
