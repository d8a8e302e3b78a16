// Application use cases: applying, naming recommenders, recommending, the primary organisation's decision and
// the committee's confirmation (which makes a candidate or a member and issues a card). Every act is judged by
// the statute in force on its date. AdmissionService (admission.service.ts) adds the candidate stage,
// worklists and the card.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type { StatuteService } from '../statute/statute.service.js';
import type { OrganisationService } from '../organisation/organisation.service.js';
import type { RecordsService } from '../records/records.service.js';
import { carries } from '../records/rules/majority.js';
import type {
  AdmissionDecisionInput,
  AnswerRecommendationInput,
  Application,
  ApplicationDetail,
  ApplicationState,
  ApplicationTarget,
  CreateApplicationInput,
  Recommendation,
} from '../../contracts/admission.js';
import { AdmissionErrors } from './admission.errors.js';
import {
  assertCanAnswerRecommendation,
  assertCanConfirmAsCommittee,
  assertCanDecideForPrimary,
  assertCanFileApplication,
  assertCanNameRecommender,
  assertCanViewApplication,
  applicationCan,
  canAnswerRecommendationNow,
} from './admission.policy.js';
import { applicationTransition, type ApplicationEvent } from './rules/application-machine.js';
import { candidacyTransition } from './rules/candidacy-machine.js';
import {
  actDateProblem,
  addMonths,
  formatCardNumber,
  nearestConfirming,
  recommenderProblem,
  requirementFor,
} from './rules/admission.js';
import * as repo from './admission.repository.js';
import { personRows, type PersonRow } from '../person/person-rows.service.js';

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function fullName(p: { family_name: string; given_name: string; patronymic: string | null }): string {
  return [p.family_name, p.given_name, p.patronymic].filter(Boolean).join(' ');
}

/** The application, with what the reader may do with it (ADR 0026). */
export function toApplication(r: repo.ApplicationRow, actor: Actor): Application {
  const can = applicationCan(actor, {
    personId: r.person_id,
    primaryPath: r.primary_path,
    confirmingPath: r.confirming_path,
    state: r.state,
    confirmed: Number(r.confirmed_recommendations),
    required: r.required_recommendations,
  });
  return {
    id: r.id,
    personId: r.person_id,
    personName: fullName(r),
    personNameRu: r.name_ru,
    socialPosition: r.social_position,
    target: r.target,
    state: r.state,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    primaryId: r.primary_id,
    primaryName: r.primary_name,
    primaryNameRu: r.primary_name_ru,
    appliedOn: r.applied_on,
    statement: r.statement,
    requiredRecommendations: r.required_recommendations,
    minStandingYears: Number(r.min_standing_years),
    confirmedRecommendations: Number(r.confirmed_recommendations),
    confirmingBodyId: r.confirming_body_id,
    confirmingBodyName: r.confirming_name,
    confirmingBodyNameRu: r.confirming_name_ru,
    createdAt: new Date(r.created_at).toISOString(),
    can,
  };
}

/** The recommendation, with what the reader may do with it (ADR 0026); `appState`: its application's state. */
export function toRecommendation(r: repo.RecommendationRow, actor: Actor, appState: ApplicationState): Recommendation {
  const answer = canAnswerRecommendationNow(actor, { recommenderId: r.recommender_id, state: r.state }, appState);
  return {
    id: r.id,
    applicationId: r.application_id,
    recommenderId: r.recommender_id,
    recommenderName: fullName(r),
    recommenderNameRu: r.name_ru,
    recommenderCardNumber: r.card_number,
    recommenderJoinedOn: r.joined_on,
    state: r.state,
    text: r.text,
    answeredOn: r.answered_on,
    can: { answer },
  };
}

export function dateCheck(on: string, notBefore: string | null): void {
  const p = actDateProblem(on, todayIso(), notBefore);
  if (p) throw AdmissionErrors[p]({ on, notBefore });
}

function refuse(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  const t = applicationTransition(state, event);
  if (!t.ok) throw AdmissionErrors[t.refusal]({ state });
  return t.state;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === '23505';
}

export class AdmissionApplications {
  constructor(
    protected readonly db: Database,
    protected readonly statute: StatuteService,
    protected readonly organisation: OrganisationService,
    protected readonly records: RecordsService,
  ) {}

