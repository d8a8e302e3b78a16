// Dues: exact money, the statute's scale at band edges, months and arrears, payment checks, policies.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseMoney } from '../../src/modules/dues/rules/money.js';
import { Money } from '../../src/contracts/dues.js';
import { bandFor, duesAmount } from '../../src/modules/dues/rules/scale.js';
import {
  addMonths,
  countedFrom,
  lastDay,
  monthsOwed,
  paidThrough,
  pastArrearsLimit,
} from '../../src/modules/dues/rules/months.js';
import { paymentProblem } from '../../src/modules/dues/rules/payment.js';
import { canRecordPayment, canViewBodyDues, canViewPersonDues } from '../../src/modules/dues/dues.policy.js';
import { PARTY_1934_MEMBERSHIP } from '../../src/contracts/membership-rules.js';
import type { Actor } from '../../src/platform/actor.js';

const bands = PARTY_1934_MEMBERSHIP.dues.bands;

describe('money', () => {
  it('parses and formats exactly', () => {
    expect(parseMoney('150')).toBe(15000);
    expect(parseMoney('150.2')).toBe(15020);
    expect(parseMoney('150.25')).toBe(15025);
    expect(parseMoney('0.01')).toBe(1);
    expect(formatMoney(15025)).toBe('150.25');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(0)).toBe('0.00');
    expect(() => parseMoney('1.234')).toThrow();
    expect(() => parseMoney('-1')).toThrow();
  });
  it('round-trips any amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseMoney(formatMoney(n)) === n));
  });
});

describe('the dues scale', () => {
  it('picks bands with inclusive upper bounds', () => {
    expect(bandFor(bands, 10000).percent).toBe(0.5); // 100.00 is still the first band
    expect(bandFor(bands, 10001).percent).toBe(1); // 100.01 is the second
    expect(bandFor(bands, 15000).percent).toBe(1);
    expect(bandFor(bands, 15001).percent).toBe(1.5);
    expect(bandFor(bands, 30000).percent).toBe(2.5);
    expect(bandFor(bands, 30001).percent).toBe(3);
    expect(bandFor(bands, 10_000_000).percent).toBe(3);
  });
  it('computes amounts exactly, rounding half up to the kopeck', () => {
    expect(duesAmount(bands, 10000)).toBe(50); // 0.5% of 100.00 = 0.50
    expect(duesAmount(bands, 10001)).toBe(100); // 1% of 100.01 = 1.0001 → 1.00
    expect(duesAmount(bands, 15000)).toBe(150);
    expect(duesAmount(bands, 15001)).toBe(225); // 1.5% of 150.01 = 2.25015 → 2.25
    expect(duesAmount(bands, 9990)).toBe(50); // 0.5% of 99.90 = 0.4995 → 0.50
    expect(duesAmount(bands, 9989)).toBe(50); // 0.49945 → 0.50
    expect(duesAmount(bands, 9900)).toBe(50); // 0.495 → 0.50
    expect(duesAmount(bands, 9899)).toBe(49); // 0.49495 → 0.49
    expect(duesAmount(bands, 0)).toBe(0);
    expect(duesAmount([{ upTo: null, percent: 1.25 }], 12345)).toBe(154); // 1.543125 → 1.54
    expect(duesAmount([{ upTo: null, percent: 0.1 }], 123_456_789_012)).toBe(123_456_789); // no float drift
  });
  it('never exceeds the top rate and is monotone within a band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (e) => {
        const a = duesAmount(bands, e);
        return a >= 0 && a <= Math.ceil((e * 3) / 100) + 1;
      }),
    );
  });
});

