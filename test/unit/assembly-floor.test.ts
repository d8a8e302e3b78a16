// The list of speakers as pure rules: where a new request enters the queue, how a reordering is checked, how
// the list of an item reads.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FloorKind } from '../../src/contracts/assembly.js';
import {
  KIND_RANK,
  checkReorder,
  listOrder,
  placeInQueue,
  queueOrder,
  type Queued,
} from '../../src/modules/assembly/rules/floor-order.js';

/** Adds a request the way the service does: place it, shift the rest, return the queue in order. */
function add(queue: Queued[], id: string, kind: FloorKind, last: number): { queue: Queued[]; last: number } {
  const { position, shiftFrom } = placeInQueue(queue, kind, last);
  const shifted = queue.map((q) =>
    shiftFrom !== null && q.position >= shiftFrom ? { ...q, position: q.position + 1 } : q,
  );
  const next = [...shifted, { id, kind, position }].sort((a, b) => a.position - b.position);
  return { queue: next, last: Math.max(last, ...next.map((q) => q.position)) };
}

const build = (kinds: FloorKind[]) => {
  let s = { queue: [] as Queued[], last: 0 };
  kinds.forEach((k, i) => (s = add(s.queue, `r${i}`, k, s.last)));
  return s.queue;
};

describe('placeInQueue', () => {
  it('puts the first request after every position used on the item', () => {
    expect(placeInQueue([], 'speech', 0)).toEqual({ position: 1, shiftFrom: null });
    expect(placeInQueue([], 'speech', 7)).toEqual({ position: 8, shiftFrom: null });
  });

  it('puts a point of order before the speeches, after earlier points of order', () => {
    const q = build(['speech', 'speech', 'point_of_order', 'point_of_order']);
    expect(q.map((x) => x.id)).toEqual(['r2', 'r3', 'r0', 'r1']);
  });

  it('orders report, points of order, replies, speeches; first come first served within a kind', () => {
    const q = build(['speech', 'reply', 'point_of_order', 'speech', 'report', 'reply', 'point_of_order']);
    expect(q.map((x) => [x.id, x.kind])).toEqual([
      ['r4', 'report'],
      ['r2', 'point_of_order'],
      ['r6', 'point_of_order'],
      ['r1', 'reply'],
      ['r5', 'reply'],
      ['r0', 'speech'],
      ['r3', 'speech'],
    ]);
  });

  it('keeps positions distinct and the kinds ranked, whatever the arrival order (property)', () => {
    const kind = fc.constantFrom<FloorKind>('report', 'speech', 'point_of_order', 'reply');
    fc.assert(
      fc.property(fc.array(kind, { maxLength: 40 }), (kinds) => {
        const q = build(kinds);
        expect(new Set(q.map((x) => x.position)).size).toBe(q.length);
        for (let i = 1; i < q.length; i++) expect(KIND_RANK[q[i - 1]!.kind]).toBeLessThanOrEqual(KIND_RANK[q[i]!.kind]);
        // FIFO within a kind: ids of one kind appear in arrival order
        for (const k of ['report', 'speech', 'point_of_order', 'reply'] as const) {
          const ids = q.filter((x) => x.kind === k).map((x) => Number(x.id.slice(1)));
          expect(ids).toEqual([...ids].sort((a, b) => a - b));
        }
      }),
    );
  });

  it("after the chair's reordering, a new request goes after the last of its rank or before", () => {
    // the chair put a speech ahead of a point of order
    const queue: Queued[] = [
      { id: 's', kind: 'speech', position: 1 },
      { id: 'p', kind: 'point_of_order', position: 2 },
    ];
    expect(placeInQueue(queue, 'point_of_order', 2)).toEqual({ position: 3, shiftFrom: null });
    expect(placeInQueue(queue, 'report', 2)).toEqual({ position: 1, shiftFrom: 1 });
  });
});

describe('checkReorder', () => {
  const waiting: Queued[] = [
    { id: 'a', kind: 'speech', position: 3 },
    { id: 'b', kind: 'speech', position: 5 },
    { id: 'c', kind: 'reply', position: 4 },
  ];

  it('hands the queue positions out in the new order', () => {
    expect(checkReorder(waiting, ['b', 'a', 'c'])).toEqual({
      ok: true,
      positions: [
        { id: 'b', position: 3 },
        { id: 'a', position: 4 },
        { id: 'c', position: 5 },
      ],
    });
  });

  it('refuses a list that misses a waiting request or names one that does not wait', () => {
    expect(checkReorder(waiting, ['b', 'a'])).toMatchObject({ ok: false, reason: 'changed', missing: ['c'] });
    expect(checkReorder(waiting, ['b', 'a', 'c', 'x'])).toMatchObject({ ok: false, reason: 'changed', unknown: ['x'] });
  });

  it('refuses a request named twice', () => {
    expect(checkReorder(waiting, ['b', 'a', 'b', 'c'])).toMatchObject({ ok: false, reason: 'duplicates' });
  });
});

describe('queueOrder and listOrder', () => {
  it('reads waiting requests by position, then time of asking', () => {
    const q = queueOrder([
      { id: 'x', position: 2, requestedAt: '2026-01-01T10:00:00Z' },
      { id: 'y', position: 1, requestedAt: '2026-01-01T10:05:00Z' },
      { id: 'z', position: 2, requestedAt: '2026-01-01T09:00:00Z' },
    ]);
    expect(q.map((r) => r.id)).toEqual(['y', 'z', 'x']);
  });

  it('lists done (as they spoke), speaking, waiting (queue), withdrawn', () => {
    const rows = listOrder([
      { id: 'w2', status: 'waiting' as const, position: 9, requestedAt: '2026-01-01T10:00:00Z', startedAt: null },
      { id: 'x', status: 'withdrawn' as const, position: 1, requestedAt: '2026-01-01T10:00:00Z', startedAt: null },
      {
        id: 'd2',
        status: 'done' as const,
        position: 1,
        requestedAt: '2026-01-01T10:00:00Z',
        startedAt: '2026-01-01T11:00:00Z',
      },
      {
        id: 's',
        status: 'speaking' as const,
        position: 3,
        requestedAt: '2026-01-01T10:00:00Z',
        startedAt: '2026-01-01T12:00:00Z',
      },
      { id: 'w1', status: 'waiting' as const, position: 4, requestedAt: '2026-01-01T10:00:00Z', startedAt: null },
      {
        id: 'd1',
        status: 'done' as const,
        position: 2,
        requestedAt: '2026-01-01T10:00:00Z',
        startedAt: '2026-01-01T10:30:00Z',
      },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['d1', 'd2', 's', 'w1', 'w2', 'x']);
  });
});
