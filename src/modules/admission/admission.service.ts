// Admission use cases: applications (admission.applications.service.ts), the candidate stage (extension, refusal),
// the worklists of secretaries, committees, recommenders and applicants, and the membership card.
import type { Actor } from '../../platform/actor.js';
import { carries } from '../records/rules/majority.js';
import type {
  AdmissionDecisionInput,
  ApplicationList,
  ApplicationState,
  Candidacy,
  CandidacyList,
  ExtendCandidacyInput,
  MyRecommendationList,
  PersonAdmission,
  RecommenderList,
  RecommenderQuery,
} from '../../contracts/admission.js';
import { AdmissionErrors } from './admission.errors.js';
import {
  assertCanDecideForPrimary,
  assertCanSearchRecommenders,
  assertCanViewCard,
  assertCanViewWorklist,
} from './admission.policy.js';
import { MIN_SEARCH_CHARS, SEARCH_WINDOW_MS, admitSearch, searchLongEnough } from './rules/recommender-search.js';
import { candidacyTransition, type CandidacyEvent } from './rules/candidacy-machine.js';
import { addMonths } from './rules/admission.js';
import {
  AdmissionApplications,
  dateCheck,
  fullName,
  todayIso,
  toApplication,
  toRecommendation,
} from './admission.applications.service.js';
import { renderCard } from './admission.card.js';
import * as repo from './admission.repository.js';
import { personRows } from '../person/person-rows.service.js';
import type { PersonService } from '../person/person.service.js';
import { searchTerms } from '../person/rules/registration.js';

function toCandidacy(r: repo.CandidacyRow): Candidacy {
  return {
    id: r.id,
    personId: r.person_id,
    personName: fullName(r),
    personNameRu: r.name_ru,
    cardNumber: r.card_number,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    primaryId: r.primary_id,
    state: r.state,
    startedOn: r.started_on,
    endsOn: r.ends_on,
    extendedMonths: r.extended_months,
    closedOn: r.closed_on,
  };
}

/** Most members one recommender search gives. */
const RECOMMENDERS_SHOWN = 10;

export class AdmissionService extends AdmissionApplications {
  constructor(
    db: ConstructorParameters<typeof AdmissionApplications>[0],
    statute: ConstructorParameters<typeof AdmissionApplications>[1],
    organisation: ConstructorParameters<typeof AdmissionApplications>[2],
    records: ConstructorParameters<typeof AdmissionApplications>[3],
    /** What tells recommenders apart (the person module decides what the actor may see). */
    private readonly persons: Pick<PersonService, 'labels'>,
  ) {
    super(db, statute, organisation, records);
  }

  /** Times of each account's recent recommender searches (this process; rules/recommender-search.ts). */
  private readonly searches = new Map<string, number[]>();

  /**
   * Full members of the primary organisation applied to who may be named as recommenders, by name or card number:
   * for someone who may apply there (an applicant is registered nowhere yet and names the members who know their
   * work) and for those who manage it. Each search needs 3 letters and counts against the account's rate; it gives
   * at most 10 members, with what choosing one needs — names, where they are registered, since when a member —
   * and a card number only when typed or when the reader may see it.
   */
  async recommenders(actor: Actor, query: RecommenderQuery, now = Date.now()): Promise<RecommenderList> {
    const q = query.q.trim();
    if (!searchLongEnough(q)) throw AdmissionErrors.search_too_short({ minimum: MIN_SEARCH_CHARS });
    const body = await this.bodyIn(actor, query.bodyId);
    if (!body.primaryId) throw AdmissionErrors.body_not_primary({ bodyId: body.id });
    const primary = await this.bodyIn(actor, body.primaryId);
    const searcher = await this.personIn(actor, actor.personId);
    assertCanSearchRecommenders(actor, { status: searcher.status, primaryId: searcher.primary_id }, primary);
    this.countSearch(actor.accountId, now);
    const rows = await repo.findRecommenders(this.db, primary.id, q, searchTerms(q), RECOMMENDERS_SHOWN);
    const labels = await this.persons.labels(
      actor,
      rows.map((r) => r.id),
    );
    return {
      items: rows.flatMap((r) => {
        const label = labels.get(r.id);
        if (!label) return [];
        // A card number typed by the searcher is no secret to them: it is echoed on the member it found.
        const typed = r.card_number !== null && r.card_number === q ? r.card_number : null;
        return [{ ...label, cardNumber: label.cardNumber ?? typed, status: r.status, joinedOn: r.joined_on }];
      }),
    };
  }

