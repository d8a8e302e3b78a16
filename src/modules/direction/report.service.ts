// Reports up the tree (ADR 0027 §4–6): a body saves and submits its report (every version kept), its frozen parent
// returns, approves, reopens or excuses it, the level's parent accepts a whole level. Every act takes the same
// locks — the parent relay FOR SHARE (refused once accepted), then the node FOR UPDATE, then the version the
// client saw — and writes the roll-ups and completeness of the node and its frozen ancestors in its transaction.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, CommonErrors } from '../../platform/errors.js';
import type {
  ApproveManyInput,
  ApproveManyResult,
  ReasonInput,
  Report,
  ReportForm,
  ReportValues,
  RuleOutcome,
  SaveReportInput,
  VersionInput,
} from '../../contracts/direction.js';
import { evaluate } from '../../contracts/direction-expr.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode, assertOfficeIn, canSeeNode, holdsOfficeIn } from './direction.policy.js';
import type { DirectionDefinitionsService } from './definitions.service.js';
import { chainOf } from './directive.service.js';
import { progressDeltas, rollupDeltas, type ProgressState } from './rules/deltas.js';
import { hashesIn } from './rules/stripes.js';
import { counted, nextState, reportCan, type ReportAct, type ReportState } from './rules/report-machine.js';
import { parseValue, ruleLookup } from './rules/value.js';
import { outlier } from './rules/outlier.js';
import type { MeetingService } from '../assembly/meeting.service.js';
import type { StatuteSource } from '../statute/statute.service.js';
import { toCampaignMeeting } from './campaign.mapper.js';
import * as campaigns from './campaign.repository.js';
import * as rounds from './round.repository.js';

/** What reports read of assembly's meetings: the outcome of the meeting a report gives as its protocol. */
export type MeetingOutcomes = Pick<MeetingService, 'outcomeOf'>;
/** Past rounds of a schedule an outlier is judged against. */
const OUTLIER_HISTORY = 12;
const NUMERIC = new Set(['number', 'integer', 'percentage']);

const DAY = 86_400_000;
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

type StoredValues = Record<string, number | string | null>;

function progressOf(n: {
  state: ReportState;
  first_submitted_at: Date | null;
  on_time: boolean | null;
  excused_at: Date | null;
  ack_at: Date | null;
}): ProgressState {
  return {
    counted: counted(n.state),
    reported: n.first_submitted_at !== null,
    onTime: n.on_time === true,
    returned: n.state === 'returned',
    approved: n.state === 'approved',
    // disjoint from approved, so that approved + excused counts what a level needs
    excused: n.excused_at !== null && n.state !== 'approved',
    acknowledged: n.ack_at !== null,
  };
}

/** The value of an indicator for the rules: numbers as they are, a text as 0 when given. */
function lookupOf(form: ReportForm, values: StoredValues): (code: string) => number | null {
  return ruleLookup(form.items, values);
}

export function ruleOutcomes(form: ReportForm, lookup: (code: string) => number | null): RuleOutcome[] {
  return form.rules.map((r) => ({
    ruleId: r.id,
    name: r.name,
    nameRu: r.nameRu,
    importance: r.importance,
    blocking: r.blocking,
    outcome: evaluate(r.expr, lookup),
  }));
}

interface Ctx {
  round: rounds.RoundRow;
  node: rounds.NodeRow;
  issuerDepth: number;
}

export class ReportService {
  constructor(
    private readonly db: Database,
    private readonly definitions: DirectionDefinitionsService,
    private readonly statute: StatuteSource,
    private readonly meetings: MeetingOutcomes | null = null,
  ) {}

  /**
   * A report on a form that requires the protocol gives the meeting that discussed the directive and the item that
   * took it up: the body's own meeting, closed, its protocol approved or sealed, the item taken up (ADR 0027 §8).
   */
  private async checkProtocol(ex: Executor, c: Ctx, input: SaveReportInput): Promise<void> {
    const refuse = (reason: string) => DirectionErrors.report_protocol_required({ reason });
    if (!input.meetingId || !input.agendaItemId) throw refuse('missing');
    const o = this.meetings ? await this.meetings.outcomeOf(ex, input.meetingId) : null;
    if (!o || o.organisationId !== c.round.organisation_id || o.bodyId !== c.node.body_id) throw refuse('not_own');
    if (o.status !== 'closed') throw refuse('not_closed');
    if (o.protocolStatus !== 'approved' && o.protocolStatus !== 'sealed') throw refuse('protocol_not_approved');
    if (!o.takenUp.includes(input.agendaItemId)) throw refuse('item_not_taken_up');
  }

