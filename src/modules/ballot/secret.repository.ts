// SQL of the secret ballot: who obtained their one token (never which ballot is theirs), the group-committed
// ballot inserts (one FOR SHARE check of the vote, one multi-row insert, spent tokens reported by ON CONFLICT),
// and the board. Ballot rows carry no person, no session and no time; their id is random (v4).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';

/** Records that `personId` obtained the vote's token; false when they already had (primary key). */
export async function recordTokenIssue(ex: Executor, voteId: string, personId: string): Promise<boolean> {
  const r = await ex
    .insertInto('ballot_token_issue')
    .values({ vote_id: voteId, person_id: personId })
    .onConflict((oc) => oc.columns(['vote_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface TokenIssue {
  issued_at: Date | null;
  moved_at: Date | null;
}

/** When `personId` obtained the vote's token and last moved it between their devices (undefined: never issued). */
export async function tokenIssueOf(ex: Executor, voteId: string, personId: string): Promise<TokenIssue | undefined> {
  return ex
    .selectFrom('ballot_token_issue')
    .select(['issued_at', 'moved_at'])
    .where('vote_id', '=', voteId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Records that the voter moved their token to another device (the token itself never reaches the server). */
export async function markTokenMoved(ex: Executor, voteId: string, personId: string): Promise<TokenIssue | undefined> {
  return ex
    .updateTable('ballot_token_issue')
    .set({ moved_at: sql<Date>`clock_timestamp()` })
    .where('vote_id', '=', voteId)
    .where('person_id', '=', personId)
    .returning(['issued_at', 'moved_at'])
    .executeTakeFirst();
}

export async function tokensIssued(ex: Executor, voteId: string): Promise<number> {
  const r = await ex
    .selectFrom('ballot_token_issue')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The vote's status under a FOR SHARE lock: casts share it (many batches at once on PostgreSQL), the close takes
 * FOR UPDATE and so waits until every batch that saw the vote open has committed or rolled back. After such a
 * wait PostgreSQL returns the row as the close left it (closed), so a batch never inserts into a closed vote.
 */
export async function voteStatusForShare(ex: Executor, voteId: string): Promise<string | undefined> {
  const r = await ex.selectFrom('vote').select('status').where('id', '=', voteId).forShare().executeTakeFirst();
  return r?.status;
}

export interface NewBallot {
  id: string;
  receipt: string;
  message: string;
  signature: string;
  content: string;
}

/** Inserts a batch of ballots in one statement; returns the receipts inserted (the others were spent). */
export async function insertBallots(ex: Executor, voteId: string, rows: readonly NewBallot[]): Promise<Set<string>> {
  const { rows: done } = await sql<{ receipt: string }>`
    insert into ballot (id, vote_id, receipt, token_message, token_signature, content)
    select t.id, ${voteId}::uuid, t.receipt, t.message, t.signature, t.content::jsonb
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.receipt)}::text[],
      ${rows.map((r) => r.message)}::text[], ${rows.map((r) => r.signature)}::text[],
      ${rows.map((r) => r.content)}::text[]) as t(id, receipt, message, signature, content)
    on conflict (vote_id, receipt) do nothing
    returning receipt`.execute(ex);
  return new Set(done.map((r) => r.receipt));
}

export interface BallotRow {
  receipt: string;
  token_message: string;
  token_signature: string;
  content: unknown;
}

/** Every ballot of the vote, by receipt (the board's order; never the order of arrival). */
export async function ballots(ex: Executor, voteId: string): Promise<BallotRow[]> {
  return (await ex
    .selectFrom('ballot')
    .select(['receipt', 'token_message', 'token_signature', 'content'])
    .where('vote_id', '=', voteId)
    .orderBy(sql`receipt collate "C"`)
    .execute()) as BallotRow[];
}

export async function ballotByReceipt(ex: Executor, voteId: string, receipt: string) {
  return (await ex
    .selectFrom('ballot')
    .select(['receipt', 'token_message', 'token_signature', 'content'])
    .where('vote_id', '=', voteId)
    .where('receipt', '=', receipt)
    .executeTakeFirst()) as BallotRow | undefined;
}
