// Direction's validation rules (ADR 0027 §4): the expression schema's bounds and sorts, the evaluator's three
// outcomes, and a property against a small reference interpreter written apart from it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codesOf,
  evaluate,
  ExprSchema,
  RuleExprSchema,
  type Expr,
  type Lookup,
  type Outcome,
  type RuleExpr,
} from '../../src/contracts/direction-expr.js';

const v = (code: string): Expr => ({ val: code });
const n = (x: number): Expr => ({ num: x });
const cmp = (op: '<' | '<=' | '=' | '!=' | '>=' | '>', a: Expr, b: Expr): Expr => ({ cmp: op, args: [a, b] });
const lookupOf =
  (values: Record<string, number | null | undefined>): Lookup =>
  (code) =>
    values[code];

const admittedLeApplied: RuleExpr = { kind: 'compare', test: cmp('<=', v('admitted'), v('applied')) };

describe('evaluate', () => {
  const cases: [string, RuleExpr, Record<string, number | null>, Outcome][] = [
    ['admitted ≤ applied holds', admittedLeApplied, { admitted: 3, applied: 5 }, 'pass'],
    ['admitted ≤ applied holds at equality', admittedLeApplied, { admitted: 5, applied: 5 }, 'pass'],
    ['admitted ≤ applied broken', admittedLeApplied, { admitted: 6, applied: 5 }, 'fail'],
    ['a missing operand skips', admittedLeApplied, { admitted: 6 }, 'skip'],
    ['a null operand skips', admittedLeApplied, { admitted: 6, applied: null }, 'skip'],
    ['zero is a value, not a missing one', admittedLeApplied, { admitted: 0, applied: 0 }, 'pass'],
    [
      'arithmetic: a + b = c',
      { kind: 'compare', test: cmp('=', { op: '+', args: [v('a'), v('b')] }, v('c')) },
      { a: 2, b: 3, c: 5 },
      'pass',
    ],
    [
      'decimals compare equal within a relative 1e-9: 0.1 + 0.2 = 0.3',
      { kind: 'compare', test: cmp('=', { sum: [v('a'), v('b')] }, n(0.3)) },
      { a: 0.1, b: 0.2 },
      'pass',
    ],
    [
      '… and are not strictly greater',
      { kind: 'compare', test: cmp('>', { sum: [v('a'), v('b')] }, n(0.3)) },
      { a: 0.1, b: 0.2 },
      'fail',
    ],
    [
      'a share: part / whole ≤ 1',
      { kind: 'compare', test: cmp('<=', { op: '/', args: [v('part'), v('whole')] }, n(1)) },
      { part: 3, whole: 4 },
      'pass',
    ],
    [
      'division by zero skips',
      { kind: 'compare', test: cmp('<=', { op: '/', args: [v('part'), v('whole')] }, n(1)) },
      { part: 3, whole: 0 },
      'skip',
    ],
    [
      'a sum of several terms',
      { kind: 'compare', test: cmp('=', { sum: [v('a'), v('b'), v('c')] }, v('total')) },
      { a: 1, b: 2, c: 3, total: 7 },
      'fail',
    ],
    [
      'and stops at its first false operand: a missing value after it is never reached',
      { kind: 'compare', test: { and: [cmp('>', v('a'), n(10)), cmp('>', v('missing'), n(0))] } },
      { a: 1 },
      'fail',
    ],
    [
      'and reaching a missing value skips the whole rule',
      { kind: 'compare', test: { and: [cmp('>', v('a'), n(0)), cmp('>', v('missing'), n(0))] } },
      { a: 1 },
      'skip',
    ],
    [
      'or stops at its first true operand',
      { kind: 'compare', test: { or: [cmp('>', v('a'), n(0)), cmp('>', v('missing'), n(0))] } },
      { a: 1 },
      'pass',
    ],
    [
      'or reaching a missing value skips even when a later operand would hold',
      { kind: 'compare', test: { or: [cmp('>', v('missing'), n(0)), cmp('>', v('a'), n(0))] } },
      { a: 1 },
      'skip',
    ],
    ['not inverts', { kind: 'compare', test: { not: cmp('!=', v('a'), v('b')) } }, { a: 4, b: 4 }, 'pass'],
    ['present never skips', { kind: 'compare', test: { present: 'a' } }, {}, 'fail'],
    [
      'present or a comparison',
      { kind: 'compare', test: { or: [{ not: { present: 'a' } }, cmp('>=', v('a'), n(1))] } },
      {},
      'pass',
    ],
    ['a pair: both', { kind: 'pair', codes: ['men', 'women'] }, { men: 1, women: 0 }, 'pass'],
    ['a pair: neither', { kind: 'pair', codes: ['men', 'women'] }, {}, 'pass'],
    ['a pair: one only', { kind: 'pair', codes: ['men', 'women'] }, { men: 1, women: null }, 'fail'],
    [
      'required when the condition holds and given',
      { kind: 'required_when', code: 'reason', when: cmp('>', v('exits'), n(0)) },
      { exits: 2, reason: 1 },
      'pass',
    ],
    [
      'required when the condition holds and missing',
      { kind: 'required_when', code: 'reason', when: cmp('>', v('exits'), n(0)) },
      { exits: 2 },
      'fail',
    ],
    [
      'not required when the condition does not hold',
      { kind: 'required_when', code: 'reason', when: cmp('>', v('exits'), n(0)) },
      { exits: 0 },
      'pass',
    ],
    [
      'undecided condition skips',
      { kind: 'required_when', code: 'reason', when: cmp('>', v('exits'), n(0)) },
      {},
      'skip',
    ],
  ];
  it.each(cases)('%s', (_name, rule, values, outcome) => {
    expect(RuleExprSchema.parse(rule)).toEqual(rule);
    expect(evaluate(rule, lookupOf(values))).toBe(outcome);
  });

  it('skips on an overflow rather than comparing infinities', () => {
    const rule: RuleExpr = { kind: 'compare', test: cmp('>', { op: '*', args: [v('a'), v('a')] }, n(0)) };
    expect(evaluate(rule, lookupOf({ a: 1e200 }))).toBe('skip');
  });
});

