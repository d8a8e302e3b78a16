// What other modules' services use of the body table, inside the transaction they pass: the organisation module
// is the one writer of `body` (docs/ARCHITECTURE.md "Who owns which table").
import type { Executor } from '../../platform/db/executor.js';
import * as repo from './organisation.repository.js';

export type RootBodyRow = repo.RootBodyRow;

export const bodyRows = {
  /** The root body of a new organisation (path = its own label, depth 1, no region). */
  insertRoot: (ex: Executor, row: RootBodyRow): Promise<void> => repo.insertRootBody(ex, row),
};
