// The verifiable secret ballot (RFC 9474 blind RSA, as the question notes): a key per secret vote, generated at
// announce. A present voting participant obtains ONE blind signature per vote (ballot_token_issue's primary key
// refuses a second, even concurrently; nothing else is stored). A ballot is cast WITHOUT credentials: the
// finalized token is the only proof of eligibility; the server verifies it with the vote's key (cached), checks
// the content against the vote, and hands it to the group-committing intake; the voter's receipt is the SHA-256
// (hex) of the token message. After the close anyone who may view the meeting reads the board (every ballot with
// its token, by receipt), checks a receipt, and recounts from the board with the same counting code.
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { iso } from '../../platform/instant.js';
import {
  blindSign,
  importPrivateKey,
  importPublicKey,
  MalformedBlindedMessage,
  verifyToken,
} from '../../platform/crypto/blind-rsa.js';
import type {
  BallotBoard,
  BallotContent,
  BallotReceipt,
  BallotTokenInput,
  BallotTokenResult,
  BoardEntry,
  CastBallotInput,
  MyBallotToken,
  ReceiptCheck,
  Recount,
  VoteResult,
} from '../../contracts/ballot.js';
import { assertCanViewMeeting, AssemblyErrors, type AssemblyAccess } from '../assembly/assembly.service.js';
import { VoteErrors } from './vote.errors.js';
import { assertCanMoveOwnToken, isVoter } from './vote.policy.js';
import { electionSpecOf, specOf, TOPIC, type SecretTally } from './vote.service.js';
import { BallotIntake, type CastOutcome } from './ballot-intake.service.js';
import {
  ballotProblem,
  ballotsResult,
  boardCanonical,
  canonicalContent,
  stableJson,
  type BallotSpec,
  type BoardLine,
  type ElectionSpec,
} from './rules/board.js';
import { formatBlt } from './rules/blt.js';
import * as votes from './vote.repository.js';
import * as repo from './secret.repository.js';

interface VoteKey {
  meetingId: string;
  secret: boolean;
  election: ElectionSpec | null;
  publicKeySpki: string | null;
  publicKey: KeyObject | null;
  privateKeyPkcs8: string | null;
  privateKey: KeyObject | null;
  /** Closed or cancelled: final, so a cast is refused without a transaction. */
  closed: boolean;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const OUTCOME_ERRORS: Record<Exclude<CastOutcome, 'accepted'>, () => Error> = {
  spent: () => VoteErrors.ballot_token_spent(),
  not_open: () => VoteErrors.vote_not_open(),
  closed: () => VoteErrors.vote_closed(),
  not_found: () => VoteErrors.vote_not_found(),
};

export function boardHashOf(voteId: string, publicKeySpki: string, election: ElectionSpec | null, lines: BoardLine[]) {
  return sha256(
    boardCanonical({
      voteId,
      publicKeySpki,
      candidateIds: election?.candidates.map((c) => c.id) ?? [],
      entries: lines,
    }),
  );
}

/** The voter's own token record as their screens show it (null: not obtained on any device). */
export const myTokenOf = (row: repo.TokenIssue | undefined): MyBallotToken | null =>
  row ? { issuedAt: iso(row.issued_at), movedAt: iso(row.moved_at) } : null;

const toLine = (r: repo.BallotRow): BoardLine => ({
  receipt: r.receipt,
  message: r.token_message,
  signature: r.token_signature,
  content: r.content as BallotContent,
});

export class SecretBallotService implements SecretTally {
  private readonly keys = new Map<string, VoteKey>();
  readonly intake: BallotIntake;

  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
  ) {
    // one signal per batch: every screen sees `received` rise (the live stream throttles its states anyway), but
    // the meeting's row is not taken and its revision does not move, so no open page reloads for a ballot
    this.intake = new BallotIntake(db, async (trx, meetingId) => {
      await this.access.signal(trx, meetingId, TOPIC, {});
    });
  }

  /** The vote's key and ballot shape, cached (they never change once announced). */
  private async keyOf(voteId: string): Promise<VoteKey> {
    const cached = this.keys.get(voteId);
    if (cached) return cached;
    const row = await votes.ballotKey(this.db, voteId);
    if (!row) throw VoteErrors.vote_not_found();
    const key: VoteKey = {
      meetingId: row.meeting_id,
      secret: row.method === 'secret',
      election: electionSpecOf(row),
      publicKeySpki: row.public_key_spki,
      publicKey: row.public_key_spki ? importPublicKey(row.public_key_spki) : null,
      privateKeyPkcs8: row.private_key_pkcs8,
      privateKey: null,
      closed: row.status === 'closed' || row.status === 'cancelled',
    };
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(voteId, key);
    return key;
  }

