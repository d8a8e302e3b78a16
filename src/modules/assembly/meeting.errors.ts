// Error codes of meetings: convening, notice, attendance (check-in and quorum), roles and the chair's moves.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const MeetingErrors = defineErrors({
  meeting_kind_not_allowed: {
    kind: 'rule_violation',
    message: 'The statute does not let this body hold this kind of meeting.',
  },
  meeting_delegates_required: {
    kind: 'rule_violation',
    message: 'A conference or congress needs its list of delegates: give at least one delegate.',
  },
  meeting_delegates_not_expected: {
    kind: 'rule_violation',
    message: 'Delegates are listed only for conferences and congresses; this meeting is attended by right.',
  },
  meeting_person_unknown: {
    kind: 'rule_violation',
    message: 'Some of the persons named are not in the register of this organisation.',
  },
  meeting_notice_too_short: {
    kind: 'rule_violation',
    message:
      'The statute asks for more notice of this kind of meeting: choose a later start (see earliestStart), or mark the meeting urgent if it is an extraordinary meeting that cannot wait.',
  },
  meeting_ends_before_start: { kind: 'rule_violation', message: 'The meeting must end after it starts.' },
  meeting_already_open: {
    kind: 'rule_violation',
    message: 'The meeting has already opened (or ended): its date, place and agenda can no longer be changed.',
  },
  meeting_not_convened: {
    kind: 'rule_violation',
    message: 'This can be done only before the meeting opens.',
  },
  check_in_code_unknown: {
    kind: 'rule_violation',
    message: 'No participant of this meeting has this code. Check the code or find the person by name.',
  },
  hall_code_wrong: {
    kind: 'rule_violation',
    message: 'The hall code is not right. Type the code shown in the hall.',
  },
  meeting_person_not_entitled: {
    kind: 'rule_violation',
    message: 'This person is not entitled to attend. Admit them as a guest if the meeting admits guests.',
  },
  meeting_guests_not_admitted: {
    kind: 'rule_violation',
    message: 'The statute admits no guests to this kind of meeting.',
  },
  meeting_role_needs_participant: {
    kind: 'rule_violation',
    message: 'The chair, presidium and secretary must be participants of the meeting.',
  },
  meeting_one_chair: { kind: 'rule_violation', message: 'A meeting has one chair.' },
  chair_required: {
    kind: 'rule_violation',
    message:
      'A meeting opens only with a chair, who presides and signs the protocol. Name the chair under Roles, then open the meeting.',
  },
  meeting_vote_running: {
    kind: 'conflict',
    message: 'A vote is still announced or open in this meeting. Close or cancel it before closing the meeting.',
  },
  meeting_code_collision: {
    kind: 'conflict',
    message: 'Could not issue unique check-in codes. Try again.',
  },
  ...sharedErrors('body_not_found'),
});