  /** Files an application (the applicant themself, or a secretary on their behalf). */
  async apply(actor: Actor, input: CreateApplicationInput): Promise<ApplicationDetail> {
    const personId = input.personId ?? actor.personId;
    const person = await this.personIn(actor, personId);
    const body = await this.bodyIn(actor, input.bodyId);
    assertCanFileApplication(actor, personId, body);
    if (!body.primaryId || !['primary_organisation', 'shop_cell', 'party_group'].includes(body.kind))
      throw AdmissionErrors.body_not_primary({ bodyId: body.id });
    if (body.status !== 'active') throw AdmissionErrors.body_not_active({ bodyId: body.id });
    dateCheck(input.appliedOn, null);
    const rules = await this.statute.rules(actor.organisationId, input.appliedOn);
    const stage = rules.candidateStageMonths;
    const target: ApplicationTarget =
      input.target ?? (person.status === 'candidate' || stage === 0 ? 'member' : 'candidate');
    if (person.status === 'member') throw AdmissionErrors.applicant_not_eligible({ status: person.status });
    if (person.status === 'candidate' && target !== 'member')
      throw AdmissionErrors.applicant_not_eligible({ status: person.status });
    if (person.status !== 'candidate' && target === 'candidate' && stage === 0)
      throw AdmissionErrors.target_not_in_statute();
    if (person.status !== 'candidate' && target === 'member' && stage > 0)
      throw AdmissionErrors.applicant_not_eligible({ status: person.status, target });
    if (person.status === 'candidate') await this.assertStageEnded(person, input.appliedOn);
    const req = requirementFor(rules.membership, person.social_position);
    const recommenderIds = [...new Set(input.recommenderIds ?? [])];
    for (const rid of recommenderIds)
      await this.checkRecommender(actor, rid, personId, input.appliedOn, req.minStandingYears);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (await repo.openApplicationOf(trx, personId)) throw AdmissionErrors.application_open_exists();
      const state: ApplicationState = req.count === 0 ? 'ready' : 'collecting_recommendations';
      try {
        await repo.insertApplication(trx, {
          id,
          organisation_id: actor.organisationId,
          person_id: personId,
          body_id: body.id,
          primary_id: body.primaryId!,
          target,
          state,
          social_position: person.social_position,
          applied_on: input.appliedOn,
          statement: input.statement ?? null,
          required_recommendations: req.count,
          min_standing_years: req.minStandingYears,
          created_by: actor.personId,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw AdmissionErrors.application_open_exists();
        throw e;
      }
      for (const rid of recommenderIds)
        await repo.insertRecommendation(trx, { id: uuidv7(), application_id: id, recommender_id: rid });
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: personId,
        actor,
        effectiveOn: input.appliedOn,
        process: 'admission',
        entityId: id,
        action: 'applied',
        toState: state,
        details: {
          target,
          bodyId: body.id,
          required: req.count,
          minStandingYears: req.minStandingYears,
          recommenderIds,
        },
      });
      await repo.writeOutbox(trx, 'admission.applied', { applicationId: id, personId, primaryId: body.primaryId });
    });
    return this.getApplication(actor, id);
  }

  /** Names one more recommender (checked against the standing fixed on the application date, today). */
  async nameRecommender(actor: Actor, applicationId: string, recommenderId: string): Promise<ApplicationDetail> {
    const app = await this.application(actor, applicationId);
    assertCanNameRecommender(actor, { personId: app.person_id, primaryPath: app.primary_path });
    const on = todayIso();
    await this.checkRecommender(actor, recommenderId, app.person_id, on, Number(app.min_standing_years));
    await this.db.transaction().execute(async (trx) => {
      const state = await repo.lockApplication(trx, app.id);
      refuse(state!, { type: 'recommender_named' });
      if (await repo.isNamed(trx, app.id, recommenderId)) throw AdmissionErrors.recommender_already_named();
      await repo.insertRecommendation(trx, { id: uuidv7(), application_id: app.id, recommender_id: recommenderId });
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: app.person_id,
        actor,
        effectiveOn: on,
        process: 'admission',
        entityId: app.id,
        action: 'recommender_named',
        details: { recommenderId },
      });
      await repo.writeOutbox(trx, 'admission.recommender_named', { applicationId: app.id, recommenderId });
    });
    return this.getApplication(actor, app.id);
  }

  /** The named recommender confirms (with their written recommendation) or declines. */
  async answerRecommendation(
    actor: Actor,
    recommendationId: string,
    answer: 'confirmed' | 'declined',
    input: AnswerRecommendationInput,
  ): Promise<ApplicationDetail> {
    const rec = await repo.findRecommendation(this.db, recommendationId);
    if (!rec) throw AdmissionErrors.recommendation_not_found({ id: recommendationId });
    const app = await this.application(actor, rec.application_id);
    assertCanAnswerRecommendation(actor, rec.recommender_id);
    const on = input.on ?? todayIso();
    dateCheck(on, app.applied_on);
    if (answer === 'confirmed') {
      const me = await personRows.find(this.db, rec.recommender_id);
      const problem = recommenderProblem(
        { id: rec.recommender_id, status: me!.status, joinedOn: me!.joined_on },
        app.person_id,
        on,
        Number(app.min_standing_years),
      );
      if (problem) throw AdmissionErrors[problem]({ recommenderId: rec.recommender_id, on });
    }
    await this.db.transaction().execute(async (trx) => {
      const state = (await repo.lockApplication(trx, app.id))!;
      refuse(state, { type: 'recommender_named' });
      if (!(await repo.answerRecommendation(trx, rec.id, answer, input.text, on)))
        throw AdmissionErrors.recommendation_already_answered();
      const confirmed = await repo.countConfirmed(trx, app.id);
      const next = refuse(state, {
        type: 'recommendations_changed',
        confirmed,
        required: app.required_recommendations,
      });
      if (next !== state && !(await repo.moveApplication(trx, app.id, state, { state: next })))
        throw AdmissionErrors.state_changed();
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: app.person_id,
        actor,
        effectiveOn: on,
        process: 'admission',
        entityId: app.id,
        action: answer === 'confirmed' ? 'recommendation_confirmed' : 'recommendation_declined',
        fromState: state,
        toState: next,
        reason: input.text,
        details: { recommendationId: rec.id, recommenderId: rec.recommender_id, confirmed },
      });
      await repo.writeOutbox(trx, `admission.recommendation_${answer}`, {
        applicationId: app.id,
        recommendationId: rec.id,
      });
    });
    return this.getApplication(actor, app.id);
  }

  /** The primary organisation's decision by vote; admitted when the vote carries per the statute. */
  async decide(actor: Actor, applicationId: string, input: AdmissionDecisionInput): Promise<ApplicationDetail> {
    const app = await this.application(actor, applicationId);
    assertCanDecideForPrimary(actor, app.primary_path);
    const recs = await repo.recommendationsOf(this.db, app.id);
    const lastRec = recs
      .filter((r) => r.state === 'confirmed' && r.answered_on)
      .map((r) => r.answered_on!)
      .sort()
      .pop();
    dateCheck(input.takenOn, lastRec && lastRec > app.applied_on ? lastRec : app.applied_on);
    const rules = await this.statute.rules(actor.organisationId, input.takenOn);
    const admitted = carries(input.votes, rules.membership.admissionMajority);
    let committee: { id: string } | null = null;
    if (admitted) {
      committee = nearestConfirming(await repo.ancestors(this.db, app.primary_path), rules.membership.confirmingKinds);
      if (!committee) throw AdmissionErrors.no_confirming_committee();
    }
    await this.db.transaction().execute(async (trx) => {
      const state = (await repo.lockApplication(trx, app.id))!;
      const confirmed = await repo.countConfirmed(trx, app.id);
      const next = refuse(state, {
        type: 'primary_decided',
        admitted,
        confirmed,
        required: app.required_recommendations,
      });
      const decisionId = await this.records.decision(trx, {
        organisationId: actor.organisationId,
        bodyId: app.primary_id,
        takenOn: input.takenOn,
        process: 'admission',
        entityId: app.id,
        outcome: admitted ? 'admitted' : 'rejected',
        votes: input.votes,
        reasons: input.reasons,
        recordedBy: actor,
        assemblyId: null,
      });
      const moved = await repo.moveApplication(trx, app.id, state, {
        state: next,
        primary_decision_id: decisionId,
        decided_on: input.takenOn,
        confirming_body_id: committee?.id ?? null,
      });
      if (!moved) throw AdmissionErrors.state_changed();
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: app.person_id,
        actor,
        effectiveOn: input.takenOn,
        process: 'admission',
        entityId: app.id,
        action: 'primary_decided',
        fromState: state,
        toState: next,
        reason: input.reasons,
        details: { decisionId, votes: input.votes, confirmingBodyId: committee?.id ?? null },
      });
      await repo.writeOutbox(trx, 'admission.primary_decided', { applicationId: app.id, outcome: next });
    });
    return this.getApplication(actor, app.id);
  }

  /** The confirming committee's decision: a confirmed applicant becomes a candidate (or a member), with a card. */
  async confirm(actor: Actor, applicationId: string, input: AdmissionDecisionInput): Promise<ApplicationDetail> {
    const app = await this.application(actor, applicationId);
    let committeeId = app.confirming_body_id;
    let committeePath = app.confirming_path;
    if (!committeeId) {
      const rules = await this.statute.rules(actor.organisationId, input.takenOn);
      const c = nearestConfirming(await repo.ancestors(this.db, app.primary_path), rules.membership.confirmingKinds);
      committeeId = c?.id ?? null;
      committeePath = c?.path ?? null;
    }
    if (!committeePath) throw AdmissionErrors.no_jurisdiction();
    assertCanConfirmAsCommittee(actor, committeePath);
    refuse(app.state, { type: 'committee_decided', confirmed: true });
    dateCheck(input.takenOn, app.decided_on);
    const rules = await this.statute.rules(actor.organisationId, input.takenOn);
    const confirmed = carries(input.votes, rules.membership.admissionMajority);
    const stage = rules.candidateStageMonths;
    const person = (await personRows.find(this.db, app.person_id))!;
    await this.db.transaction().execute(async (trx) => {
      const state = (await repo.lockApplication(trx, app.id))!;
      const next = refuse(state, { type: 'committee_decided', confirmed });
      const decisionId = await this.records.decision(trx, {
        organisationId: actor.organisationId,
        bodyId: committeeId!,
        takenOn: input.takenOn,
        process: 'admission',
        entityId: app.id,
        outcome: confirmed ? 'confirmed' : 'rejected',
        votes: input.votes,
        reasons: input.reasons,
        recordedBy: actor,
      });
      const moved = await repo.moveApplication(trx, app.id, state, {
        state: next,
        committee_decision_id: decisionId,
        confirmed_on: input.takenOn,
      });
      if (!moved) throw AdmissionErrors.state_changed();
      const base = {
        organisationId: actor.organisationId,
        subjectPersonId: app.person_id,
        actor,
        effectiveOn: input.takenOn,
        entityId: app.id,
        reason: input.reasons,
      };
      await this.records.audit(trx, {
        ...base,
        process: 'admission',
        action: 'committee_decided',
        fromState: state,
        toState: next,
        details: { decisionId, votes: input.votes, committeeId },
      });
      if (confirmed) {
        const result = await this.admitPerson(trx, actor, app, person.status, stage, input.takenOn);
        await this.records.audit(trx, {
          ...base,
          process: 'membership',
          action: result.status === 'candidate' ? 'became_candidate' : 'became_member',
          fromState: person.status,
          toState: result.status,
          details: { cardNumber: result.cardNumber, candidateStageEndsOn: result.endsOn, statuteStageMonths: stage },
        });
      }
      await repo.writeOutbox(trx, 'admission.committee_decided', { applicationId: app.id, outcome: next });
    });
    return this.getApplication(actor, app.id);
  }

  async getApplication(actor: Actor, id: string): Promise<ApplicationDetail> {
    const app = await this.application(actor, id);
    const recs = await repo.recommendationsOf(this.db, id);
    assertCanViewApplication(actor, {
      personId: app.person_id,
      primaryPath: app.primary_path,
      confirmingPath: app.confirming_path,
      recommenderIds: recs.map((r) => r.recommender_id),
    });
    const decisions = await this.records.decisionsOf(id);
    const names = new Map<string, { name: string; nameRu: string | null }>();
    for (const d of decisions)
      if (!names.has(d.bodyId)) names.set(d.bodyId, await this.organisation.getBodyRef(d.bodyId));
    return {
      ...toApplication(app, actor),
      recommendations: recs.map((r) => toRecommendation(r, actor, app.state)),
      decisions: decisions.map((d) => ({
        id: d.id,
        bodyId: d.bodyId,
        bodyName: names.get(d.bodyId)?.name ?? '',
        bodyNameRu: names.get(d.bodyId)?.nameRu ?? null,
        takenOn: d.takenOn,
        outcome: d.outcome,
        votes: d.votes,
        reasons: d.reasons,
        assemblyId: d.assemblyId,
      })),
    };
  }

  /** Makes the confirmed applicant a candidate (stage > 0, applying for candidacy) or a full member. */
  private async admitPerson(
    trx: Executor,
    actor: Actor,
    app: repo.ApplicationRow,
    status: string,
    stageMonths: number,
    on: string,
  ): Promise<{ status: 'candidate' | 'member'; cardNumber: string; endsOn: string | null }> {
    if (app.target === 'candidate' && stageMonths > 0) {
      const cardNumber = await this.issueCard(trx, actor.organisationId, true);
      const endsOn = addMonths(on, stageMonths);
      await personRows.makeCandidate(trx, app.person_id, { bodyId: app.body_id, on, cardNumber });
      await repo.insertCandidacy(trx, {
        id: uuidv7(),
        organisation_id: actor.organisationId,
        person_id: app.person_id,
        application_id: app.id,
        body_id: app.body_id,
        primary_id: app.primary_id,
        started_on: on,
        ends_on: endsOn,
      });
      return { status: 'candidate', cardNumber, endsOn };
    }
    if (status === 'candidate') {
      const cand = await repo.lockOpenCandidacy(trx, app.person_id);
      if (cand) {
        const t = candidacyTransition(cand.state, { type: 'admit', on, endsOn: cand.ends_on });
        if (!t.ok) throw AdmissionErrors[t.refusal]({ endsOn: cand.ends_on });
        if (!(await repo.moveCandidacy(trx, cand.id, cand.state, { state: t.state, closed_on: on })))
          throw AdmissionErrors.state_changed();
      }
    }
    const cardNumber = await this.issueCard(trx, actor.organisationId, false);
    await personRows.makeMember(trx, app.person_id, { bodyId: app.body_id, on, cardNumber });
    return { status: 'member', cardNumber, endsOn: null };
  }

  /** The next free card number of the organisation, from its counter row (never max()+1). */
  protected async issueCard(trx: Executor, organisationId: string, candidate: boolean): Promise<string> {
    for (;;) {
      const n = formatCardNumber(await repo.nextCardValue(trx, organisationId), candidate);
      if (!(await personRows.cardTaken(trx, organisationId, n))) return n;
    }
  }

  protected async assertStageEnded(person: PersonRow, on: string): Promise<void> {
    const cand = await repo.latestCandidacy(this.db, person.id);
    let endsOn: string | null = null;
    if (cand && (cand.state === 'candidate' || cand.state === 'extended')) endsOn = cand.ends_on;
    else if (person.candidate_since) {
      const rules = await this.statute.rules(person.organisation_id, person.candidate_since);
      endsOn = addMonths(person.candidate_since, rules.candidateStageMonths);
    }
    if (!endsOn || on < endsOn) throw AdmissionErrors.candidate_stage_not_ended({ endsOn });
  }

  protected async checkRecommender(
    actor: Actor,
    recommenderId: string,
    applicantId: string,
    on: string,
    minStandingYears: number,
  ): Promise<void> {
    const r = await personRows.find(this.db, recommenderId);
    if (!r || r.organisation_id !== actor.organisationId) throw AdmissionErrors.person_not_found({ id: recommenderId });
    const problem = recommenderProblem(
      { id: r.id, status: r.status, joinedOn: r.joined_on },
      applicantId,
      on,
      minStandingYears,
    );
    if (problem) throw AdmissionErrors[problem]({ recommenderId, on, minStandingYears });
  }

  protected async application(actor: Actor, id: string): Promise<repo.ApplicationRow> {
    const app = await repo.findApplication(this.db, id);
    if (!app || app.organisation_id !== actor.organisationId) throw AdmissionErrors.application_not_found({ id });
    return app;
  }

  protected async personIn(actor: Actor, id: string): Promise<PersonRow> {
    const p = await personRows.find(this.db, id);
    if (!p || p.organisation_id !== actor.organisationId) throw AdmissionErrors.person_not_found({ id });
    return p;
  }

  protected async bodyIn(actor: Actor, id: string) {
    let ref;
    try {
      ref = await this.organisation.getBodyRef(id);
    } catch {
      throw AdmissionErrors.body_not_found({ id });
    }
    if (ref.organisationId !== actor.organisationId) throw AdmissionErrors.body_not_found({ id });
    return ref;
  }
}
