// SQL of the sealed-record chain: the chain lock, its head, appending a record, reading it in order.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

/** One key for every sealer: `pg_advisory_xact_lock` serialises appends until the caller's transaction ends. */
const CHAIN_LOCK = 0x5ea1ed;

export interface SealedRow {
  seq: number;
  organisation_id: string;
  kind: string;
  subject_id: string;
  label: string;
  content: string;
  content_hash: string;
  prev_hash: string;
  hash: string;
  sealed_at: Date;
  sealed_by: string | null;
}

const COLUMNS = [
  'seq',
  'organisation_id',
  'kind',
  'subject_id',
  'label',
  'content',
  'content_hash',
  'prev_hash',
  'hash',
  'sealed_at',
  'sealed_by',
] as const;

function norm<T extends { seq: unknown }>(r: T): T & { seq: number } {
  return { ...r, seq: Number(r.seq) };
}

export async function lockChain(ex: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(ex);
}

export async function head(ex: Executor): Promise<SealedRow | undefined> {
  const r = await ex.selectFrom('sealed_record').select(COLUMNS).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ? (norm(r) as SealedRow) : undefined;
}

export async function insert(ex: Executor, row: Omit<SealedRow, 'sealed_at'>): Promise<SealedRow> {
  const r = await ex.insertInto('sealed_record').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
  return norm(r) as SealedRow;
}

export async function bySeq(ex: Executor, seq: number): Promise<SealedRow | undefined> {
  const r = await ex.selectFrom('sealed_record').select(COLUMNS).where('seq', '=', seq).executeTakeFirst();
  return r ? (norm(r) as SealedRow) : undefined;
}

export async function count(ex: Executor): Promise<number> {
  const r = await ex
    .selectFrom('sealed_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Records after `afterSeq`, in order, at most `limit`. */
export async function batchAfter(ex: Executor, afterSeq: number, limit: number): Promise<SealedRow[]> {
  const rows = await ex
    .selectFrom('sealed_record')
    .select(COLUMNS)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => norm(r) as SealedRow);
}
