// Discipline case state machine (every illegal transition), penalties, appeal dates and policies.
import { describe, expect, it } from 'vitest';
import { nextCaseState, type CaseEvent } from '../../src/modules/discipline/rules/case-machine.js';
import {
  addMonths,
  applyEffect,
  effectApplies,
  expiryOf,
  isActive,
  majorityFor,
  type PersonRecord,
} from '../../src/modules/discipline/rules/penalties.js';
import { appealDateProblem, appealDeadline, decideAppeal } from '../../src/modules/discipline/rules/appeals.js';
import {
  canActForPrimary,
  canAnswer,
  canAppeal,
  canDecideAppeal,
  canViewPenalties,
} from '../../src/modules/discipline/discipline.policy.js';
import { CaseState } from '../../src/contracts/discipline.js';
import type { Actor } from '../../src/platform/actor.js';

const EVENTS: CaseEvent[] = [
  { type: 'answer' },
  { type: 'hear' },
  { type: 'decide', acquittal: false },
  { type: 'appeal' },
  { type: 'decide_appeal', upheld: true },
  { type: 'decide_appeal', upheld: false },
  { type: 'escalate' },
  { type: 'decide_control_commission', upheld: true },
  { type: 'decide_control_commission', upheld: false },
];

/** The only legal moves: state → event type → next state. */
const LEGAL: Record<string, Record<string, string>> = {
  charged: { answer: 'answered', hear: 'heard' },
  answered: { hear: 'heard' },
  heard: { decide: 'decided' },
  decided: { appeal: 'appealed' },
  appealed: { 'decide_appeal:true': 'appeal_upheld', 'decide_appeal:false': 'appeal_dismissed' },
  appeal_dismissed: { escalate: 'control_commission_appeal' },
  control_commission_appeal: {
    'decide_control_commission:true': 'control_commission_upheld',
    'decide_control_commission:false': 'control_commission_dismissed',
  },
};

const key = (e: CaseEvent) => ('upheld' in e ? `${e.type}:${e.upheld}` : e.type);

describe('discipline case state machine', () => {
  for (const state of CaseState.options) {
    for (const e of EVENTS) {
      const expected = LEGAL[state]?.[key(e)];
      it(`${state} + ${key(e)} → ${expected ?? 'refused'}`, () => {
        const t = nextCaseState(state, e);
        if (expected) expect(t).toEqual({ ok: true, state: expected });
        else expect(t.ok).toBe(false);
      });
    }
  }
  it('refuses deciding before the hearing with hearing_required', () => {
    expect(nextCaseState('answered', { type: 'decide', acquittal: false })).toEqual({
      ok: false,
      refusal: 'hearing_required',
    });
  });
  it('refuses appealing an acquittal', () => {
    expect(nextCaseState('decided', { type: 'appeal' }, true)).toEqual({ ok: false, refusal: 'not_appealable' });
  });
  it('refuses appealing twice (pending, then after the decision)', () => {
    expect(nextCaseState('appealed', { type: 'appeal' })).toEqual({ ok: false, refusal: 'appeal_pending' });
    expect(nextCaseState('appeal_dismissed', { type: 'appeal' })).toEqual({ ok: false, refusal: 'already_appealed' });
  });
  it('refuses deciding an appeal twice', () => {
    expect(nextCaseState('appeal_upheld', { type: 'decide_appeal', upheld: false }).ok).toBe(false);
    expect(decideAppeal('upheld', true)).toEqual({ ok: false, refusal: 'appeal_already_decided' });
    expect(decideAppeal('pending', false)).toEqual({ ok: true, state: 'dismissed' });
  });
});

