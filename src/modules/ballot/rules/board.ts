// The published ballot board of a secret vote, pure: what a valid ballot's content is, the canonical text whose
// SHA-256 (hex, over its UTF-8 bytes) is the board hash fixed in the result at the close, and the result computed
// from a list of ballots — the same code for the official count at the close and for anyone's recount.
//
// Canonical text (lines joined by "\n", no trailing newline):
//   antaeus-ballot-board/1
//   vote <vote id>
//   key <public key, SPKI DER base64>
//   candidates <JSON array of candidate ids in ballot order; [] for a motion or a question>
//   <receipt> <token message base64> <token signature base64> <content JSON>   — one line per ballot, by receipt
// where content JSON is exactly {"choice":"for"|"against"|"abstain"} or {"prefs":["<id>",...]} (keys in that
// order, no spaces), as JSON.stringify writes it.
import type { BallotContent, ChoiceCounts, MajorityRule, VoteResult, VoteVoid } from '../../../contracts/ballot.js';
import type { CountMethod } from '../../../contracts/count.js';
import { count } from './count/index.js';
import { decide, tally } from './majority.js';
import { voteQuorum, withQuorum } from './quorum.js';

export const BOARD_FORMAT = 'antaeus-ballot-board/1';

export interface ElectionSpec {
  method: CountMethod;
  seats: number;
  candidates: { id: string; name: string }[];
}

/** What a vote's ballots are counted against. */
export interface BallotSpec {
  title: string;
  /** Motions and questions: the statute's majority fixed at announce. */
  majority: MajorityRule | null;
  /** Elections. */
  election: ElectionSpec | null;
  present: number;
  entitled: number;
  /** Voting participants the statute's quorum required when the vote opened (null or absent: not recorded). */
  quorumRequired?: number | null;
  /** The statute's minimum turnout (per cent of `entitled` casting a ballot), fixed at announce; 0 or absent = none. */
  minTurnout?: number;
}

export interface BoardLine {
  receipt: string;
  message: string;
  signature: string;
  content: BallotContent;
}

/** The content in its one canonical JSON form. */
export function canonicalContent(c: BallotContent): string {
  return 'choice' in c ? JSON.stringify({ choice: c.choice }) : JSON.stringify({ prefs: [...c.prefs] });
}

/** JSON with object keys sorted (jsonb does not keep key order): compares an official result with a recount. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Compares receipts (lower-case hex) in code-point order, as the board is sorted. */
export const byReceipt = (a: { receipt: string }, b: { receipt: string }) =>
  a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0;

/** The text whose SHA-256 is the board hash. Sorts the lines by receipt itself. */
export function boardCanonical(board: {
  voteId: string;
  publicKeySpki: string;
  candidateIds: readonly string[];
  entries: readonly BoardLine[];
}): string {
  const lines = [
    BOARD_FORMAT,
    `vote ${board.voteId}`,
    `key ${board.publicKeySpki}`,
    `candidates ${JSON.stringify([...board.candidateIds])}`,
  ];
  for (const e of [...board.entries].sort(byReceipt))
    lines.push(`${e.receipt} ${e.message} ${e.signature} ${canonicalContent(e.content)}`);
  return lines.join('\n');
}

/**
 * Why a ballot's content is not valid for the vote, or null. A motion takes one choice; an election takes
 * candidate ids of this election, each at most once, at most `seats` of them for plurality (the block vote); an
 * empty list is a blank ballot (valid to cast, counted as invalid).
 */
export function ballotProblem(spec: Pick<BallotSpec, 'election'>, content: BallotContent): string | null {
  if (!spec.election)
    return 'choice' in content ? null : 'A motion’s ballot carries one choice: for, against or abstain.';
  if (!('prefs' in content)) return 'An election’s ballot carries the candidates marked (an empty list is blank).';
  const ids = new Set(spec.election.candidates.map((c) => c.id));
  const seen = new Set<string>();
  for (const id of content.prefs) {
    if (!ids.has(id)) return 'The ballot marks someone who is not a candidate in this election.';
    if (seen.has(id)) return 'The ballot marks a candidate twice.';
    seen.add(id);
  }
  if (spec.election.method === 'plurality' && content.prefs.length > spec.election.seats)
    return `The ballot marks more candidates than there are seats (${spec.election.seats}).`;
  return null;
}

