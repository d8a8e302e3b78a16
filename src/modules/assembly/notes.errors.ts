// Error codes of question notes and their blind tokens. Messages never repeat a token back.
import { defineErrors } from '../../platform/errors.js';

export const NotesErrors = defineErrors({
  note_anonymous_route: {
    kind: 'invalid',
    message:
      'Anonymous notes go to /api/meetings/{id}/anonymous-notes, sent without your session; this route takes signed notes only.',
  },
  note_signed_route: {
    kind: 'invalid',
    message:
      'A signed note is sent with your session to /api/meetings/{id}/notes; this route takes anonymous notes only.',
  },
  note_token_malformed: {
    kind: 'invalid',
    message: 'A blinded token request is malformed (wrong length, or not a number below the key’s modulus).',
  },
  note_token_invalid: {
    kind: 'rule_violation',
    message: 'The note’s token is not valid for this meeting. Obtain tokens in this meeting after checking in.',
  },
  note_token_spent: { kind: 'conflict', message: 'This token was already used for a note. Each token sends one note.' },
  note_limit_reached: {
    kind: 'rule_violation',
    message:
      'You have obtained all the anonymous question notes the statute allows one person in this meeting. You may still sign a note with your name.',
  },
  note_signed_limit_reached: {
    kind: 'rule_violation',
    message: 'You have sent all the signed question notes the statute allows one person in this meeting.',
  },
  note_not_found: { kind: 'not_found', message: 'There is no such question note in this meeting.' },
  note_already_answered: {
    kind: 'conflict',
    message: 'The note has already been answered; its answer is in the transcript.',
  },
  note_answerer_unknown: {
    kind: 'rule_violation',
    message: 'The person answering must be a participant of the meeting or hold a role in it.',
  },
  note_nothing_to_change: {
    kind: 'invalid',
    message: 'Give a group label, a status or an answer (an answer cannot be combined with a status).',
  },
});
