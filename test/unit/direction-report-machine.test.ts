// Direction: the report's state machine (ADR 0027 §5), every state against every act.
import { describe, expect, it } from 'vitest';
import {
  counted,
  nextState,
  reportCan,
  type ReportAct,
  type ReportState,
} from '../../src/modules/direction/rules/report-machine.js';

const STATES: ReportState[] = ['none', 'draft', 'submitted', 'returned', 'approved', 'reopened'];
const ACTS: ReportAct[] = ['save', 'submit', 'return', 'approve', 'reopen', 'excuse'];

// rows: states; columns: save, submit, return, approve, reopen, excuse ('-' = not allowed)
const TABLE: Record<ReportState, string[]> = {
  none: ['draft', 'submitted', '-', '-', '-', 'none'],
  draft: ['draft', 'submitted', '-', '-', '-', 'draft'],
  submitted: ['-', '-', 'returned', 'approved', '-', '-'],
  returned: ['returned', 'submitted', '-', '-', '-', 'returned'],
  approved: ['-', '-', '-', '-', 'reopened', '-'],
  reopened: ['reopened', 'submitted', '-', '-', '-', '-'],
};

describe('the report machine', () => {
  const cells = STATES.flatMap((s) => ACTS.map((a, i) => [s, a, TABLE[s][i]!] as const));
  it.each(cells)('%s --%s--> %s', (state, act, expected) => {
    const next = expected === '-' ? null : (expected as ReportState);
    expect(nextState(state, act)).toBe(next);
    expect(reportCan(state, act)).toBe(next !== null);
  });

  it('walks the whole life of a report: returned, corrected, approved, reopened, resubmitted', () => {
    const acts: ReportAct[] = ['save', 'submit', 'return', 'save', 'submit', 'approve', 'reopen', 'save', 'submit'];
    const seen: ReportState[] = [];
    let s: ReportState = 'none';
    for (const a of acts) {
      s = nextState(s, a)!;
      seen.push(s);
    }
    expect(seen).toEqual([
      'draft',
      'submitted',
      'returned',
      'returned',
      'submitted',
      'approved',
      'reopened',
      'reopened',
      'submitted',
    ]);
  });

  it('counts submitted, approved and reopened reports in roll-ups, not drafts or returned ones', () => {
    expect(STATES.filter(counted)).toEqual(['submitted', 'approved', 'reopened']);
  });
});
