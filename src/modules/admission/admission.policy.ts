// Who may do what in admission: derived from the actor's scopes (offices) and who they are.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import type { ApplicationCan, ApplicationState } from '../../contracts/admission.js';
import { AdmissionErrors } from './admission.errors.js';
import { applicationTransition } from './rules/application-machine.js';

/** Filing an application: the applicant themself, or whoever manages the body applied to. */
export function canFileApplication(actor: Actor, applicantId: string, body: { path: string }): boolean {
  return actor.personId === applicantId || manages(actor, body.path);
}
export function assertCanFileApplication(actor: Actor, applicantId: string, body: { path: string }): void {
  if (!canFileApplication(actor, applicantId, body)) throw CommonErrors.forbidden_scope();
}

/**
 * Searching a primary organisation's full members for recommenders: whoever manages it, or someone who may apply
 * to it — not a member, and a candidate only in their own organisation (for full membership). Nobody else lists
 * its members this way.
 */
export function canSearchRecommenders(
  actor: Actor,
  searcher: { status: string; primaryId: string | null },
  primary: { id: string; path: string },
): boolean {
  if (manages(actor, primary.path)) return true;
  if (searcher.status === 'member') return false;
  if (searcher.status === 'candidate') return searcher.primaryId === primary.id;
  return true;
}
export function assertCanSearchRecommenders(
  actor: Actor,
  searcher: { status: string; primaryId: string | null },
  primary: { id: string; path: string },
): void {
  if (!canSearchRecommenders(actor, searcher, primary)) throw AdmissionErrors.recommender_search_not_open();
}

/** Naming a recommender: the applicant, or whoever manages the primary organisation. */
export function canNameRecommender(actor: Actor, app: { personId: string; primaryPath: string }): boolean {
  return actor.personId === app.personId || manages(actor, app.primaryPath);
}
export function assertCanNameRecommender(actor: Actor, app: { personId: string; primaryPath: string }): void {
  if (!canNameRecommender(actor, app)) throw CommonErrors.forbidden_scope();
}

/** Answering a recommendation: only the member named. */
export function canAnswerRecommendation(actor: Actor, recommenderId: string): boolean {
  return actor.personId === recommenderId;
}
export function assertCanAnswerRecommendation(actor: Actor, recommenderId: string): void {
  if (!canAnswerRecommendation(actor, recommenderId)) throw AdmissionErrors.not_your_recommendation();
}

/** The primary organisation's decisions (admission, extension, refusal): its secretary or bureau, or a body above. */
export function canDecideForPrimary(actor: Actor, primaryPath: string): boolean {
  return manages(actor, primaryPath);
}
export function assertCanDecideForPrimary(actor: Actor, primaryPath: string): void {
  if (!canDecideForPrimary(actor, primaryPath)) throw AdmissionErrors.no_jurisdiction();
}

/** The confirming committee's decision: whoever manages that committee (not the primary organisation). */
export function canConfirmAsCommittee(actor: Actor, committeePath: string): boolean {
  return manages(actor, committeePath);
}
export function assertCanConfirmAsCommittee(actor: Actor, committeePath: string): void {
  if (!canConfirmAsCommittee(actor, committeePath)) throw AdmissionErrors.no_jurisdiction();
}

/** Seeing an application: the applicant, a named recommender, or whoever manages the primary or the committee. */
export function canViewApplication(
  actor: Actor,
  app: { personId: string; primaryPath: string; confirmingPath: string | null; recommenderIds: string[] },
): boolean {
  if (actor.personId === app.personId || app.recommenderIds.includes(actor.personId)) return true;
  return manages(actor, app.primaryPath) || (!!app.confirmingPath && manages(actor, app.confirmingPath));
}
export function assertCanViewApplication(
  actor: Actor,
  app: { personId: string; primaryPath: string; confirmingPath: string | null; recommenderIds: string[] },
): void {
  if (!canViewApplication(actor, app)) throw CommonErrors.forbidden_scope();
}

/** A body's worklists: whoever manages the body. */
export function canViewWorklist(actor: Actor, body: { path: string }): boolean {
  return manages(actor, body.path);
}
export function assertCanViewWorklist(actor: Actor, body: { path: string }): void {
  if (!canViewWorklist(actor, body)) throw CommonErrors.forbidden_scope();
}

/** A person's card and admission record: the person, or whoever manages the body they are registered in. */
export function canViewCard(actor: Actor, person: { id: string; bodyPath: string | null }): boolean {
  if (actor.personId === person.id) return true;
  return !!person.bodyPath && manages(actor, person.bodyPath);
}
export function assertCanViewCard(actor: Actor, person: { id: string; bodyPath: string | null }): void {
  if (!canViewCard(actor, person)) throw CommonErrors.forbidden_scope();
}

// ---- what the reader may do with an application (ADR 0026): each the checks its write makes

/** The application facts the flags read (the row the response is made from). */
export interface ApplicationFacts {
  personId: string;
  primaryPath: string;
  confirmingPath: string | null;
  state: ApplicationState;
  confirmed: number;
  required: number;
}

/** `Application.can`: naming a recommender, the primary organisation's decision, the committee's confirmation. */
export function applicationCan(actor: Actor, a: ApplicationFacts): ApplicationCan {
  return {
    nameRecommender: canNameRecommender(actor, a) && applicationTransition(a.state, { type: 'recommender_named' }).ok,
    decide:
      canDecideForPrimary(actor, a.primaryPath) &&
      applicationTransition(a.state, {
        type: 'primary_decided',
        admitted: false,
        confirmed: a.confirmed,
        required: a.required,
      }).ok,
    // the committee is fixed when the primary organisation admits, the only state a confirmation follows
    confirm:
      !!a.confirmingPath &&
      canConfirmAsCommittee(actor, a.confirmingPath) &&
      applicationTransition(a.state, { type: 'committee_decided', confirmed: true }).ok,
  };
}

/** `Recommendation.can.answer`: the member named, while the recommendation is asked and the application open. */
export function canAnswerRecommendationNow(
  actor: Actor,
  r: { recommenderId: string; state: string },
  applicationState: ApplicationState,
): boolean {
  return (
    canAnswerRecommendation(actor, r.recommenderId) &&
    r.state === 'requested' &&
    applicationTransition(applicationState, { type: 'recommender_named' }).ok
  );
}
