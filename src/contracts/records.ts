// The audit trail and recorded decisions, as the API returns them.
import { z } from 'zod';
import { Uuid } from './common.js';

export const AuditEvent = z.object({
  id: Uuid,
  at: z.string(),
  effectiveOn: z.iso.date(),
  process: z.string(),
  entityId: Uuid.nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  actorPersonId: Uuid.nullable(),
  /** Who acted: "Family Given" in Latin letters, and the Cyrillic name when recorded. */
  actorName: z.string().nullable(),
  actorNameRu: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/**
 * A person's history as the reader may see it: `full` for the person and those who manage them; `public` for
 * fellow members — only the facts of membership (admission, candidacy, membership, transfers), without reasons,
 * votes or other details.
 */
export const HistoryScope = z.enum(['full', 'public']);
export type HistoryScope = z.infer<typeof HistoryScope>;
export const PersonHistory = z.object({ items: z.array(AuditEvent), scope: HistoryScope });
export type PersonHistory = z.infer<typeof PersonHistory>;

export const Votes = z.object({
  for: z.number().int().min(0).max(1_000_000),
  against: z.number().int().min(0).max(1_000_000),
  abstained: z.number().int().min(0).max(1_000_000),
});
export type Votes = z.infer<typeof Votes>;

export const Decision = z.object({
  id: Uuid,
  bodyId: Uuid,
  takenOn: z.iso.date(),
  process: z.string(),
  entityId: Uuid,
  outcome: z.string(),
  votes: Votes.nullable(),
  reasons: z.string().nullable(),
  assemblyId: Uuid.nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** A decision as a body's secretary enters it: the vote counts and reasons. */
export const DecisionInput = z.object({
  takenOn: z.iso.date(),
  votes: Votes,
  reasons: z.string().trim().min(1).max(20_000),
});
export type DecisionInput = z.infer<typeof DecisionInput>;
