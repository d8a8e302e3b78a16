// Review item state machine (every illegal transition), outcome effects, closing, and review policies.
import { describe, expect, it } from 'vitest';
import {
  canClose,
  effectOfOutcome,
  nextItemState,
  type ItemEvent,
} from '../../src/modules/review/rules/item-machine.js';
import {
  canDecideItem,
  canOpenReview,
  canViewProgress,
  canViewReview,
} from '../../src/modules/review/review.policy.js';
import { ReviewItemState } from '../../src/contracts/review.js';
import type { Actor } from '../../src/platform/actor.js';

const EVENTS: ItemEvent[] = [
  { type: 'decide' },
  { type: 'appeal' },
  { type: 'decide_appeal', upheld: true },
  { type: 'decide_appeal', upheld: false },
  { type: 'escalate' },
  { type: 'decide_control_commission', upheld: true },
  { type: 'decide_control_commission', upheld: false },
];
const LEGAL: Record<string, Record<string, string>> = {
  pending: { decide: 'decided' },
  decided: { appeal: 'appealed' },
  appealed: { 'decide_appeal:true': 'appeal_upheld', 'decide_appeal:false': 'appeal_dismissed' },
  appeal_dismissed: { escalate: 'control_commission_appeal' },
  control_commission_appeal: {
    'decide_control_commission:true': 'control_commission_upheld',
    'decide_control_commission:false': 'control_commission_dismissed',
  },
};
const key = (e: ItemEvent) => ('upheld' in e ? `${e.type}:${e.upheld}` : e.type);

describe('review item state machine', () => {
  for (const state of ReviewItemState.options) {
    for (const e of EVENTS) {
      const expected = LEGAL[state]?.[key(e)];
      it(`${state} + ${key(e)} → ${expected ?? 'refused'}`, () => {
        const t = nextItemState(state, e, 'expelled');
        if (expected) expect(t).toEqual({ ok: true, state: expected });
        else expect(t.ok).toBe(false);
      });
    }
  }
  it('refuses deciding twice and appealing a confirmation or an undecided item', () => {
    expect(nextItemState('decided', { type: 'decide' }, 'confirmed')).toEqual({
      ok: false,
      refusal: 'already_decided',
    });
    expect(nextItemState('decided', { type: 'appeal' }, 'confirmed')).toEqual({ ok: false, refusal: 'not_appealable' });
    expect(nextItemState('pending', { type: 'appeal' }, null)).toEqual({ ok: false, refusal: 'not_decided' });
    expect(nextItemState('appealed', { type: 'appeal' }, 'expelled')).toEqual({ ok: false, refusal: 'appeal_pending' });
  });
  it('maps outcomes to effects on the record', () => {
    expect(effectOfOutcome('confirmed')).toBeNull();
    expect(effectOfOutcome('moved_to_candidate')).toBe('to_candidate');
    expect(effectOfOutcome('moved_to_sympathiser')).toBe('to_sympathiser');
    expect(effectOfOutcome('expelled')).toBe('expel');
  });
  it('closes only after the deadline, once', () => {
    expect(canClose('open', '1935-01-01', '1935-01-01')).toBe('deadline_not_passed');
    expect(canClose('open', '1935-01-01', '1935-01-02')).toBeNull();
    expect(canClose('closed', '1935-01-01', '1935-01-02')).toBe('already_closed');
  });
});

describe('review policies', () => {
  const actor = (path: string): Actor => ({
    accountId: 'a',
    personId: 'me',
    organisationId: 'o',
    login: 'l',
    displayName: 'd',
    locale: 'en',
    scopes: [{ bodyId: 'b', path, title: 'secretary' }],
    homePath: null,
    csrfToken: 'x',
  });
  it('lets the committee open and follow, and the organisation or above decide', () => {
    expect(canOpenReview(actor('c.d'), { id: 'd', path: 'c.d' })).toBe(true);
    expect(canOpenReview(actor('c.d.p'), { id: 'd', path: 'c.d' })).toBe(false);
    expect(canDecideItem(actor('c.d.p'), 'c.d.p')).toBe(true);
    expect(canDecideItem(actor('c.d'), 'c.d.p')).toBe(true);
    expect(canDecideItem(actor('c.d.q'), 'c.d.p')).toBe(false);
    expect(canViewProgress(actor('c.d.p'), 'c.d')).toBe(false);
  });

  it('shows a review to managers of its body, above and below it, and to members under it; not to another district', () => {
    const member = (home: string | null): Actor => ({ ...actor('x'), scopes: [], homePath: home });
    expect(canViewReview(actor('c.d'), 'c.d')).toBe(true);
    expect(canViewReview(actor('c'), 'c.d')).toBe(true);
    expect(canViewReview(actor('c.d.p'), 'c.d')).toBe(true);
    expect(canViewReview(member('c.d.p'), 'c.d')).toBe(true);
    expect(canViewReview(actor('c.e'), 'c.d')).toBe(false);
    expect(canViewReview(actor('c.dd'), 'c.d')).toBe(false);
    expect(canViewReview(member('c.e.q'), 'c.d')).toBe(false);
    expect(canViewReview(member(null), 'c.d')).toBe(false);
  });
});
