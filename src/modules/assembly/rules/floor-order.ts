// The list of speakers, as pure rules: where a new request enters the waiting queue (the report first, then
// points of order, then replies, then speeches; first come, first served within a kind), how the queue reads,
// and whether a reordering the chair sends is a reordering of exactly the waiting queue.
import type { FloorKind, FloorStatus } from '../../../contracts/assembly.js';

/** Lower goes first. */
export const KIND_RANK: Readonly<Record<FloorKind, number>> = {
  report: 0,
  point_of_order: 1,
  reply: 2,
  speech: 3,
};

export interface Queued {
  id: string;
  kind: FloorKind;
  position: number;
}

/**
 * The position of a new request of `kind` among the waiting requests `waiting` of an item: right after the last
 * waiting request whose kind goes first or is the same (FIFO within a kind), else at the head of the queue.
 * `lastPosition` is the highest position ever used on the item (for an empty queue). Waiting requests at or
 * after the returned position move one down (`shiftFrom`; null when nothing moves).
 */
export function placeInQueue(
  waiting: readonly Queued[],
  kind: FloorKind,
  lastPosition: number,
): { position: number; shiftFrom: number | null } {
  if (!waiting.length) return { position: lastPosition + 1, shiftFrom: null };
  const rank = KIND_RANK[kind];
  let after: number | null = null;
  for (const w of waiting) if (KIND_RANK[w.kind] <= rank && (after === null || w.position > after)) after = w.position;
  const max = Math.max(...waiting.map((w) => w.position));
  if (after === null) {
    const min = Math.min(...waiting.map((w) => w.position));
    return { position: min, shiftFrom: min };
  }
  if (after >= max) return { position: Math.max(after, lastPosition) + 1, shiftFrom: null };
  return { position: after + 1, shiftFrom: after + 1 };
}

/** Waiting requests in queue order. */
export function queueOrder<T extends { position: number; requestedAt: string | Date }>(waiting: readonly T[]): T[] {
  return [...waiting].sort(
    (a, b) => a.position - b.position || new Date(a.requestedAt).getTime() - new Date(b.requestedAt).getTime(),
  );
}

export type ReorderCheck =
  | { ok: true; positions: { id: string; position: number }[] }
  | { ok: false; reason: 'duplicates' | 'changed'; missing: string[]; unknown: string[] };

/**
 * The chair's new order of the waiting queue: `requestIds` must name each waiting request exactly once (else
 * 'duplicates', or 'changed' when the queue moved on since the chair's screen loaded). The requests keep the
 * queue's positions (the same slots), handed out in the new order.
 */
export function checkReorder(waiting: readonly Queued[], requestIds: readonly string[]): ReorderCheck {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const id of requestIds) {
    if (seen.has(id)) dupes.push(id);
    seen.add(id);
  }
  const waitingIds = new Set(waiting.map((w) => w.id));
  const missing = waiting.filter((w) => !seen.has(w.id)).map((w) => w.id);
  const unknown = [...seen].filter((id) => !waitingIds.has(id));
  if (dupes.length) return { ok: false, reason: 'duplicates', missing, unknown: dupes };
  if (missing.length || unknown.length) return { ok: false, reason: 'changed', missing, unknown };
  const slots = waiting.map((w) => w.position).sort((a, b) => a - b);
  return { ok: true, positions: requestIds.map((id, i) => ({ id, position: slots[i]! })) };
}

/** How a list of an item's requests reads: done (in the order they spoke), speaking, waiting (queue), withdrawn. */
export function listOrder<
  T extends { status: FloorStatus; position: number; requestedAt: string; startedAt: string | null },
>(rows: readonly T[]): T[] {
  const group: Record<FloorStatus, number> = { done: 0, speaking: 1, waiting: 2, withdrawn: 3 };
  const t = (s: string | null) => (s ? new Date(s).getTime() : 0);
  return [...rows].sort((a, b) => {
    const g = group[a.status] - group[b.status];
    if (g) return g;
    if (a.status === 'done') return t(a.startedAt) - t(b.startedAt);
    if (a.status === 'waiting') return a.position - b.position || t(a.requestedAt) - t(b.requestedAt);
    return t(a.requestedAt) - t(b.requestedAt);
  });
}
