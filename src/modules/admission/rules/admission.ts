// Pure admission rules: the statute's recommendation requirement, a recommender's standing, date arithmetic,
// the confirming committee, card number format, and the outcome of a vote.
import type { MembershipRules, Requirement } from '../../../contracts/membership-rules.js';

/** The requirement for an applicant of this social position (statute's special case, else its default). */
export function requirementFor(rules: MembershipRules, socialPosition: string): Requirement {
  return rules.recommendations.bySocialPosition[socialPosition] ?? rules.recommendations.default;
}

/** 'YYYY-MM-DD' plus whole months (clamped to the last day of the month). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a full member who joined on `joinedOn` has `minYears` of standing on `onDate`. */
export function hasStanding(joinedOn: string | null, onDate: string, minYears: number): boolean {
  if (!joinedOn) return false;
  return addMonths(joinedOn, Math.round(minYears * 12)) <= onDate;
}

export type RecommenderProblem = 'recommender_not_member' | 'recommender_lacks_standing' | 'recommender_is_applicant';

/** Why a person may not recommend on `onDate` (null when they may): only full members with the standing. */
export function recommenderProblem(
  recommender: { id: string; status: string; joinedOn: string | null },
  applicantId: string,
  onDate: string,
  minStandingYears: number,
): RecommenderProblem | null {
  if (recommender.id === applicantId) return 'recommender_is_applicant';
  if (recommender.status !== 'member') return 'recommender_not_member';
  if (!hasStanding(recommender.joinedOn, onDate, minStandingYears)) return 'recommender_lacks_standing';
  return null;
}

/** The nearest ancestor (ordered root first) whose kind confirms admissions, or null. */
export function nearestConfirming<T extends { kind: string }>(
  ancestorsRootFirst: T[],
  kinds: readonly string[],
): T | null {
  for (let i = ancestorsRootFirst.length - 1; i >= 0; i--) {
    const a = ancestorsRootFirst[i]!;
    if (kinds.includes(a.kind)) return a;
  }
  return null;
}

/** A party card number: 8 digits; a candidate card carries the prefix 'C'. */
export function formatCardNumber(value: number, candidate: boolean): string {
  const digits = String(value).padStart(8, '0');
  return candidate ? `C${digits}` : digits;
}

export type DateProblem = 'date_in_future' | 'date_out_of_order';

/** An act's date: not after today, not before the act it follows. */
export function actDateProblem(on: string, today: string, notBefore: string | null): DateProblem | null {
  if (on > today) return 'date_in_future';
  if (notBefore && on < notBefore) return 'date_out_of_order';
  return null;
}
