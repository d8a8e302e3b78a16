// Calendar dates as ISO strings (YYYY-MM-DD). Pure.
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
