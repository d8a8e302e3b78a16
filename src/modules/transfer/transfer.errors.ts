// Error codes of transfers.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const TransferErrors = defineErrors({
  transfer_not_a_member: { kind: 'rule_violation', message: 'Only members and candidates are transferred.' },
  transfer_already_in_transit: {
    kind: 'rule_violation',
    message: 'This member is already deregistered (in transit): register them in the receiving organisation.',
  },
  transfer_not_in_transit: {
    kind: 'rule_violation',
    message: 'This member is registered in an organisation: that organisation must deregister them first.',
  },
  transfer_not_registered: {
    kind: 'rule_violation',
    message: 'This member is registered nowhere: register them in the receiving organisation instead.',
  },
  transfer_same_body: { kind: 'rule_violation', message: 'The member is already registered in this body.' },
  transfer_body_invalid: {
    kind: 'rule_violation',
    message: 'Members are registered in an active primary organisation, shop cell or party group.',
  },
  transfer_date_in_future: { kind: 'rule_violation', message: 'The date of the act cannot be in the future.' },
  transfer_date_too_early: {
    kind: 'rule_violation',
    message: 'The date is before the member joined or before they were deregistered.',
  },
  transfer_conflict: {
    kind: 'conflict',
    message: "Someone changed this member's registration at the same moment. Reload and try again.",
  },
  ...sharedErrors('body_not_found', 'person_not_found'),
});
