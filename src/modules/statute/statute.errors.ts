// Error codes of the statute area.
import { defineErrors } from '../../platform/errors.js';

export const StatuteErrors = defineErrors({
  statute_not_found: {
    kind: 'not_found',
    message: 'No statute is in force for this organisation on that date. Adopt a statute version first.',
  },
  organisation_not_found: { kind: 'not_found', message: 'There is no such organisation.' },
  statute_date_before_current: {
    kind: 'rule_violation',
    message: 'A new statute version cannot take effect before the latest adopted version. Choose a later date.',
  },
  statute_root_kind_missing: {
    kind: 'rule_violation',
    message: "The statute must list the kind of the organisation's existing root body among its root kinds.",
  },
});