describe('months and arrears', () => {
  it('steps months and finds the last day', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2026-02')).toBe('2026-02-28');
    expect(lastDay('2026-04')).toBe('2026-04-30');
  });
  it('counts from the latest of joining, the register start and dues settled before', () => {
    expect(countedFrom({ joinedOn: '1930-05-17', registerStart: '2026-01-01', openingThrough: null })).toBe('2026-01');
    expect(countedFrom({ joinedOn: '2026-03-17', registerStart: '2026-01-01', openingThrough: null })).toBe('2026-03');
    expect(countedFrom({ joinedOn: '1930-05-17', registerStart: '2026-01-01', openingThrough: '2026-04-01' })).toBe(
      '2026-05',
    );
    expect(countedFrom({ joinedOn: '1930-05-17', registerStart: null, openingThrough: null })).toBeNull();
  });
  it('owes the unpaid months up to the previous month', () => {
    expect(monthsOwed('2026-01', ['2026-01-01', '2026-03-01'], '2026-06')).toEqual(['2026-02', '2026-04', '2026-05']);
    expect(monthsOwed('2026-06', [], '2026-06')).toEqual([]);
    expect(monthsOwed(null, [], '2026-06')).toEqual([]);
  });
  it('is past the limit only above it', () => {
    expect(pastArrearsLimit(3, 3)).toBe(false);
    expect(pastArrearsLimit(4, 3)).toBe(true);
  });
  it('gives the month dues are settled through', () => {
    expect(paidThrough('2026-01', ['2026-01', '2026-02'], '2026-06')).toBe('2026-02');
    expect(paidThrough('2026-01', [], '2026-06')).toBe('2025-12');
    expect(paidThrough('2026-01', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], '2026-06')).toBe(
      '2026-06',
    );
  });
});

describe('payment checks', () => {
  const ok = {
    personStatus: 'member',
    month: '2026-03',
    paidOn: '2026-03-10',
    today: '2026-06-01',
    countedFrom: '2026-01',
  };
  it('accepts a due month', () => expect(paymentProblem(ok)).toBeNull());
  it('refuses non-members, future months and dates, months not yet due, payment before the month', () => {
    expect(paymentProblem({ ...ok, personStatus: 'non_member' })).toBe('dues_not_a_member');
    expect(paymentProblem({ ...ok, month: '2026-07', paidOn: '2026-05-01' })).toBe('dues_month_in_future');
    expect(paymentProblem({ ...ok, paidOn: '2026-06-02' })).toBe('dues_paid_in_future');
    expect(paymentProblem({ ...ok, month: '2025-12', paidOn: '2026-01-05' })).toBe('dues_month_not_due');
    expect(paymentProblem({ ...ok, paidOn: '2026-02-28' })).toBe('dues_paid_before_month');
  });
});

const actor = (scopes: string[], personId = 'me'): Actor => ({
  accountId: 'a',
  personId,
  organisationId: 'o',
  login: 'x',
  displayName: 'x',
  locale: 'en',
  scopes: scopes.map((p) => ({ bodyId: p, path: p, title: 'secretary' })),
  homePath: null,
  csrfToken: 't',
});

describe('dues policy', () => {
  it('lets the secretary of the organisation or above record and see; refuses others', () => {
    expect(canRecordPayment(actor(['a.b']), 'a.b.c', [])).toBe(true);
    expect(canRecordPayment(actor(['a.x']), 'a.b.c', [])).toBe(false);
    expect(canViewBodyDues(actor(['a']), 'a.b', [])).toBe(true);
    expect(canViewBodyDues(actor([]), 'a.b', [])).toBe(false);
  });
  it('lets a treasurer of the organisation record', () => {
    expect(canRecordPayment(actor([]), 'a.b.c', ['a.b'])).toBe(true);
    expect(canRecordPayment(actor([]), 'a.b.c', ['a.x'])).toBe(false);
  });
  it('lets a member see their own register only', () => {
    expect(canViewPersonDues(actor([], 'p1'), { id: 'p1', bodyPath: 'a.b' }, [])).toBe(true);
    expect(canViewPersonDues(actor([], 'p1'), { id: 'p2', bodyPath: 'a.b' }, [])).toBe(false);
  });
});

describe('Money (the contract of an amount)', () => {
  it('takes an amount typed or pasted with spaces around it, and refuses one with a space inside', () => {
    expect(Money.parse(' 150.25 ')).toBe('150.25');
    expect(Money.safeParse('150 .25').success).toBe(false);
  });
});
