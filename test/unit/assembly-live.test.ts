// The spacing of live states grows with the hall: a shop cell gets every change within 100 ms, a conference of
// 5,000 phones at most one state every ~433 ms (each state is one write per phone).
import { describe, expect, it } from 'vitest';
import { THROTTLE_MS, throttleFor } from '../../src/modules/assembly/live.service.js';

describe('throttleFor', () => {
  it('keeps the base spacing for a small meeting and widens it with the number of watchers', () => {
    expect(throttleFor(0)).toBe(THROTTLE_MS);
    expect(throttleFor(5)).toBe(THROTTLE_MS);
    expect(throttleFor(1_000)).toBe(166);
    expect(throttleFor(5_000)).toBe(433);
  });

  it('caps the fan-out near 15,000 writes a second however big the hall', () => {
    for (const n of [100, 1_000, 5_000, 20_000]) expect((n * 1000) / throttleFor(n)).toBeLessThanOrEqual(15_000);
  });
});
