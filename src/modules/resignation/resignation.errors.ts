// Error codes of resignations.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const ResignationErrors = defineErrors({
  resignation_not_found: { kind: 'not_found', message: 'There is no such resignation.' },
  resignation_not_a_member: {
    kind: 'rule_violation',
    message: 'Only a member or candidate registered in an organisation can resign.',
  },
  resignation_already_open: {
    kind: 'conflict',
    message: 'You have already submitted a resignation that is still open.',
  },
  resignation_closed: {
    kind: 'rule_violation',
    message: 'This resignation has already been accepted or withdrawn.',
  },
  resignation_already_discussed: {
    kind: 'rule_violation',
    message: 'The organisation has already recorded its discussion of this resignation.',
  },
  resignation_not_discussed: {
    kind: 'rule_violation',
    message: 'The organisation must discuss the resignation before deciding on it.',
  },
  resignation_vote_not_carried: {
    kind: 'rule_violation',
    message:
      'The vote does not carry: the resignation is not accepted. Record the decision when a majority accepts it.',
  },
  resignation_date_in_future: { kind: 'rule_violation', message: 'The date cannot be in the future.' },
  resignation_date_out_of_order: {
    kind: 'rule_violation',
    message: 'The date is before the previous step of this resignation (or before the member joined).',
  },
  resignation_conflict: {
    kind: 'conflict',
    message: 'Someone changed this resignation at the same moment. Reload and try again.',
  },
  ...sharedErrors('body_not_found'),
});