  /** SecretTally: the close (or a cancel) is final. */
  closed(voteId: string): void {
    const k = this.keys.get(voteId);
    if (k) k.closed = true;
  }

  /** POST /api/votes/{id}/token: one blind signature per present voting participant per vote. */
  async issueToken(actor: Actor, voteId: string, input: BallotTokenInput): Promise<BallotTokenResult> {
    const key = await this.keyOf(voteId);
    const c = await this.access.context(this.db, actor, key.meetingId);
    assertCanViewMeeting(c);
    if (!key.secret || !key.privateKeyPkcs8) throw VoteErrors.ballot_not_secret();
    if (!c.participant) throw AssemblyErrors.meeting_not_participant();
    if (!isVoter(c)) throw VoteErrors.ballot_not_voter();
    key.privateKey ??= importPrivateKey(key.privateKeyPkcs8);
    const privateKey = key.privateKey;
    const blinded = Buffer.from(input.blinded, 'base64');
    return this.db.transaction().execute(async (trx) => {
      const status = await repo.voteStatusForShare(trx, voteId);
      if (status !== 'announced' && status !== 'open') throw VoteErrors.vote_closed();
      if (!(await repo.recordTokenIssue(trx, voteId, actor.personId))) throw VoteErrors.ballot_token_already_issued();
      try {
        return { signature: blindSign(privateKey, blinded).toString('base64') };
      } catch (e) {
        if (e instanceof MalformedBlindedMessage) throw VoteErrors.ballot_token_malformed();
        throw e;
      }
    });
  }

  /**
   * POST /api/votes/{id}/token/moved: the voter's device that has just received their token from another device (a
   * transfer code shown there and entered here) records THAT it moved, so the first device forgets it and every
   * screen of theirs says where the ballot now is. The token itself never reaches the server; no second token.
   */
  async tokenMoved(actor: Actor, voteId: string): Promise<MyBallotToken> {
    const key = await this.keyOf(voteId);
    const c = await this.access.context(this.db, actor, key.meetingId);
    assertCanViewMeeting(c);
    if (!key.secret) throw VoteErrors.ballot_not_secret();
    if (!c.participant) throw AssemblyErrors.meeting_not_participant();
    assertCanMoveOwnToken(c);
    return this.db.transaction().execute(async (trx) => {
      const status = await repo.voteStatusForShare(trx, voteId);
      if (status !== 'announced' && status !== 'open') throw VoteErrors.vote_closed();
      const row = await repo.markTokenMoved(trx, voteId, actor.personId);
      if (!row) throw VoteErrors.ballot_token_not_issued();
      return myTokenOf(row)!;
    });
  }

  /** POST /api/votes/{id}/ballots, without credentials. Answers after the ballot's batch committed. */
  async cast(voteId: string, input: CastBallotInput): Promise<BallotReceipt> {
    const key = await this.keyOf(voteId);
    if (!key.secret || !key.publicKey) throw VoteErrors.ballot_not_secret();
    if (key.closed) throw VoteErrors.vote_closed();
    const message = Buffer.from(input.token.message, 'base64');
    const signature = Buffer.from(input.token.signature, 'base64');
    if (!verifyToken(key.publicKey, message, signature)) throw VoteErrors.ballot_token_invalid();
    const problem = ballotProblem({ election: key.election }, input.content);
    if (problem) throw VoteErrors.ballot_invalid(undefined, `${problem} Your ballot was NOT counted.`);
    const content: BallotContent =
      'choice' in input.content ? { choice: input.content.choice } : { prefs: [...input.content.prefs] };
    const receipt = sha256(message);
    const outcome = await this.intake.submit(voteId, key.meetingId, {
      id: randomUUID(),
      receipt,
      message: message.toString('base64'),
      signature: signature.toString('base64'),
      content: canonicalContent(content),
    });
    if (outcome !== 'accepted') {
      if (outcome === 'closed') key.closed = true;
      throw OUTCOME_ERRORS[outcome]();
    }
    return { voteId, receipt, content };
  }

