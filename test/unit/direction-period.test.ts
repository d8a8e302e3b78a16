// Direction: reporting periods, their due and expiry instants at the end of a day in the statute's zone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  endOfLocalDay,
  nextPeriodStart,
  periodOf,
  periodsBetween,
  type Frequency,
} from '../../src/modules/direction/rules/period.js';

const iso = (d: Date) => d.toISOString();

describe('endOfLocalDay', () => {
  it('is 23:59:59.999 local, as UTC', () => {
    expect(iso(endOfLocalDay('2025-06-15', 'UTC'))).toBe('2025-06-15T23:59:59.999Z');
    // Moscow: UTC+3 all year, no clock changes since 2014
    expect(iso(endOfLocalDay('2025-01-15', 'Europe/Moscow'))).toBe('2025-01-15T20:59:59.999Z');
    expect(iso(endOfLocalDay('2025-07-15', 'Europe/Moscow'))).toBe('2025-07-15T20:59:59.999Z');
    // Moscow in 2010 still had summer time (UTC+4)
    expect(iso(endOfLocalDay('2010-07-15', 'Europe/Moscow'))).toBe('2010-07-15T19:59:59.999Z');
  });

  it('follows Berlin across its clock changes', () => {
    expect(iso(endOfLocalDay('2025-03-29', 'Europe/Berlin'))).toBe('2025-03-29T22:59:59.999Z'); // CET
    expect(iso(endOfLocalDay('2025-03-30', 'Europe/Berlin'))).toBe('2025-03-30T21:59:59.999Z'); // the day clocks go on
    expect(iso(endOfLocalDay('2025-10-26', 'Europe/Berlin'))).toBe('2025-10-26T22:59:59.999Z'); // the day they go back
    expect(iso(endOfLocalDay('2025-10-25', 'Europe/Berlin'))).toBe('2025-10-25T21:59:59.999Z'); // CEST
  });

  it('survives a zone that skipped a whole day (Samoa, 30 December 2011)', () => {
    // 29 December ran at UTC−10; the next local day was 31 December at UTC+14
    expect(iso(endOfLocalDay('2011-12-29', 'Pacific/Apia'))).toBe('2011-12-30T09:59:59.999Z');
  });

  it('ends each day a millisecond before the next begins', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.constantFrom('Europe/Berlin', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        (at, zone) => {
          const date = at.toISOString().slice(0, 10);
          const end = endOfLocalDay(date, zone);
          const local = (t: number) =>
            new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
              .format(new Date(t))
              .slice(0, 10);
          expect(local(end.getTime())).toBe(date);
          expect(local(end.getTime() + 1) > date).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what is not a calendar date', () => {
    expect(() => endOfLocalDay('2025-02-30', 'UTC')).toThrow(RangeError);
    expect(() => endOfLocalDay('15.06.2025', 'UTC')).toThrow(RangeError);
  });
});

describe('periodOf', () => {
  it('gives months of 28, 29, 30 and 31 days', () => {
    expect(periodOf('monthly', '2023-02-14', 'UTC', 0, 0)).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
    expect(periodOf('monthly', '2024-02-29', 'UTC', 0, 0)).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('monthly', '2024-04-01', 'UTC', 0, 0)).toMatchObject({ start: '2024-04-01', end: '2024-04-30' });
    expect(periodOf('monthly', '2024-01-31', 'UTC', 0, 0)).toMatchObject({ start: '2024-01-01', end: '2024-01-31' });
    expect(periodOf('monthly', '1900-02-10', 'UTC', 0, 0)).toMatchObject({ end: '1900-02-28' }); // not a leap year
    expect(periodOf('monthly', '2000-02-10', 'UTC', 0, 0)).toMatchObject({ end: '2000-02-29' }); // a leap year
  });

  it('gives quarters and years', () => {
    expect(periodOf('quarterly', '2025-01-01', 'UTC', 0, 0)).toMatchObject({ start: '2025-01-01', end: '2025-03-31' });
    expect(periodOf('quarterly', '2025-05-20', 'UTC', 0, 0)).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(periodOf('quarterly', '2025-09-30', 'UTC', 0, 0)).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
    expect(periodOf('quarterly', '2025-12-31', 'UTC', 0, 0)).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
    expect(periodOf('yearly', '1929-07-04', 'UTC', 0, 0)).toMatchObject({ start: '1929-01-01', end: '1929-12-31' });
  });

  it('is due at the end of the day dueDays after its end and expires expiryDays later, in the zone', () => {
    const p = periodOf('monthly', '2025-03-10', 'Europe/Moscow', 5, 10);
    expect(p.start).toBe('2025-03-01');
    expect(p.end).toBe('2025-03-31');
    expect(iso(p.dueAt)).toBe('2025-04-05T20:59:59.999Z');
    expect(iso(p.expiresAt)).toBe('2025-04-15T20:59:59.999Z');
  });

  it('crosses the year and Berlin’s clock change', () => {
    const q = periodOf('quarterly', '2024-11-11', 'Europe/Berlin', 10, 20);
    expect(iso(q.dueAt)).toBe('2025-01-10T22:59:59.999Z');
    expect(iso(q.expiresAt)).toBe('2025-01-30T22:59:59.999Z');
    // February's report due on 3 April: summer time by then
    const m = periodOf('monthly', '2025-02-01', 'Europe/Berlin', 34, 0);
    expect(iso(m.dueAt)).toBe('2025-04-03T21:59:59.999Z');
    expect(iso(m.expiresAt)).toBe(iso(m.dueAt));
  });

  it('is due on its last day with dueDays 0', () => {
    expect(iso(periodOf('yearly', '2025-06-01', 'UTC', 0, 0).dueAt)).toBe('2025-12-31T23:59:59.999Z');
  });

  it('contains its date, and periods tile the calendar', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.constantFrom<Frequency>('monthly', 'quarterly', 'yearly'),
        (at, f) => {
          const date = at.toISOString().slice(0, 10);
          const p = periodOf(f, date, 'UTC', 0, 0);
          expect(p.start <= date && date <= p.end).toBe(true);
          // the day after the end starts the next period
          const dayAfter = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(nextPeriodStart(f, p.start)).toBe(dayAfter);
          expect(periodOf(f, dayAfter, 'UTC', 0, 0).start).toBe(dayAfter);
        },
      ),
    );
  });
});

describe('nextPeriodStart and periodsBetween', () => {
  it('steps by a month, a quarter and a year', () => {
    expect(nextPeriodStart('monthly', '2025-01-01')).toBe('2025-02-01');
    expect(nextPeriodStart('monthly', '2025-12-01')).toBe('2026-01-01');
    expect(nextPeriodStart('quarterly', '2025-10-01')).toBe('2026-01-01');
    expect(nextPeriodStart('yearly', '2025-01-01')).toBe('2026-01-01');
    // a date inside a period steps from that period's start
    expect(nextPeriodStart('quarterly', '2025-05-17')).toBe('2025-07-01');
  });

  it('lists the starts of the periods overlapping a span, inclusive', () => {
    expect(periodsBetween('monthly', '2024-11-15', '2025-02-01')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
    expect(periodsBetween('quarterly', '2025-03-31', '2025-04-01')).toEqual(['2025-01-01', '2025-04-01']);
    expect(periodsBetween('yearly', '2023-06-01', '2025-01-01')).toEqual(['2023-01-01', '2024-01-01', '2025-01-01']);
    expect(periodsBetween('monthly', '2025-03-10', '2025-03-10')).toEqual(['2025-03-01']);
    expect(periodsBetween('monthly', '2025-03-10', '2025-02-10')).toEqual([]);
  });
});
