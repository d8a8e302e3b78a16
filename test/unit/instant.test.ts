import { describe, expect, it } from 'vitest';
import { iso } from '../../src/platform/instant.js';

describe('iso', () => {
  it('writes a timestamp as the database gives it (a Date from pg, a string from PGlite) as ISO 8601 in UTC', () => {
    expect(iso(new Date(Date.UTC(2025, 2, 1, 21, 30)))).toBe('2025-03-01T21:30:00.000Z');
    expect(iso('2025-03-02 00:30:00+03')).toBe('2025-03-01T21:30:00.000Z');
    expect(iso('2025-03-01T21:30:00Z')).toBe('2025-03-01T21:30:00.000Z');
  });

  it('keeps a missing instant missing', () => {
    expect(iso(null)).toBeNull();
  });
});
