// Error codes of the protocol and its sealing.
import { defineErrors } from '../../platform/errors.js';

export const ProtocolErrors = defineErrors({
  protocol_not_found: {
    kind: 'not_found',
    message: 'This meeting has no protocol yet. The secretary generates it from the record.',
  },
  protocol_no_record: {
    kind: 'rule_violation',
    message: 'The meeting has not been held (it was not opened, or it was cancelled): there is no record to write up.',
  },
  protocol_not_draft: {
    kind: 'rule_violation',
    message: 'The protocol is approved: it can no longer be regenerated or edited.',
  },
  protocol_not_approved: {
    kind: 'rule_violation',
    message: 'Approve the protocol before sealing it.',
  },
  protocol_sealed: {
    kind: 'rule_violation',
    message: 'The protocol is sealed: it can no longer be changed.',
  },
  protocol_stale: {
    kind: 'conflict',
    message: 'The protocol changed since you loaded it (someone else edited it). Reload and try again.',
  },
  meeting_not_closed: {
    kind: 'rule_violation',
    message: 'Close the meeting first: a protocol is approved and sealed only after the meeting has closed.',
  },
  seal_busy: {
    kind: 'conflict',
    message: 'Other records were being sealed at the same moment. Try again.',
  },
  verify_forbidden: {
    kind: 'forbidden',
    message: 'Only those who manage a body of the organisation may verify the sealed records.',
  },
});
