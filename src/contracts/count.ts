// Counting an election: the ballots a count reads and the result with its round-by-round transcript. The same
// shapes serve the app (a closed election), the published ballot board's recount and `antaeus count`.
import { z } from 'zod';
import { CountMethod } from './decision-rules.js';

export { CountMethod };

export const CountCandidate = z.object({ id: z.string().min(1).max(100), name: z.string().max(300) });
export type CountCandidate = z.infer<typeof CountCandidate>;

/**
 * One ballot paper as counted: candidate ids in order of preference (STV), or the candidates marked (plurality,
 * approval; order ignored). `weight` lets a BLT line stand for several identical ballots (default 1).
 */
export const CountBallot = z.object({
  prefs: z.array(z.string().min(1).max(100)).max(1000),
  weight: z.number().int().min(1).max(1_000_000).default(1),
});
export type CountBallot = z.input<typeof CountBallot>;

export const CountInput = z.object({
  method: CountMethod,
  seats: z.number().int().min(1).max(1000),
  candidates: z.array(CountCandidate).min(1).max(1000),
  /** Candidates who withdrew after the ballot papers were printed (BLT's negative numbers): skipped. */
  withdrawn: z.array(z.string()).default([]),
  ballots: z.array(CountBallot),
  title: z.string().max(500).default(''),
});
export type CountInput = z.input<typeof CountInput>;

/** One stage of the count. Vote values are decimal strings exactly as the rules compute them. */
export const CountRound = z.object({
  round: z.number().int().min(1),
  /** What happened in this stage, in words ('Surplus of Ann transferred', 'Bob excluded'). */
  action: z.string(),
  /** Votes of every continuing, elected or excluded candidate at the end of the stage, by candidate id. */
  votes: z.record(z.string(), z.string()),
  /** Meek's keep factors by candidate id (Meek only). */
  keep: z.record(z.string(), z.string()).optional(),
  /** Non-transferable (exhausted) value at the end of the stage. */
  exhausted: z.string(),
  /** The quota in force in this stage (STV only). */
  quota: z.string().nullable(),
  elected: z.array(z.string()),
  excluded: z.array(z.string()),
  /** How a tie was broken in this stage, when one was. */
  tieBreak: z.string().nullable(),
});
export type CountRound = z.infer<typeof CountRound>;

export const CountResult = z.object({
  method: CountMethod,
  seats: z.number().int(),
  candidates: z.array(CountCandidate),
  /** Valid ballots counted (sum of weights) and ballots set aside as invalid or blank. */
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Elected candidate ids in the order they were elected. Fewer than `seats` only when candidates ran out. */
  elected: z.array(z.string()),
  /** Plurality and approval: the marks each candidate received. */
  totals: z.record(z.string(), z.number()).nullable(),
  rounds: z.array(CountRound),
});
export type CountResult = z.infer<typeof CountResult>;
