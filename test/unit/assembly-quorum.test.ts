// Quorum (more than the statute's fraction of the voting participants) and check-in codes (no look-alikes,
// XXXX-XXXX, random source injected) and the iCalendar event fields.
import { describe, expect, it } from 'vitest';
import { quorumOf, requiredForQuorum } from '../../src/modules/assembly/rules/quorum.js';
import {
  CODE_ALPHABET,
  codeCandidates,
  generateCode,
  generateCodes,
  normaliseCode,
} from '../../src/modules/assembly/rules/codes.js';
import { calendarEvent } from '../../src/modules/assembly/rules/ical.js';

/** A deterministic random source: bytes 0, 1, 2, … */
function counter(start = 0) {
  let i = start;
  return (n: number) => Uint8Array.from({ length: n }, () => i++ & 255);
}

describe('quorum', () => {
  it('needs more than half: floor(n × fraction) + 1', () => {
    expect(requiredForQuorum(100, 0.5)).toBe(51);
    expect(requiredForQuorum(101, 0.5)).toBe(51);
    expect(requiredForQuorum(4, 0.5)).toBe(3);
    expect(requiredForQuorum(1, 0.5)).toBe(1);
    expect(requiredForQuorum(0, 0.5)).toBe(1);
    expect(requiredForQuorum(9, 2 / 3)).toBe(7);
  });

  it('a fraction of 0 needs nobody', () => {
    expect(requiredForQuorum(500, 0)).toBe(0);
    expect(quorumOf({ entitledVoting: 10, presentVoting: 0, presentConsultative: 0, presentGuests: 3 }, 0)).toEqual({
      entitledVoting: 10,
      presentVoting: 0,
      presentConsultative: 0,
      presentGuests: 3,
      required: 0,
      reached: true,
    });
  });

  it('is reached exactly at more than half, not at half', () => {
    const q = (present: number) =>
      quorumOf({ entitledVoting: 10, presentVoting: present, presentConsultative: 4, presentGuests: 0 }, 0.5);
    expect(q(5)).toMatchObject({ required: 6, reached: false });
    expect(q(6)).toMatchObject({ required: 6, reached: true });
  });
});

describe('check-in codes', () => {
  it('the alphabet has 32 characters and no look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const ch of '0O1I') expect(CODE_ALPHABET).not.toContain(ch);
  });

  it('a code is XXXX-XXXX drawn from the random source', () => {
    expect(generateCode(counter(0))).toBe('ABCD-EFGH');
    expect(generateCode(counter(24))).toBe('2345-6789');
    // only the low 5 bits count: 32 + 0 is 'A' again
    expect(generateCode(counter(32))).toBe('ABCD-EFGH');
    const random = generateCode((n) => crypto.getRandomValues(new Uint8Array(n)));
    expect(random).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('generates the number of distinct codes asked for, even when the source repeats', () => {
    let calls = 0;
    const repeating = (n: number) => {
      calls++;
      return Uint8Array.from({ length: n }, () => (calls <= 3 ? 0 : calls));
    };
    const codes = generateCodes(3, repeating);
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    const many = generateCodes(1000, (n) => crypto.getRandomValues(new Uint8Array(n)));
    expect(new Set(many).size).toBe(1000);
    expect(() => generateCodes(2, () => new Uint8Array(8))).toThrow(/repeats/);
  });

  it('reads typed codes regardless of case, spaces and dashes; refuses look-alikes', () => {
    expect(normaliseCode('abcd-efgh')).toBe('ABCD-EFGH');
    expect(normaliseCode(' ab cd ef gh ')).toBe('ABCD-EFGH');
    expect(normaliseCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(normaliseCode('ABCD-EFG')).toBeNull();
    expect(normaliseCode('ABCD-EFG0')).toBeNull();
    expect(normaliseCode('OBCD-EFGH')).toBeNull();
    expect(codeCandidates('abcdefgh')).toEqual(['ABCD-EFGH', 'ABCDEFGH']);
    expect(codeCandidates('ABCD-EFGH')).toEqual(['ABCD-EFGH']);
    expect(codeCandidates('a1b2c3d4e5')).toEqual(['A1B2C3D4E5']);
  });
});

describe('calendar event', () => {
  it('lasts two hours unless an end is given; the agenda goes into the description', () => {
    const e = calendarEvent({
      id: 'm1',
      title: 'General assembly',
      startsAt: new Date('1934-03-01T17:00:00Z'),
      endsAt: null,
      place: 'Club of the works',
      notice: 'Bring your cards.',
      bodyName: 'Red Putilovite',
      timeZone: 'Europe/Moscow',
      agenda: [
        { position: 1, title: 'Report of the bureau', reporter: 'Kirov S.' },
        { position: 2, title: 'Any other business', reporter: null },
      ],
    });
    expect(e.uid).toBe('m1@antaeus');
    expect(e.end.toISOString()).toBe('1934-03-01T19:00:00.000Z');
    expect(e.description).toContain('1. Report of the bureau (Kirov S.)');
    expect(e.description).toContain('2. Any other business');
    expect(e.description).toContain('Bring your cards.');
    expect(e.filename).toBe('meeting-1934-03-01.ics');
  });
});
