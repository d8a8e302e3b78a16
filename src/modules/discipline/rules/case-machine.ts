// The discipline case as a state machine: state × event → new state, or a typed refusal. Pure.
import type { CaseState } from '../../../contracts/discipline.js';

export type CaseEvent =
  | { type: 'answer' }
  | { type: 'hear' }
  | { type: 'decide'; acquittal: boolean }
  | { type: 'appeal' }
  | { type: 'decide_appeal'; upheld: boolean }
  | { type: 'escalate' }
  | { type: 'decide_control_commission'; upheld: boolean };

export type CaseRefusal =
  | 'already_answered'
  | 'hearing_not_allowed'
  | 'hearing_required'
  | 'already_decided'
  | 'not_appealable'
  | 'appeal_pending'
  | 'already_appealed'
  | 'no_pending_appeal'
  | 'not_escalatable';

export type Transition = { ok: true; state: CaseState } | { ok: false; refusal: CaseRefusal };

const ok = (state: CaseState): Transition => ({ ok: true, state });
const no = (refusal: CaseRefusal): Transition => ({ ok: false, refusal });

const AFTER_DECISION: CaseState[] = [
  'decided',
  'appealed',
  'appeal_upheld',
  'appeal_dismissed',
  'control_commission_appeal',
  'control_commission_upheld',
  'control_commission_dismissed',
];

/**
 * charged → answered → heard → decided → appealed → appeal_upheld | appeal_dismissed
 *   → control_commission_appeal → control_commission_upheld | control_commission_dismissed.
 * A hearing may follow the charge without an answer (the accused may decline to answer); a decision needs a
 * hearing. An acquittal cannot be appealed (`acquitted` says whether the decision was one).
 */
export function nextCaseState(state: CaseState, event: CaseEvent, acquitted = false): Transition {
  switch (event.type) {
    case 'answer':
      return state === 'charged' ? ok('answered') : no('already_answered');
    case 'hear':
      if (state === 'charged' || state === 'answered') return ok('heard');
      return AFTER_DECISION.includes(state) ? no('already_decided') : no('hearing_not_allowed');
    case 'decide':
      if (state === 'heard') return ok('decided');
      return AFTER_DECISION.includes(state) ? no('already_decided') : no('hearing_required');
    case 'appeal':
      if (state === 'decided') return acquitted ? no('not_appealable') : ok('appealed');
      if (state === 'appealed' || state === 'control_commission_appeal') return no('appeal_pending');
      if (AFTER_DECISION.includes(state)) return no('already_appealed');
      return no('not_appealable');
    case 'decide_appeal':
      if (state === 'appealed') return ok(event.upheld ? 'appeal_upheld' : 'appeal_dismissed');
      return no('no_pending_appeal');
    case 'escalate':
      if (state === 'appeal_dismissed') return ok('control_commission_appeal');
      if (state === 'control_commission_appeal') return no('appeal_pending');
      return no('not_escalatable');
    case 'decide_control_commission':
      if (state === 'control_commission_appeal')
        return ok(event.upheld ? 'control_commission_upheld' : 'control_commission_dismissed');
      return no('no_pending_appeal');
  }
}

/** States in which the case is still in the primary organisation's hands. */
export const OPEN_CHARGE_STATES: CaseState[] = ['charged', 'answered', 'heard'];