  /** SecretTally: the official count in the closing transaction (after FOR UPDATE on the vote). */
  async tallyInTx(ex: Executor, vote: votes.VoteRow, spec: BallotSpec): Promise<VoteResult> {
    const lines = (await repo.ballots(ex, vote.id)).map(toLine);
    const hash = boardHashOf(vote.id, vote.public_key_spki!, spec.election, lines);
    return ballotsResult(
      spec,
      lines.map((l) => l.content),
      hash,
    );
  }

  private async closedSecretVote(actor: Actor, voteId: string) {
    const vote = await votes.voteById(this.db, voteId);
    if (!vote) throw VoteErrors.vote_not_found();
    const c = await this.access.context(this.db, actor, vote.meeting_id);
    assertCanViewMeeting(c);
    if (vote.method !== 'secret' || vote.status !== 'closed' || !vote.result) throw VoteErrors.board_not_published();
    return vote;
  }

  /** GET /api/votes/{id}/board: every ballot by receipt, with the hash and the result fixed at the close. */
  async board(actor: Actor, voteId: string): Promise<BallotBoard> {
    const vote = await this.closedSecretVote(actor, voteId);
    const entries: BoardEntry[] = (await repo.ballots(this.db, voteId)).map(toLine);
    return {
      voteId,
      title: vote.title,
      publicKeySpki: vote.public_key_spki!,
      candidates: electionSpecOf(vote)?.candidates ?? [],
      entries,
      boardHash: vote.board_hash ?? '',
      result: vote.result as VoteResult,
    };
  }

  /**
   * GET /api/votes/{id}/receipts/{receipt}: is this ballot on the board, as cast, and counted? For tools; the web
   * app checks a receipt against the board it downloads instead, because asking this with one's session would
   * tell the server (and any proxy's log) whose receipt it is.
   */
  async checkReceipt(actor: Actor, voteId: string, receipt: string): Promise<ReceiptCheck> {
    const vote = await votes.voteById(this.db, voteId);
    if (!vote) throw VoteErrors.vote_not_found();
    const c = await this.access.context(this.db, actor, vote.meeting_id);
    assertCanViewMeeting(c);
    if (vote.method !== 'secret') throw VoteErrors.ballot_not_secret();
    const row = await repo.ballotByReceipt(this.db, voteId, receipt.toLowerCase());
    const closed = vote.status === 'closed';
    return {
      onBoard: closed && row !== undefined,
      // nothing about a ballot before the close (the board is not published yet)
      content: closed && row ? (row.content as BallotContent) : null,
      counted:
        closed &&
        row !== undefined &&
        ballotProblem({ election: electionSpecOf(vote) }, row.content as BallotContent) === null,
      boardHash: closed ? vote.board_hash : null,
    };
  }

  /**
   * GET /api/votes/{id}/recount: from the board as published now — every token's signature verified with the
   * vote's key, every receipt the hash of its token and unique — counted again with the same code.
   */
  async recount(actor: Actor, voteId: string): Promise<Recount> {
    const vote = await this.closedSecretVote(actor, voteId);
    const spec = specOf(vote);
    const lines = (await repo.ballots(this.db, voteId)).map(toLine);
    const publicKey = importPublicKey(vote.public_key_spki!);
    const seen = new Set<string>();
    let sound = true;
    for (const l of lines) {
      const message = Buffer.from(l.message, 'base64');
      if (seen.has(l.receipt) || sha256(message) !== l.receipt) sound = false;
      else if (!verifyToken(publicKey, message, Buffer.from(l.signature, 'base64'))) sound = false;
      else if (ballotProblem(spec, l.content)) sound = false;
      seen.add(l.receipt);
    }
    const official = vote.result as VoteResult;
    const recount = ballotsResult(
      spec,
      lines.map((l) => l.content),
      boardHashOf(voteId, vote.public_key_spki!, spec.election, lines),
    );
    return { matches: sound && stableJson(official) === stableJson(recount), official, recount };
  }

  /** GET /api/votes/{id}/board.blt: a closed secret election's ballots as BLT (COUNT's formatBlt). */
  async boardBlt(actor: Actor, voteId: string): Promise<string> {
    const vote = await this.closedSecretVote(actor, voteId);
    const election = electionSpecOf(vote);
    if (!election) throw VoteErrors.board_not_election();
    const lines = (await repo.ballots(this.db, voteId)).map(toLine);
    return formatBlt({
      title: vote.title,
      seats: election.seats,
      candidates: election.candidates,
      ballots: lines.map((l) => ({ prefs: 'prefs' in l.content ? [...l.content.prefs] : [], weight: 1 })),
    });
  }
}
