// Appeals: the deadline and the date checks. Pure.
import type { AppealState } from '../../../contracts/discipline.js';
import { addDays } from './penalties.js';

/** The last day an appeal may be lodged: `appealDeadlineDays` after the decision appealed against. */
export function appealDeadline(decidedOn: string, appealDeadlineDays: number): string {
  return addDays(decidedOn, appealDeadlineDays);
}

export type AppealRefusal = 'appeal_deadline_passed' | 'appeal_before_decision' | 'date_in_future';

export function appealDateProblem(
  lodgedOn: string,
  decidedOn: string,
  deadline: string,
  today: string,
): AppealRefusal | null {
  if (lodgedOn > today) return 'date_in_future';
  if (lodgedOn < decidedOn) return 'appeal_before_decision';
  if (lodgedOn > deadline) return 'appeal_deadline_passed';
  return null;
}

/** An appeal is decided once: pending → upheld | dismissed. */
export function decideAppeal(
  state: AppealState,
  upheld: boolean,
): { ok: true; state: AppealState } | { ok: false; refusal: 'appeal_already_decided' } {
  if (state !== 'pending') return { ok: false, refusal: 'appeal_already_decided' };
  return { ok: true, state: upheld ? 'upheld' : 'dismissed' };
}
