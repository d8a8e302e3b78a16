// Error codes of membership reviews.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const ReviewErrors = defineErrors({
  review_not_found: { kind: 'not_found', message: 'There is no such review.' },
  item_not_found: { kind: 'not_found', message: 'There is no such review item.' },
  not_a_committee: { kind: 'rule_violation', message: 'A review is opened by a committee over its subtree.' },
  deadline_before_opening: { kind: 'rule_violation', message: 'The deadline must come after the opening date.' },
  review_closed: { kind: 'conflict', message: 'This review is closed.' },
  already_closed: { kind: 'conflict', message: 'This review is already closed.' },
  deadline_not_passed: { kind: 'rule_violation', message: 'A review can be closed only after its deadline.' },
  outcome_not_applicable: {
    kind: 'rule_violation',
    message: 'This outcome cannot be applied to the person in their present status.',
  },
  ...sharedErrors('body_not_found', 'already_decided', 'date_in_future', 'date_out_of_order'),
});
