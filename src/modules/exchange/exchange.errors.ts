import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const ExchangeErrors = defineErrors({
  import_rejected: {
    kind: 'invalid',
    message:
      'Some rows of the file are not valid, so nothing was imported. Correct the rows listed and import the file again.',
  },
  file_unreadable: { kind: 'invalid', message: 'The file is not a readable CSV file with a header line.' },
  ...sharedErrors('no_organisation'),
});
