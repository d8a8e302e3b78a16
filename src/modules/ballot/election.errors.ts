// Error codes of elections: creating one, nominating candidates, their consent and withdrawal, and putting the
// election to the vote.
import { defineErrors } from '../../platform/errors.js';

export const ElectionErrors = defineErrors({
  election_not_found: { kind: 'not_found', message: 'There is no such election.' },
  election_agenda_item_not_found: {
    kind: 'not_found',
    message: 'The agenda item is not on this meeting’s agenda.',
  },
  election_secret_required: {
    kind: 'rule_violation',
    message: 'The statute requires elections to be held by secret ballot; an open ballot cannot be chosen.',
  },
  election_delegate_meeting_required: {
    kind: 'rule_violation',
    message: 'An election of delegates needs the higher conference or congress the delegates are elected to.',
  },
  election_delegate_meeting_unsuitable: {
    kind: 'rule_violation',
    message:
      'Delegates are elected to a conference or congress, convened by this meeting’s body or a body above it, that is not closed.',
  },
  election_delegate_meeting_not_expected: {
    kind: 'invalid',
    message: 'A higher meeting is given only for an election of delegates.',
  },
  election_no_members: {
    kind: 'rule_violation',
    message: 'The electing organisation has no full members, so the norm of representation allows no delegates.',
  },
  election_over_norm: {
    kind: 'rule_violation',
    message: 'More delegates than the statute’s norm of representation allows for this organisation.',
  },
  election_target_body_unknown: {
    kind: 'rule_violation',
    message: 'The body being elected must be this meeting’s body or one below it.',
  },
  election_open_ranked: {
    kind: 'rule_violation',
    message:
      'A show of hands cannot rank candidates: choose plurality or approval for an open election, or a secret ballot for STV.',
  },
  election_not_nominating: {
    kind: 'rule_violation',
    message: 'Nominations are closed: the election is being voted on, is over or was cancelled.',
  },
  election_not_in_meeting: {
    kind: 'rule_violation',
    message: 'The election belongs to another meeting.',
  },
  election_no_candidates: {
    kind: 'rule_violation',
    message: 'No candidate has consented to stand, so there is nobody to put on the ballot.',
  },
  election_nominator_not_present: {
    kind: 'rule_violation',
    message: 'Only voting participants present in the hall, or the chair, may nominate candidates.',
  },
  election_candidate_ineligible: {
    kind: 'rule_violation',
    message:
      'The person nominated must be a full member of the electing organisation (for a bureau, secretary or delegates: registered in its subtree).',
  },
  election_already_nominated: { kind: 'conflict', message: 'This person is already nominated in this election.' },
  election_candidate_not_found: { kind: 'not_found', message: 'This person is not a candidate in this election.' },
  election_candidate_withdrawn: {
    kind: 'rule_violation',
    message: 'The candidate has withdrawn from this election.',
  },
  election_consent_not_yours: {
    kind: 'forbidden',
    message: 'Only the candidate gives or declines consent; the chair may record consent given aloud in the hall.',
  },
  election_withdraw_not_yours: {
    kind: 'forbidden',
    message: 'Only the candidate, or the chair on their behalf, may withdraw a candidacy.',
  },
  election_cannot_cancel: {
    kind: 'rule_violation',
    message: 'Only an election still taking nominations can be cancelled; cancel its vote first.',
  },
});
