// Recommender search (issue 11, point 4): who may search, how long a text must be, how often an account may search.
import { describe, expect, it } from 'vitest';
import { admitSearch, searchLongEnough } from '../../src/modules/admission/rules/recommender-search.js';
import { canSearchRecommenders } from '../../src/modules/admission/admission.policy.js';
import type { Actor } from '../../src/platform/actor.js';

const actor = (scopes: string[] = []): Actor => ({
  accountId: 'a',
  personId: 'p',
  organisationId: 'o',
  login: 'l',
  displayName: 'd',
  locale: 'en',
  scopes: scopes.map((path) => ({ bodyId: path, path, title: 'secretary' })),
  homePath: null,
  csrfToken: 'c',
});
const works = { id: 'works', path: 'aa.bb.cc' };

describe('recommender search', () => {
  it('needs three letters or digits, and two in every word', () => {
    expect(searchLongEnough('Ts')).toBe(false);
    expect(searchLongEnough(' T - s ')).toBe(false);
    expect(searchLongEnough('Tsv')).toBe(true);
    expect(searchLongEnough('Цве')).toBe(true);
    expect(searchLongEnough('123')).toBe(true);
    // every word counts: single letters would enumerate an organisation letter by letter
    expect(searchLongEnough('a a a')).toBe(false);
    expect(searchLongEnough('Ivan P')).toBe(false);
    expect(searchLongEnough('Ivan Pe')).toBe(true);
    expect(searchLongEnough('Ng Thi')).toBe(true);
  });
  it('admits 30 searches in ten minutes, then says when to come back', () => {
    let times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const v = admitSearch(times, 1000 + i);
      expect(v.admitted).toBe(true);
      times = v.times;
    }
    const refused = admitSearch(times, 2000);
    expect(refused.admitted).toBe(false);
    expect(refused.retryAfterMs).toBe(1000 + 600_000 - 2000);
    expect(admitSearch(times, 1000 + 600_001).admitted).toBe(true);
  });
  it('is open to applicants and managers, not to members or candidates elsewhere', () => {
    expect(canSearchRecommenders(actor(), { status: 'non_member', primaryId: null }, works)).toBe(true);
    expect(canSearchRecommenders(actor(), { status: 'sympathiser', primaryId: null }, works)).toBe(true);
    expect(canSearchRecommenders(actor(), { status: 'candidate', primaryId: 'works' }, works)).toBe(true);
    expect(canSearchRecommenders(actor(), { status: 'candidate', primaryId: 'other' }, works)).toBe(false);
    expect(canSearchRecommenders(actor(), { status: 'member', primaryId: 'works' }, works)).toBe(false);
    expect(canSearchRecommenders(actor(['aa.bb']), { status: 'member', primaryId: 'x' }, works)).toBe(true);
    expect(canSearchRecommenders(actor(['aa.bd']), { status: 'member', primaryId: 'x' }, works)).toBe(false);
  });
});
