import { describe, expect, it } from 'vitest';
import { assertCanViewStats, canViewStats } from '../../src/modules/stats/stats.policy.js';
import type { Actor } from '../../src/platform/actor.js';

const actor: Actor = {
  accountId: 'a',
  personId: 'p',
  organisationId: 'org-1',
  login: 'm',
  displayName: 'M',
  locale: 'en',
  scopes: [],
  homePath: 'x',
  csrfToken: 't',
};

describe('stats policy', () => {
  it('lets any signed-in member of the organisation, and the local operator, view statistics', () => {
    expect(canViewStats(actor, 'org-1')).toBe(true);
    expect(canViewStats(null, 'org-1')).toBe(true);
  });
  it('refuses members of another organisation', () => {
    expect(canViewStats(actor, 'org-2')).toBe(false);
    expect(() => assertCanViewStats(actor, 'org-2')).toThrow(/outside/);
  });
});
