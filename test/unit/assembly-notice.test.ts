// Notice of a meeting (pure): the start must be the statute's notice days after the notice.
import { describe, expect, it } from 'vitest';
import { earliestStart, noticeTooShort } from '../../src/modules/assembly/rules/notice.js';

describe('notice days', () => {
  const given = new Date('2031-05-01T10:00:00Z');
  it('the earliest start is the notice plus whole days', () => {
    expect(earliestStart(given, 3).toISOString()).toBe('2031-05-04T10:00:00.000Z');
    expect(earliestStart(given, 0).toISOString()).toBe(given.toISOString());
  });
  it('a start sooner than that is too short, exactly then or later is not', () => {
    expect(noticeTooShort(new Date('2031-05-04T09:59:00Z'), given, 3)?.toISOString()).toBe('2031-05-04T10:00:00.000Z');
    expect(noticeTooShort(new Date('2031-05-04T10:00:00Z'), given, 3)).toBeNull();
    expect(noticeTooShort(new Date('2031-06-01T10:00:00Z'), given, 30)).toBeNull();
    expect(noticeTooShort(new Date('2031-05-20T10:00:00Z'), given, 30)).not.toBeNull();
    // a bureau session needs no notice days, but cannot start before it is called
    expect(noticeTooShort(given, given, 0)).toBeNull();
    expect(noticeTooShort(new Date('2031-04-01T10:00:00Z'), given, 0)?.toISOString()).toBe(given.toISOString());
  });
});