describe('penalties', () => {
  const rec: PersonRecord = {
    status: 'member',
    bodyId: 'b',
    cardNumber: 'C-1',
    candidateSince: null,
    leftOn: null,
    leftReason: null,
    lastBodyId: null,
  };
  it('expire after the statute months, except expulsion', () => {
    expect(expiryOf('reprimand', '1935-01-31', { penaltyExpiryMonths: 1 })).toBe('1935-02-28');
    expect(expiryOf('expulsion', '1935-01-31', { penaltyExpiryMonths: 1 })).toBeNull();
    expect(addMonths('1935-11-15', 12)).toBe('1936-11-15');
  });
  it('are active until expired, lifted or annulled', () => {
    const p = { expiresOn: '1936-01-01', liftedOn: null, annulledOn: null };
    expect(isActive(p, '1935-12-31')).toBe(true);
    expect(isActive(p, '1936-01-01')).toBe(false);
    expect(isActive({ ...p, liftedOn: '1935-06-01' }, '1935-07-01')).toBe(false);
    expect(isActive({ ...p, annulledOn: '1935-06-01' }, '1935-05-01')).toBe(false);
  });
  it('need the expulsion majority to expel, a simple one otherwise', () => {
    expect(majorityFor('expulsion', { expulsionMajority: 'two_thirds' })).toBe('two_thirds');
    expect(majorityFor('warning', { expulsionMajority: 'two_thirds' })).toBe('simple');
  });
  it('expulsion and demotion change the record; demotion needs a full member', () => {
    expect(applyEffect(rec, 'expel', '1937-01-01')).toMatchObject({
      status: 'non_member',
      bodyId: null,
      lastBodyId: 'b',
      cardNumber: null,
      leftReason: 'expelled',
    });
    expect(applyEffect(rec, 'to_candidate', '1937-01-01')).toMatchObject({ status: 'candidate', cardNumber: 'C-1' });
    expect(effectApplies('to_candidate', 'candidate')).toBe(false);
    expect(effectApplies('expel', 'non_member')).toBe(false);
  });
});

describe('appeal dates', () => {
  it('counts the deadline from the decision', () => {
    expect(appealDeadline('1935-01-01', 30)).toBe('1935-01-31');
    expect(appealDateProblem('1935-01-31', '1935-01-01', '1935-01-31', '1936-01-01')).toBeNull();
    expect(appealDateProblem('1935-02-01', '1935-01-01', '1935-01-31', '1936-01-01')).toBe('appeal_deadline_passed');
    expect(appealDateProblem('1934-12-31', '1935-01-01', '1935-01-31', '1936-01-01')).toBe('appeal_before_decision');
    expect(appealDateProblem('1936-01-02', '1935-01-01', '1937-01-31', '1936-01-01')).toBe('date_in_future');
  });
});

describe('discipline policies', () => {
  const actor = (scopes: { bodyId: string; path: string }[], personId = 'me'): Actor => ({
    accountId: 'a',
    personId,
    organisationId: 'o',
    login: 'l',
    displayName: 'd',
    locale: 'en',
    scopes: scopes.map((s) => ({ ...s, title: 'secretary' })),
    homePath: null,
    csrfToken: 'x',
  });
  const district = { id: 'd', path: 'c.d', kind: 'district_committee' };
  const ctrl = { id: 'k', path: 'c.k', kind: 'control_commission' };
  it('lets the primary organisation or a body above act on a charge', () => {
    expect(canActForPrimary(actor([{ bodyId: 'p', path: 'c.d.p' }]), 'c.d.p')).toBe(true);
    expect(canActForPrimary(actor([{ bodyId: 'd', path: 'c.d' }]), 'c.d.p')).toBe(true);
    expect(canActForPrimary(actor([{ bodyId: 'q', path: 'c.d.q' }]), 'c.d.p')).toBe(false);
  });
  it('lets only the accused answer and only the penalised appeal', () => {
    expect(canAnswer(actor([], 'x'), 'x')).toBe(true);
    expect(canAnswer(actor([{ bodyId: 'p', path: 'c.d.p' }]), 'x')).toBe(false);
    expect(canAppeal(actor([], 'x'), 'x')).toBe(true);
    expect(canAppeal(actor([], 'y'), 'x')).toBe(false);
  });
  it('lets only the appellate committee decide; the control commission only its own members', () => {
    expect(canDecideAppeal(actor([{ bodyId: 'd', path: 'c.d' }]), district)).toBe(true);
    expect(canDecideAppeal(actor([{ bodyId: 'c', path: 'c' }]), district)).toBe(false);
    expect(canDecideAppeal(actor([{ bodyId: 'p', path: 'c.d.p' }]), district)).toBe(false);
    // a member of the commission (whose office grants the commission itself)
    expect(canDecideAppeal(actor([{ bodyId: 'k', path: 'c.k' }]), ctrl)).toBe(true);
    // not the committee it checks, nor one below
    expect(canDecideAppeal(actor([{ bodyId: 'c', path: 'c' }]), ctrl)).toBe(false);
    expect(canDecideAppeal(actor([{ bodyId: 'd', path: 'c.d' }]), ctrl)).toBe(false);
  });
  it('shows penalties to the person and their organisation’s managers', () => {
    expect(canViewPenalties(actor([], 'x'), 'x', [])).toBe(true);
    expect(canViewPenalties(actor([{ bodyId: 'd', path: 'c.d' }]), 'x', ['c.d.p'])).toBe(true);
    expect(canViewPenalties(actor([{ bodyId: 'q', path: 'c.q' }]), 'x', ['c.d.p', null])).toBe(false);
  });
});
