// Error codes of the dues module.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const DuesErrors = defineErrors({
  dues_amount_mismatch: {
    kind: 'rule_violation',
    message:
      'The amount paid is not what the statute’s scale gives for these earnings in that month. See details.expected.',
  },
  dues_already_paid: { kind: 'conflict', message: 'Dues for this member and month are already recorded.' },
  dues_not_a_member: { kind: 'rule_violation', message: 'Only members and candidates pay dues.' },
  dues_not_registered: {
    kind: 'rule_violation',
    message: 'The member is registered nowhere (in transit): record dues once they are registered.',
  },
  dues_month_in_future: { kind: 'rule_violation', message: 'Dues cannot be recorded for a month that has not begun.' },
  dues_month_not_due: {
    kind: 'rule_violation',
    message: 'No dues are due for this month: it is before the member joined or before the dues register starts.',
  },
  dues_paid_in_future: { kind: 'rule_violation', message: 'The date of payment cannot be in the future.' },
  dues_paid_before_month: { kind: 'rule_violation', message: 'Dues for a month cannot be paid before that month.' },
  ...sharedErrors('body_not_found', 'person_not_found'),
});
