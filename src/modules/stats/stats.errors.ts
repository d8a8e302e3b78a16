import { defineErrors } from '../../platform/errors.js';

export const StatsErrors = defineErrors({
  no_organisation: {
    kind: 'not_found',
    message: 'The database holds no organisation yet. Run `antaeus init` or `antaeus demo` first.',
  },
  body_not_in_organisation: { kind: 'not_found', message: 'There is no such body in your organisation.' },
});
