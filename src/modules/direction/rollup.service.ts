// Roll-ups and completeness for any body of a round (ADR 0027 §6): read from the stored rows of the node and its
// frozen children — tens of rows whatever the size of the subtree — each figure opening into the children that
// make it up, down to one organisation's raw report. A body's own report apart from its descendants'; a
// committee's summary compared with them, never counted.
import type { Database } from '../../platform/db/client.js';
import { liftTimeouts } from '../../platform/db/busy.js';
import type { Actor } from '../../platform/actor.js';
import type { Aggregation, Completeness, IndicatorFigure, ReportForm, RollupNode } from '../../contracts/direction.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode, canSeeNode, holdsOfficeIn } from './direction.policy.js';
import { SERIES_MAX, type Series, type SeriesQuery } from '../../contracts/direction-insight.js';
import type { DirectionDefinitionsService } from './definitions.service.js';
import type { DirectiveService } from './directive.service.js';
import { ruleOutcomes } from './report.service.js';
import { finalise } from './rules/aggregate.js';
import { targetMet } from './rules/targets.js';
import * as rounds from './round.repository.js';
import * as directives from './directive.repository.js';
import * as defs from './definitions.repository.js';
import * as campaigns from './campaign.repository.js';

export function completeness(p: rounds.ProgressSum | undefined): Completeness {
  const reported = p?.reported ?? 0;
  const onTime = p?.on_time ?? 0;
  return {
    expected: p?.expected ?? 0,
    members: p?.members ?? 0,
    submitted: p?.submitted ?? 0,
    reported,
    onTime,
    late: reported - onTime,
    returned: p?.returned ?? 0,
    approved: p?.approved ?? 0,
    excused: p?.excused ?? 0,
    acknowledged: p?.acknowledged ?? 0,
  };
}

/**
 * One indicator's figure at a node from its stored roll-up row: own apart from descendants, the total finalised by
 * the indicator's aggregation, the target and whether it is met, the committee's summary beside the raw reports.
 * Shared by the roll-up and the series over periods.
 */
export function figureOf(
  item: { id: string; code: string; aggregation: Aggregation },
  f: rounds.RollupSum | undefined,
  target: number | null,
  sense: 'at_least' | 'at_most',
  d: { summary: number | null; flagged: boolean } | undefined,
): IndicatorFigure {
  const own = { n: f?.own_n ?? 0, sum: f?.own_sum ?? 0, min: f?.own_min ?? null, max: f?.own_max ?? null };
  const desc = { n: f?.desc_n ?? 0, sum: f?.desc_sum ?? 0, min: f?.desc_min ?? null, max: f?.desc_max ?? null };
  const all = {
    n: own.n + desc.n,
    sum: own.sum + desc.sum,
    min: own.min === null ? desc.min : desc.min === null ? own.min : Math.min(own.min, desc.min),
    max: own.max === null ? desc.max : desc.max === null ? own.max : Math.max(own.max, desc.max),
  };
  const total = finalise(item.aggregation, all);
  return {
    indicatorId: item.id,
    code: item.code,
    own: finalise(item.aggregation, own),
    descendants: finalise(item.aggregation, desc),
    total,
    reports: all.n,
    target,
    met: target === null ? null : targetMet(sense, target, total),
    summary: d?.summary ?? null,
    discrepant: d?.flagged ?? false,
  };
}

export class RollupService {
  constructor(
    private readonly db: Database,
    private readonly definitions: DirectionDefinitionsService,
    private readonly directives: DirectiveService,
  ) {}

