// The direction pages' pure helpers: a report's entries parsed like the server and checked by the form's rules as
// one types, the running sum of a split, the parts of the completeness bar, overdue items and the "not yet
// reported" filter.
import { describe, expect, it } from 'vitest';
import type { Completeness, ReportForm } from '../../src/contracts/direction.js';
import { RuleExprSchema, evaluate } from '../../src/contracts/direction-expr.js';
import {
  checkReport,
  compareRule,
  completenessParts,
  entriesOf,
  excerpt,
  isOverdue,
  motionMatches,
  notYetReported,
  reportedShare,
  splitSum,
} from '../../src/web/modules/direction/logic.js';

const ind = (code: string, valueType: ReportForm['items'][number]['valueType'], extra: object = {}) => ({
  id: `00000000-0000-7000-8000-${code.padStart(12, '0').slice(-12)}`,
  code,
  name: code,
  nameRu: code,
  valueType,
  unit: null,
  unitRu: null,
  aggregation: 'sum' as const,
  decimals: null,
  minValue: null,
  maxValue: null,
  toleranceAbs: null,
  toleranceRel: null,
  required: false,
  ...extra,
});

const form = {
  items: [
    ind('applications', 'integer', { required: true }),
    ind('admitted', 'integer'),
    ind('attendance', 'percentage', { decimals: 1 }),
    ind('held', 'yes_no'),
    ind('remarks', 'text'),
  ],
  rules: [
    {
      id: 'r1',
      name: 'admitted ≤ applications',
      nameRu: 'принято ≤ заявлений',
      blocking: true,
      expr: { kind: 'compare', test: { cmp: '<=', args: [{ val: 'admitted' }, { val: 'applications' }] } },
    },
    {
      id: 'r2',
      name: 'remarks when not held',
      nameRu: 'замечания, если не проведено',
      blocking: false,
      expr: {
        kind: 'required_when',
        code: 'remarks',
        when: { cmp: '=', args: [{ val: 'held' }, { num: 0 }] },
      },
    },
  ],
};

describe('checkReport: the server’s parser and rules, as one types', () => {
  it('parses each entry like the server and sends numbers, yes/no as truth values, texts, null for nothing', () => {
    const c = checkReport(form, { applications: ' 12 ', admitted: '3', attendance: '55.5', held: 'yes', remarks: '' });
    expect(c.problems).toEqual({});
    expect(c.values).toEqual({ applications: 12, admitted: 3, attendance: 55.5, held: true, remarks: null });
    expect(c.rules.map((r) => r.outcome)).toEqual(['pass', 'pass']);
    expect(c.missing).toEqual([]);
  });

  it('says why an entry does not parse, by the server’s reasons', () => {
    const c = checkReport(form, { applications: '1,5', admitted: '2.5', attendance: '120', held: 'perhaps' });
    expect(c.problems).toEqual({
      applications: 'not_a_number',
      admitted: 'not_an_integer',
      attendance: 'out_of_range',
      held: 'not_yes_no',
    });
    expect(checkReport(form, { attendance: '55.55' }).problems).toEqual({ attendance: 'too_many_decimals' });
    // a field that does not parse is left out of what is sent, and a rule over it is undecided
    expect(checkReport(form, { applications: 'x', admitted: '1' }).rules[0]!.outcome).toBe('skip');
  });

  it('a failing blocking rule blocks, a failing other rule warns; a missing required value is listed', () => {
    const c = checkReport(form, { admitted: '9', applications: '3', held: 'no' });
    expect(c.blocking.map((r) => r.rule.id)).toEqual(['r1']);
    expect(c.warnings.map((r) => r.rule.id)).toEqual(['r2']);
    const fixed = checkReport(form, { admitted: '2', applications: '3', held: 'no', remarks: 'Postponed' });
    expect([fixed.blocking, fixed.warnings]).toEqual([[], []]);
    expect(checkReport(form, { admitted: '2' }).missing).toEqual(['applications']);
  });

  it('shows a saved version’s values back in the fields', () => {
    const e = entriesOf(form.items, { applications: 12, held: false, remarks: 'ok', attendance: null });
    expect(e).toEqual({ applications: '12', admitted: '', attendance: '', held: 'no', remarks: 'ok' });
    expect(checkReport(form, e).values).toMatchObject({ applications: 12, held: false, remarks: 'ok' });
  });
});