  /** Flags each numeric value far from the body's own history in its schedule's past rounds (never blocking). */
  private async flagOutliers(
    ex: Executor,
    c: Ctx,
    form: ReportForm,
    values: StoredValues,
    versionId: string,
  ): Promise<void> {
    if (!c.round.schedule_id) return;
    const history = (
      await rounds.historyOf(ex, c.node.body_id, c.round.schedule_id, c.round.period_start, OUTLIER_HISTORY)
    ).map((v) => parseJson<StoredValues>(v));
    if (history.length === 0) return;
    for (const i of form.items.filter((x) => NUMERIC.has(x.valueType))) {
      const value = values[i.code];
      if (typeof value !== 'number') continue;
      const past = history.map((h) => h[i.code]).filter((x): x is number => typeof x === 'number');
      const o = outlier(value, past);
      if (!o.flagged) continue;
      await rounds.insertFlag(ex, {
        id: uuidv7(),
        round_id: c.round.id,
        body_id: c.node.body_id,
        version_id: versionId,
        kind: 'outlier',
        rule_id: null,
        indicator_id: i.id,
        importance: 'medium',
        detail: JSON.stringify({ code: i.code, name: i.name, nameRu: i.nameRu, value, score: o.score, past }),
      });
    }
  }

  private async formOf(ex: Executor, round: rounds.RoundRow): Promise<ReportForm | null> {
    return round.form_id ? this.definitions.form(ex, round.organisation_id, round.form_id) : null;
  }

  /** The locking rule of every act (ADR 0027 §5). `parentOf`: lock the node's parent (acts on a report), or its
   * own parent's (acts on a level). */
  private async lock(trx: Executor, actor: Actor, roundId: string, bodyId: string): Promise<Ctx> {
    const round = await rounds.findRound(trx, roundId);
    if (!round || round.organisation_id !== actor.organisationId) throw DirectionErrors.round_not_found();
    const peek = await rounds.findNode(trx, roundId, bodyId);
    if (!peek) throw DirectionErrors.not_in_round();
    if (peek.parent_id) {
      const parent = await rounds.lockParentShare(trx, roundId, peek.parent_id);
      if (parent?.accepted_at) throw DirectionErrors.level_accepted();
    }
    const node = (await rounds.lockNode(trx, roundId, bodyId))!;
    const issuer = (await rounds.findNode(trx, roundId, round.issuer_body_id))!;
    return { round, node, issuerDepth: issuer.depth };
  }

  private checkVersion(node: rounds.NodeRow, version: number): void {
    if (node.version !== version) throw DirectionErrors.report_changed({ version: node.version });
  }

  private checkOpen(round: rounds.RoundRow, node: rounds.NodeRow, now: Date): void {
    if (now > round.expires_at && !(node.open_until && now <= node.open_until))
      throw DirectionErrors.round_expired({ expiresAt: iso(round.expires_at) });
  }

  private parseValues(form: ReportForm, values: ReportValues): StoredValues {
    const out: StoredValues = {};
    const problems: { code: string; reason: string }[] = [];
    const known = new Set(form.items.map((i) => i.code));
    for (const code of Object.keys(values)) if (!known.has(code)) problems.push({ code, reason: 'not_on_form' });
    for (const i of form.items) {
      const p = parseValue(i, values[i.code]);
      if (!p.ok) problems.push({ code: i.code, reason: p.reason });
      else out[i.code] = p.value;
    }
    if (problems.length > 0) throw DirectionErrors.report_value_invalid({ problems });
    return out;
  }

