// Error codes of discipline cases, penalties and appeals.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const DisciplineErrors = defineErrors({
  case_not_found: { kind: 'not_found', message: 'There is no such discipline case.' },
  penalty_not_found: { kind: 'not_found', message: 'There is no such penalty.' },
  appeal_not_found: { kind: 'not_found', message: 'There is no such appeal.' },
  act_not_found: { kind: 'not_found', message: 'There is no such decided case or review item.' },
  not_a_member: {
    kind: 'rule_violation',
    message: 'Charges are brought against members and candidates registered in a primary organisation.',
  },
  not_the_accused: { kind: 'forbidden', message: 'Only the accused member may answer the charge.' },
  not_the_penalised: { kind: 'forbidden', message: 'Only the penalised member may appeal.' },
  own_appeal: {
    kind: 'forbidden',
    message: 'Nobody decides an appeal about themselves: the other members of the appellate body decide it.',
  },
  penalty_not_in_statute: {
    kind: 'rule_violation',
    message: 'The statute in force on the decision date does not know this penalty.',
  },
  penalty_not_applicable: {
    kind: 'rule_violation',
    message: 'This penalty cannot be applied to the person in their present status.',
  },
  majority_not_reached: { kind: 'rule_violation', message: 'The vote does not carry under the statute’s majority.' },
  appeal_deadline_passed: {
    kind: 'rule_violation',
    message: 'The statute’s deadline for appealing this decision has passed.',
  },
  appeal_before_decision: { kind: 'rule_violation', message: 'An appeal cannot be dated before the decision.' },
  no_appellate_body: {
    kind: 'rule_violation',
    message: 'There is no higher committee of the kinds the statute names to hear this appeal.',
  },
  no_control_commission: { kind: 'rule_violation', message: 'The organisation has no control commission above.' },
  // State machine refusals.
  already_answered: { kind: 'conflict', message: 'The charge has already been answered.' },
  hearing_not_allowed: { kind: 'conflict', message: 'A hearing cannot be held at this stage.' },
  hearing_required: { kind: 'rule_violation', message: 'The case must be heard before it is decided.' },
  not_decided: { kind: 'rule_violation', message: 'Nothing has been decided yet: there is nothing to appeal.' },
  not_appealable: { kind: 'rule_violation', message: 'This decision imposes nothing and cannot be appealed.' },
  appeal_pending: { kind: 'conflict', message: 'An appeal against this decision is already pending.' },
  already_appealed: { kind: 'conflict', message: 'This decision has already been appealed.' },
  no_pending_appeal: { kind: 'conflict', message: 'There is no pending appeal to decide.' },
  appeal_already_decided: { kind: 'conflict', message: 'This appeal has already been decided.' },
  not_escalatable: {
    kind: 'rule_violation',
    message: 'Only an appeal dismissed by the higher body may go to the control commission.',
  },
  penalty_not_active: { kind: 'conflict', message: 'This penalty is no longer in force.' },
  ...sharedErrors(
    'body_not_found',
    'person_not_found',
    'already_decided',
    'no_jurisdiction',
    'date_in_future',
    'date_out_of_order',
  ),
});
