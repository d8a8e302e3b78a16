// Admission: the application and candidacy state machines (every illegal transition), the statute's
// requirement and standing, dates, card numbers, and the policies (allowed and refused).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationState, CandidacyState } from '../../src/contracts/admission.js';
import { PARTY_1934_MEMBERSHIP } from '../../src/contracts/membership-rules.js';
import { applicationTransition, type ApplicationEvent } from '../../src/modules/admission/rules/application-machine.js';
import { candidacyTransition } from '../../src/modules/admission/rules/candidacy-machine.js';
import {
  actDateProblem,
  addMonths,
  formatCardNumber,
  hasStanding,
  nearestConfirming,
  recommenderProblem,
  requirementFor,
} from '../../src/modules/admission/rules/admission.js';
import {
  canAnswerRecommendation,
  canConfirmAsCommittee,
  canDecideForPrimary,
  canFileApplication,
  canNameRecommender,
  canViewApplication,
  canViewCard,
  canViewWorklist,
  assertCanDecideForPrimary,
  assertCanConfirmAsCommittee,
  assertCanAnswerRecommendation,
} from '../../src/modules/admission/admission.policy.js';
import type { Actor } from '../../src/platform/actor.js';

const ALL = ApplicationState.options;

describe('application state machine', () => {
  const decide = (admitted: boolean, confirmed = 3, required = 3): ApplicationEvent => ({
    type: 'primary_decided',
    admitted,
    confirmed,
    required,
  });

  it('runs the legal path: collecting → ready → admitted → confirmed', () => {
    let s: ApplicationState = 'collecting_recommendations';
    const step = (e: ApplicationEvent) => {
      const t = applicationTransition(s, e);
      expect(t.ok).toBe(true);
      if (t.ok) s = t.state;
    };
    step({ type: 'recommendations_changed', confirmed: 2, required: 3 });
    expect(s).toBe('collecting_recommendations');
    step({ type: 'recommendations_changed', confirmed: 3, required: 3 });
    expect(s).toBe('ready');
    step(decide(true));
    expect(s).toBe('admitted_by_primary');
    step({ type: 'committee_decided', confirmed: true });
    expect(s).toBe('confirmed');
  });

  it('rejections by the primary organisation and by the committee', () => {
    expect(applicationTransition('ready', decide(false))).toEqual({ ok: true, state: 'rejected_by_primary' });
    expect(applicationTransition('admitted_by_primary', { type: 'committee_decided', confirmed: false })).toEqual({
      ok: true,
      state: 'rejected_by_committee',
    });
  });

  it('refuses a decision with too few confirmed recommendations', () => {
    expect(applicationTransition('collecting_recommendations', decide(true, 2, 3))).toEqual({
      ok: false,
      refusal: 'too_few_recommendations',
    });
    expect(applicationTransition('ready', decide(false, 1, 3))).toEqual({
      ok: false,
      refusal: 'too_few_recommendations',
    });
  });

  it('refuses deciding twice', () => {
    for (const s of ['admitted_by_primary', 'rejected_by_primary', 'confirmed'] as const)
      expect(applicationTransition(s, decide(true))).toEqual({ ok: false, refusal: 'application_already_decided' });
    for (const s of ['rejected_by_committee', 'withdrawn'] as const)
      expect(applicationTransition(s, decide(true))).toEqual({ ok: false, refusal: 'application_closed' });
  });

  it('refuses confirming before the primary organisation admitted, and confirming twice', () => {
    for (const s of ['collecting_recommendations', 'ready', 'rejected_by_primary', 'withdrawn'] as const)
      for (const confirmed of [true, false])
        expect(applicationTransition(s, { type: 'committee_decided', confirmed })).toEqual({
          ok: false,
          refusal: 'not_admitted_by_primary',
        });
    for (const s of ['confirmed', 'rejected_by_committee'] as const)
      expect(applicationTransition(s, { type: 'committee_decided', confirmed: true })).toEqual({
        ok: false,
        refusal: 'application_already_confirmed',
      });
  });

  it('refuses recommendations, naming and withdrawal once decided or closed', () => {
    for (const s of ALL.filter((x) => x !== 'collecting_recommendations' && x !== 'ready')) {
      const expected = s === 'admitted_by_primary' ? 'application_already_decided' : 'application_closed';
      for (const e of [
        { type: 'recommendations_changed', confirmed: 5, required: 3 },
        { type: 'recommender_named' },
        { type: 'withdraw' },
      ] as ApplicationEvent[])
        expect(applicationTransition(s, e)).toEqual({ ok: false, refusal: expected });
    }
  });

  it('a declined recommendation can move a ready application back to collecting', () => {
    expect(applicationTransition('ready', { type: 'recommendations_changed', confirmed: 2, required: 3 })).toEqual({
      ok: true,
      state: 'collecting_recommendations',
    });
  });

  it('never reaches confirmed without passing admitted_by_primary (property)', () => {
    const event = fc.oneof(
      fc.record({
        type: fc.constant('recommendations_changed' as const),
        confirmed: fc.nat(5),
        required: fc.nat(5),
      }),
      fc.constant({ type: 'recommender_named' as const }),
      fc.record({
        type: fc.constant('primary_decided' as const),
        admitted: fc.boolean(),
        confirmed: fc.nat(5),
        required: fc.nat(5),
      }),
      fc.record({ type: fc.constant('committee_decided' as const), confirmed: fc.boolean() }),
      fc.constant({ type: 'withdraw' as const }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        let s: ApplicationState = 'collecting_recommendations';
        let admitted = false;
        for (const e of events) {
          const t = applicationTransition(s, e as ApplicationEvent);
          if (!t.ok) continue;
          if (t.state === 'admitted_by_primary') admitted = true;
          if (t.state === 'confirmed' && !admitted) return false;
          s = t.state;
        }
        return true;
      }),
    );
  });
});

