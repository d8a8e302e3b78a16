// Transfers: the state machine (every transition, legal and illegal), the unregistered limit, policies.
import { describe, expect, it } from 'vitest';
import {
  isUnregisteredTooLong,
  nextTransferState,
  transferStateOf,
  unregisteredCutoff,
  wholeMonthsBetween,
  type TransferEvent,
  type TransferState,
} from '../../src/modules/transfer/rules/transfer.js';
import {
  canDeregister,
  canRegister,
  canTransferDirectly,
  canViewUnregistered,
} from '../../src/modules/transfer/transfer.policy.js';
import type { Actor } from '../../src/platform/actor.js';

describe('transfer state machine', () => {
  const table: [TransferState, TransferEvent, TransferState | string][] = [
    ['registered', 'deregister', 'in_transit'],
    ['registered', 'transfer', 'registered'],
    ['registered', 'register', 'transfer_not_in_transit'],
    ['in_transit', 'register', 'registered'],
    ['in_transit', 'deregister', 'transfer_already_in_transit'],
    ['in_transit', 'transfer', 'transfer_not_registered'],
    ['not_member', 'deregister', 'transfer_not_a_member'],
    ['not_member', 'register', 'transfer_not_a_member'],
    ['not_member', 'transfer', 'transfer_not_a_member'],
  ];
  it.each(table)('%s + %s → %s', (state, event, expected) => {
    const t = nextTransferState(state, event);
    expect(t.ok ? t.state : t.code).toBe(expected);
  });
  it('derives the state from status and registration', () => {
    expect(transferStateOf({ status: 'member', bodyId: 'b' })).toBe('registered');
    expect(transferStateOf({ status: 'candidate', bodyId: null })).toBe('in_transit');
    expect(transferStateOf({ status: 'non_member', bodyId: 'b' })).toBe('not_member');
    expect(transferStateOf({ status: 'sympathiser', bodyId: null })).toBe('not_member');
  });
});

describe('the unregistered limit', () => {
  it('counts whole months', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-15', '2026-04-15')).toBe(3);
    expect(wholeMonthsBetween('2026-01-15', '2026-04-14')).toBe(2);
  });
  it('flags only those registered nowhere for longer than the limit', () => {
    expect(unregisteredCutoff('2026-04-15', 3)).toBe('2026-01-15');
    expect(unregisteredCutoff('2026-05-31', 3)).toBe('2026-02-28');
    expect(isUnregisteredTooLong('2026-01-15', '2026-04-15', 3)).toBe(false);
    expect(isUnregisteredTooLong('2026-01-14', '2026-04-15', 3)).toBe(true);
  });
});

const actor = (scopes: string[]): Actor => ({
  accountId: 'a',
  personId: 'me',
  organisationId: 'o',
  login: 'x',
  displayName: 'x',
  locale: 'en',
  scopes: scopes.map((p) => ({ bodyId: p, path: p, title: 'secretary' })),
  homePath: null,
  csrfToken: 't',
});

describe('transfer policy', () => {
  it('deregistration by the sending end, registration by the receiving end', () => {
    expect(canDeregister(actor(['a.b']), 'a.b.c')).toBe(true);
    expect(canDeregister(actor(['a.x']), 'a.b.c')).toBe(false);
    expect(canRegister(actor(['a.x']), 'a.x.y')).toBe(true);
    expect(canRegister(actor(['a.b']), 'a.x.y')).toBe(false);
  });
  it('a direct transfer needs both ends', () => {
    expect(canTransferDirectly(actor(['a']), 'a.b.c', 'a.x.y')).toBe(true);
    expect(canTransferDirectly(actor(['a.b']), 'a.b.c', 'a.x.y')).toBe(false);
    expect(canTransferDirectly(actor(['a.z']), 'a.b.c', 'a.x.y')).toBe(false);
  });
  it('the worklist belongs to the managers of the subtree', () => {
    expect(canViewUnregistered(actor(['a']), 'a.b')).toBe(true);
    expect(canViewUnregistered(actor(['a.c']), 'a.b')).toBe(false);
  });
});
