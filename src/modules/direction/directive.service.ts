// Directives down the tree (ADR 0027 §2–3): issued by a body's recorded decision, frozen into a round over the
// addressees and the committees between; concretised by each level for its own subtree (a deadline never later
// than the one above); targets by rule, split by each level among its children and checked; acknowledged by
// every addressee and relay.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import type {
  AckList,
  AcknowledgeInput,
  AdoptedMotionList,
  ConcretiseInput,
  DecisionSource,
  Directive,
  Inbox,
  IssueDirectiveInput,
  SplitResult,
  SplitTargetsInput,
} from '../../contracts/direction.js';
import type { StatuteSource } from '../statute/statute.service.js';
import type { RecordsService } from '../records/records.service.js';
import type { MotionService } from '../ballot/motion.service.js';
import { todayIso } from '../statute/rules/dates.js';
import { SUB_BODY_KINDS } from '../../contracts/statute.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode, assertOfficeIn, canReadDirective, holdsOfficeIn } from './direction.policy.js';
import type { DirectionDefinitionsService } from './definitions.service.js';
import { ancestorIds, chainLinks, progressDeltas, type ChainLink } from './rules/deltas.js';
import { endOfLocalDay, periodOf } from './rules/period.js';
import { deadlineHolds, ruleTarget, splitHolds } from './rules/targets.js';
import * as repo from './directive.repository.js';
import * as rounds from './round.repository.js';
import * as defs from './definitions.repository.js';
import { widenStatementTimeout } from '../../platform/db/busy.js';

/** Adopted motions offered to found a directive: the latest, more than a body adopts in years. */
const ADOPTED_MOTIONS_LISTED = 200;
/** The freeze of a round's tree is a request's one long statement (seconds over 430,000 organisations): bounded
 * by its own limit, not a request's usual one, so that it does not fail under load every time it is retried. */
export const FREEZE_TIMEOUT_MS = 120_000;
const iso = (d: Date | string): string => (typeof d === 'string' ? new Date(d) : d).toISOString();
const NO_PROGRESS = {
  counted: false,
  reported: false,
  onTime: false,
  returned: false,
  approved: false,
  excused: false,
  acknowledged: false,
};

/** Where a node's figures land in its ancestors' rows: the frozen chain above it, each in the node's own stripe. */
export async function chainOf(
  ex: Executor,
  roundId: string,
  node: rounds.NodeRow,
  issuerDepth: number,
): Promise<ChainLink[]> {
  const ids = ancestorIds(node.path, issuerDepth);
  const rows = await rounds.chain(ex, roundId, ids);
  const byId = new Map(rows.map((r) => [r.body_id, r]));
  const above: { bodyId: string; depth: number }[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) break;
    above.push({ bodyId: id, depth: r.depth });
  }
  return chainLinks(node.stripe, above);
}

