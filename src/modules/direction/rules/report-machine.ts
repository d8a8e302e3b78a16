// The states of one body's report in one round and the acts that move it (ADR 0027 §5). Pure.
//
//   none ──save──▶ draft ──submit──▶ submitted ──approve──▶ approved ──reopen──▶ reopened ──submit──▶ submitted
//                                        │                                        (save keeps it reopened)
//                                        └──return──▶ returned ──submit──▶ submitted (save keeps it returned)
//   submit also straight from none; excuse (a flag, not a state) in none, draft and returned.

export type ReportState = 'none' | 'draft' | 'submitted' | 'returned' | 'approved' | 'reopened';
export type ReportAct = 'save' | 'submit' | 'return' | 'approve' | 'reopen' | 'excuse';

const TABLE: Record<ReportAct, Partial<Record<ReportState, ReportState>>> = {
  // a draft of a correction stays returned or reopened until it is submitted
  save: { none: 'draft', draft: 'draft', returned: 'returned', reopened: 'reopened' },
  submit: { none: 'submitted', draft: 'submitted', returned: 'submitted', reopened: 'submitted' },
  return: { submitted: 'returned' },
  approve: { submitted: 'approved' },
  reopen: { approved: 'reopened' },
  // excusal is a flag on the body's row: the state stays
  excuse: { none: 'none', draft: 'draft', returned: 'returned' },
};

/** The state after `act`, or null when the act is not allowed in `state`. */
export function nextState(state: ReportState, act: ReportAct): ReportState | null {
  return TABLE[act][state] ?? null;
}

export function reportCan(state: ReportState, act: ReportAct): boolean {
  return nextState(state, act) !== null;
}

/**
 * Whether roll-ups count the report's last submitted version: submitted, approved, and reopened (its last
 * submitted version stays counted until a new submission replaces it). A returned report leaves them.
 */
export function counted(state: ReportState): boolean {
  return state === 'submitted' || state === 'approved' || state === 'reopened';
}
