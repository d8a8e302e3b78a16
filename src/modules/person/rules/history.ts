// What a fellow member may see of another member's history (pure). The facts of membership are public in the
// organisation — who was admitted, became a candidate or a member, moved to another organisation — as the
// primary organisation's meetings record them; the rest is about the person alone: discipline, penalties,
// appeals, dues (earnings), reviews and resignations go only to the person and those who manage them.
import type { AuditEvent } from '../../../contracts/records.js';

/** Processes whose state changes are public within the organisation. */
export const PUBLIC_PROCESSES: ReadonlySet<string> = new Set(['admission', 'candidacy', 'membership', 'transfer']);

/** The public part of a history: public processes only, stripped of reasons and details (votes, amounts). */
export function publicHistory(events: readonly AuditEvent[]): AuditEvent[] {
  return events.filter((e) => PUBLIC_PROCESSES.has(e.process)).map((e) => ({ ...e, reason: null, details: {} }));
}
