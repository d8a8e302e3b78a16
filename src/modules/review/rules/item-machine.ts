// A review item as a state machine: state × event → new state, or a typed refusal. Pure.
import type { ReviewItemState, ReviewOutcome } from '../../../contracts/review.js';
import type { StatusEffect } from '../../discipline/rules/penalties.js';

export type ItemEvent =
  | { type: 'decide' }
  | { type: 'appeal' }
  | { type: 'decide_appeal'; upheld: boolean }
  | { type: 'escalate' }
  | { type: 'decide_control_commission'; upheld: boolean };

export type ItemRefusal =
  | 'already_decided'
  | 'not_decided'
  | 'not_appealable'
  | 'appeal_pending'
  | 'already_appealed'
  | 'no_pending_appeal'
  | 'not_escalatable';

export type ItemTransition = { ok: true; state: ReviewItemState } | { ok: false; refusal: ItemRefusal };

const ok = (state: ReviewItemState): ItemTransition => ({ ok: true, state });
const no = (refusal: ItemRefusal): ItemTransition => ({ ok: false, refusal });

/**
 * pending → decided → appealed → appeal_upheld | appeal_dismissed → control_commission_appeal →
 * control_commission_upheld | control_commission_dismissed. A confirmation cannot be appealed.
 */
export function nextItemState(state: ReviewItemState, event: ItemEvent, outcome: ReviewOutcome | null): ItemTransition {
  switch (event.type) {
    case 'decide':
      return state === 'pending' ? ok('decided') : no('already_decided');
    case 'appeal':
      if (state === 'pending') return no('not_decided');
      if (state === 'decided') return outcome === 'confirmed' ? no('not_appealable') : ok('appealed');
      if (state === 'appealed' || state === 'control_commission_appeal') return no('appeal_pending');
      return no('already_appealed');
    case 'decide_appeal':
      return state === 'appealed' ? ok(event.upheld ? 'appeal_upheld' : 'appeal_dismissed') : no('no_pending_appeal');
    case 'escalate':
      if (state === 'appeal_dismissed') return ok('control_commission_appeal');
      if (state === 'control_commission_appeal') return no('appeal_pending');
      return no('not_escalatable');
    case 'decide_control_commission':
      return state === 'control_commission_appeal'
        ? ok(event.upheld ? 'control_commission_upheld' : 'control_commission_dismissed')
        : no('no_pending_appeal');
  }
}

/** What an outcome does to the person's record (null: nothing). */
export function effectOfOutcome(outcome: ReviewOutcome): StatusEffect | null {
  switch (outcome) {
    case 'confirmed':
      return null;
    case 'moved_to_candidate':
      return 'to_candidate';
    case 'moved_to_sympathiser':
      return 'to_sympathiser';
    case 'expelled':
      return 'expel';
  }
}

/** A review may be closed only after its deadline. */
export function canClose(
  state: 'open' | 'closed',
  deadline: string,
  closedOn: string,
): 'already_closed' | 'deadline_not_passed' | null {
  if (state === 'closed') return 'already_closed';
  if (closedOn <= deadline) return 'deadline_not_passed';
  return null;
}
