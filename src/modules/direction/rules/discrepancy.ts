// A committee's own summary against the sum of its children's raw reports (ADR 0027 §7). Pure.

/** Whether the summary differs from the raw figure by more than the tolerance: max(abs, rel × |raw|), both optional. */
export function discrepant(summary: number, raw: number, tol: { abs: number | null; rel: number | null }): boolean {
  return Math.abs(summary - raw) > Math.max(tol.abs ?? 0, (tol.rel ?? 0) * Math.abs(raw));
}
