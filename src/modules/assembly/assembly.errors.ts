// Error codes shared by every part of the assembly module (meetings, floor, transcript, notes, protocol).
// Parts with many codes of their own keep them in their own *.errors.ts.
import { defineErrors } from '../../platform/errors.js';

export const AssemblyErrors = defineErrors({
  meeting_not_found: { kind: 'not_found', message: 'There is no such meeting.' },
  agenda_item_not_found: { kind: 'not_found', message: 'There is no such item on this meeting’s agenda.' },
  meeting_not_open: {
    kind: 'rule_violation',
    message: 'The meeting is not open. This can be done only while the meeting is in session.',
  },
  meeting_already_closed: { kind: 'rule_violation', message: 'The meeting is closed or cancelled.' },
  meeting_conflict: {
    kind: 'conflict',
    message: 'The meeting changed at the same moment (someone else acted). Reload and try again.',
  },
  meeting_not_participant: { kind: 'forbidden', message: 'You are not a participant of this meeting.' },
  meeting_not_present: {
    kind: 'rule_violation',
    message: 'Check in first: this can be done only by participants present in the hall.',
  },
  meeting_role_required: {
    kind: 'forbidden',
    message: 'This needs a role in this meeting (chair, presidium, secretary, stenographer or secretariat).',
  },
});
