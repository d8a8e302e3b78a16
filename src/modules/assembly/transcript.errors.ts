// Error codes of the verbatim transcript.
import { defineErrors } from '../../platform/errors.js';

export const TranscriptErrors = defineErrors({
  transcript_entry_not_found: { kind: 'not_found', message: 'There is no such transcript entry in this meeting.' },
  transcript_item_not_in_meeting: {
    kind: 'rule_violation',
    message: 'The agenda item named is not an item of this meeting.',
  },
  transcript_speaker_unknown: { kind: 'rule_violation', message: 'The speaker named is not in the register.' },
  transcript_speaker_required: {
    kind: 'rule_violation',
    message: 'Nobody has the floor: name the speaker (a person or a label) for this speech.',
  },
  transcript_locked: {
    kind: 'rule_violation',
    message: 'The protocol of this meeting is approved: the transcript can no longer be changed.',
  },
  transcript_conflict: {
    kind: 'conflict',
    message: 'Someone corrected this entry at the same moment. Reload it and apply your correction again.',
  },
});
