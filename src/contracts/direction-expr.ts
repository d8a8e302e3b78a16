// Validation rules of the direction module's report forms (ADR 0027 §4): a small expression AST kept as jsonb, its
// zod schema (recursive, bounded) and its evaluator. Shared by the server (at save, at submit, at every roll-up read)
// and the web form (as one types): the same function decides both. Pure.
import { z } from 'zod';

/** An expression over a report's indicator values, referred to by indicator code. */
export type Expr =
  | { val: string } // an indicator's value by indicator code
  | { num: number }
  | { op: '+' | '-' | '*' | '/'; args: [Expr, Expr] }
  | { sum: Expr[] } // 1..16 terms
  | { cmp: '<' | '<=' | '=' | '!=' | '>=' | '>'; args: [Expr, Expr] } // boolean
  | { and: Expr[] } // boolean
  | { or: Expr[] } // boolean
  | { not: Expr } // boolean
  | { present: string }; // boolean: the indicator code has a value

/** A rule of a form: a boolean test, a compulsory pair, or a value required when a condition holds. */
export type RuleExpr =
  | { kind: 'compare'; test: Expr } // test must be boolean-valued
  | { kind: 'pair'; codes: [string, string] } // both present or neither
  | { kind: 'required_when'; code: string; when: Expr }; // code must be present when `when` holds

/** Indicator values a rule reads; null or undefined = no value. */
export type Lookup = (code: string) => number | null | undefined;
export type Outcome = 'pass' | 'fail' | 'skip';

export const EXPR_MAX_DEPTH = 8;
export const EXPR_MAX_NODES = 64;
export const EXPR_MAX_SUM_TERMS = 16;

/** An indicator code as a rule names it. */
export const ExprCode = z.string().trim().min(1).max(64);

const ArithOp = z.enum(['+', '-', '*', '/']);
const CmpOp = z.enum(['<', '<=', '=', '!=', '>=', '>']);

/** The shape alone (no limits, no sorts): children are checked once from the top. */
const ExprNode: z.ZodType<Expr> = z
  .lazy((): z.ZodType<Expr> =>
    z.union([
      z.strictObject({ val: ExprCode }),
      z.strictObject({ num: z.number() }),
      z.strictObject({ op: ArithOp, args: z.tuple([ExprNode, ExprNode]) }),
      z.strictObject({ sum: z.array(ExprNode).min(1).max(EXPR_MAX_SUM_TERMS) }),
      z.strictObject({ cmp: CmpOp, args: z.tuple([ExprNode, ExprNode]) }),
      z.strictObject({ and: z.array(ExprNode).min(1) }),
      z.strictObject({ or: z.array(ExprNode).min(1) }),
      z.strictObject({ not: ExprNode }),
      z.strictObject({ present: ExprCode }),
    ]),
  )
  .meta({ id: 'DirectionExpr' });

/** The children of a raw (unparsed) node, by the keys an expression may have. */
function rawChildren(node: unknown): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  const out: unknown[] = [];
  for (const key of ['args', 'sum', 'and', 'or']) {
    const v = o[key];
    if (Array.isArray(v)) out.push(...v);
  }
  if ('not' in o) out.push(o.not);
  return out;
}

/**
 * Depth and node count of a raw value, walked without recursion and stopping as soon as a limit is passed, so a
 * hostile body nested ten thousand deep costs a few steps and never the stack.
 */
function withinLimits(raw: unknown): 'depth' | 'nodes' | null {
  const stack: [unknown, number][] = [[raw, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > EXPR_MAX_DEPTH) return 'depth';
    nodes += 1;
    if (nodes > EXPR_MAX_NODES) return 'nodes';
    for (const child of rawChildren(node)) stack.push([child, depth + 1]);
  }
  return null;
}

export type ExprSort = 'number' | 'boolean';

/** Whether an expression yields a number or a truth value (decided by its root alone). */
export function sortOf(e: Expr): ExprSort {
  return 'val' in e || 'num' in e || 'op' in e || 'sum' in e ? 'number' : 'boolean';
}

type Issue = { path: (string | number)[]; message: string };

/** Every operand of the wrong sort: arithmetic and comparisons take numbers, and/or/not take truth values. */
function sortIssues(e: Expr, path: (string | number)[], out: Issue[]): void {
  const want = (child: Expr, sort: ExprSort, at: (string | number)[]) => {
    if (sortOf(child) !== sort) out.push({ path: at, message: `expected a ${sort}-valued expression` });
    sortIssues(child, at, out);
  };
  if ('op' in e || 'cmp' in e) e.args.forEach((a, i) => want(a, 'number', [...path, 'args', i]));
  else if ('sum' in e) e.sum.forEach((a, i) => want(a, 'number', [...path, 'sum', i]));
  else if ('and' in e) e.and.forEach((a, i) => want(a, 'boolean', [...path, 'and', i]));
  else if ('or' in e) e.or.forEach((a, i) => want(a, 'boolean', [...path, 'or', i]));
  else if ('not' in e) want(e.not, 'boolean', [...path, 'not']);
}

