import { defineErrors } from '../../platform/errors.js';

export const DemoErrors = defineErrors({
  organisation_exists: {
    kind: 'conflict',
    message:
      'This database already holds an organisation; the demo is generated only into an empty database. Point ANTAEUS_DATA at a new folder (or DATABASE_URL at an empty database) and try again.',
  },
  database_not_empty: {
    kind: 'conflict',
    message:
      'This database already holds an organisation. Antaeus keeps one organisation per database: use a new data folder (ANTAEUS_DATA) or an empty database (DATABASE_URL).',
  },
});
