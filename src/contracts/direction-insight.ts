// Direction (ADR 0027 §9, issue 13 points 5, 8, 9): a schedule's figures over its periods for one body, and a
// committee's digest of what is due, overdue and flagged in its subtree.
import { z } from 'zod';
import { Uuid } from './common.js';
import { Completeness, Indicator, ReportState } from './direction.js';

// ---------------------------------------------------------------- the series over periods

export const SeriesQuery = z.object({
  bodyId: Uuid,
  /** periods starting on or after this date */
  from: z.iso.date().optional(),
  /** periods starting on or before this date */
  to: z.iso.date().optional(),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const SeriesPoint = z.object({
  roundId: Uuid,
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  dueAt: z.string(),
  completeness: Completeness,
  /** per indicator of the form: the body's total (own and descendants, by the indicator's aggregation) */
  figures: z.array(
    z.object({ indicatorId: Uuid, code: z.string(), total: z.number().nullable(), reports: z.number().int() }),
  ),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const Series = z.object({
  scheduleId: Uuid,
  bodyId: Uuid,
  indicators: z.array(Indicator),
  /** the opened periods the reader may see at this body, oldest first (at most SERIES_MAX, the latest) */
  points: z.array(SeriesPoint),
});
export type Series = z.infer<typeof Series>;

/** Periods a series holds at most (ten years of months). */
export const SERIES_MAX = 120;

// ---------------------------------------------------------------- the digest

export const DigestQuery = z.object({
  bodyId: Uuid,
  /** json (default) or csv */
  format: z.enum(['json', 'csv']).optional(),
});
export const DigestPdfQuery = z.object({ bodyId: Uuid, lang: z.enum(['en', 'ru']).optional() });

/** Overdue children listed per round at most (the rest counted). */
export const DIGEST_OVERDUE_SHOWN = 25;
/** Rounds, discrepancies and returned reports listed at most. */
export const DIGEST_ROUNDS_SHOWN = 50;
export const DIGEST_FLAGS_SHOWN = 50;

export const DigestBody = z.object({ bodyId: Uuid, name: z.string(), nameRu: z.string().nullable() });

export const DigestRound = z.object({
  roundId: Uuid,
  title: z.string(),
  titleRu: z.string(),
  periodStart: z.iso.date(),
  /** the body's own due date in the round */
  dueAt: z.string(),
  /** the body itself reports in the round, and its report's state */
  addressed: z.boolean(),
  state: ReportState,
  expected: z.number().int(),
  reported: z.number().int(),
  onTime: z.number().int(),
  /** children past their due date that have not reported (direct children; a committee counts with what it misses) */
  overdueCount: z.number().int(),
  overdue: z.array(DigestBody.extend({ dueAt: z.string(), missing: z.number().int() })),
});
export type DigestRound = z.infer<typeof DigestRound>;

export const Digest = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  /** the day it is for, in the statute's zone */
  forDate: z.iso.date(),
  generatedAt: z.string(),
  /** stored by the daily run (true) or computed on request */
  stored: z.boolean(),
  rounds: z.array(DigestRound),
  discrepancies: z.array(
    DigestBody.extend({
      roundId: Uuid,
      title: z.string(),
      titleRu: z.string(),
      indicatorCode: z.string(),
      summary: z.number(),
      raw: z.number().nullable(),
    }),
  ),
  returned: z.array(DigestBody.extend({ roundId: Uuid, title: z.string(), titleRu: z.string() })),
});
export type Digest = z.infer<typeof Digest>;
