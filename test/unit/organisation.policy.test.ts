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

  it('an office is ended or extended only from a committee above it, never by its holder', () => {
    const po = { holderId: 'x', bodyKind: 'primary_organisation', bodyPath: PO };
    const districtOffice = { holderId: 'x', bodyKind: 'district_committee', bodyPath: D1 };
    const districtBureau = { holderId: 'x', bodyKind: 'bureau', bodyPath: D1 + '.ff' };
    expect(p.canChangeOffice(district, po)).toBe(true);
    expect(p.canChangeOffice(city, po)).toBe(true);
    // the district's own offices, in the committee or its bureau, are decided by the city
    expect(p.canChangeOffice(district, districtOffice)).toBe(false);
    expect(p.canChangeOffice(district, districtBureau)).toBe(false);
    expect(p.canChangeOffice(city, districtOffice)).toBe(true);
    expect(p.canChangeOffice(city, districtBureau)).toBe(true);
    expect(p.canChangeOffice(actor([D2]), po)).toBe(false);
    expect(p.canChangeOffice(actor([D10]), { ...po, bodyPath: D10 + '.ee' })).toBe(true);
    expect(p.canChangeOffice(actor([D10]), po)).toBe(false);
    expect(p.canChangeOffice(member, po)).toBe(false);
    // the holder never, even with a scope above
    expect(p.canChangeOffice(city, { ...po, holderId: 'p' })).toBe(false);
    const codeOf = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return '';
    };
    expect(codeOf(() => p.assertCanChangeOffice(city, { ...districtOffice, holderId: 'p' }))).toBe(
      'own_office_unchangeable',
    );
    expect(codeOf(() => p.assertCanChangeOffice(district, districtOffice))).toBe('forbidden_scope');
    expect(codeOf(() => p.assertCanChangeOffice(city, districtOffice))).toBe('');
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
