// Policies of the organisation tree: each allowed and refused.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/actor.js';
import * as p from '../../src/modules/organisation/organisation.policy.js';
import { canAdoptStatute, assertCanAdoptStatute } from '../../src/modules/statute/statute.policy.js';

const ROOT = 'aa';
const CITY = 'aa.bb';
const D1 = 'aa.bb.cc';
const D2 = 'aa.bb.dd';
const PO = 'aa.bb.cc.ee';
const D10 = 'aa.bb.cc0'; // shares a prefix with D1 but is not below it

function actor(scopes: string[], org = 'org-1'): Actor {
  return {
    accountId: 'a',
    personId: 'p',
    organisationId: org,
    login: 'l',
    displayName: 'd',
    locale: 'en',
    scopes: scopes.map((path) => ({ bodyId: path, path, title: 'secretary' })),
    homePath: null,
    csrfToken: 'c',
  };
}

const district = actor([D1]);
const city = actor([CITY]);
const member = actor([]);

describe('organisation policies', () => {
  it('canManageBody: own subtree only, on label boundaries', () => {
    expect(p.canManageBody(district, D1)).toBe(true);
    expect(p.canManageBody(district, PO)).toBe(true);
    expect(p.canManageBody(district, D2)).toBe(false);
    expect(p.canManageBody(district, CITY)).toBe(false);
    expect(p.canManageBody(district, D10)).toBe(false);
    expect(p.canManageBody(member, PO)).toBe(false);
  });

  it('canViewTree: same organisation', () => {
    expect(p.canViewTree(member, 'org-1')).toBe(true);
    expect(p.canViewTree(member, 'org-2')).toBe(false);
    expect(() => p.assertCanViewTree(member, 'org-2')).toThrow(/outside/);
  });

  it('move and merge need both ends in scope', () => {
    expect(p.canMoveBody(city, PO, D2)).toBe(true);
    expect(p.canMoveBody(district, PO, D2)).toBe(false);
    expect(p.canMoveBody(district, PO, D1)).toBe(true);
    expect(() => p.assertCanMoveBody(district, PO, D2)).toThrow();
    expect(() => p.assertCanMoveBody(city, PO, D2)).not.toThrow();
    expect(p.canMergeBody(city, D1, D2)).toBe(true);
    expect(p.canMergeBody(district, D1, D2)).toBe(false);
    expect(() => p.assertCanMergeBody(district, D1, D2)).toThrow();
  });

  it('single-body use cases: allowed inside the scope, refused outside', () => {
    const checks = [
      p.assertCanCreateBody,
      p.assertCanRenameBody,
      p.assertCanDissolveBody,
      p.assertCanAssignOffice,
      p.assertCanEndOffice,
      p.assertCanCreateEnterprise,
    ];
    for (const check of checks) {
      expect(() => check(district, PO)).not.toThrow();
      let code = '';
      try {
        check(district, D2);
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(code).toBe('forbidden_scope');
      expect(() => check(member, PO)).toThrow();
    }
  });

  it('founders must be registered in a managed body', () => {
    expect(p.canEnrolFounder(district, PO)).toBe(true);
    expect(p.canEnrolFounder(district, D2)).toBe(false);
    expect(p.canEnrolFounder(district, null)).toBe(false);
  });
});

describe('statute policy', () => {
  it('only a scope over a root body may adopt', () => {
    expect(canAdoptStatute(actor([ROOT]))).toBe(true);
    expect(canAdoptStatute(city)).toBe(false);
    expect(canAdoptStatute(member)).toBe(false);
    expect(() => assertCanAdoptStatute(city)).toThrow();
    expect(() => assertCanAdoptStatute(actor([ROOT]))).not.toThrow();
  });
});
