// Statistics: size bands of primary organisations, a body's composition and saturation.
import { z } from 'zod';
import { Uuid } from './common.js';

export const SizeBand = z.object({
  band: z.string(),
  min: z.number().int(),
  max: z.number().int().nullable(),
  count: z.number().int(),
});
export type SizeBand = z.infer<typeof SizeBand>;

export const StatsBody = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.string(),
  path: z.string(),
});
export type StatsBody = z.infer<typeof StatsBody>;

export const SizeBands = z.object({
  body: StatsBody,
  bands: z.array(SizeBand),
  /** Primary organisations below the statute's minimum size (flagged). */
  belowMinimum: z.number().int(),
  /** All active primary organisations in the subtree. */
  total: z.number().int(),
});
export type SizeBands = z.infer<typeof SizeBands>;

export const SocialPositionCount = z.object({
  socialPosition: z.string(),
  members: z.number().int(),
  candidates: z.number().int(),
});

export const Saturation = z.object({
  /** Size of the primary organisations that have an enterprise. */
  communists: z.number().int(),
  /** Total workforce of those enterprises. */
  workforce: z.number().int(),
  /** communists ÷ workforce. */
  ratio: z.number(),
});
export type Saturation = z.infer<typeof Saturation>;

export const BodyStats = z.object({
  body: StatsBody,
  members: z.number().int(),
  candidates: z.number().int(),
  primaryOrganisations: z.number().int(),
  sizeBands: SizeBands,
  bySocialPosition: z.array(SocialPositionCount),
  /** Null when no primary organisation in the subtree has an enterprise with a workforce. */
  saturation: Saturation.nullable(),
});
export type BodyStats = z.infer<typeof BodyStats>;

export const SizeBandsQuery = z.object({
  bodyId: Uuid.optional(),
});
