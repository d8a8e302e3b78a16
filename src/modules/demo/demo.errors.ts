import { defineErrors } from '../../platform/errors.js';

export const DemoErrors = defineErrors({
  organisation_exists: {
    kind: 'conflict',
    message:
      'This database already holds an organisation; the demo is generated only into an empty database. Point ANTAEUS_DATA at a new folder (or DATABASE_URL at an empty database) and try again.',
  },
  first_start_interrupted: {
    kind: 'conflict',
    message:
      'The first start of this database did not finish (the demo or `antaeus init` was interrupted), so it holds no complete organisation to serve. Run `antaeus serve --demo` (npm start) or `antaeus init` again: it empties the database and starts over.',
  },
  database_not_empty: {
    kind: 'conflict',
    message:
      'This database already holds an organisation. Antaeus keeps one organisation per database: use a new data folder (ANTAEUS_DATA) or an empty database (DATABASE_URL).',
  },
});
