// Error codes of the person module.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const PersonErrors = defineErrors({
  card_number_taken: {
    kind: 'conflict',
    message: 'This card number is already held by another person. Check the number.',
  },
  card_number_required: { kind: 'rule_violation', message: 'A full member needs a membership card number.' },
  card_number_not_allowed: { kind: 'rule_violation', message: 'A non-member cannot hold a membership card number.' },
  registration_body_invalid: {
    kind: 'rule_violation',
    message: 'Members and candidates are registered in a primary organisation, a shop cell or a party group.',
  },
  candidate_stage_not_in_statute: {
    kind: 'rule_violation',
    message: 'The statute in force has no candidate stage: admit the person as a member.',
  },
  joined_in_future: { kind: 'rule_violation', message: 'The date of joining cannot be in the future.' },
  ...sharedErrors('body_not_found', 'person_not_found', 'enterprise_not_found', 'body_not_active'),
});
