// Resignation: the state machine (every transition, legal and illegal) and policies.
import { describe, expect, it } from 'vitest';
import { nextResignationState, type ResignationEvent } from '../../src/modules/resignation/rules/resignation.js';
import {
  canHandleResignation,
  canSubmitResignation,
  canViewResignation,
  canWithdrawResignation,
} from '../../src/modules/resignation/resignation.policy.js';
import type { ResignationState } from '../../src/contracts/resignation.js';
import type { Actor } from '../../src/platform/actor.js';

describe('resignation state machine', () => {
  const table: [ResignationState, ResignationEvent, string][] = [
    ['submitted', 'discuss', 'discussed'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['submitted', 'accept', 'resignation_not_discussed'],
    ['discussed', 'accept', 'accepted'],
    ['discussed', 'withdraw', 'withdrawn'],
    ['discussed', 'discuss', 'resignation_already_discussed'],
    ['accepted', 'discuss', 'resignation_closed'],
    ['accepted', 'accept', 'resignation_closed'],
    ['accepted', 'withdraw', 'resignation_closed'],
    ['withdrawn', 'discuss', 'resignation_closed'],
    ['withdrawn', 'accept', 'resignation_closed'],
    ['withdrawn', 'withdraw', 'resignation_closed'],
  ];
  it.each(table)('%s + %s → %s', (state, event, expected) => {
    const t = nextResignationState(state, event);
    expect(t.ok ? t.state : t.code).toBe(expected);
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

describe('resignation policy', () => {
  it('only the member submits and withdraws their own', () => {
    expect(canSubmitResignation(actor([], 'p'), 'p')).toBe(true);
    expect(canSubmitResignation(actor(['a'], 'q'), 'p')).toBe(false);
    expect(canWithdrawResignation(actor([], 'p'), { personId: 'p' })).toBe(true);
    expect(canWithdrawResignation(actor(['a'], 'q'), { personId: 'p' })).toBe(false);
  });
  it('the secretary of the organisation or above handles it; the member and managers see it', () => {
    expect(canHandleResignation(actor(['a.b']), { bodyPath: 'a.b.c' })).toBe(true);
    expect(canHandleResignation(actor(['a.x']), { bodyPath: 'a.b.c' })).toBe(false);
    expect(canViewResignation(actor([], 'p'), { personId: 'p', bodyPath: 'a.b' })).toBe(true);
    expect(canViewResignation(actor([], 'q'), { personId: 'p', bodyPath: 'a.b' })).toBe(false);
  });
});
