// Error codes of direction: directives, report forms, reports, approval and roll-ups.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const DirectionErrors = defineErrors({
  indicator_not_found: { kind: 'not_found', message: 'There is no such indicator.' },
  indicator_code_taken: {
    kind: 'conflict',
    message: 'An indicator with this code already exists: choose another code.',
  },
  form_not_found: { kind: 'not_found', message: 'There is no such report form.' },
  form_rule_unknown_code: {
    kind: 'rule_violation',
    message: 'A validation rule names an indicator that is not on the form.',
  },
  schedule_not_found: { kind: 'not_found', message: 'There is no such report schedule.' },
  directive_not_found: { kind: 'not_found', message: 'There is no such directive.' },
  round_not_found: { kind: 'not_found', message: 'There is no such round of reports.' },
  not_in_round: { kind: 'not_found', message: 'This body is not bound by this directive or report.' },
  no_addressees: {
    kind: 'rule_violation',
    message: 'No active body below the issuer matches the addressees chosen: nobody would receive the directive.',
  },
  directive_source_not_adopted: {
    kind: 'rule_violation',
    message: 'A directive rests on a decision of the body: the motion given was not adopted in a meeting of this body.',
  },
  deadline_after_parent: {
    kind: 'rule_violation',
    message: 'The deadline cannot be later than the one set above.',
  },
  deadline_passed: { kind: 'rule_violation', message: 'The deadline must be today or later.' },
  target_split_mismatch: {
    kind: 'rule_violation',
    message: "The children's targets do not add up to this body's own target.",
  },
  not_a_child: { kind: 'rule_violation', message: 'A target can be split only among the bodies directly below.' },
  target_not_set: { kind: 'rule_violation', message: 'The directive sets no target for this indicator.' },
  not_a_relay: {
    kind: 'rule_violation',
    message: 'Only a committee between the issuer and the addressees may do this.',
  },
  no_form: { kind: 'rule_violation', message: 'This directive asks for no report.' },
  round_expired: {
    kind: 'rule_violation',
    message: 'The period for entering this report has expired; a committee above may reopen it with a reason.',
  },
  report_invalid: {
    kind: 'rule_violation',
    message: 'The report breaks a validation rule that must hold before it is submitted. See the rules listed.',
  },
  report_value_invalid: { kind: 'invalid', message: 'A value does not fit its indicator. See the fields listed.' },
  report_required_missing: { kind: 'rule_violation', message: 'A required value is missing.' },
  report_locked: {
    kind: 'conflict',
    message: 'This report is approved and locked; it can be changed only after a committee above reopens it.',
  },
  report_changed: {
    kind: 'conflict',
    message: 'Someone changed this report since you opened it. Reload it and check before acting again.',
  },
  report_not_submitted: { kind: 'conflict', message: 'The report has not been submitted, so it cannot be decided on.' },
  report_protocol_required: {
    kind: 'rule_violation',
    message: 'This report must give the meeting that discussed the directive and the agenda item that took it up.',
  },
  summary_not_allowed: {
    kind: 'rule_violation',
    message: 'Only a committee may file a summary, and only on a form that asks for one.',
  },
  level_not_ready: {
    kind: 'conflict',
    message: 'Not every report below is approved or excused yet, so this level cannot be accepted.',
  },
  level_accepted: {
    kind: 'conflict',
    message: 'The committee above has accepted this level: nothing below it changes until it reopens the level.',
  },
  not_accepted: { kind: 'conflict', message: 'This level has not been accepted, so there is nothing to reopen.' },
  reason_required: { kind: 'invalid', message: 'Give the reason for this act: it is kept with the record.' },
  already_acknowledged: { kind: 'conflict', message: 'This body has already acknowledged the directive.' },
  already_excused: { kind: 'conflict', message: 'This report has already been excused.' },
  campaign_not_found: { kind: 'not_found', message: 'There is no such campaign.' },
  campaign_form_without_protocol: {
    kind: 'rule_violation',
    message: "A campaign's report form must ask for the protocol of the meeting that discussed the directive.",
  },
  campaign_meet_after_deadline: {
    kind: 'rule_violation',
    message: "The day to meet by cannot be later than the directive's deadline.",
  },
  campaign_already_convened: {
    kind: 'conflict',
    message: 'This body has already convened its meeting of this campaign; cancel that meeting to convene another.',
  },
  ...sharedErrors('body_not_found', 'already_decided', 'body_not_active'),
});
