// The password policy (pure) and who may change and reset passwords (ADR 0016).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCommonPasswords, passwordProblem } from '../../src/modules/auth/rules/password-policy.js';
import {
  assertCanIssueResetCode,
  canChangeOwnPassword,
  canIssueResetCode,
  canRedeemResetCode,
} from '../../src/modules/auth/auth.policy.js';
import { commonPasswords } from '../../src/modules/auth/common-passwords.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/rules/demo-plan.js';
import { PASSWORD_MIN_LENGTH } from '../../src/contracts/auth.js';
import type { Actor } from '../../src/platform/actor.js';

const common = parseCommonPasswords('# a comment\npassword123\n  Qwerty123 \n\nletmein1\n');

describe('password policy', () => {
  it('parses the list: comments and blank lines skipped, lower-cased', () => {
    expect([...common].sort()).toEqual(['letmein1', 'password123', 'qwerty123']);
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters, counting code points`, () => {
    expect(passwordProblem('abc-def', 'x', common)).toBe('password_too_short');
    expect(passwordProblem('abc-defg', 'x', common)).toBeNull();
    // Seven emoji are 14 UTF-16 units but 7 characters.
    expect(passwordProblem('😀😀😀😀😀😀😀', 'x', common)).toBe('password_too_short');
    expect(passwordProblem('пароль-Ленина', 'x', common)).toBeNull();
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('PASSWORD123', 'x', common)).toBe('password_too_common');
    expect(passwordProblem('qwerty123', 'x', common)).toBe('password_too_common');
    expect(passwordProblem('qwerty1234', 'x', common)).toBeNull();
  });

  it('refuses the login itself, ignoring case', () => {
    expect(passwordProblem('Cc.Secretary', 'cc.secretary', common)).toBe('password_same_as_login');
    expect(passwordProblem('cc.secretary!', 'cc.secretary', common)).toBeNull();
  });

  it('ships a list of a few thousand common passwords, and the demo password meets the policy', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(3000);
    for (const p of ['password', '12345678', 'qwertyuiop', '1q2w3e4r', 'iloveyou', 'ytrewq', 'gfhjkm123', 'antaeus1'])
      expect(list.has(p), p).toBe(true);
    const text = readFileSync(new URL('../../src/modules/auth/common-passwords.txt', import.meta.url), 'utf8');
    expect(
      text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .every((l) => l === l.toLowerCase().trim()),
    ).toBe(true);
    expect(passwordProblem(DEMO_PASSWORD, 'cc.secretary', list)).toBeNull();
    expect(passwordProblem('antaeus', 'cc.secretary', list)).toBe('password_too_short');
  });
});

function actor(scopePaths: string[], over: Partial<Actor> = {}): Actor {
  return {
    accountId: 'acc',
    personId: 'me',
    organisationId: 'org',
    login: 'me',
    displayName: 'Me',
    locale: 'en',
    scopes: scopePaths.map((path) => ({ bodyId: path, path, title: 'secretary' })),
    homePath: 'c.d.p',
    csrfToken: 't',
    ...over,
  };
}

describe('who may change and reset passwords', () => {
  const district = actor(['c.d']);
  const target = { personId: 'them', organisationId: 'org', bodyPath: 'c.d.p', scopePaths: [] as string[] };

  it('anyone signed in changes their own password; nobody signed out', () => {
    expect(canChangeOwnPassword(district)).toBe(true);
    expect(canChangeOwnPassword(null)).toBe(false);
    expect(canRedeemResetCode()).toBe(true);
  });

  it('a manager of the person’s body issues a reset code', () => {
    expect(canIssueResetCode(district, target)).toBe(true);
    expect(canIssueResetCode(district, { ...target, bodyPath: 'c.d' })).toBe(true);
    // Someone whose offices lie within the manager's scope (or equal to it).
    expect(canIssueResetCode(district, { ...target, scopePaths: ['c.d.p'] })).toBe(true);
    expect(canIssueResetCode(district, { ...target, scopePaths: ['c.d'] })).toBe(true);
  });

  it('refused: outside the scope, above it, another organisation, no body, a rank-and-file member, oneself', () => {
    expect(canIssueResetCode(district, { ...target, bodyPath: 'c.e.p' })).toBe(false);
    expect(canIssueResetCode(district, { ...target, bodyPath: 'c.dd' })).toBe(false);
    expect(canIssueResetCode(district, { ...target, scopePaths: ['c'] })).toBe(false);
    expect(canIssueResetCode(district, { ...target, scopePaths: ['c.d.p', 'c.e'] })).toBe(false);
    expect(canIssueResetCode(district, { ...target, organisationId: 'other' })).toBe(false);
    expect(canIssueResetCode(district, { ...target, bodyPath: null })).toBe(false);
    expect(canIssueResetCode(actor([]), target)).toBe(false);
    expect(canIssueResetCode(district, { ...target, personId: 'me' })).toBe(false);
    expect(() => assertCanIssueResetCode(district, { ...target, personId: 'me' })).toThrow(
      expect.objectContaining({ code: 'reset_own_account' }),
    );
    expect(() => assertCanIssueResetCode(district, { ...target, scopePaths: ['c'] })).toThrow(
      expect.objectContaining({ code: 'forbidden_scope' }),
    );
    expect(() => assertCanIssueResetCode(null, target)).toThrow(expect.objectContaining({ code: 'not_signed_in' }));
  });
});