describe('candidacy state machine', () => {
  const ext = (months: number, already = 0, max = 12) =>
    ({ type: 'extend', months, alreadyExtended: already, maxMonths: max }) as const;

  it('extends within the maximum, admits after the stage, refuses', () => {
    expect(candidacyTransition('candidate', ext(6))).toEqual({ ok: true, state: 'extended' });
    expect(candidacyTransition('extended', ext(6, 6))).toEqual({ ok: true, state: 'extended' });
    expect(candidacyTransition('candidate', { type: 'admit', on: '1935-03-01', endsOn: '1935-03-01' })).toEqual({
      ok: true,
      state: 'member',
    });
    expect(candidacyTransition('extended', { type: 'refuse' })).toEqual({ ok: true, state: 'refused' });
  });

  it('refuses extending beyond the maximum, or at all when the statute allows none', () => {
    expect(candidacyTransition('candidate', ext(13))).toEqual({ ok: false, refusal: 'extension_exceeds_maximum' });
    expect(candidacyTransition('extended', ext(7, 6))).toEqual({ ok: false, refusal: 'extension_exceeds_maximum' });
    expect(candidacyTransition('candidate', ext(0))).toEqual({ ok: false, refusal: 'extension_exceeds_maximum' });
    expect(candidacyTransition('candidate', ext(1, 0, 0))).toEqual({ ok: false, refusal: 'extension_not_in_statute' });
  });

  it('refuses full membership before the stage has ended', () => {
    expect(candidacyTransition('candidate', { type: 'admit', on: '1935-02-28', endsOn: '1935-03-01' })).toEqual({
      ok: false,
      refusal: 'candidate_stage_not_ended',
    });
  });

  it('refuses every move from a closed stage', () => {
    for (const s of ['member', 'refused'] as CandidacyState[])
      for (const e of [
        ext(1),
        { type: 'refuse' as const },
        { type: 'admit' as const, on: '1940-01-01', endsOn: '1935-01-01' },
      ])
        expect(candidacyTransition(s, e)).toEqual({ ok: false, refusal: 'candidacy_closed' });
  });
});

describe('admission rules', () => {
  it('reads the requirement by social position, else the default', () => {
    expect(requirementFor(PARTY_1934_MEMBERSHIP, 'employee')).toEqual({ count: 5, minStandingYears: 10 });
    expect(requirementFor(PARTY_1934_MEMBERSHIP, 'worker')).toEqual({ count: 3, minStandingYears: 5 });
    expect(requirementFor(PARTY_1934_MEMBERSHIP, 'student')).toEqual(PARTY_1934_MEMBERSHIP.recommendations.default);
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('1934-01-31', 1)).toBe('1934-02-28');
    expect(addMonths('1934-03-15', 12)).toBe('1935-03-15');
    expect(addMonths('1934-11-10', 6)).toBe('1935-05-10');
  });

  it('computes standing in years of full membership on a date', () => {
    expect(hasStanding('1929-03-01', '1934-03-01', 5)).toBe(true);
    expect(hasStanding('1929-03-02', '1934-03-01', 5)).toBe(false);
    expect(hasStanding(null, '1934-03-01', 0)).toBe(false);
    expect(hasStanding('1933-09-01', '1934-03-01', 0.5)).toBe(true);
  });

  it('names the recommender problem', () => {
    const m = { id: 'r', status: 'member', joinedOn: '1920-01-01' };
    expect(recommenderProblem(m, 'a', '1934-01-01', 5)).toBeNull();
    expect(recommenderProblem(m, 'r', '1934-01-01', 5)).toBe('recommender_is_applicant');
    expect(recommenderProblem({ ...m, status: 'candidate' }, 'a', '1934-01-01', 0)).toBe('recommender_not_member');
    expect(recommenderProblem({ ...m, joinedOn: '1931-01-01' }, 'a', '1934-01-01', 5)).toBe(
      'recommender_lacks_standing',
    );
  });

  it('finds the nearest confirming committee', () => {
    const anc = [
      { id: 'cc', kind: 'central_committee' },
      { id: 'city', kind: 'city_committee' },
      { id: 'd', kind: 'district_committee' },
    ];
    expect(nearestConfirming(anc, ['district_committee', 'city_committee'])?.id).toBe('d');
    expect(nearestConfirming(anc.slice(0, 2), ['district_committee', 'city_committee'])?.id).toBe('city');
    expect(nearestConfirming(anc.slice(0, 1), ['district_committee'])).toBeNull();
  });

  it('formats card numbers and checks act dates', () => {
    expect(formatCardNumber(42, false)).toBe('00000042');
    expect(formatCardNumber(42, true)).toBe('C00000042');
    expect(actDateProblem('1934-05-01', '1934-04-30', null)).toBe('date_in_future');
    expect(actDateProblem('1934-04-01', '1934-04-30', '1934-04-02')).toBe('date_out_of_order');
    expect(actDateProblem('1934-04-02', '1934-04-30', '1934-04-02')).toBeNull();
  });
});