/** An expression: at most 8 levels deep and 64 nodes, every operand of the sort its operator takes. */
export const ExprSchema: z.ZodType<Expr> = z.preprocess(
  (raw, ctx) => {
    const broken = withinLimits(raw);
    if (broken === 'depth') ctx.issues.push({ code: 'custom', message: `deeper than ${EXPR_MAX_DEPTH}`, input: raw });
    if (broken === 'nodes') {
      ctx.issues.push({ code: 'custom', message: `more than ${EXPR_MAX_NODES} nodes`, input: raw });
    }
    return raw;
  },
  ExprNode.superRefine((e, ctx) => {
    const issues: Issue[] = [];
    sortIssues(e, [], issues);
    for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  }),
);

export const RuleExprSchema: z.ZodType<RuleExpr> = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('compare'), test: ExprSchema }),
    z.strictObject({ kind: z.literal('pair'), codes: z.tuple([ExprCode, ExprCode]) }),
    z.strictObject({ kind: z.literal('required_when'), code: ExprCode, when: ExprSchema }),
  ])
  .superRefine((r, ctx) => {
    if (r.kind === 'compare' && sortOf(r.test) !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['test'], message: 'a test must be a comparison or a truth value' });
    }
    if (r.kind === 'required_when' && sortOf(r.when) !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['when'], message: 'a condition must be a comparison or a truth value' });
    }
    if (r.kind === 'pair' && r.codes[0] === r.codes[1]) {
      ctx.addIssue({ code: 'custom', path: ['codes'], message: 'a pair names two different indicators' });
    }
  });

/** Thrown inside the evaluator when the rule cannot be decided (a missing operand, a division by zero). */
class Undecided {}
const UNDECIDED = new Undecided();

function has(lookup: Lookup, code: string): boolean {
  const v = lookup(code);
  return v !== null && v !== undefined;
}

/** A finite number, or the rule is undecided (this also catches division by zero and overflow). */
function finite(n: number): number {
  if (!Number.isFinite(n)) throw UNDECIDED;
  return n;
}

function num(e: Expr, lookup: Lookup): number {
  if ('val' in e) {
    const v = lookup(e.val);
    if (v === null || v === undefined) throw UNDECIDED;
    return finite(v);
  }
  if ('num' in e) return finite(e.num);
  if ('op' in e) {
    const a = num(e.args[0], lookup);
    const b = num(e.args[1], lookup);
    switch (e.op) {
      case '+':
        return finite(a + b);
      case '-':
        return finite(a - b);
      case '*':
        return finite(a * b);
      case '/':
        if (b === 0) throw UNDECIDED;
        return finite(a / b);
    }
  }
  if ('sum' in e) return finite(e.sum.reduce((acc, t) => acc + num(t, lookup), 0));
  // a truth value where a number was expected: the schema refuses it, so only unchecked input gets here
  throw UNDECIDED;
}

/**
 * Two numbers compare equal within a relative 1e-9 (values with decimals: 0.1 + 0.2 = 0.3), and the strict and
 * non-strict comparisons agree with that equality.
 */
function compare(op: '<' | '<=' | '=' | '!=' | '>=' | '>', a: number, b: number): boolean {
  const equal = Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return !equal && a < b;
    case '<=':
      return equal || a < b;
    case '>':
      return !equal && a > b;
    case '>=':
      return equal || a > b;
  }
}

function bool(e: Expr, lookup: Lookup): boolean {
  if ('cmp' in e) return compare(e.cmp, num(e.args[0], lookup), num(e.args[1], lookup));
  // and/or stop at the first operand that decides them: an undecided operand after it is never reached
  if ('and' in e) return e.and.every((x) => bool(x, lookup));
  if ('or' in e) return e.or.some((x) => bool(x, lookup));
  if ('not' in e) return !bool(e.not, lookup);
  if ('present' in e) return has(lookup, e.present);
  throw UNDECIDED;
}

/**
 * The outcome of a rule over a report's values. `compare`: skip when a value it reaches is missing or it divides
 * by zero, else pass or fail by the test. `pair`: pass when both codes have values or neither does. `required_when`:
 * skip when the condition is undecided; fail when it holds and the code has no value; else pass.
 */
export function evaluate(rule: RuleExpr, lookup: Lookup): Outcome {
  try {
    switch (rule.kind) {
      case 'compare':
        return bool(rule.test, lookup) ? 'pass' : 'fail';
      case 'pair':
        return has(lookup, rule.codes[0]) === has(lookup, rule.codes[1]) ? 'pass' : 'fail';
      case 'required_when':
        return bool(rule.when, lookup) && !has(lookup, rule.code) ? 'fail' : 'pass';
    }
  } catch (e) {
    if (e === UNDECIDED) return 'skip';
    throw e;
  }
}

function exprCodes(e: Expr, out: string[]): void {
  if ('val' in e) out.push(e.val);
  else if ('present' in e) out.push(e.present);
  else if ('op' in e || 'cmp' in e) e.args.forEach((a) => exprCodes(a, out));
  else if ('sum' in e) e.sum.forEach((a) => exprCodes(a, out));
  else if ('and' in e) e.and.forEach((a) => exprCodes(a, out));
  else if ('or' in e) e.or.forEach((a) => exprCodes(a, out));
  else if ('not' in e) exprCodes(e.not, out);
}

/** Every indicator code the rule mentions, once each, in order of first mention (to check a rule against its form). */
export function codesOf(rule: RuleExpr): string[] {
  const out: string[] = [];
  if (rule.kind === 'compare') exprCodes(rule.test, out);
  else if (rule.kind === 'pair') out.push(...rule.codes);
  else {
    out.push(rule.code);
    exprCodes(rule.when, out);
  }
  return [...new Set(out)];
}
