import { describe, expect, it } from 'vitest';
import { bodyIdOfPath, deriveScopes, isOfficeActive, type HeldOffice } from '../../src/modules/auth/rules/scopes.js';
import {
  laterOf,
  limitedUntil,
  minutesUntil,
  normaliseLogin,
  LOGIN_WINDOW_MS,
} from '../../src/modules/auth/rules/rate-limit.js';
import {
  assertCanReadOwnAccount,
  assertCanUpdateAccount,
  canReadOwnAccount,
  canUpdateAccount,
} from '../../src/modules/auth/auth.policy.js';
import type { Actor } from '../../src/platform/actor.js';

const managing = ['secretary', 'general_secretary'];

function office(o: Partial<HeldOffice>): HeldOffice {
  return {
    title: 'secretary',
    bodyId: 'b1',
    bodyKind: 'district_committee',
    bodyPath: 'a.b',
    bodyName: 'District',
    bodyNameRu: null,
    parentId: 'p1',
    parentPath: 'a',
    parentName: 'City',
    parentNameRu: null,
    ...o,
  };
}

describe('deriveScopes', () => {
  it('grants the body subtree for a managing office', () => {
    expect(deriveScopes([office({})], managing)).toEqual([
      { bodyId: 'b1', path: 'a.b', title: 'secretary', bodyName: 'District', bodyNameRu: null },
    ]);
  });
  it('grants nothing for an office the statute does not list as managing', () => {
    expect(deriveScopes([office({ title: 'bureau_member' })], managing)).toEqual([]);
  });
  it('grants the parent committee for an office in an organ (bureau, secretariat)', () => {
    for (const kind of ['bureau', 'secretariat', 'politburo']) {
      const s = deriveScopes(
        [
          office({
            bodyKind: kind,
            bodyId: 'bur',
            bodyPath: 'a.b.c',
            parentId: 'b1',
            parentPath: 'a.b',
            parentName: 'District',
          }),
        ],
        managing,
      );
      expect(s).toEqual([{ bodyId: 'b1', path: 'a.b', title: 'secretary', bodyName: 'District', bodyNameRu: null }]);
    }
  });
  it('grants a control commission itself, and only it, for any office in it (chair, member)', () => {
    for (const title of ['chair', 'member', 'secretary']) {
      const s = deriveScopes(
        [
          office({
            title,
            bodyKind: 'control_commission',
            bodyId: 'kk',
            bodyPath: 'a.kk',
            bodyName: 'Control commission',
            parentId: 'a0',
            parentPath: 'a',
          }),
        ],
        managing,
      );
      expect(s).toEqual([{ bodyId: 'kk', path: 'a.kk', title, bodyName: 'Control commission', bodyNameRu: null }]);
    }
  });
  it('keeps one scope per subtree root', () => {
    const s = deriveScopes(
      [
        office({}),
        office({ title: 'general_secretary' }),
        office({ bodyKind: 'bureau', bodyId: 'x', bodyPath: 'a.b.x', parentId: 'b1', parentPath: 'a.b' }),
      ],
      managing,
    );
    expect(s).toHaveLength(1);
  });
});

describe('isOfficeActive', () => {
  it('is active from its start to its end inclusive', () => {
    expect(isOfficeActive({ startsOn: '1930-01-01', endsOn: null }, '1934-01-01')).toBe(true);
    expect(isOfficeActive({ startsOn: '1930-01-01', endsOn: '1934-01-01' }, '1934-01-01')).toBe(true);
  });
  it('is not active before it starts or after it ends', () => {
    expect(isOfficeActive({ startsOn: '1935-01-01', endsOn: null }, '1934-01-01')).toBe(false);
    expect(isOfficeActive({ startsOn: '1930-01-01', endsOn: '1933-12-31' }, '1934-01-01')).toBe(false);
  });
});

describe('rate limit rules', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('is not limited with fewer failures than the limit', () => {
    expect(limitedUntil(null, now)).toBeNull();
  });
  it('is limited until the Nth most recent failure leaves the window', () => {
    const at = new Date(now.getTime() - 60_000);
    expect(limitedUntil(at, now)?.getTime()).toBe(at.getTime() + LOGIN_WINDOW_MS);
    expect(minutesUntil(limitedUntil(at, now)!, now)).toBe(14);
  });
  it('is no longer limited once that failure is older than the window', () => {
    expect(limitedUntil(new Date(now.getTime() - LOGIN_WINDOW_MS - 1), now)).toBeNull();
  });
  it('takes the later of two limits and normalises logins', () => {
    const a = new Date(1);
    const b = new Date(2);
    expect(laterOf(a, b)).toBe(b);
    expect(laterOf(null, a)).toBe(a);
    expect(laterOf(null, null)).toBeNull();
    expect(normaliseLogin('  Kirov ')).toBe('kirov');
  });
});

describe('bodyIdOfPath', () => {
  it('turns the last label back into the uuid', () => {
    expect(bodyIdOfPath('0190aaaabbbb7ccc8dddeeeeffff0000.0190aaaabbbb7ccc8dddeeeeffff0001')).toBe(
      '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001',
    );
  });
});

describe('auth policies', () => {
  const actor: Actor = {
    accountId: 'acc1',
    personId: 'p1',
    organisationId: 'o1',
    login: 'x',
    displayName: 'X',
    locale: 'en',
    scopes: [],
    homePath: null,
    csrfToken: 't',
  };
  it('lets a signed-in person read their own account, refuses the signed-out', () => {
    expect(canReadOwnAccount(actor)).toBe(true);
    expect(canReadOwnAccount(null)).toBe(false);
    expect(() => assertCanReadOwnAccount(null)).toThrow(expect.objectContaining({ code: 'not_signed_in' }));
  });
  it('lets only the holder update an account', () => {
    expect(canUpdateAccount(actor, 'acc1')).toBe(true);
    expect(canUpdateAccount(actor, 'acc2')).toBe(false);
    expect(canUpdateAccount(null, 'acc1')).toBe(false);
    expect(() => assertCanUpdateAccount(actor, 'acc2')).toThrow(expect.objectContaining({ code: 'forbidden_scope' }));
  });
});