  /** Writes the figures an act changes: roll-ups of the counted values and completeness, node and ancestors. */
  private async writeFigures(
    trx: Executor,
    c: Ctx,
    form: ReportForm | null,
    before: { progress: ProgressState; values: StoredValues | null },
    after: { progress: ProgressState; values: StoredValues | null },
  ): Promise<string[]> {
    const chain = await chainOf(trx, c.round.id, c.node, c.issuerDepth);
    if (form && before.values !== after.values) {
      const inds = form.items.map((i) => ({ id: i.id, code: i.code, numeric: i.valueType !== 'text' }));
      const { rows, retracted } = rollupDeltas(c.node.body_id, chain, inds, before.values, after.values);
      await rounds.applyRollup(trx, c.round.id, rows);
      const extremes = retracted.filter((r) =>
        form.items.some((i) => i.id === r.indicatorId && (i.aggregation === 'min' || i.aggregation === 'max')),
      );
      // bottom up: an unstriped ancestor's stripe from its children's rows, already corrected below it; a striped
      // one's from the own reports hashed into it (every stored stripe that falls in it at the ancestor's depth)
      if (extremes.length > 0)
        for (const link of chain)
          await rounds.refreshExtremes(trx, c.round.id, link, hashesIn(link.stripe, link.depth), extremes);
    }
    if (c.node.addressed)
      await rounds.applyProgress(
        trx,
        c.round.id,
        progressDeltas(c.node.body_id, chain, before.progress, after.progress),
      );
    const bodies = [c.node.body_id, ...chain.map((l) => l.bodyId)];
    if (form && before.values !== after.values)
      await rounds.refreshDiscrepancies(
        trx,
        c.round.id,
        chain.map((l) => l.bodyId),
      );
    await rounds.writeOutbox(trx, { organisationId: c.round.organisation_id, roundId: c.round.id, bodies });
    return bodies;
  }

  private async act(
    trx: Executor,
    actor: Actor,
    c: Ctx,
    act: string,
    versionId: string | null,
    reason: string | null = null,
  ): Promise<void> {
    await rounds.insertAct(trx, {
      id: uuidv7(),
      round_id: c.round.id,
      body_id: c.node.body_id,
      act,
      version_id: versionId,
      reason,
      by_person: actor.personId,
    });
  }

  /** Save (a draft) or submit: a new version each time; submitted versions never change. */
  async save(actor: Actor, roundId: string, bodyId: string, input: SaveReportInput, submit: boolean): Promise<Report> {
    assertOfficeIn(actor, bodyId);
    await this.db.transaction().execute(async (trx) => {
      const c = await this.lock(trx, actor, roundId, bodyId);
      const form = await this.formOf(trx, c.round);
      if (!form) throw DirectionErrors.no_form();
      const now = new Date();
      this.checkOpen(c.round, c.node, now);
      const values = this.parseValues(form, input.values);
      if (input.scope === 'summary') return this.saveSummary(trx, actor, c, form, input, values, submit);
      if (!c.node.addressed) throw DirectionErrors.not_in_round();
      this.checkVersion(c.node, input.version);
      const to = nextState(c.node.state, submit ? 'submit' : 'save');
      if (!to) throw c.node.state === 'approved' ? DirectionErrors.report_locked() : DirectionErrors.already_decided();
      const outcomes = ruleOutcomes(form, lookupOf(form, values));
      if (submit) {
        const missing = form.items.filter(
          (i) => i.required && (values[i.code] === null || values[i.code] === undefined),
        );
        if (missing.length > 0) throw DirectionErrors.report_required_missing({ codes: missing.map((m) => m.code) });
        const broken = outcomes.filter((o) => o.blocking && o.outcome === 'fail');
        if (broken.length > 0) throw DirectionErrors.report_invalid({ rules: broken.map((b) => b.ruleId) });
        if (form.requiresProtocol) await this.checkProtocol(trx, c, input);
      }
      const versionId = uuidv7();
      await rounds.insertVersion(trx, {
        id: versionId,
        round_id: roundId,
        body_id: bodyId,
        n: c.node.version + 1,
        scope: 'own',
        vals: JSON.stringify(values),
        text: input.text,
        meeting_id: input.meetingId,
        agenda_item_id: input.agendaItemId,
        saved_by: actor.personId,
        submitted_at: submit ? now : null,
      });
      const firstSubmission = submit && c.node.first_submitted_at === null;
      await rounds.updateNode(trx, roundId, bodyId, {
        state: to,
        version: c.node.version + 1,
        current_version_id: versionId,
        ...(submit ? { counted_version_id: versionId } : {}),
        ...(firstSubmission ? { first_submitted_at: now, on_time: now <= c.node.due_at } : {}),
      });
      if (submit) {
        const before = await this.countedValues(trx, c.node);
        const after = {
          ...c.node,
          state: to,
          first_submitted_at: c.node.first_submitted_at ?? now,
          on_time: c.node.on_time ?? now <= c.node.due_at,
        };
        await this.writeFigures(
          trx,
          c,
          form,
          { progress: progressOf(c.node), values: before },
          { progress: progressOf(after), values },
        );
        for (const o of outcomes.filter((x) => !x.blocking && x.outcome === 'fail'))
          await rounds.insertFlag(trx, {
            id: uuidv7(),
            round_id: roundId,
            body_id: bodyId,
            version_id: versionId,
            kind: 'rule',
            rule_id: o.ruleId,
            indicator_id: null,
            importance: o.importance,
            detail: JSON.stringify({ name: o.name, nameRu: o.nameRu }),
          });
        await this.flagOutliers(trx, c, form, values, versionId);
      }
      await this.act(trx, actor, c, submit ? 'submitted' : 'saved', versionId);
    });
    return this.get(actor, roundId, bodyId);
  }

