import { describe, expect, it } from 'vitest';
import {
  registrationProblem,
  searchTerms,
  displayName,
  type RegistrationFacts,
} from '../../src/modules/person/rules/registration.js';
import {
  canCreatePerson,
  canSearchPersons,
  canUpdatePerson,
  canViewMembers,
  canViewPerson,
  searchRoots,
  assertCanViewMembers,
} from '../../src/modules/person/person.policy.js';
import type { Actor } from '../../src/platform/actor.js';

const base: Actor = {
  accountId: 'a',
  personId: 'me',
  organisationId: 'org',
  login: 'x',
  displayName: 'X',
  locale: 'en',
  scopes: [],
  homePath: null,
  csrfToken: 't',
};
const secretary: Actor = { ...base, scopes: [{ bodyId: 'd1', path: 'cc.city.d1', title: 'secretary' }] };
const member: Actor = { ...base, homePath: 'cc.city.d1.p1' };

describe('canViewMembers', () => {
  it('allows whoever manages the body', () => {
    expect(canViewMembers(secretary, { path: 'cc.city.d1', organisationId: 'org' })).toBe(true);
    expect(canViewMembers(secretary, { path: 'cc.city.d1.p1.s1', organisationId: 'org' })).toBe(true);
  });
  it('allows a member within their own primary organisation', () => {
    expect(canViewMembers(member, { path: 'cc.city.d1.p1', organisationId: 'org' })).toBe(true);
    expect(canViewMembers(member, { path: 'cc.city.d1.p1.s1', organisationId: 'org' })).toBe(true);
  });
  it("refuses another district's list, the district above, label look-alikes and other organisations", () => {
    expect(canViewMembers(member, { path: 'cc.city.d2.p9', organisationId: 'org' })).toBe(false);
    expect(canViewMembers(member, { path: 'cc.city.d1', organisationId: 'org' })).toBe(false);
    expect(canViewMembers(secretary, { path: 'cc.city.d10', organisationId: 'org' })).toBe(false);
    expect(canViewMembers(secretary, { path: 'cc.city.d1', organisationId: 'other' })).toBe(false);
    expect(() => assertCanViewMembers(member, { path: 'cc.city.d2', organisationId: 'org' })).toThrow(
      expect.objectContaining({ code: 'forbidden_scope' }),
    );
  });
});

describe('canViewPerson', () => {
  it('allows oneself, the manager and fellow members of the primary organisation', () => {
    expect(canViewPerson(base, { id: 'me', organisationId: 'org', bodyPath: null })).toBe(true);
    expect(canViewPerson(secretary, { id: 'x', organisationId: 'org', bodyPath: 'cc.city.d1.p1' })).toBe(true);
    expect(canViewPerson(member, { id: 'x', organisationId: 'org', bodyPath: 'cc.city.d1.p1.s1' })).toBe(true);
  });
  it('refuses persons outside scope, unregistered persons of others and other organisations', () => {
    expect(canViewPerson(member, { id: 'x', organisationId: 'org', bodyPath: 'cc.city.d2.p2' })).toBe(false);
    expect(canViewPerson(secretary, { id: 'x', organisationId: 'org', bodyPath: null })).toBe(false);
    expect(canViewPerson(base, { id: 'me', organisationId: 'other', bodyPath: null })).toBe(false);
  });
});

describe('canCreatePerson / canUpdatePerson', () => {
  it('allows only within the managed subtree', () => {
    expect(canCreatePerson(secretary, { path: 'cc.city.d1.p1', organisationId: 'org' })).toBe(true);
    expect(canCreatePerson(secretary, { path: 'cc.city.d2.p1', organisationId: 'org' })).toBe(false);
    expect(canCreatePerson(member, { path: 'cc.city.d1.p1', organisationId: 'org' })).toBe(false);
    expect(canUpdatePerson(secretary, { organisationId: 'org', bodyPath: 'cc.city.d1.p1' })).toBe(true);
    expect(canUpdatePerson(member, { organisationId: 'org', bodyPath: 'cc.city.d1.p1' })).toBe(false);
    expect(canUpdatePerson(secretary, { organisationId: 'org', bodyPath: null })).toBe(false);
  });
});

describe('canSearchPersons', () => {
  it('searches scopes plus the home organisation; refuses someone with neither', () => {
    expect(searchRoots(secretary)).toEqual(['cc.city.d1']);
    expect(searchRoots(member)).toEqual(['cc.city.d1.p1']);
    expect(searchRoots({ ...secretary, homePath: 'cc.city.d1.p1' })).toEqual(['cc.city.d1']);
    expect(canSearchPersons(member)).toBe(true);
    expect(canSearchPersons(base)).toBe(false);
  });
});

describe('registrationProblem', () => {
  const ok: RegistrationFacts = {
    status: 'member',
    cardNumber: 'A-1',
    bodyStatus: 'active',
    bodyPrimaryId: 'p1',
    candidateStageMonths: 12,
    joinedOn: '1934-01-01',
    today: '2026-01-01',
  };
  it('accepts a member with a card in a primary organisation', () => {
    expect(registrationProblem(ok)).toBeNull();
    expect(registrationProblem({ ...ok, status: 'candidate', cardNumber: null })).toBeNull();
    expect(registrationProblem({ ...ok, status: 'non_member', cardNumber: null, bodyPrimaryId: null })).toBeNull();
  });
  it('refuses each broken rule', () => {
    expect(registrationProblem({ ...ok, cardNumber: null })).toBe('card_number_required');
    expect(registrationProblem({ ...ok, status: 'non_member' })).toBe('card_number_not_allowed');
    expect(registrationProblem({ ...ok, status: 'candidate', candidateStageMonths: 0 })).toBe(
      'candidate_stage_not_in_statute',
    );
    expect(registrationProblem({ ...ok, bodyPrimaryId: null })).toBe('registration_body_invalid');
    expect(registrationProblem({ ...ok, bodyStatus: 'dissolved' })).toBe('body_not_active');
    expect(registrationProblem({ ...ok, joinedOn: '2027-01-01' })).toBe('joined_in_future');
  });
});

describe('searchTerms', () => {
  it('splits, lower-cases and escapes LIKE wildcards', () => {
    expect(searchTerms('  Ivanov  IVAN ')).toEqual(['ivanov', 'ivan']);
    expect(searchTerms('Иванов')).toEqual(['иванов']);
    expect(searchTerms('50%_x')).toEqual(['50\\%\\_x']);
    expect(searchTerms(undefined)).toEqual([]);
    expect(displayName({ givenName: 'Sergei', patronymic: 'Mironovich', familyName: 'Kirov' })).toBe(
      'Sergei Mironovich Kirov',
    );
  });
});
