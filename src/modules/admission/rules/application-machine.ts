// The state machine of an application for candidate or full membership. Pure: state × event → new state or
// a typed refusal. The service applies it inside the transaction that writes the change.
import type { ApplicationState } from '../../../contracts/admission.js';

export type ApplicationEvent =
  /** A recommendation was confirmed or declined: `confirmed` of `required` now confirmed. */
  | { type: 'recommendations_changed'; confirmed: number; required: number }
  /** A recommender was named (allowed while collecting or ready). */
  | { type: 'recommender_named' }
  /** The primary organisation decided: admitted when the vote carried. */
  | { type: 'primary_decided'; admitted: boolean; confirmed: number; required: number }
  /** The confirming committee decided. */
  | { type: 'committee_decided'; confirmed: boolean }
  | { type: 'withdraw' };

export type ApplicationRefusal =
  | 'too_few_recommendations'
  | 'application_already_decided'
  | 'application_closed'
  | 'not_admitted_by_primary'
  | 'application_already_confirmed';

export type Transition<S, R> = { ok: true; state: S } | { ok: false; refusal: R };

const OPEN: readonly ApplicationState[] = ['collecting_recommendations', 'ready'];
const CLOSED: readonly ApplicationState[] = ['rejected_by_primary', 'rejected_by_committee', 'withdrawn', 'confirmed'];

export function isOpen(s: ApplicationState): boolean {
  return OPEN.includes(s);
}

const ok = (state: ApplicationState): Transition<ApplicationState, ApplicationRefusal> => ({ ok: true, state });
const no = (refusal: ApplicationRefusal): Transition<ApplicationState, ApplicationRefusal> => ({
  ok: false,
  refusal,
});

export function applicationTransition(
  state: ApplicationState,
  event: ApplicationEvent,
): Transition<ApplicationState, ApplicationRefusal> {
  switch (event.type) {
    case 'recommender_named':
      if (isOpen(state)) return ok(state);
      return no(state === 'admitted_by_primary' ? 'application_already_decided' : 'application_closed');
    case 'recommendations_changed':
      if (!isOpen(state))
        return no(state === 'admitted_by_primary' ? 'application_already_decided' : 'application_closed');
      return ok(event.confirmed >= event.required ? 'ready' : 'collecting_recommendations');
    case 'primary_decided':
      if (state === 'admitted_by_primary' || state === 'rejected_by_primary' || state === 'confirmed')
        return no('application_already_decided');
      if (CLOSED.includes(state)) return no('application_closed');
      if (event.confirmed < event.required) return no('too_few_recommendations');
      return ok(event.admitted ? 'admitted_by_primary' : 'rejected_by_primary');
    case 'committee_decided':
      if (state === 'confirmed' || state === 'rejected_by_committee') return no('application_already_confirmed');
      if (state !== 'admitted_by_primary') return no('not_admitted_by_primary');
      return ok(event.confirmed ? 'confirmed' : 'rejected_by_committee');
    case 'withdraw':
      if (isOpen(state)) return ok('withdrawn');
      return no(state === 'admitted_by_primary' ? 'application_already_decided' : 'application_closed');
  }
}
