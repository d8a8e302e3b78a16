// Counting an election (pure): plurality/block vote, approval, Scottish STV and Meek STV. The app, the published
// ballot board's recount and `antaeus count` all call `count`; its result depends only on the input (never on the
// order of the ballots: identical ballots are grouped and sorted first), and ties decided "by lot" are decided
// by a lot derived from the input, so every recount draws the same.
import type { CountInput, CountResult } from '../../../../contracts/count.js';
import { countMarks } from './marks.js';
import { countMeek } from './meek.js';
import { countScottishStv } from './scottish-stv.js';
import { prepare } from './prepare.js';

export { CountInputError } from './prepare.js';

export function count(input: CountInput): CountResult {
  const p = prepare(input);
  switch (p.method) {
    case 'plurality':
    case 'approval':
      return countMarks(p);
    case 'scottish_stv':
      return countScottishStv(p);
    case 'meek':
      return countMeek(p);
  }
}
