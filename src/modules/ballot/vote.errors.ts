// Error codes of votes and the secret ballot. Messages never repeat a token back.
import { defineErrors } from '../../platform/errors.js';

export const VoteErrors = defineErrors({
  vote_not_found: { kind: 'not_found', message: 'There is no such vote.' },
  vote_already_running: {
    kind: 'conflict',
    message: 'Another vote is announced or open in this meeting. Close or cancel it first.',
  },
  vote_subject_missing: {
    kind: 'invalid',
    message: 'Put a motion, an election, or a question with a title and an agenda item — exactly one of them.',
  },
  vote_subject_unavailable: {
    kind: 'rule_violation',
    message: 'Votes on this kind of subject are not available on this server yet.',
  },
  vote_agenda_item_unknown: { kind: 'rule_violation', message: 'The agenda item is not in this meeting.' },
  vote_method_not_allowed: {
    kind: 'rule_violation',
    message: 'This method of voting is not allowed for this question (the statute or the election requires another).',
  },
  vote_not_announced: { kind: 'conflict', message: 'The vote has already been opened, closed or cancelled.' },
  vote_not_open: {
    kind: 'conflict',
    message: 'The vote is not open. Your ballot was NOT counted; wait for the chair to open the vote.',
  },
  vote_closed: {
    kind: 'conflict',
    message: 'The vote is closed (or cancelled). Your ballot was NOT counted: it arrived after the close.',
  },
  vote_count_missing: {
    kind: 'rule_violation',
    message: 'The tellers have not entered the count yet. Enter the count before closing the vote.',
  },
  vote_count_invalid: {
    kind: 'invalid',
    message: 'Enter for/against/abstain for a motion, or a tally for each candidate of an open election.',
  },
  vote_count_exceeds_present: {
    kind: 'rule_violation',
    message:
      'The count is more than the voting participants present when the vote opened. Count again: each voter raises a hand once (once per candidate in an election).',
  },
  vote_not_countable: {
    kind: 'rule_violation',
    message: 'The votes entered cannot be counted by this method. Correct the count and close the vote again.',
  },
  vote_count_not_open_method: {
    kind: 'rule_violation',
    message: 'Counts are entered only for open votes (show of hands).',
  },
  vote_teller_required: {
    kind: 'forbidden',
    message: 'Only the tellers, the chair or the secretary may enter the count.',
  },
  roll_call_not_roll_call: { kind: 'rule_violation', message: 'Named votes are recorded only in a roll-call vote.' },
  roll_call_not_voter: {
    kind: 'rule_violation',
    message: 'Only a voting participant present in the hall may vote in a roll-call.',
  },
  roll_call_forbidden: {
    kind: 'forbidden',
    message: 'Only the chair or the secretary may record someone else’s named vote.',
  },
  roll_call_already_recorded: {
    kind: 'conflict',
    message: 'This person’s named vote has already been recorded; each voter votes once.',
  },
  ballot_not_secret: { kind: 'rule_violation', message: 'This vote is not a secret ballot.' },
  ballot_not_voter: {
    kind: 'rule_violation',
    message:
      'Only voting participants present in the hall receive a ballot token (guests and consultative voices do not).',
  },
  ballot_token_already_issued: {
    kind: 'conflict',
    message:
      'You have already received your ballot token for this vote on another device; each voter receives one. Move it here with its transfer code.',
  },
  ballot_token_not_issued: {
    kind: 'conflict',
    message:
      'You have not taken your ballot token for this vote on any device yet, so there is nothing to move: choose “Vote on this device” instead.',
  },
  ballot_token_malformed: {
    kind: 'invalid',
    message: 'The blinded token request is malformed (wrong length, or not a number below the key’s modulus).',
  },
  ballot_token_invalid: {
    kind: 'forbidden',
    message: 'The ballot’s token is not valid for this vote. Your ballot was NOT counted.',
  },
  ballot_token_spent: {
    kind: 'conflict',
    message: 'This token has already been used to cast a ballot; each token casts one ballot.',
  },
  ballot_invalid: { kind: 'invalid', message: 'The ballot is not valid for this vote. Your ballot was NOT counted.' },
  board_not_published: {
    kind: 'conflict',
    message: 'The ballot board is published when the vote closes; this vote is not closed (or not a secret ballot).',
  },
  board_not_election: { kind: 'rule_violation', message: 'Only an election’s ballots are exported as BLT.' },
});
