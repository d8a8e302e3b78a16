// Error codes of delegates' mandates at a higher conference: entering, checking (credentials commission), quotas
// under the norm of representation, and seating.
import { defineErrors } from '../../platform/errors.js';

export const MandateErrors = defineErrors({
  mandate_not_found: { kind: 'not_found', message: 'There is no such mandate.' },
  mandate_meeting_not_delegate: {
    kind: 'rule_violation',
    message: 'Mandates are held only for conferences and congresses, whose roll is made of delegates.',
  },
  mandate_role_required: {
    kind: 'forbidden',
    message: 'Mandates are entered and checked by the credentials commission or the convening body’s secretaries.',
  },
  mandate_body_not_below: {
    kind: 'rule_violation',
    message: 'The electing body must be the convening body or one below it.',
  },
  mandate_person_ineligible: {
    kind: 'rule_violation',
    message: 'A delegate must be a full member registered in the electing body’s subtree.',
  },
  mandate_exists: {
    kind: 'conflict',
    message: 'This person already has a mandate to this meeting.',
  },
  mandate_own: {
    kind: 'forbidden',
    message: 'Nobody checks their own mandate: another member of the credentials commission must.',
  },
  mandate_reason_required: { kind: 'invalid', message: 'Give the reason a mandate is rejected.' },
  mandate_already_checked: {
    kind: 'conflict',
    message: 'The mandate already has this status.',
  },
  mandate_over_quota: {
    kind: 'rule_violation',
    message:
      'The electing body has already sent as many confirmed delegates as the norm of representation allows; this mandate cannot be confirmed.',
  },
  mandate_delegate_seated: {
    kind: 'rule_violation',
    message: 'The meeting has opened: a seated delegate can no longer be removed by rejecting the mandate.',
  },
});
