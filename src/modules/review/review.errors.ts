// Error codes of membership reviews.
import { defineErrors } from '../../platform/errors.js';

export const ReviewErrors = defineErrors({
  review_not_found: { kind: 'not_found', message: 'There is no such review.' },
  item_not_found: { kind: 'not_found', message: 'There is no such review item.' },
  body_not_found: { kind: 'not_found', message: 'There is no such body.' },
  not_a_committee: { kind: 'rule_violation', message: 'A review is opened by a committee over its subtree.' },
  deadline_before_opening: { kind: 'rule_violation', message: 'The deadline must come after the opening date.' },
  date_in_future: { kind: 'rule_violation', message: 'The date of an act cannot be in the future.' },
  date_out_of_order: { kind: 'rule_violation', message: 'An item cannot be decided before the review opened.' },
  already_decided: { kind: 'conflict', message: 'This review item has already been decided.' },
  review_closed: { kind: 'conflict', message: 'This review is closed.' },
  already_closed: { kind: 'conflict', message: 'This review is already closed.' },
  deadline_not_passed: { kind: 'rule_violation', message: 'A review can be closed only after its deadline.' },
  outcome_not_applicable: {
    kind: 'rule_violation',
    message: 'This outcome cannot be applied to the person in their present status.',
  },
});
