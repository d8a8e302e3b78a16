// What other modules' services use of the person table, always inside the transaction they pass: the person
// module is the one writer of `person` (status, registration, card, leaving; docs/ARCHITECTURE.md "Who owns which
// table"), and its lookup is the one lookup. Policy stays with the caller: these are the plain row changes.
import type { Executor } from '../../platform/db/executor.js';
import * as repo from './person.repository.js';

export type PersonRow = repo.PersonRow;
export type Standing = repo.Standing;
export type BulkPersonRow = repo.BulkPersonRow;

/** Where and when a person is admitted, with the card issued. */
export interface Admission {
  bodyId: string;
  on: string;
  cardNumber: string;
}

export const personRows = {
  /** The person with their body, primary organisation, enterprise and organisation names. */
  find: (ex: Executor, id: string): Promise<PersonRow | undefined> => repo.findPerson(ex, id),
  /** Whether a card number is already held in the organisation. */
  cardTaken: async (ex: Executor, organisationId: string, card: string): Promise<boolean> =>
    !!(await repo.cardNumberHolder(ex, organisationId, card)),
  insertMany: (ex: Executor, organisationId: string, rows: BulkPersonRow[]): Promise<void> =>
    repo.insertPersons(ex, organisationId, rows),
  writeStanding: (ex: Executor, id: string, s: Standing): Promise<void> => repo.writeStanding(ex, id, s),
  makeCandidate: (ex: Executor, personId: string, v: Admission): Promise<void> => repo.makeCandidate(ex, personId, v),
  makeMember: (ex: Executor, personId: string, v: Admission): Promise<void> => repo.makeMember(ex, personId, v),
  refuseCandidate: (ex: Executor, personId: string, on: string): Promise<void> =>
    repo.refuseCandidate(ex, personId, on),
  /** Returns false when the person was no longer a member or candidate. */
  resign: (ex: Executor, personId: string, bodyId: string, on: string): Promise<boolean> =>
    repo.resign(ex, personId, bodyId, on),
  deregister: (ex: Executor, id: string, fromBodyId: string, on: string): Promise<boolean> =>
    repo.deregister(ex, id, fromBodyId, on),
  register: (ex: Executor, id: string, toBodyId: string): Promise<boolean> => repo.register(ex, id, toBodyId),
  move: (ex: Executor, id: string, fromBodyId: string, toBodyId: string): Promise<boolean> =>
    repo.move(ex, id, fromBodyId, toBodyId),
  registerMany: (ex: Executor, ids: string[], bodyId: string): Promise<void> => repo.registerMany(ex, ids, bodyId),
  moveAllOfBody: (ex: Executor, fromBodyId: string, toBodyId: string): Promise<number> =>
    repo.moveAllOfBody(ex, fromBodyId, toBodyId),
};
