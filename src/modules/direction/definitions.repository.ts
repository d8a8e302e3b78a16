// SQL of direction's definitions: indicators, report forms with their items and validation rules, schedules.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { Selectable, Insertable } from 'kysely';
import type {
  IndicatorTable,
  ReportFormTable,
  ReportScheduleTable,
  ValidationRuleTable,
} from '../../platform/db/schema-direction.js';

export type IndicatorRow = Selectable<IndicatorTable>;
export type FormRow = Selectable<ReportFormTable>;
export type RuleRow = Selectable<ValidationRuleTable>;
export type ScheduleRow = Selectable<ReportScheduleTable>;
export interface FormItemRow extends IndicatorRow {
  required: boolean;
  position: number;
}

export async function insertIndicator(ex: Executor, row: Insertable<IndicatorTable>): Promise<void> {
  await ex.insertInto('indicator').values(row).execute();
}

export async function indicatorByCode(
  ex: Executor,
  organisationId: string,
  code: string,
): Promise<IndicatorRow | null> {
  return (
    (await ex
      .selectFrom('indicator')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst()) ?? null
  );
}

export async function indicators(ex: Executor, organisationId: string): Promise<IndicatorRow[]> {
  return ex
    .selectFrom('indicator')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
}

export async function indicatorsByIds(ex: Executor, organisationId: string, ids: string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('indicator')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}

export async function insertForm(
  ex: Executor,
  form: Insertable<ReportFormTable>,
  items: { indicator_id: string; position: number; required: boolean }[],
  rules: Insertable<ValidationRuleTable>[],
): Promise<void> {
  await ex.insertInto('report_form').values(form).execute();
  await ex
    .insertInto('report_form_item')
    .values(items.map((i) => ({ ...i, form_id: form.id })))
    .execute();
  if (rules.length > 0) await ex.insertInto('validation_rule').values(rules).execute();
}

export async function findForm(ex: Executor, id: string): Promise<FormRow | null> {
  return (await ex.selectFrom('report_form').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function forms(ex: Executor, organisationId: string): Promise<FormRow[]> {
  return ex
    .selectFrom('report_form')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function formItems(ex: Executor, formId: string): Promise<FormItemRow[]> {
  const r = await sql<FormItemRow>`
    select i.*, fi.required, fi.position from report_form_item fi join indicator i on i.id = fi.indicator_id
    where fi.form_id = ${formId} order by fi.position`.execute(ex);
  return r.rows;
}

export async function formRules(ex: Executor, formId: string): Promise<RuleRow[]> {
  return ex.selectFrom('validation_rule').selectAll().where('form_id', '=', formId).orderBy('position').execute();
}

/** The first use of a form fixes it: from then on its items and rules never change. */
export async function markFormUsed(ex: Executor, formId: string): Promise<void> {
  await ex
    .updateTable('report_form')
    .set({ used_at: new Date() })
    .where('id', '=', formId)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertSchedule(ex: Executor, row: Insertable<ReportScheduleTable>): Promise<void> {
  await ex.insertInto('report_schedule').values(row).execute();
}

export async function findSchedule(ex: Executor, id: string): Promise<ScheduleRow | null> {
  return (await ex.selectFrom('report_schedule').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}
