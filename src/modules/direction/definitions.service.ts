// Indicators (defined once per organisation), report forms grouping them with validation rules, and schedules
// asking bodies of given kinds for a form every period. A form is fixed by its first use (ADR 0027 §1), so a
// report always reads against the form it was asked on; fixed forms are kept in memory.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type {
  CreateFormInput,
  CreateIndicatorInput,
  CreateScheduleInput,
  Indicator,
  IndicatorList,
  ReportForm,
  ReportFormList,
  ReportSchedule,
} from '../../contracts/direction.js';
import { codesOf, type RuleExpr } from '../../contracts/direction-expr.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanDefine, assertOfficeIn } from './direction.policy.js';
import * as repo from './definitions.repository.js';
import * as rounds from './round.repository.js';

export function toIndicator(r: repo.IndicatorRow): Indicator {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameRu: r.name_ru,
    valueType: r.value_type,
    unit: r.unit,
    unitRu: r.unit_ru,
    aggregation: r.aggregation,
    decimals: r.decimals,
    minValue: r.min_value,
    maxValue: r.max_value,
    toleranceAbs: r.tolerance_abs,
    toleranceRel: r.tolerance_rel,
  };
}

function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export class DirectionDefinitionsService {
  /** Forms fixed by use, by id: they never change again. */
  private readonly fixed = new Map<string, { organisationId: string; form: ReportForm }>();

  constructor(private readonly db: Database) {}

  async createIndicator(actor: Actor, input: CreateIndicatorInput): Promise<Indicator> {
    assertCanDefine(actor);
    return this.db.transaction().execute(async (trx) => {
      if (await repo.indicatorByCode(trx, actor.organisationId, input.code))
        throw DirectionErrors.indicator_code_taken();
      const id = uuidv7();
      await repo.insertIndicator(trx, {
        id,
        organisation_id: actor.organisationId,
        code: input.code,
        name: input.name,
        name_ru: input.nameRu,
        value_type: input.valueType,
        unit: input.unit,
        unit_ru: input.unitRu,
        aggregation: input.aggregation,
        decimals: input.decimals,
        min_value: input.minValue,
        max_value: input.maxValue,
        tolerance_abs: input.toleranceAbs,
        tolerance_rel: input.toleranceRel,
      });
      return toIndicator((await repo.indicatorByCode(trx, actor.organisationId, input.code))!);
    });
  }

  async indicators(actor: Actor): Promise<IndicatorList> {
    return { items: (await repo.indicators(this.db, actor.organisationId)).map(toIndicator) };
  }

  async createForm(actor: Actor, input: CreateFormInput): Promise<ReportForm> {
    assertCanDefine(actor);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const ids = [...new Set(input.items.map((i) => i.indicatorId))];
      const found = await repo.indicatorsByIds(trx, actor.organisationId, ids);
      if (found.length !== ids.length) throw DirectionErrors.indicator_not_found();
      const codes = new Set(found.map((f) => f.code));
      for (const r of input.rules) {
        const unknown = codesOf(r.expr as RuleExpr).filter((c) => !codes.has(c));
        if (unknown.length > 0) throw DirectionErrors.form_rule_unknown_code({ rule: r.name, codes: unknown });
      }
      await repo.insertForm(
        trx,
        {
          id,
          organisation_id: actor.organisationId,
          name: input.name,
          name_ru: input.nameRu,
          requires_protocol: input.requiresProtocol,
          committee_summary: input.committeeSummary,
          created_by: actor.personId,
        },
        ids.map((indicatorId, position) => ({
          indicator_id: indicatorId,
          position,
          required: input.items.some((i) => i.indicatorId === indicatorId && i.required),
        })),
        input.rules.map((r, position) => ({
          id: uuidv7(),
          form_id: id,
          position,
          name: r.name,
          name_ru: r.nameRu,
          importance: r.importance,
          blocking: r.blocking,
          expr: JSON.stringify(r.expr),
        })),
      );
    });
    return (await this.form(this.db, actor.organisationId, id))!;
  }

  async forms(actor: Actor): Promise<ReportFormList> {
    return {
      items: (await repo.forms(this.db, actor.organisationId)).map((f) => ({
        id: f.id,
        name: f.name,
        nameRu: f.name_ru,
        requiresProtocol: f.requires_protocol,
        committeeSummary: f.committee_summary,
        inUse: f.used_at !== null,
      })),
    };
  }

  async getForm(actor: Actor, id: string): Promise<ReportForm> {
    const f = await this.form(this.db, actor.organisationId, id);
    if (!f) throw DirectionErrors.form_not_found();
    return f;
  }

  /** A form with its indicators and rules, through `ex`; a fixed form from memory. */
  async form(ex: Executor, organisationId: string, id: string): Promise<ReportForm | null> {
    const cached = this.fixed.get(id);
    if (cached) return cached.organisationId === organisationId ? cached.form : null;
    const f = await repo.findForm(ex, id);
    if (!f || f.organisation_id !== organisationId) return null;
    const form: ReportForm = {
      id: f.id,
      name: f.name,
      nameRu: f.name_ru,
      requiresProtocol: f.requires_protocol,
      committeeSummary: f.committee_summary,
      inUse: f.used_at !== null,
      items: (await repo.formItems(ex, id)).map((i) => ({ ...toIndicator(i), required: i.required })),
      rules: (await repo.formRules(ex, id)).map((r) => ({
        id: r.id,
        name: r.name,
        nameRu: r.name_ru,
        importance: r.importance,
        blocking: r.blocking,
        expr: parseJson<RuleExpr>(r.expr),
      })),
    };
    if (form.inUse) this.fixed.set(id, { organisationId, form: Object.freeze(form) });
    return form;
  }

  /** The first round using a form fixes it (in that round's transaction). */
  async useForm(ex: Executor, organisationId: string, id: string): Promise<ReportForm> {
    const f = await this.form(ex, organisationId, id);
    if (!f) throw DirectionErrors.form_not_found();
    if (!f.inUse) await repo.markFormUsed(ex, id);
    return f;
  }

  async createSchedule(actor: Actor, input: CreateScheduleInput): Promise<ReportSchedule> {
    assertOfficeIn(actor, input.issuerBodyId);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const body = await rounds.findBody(trx, input.issuerBodyId);
      if (!body || body.organisation_id !== actor.organisationId) throw DirectionErrors.body_not_found();
      if (!(await this.form(trx, actor.organisationId, input.formId))) throw DirectionErrors.form_not_found();
      await repo.insertSchedule(trx, {
        id,
        organisation_id: actor.organisationId,
        issuer_body_id: input.issuerBodyId,
        form_id: input.formId,
        frequency: input.frequency,
        body_kinds: input.bodyKinds,
        due_days: input.dueDays,
        expiry_days: input.expiryDays,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: actor.personId,
      });
    });
    return { id, ...input };
  }
}
