// Pure helpers of the direction pages (unit-tested): a report form's entries parsed as the server parses them and
// checked by the form's rules as one types (the contracts' parseValue and evaluate, the very functions the server
// runs), the running sum of a split, the parts of a completeness bar, and whether an item of the inbox is overdue.
import { evaluate, type Outcome, type RuleExpr } from '../../../contracts/direction-expr.js';
import { parseValue, ruleLookup, type Parsed } from '../../../contracts/direction-value.js';
import type { Completeness, ReportForm, ReportState, ReportValues, ValueType } from '../../../contracts/direction.js';

/** What the person typed in each field, by indicator code (yes/no: 'yes', 'no' or ''). */
export type Entries = Record<string, string>;
export type ValueProblem = Extract<Parsed, { ok: false }>['reason'];

type FormItems = ReportForm['items'];

/** A saved version's values as the fields show them. */
export function entriesOf(items: FormItems, values: ReportValues | null | undefined): Entries {
  const out: Entries = {};
  for (const i of items) {
    const v = values?.[i.code];
    if (v === null || v === undefined) out[i.code] = '';
    else if (i.valueType === 'yes_no') out[i.code] = v === true || v === 1 ? 'yes' : v === false || v === 0 ? 'no' : '';
    else out[i.code] = String(v);
  }
  return out;
}

/** A rule of a form as the page holds it (the contract's FormRule, or the API's answer of it). */
export interface RuleLike {
  id: string;
  name: string;
  nameRu: string;
  blocking: boolean;
  expr: unknown;
}

export interface RuleCheck<R extends RuleLike = RuleLike> {
  rule: R;
  outcome: Outcome;
}

export interface CheckedReport<R extends RuleLike = RuleLike> {
  /** The values to send: numbers, texts, yes/no as true/false, null for no value (only those that parse). */
  values: ReportValues;
  /** Fields whose entry does not parse, with the reason (the server's). */
  problems: Record<string, ValueProblem>;
  /** Required fields left empty (refused at submission, not at a draft). */
  missing: string[];
  /** Every rule of the form with its outcome over the values that parse. */
  rules: RuleCheck<R>[];
  /** Failing blocking rules: submission is refused while there are any. */
  blocking: RuleCheck<R>[];
  /** Failing rules that do not block: flagged on submission. */
  warnings: RuleCheck<R>[];
}

/** Parses every entry like the server and runs every rule of the form with `evaluate`, as one types. */
export function checkReport<R extends RuleLike>(
  form: { items: FormItems; rules: readonly R[] },
  entries: Entries,
): CheckedReport<R> {
  const values: ReportValues = {};
  const parsed: Record<string, number | string | null> = {};
  const problems: Record<string, ValueProblem> = {};
  const missing: string[] = [];
  for (const i of form.items) {
    const p = parseValue(i, entries[i.code] ?? '');
    if (!p.ok) {
      problems[i.code] = p.reason;
      parsed[i.code] = null;
      continue;
    }
    parsed[i.code] = p.value;
    values[i.code] = i.valueType === 'yes_no' && p.value !== null ? p.value === 1 : p.value;
    if (i.required && p.value === null) missing.push(i.code);
  }
  const lookup = ruleLookup(form.items, parsed);
  // the expression as the server sent it: the contract's RuleExprSchema checked it when the form was defined (the
  // API's type only loses that a binary node holds exactly two operands)
  const rules = form.rules.map((rule) => ({ rule, outcome: evaluate(rule.expr as RuleExpr, lookup) }));
  const failing = rules.filter((r) => r.outcome === 'fail');
  return {
    values,
    problems,
    missing,
    rules,
    blocking: failing.filter((r) => r.rule.blocking),
    warnings: failing.filter((r) => !r.rule.blocking),
  };
}

/** The keyboard a field asks a phone for, by the indicator's type. */
export function inputModeOf(t: ValueType): 'numeric' | 'decimal' | 'text' {
  return t === 'integer' ? 'numeric' : t === 'number' || t === 'percentage' ? 'decimal' : 'text';
}