  /** A committee's own summary of its subtree: kept apart from the roll-ups and compared with them. */
  private async saveSummary(
    trx: Executor,
    actor: Actor,
    c: Ctx,
    form: ReportForm,
    input: SaveReportInput,
    values: StoredValues,
    submit: boolean,
  ): Promise<void> {
    if (!c.node.relay || !form.committeeSummary) throw DirectionErrors.summary_not_allowed();
    const n = await rounds.nextSummaryN(trx, c.round.id, c.node.body_id);
    const versionId = uuidv7();
    await rounds.insertVersion(trx, {
      id: versionId,
      round_id: c.round.id,
      body_id: c.node.body_id,
      n,
      scope: 'summary',
      vals: JSON.stringify(values),
      text: input.text,
      meeting_id: null,
      agenda_item_id: null,
      saved_by: actor.personId,
      submitted_at: submit ? new Date() : null,
    });
    if (submit) {
      const numeric = form.items.filter((i) => i.valueType !== 'text' && i.aggregation !== 'none');
      await rounds.setSummary(
        trx,
        c.round.id,
        c.node.body_id,
        numeric
          .filter((i) => typeof values[i.code] === 'number')
          .map((i) => ({ indicator_id: i.id, summary: values[i.code] as number })),
      );
      await rounds.refreshDiscrepancies(trx, c.round.id, [c.node.body_id]);
      await rounds.writeOutbox(trx, {
        organisationId: c.round.organisation_id,
        roundId: c.round.id,
        bodies: [c.node.body_id],
      });
    }
    await this.act(trx, actor, c, submit ? 'summary_submitted' : 'summary_saved', versionId);
  }

  private async countedValues(ex: Executor, node: rounds.NodeRow): Promise<StoredValues | null> {
    if (!node.counted_version_id) return null;
    const v = await rounds.findVersion(ex, node.counted_version_id);
    return v ? parseJson<StoredValues>(v.vals) : null;
  }

  /** A decision on a report by its frozen parent: return, approve, reopen, excuse. */
  async decide(
    actor: Actor,
    roundId: string,
    bodyId: string,
    act: Exclude<ReportAct, 'save' | 'submit'>,
    input: VersionInput | ReasonInput,
  ): Promise<Report> {
    await this.db.transaction().execute((trx) => this.decideInTx(trx, actor, roundId, bodyId, act, input));
    return this.get(actor, roundId, bodyId);
  }

