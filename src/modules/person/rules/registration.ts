// Rules for registering a person: status, card number and body. Pure: no IO.
import type { PersonStatus } from '../../../contracts/person.js';

export type RegistrationProblem =
  | 'card_number_required'
  | 'card_number_not_allowed'
  | 'registration_body_invalid'
  | 'candidate_stage_not_in_statute'
  | 'body_not_active'
  | 'joined_in_future';

export interface RegistrationFacts {
  status: PersonStatus;
  cardNumber: string | null;
  /** The body registered in: its status and its primary organisation (null above primary level). */
  bodyStatus: string;
  bodyPrimaryId: string | null;
  candidateStageMonths: number;
  joinedOn: string | null;
  today: string;
}

/** The first rule a registration breaks, or null when it is acceptable. */
export function registrationProblem(f: RegistrationFacts): RegistrationProblem | null {
  if (f.bodyStatus !== 'active') return 'body_not_active';
  if (f.status === 'member' && !f.cardNumber) return 'card_number_required';
  if (f.status === 'non_member' && f.cardNumber) return 'card_number_not_allowed';
  if (f.status === 'candidate' && f.candidateStageMonths === 0) return 'candidate_stage_not_in_statute';
  if (f.status !== 'non_member' && f.bodyPrimaryId === null) return 'registration_body_invalid';
  if (f.joinedOn && f.joinedOn > f.today) return 'joined_in_future';
  return null;
}

/** Search words: at most 4, trimmed, lower-cased, LIKE wildcards escaped. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((t) => t.replace(/[\\%_]/g, (m) => '\\' + m));
}

/** "Given Patronymic Family" for display. */
export function displayName(p: { givenName: string; familyName: string; patronymic?: string | null }): string {
  return [p.givenName, p.patronymic, p.familyName].filter(Boolean).join(' ');
}