  async node(actor: Actor, roundId: string, bodyId: string): Promise<RollupNode> {
    const round = await rounds.findRound(this.db, roundId);
    if (!round || round.organisation_id !== actor.organisationId) throw DirectionErrors.round_not_found();
    const node = await rounds.findNode(this.db, roundId, bodyId);
    if (!node) throw DirectionErrors.not_in_round();
    assertCanSeeNode(actor, { bodyId, frozenPath: node.path, currentPath: node.current_path });
    const form: ReportForm | null = round.form_id
      ? await this.definitions.form(this.db, round.organisation_id, round.form_id)
      : null;
    const children = await rounds.childrenOf(this.db, roundId, bodyId);
    const ids = [bodyId, ...children.map((c) => c.body_id)];
    const [progress, figures, discrepancies, title, parent] = await Promise.all([
      rounds.progressOf(this.db, roundId, ids),
      rounds.rollupsOf(this.db, roundId, ids),
      rounds.discrepanciesOf(this.db, roundId, ids),
      rounds.titleOf(this.db, round),
      node.parent_id ? rounds.findNode(this.db, roundId, node.parent_id) : Promise.resolve(null),
    ]);
    const targets = round.directive_id
      ? await this.directives.targetsOf(this.db, roundId, round.directive_id, ids)
      : new Map<string, Map<string, number>>();
    const rules = round.directive_id ? await directives.targetRules(this.db, round.directive_id) : [];
    const sense = new Map(rules.map((r) => [r.indicator_id, r.sense]));
    const campaign = round.directive_id ? await campaigns.campaignOfRound(this.db, roundId) : null;
    const now = new Date();
    const open = !(now > round.expires_at && !(node.open_until && now <= node.open_until));

    const figuresOf = (id: string): IndicatorFigure[] =>
      (form?.items ?? []).map((i) =>
        figureOf(
          i,
          figures.find((x) => x.body_id === id && x.indicator_id === i.id),
          targets.get(id)?.get(i.id) ?? null,
          sense.get(i.id) ?? 'at_least',
          discrepancies.find((x) => x.body_id === id && x.indicator_id === i.id),
        ),
      );

    const mine = figuresOf(bodyId);
    const totals = new Map(mine.map((f) => [f.code, f.total]));
    return {
      roundId,
      scheduleId: round.schedule_id,
      title: title.title,
      titleRu: title.titleRu,
      periodStart: round.period_start,
      periodEnd: round.period_end,
      dueAt: node.due_at.toISOString(),
      body: {
        id: bodyId,
        name: node.name,
        nameRu: node.name_ru,
        parentId: node.parent_id,
        addressed: node.addressed,
        relay: node.relay,
        state: node.state,
        accepted: node.accepted_at !== null,
      },
      indicators: (form?.items ?? []).map(({ required: _r, ...i }) => i),
      completeness: completeness(progress.find((p) => p.body_id === bodyId)),
      figures: mine,
      rules: form ? ruleOutcomes(form, (code) => totals.get(code) ?? null) : [],
      children: children.map((c) => ({
        bodyId: c.body_id,
        bodyName: c.name,
        bodyNameRu: c.name_ru,
        closed: c.closed,
        addressed: c.addressed,
        relay: c.relay,
        state: c.state,
        version: c.version,
        onTime: c.on_time,
        excused: c.excused_at !== null,
        accepted: c.accepted_at !== null,
        completeness: completeness(progress.find((p) => p.body_id === c.body_id)),
        figures: figuresOf(c.body_id),
      })),
      campaignId: campaign?.id ?? null,
      can: {
        // a committee's own summary: saveSummary's checks (a relay, the form asks for one, an office in it, open)
        summary: node.relay && !!form?.committeeSummary && holdsOfficeIn(actor, bodyId) && open,
        accept: node.relay && node.accepted_at === null && holdsOfficeIn(actor, node.parent_id) && !parent?.accepted_at,
        reopenLevel: node.accepted_at !== null && holdsOfficeIn(actor, node.parent_id) && !parent?.accepted_at,
        // approve (or return) a child's report: an office in its frozen parent, the level not accepted (decide's checks)
        approve: holdsOfficeIn(actor, bodyId) && node.accepted_at === null,
      },
    };
  }

  /**
   * A schedule's opened periods at one body, oldest first: completeness and each indicator's total, finalised as in
   * the roll-up (figureOf). Periods where the reader may not see the node (nor the body now) are left out; none
   * visible at all is a refusal, as for the roll-up.
   */
  async series(actor: Actor, scheduleId: string, q: SeriesQuery): Promise<Series> {
    const sched = await defs.findSchedule(this.db, scheduleId);
    if (!sched || sched.organisation_id !== actor.organisationId) throw DirectionErrors.schedule_not_found();
    const body = await rounds.findBody(this.db, q.bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
    const form = await this.definitions.form(this.db, sched.organisation_id, sched.form_id);
    const periods = await rounds.roundsOfSchedule(this.db, scheduleId, q.from ?? null, q.to ?? null, SERIES_MAX);
    const nodes = await Promise.all(periods.map((r) => rounds.findNode(this.db, r.id, q.bodyId)));
    const visible = periods.flatMap((round, i) => {
      const node = nodes[i];
      return node && canSeeNode(actor, { bodyId: q.bodyId, frozenPath: node.path, currentPath: node.current_path })
        ? [{ round, node }]
        : [];
    });
    if (visible.length === 0)
      assertCanSeeNode(actor, { bodyId: q.bodyId, frozenPath: body.path, currentPath: body.path });
    const points = await Promise.all(
      visible.map(async ({ round, node }) => {
        const [progress, figures] = await Promise.all([
          rounds.progressOf(this.db, round.id, [q.bodyId]),
          rounds.rollupsOf(this.db, round.id, [q.bodyId]),
        ]);
        return {
          roundId: round.id,
          periodStart: round.period_start,
          periodEnd: round.period_end,
          dueAt: node.due_at.toISOString(),
          completeness: completeness(progress[0]),
          figures: (form?.items ?? []).map((i) => {
            const f = figureOf(
              i,
              figures.find((x) => x.indicator_id === i.id),
              null,
              'at_least',
              undefined,
            );
            return { indicatorId: i.id, code: i.code, total: f.total, reports: f.reports };
          }),
        };
      }),
    );
    return {
      scheduleId,
      bodyId: q.bodyId,
      indicators: (form?.items ?? []).map(({ required: _r, ...i }) => i),
      points,
    };
  }

  /** Rebuilds a round's stored figures from its versions and states (after a bulk load; the tests' check). */
  async recompute(roundId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const round = await rounds.findRound(trx, roundId);
      if (!round) throw DirectionErrors.round_not_found();
      // a whole round (100,000 reports: ~30 s on PostgreSQL) may take longer than a request's statement limit
      await liftTimeouts(trx);
      const issuer = (await rounds.findNode(trx, roundId, round.issuer_body_id))!;
      await rounds.recomputeRound(trx, roundId, issuer.depth);
      await campaigns.recomputeCampaignProgress(trx, roundId, issuer.depth);
    });
  }

  /** A round's stored figures: roll-ups, completeness and its campaign's meeting counts. */
  async stored(roundId: string): Promise<{ rollup: unknown[]; progress: unknown[]; campaign: unknown[] }> {
    return {
      ...(await rounds.storedFigures(this.db, roundId)),
      campaign: await campaigns.storedCampaignProgress(this.db, roundId),
    };
  }
}