  private async decideInTx(
    trx: Executor,
    actor: Actor,
    roundId: string,
    bodyId: string,
    act: Exclude<ReportAct, 'save' | 'submit'>,
    input: VersionInput | ReasonInput,
  ): Promise<void> {
    const c = await this.lock(trx, actor, roundId, bodyId);
    if (!holdsOfficeIn(actor, c.node.parent_id)) throw CommonErrors.forbidden_scope();
    if (!c.node.addressed) throw DirectionErrors.not_in_round();
    this.checkVersion(c.node, input.version);
    const reason = 'reason' in input ? input.reason : null;
    if ((act === 'return' || act === 'reopen' || act === 'excuse') && !reason) throw DirectionErrors.reason_required();
    if (act === 'excuse' && c.node.excused_at) throw DirectionErrors.already_excused();
    if (!reportCan(c.node.state, act)) {
      if (c.node.state === 'none' || c.node.state === 'draft' || (c.node.state === 'returned' && act !== 'excuse'))
        throw DirectionErrors.report_not_submitted();
      throw DirectionErrors.already_decided({ state: c.node.state });
    }
    const to = nextState(c.node.state, act)!;
    const now = new Date();
    const form = await this.formOf(trx, c.round);
    const set: Parameters<typeof rounds.updateNode>[3] = { state: to, version: c.node.version + 1 };
    let before: StoredValues | null = null;
    const after: StoredValues | null = null;
    // how long a returned or reopened report stays open: the statute of the round's organisation (direction.reopenDays)
    const reopenDays =
      act === 'return' || act === 'reopen'
        ? (await this.statute.rules(c.round.organisation_id, undefined, trx)).direction.reopenDays
        : 0;
    if (act === 'return') {
      before = await this.countedValues(trx, c.node);
      set.counted_version_id = null;
      set.open_until = new Date(Math.max(c.round.expires_at.getTime(), now.getTime()) + reopenDays * DAY);
    }
    if (act === 'reopen') set.open_until = new Date(now.getTime() + reopenDays * DAY);
    if (act === 'excuse') set.excused_at = now;
    await rounds.updateNode(trx, roundId, bodyId, set);
    const next = { ...c.node, state: to, excused_at: act === 'excuse' ? now : c.node.excused_at };
    await this.writeFigures(
      trx,
      c,
      form,
      { progress: progressOf(c.node), values: before },
      { progress: progressOf(next), values: after },
    );
    await this.act(
      trx,
      actor,
      c,
      { return: 'returned', approve: 'approved', reopen: 'reopened', excuse: 'excused' }[act],
      null,
      reason,
    );
  }