/**
 * Whether a vote decided nothing: no valid ballot at all (always void, whatever the statute says), or fewer voters
 * than the statute's minimum turnout — `voters` ballots (blank ones included) against `minTurnout` per cent of the
 * voting participants entitled; null when the turnout is not known (marks of a show of hands in an election).
 */
export function voidness(spec: Pick<BallotSpec, 'entitled' | 'minTurnout'>, valid: number, voters: number | null) {
  const minimumTurnout = spec.minTurnout ?? 0;
  if (valid <= 0) return { reason: 'no_valid_ballots', minimumTurnout } satisfies VoteVoid;
  if (voters !== null && minimumTurnout > 0 && voters * 100 < minimumTurnout * spec.entitled)
    return { reason: 'turnout_below_minimum', minimumTurnout } satisfies VoteVoid;
  return null;
}

/** A motion's result from its counts (tellers', roll-call's or the ballots'); void adopts nothing. */
export function motionResult(
  spec: BallotSpec,
  counts: ChoiceCounts,
  cast: number,
  boardHash: string | null,
): VoteResult {
  const majority = spec.majority ?? { threshold: 'simple', of: 'cast' };
  const d = decide(majority, counts, { present: spec.present, entitled: spec.entitled });
  const isVoid = voidness(spec, counts.for + counts.against + counts.abstain, cast);
  return withQuorum(
    {
      // only a void result carries the key: results stored before it existed recount to the same JSON
      ...(isVoid ? { void: isVoid } : {}),
      counts,
      carried: d.carried && !isVoid,
      majority,
      needed: d.needed,
      cast,
      invalid: 0,
      present: spec.present,
      entitled: spec.entitled,
      count: null,
      boardHash,
    },
    voteQuorum(spec.quorumRequired ?? null, spec.present),
  );
}

/**
 * An election's result from its ballots (each the candidates marked, in order of preference). `cast` is the number
 * of ballots (or, `voters` false, of hands raised for candidates, which is not a number of voters). A void election
 * is not counted at all: nobody is elected, not even by lot.
 */
export function electionResult(
  spec: BallotSpec,
  ballots: readonly { prefs: readonly string[]; weight?: number }[],
  cast: number,
  boardHash: string | null,
  voters = true,
): VoteResult {
  const e = spec.election!;
  const valid = ballots.reduce((n, b) => n + (b.prefs.length > 0 ? (b.weight ?? 1) : 0), 0);
  const isVoid = voidness(spec, valid, voters ? cast : null);
  if (isVoid)
    return withQuorum(
      {
        void: isVoid,
        counts: null,
        carried: null,
        majority: null,
        needed: null,
        cast,
        invalid: voters ? cast - valid : 0,
        present: spec.present,
        entitled: spec.entitled,
        count: null,
        boardHash,
      },
      voteQuorum(spec.quorumRequired ?? null, spec.present),
    );
  const result = count({
    method: e.method,
    seats: e.seats,
    candidates: e.candidates,
    ballots: ballots.map((b) => ({ prefs: [...b.prefs], weight: b.weight ?? 1 })),
    title: spec.title,
  });
  return withQuorum(
    {
      counts: null,
      carried: null,
      majority: null,
      needed: null,
      cast,
      invalid: result.invalid,
      present: spec.present,
      entitled: spec.entitled,
      count: result,
      boardHash,
    },
    voteQuorum(spec.quorumRequired ?? null, spec.present),
  );
}

/** The result of a secret vote from its ballots: the official count at the close and every recount. */
export function ballotsResult(spec: BallotSpec, contents: readonly BallotContent[], boardHash: string | null) {
  if (spec.election)
    return electionResult(
      spec,
      contents.map((c) => ({ prefs: 'prefs' in c ? c.prefs : [] })),
      contents.length,
      boardHash,
    );
  const counts = tally(contents.flatMap((c) => ('choice' in c ? [c.choice] : [])));
  return motionResult(spec, counts, contents.length, boardHash);
}
