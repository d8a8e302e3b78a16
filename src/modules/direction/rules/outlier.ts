// A value against the reporting body's own history (ADR 0027 §7): the modified z-score of Iglewicz and Hoaglin,
// robust to the outliers it looks for. A flag shown to reporter and approver, never blocking. Pure.

/** Fewest past values a judgement needs. */
export const OUTLIER_MIN_HISTORY = 4;
/** |score| above this is flagged. */
export const OUTLIER_THRESHOLD = 3.5;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * 0.6745 × (value − median) ÷ MAD over the history (MAD: the median absolute deviation), flagged when its
 * magnitude exceeds 3.5. Fewer than 4 past values: never flagged, no score. MAD 0 (most of the history equal): no
 * score, flagged when the value differs from the median.
 */
export function outlier(value: number, history: number[]): { flagged: boolean; score: number | null } {
  const past = history.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (past.length < OUTLIER_MIN_HISTORY || !Number.isFinite(value)) return { flagged: false, score: null };
  const med = median(past);
  const mad = median(past.map((x) => Math.abs(x - med)).sort((a, b) => a - b));
  if (mad === 0) return { flagged: value !== med, score: null };
  const score = (0.6745 * (value - med)) / mad;
  return { flagged: Math.abs(score) > OUTLIER_THRESHOLD, score };
}