  private countSearch(accountId: string, now: number): void {
    const verdict = admitSearch(this.searches.get(accountId) ?? [], now);
    this.searches.set(accountId, verdict.times);
    if (!verdict.admitted)
      throw AdmissionErrors.too_many_searches({ retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) });
    // forget accounts that have not searched for a window, so the map stays small
    if (this.searches.size > 10_000)
      for (const [id, times] of this.searches)
        if (!times.some((t) => t > now - SEARCH_WINDOW_MS)) this.searches.delete(id);
  }

  /** The primary organisation extends a candidate stage (within the statute's total maximum), with reasons. */
  async extendCandidacy(actor: Actor, personId: string, input: ExtendCandidacyInput): Promise<Candidacy> {
    return this.candidacyDecision(actor, personId, input, 'extended', input.months);
  }

  /** The primary organisation refuses full membership: the candidate becomes a non-member, with reasons. */
  async refuseCandidacy(actor: Actor, personId: string, input: AdmissionDecisionInput): Promise<Candidacy> {
    return this.candidacyDecision(actor, personId, input, 'refused', 0);
  }

  private async candidacyDecision(
    actor: Actor,
    personId: string,
    input: AdmissionDecisionInput,
    outcome: 'extended' | 'refused',
    months: number,
  ): Promise<Candidacy> {
    await this.personIn(actor, personId);
    const cand = await repo.latestCandidacy(this.db, personId);
    if (!cand || (cand.state !== 'candidate' && cand.state !== 'extended'))
      throw AdmissionErrors.candidacy_not_found({ personId });
    assertCanDecideForPrimary(actor, cand.primary_path);
    dateCheck(input.takenOn, cand.started_on);
    const rules = await this.statute.rules(actor.organisationId, input.takenOn);
    const event = (c: repo.CandidacyRow): CandidacyEvent =>
      outcome === 'extended'
        ? {
            type: 'extend',
            months,
            alreadyExtended: c.extended_months,
            maxMonths: rules.membership.candidateExtensionMaxMonths,
          }
        : { type: 'refuse' };
    const pre = candidacyTransition(cand.state, event(cand));
    if (!pre.ok) throw AdmissionErrors[pre.refusal]({ personId });
    if (!carries(input.votes, rules.membership.admissionMajority)) throw AdmissionErrors.motion_not_carried();
    await this.db.transaction().execute(async (trx) => {
      const locked = await repo.lockOpenCandidacy(trx, personId);
      if (!locked) throw AdmissionErrors.candidacy_closed();
      const t = candidacyTransition(locked.state, event(locked));
      if (!t.ok) throw AdmissionErrors[t.refusal]({ personId });
      const endsOn = outcome === 'extended' ? addMonths(locked.ends_on, months) : locked.ends_on;
      const moved = await repo.moveCandidacy(
        trx,
        locked.id,
        locked.state,
        outcome === 'extended'
          ? { state: t.state, ends_on: endsOn, extended_months: locked.extended_months + months }
          : { state: t.state, closed_on: input.takenOn },
      );
      if (!moved) throw AdmissionErrors.state_changed();
      const decisionId = await this.records.decision(trx, {
        organisationId: actor.organisationId,
        bodyId: locked.primary_id,
        takenOn: input.takenOn,
        process: 'candidacy',
        entityId: locked.id,
        outcome,
        votes: input.votes,
        reasons: input.reasons,
        recordedBy: actor,
      });
      if (outcome === 'refused') await personRows.refuseCandidate(trx, personId, input.takenOn);
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: personId,
        actor,
        effectiveOn: input.takenOn,
        process: 'candidacy',
        entityId: locked.id,
        action: outcome === 'extended' ? 'stage_extended' : 'candidate_refused',
        fromState: locked.state,
        toState: t.state,
        reason: input.reasons,
        details: { decisionId, votes: input.votes, months, endsOn },
      });
      await repo.writeOutbox(trx, `candidacy.${outcome}`, { personId, candidacyId: locked.id });
    });
    return toCandidacy((await repo.latestCandidacy(this.db, personId))!);
  }

  /** Applications to primary organisations in a body's subtree (default: awaiting recommendations or decision). */
  async primaryWorklist(actor: Actor, bodyId: string, state?: ApplicationState): Promise<ApplicationList> {
    const body = await this.bodyIn(actor, bodyId);
    assertCanViewWorklist(actor, body);
    const rows = await repo.listApplications(this.db, {
      organisationId: actor.organisationId,
      primaryWithin: body.path,
      states: state ? [state] : ['collecting_recommendations', 'ready'],
    });
    return { items: rows.map((r) => toApplication(r, actor)) };
  }

  /** Candidates in a body's subtree whose stage has ended by `on` (default today). */
  async dueCandidates(actor: Actor, bodyId: string, on?: string): Promise<CandidacyList> {
    const body = await this.bodyIn(actor, bodyId);
    assertCanViewWorklist(actor, body);
    const rows = await repo.dueCandidacies(this.db, body.path, on ?? todayIso());
    return { items: rows.map(toCandidacy) };
  }

  /** Applications admitted by primary organisations awaiting this committee's confirmation. */
  async confirmationWorklist(actor: Actor, committeeId: string): Promise<ApplicationList> {
    const body = await this.bodyIn(actor, committeeId);
    assertCanViewWorklist(actor, body);
    const rows = await repo.listApplications(this.db, {
      organisationId: actor.organisationId,
      confirmingBodyId: body.id,
      states: ['admitted_by_primary'],
    });
    return { items: rows.map((r) => toApplication(r, actor)) };
  }

  /** Recommendations the signed-in member has been asked for and not yet answered. */
  async myRecommendations(actor: Actor): Promise<MyRecommendationList> {
    const recs = await repo.requestedOf(this.db, actor.personId);
    const items = [];
    for (const r of recs) {
      const app = await repo.findApplication(this.db, r.application_id);
      if (app && (app.state === 'collecting_recommendations' || app.state === 'ready'))
        items.push({ recommendation: toRecommendation(r, actor, app.state), application: toApplication(app, actor) });
    }
    return { items };
  }

  /** The signed-in person's own applications. */
  async myApplications(actor: Actor): Promise<ApplicationList> {
    const rows = await repo.listApplications(this.db, {
      organisationId: actor.organisationId,
      personId: actor.personId,
    });
    return { items: rows.map((r) => toApplication(r, actor)) };
  }

  /** A person's candidate stage and applications: the person, or whoever manages their body. */
  async personAdmission(actor: Actor, personId: string): Promise<PersonAdmission> {
    const p = await this.personIn(actor, personId);
    assertCanViewCard(actor, { id: p.id, bodyPath: p.body_path });
    const cand = await repo.latestCandidacy(this.db, personId);
    const rows = await repo.listApplications(this.db, { organisationId: actor.organisationId, personId });
    return { candidacy: cand ? toCandidacy(cand) : null, applications: rows.map((r) => toApplication(r, actor)) };
  }

  /** The membership card as a PDF: the person, or whoever manages the body they are registered in. */
  async cardPdf(actor: Actor, personId: string): Promise<Buffer> {
    const p = await this.personIn(actor, personId);
    assertCanViewCard(actor, { id: p.id, bodyPath: p.body_path });
    return renderCard({
      organisationName: p.organisation_name,
      organisationNameRu: p.organisation_name_ru,
      name: fullName(p),
      nameRu: p.name_ru,
      cardNumber: p.card_number,
      status: p.status,
      joinedOn: p.joined_on,
      candidateSince: p.candidate_since,
      bodyName: p.body_name,
      bodyNameRu: p.body_name_ru,
      primaryName: p.primary_name,
      issuedOn: todayIso(),
    });
  }
}
