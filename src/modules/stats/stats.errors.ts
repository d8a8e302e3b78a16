import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const StatsErrors = defineErrors({
  body_not_in_organisation: { kind: 'not_found', message: 'There is no such body in your organisation.' },
  ...sharedErrors('no_organisation'),
});
