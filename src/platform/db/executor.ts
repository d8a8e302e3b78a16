// What a repository function runs its SQL on: the database or an open transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;