describe('splitSum: the running sum of a split', () => {
  it('adds what is typed, empty as 0, and holds by the directive’s mode', () => {
    expect(splitSum(6, ['4', '1', '1'], 'equal')).toEqual({ sum: 6, invalid: [], holds: true });
    expect(splitSum(6, ['4', '1', ''], 'equal').holds).toBe(false);
    expect(splitSum(6, ['4', '3', ''], 'equal').holds).toBe(false);
    expect(splitSum(6, ['4', '3', ''], 'at_least').holds).toBe(true);
    expect(splitSum(0.3, ['0.1', '0.2'], 'equal').holds).toBe(true);
  });
  it('marks what is not a number ≥ 0, and never holds then', () => {
    const s = splitSum(2, ['x', '-1', '2'], 'at_least');
    expect([s.invalid, s.sum, s.holds]).toEqual([[0, 1], 2, false]);
  });
});

const comp = (x: Partial<Completeness>): Completeness => ({
  expected: 0,
  members: 0,
  submitted: 0,
  reported: 0,
  onTime: 0,
  late: 0,
  returned: 0,
  approved: 0,
  excused: 0,
  acknowledged: 0,
  ...x,
});

describe('completeness', () => {
  it('splits the expected reports into approved, awaiting, returned, excused and not yet in', () => {
    const c = comp({ expected: 10, submitted: 5, reported: 6, approved: 2, returned: 1, excused: 1 });
    const parts = completenessParts(c);
    expect(Object.fromEntries(parts.map((p) => [p.part, p.n]))).toEqual({
      approved: 2,
      submitted: 3,
      returned: 1,
      excused: 1,
      missing: 3,
    });
    expect(parts.reduce((a, p) => a + p.n, 0)).toBe(10);
    expect(reportedShare(c)).toBeCloseTo(0.7);
    expect(reportedShare(comp({}))).toBe(0);
  });

  it('filters the children not yet reported (an excused one has nothing to report)', () => {
    const kids = [
      { id: 'a', excused: false, completeness: comp({ expected: 1, reported: 1 }) },
      { id: 'b', excused: false, completeness: comp({ expected: 1 }) },
      { id: 'c', excused: true, completeness: comp({ expected: 1, excused: 1 }) },
      { id: 'd', excused: false, completeness: comp({ expected: 3, reported: 2 }) },
    ];
    expect(notYetReported(kids).map((k) => k.id)).toEqual(['b', 'd']);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const item = {
    dueAt: '2026-03-09T20:59:59Z',
    addressed: true,
    hasForm: true,
    state: 'none' as const,
    can: { acknowledge: false },
  };
  it('a report owed past its due date, until it is submitted', () => {
    expect(isOverdue(item, now)).toBe(true);
    expect(isOverdue({ ...item, state: 'returned' }, now)).toBe(true);
    expect(isOverdue({ ...item, state: 'submitted' }, now)).toBe(false);
    expect(isOverdue({ ...item, dueAt: '2026-03-11T00:00:00Z' }, now)).toBe(false);
  });
  it('a directive without a report, while the reader still has to acknowledge it', () => {
    const relay = { ...item, addressed: false, hasForm: true };
    expect(isOverdue(relay, now)).toBe(false);
    expect(isOverdue({ ...relay, can: { acknowledge: true } }, now)).toBe(true);
  });
});

describe('choosing an adopted motion', () => {
  const motion = {
    title: 'On production conferences',
    text: 'Hold a production conference in every works of the district before the end of the quarter.',
    meetingTitle: 'Plenum of the district committee',
    bodyName: 'Bureau of the district committee',
    bodyNameRu: 'Бюро райкома',
  };

  it('shows a long text cut at a word, with an ellipsis, and a short one whole', () => {
    expect(excerpt('Short  text\nhere')).toBe('Short text here');
    const cut = excerpt(motion.text, 40);
    expect(cut).toBe('Hold a production conference in every…');
    expect(cut.length).toBeLessThanOrEqual(41);
  });

  it('filters by every word typed, in the title, text, meeting or organ, in any case and language', () => {
    expect(motionMatches(motion, '')).toBe(true);
    expect(motionMatches(motion, 'PLENUM conference')).toBe(true);
    expect(motionMatches(motion, 'бюро')).toBe(true);
    expect(motionMatches(motion, 'conference harvest')).toBe(false);
  });
});

describe('a validation rule defined on the web', () => {
  it('compares an indicator with another or with a number, as the contract parses and the server evaluates it', () => {
    const byCode = compareRule('admitted', '<=', { code: 'applications' });
    expect(RuleExprSchema.parse(byCode)).toEqual(byCode);
    const values: Record<string, number> = { admitted: 3, applications: 2 };
    expect(evaluate(byCode, (c) => values[c] ?? null)).toBe('fail');
    values.applications = 5;
    expect(evaluate(byCode, (c) => values[c] ?? null)).toBe('pass');
    const byNumber = compareRule('attendance', '>=', { num: 50 });
    expect(RuleExprSchema.parse(byNumber)).toEqual(byNumber);
    expect(evaluate(byNumber, () => 40)).toBe('fail');
    expect(evaluate(byNumber, () => null)).toBe('skip');
  });
});