describe('admission policy', () => {
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
  const poSecretary: Actor = { ...base, scopes: [{ bodyId: 'p1', path: 'cc.d1.p1', title: 'secretary' }] };
  const districtSecretary: Actor = { ...base, scopes: [{ bodyId: 'd1', path: 'cc.d1', title: 'secretary' }] };
  const otherPo: Actor = { ...base, scopes: [{ bodyId: 'p2', path: 'cc.d1.p2', title: 'secretary' }] };

  it('filing: the applicant or a manager of the body', () => {
    expect(canFileApplication(base, 'me', { path: 'cc.d1.p1' })).toBe(true);
    expect(canFileApplication(poSecretary, 'someone', { path: 'cc.d1.p1.s1' })).toBe(true);
    expect(canFileApplication(otherPo, 'someone', { path: 'cc.d1.p1' })).toBe(false);
  });

  it('naming recommenders: the applicant or the primary organisation', () => {
    expect(canNameRecommender(base, { personId: 'me', primaryPath: 'cc.d1.p1' })).toBe(true);
    expect(canNameRecommender(poSecretary, { personId: 'x', primaryPath: 'cc.d1.p1' })).toBe(true);
    expect(canNameRecommender(otherPo, { personId: 'x', primaryPath: 'cc.d1.p1' })).toBe(false);
  });

  it('recommending: only the named member', () => {
    expect(canAnswerRecommendation(base, 'me')).toBe(true);
    expect(canAnswerRecommendation(poSecretary, 'r1')).toBe(false);
    expect(() => assertCanAnswerRecommendation(poSecretary, 'r1')).toThrow(/named as recommender/);
  });

  it('deciding: the primary organisation or a body above, no other', () => {
    expect(canDecideForPrimary(poSecretary, 'cc.d1.p1')).toBe(true);
    expect(canDecideForPrimary(districtSecretary, 'cc.d1.p1')).toBe(true);
    expect(canDecideForPrimary(otherPo, 'cc.d1.p1')).toBe(false);
    expect(() => assertCanDecideForPrimary(otherPo, 'cc.d1.p1')).toThrow(
      expect.objectContaining({ code: 'no_jurisdiction' }),
    );
  });

  it('confirming: the committee (or above), never the primary organisation', () => {
    expect(canConfirmAsCommittee(districtSecretary, 'cc.d1')).toBe(true);
    expect(canConfirmAsCommittee(poSecretary, 'cc.d1')).toBe(false);
    expect(() => assertCanConfirmAsCommittee(poSecretary, 'cc.d1')).toThrow(
      expect.objectContaining({ code: 'no_jurisdiction' }),
    );
  });

  it('viewing applications, worklists and cards', () => {
    const app = { personId: 'x', primaryPath: 'cc.d1.p1', confirmingPath: 'cc.d1', recommenderIds: ['me'] };
    expect(canViewApplication(base, app)).toBe(true);
    expect(canViewApplication(districtSecretary, { ...app, recommenderIds: [] })).toBe(true);
    expect(canViewApplication(otherPo, { ...app, recommenderIds: [] })).toBe(false);
    expect(canViewWorklist(poSecretary, { path: 'cc.d1.p1' })).toBe(true);
    expect(canViewWorklist(poSecretary, { path: 'cc.d1' })).toBe(false);
    expect(canViewCard(base, { id: 'me', bodyPath: null })).toBe(true);
    expect(canViewCard(poSecretary, { id: 'x', bodyPath: 'cc.d1.p1.s1' })).toBe(true);
    expect(canViewCard(otherPo, { id: 'x', bodyPath: 'cc.d1.p1' })).toBe(false);
  });
});