export class DirectiveService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
    private readonly motions: MotionService,
    private readonly definitions: DirectionDefinitionsService,
  ) {}

  /** The recorded decision an act rests on: an adopted motion of the body (or of one of its organs), or a decision
   * of its bureau recorded now with the act. */
  private async decisionOf(
    ex: Executor,
    actor: Actor,
    bodyId: string,
    source: DecisionSource,
    entityId: string,
  ): Promise<{ motionId: string | null; decisionId: string | null }> {
    if (source.kind === 'motion') {
      const m = await this.motions.adoptedFacts(ex, source.motionId);
      if (!m || !m.adopted || m.organisationId !== actor.organisationId)
        throw DirectionErrors.directive_source_not_adopted();
      // the body's own meeting, or one of its organs' (not an organ of a body below it)
      const founders = await repo.bodyWithOrgans(ex, actor.organisationId, bodyId, SUB_BODY_KINDS);
      if (!founders.some((b) => b.id === m.bodyId)) throw DirectionErrors.directive_source_not_adopted();
      return { motionId: source.motionId, decisionId: null };
    }
    const decisionId = await this.records.decision(ex, {
      organisationId: actor.organisationId,
      bodyId,
      takenOn: source.takenOn,
      process: 'directive',
      entityId,
      outcome: 'adopted',
      votes: source.votes,
      recordedBy: actor,
    });
    return { motionId: null, decisionId };
  }

  /**
   * GET /api/direction/bodies/{bodyId}/motions: the adopted main motions that can found the body's directive or
   * concretisation (adopted in a meeting of the body or of one of its organs), the latest first; for those who may
   * issue or concretise from the body (an office in it).
   */
  async adoptedMotions(actor: Actor, bodyId: string): Promise<AdoptedMotionList> {
    assertOfficeIn(actor, bodyId);
    const founders = await repo.bodyWithOrgans(this.db, actor.organisationId, bodyId, SUB_BODY_KINDS);
    if (!founders.some((b) => b.id === bodyId)) throw DirectionErrors.body_not_found();
    const byId = new Map(founders.map((b) => [b.id, b]));
    const rows = await this.motions.adoptedOfBodies(
      actor.organisationId,
      founders.map((b) => b.id),
      ADOPTED_MOTIONS_LISTED + 1,
    );
    return {
      items: rows.slice(0, ADOPTED_MOTIONS_LISTED).map((m) => {
        const b = byId.get(m.bodyId)!;
        return {
          id: m.id,
          title: m.title,
          text: m.text,
          decidedAt: iso(m.decidedAt ?? m.meetingStartsAt),
          meetingId: m.meetingId,
          meetingTitle: m.meetingTitle,
          meetingKind: m.meetingKind as AdoptedMotionList['items'][number]['meetingKind'],
          meetingStartsAt: iso(m.meetingStartsAt),
          bodyId: b.id,
          bodyName: b.name,
          bodyNameRu: b.name_ru,
          bodyKind: b.kind as AdoptedMotionList['items'][number]['bodyKind'],
        };
      }),
      truncated: rows.length > ADOPTED_MOTIONS_LISTED,
    };
  }

  async issue(actor: Actor, input: IssueDirectiveInput): Promise<Directive> {
    assertOfficeIn(actor, input.issuerBodyId);
    const { id } = await this.db.transaction().execute((trx) => this.issueInTx(trx, actor, input));
    return this.get(actor, id, input.issuerBodyId);
  }

  /** Issues a directive in the caller's transaction (a campaign issues its directive in its own); the caller has
   * checked the actor's office in the issuer. */
  async issueInTx(
    trx: Executor,
    actor: Actor,
    input: IssueDirectiveInput,
  ): Promise<{ id: string; roundId: string; requiresProtocol: boolean; dueAt: Date }> {
    assertOfficeIn(actor, input.issuerBodyId);
    const id = uuidv7();
    const roundId = uuidv7();
    const issuer = await rounds.findBody(trx, input.issuerBodyId);
    if (!issuer || issuer.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
    if (issuer.status !== 'active') throw DirectionErrors.body_not_active();
    const { timeZone } = await this.statute.rules(actor.organisationId, undefined, trx);
    const today = todayIso();
    if (input.deadline < today) throw DirectionErrors.deadline_passed();
    const dueAt = endOfLocalDay(input.deadline, timeZone);
    const form = input.formId ? await this.definitions.useForm(trx, actor.organisationId, input.formId) : null;
    for (const t of input.targets)
      if (!form?.items.some((i) => i.id === t.indicatorId))
        throw DirectionErrors.target_not_set({ indicatorId: t.indicatorId });
    const source = await this.decisionOf(trx, actor, issuer.id, input.source, id);
    await repo.insertDirective(
      trx,
      {
        id,
        organisation_id: actor.organisationId,
        issuer_body_id: issuer.id,
        motion_id: source.motionId,
        decision_id: source.decisionId,
        title: input.title,
        title_ru: input.titleRu,
        text: input.text,
        text_ru: input.textRu,
        addressing: JSON.stringify(input.addressing),
        deadline: dueAt,
        split_mode: input.splitMode,
        form_id: input.formId,
        issued_by: actor.personId,
      },
      input.targets.map((t) => ({
        directive_id: id,
        indicator_id: t.indicatorId,
        mode: t.mode,
        value: t.value,
        sense: t.sense,
      })),
    );
    await rounds.insertRound(trx, {
      id: roundId,
      organisation_id: actor.organisationId,
      issuer_body_id: issuer.id,
      directive_id: id,
      schedule_id: null,
      form_id: input.formId,
      period_start: today,
      period_end: input.deadline,
      due_at: dueAt,
      expires_at: new Date(dueAt.getTime() + input.expiryDays * 86_400_000),
    });
    await widenStatementTimeout(trx, FREEZE_TIMEOUT_MS);
    const n = await rounds.freeze(
      trx,
      { roundId, issuerId: issuer.id, issuerPath: issuer.path, issuerDepth: issuer.depth, dueAt },
      input.addressing,
    );
    if (n === 0) throw DirectionErrors.no_addressees();
    await this.records.audit(trx, {
      organisationId: actor.organisationId,
      subjectPersonId: null,
      actor,
      effectiveOn: today,
      process: 'directive',
      entityId: id,
      action: 'issued',
      details: { addressees: n, roundId },
    });
    await rounds.writeOutbox(trx, { organisationId: actor.organisationId, roundId, bodies: [issuer.id] });
    return { id, roundId, requiresProtocol: form?.requiresProtocol ?? false, dueAt };
  }

  /** A directive as read from one body of its tree (the issuer when not given). */
  async get(actor: Actor, id: string, bodyId?: string): Promise<Directive> {
    const d = await repo.findDirective(this.db, id);
    if (!d || d.organisation_id !== actor.organisationId) throw DirectionErrors.directive_not_found();
    const at = bodyId ?? d.issuer_body_id;
    const node = await rounds.findNode(this.db, d.round_id, at);
    if (!node) throw DirectionErrors.not_in_round();
    const seesNode =
      holdsOfficeIn(actor, at) ||
      actor.scopes.some((s) => node.path === s.path || node.path.startsWith(s.path + '.')) ||
      actor.scopes.some((s) => node.current_path === s.path || node.current_path.startsWith(s.path + '.'));
    if (!seesNode && !(bodyId === undefined && canReadDirective(actor, d.issuer_path)))
      throw DirectionErrors.directive_not_found();
    const issuer = await rounds.findBody(this.db, d.issuer_body_id);
    const chainIds = [at, ...ancestorIds(node.path, issuer!.depth)].reverse();
    const concretisations = await repo.concretisationsOf(this.db, id, chainIds);
    const progress = (await rounds.progressOf(this.db, d.round_id, [d.issuer_body_id]))[0];
    const targets = await repo.targetRules(this.db, id);
    return {
      id: d.id,
      roundId: d.round_id,
      issuerBodyId: d.issuer_body_id,
      issuerName: d.issuer_name,
      issuerNameRu: d.issuer_name_ru,
      title: d.title,
      titleRu: d.title_ru,
      text: d.text,
      textRu: d.text_ru,
      deadline: iso(d.deadline),
      splitMode: d.split_mode,
      formId: d.form_id,
      motionId: d.motion_id,
      decisionId: d.decision_id,
      issuedAt: iso(d.issued_at),
      addressees: progress?.expected ?? 0,
      acknowledged: progress?.acknowledged ?? 0,
      concretisations: concretisations.map((c) => ({
        bodyId: c.body_id,
        bodyName: c.name,
        bodyNameRu: c.name_ru,
        text: c.text,
        textRu: c.text_ru,
        deadline: iso(c.deadline),
        issuedAt: iso(c.issued_at),
      })),
      targets: targets.map((t) => ({ indicatorId: t.indicator_id, mode: t.mode, value: t.value, sense: t.sense })),
      body: {
        id: at,
        dueAt: iso(node.due_at),
        ackAt: node.ack_at ? iso(node.ack_at) : null,
        relay: node.relay,
        addressed: node.addressed,
      },
      can: {
        acknowledge: holdsOfficeIn(actor, at) && node.ack_at === null && at !== d.issuer_body_id,
        concretise:
          holdsOfficeIn(actor, at) &&
          node.relay &&
          at !== d.issuer_body_id &&
          !concretisations.some((c) => c.body_id === at),
        splitTargets: holdsOfficeIn(actor, at) && node.relay && targets.length > 0,
      },
    };
  }

  async concretise(actor: Actor, id: string, input: ConcretiseInput): Promise<Directive> {
    assertOfficeIn(actor, input.bodyId);
    await this.db.transaction().execute(async (trx) => {
      const d = await repo.findDirective(trx, id);
      if (!d || d.organisation_id !== actor.organisationId) throw DirectionErrors.directive_not_found();
      const node = await rounds.lockNode(trx, d.round_id, input.bodyId);
      if (!node) throw DirectionErrors.not_in_round();
      if (!node.relay || input.bodyId === d.issuer_body_id) throw DirectionErrors.not_a_relay();
      const { timeZone } = await this.statute.rules(actor.organisationId, undefined, trx);
      const own = endOfLocalDay(input.deadline, timeZone);
      const issuer = (await rounds.findBody(trx, d.issuer_body_id))!;
      const above = ancestorIds(node.path, issuer.depth);
      const set = await repo.concretisationsOf(trx, id, above);
      const nearest = set.length > 0 ? set[set.length - 1]!.deadline : d.deadline;
      if (!deadlineHolds(own, nearest))
        throw DirectionErrors.deadline_after_parent({ deadline: input.deadline, above: iso(nearest) });
      if (input.deadline < todayIso()) throw DirectionErrors.deadline_passed();
      const source = await this.decisionOf(trx, actor, input.bodyId, input.source, id);
      await repo
        .insertConcretisation(trx, {
          directive_id: id,
          body_id: input.bodyId,
          text: input.text,
          text_ru: input.textRu,
          deadline: own,
          motion_id: source.motionId,
          decision_id: source.decisionId,
          issued_by: actor.personId,
        })
        .catch((e: unknown) => {
          if (e instanceof AppError) throw e;
          throw DirectionErrors.already_decided();
        });
      await repo.setDueBelow(trx, d.round_id, node.path, own);
      await rounds.writeOutbox(trx, {
        organisationId: actor.organisationId,
        roundId: d.round_id,
        bodies: [input.bodyId],
      });
    });
    return this.get(actor, id, input.bodyId);
  }

  async acknowledge(actor: Actor, id: string, input: AcknowledgeInput): Promise<Directive> {
    assertOfficeIn(actor, input.bodyId);
    await this.db.transaction().execute(async (trx) => {
      const d = await repo.findDirective(trx, id);
      if (!d || d.organisation_id !== actor.organisationId) throw DirectionErrors.directive_not_found();
      const node = await rounds.lockNode(trx, d.round_id, input.bodyId);
      if (!node || input.bodyId === d.issuer_body_id) throw DirectionErrors.not_in_round();
      if (node.ack_at) throw DirectionErrors.already_acknowledged();
      await rounds.updateNode(trx, d.round_id, input.bodyId, { ack_at: new Date(), ack_by: actor.personId });
      if (node.addressed) {
        const issuer = (await rounds.findBody(trx, d.issuer_body_id))!;
        const chain = await chainOf(trx, d.round_id, node, issuer.depth);
        await rounds.applyProgress(
          trx,
          d.round_id,
          progressDeltas(input.bodyId, chain, NO_PROGRESS, { ...NO_PROGRESS, acknowledged: true }),
        );
      }
      await rounds.writeOutbox(trx, {
        organisationId: actor.organisationId,
        roundId: d.round_id,
        bodies: [input.bodyId],
      });
    });
    return this.get(actor, id, input.bodyId);
  }

  /** Level by level: a node's children, who has acknowledged and how many addressees below each have. */
  async acknowledgements(actor: Actor, roundId: string, bodyId: string): Promise<AckList> {
    const node = await rounds.findNode(this.db, roundId, bodyId);
    if (!node) throw DirectionErrors.not_in_round();
    assertCanSeeNode(actor, { bodyId, frozenPath: node.path, currentPath: node.current_path });
    const rows = await repo.acknowledgements(this.db, roundId, bodyId);
    return {
      items: rows.map((r) => ({
        bodyId: r.body_id,
        bodyName: r.name,
        bodyNameRu: r.name_ru,
        relay: r.relay,
        ackAt: r.ack_at ? iso(r.ack_at) : null,
        expected: r.expected,
        acknowledged: r.acknowledged,
      })),
    };
  }

  /** A node's target for an indicator: set explicitly by its parent's split, or by the directive's rule. */
  async targetsOf(
    ex: Executor,
    roundId: string,
    directiveId: string,
    bodyIds: string[],
  ): Promise<Map<string, Map<string, number>>> {
    const rules = await repo.targetRules(ex, directiveId);
    const out = new Map<string, Map<string, number>>();
    if (rules.length === 0) return out;
    const progress = await rounds.progressOf(ex, roundId, bodyIds);
    const explicit = await rounds.explicitTargets(ex, roundId, bodyIds);
    for (const id of bodyIds) {
      const p = progress.find((x) => x.body_id === id);
      const m = new Map<string, number>();
      for (const r of rules)
        m.set(r.indicator_id, ruleTarget(r.mode, r.value, { addressees: p?.expected ?? 0, members: p?.members ?? 0 }));
      for (const e of explicit.filter((x) => x.body_id === id)) m.set(e.indicator_id, e.value);
      out.set(id, m);
    }
    return out;
  }

  /** A relay splits its target among its frozen children; their targets must add up to its own (ADR 0027 §3). */
  async splitTargets(actor: Actor, roundId: string, input: SplitTargetsInput): Promise<SplitResult> {
    assertOfficeIn(actor, input.bodyId);
    return this.db.transaction().execute(async (trx) => {
      const d = await repo.directiveOfRound(trx, roundId);
      if (!d || d.organisation_id !== actor.organisationId) throw DirectionErrors.round_not_found();
      const node = await rounds.lockNode(trx, roundId, input.bodyId);
      if (!node) throw DirectionErrors.not_in_round();
      if (!node.relay) throw DirectionErrors.not_a_relay();
      const children = await rounds.childrenOf(trx, roundId, input.bodyId, 100_000);
      const childIds = new Set(children.map((c) => c.body_id));
      for (const c of input.children)
        if (!childIds.has(c.bodyId)) throw DirectionErrors.not_a_child({ bodyId: c.bodyId });
      const all = [input.bodyId, ...children.map((c) => c.body_id)];
      const targets = await this.targetsOf(trx, roundId, d.id, all);
      const own = targets.get(input.bodyId)?.get(input.indicatorId);
      if (own === undefined) throw DirectionErrors.target_not_set({ indicatorId: input.indicatorId });
      const given = new Map(input.children.map((c) => [c.bodyId, c.value]));
      const childTargets = children.map(
        (c) => given.get(c.body_id) ?? targets.get(c.body_id)?.get(input.indicatorId) ?? 0,
      );
      const check = splitHolds(own, childTargets, d.split_mode);
      if (!check.ok)
        throw DirectionErrors.target_split_mismatch({ own: check.own, children: check.children, mode: d.split_mode });
      await rounds.upsertTargets(
        trx,
        input.children.map((c) => ({
          round_id: roundId,
          body_id: c.bodyId,
          indicator_id: input.indicatorId,
          value: c.value,
          set_by_body_id: input.bodyId,
        })),
      );
      await rounds.writeOutbox(trx, { organisationId: actor.organisationId, roundId, bodies: [input.bodyId] });
      return { own: check.own, children: check.children, mode: d.split_mode };
    });
  }

  /**
   * Opens (freezes) the round of a schedule's period containing `date` — a past period too, for a report asked
   * late or a history loaded — and returns it; a period already opened is returned as it is. `actor` null: the
   * system (the ticker, the demo).
   */
  async openPeriod(
    actor: Actor | null,
    scheduleId: string,
    date: string,
  ): Promise<{ roundId: string; created: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const opened = await this.openPeriodInTx(trx, actor, scheduleId, date);
      if (!opened) throw DirectionErrors.no_addressees();
      return opened;
    });
  }

  /** As openPeriod, in the caller's transaction (the ticker's, under its lock); null when nobody is to report. */
  async openPeriodInTx(
    trx: Executor,
    actor: Actor | null,
    scheduleId: string,
    date: string,
  ): Promise<{ roundId: string; created: boolean } | null> {
    const sched = await defs.findSchedule(trx, scheduleId);
    if (!sched || (actor && sched.organisation_id !== actor.organisationId)) throw DirectionErrors.schedule_not_found();
    if (actor) assertOfficeIn(actor, sched.issuer_body_id);
    const { timeZone } = await this.statute.rules(sched.organisation_id, undefined, trx);
    const p = periodOf(sched.frequency, date, timeZone, sched.due_days, sched.expiry_days);
    // a period overlapping the schedule's first or last day belongs to it
    if (p.end < sched.starts_on || (sched.ends_on && p.start > sched.ends_on))
      throw DirectionErrors.schedule_not_found();
    const existing = await rounds.roundOfSchedule(trx, scheduleId, p.start);
    if (existing) return { roundId: existing.id, created: false };
    const issuer = await rounds.findBody(trx, sched.issuer_body_id);
    if (!issuer || issuer.status !== 'active') throw DirectionErrors.body_not_active();
    await this.definitions.useForm(trx, sched.organisation_id, sched.form_id);
    const roundId = uuidv7();
    await rounds.insertRound(trx, {
      id: roundId,
      organisation_id: sched.organisation_id,
      issuer_body_id: issuer.id,
      directive_id: null,
      schedule_id: scheduleId,
      form_id: sched.form_id,
      period_start: p.start,
      period_end: p.end,
      due_at: p.dueAt,
      expires_at: p.expiresAt,
    });
    await widenStatementTimeout(trx, FREEZE_TIMEOUT_MS);
    const n = await rounds.freeze(
      trx,
      { roundId, issuerId: issuer.id, issuerPath: issuer.path, issuerDepth: issuer.depth, dueAt: p.dueAt },
      { kind: 'kinds', kinds: sched.body_kinds as never },
    );
    if (n === 0) {
      // nobody of the schedule's kinds below the issuer now: no round (the ticker tries again next period)
      await rounds.deleteEmptyRound(trx, roundId);
      return null;
    }
    await rounds.writeOutbox(trx, { organisationId: sched.organisation_id, roundId, bodies: [issuer.id] });
    return { roundId, created: true };
  }

  /** A body's inbox: the directives and reports it is bound by, or relays. */
  async inbox(actor: Actor, bodyId: string): Promise<Inbox> {
    const body = await rounds.findBody(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
    assertCanSeeNode(actor, { bodyId, frozenPath: body.path, currentPath: body.path });
    const rows = await rounds.inboxOf(this.db, bodyId);
    return {
      items: rows.map((r) => ({
        roundId: r.round_id,
        directiveId: r.directive_id,
        scheduleId: r.schedule_id,
        title: r.title ?? r.form_name ?? '',
        titleRu: r.title_ru ?? r.form_name_ru ?? '',
        issuerName: r.issuer_name,
        issuerNameRu: r.issuer_name_ru,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        dueAt: iso(r.due_at),
        expiresAt: iso(r.expires_at),
        addressed: r.addressed,
        relay: r.relay,
        hasForm: r.has_form,
        state: r.state as Inbox['items'][number]['state'],
        ackAt: r.ack_at ? iso(r.ack_at) : null,
        campaignId: r.campaign_id,
        can: {
          // as acknowledge checks: an office in the body, a directive, not the issuer's own, not yet acknowledged
          acknowledge:
            holdsOfficeIn(actor, bodyId) && r.directive_id !== null && r.issuer_body_id !== bodyId && r.ack_at === null,
        },
      })),
      can: {
        issue:
          holdsOfficeIn(actor, bodyId) &&
          body.status === 'active' &&
          (await rounds.hasAddressableBelow(this.db, bodyId, body.path)),
      },
    };
  }
}
