// The state machine of a candidate stage: candidate → (extended) → member | refused. Pure.
import type { CandidacyState } from '../../../contracts/admission.js';
import type { Transition } from './application-machine.js';

export type CandidacyEvent =
  /** Extension by `months`; `alreadyExtended` months so far; the statute allows `maxMonths` in total. */
  | { type: 'extend'; months: number; alreadyExtended: number; maxMonths: number }
  /** Admission to full membership confirmed; the stage must have ended on `on`. */
  | { type: 'admit'; on: string; endsOn: string }
  | { type: 'refuse' };

export type CandidacyRefusal =
  'candidacy_closed' | 'extension_exceeds_maximum' | 'extension_not_in_statute' | 'candidate_stage_not_ended';

export function candidacyTransition(
  state: CandidacyState,
  event: CandidacyEvent,
): Transition<CandidacyState, CandidacyRefusal> {
  if (state === 'member' || state === 'refused') return { ok: false, refusal: 'candidacy_closed' };
  switch (event.type) {
    case 'extend':
      if (event.maxMonths <= 0) return { ok: false, refusal: 'extension_not_in_statute' };
      if (event.months < 1 || event.alreadyExtended + event.months > event.maxMonths)
        return { ok: false, refusal: 'extension_exceeds_maximum' };
      return { ok: true, state: 'extended' };
    case 'admit':
      if (event.on < event.endsOn) return { ok: false, refusal: 'candidate_stage_not_ended' };
      return { ok: true, state: 'member' };
    case 'refuse':
      return { ok: true, state: 'refused' };
  }
}
