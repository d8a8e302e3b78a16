// Error codes of the admission module.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const AdmissionErrors = defineErrors({
  application_not_found: { kind: 'not_found', message: 'There is no such application.' },
  recommendation_not_found: { kind: 'not_found', message: 'There is no such recommendation.' },
  candidacy_not_found: { kind: 'not_found', message: 'This person is not in a candidate stage.' },
  not_your_recommendation: { kind: 'forbidden', message: 'Only the member named as recommender may answer it.' },
  recommender_search_not_open: {
    kind: 'forbidden',
    message:
      'Only someone applying to this organisation, or those who manage it, may look up its members as recommenders.',
  },
  search_too_short: {
    kind: 'invalid',
    message: 'Type at least 3 letters of the name (2 in each word), or the card number.',
  },
  too_many_searches: {
    kind: 'rate_limited',
    message: 'Too many searches in a short time. Wait a few minutes and search again.',
  },
  body_not_primary: {
    kind: 'rule_violation',
    message: 'Applications go to a primary organisation or one of its shop cells.',
  },
  applicant_not_eligible: {
    kind: 'rule_violation',
    message: 'This person cannot apply for this: members do not apply, candidates apply only for full membership.',
  },
  target_not_in_statute: {
    kind: 'rule_violation',
    message: 'The statute in force has no candidate stage: apply for full membership.',
  },
  application_open_exists: { kind: 'conflict', message: 'This person already has an application under way.' },
  recommender_not_member: { kind: 'rule_violation', message: 'Only a full member can recommend.' },
  recommender_lacks_standing: {
    kind: 'rule_violation',
    message: 'This recommender has not been a full member long enough for the statute in force.',
  },
  recommender_is_applicant: { kind: 'rule_violation', message: 'An applicant cannot recommend themself.' },
  recommender_already_named: { kind: 'conflict', message: 'This member is already named as a recommender.' },
  recommendation_already_answered: { kind: 'conflict', message: 'This recommendation has already been answered.' },
  too_few_recommendations: {
    kind: 'rule_violation',
    message: 'Fewer recommendations are confirmed than the statute requires: the application cannot be decided yet.',
  },
  application_already_decided: {
    kind: 'conflict',
    message: 'The primary organisation has already decided on this application.',
  },
  application_already_confirmed: {
    kind: 'conflict',
    message: 'The committee has already decided on this application.',
  },
  application_closed: { kind: 'rule_violation', message: 'This application is closed.' },
  not_admitted_by_primary: {
    kind: 'rule_violation',
    message: 'The primary organisation has not admitted this applicant: there is nothing to confirm.',
  },
  no_confirming_committee: {
    kind: 'rule_violation',
    message: 'No committee above this organisation is of a kind the statute lets confirm admissions.',
  },
  state_changed: {
    kind: 'conflict',
    message: 'Someone else changed this at the same moment. Reload and check before trying again.',
  },
  candidate_stage_not_ended: { kind: 'rule_violation', message: 'The candidate stage has not ended yet.' },
  candidacy_closed: { kind: 'conflict', message: 'This candidate stage is already closed.' },
  extension_exceeds_maximum: {
    kind: 'rule_violation',
    message: 'The statute does not allow the candidate stage to be extended this long in total.',
  },
  extension_not_in_statute: { kind: 'rule_violation', message: 'The statute in force allows no extension.' },
  motion_not_carried: {
    kind: 'rule_violation',
    message: 'The vote did not reach the majority the statute requires: nothing was decided.',
  },
  ...sharedErrors(
    'body_not_found',
    'person_not_found',
    'body_not_active',
    'no_jurisdiction',
    'date_in_future',
    'date_out_of_order',
  ),
});
