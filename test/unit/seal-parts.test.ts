// The sealed parts of a meeting's record (payload version 2, pure): their stable order, how each is named, and
// naming each changed, missing or added part beside the top-level fields of older payloads.
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  describeChanges,
  describePartDifferences,
  partName,
  sortParts,
  type SealedPart,
} from '../../src/modules/records/rules/seal.js';

const M = '0193aaaa-0000-7000-8000-000000000001';
const V = '0193aaaa-0000-7000-8000-000000000002';
const parts: SealedPart[] = [
  { kind: 'decision', id: 'd1', outcome: 'adopted' },
  { kind: 'ballots', id: V, count: 3, boardHash: 'a'.repeat(64) },
  { kind: 'vote', id: V, result: { carried: true }, roll: [{ personId: 'p1', choice: 'for' }] },
  { kind: 'motion', id: 'm2', text: 'x', currentText: 'y' },
  { kind: 'motion', id: 'm1', text: 'x', currentText: 'y' },
  { kind: 'attendance', id: M, events: [{ id: '1', kind: 'in' }] },
  { kind: 'roles', id: M, chair: [{ personId: 'p1', how: 'elected' }] },
  { kind: 'quorum', id: M, presentVoting: 3, required: 3, reached: true },
];

describe('sealed parts', () => {
  it('are sealed in one order whatever order they are read in', () => {
    const sorted = sortParts(parts);
    expect(sorted.map((p) => `${p.kind}:${p.id}`)).toEqual([
      `attendance:${M}`,
      `quorum:${M}`,
      `roles:${M}`,
      'motion:m1',
      'motion:m2',
      `vote:${V}`,
      `ballots:${V}`,
      'decision:d1',
    ]);
    expect(canonicalJson(sortParts([...parts].reverse()))).toBe(canonicalJson(sorted));
  });

  it('are named by kind and id', () => {
    expect(partName({ kind: 'attendance', id: M })).toBe(`attendance of meeting ${M}`);
    expect(partName({ kind: 'ballots', id: V })).toBe(`ballots of vote ${V}`);
    expect(partName({ kind: 'minority opinion', id: 'o1' })).toBe('minority opinion o1');
  });

  it('name each changed, missing or added part', () => {
    const live = structuredClone(sortParts(parts));
    expect(describePartDifferences(parts, live)).toEqual([]);
    const m1 = live.find((p) => p.id === 'm1')!;
    m1.currentText = 'forged';
    const v = live.find((p) => p.kind === 'vote')!;
    v.result = { carried: false };
    v.roll = [{ personId: 'p1', choice: 'against' }];
    const b = live.find((p) => p.kind === 'ballots')!;
    b.boardHash = 'b'.repeat(64);
    b.count = 4;
    const q = live.find((p) => p.kind === 'quorum')!;
    q.presentVoting = 2;
    q.reached = false;
    const withoutDecision = live.filter((p) => p.kind !== 'decision');
    withoutDecision.push({ kind: 'minority opinion', id: 'o9', text: 'new' });
    expect(describePartDifferences(parts, withoutDecision)).toEqual([
      `quorum of meeting ${M}: present voting changed, reached changed`,
      'motion m1: final text changed',
      `vote ${V}: result changed, roll p1 changed`,
      `ballots of vote ${V}: board hash differs (sealed aaaaaaaaaaaa…, recomputed from the ballot rows bbbbbbbbbbbb…), number of ballots changed (3 sealed, 4 now)`,
      'decision d1: missing now',
      'minority opinion o9: not in the seal (added since)',
    ]);
  });

  it('are compared beside the top-level fields; an older payload without parts is compared as before', () => {
    const v2 = { version: 2, body: 'x', parts: sortParts(parts) };
    expect(describeChanges(v2, structuredClone(v2))).toEqual([]);
    const live = structuredClone(v2);
    live.body = 'y';
    live.parts.find((p) => p.id === 'm2')!.text = 'z';
    expect(describeChanges(v2, live)).toEqual(['body changed', 'motion m2: text changed']);
    const v1 = { body: 'x', transcript: [{ seq: 7, text: 'a' }] };
    expect(describeChanges(v1, { body: 'x', transcript: [{ seq: 7, text: 'b' }] })).toEqual(['transcript #7 changed']);
    expect(describeChanges(v1, structuredClone(v1))).toEqual([]);
  });
});