export interface SplitSum {
  /** The sum of the children's targets as typed (an empty field counts as 0). */
  sum: number;
  /** Fields that are not a number ≥ 0, by index. */
  invalid: number[];
  /** Whether the sum makes up the committee's own target (`equal`: equals it; `at_least`: reaches it). */
  holds: boolean;
}

/** The running sum of a split as one types; the server checks the same (target_split_mismatch). */
export function splitSum(own: number, typed: string[], mode: 'equal' | 'at_least'): SplitSum {
  let sum = 0;
  const invalid: number[] = [];
  typed.forEach((s, i) => {
    const x = s.trim() === '' ? 0 : Number(s.trim());
    if (!/^\s*(\d+(\.\d*)?|\.\d+)?\s*$/.test(s) || !Number.isFinite(x) || x < 0) invalid.push(i);
    else sum += x;
  });
  const eps = 1e-9 * Math.max(1, Math.abs(own));
  const holds = invalid.length === 0 && (mode === 'equal' ? Math.abs(sum - own) < eps : sum >= own - eps);
  return { sum, invalid, holds };
}

export type BarPart = 'approved' | 'submitted' | 'returned' | 'excused' | 'missing';

/**
 * The parts of a completeness bar, adding up to the expected reports: approved, submitted (awaiting approval),
 * returned, excused, and not yet reported.
 */
export function completenessParts(c: Completeness): { part: BarPart; n: number }[] {
  const approved = c.approved;
  const excused = c.excused;
  const returned = c.returned;
  const submitted = Math.max(0, c.submitted - approved);
  const missing = Math.max(0, c.expected - approved - excused - returned - submitted);
  return [
    { part: 'approved' as const, n: approved },
    { part: 'submitted' as const, n: submitted },
    { part: 'returned' as const, n: returned },
    { part: 'excused' as const, n: excused },
    { part: 'missing' as const, n: missing },
  ];
}

/** Reports in (submitted at least once) over the expected ones, 0 when none are expected. */
export function reportedShare(c: Completeness): number {
  return c.expected === 0 ? 0 : Math.min(1, (c.reported + c.excused) / c.expected);
}

/**
 * Whether an inbox item is overdue now: past its due date and, for a report the body owes, not yet submitted; for
 * a directive without a report (or a committee relaying it), still to be acknowledged by the reader.
 */
export function isOverdue(
  item: {
    dueAt: string;
    addressed: boolean;
    hasForm: boolean;
    state: ReportState;
    can: { acknowledge: boolean };
  },
  now: Date,
): boolean {
  if (new Date(item.dueAt).getTime() >= now.getTime()) return false;
  if (item.addressed && item.hasForm)
    return item.state === 'none' || item.state === 'draft' || item.state === 'returned';
  return item.can.acknowledge;
}

/** The children that have not reported yet (none submitted, not excused): the "not yet reported" filter. */
export function notYetReported<T extends { completeness: Completeness; excused: boolean }>(children: T[]): T[] {
  return children.filter(
    (c) => !c.excused && c.completeness.reported + c.completeness.excused < c.completeness.expected,
  );
}

/** The start of a long text for a list: whole words up to about `max` characters, an ellipsis when cut. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Whether an adopted motion matches what the reader typed in the filter: every word in its title, text or meeting. */
export function motionMatches(
  m: { title: string; text: string; meetingTitle: string; bodyName: string; bodyNameRu: string | null },
  query: string,
): boolean {
  const hay = [m.title, m.text, m.meetingTitle, m.bodyName, m.bodyNameRu ?? ''].join(' ').toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** A validation rule as the definitions page asks for it: an indicator `cmp` another indicator or a number. */
export function compareRule(
  left: string,
  cmp: '<' | '<=' | '=' | '!=' | '>=' | '>',
  right: { code: string } | { num: number },
): RuleExpr {
  return {
    kind: 'compare',
    test: { cmp, args: [{ val: left }, 'code' in right ? { val: right.code } : { num: right.num }] },
  };
}