describe('codesOf', () => {
  it('lists every code once, in order of first mention', () => {
    expect(
      codesOf({
        kind: 'compare',
        test: { and: [cmp('<=', v('b'), { sum: [v('a'), v('b')] }), { not: { present: 'c' } }] },
      }),
    ).toEqual(['b', 'a', 'c']);
    expect(codesOf({ kind: 'pair', codes: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(codesOf({ kind: 'required_when', code: 'r', when: cmp('>', v('e'), { num: 0 }) })).toEqual(['r', 'e']);
    expect(codesOf({ kind: 'compare', test: cmp('<', n(1), n(2)) })).toEqual([]);
  });
});

/** `{not: … {not: leaf-comparison}}` with `depth` levels in all. */
function nested(depth: number): Expr {
  let e: Expr = cmp('<', v('a'), n(1)); // two levels
  for (let d = 2; d < depth; d++) e = { not: e };
  return e;
}

describe('the schemas refuse', () => {
  it('an expression deeper than 8, accepting one of 8', () => {
    expect(ExprSchema.safeParse(nested(8)).success).toBe(true);
    expect(RuleExprSchema.safeParse({ kind: 'compare', test: nested(8) }).success).toBe(true);
    const deep = ExprSchema.safeParse(nested(9));
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0]?.message).toMatch(/deeper than 8/);
    expect(RuleExprSchema.safeParse({ kind: 'compare', test: nested(9) }).success).toBe(false);
    expect(RuleExprSchema.safeParse({ kind: 'required_when', code: 'x', when: nested(9) }).success).toBe(false);
  });

  it('a hostile nesting ten thousand deep, without overflowing the stack', () => {
    let e: unknown = { num: 1 };
    for (let i = 0; i < 10_000; i++) e = { not: e };
    expect(ExprSchema.safeParse(e).success).toBe(false);
  });

  it('more than 64 nodes, accepting 64', () => {
    const cmps = Array.from({ length: 21 }, (_, i) => cmp('<', v(`c${i}`), n(i))); // 1 + 21 × 3 = 64 nodes
    expect(ExprSchema.safeParse({ and: cmps }).success).toBe(true);
    const more = ExprSchema.safeParse({ and: [...cmps, { present: 'x' }] });
    expect(more.success).toBe(false);
    expect(more.error?.issues[0]?.message).toMatch(/more than 64 nodes/);
  });

  it('a test or a condition that is not a truth value', () => {
    const refused = RuleExprSchema.safeParse({ kind: 'compare', test: { op: '+', args: [v('a'), n(1)] } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['test']);
    expect(RuleExprSchema.safeParse({ kind: 'compare', test: v('a') }).success).toBe(false);
    expect(RuleExprSchema.safeParse({ kind: 'required_when', code: 'r', when: n(1) }).success).toBe(false);
  });

  it('operands of the wrong sort, wherever they are', () => {
    // arithmetic over a truth value
    const arith = ExprSchema.safeParse({ op: '+', args: [v('a'), { present: 'b' }] });
    expect(arith.success).toBe(false);
    expect(arith.error?.issues[0]?.path).toEqual(['args', 1]);
    // a sum of comparisons, deep inside a rule
    const inner = RuleExprSchema.safeParse({
      kind: 'compare',
      test: { not: cmp('<', { sum: [v('a'), cmp('<', v('b'), n(1))] }, n(1)) },
    });
    expect(inner.success).toBe(false);
    expect(inner.error?.issues[0]?.path).toEqual(['test', 'not', 'args', 0, 'sum', 1]);
    // and/or/not over numbers
    expect(ExprSchema.safeParse({ and: [v('a')] }).success).toBe(false);
    expect(ExprSchema.safeParse({ not: n(0) }).success).toBe(false);
  });

  it('an unknown operator, kind or key', () => {
    expect(ExprSchema.safeParse({ op: '^', args: [v('a'), n(2)] }).success).toBe(false);
    expect(ExprSchema.safeParse({ cmp: '==', args: [v('a'), n(2)] }).success).toBe(false);
    expect(ExprSchema.safeParse({ val: 'a', num: 1 }).success).toBe(false);
    expect(ExprSchema.safeParse({ xor: [{ present: 'a' }] }).success).toBe(false);
    expect(RuleExprSchema.safeParse({ kind: 'between', test: { present: 'a' } }).success).toBe(false);
  });

  it('malformed operands', () => {
    expect(ExprSchema.safeParse({ op: '+', args: [v('a')] }).success).toBe(false);
    expect(ExprSchema.safeParse({ sum: [] }).success).toBe(false);
    expect(ExprSchema.safeParse({ sum: Array.from({ length: 17 }, () => n(1)) }).success).toBe(false);
    expect(ExprSchema.safeParse({ sum: Array.from({ length: 16 }, () => n(1)) }).success).toBe(true);
    expect(ExprSchema.safeParse({ num: Infinity }).success).toBe(false);
    expect(ExprSchema.safeParse({ num: '1' }).success).toBe(false);
    expect(ExprSchema.safeParse({ val: '' }).success).toBe(false);
    expect(RuleExprSchema.safeParse({ kind: 'pair', codes: ['a'] }).success).toBe(false);
    expect(RuleExprSchema.safeParse({ kind: 'pair', codes: ['a', 'a'] }).success).toBe(false);
  });
});

// ---- a reference interpreter, written apart: values carry "missing" instead of throwing ----

type R<T> = { ok: true; v: T } | { ok: false };
const MISSING = { ok: false } as const;

function refEq(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function refNum(e: Expr, look: Lookup): R<number> {
  let out: number;
  if ('val' in e) {
    const x = look(e.val);
    if (x == null) return MISSING;
    out = x;
  } else if ('num' in e) out = e.num;
  else if ('sum' in e) {
    out = 0;
    for (const t of e.sum) {
      const r = refNum(t, look);
      if (!r.ok) return MISSING;
      out += r.v;
    }
  } else if ('op' in e) {
    const a = refNum(e.args[0], look);
    const b = refNum(e.args[1], look);
    if (!a.ok || !b.ok) return MISSING;
    if (e.op === '/' && b.v === 0) return MISSING;
    out = e.op === '+' ? a.v + b.v : e.op === '-' ? a.v - b.v : e.op === '*' ? a.v * b.v : a.v / b.v;
  } else throw new Error('not numeric');
  return Number.isFinite(out) ? { ok: true, v: out } : MISSING;
}

function refBool(e: Expr, look: Lookup): R<boolean> {
  if ('present' in e) return { ok: true, v: look(e.present) != null };
  if ('not' in e) {
    const r = refBool(e.not, look);
    return r.ok ? { ok: true, v: !r.v } : MISSING;
  }
  if ('and' in e || 'or' in e) {
    const isAnd = 'and' in e;
    for (const x of isAnd ? e.and : e.or) {
      const r = refBool(x, look);
      if (!r.ok) return MISSING;
      if (r.v !== isAnd) return { ok: true, v: !isAnd };
    }
    return { ok: true, v: isAnd };
  }
  if ('cmp' in e) {
    const a = refNum(e.args[0], look);
    const b = refNum(e.args[1], look);
    if (!a.ok || !b.ok) return MISSING;
    const eq = refEq(a.v, b.v);
    const lt = !eq && a.v < b.v;
    const gt = !eq && a.v > b.v;
    const table = { '=': eq, '!=': !eq, '<': lt, '<=': lt || eq, '>': gt, '>=': gt || eq };
    return { ok: true, v: table[e.cmp] };
  }
  throw new Error('not boolean');
}

function refEvaluate(rule: RuleExpr, look: Lookup): Outcome {
  if (rule.kind === 'pair') return (look(rule.codes[0]) != null) === (look(rule.codes[1]) != null) ? 'pass' : 'fail';
  const r = refBool(rule.kind === 'compare' ? rule.test : rule.when, look);
  if (!r.ok) return 'skip';
  if (rule.kind === 'compare') return r.v ? 'pass' : 'fail';
  return r.v && look(rule.code) == null ? 'fail' : 'pass';
}

const CODES = ['a', 'b', 'c', 'd'] as const;
const code = fc.constantFrom(...CODES);

/** Well-sorted expressions of bounded depth (within the schema's 8 levels). */
const { boolExpr } = fc.letrec<{ numExpr: Expr; boolExpr: Expr }>((tie) => ({
  numExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    code.map((c): Expr => ({ val: c })),
    fc.integer({ min: -3, max: 3 }).map((x): Expr => ({ num: x / 2 })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('numExpr'), tie('numExpr'))
      .map(([op, a, b]): Expr => ({ op, args: [a, b] })),
    fc.array(tie('numExpr'), { minLength: 1, maxLength: 3 }).map((sum): Expr => ({ sum })),
  ),
  boolExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    code.map((c): Expr => ({ present: c })),
    fc
      .tuple(fc.constantFrom('<', '<=', '=', '!=', '>=', '>' as const), tie('numExpr'), tie('numExpr'))
      .map(([op, a, b]): Expr => ({ cmp: op, args: [a, b] })),
    fc.array(tie('boolExpr'), { minLength: 1, maxLength: 3 }).map((and): Expr => ({ and })),
    fc.array(tie('boolExpr'), { minLength: 1, maxLength: 3 }).map((or): Expr => ({ or })),
    tie('boolExpr').map((e): Expr => ({ not: e })),
  ),
}));

const ruleArb: fc.Arbitrary<RuleExpr> = fc.oneof(
  boolExpr.map((test): RuleExpr => ({ kind: 'compare', test })),
  fc
    .tuple(code, code)
    .filter(([x, y]) => x !== y)
    .map(([x, y]): RuleExpr => ({ kind: 'pair', codes: [x, y] })),
  fc.tuple(code, boolExpr).map(([c, when]): RuleExpr => ({ kind: 'required_when', code: c, when })),
);

const valuesArb = fc.record({
  a: fc.option(fc.integer({ min: -4, max: 4 }), { nil: null }),
  b: fc.option(fc.integer({ min: -4, max: 4 }), { nil: undefined }),
  c: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
  d: fc.option(fc.constantFrom(0, 0.1, 0.2, 0.3), { nil: null }),
});

function depthOf(e: Expr): number {
  const kids =
    'op' in e || 'cmp' in e
      ? e.args
      : 'sum' in e
        ? e.sum
        : 'and' in e
          ? e.and
          : 'or' in e
            ? e.or
            : 'not' in e
              ? [e.not]
              : [];
  return 1 + Math.max(0, ...kids.map(depthOf));
}

function sizeOf(e: Expr): number {
  return (JSON.stringify(e).match(/"(val|num|op|sum|cmp|and|or|not|present)"/g) ?? []).length;
}

describe('evaluate against a reference interpreter', () => {
  it('agrees on every rule and every set of values', () => {
    fc.assert(
      fc.property(ruleArb, valuesArb, (rule, values) => {
        const look = lookupOf(values);
        expect(evaluate(rule, look)).toBe(refEvaluate(rule, look));
      }),
      { numRuns: 2000 },
    );
  });

  it('the schema accepts exactly the generated rules within the bounds, unchanged', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const e = rule.kind === 'compare' ? rule.test : rule.kind === 'required_when' ? rule.when : null;
        const within = e === null || (depthOf(e) <= 8 && sizeOf(e) <= 64);
        const parsed = RuleExprSchema.safeParse(rule);
        expect(parsed.success).toBe(within);
        if (parsed.success) expect(parsed.data).toEqual(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('codesOf names exactly the codes a rule mentions', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const mentioned = new Set(
          [...JSON.stringify(rule).matchAll(/"(?:val|present|code)":"(\w+)"/g)].map((m) => m[1]),
        );
        if (rule.kind === 'pair') rule.codes.forEach((c) => mentioned.add(c));
        expect(new Set(codesOf(rule))).toEqual(mentioned);
        expect(codesOf(rule)).toHaveLength(mentioned.size);
      }),
    );
  });
});