  /** Approving many reports at once (a worklist): each still submitted at the version given is approved. */
  async approveMany(actor: Actor, roundId: string, input: ApproveManyInput): Promise<ApproveManyResult> {
    const items = [...input.items].sort((a, b) => (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0));
    const approved: string[] = [];
    const refused: { bodyId: string; code: string }[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const i of items) {
        try {
          // every check precedes every write of an item, so a refused item writes nothing
          await this.decideInTx(trx, actor, roundId, i.bodyId, 'approve', { version: i.version });
          approved.push(i.bodyId);
        } catch (e) {
          if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
          refused.push({ bodyId: i.bodyId, code: e.code });
        }
      }
    });
    // nothing approved and every item outside the reader's offices: a refusal, not a list of them
    if (approved.length === 0 && refused.every((r) => r.code === 'forbidden_scope'))
      throw CommonErrors.forbidden_scope();
    return { approved, refused };
  }

  /** The level's parent accepts a relay's whole level once every report below is approved or excused. */
  async accept(actor: Actor, roundId: string, bodyId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const c = await this.lock(trx, actor, roundId, bodyId);
      if (!holdsOfficeIn(actor, c.node.parent_id)) throw CommonErrors.forbidden_scope();
      if (!c.node.relay) throw DirectionErrors.not_a_relay();
      if (c.node.accepted_at) throw DirectionErrors.already_decided();
      const p = (await rounds.progressOf(trx, roundId, [bodyId]))[0];
      const self = progressOf(c.node);
      const pending =
        (p?.expected ?? 0) -
        (p?.approved ?? 0) -
        (p?.excused ?? 0) -
        (c.node.addressed ? 1 - (self.approved ? 1 : 0) - (self.excused ? 1 : 0) : 0);
      const open = (await rounds.childrenOf(trx, roundId, bodyId, 100_000)).filter((x) => x.relay && !x.accepted_at);
      if (open.length > 0 || pending > 0)
        throw DirectionErrors.level_not_ready({ relaysOpen: open.length, reportsOpen: pending });
      await rounds.updateNode(trx, roundId, bodyId, { accepted_at: new Date(), version: c.node.version + 1 });
      await this.act(trx, actor, c, 'accepted', null);
      await rounds.writeOutbox(trx, { organisationId: c.round.organisation_id, roundId, bodies: [bodyId] });
    });
  }

  async reopenLevel(actor: Actor, roundId: string, bodyId: string, reason: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const c = await this.lock(trx, actor, roundId, bodyId);
      if (!holdsOfficeIn(actor, c.node.parent_id)) throw CommonErrors.forbidden_scope();
      if (!c.node.accepted_at) throw DirectionErrors.not_accepted();
      await rounds.updateNode(trx, roundId, bodyId, { accepted_at: null, version: c.node.version + 1 });
      await this.act(trx, actor, c, 'level_reopened', null, reason);
      await rounds.writeOutbox(trx, { organisationId: c.round.organisation_id, roundId, bodies: [bodyId] });
    });
  }

  /** A body's report in a round: its current version, every version, acts, rules and flags, what the reader may do. */
  async get(actor: Actor, roundId: string, bodyId: string): Promise<Report> {
    const round = await rounds.findRound(this.db, roundId);
    if (!round || round.organisation_id !== actor.organisationId) throw DirectionErrors.round_not_found();
    const node = await rounds.findNode(this.db, roundId, bodyId);
    if (!node) throw DirectionErrors.not_in_round();
    assertCanSeeNode(actor, { bodyId, frozenPath: node.path, currentPath: node.current_path });
    const form = await this.formOf(this.db, round);
    const versions = (await rounds.versionsOf(this.db, roundId, bodyId)).filter((v) => v.scope === 'own');
    const current = versions.find((v) => v.id === node.current_version_id) ?? null;
    const acts = await rounds.actsOf(this.db, roundId, bodyId);
    const flags = node.current_version_id ? await rounds.flagsOf(this.db, node.current_version_id) : [];
    const title = await rounds.titleOf(this.db, round);
    const parentNode = node.parent_id ? await rounds.findNode(this.db, roundId, node.parent_id) : null;
    const parentAccepted = !!parentNode?.accepted_at;
    const campaign = round.directive_id ? await campaigns.campaignOfRound(this.db, roundId) : null;
    const campaignMeeting = campaign ? await campaigns.liveMeeting(this.db, campaign.id, bodyId) : null;
    const now = new Date();
    const open = !(now > round.expires_at && !(node.open_until && now <= node.open_until));
    const mine = holdsOfficeIn(actor, bodyId) && node.addressed && !parentAccepted && !!form;
    const parent = holdsOfficeIn(actor, node.parent_id) && node.addressed && !parentAccepted;
    const toVersion = (v: (typeof versions)[number]) => ({
      id: v.id,
      n: v.n,
      scope: v.scope,
      values: parseJson<ReportValues>(v.vals),
      text: v.text,
      meetingId: v.meeting_id,
      agendaItemId: v.agenda_item_id,
      savedAt: iso(v.saved_at)!,
      submittedAt: iso(v.submitted_at),
      savedBy: v.saved_by_name,
    });
    return {
      roundId,
      bodyId,
      bodyName: node.name,
      bodyNameRu: node.name_ru,
      parentId: node.parent_id,
      title: title.title,
      titleRu: title.titleRu,
      periodStart: round.period_start,
      periodEnd: round.period_end,
      dueAt: iso(node.due_at)!,
      expiresAt: iso(round.expires_at)!,
      openUntil: iso(node.open_until),
      state: node.state,
      version: node.version,
      addressed: node.addressed,
      onTime: node.on_time,
      firstSubmittedAt: iso(node.first_submitted_at),
      excusedAt: iso(node.excused_at),
      form,
      current: current ? toVersion(current) : null,
      versions: versions.map(toVersion),
      acts: acts.map((a) => ({ act: a.act, reason: a.reason, at: iso(a.at)!, by: a.by_name })),
      rules: form && current ? ruleOutcomes(form, lookupOf(form, parseJson<StoredValues>(current.vals))) : [],
      campaignMeeting: campaignMeeting ? toCampaignMeeting(campaignMeeting) : null,
      flags: flags.map((f) => ({
        kind: f.kind,
        importance: f.importance,
        detail: parseJson<Record<string, unknown>>(f.detail),
      })),
      can: {
        viewParent:
          !!parentNode &&
          canSeeNode(actor, {
            bodyId: parentNode.body_id,
            frozenPath: parentNode.path,
            currentPath: parentNode.current_path,
          }),
        edit: mine && open && reportCan(node.state, 'save'),
        submit: mine && open && reportCan(node.state, 'submit'),
        return: parent && reportCan(node.state, 'return'),
        approve: parent && reportCan(node.state, 'approve'),
        reopen: parent && reportCan(node.state, 'reopen'),
        excuse: parent && reportCan(node.state, 'excuse') && !node.excused_at,
      },
    };
  }
}
