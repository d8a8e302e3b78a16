// Error codes of motions, amendments, their support and minority opinions.
import { defineErrors } from '../../platform/errors.js';

export const MotionErrors = defineErrors({
  motion_not_found: { kind: 'not_found', message: 'There is no such motion in this meeting.' },
  motion_item_not_found: { kind: 'not_found', message: 'The agenda item is not on this meeting’s agenda.' },
  motion_voice_required: {
    kind: 'rule_violation',
    message: 'Only participants with a vote (not a consultative voice or guests) may move, support or amend motions.',
  },
  motion_label_needs_chair: {
    kind: 'forbidden',
    message: 'Only the chair or the presidium may move a motion in the name of a body (proposer label).',
  },
  motion_not_amendable: {
    kind: 'rule_violation',
    message:
      'Amendments can be moved only to a motion that is still before the meeting (not voted on, decided or withdrawn).',
  },
  motion_amend_amendment: {
    kind: 'rule_violation',
    message: 'An amendment cannot itself be amended; move an amendment to the motion instead.',
  },
  amendment_empty: {
    kind: 'invalid',
    message: 'An amendment that adds words at the end must give the words to add.',
  },
  amendment_no_change: {
    kind: 'invalid',
    message: 'The amendment puts in the same words it replaces: it changes nothing.',
  },
  amendment_words_not_found: {
    kind: 'rule_violation',
    message: 'The words the amendment replaces do not occur in the motion’s current text.',
  },
  amendment_words_ambiguous: {
    kind: 'rule_violation',
    message:
      'The words the amendment replaces occur more than once in the motion’s current text; quote more of the passage so it is found exactly once.',
  },
  motion_not_open_for_support: {
    kind: 'rule_violation',
    message: 'Only a motion that has not yet been put to the vote can be supported.',
  },
  motion_own_support: { kind: 'rule_violation', message: 'The proposer cannot second their own motion.' },
  motion_already_supported: { kind: 'conflict', message: 'You already support this motion.' },
  motion_withdraw_not_proposer: {
    kind: 'forbidden',
    message: 'Only the proposer (for a motion in the name of a body: the chair or the presidium) may withdraw it.',
  },
  motion_not_withdrawable: {
    kind: 'rule_violation',
    message: 'The motion can no longer be withdrawn: it is being voted on or was already decided or withdrawn.',
  },
  motion_not_supported: {
    kind: 'rule_violation',
    message: 'The motion does not yet have the supporters the statute requires before it is put to the vote.',
  },
  motion_not_votable: {
    kind: 'rule_violation',
    message: 'The motion cannot be put to the vote: it is being voted on, or was already decided, withdrawn or lapsed.',
  },
  motion_amendments_pending: {
    kind: 'rule_violation',
    message: 'The motion cannot be put to the vote while amendments to it are undecided: vote on them first, in order.',
  },
  amendment_out_of_order: {
    kind: 'rule_violation',
    message: 'Amendments are voted in the order they were moved: an earlier amendment to this motion is undecided.',
  },
  amendment_motion_decided: {
    kind: 'rule_violation',
    message: 'The motion this amendment belongs to is no longer before the meeting.',
  },
  motion_not_voting: { kind: 'conflict', message: 'The motion is not being voted on.' },
  minority_opinion_too_early: {
    kind: 'rule_violation',
    message: 'A minority opinion can be recorded only after the vote on the motion has closed.',
  },
  minority_opinion_exists: {
    kind: 'conflict',
    message: 'You have already recorded a minority opinion on this motion (one per participant).',
  },
  minority_opinion_not_participant: {
    kind: 'forbidden',
    message: 'Only voting participants of the meeting may record a minority opinion.',
  },
  minority_opinion_protocol_closed: {
    kind: 'rule_violation',
    message: 'The protocol of the meeting has been approved: minority opinions can no longer be added to it.',
  },
});
