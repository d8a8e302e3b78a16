// Error codes of the list of speakers (the floor). Shared meeting codes (not open, not present, conflict, no such
// agenda item) live in assembly.errors.ts.
import { defineErrors } from '../../platform/errors.js';

export const FloorErrors = defineErrors({
  floor_request_not_found: { kind: 'not_found', message: 'There is no such request for the floor in this meeting.' },
  floor_no_current_item: {
    kind: 'rule_violation',
    message: 'No agenda item is under discussion: the chair takes up an item first.',
  },
  floor_not_current_item: {
    kind: 'rule_violation',
    message: 'This request is for an agenda item that is not under discussion now.',
  },
  floor_already_requested: {
    kind: 'conflict',
    message: 'This person already waits for the floor on this item with a request of this kind.',
  },
  floor_report_chair_only: {
    kind: 'forbidden',
    message: 'Only the chair or the presidium puts a report on the list of speakers.',
  },
  floor_not_a_participant: { kind: 'rule_violation', message: 'This person is not a participant of the meeting.' },
  floor_not_yours: {
    kind: 'forbidden',
    message: 'Only the person who asked for the floor (or the chair) may withdraw the request.',
  },
  floor_not_waiting: {
    kind: 'conflict',
    message: 'This request is no longer waiting (it was given the floor, ended or withdrawn). Reload the list.',
  },
  floor_not_speaking: {
    kind: 'conflict',
    message: 'This person does not have the floor now. Reload the list.',
  },
  floor_queue_changed: {
    kind: 'conflict',
    message: 'The list of speakers changed meanwhile: the new order must name every waiting request once. Reload.',
  },
  floor_reorder_invalid: { kind: 'invalid', message: 'The new order names a request more than once.' },
});
