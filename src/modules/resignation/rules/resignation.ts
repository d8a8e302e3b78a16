// The resignation state machine (pure): submitted → discussed → accepted | withdrawn (withdrawn also from submitted).
import type { ResignationState } from '../../../contracts/resignation.js';

export type ResignationEvent = 'discuss' | 'accept' | 'withdraw';
export type ResignationRefusal = 'resignation_closed' | 'resignation_already_discussed' | 'resignation_not_discussed';

export type ResignationTransition = { ok: true; state: ResignationState } | { ok: false; code: ResignationRefusal };

export function nextResignationState(state: ResignationState, event: ResignationEvent): ResignationTransition {
  if (state === 'accepted' || state === 'withdrawn') return { ok: false, code: 'resignation_closed' };
  if (event === 'withdraw') return { ok: true, state: 'withdrawn' };
  if (event === 'discuss')
    return state === 'submitted'
      ? { ok: true, state: 'discussed' }
      : { ok: false, code: 'resignation_already_discussed' };
  return state === 'discussed' ? { ok: true, state: 'accepted' } : { ok: false, code: 'resignation_not_discussed' };
}
