// Who may see and change which persons: derived from the actor's scopes (offices) and home organisation.
import { isWithin, manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** Whether a body (by path) lies in the actor's own primary organisation. */
function inHomeOrganisation(actor: Actor, bodyPath: string | null): boolean {
  return !!bodyPath && !!actor.homePath && isWithin(bodyPath, actor.homePath);
}

/** A person page: the person themself, whoever manages their body, or a fellow member of the same primary organisation. */
export function canViewPerson(
  actor: Actor,
  person: { id: string; organisationId: string; bodyPath: string | null },
): boolean {
  if (person.organisationId !== actor.organisationId) return false;
  if (person.id === actor.personId) return true;
  if (!person.bodyPath) return false;
  return manages(actor, person.bodyPath) || inHomeOrganisation(actor, person.bodyPath);
}
export function assertCanViewPerson(
  actor: Actor,
  person: { id: string; organisationId: string; bodyPath: string | null },
): void {
  if (!canViewPerson(actor, person)) throw CommonErrors.forbidden_scope();
}

/** A person's whole history (discipline, dues, appeals, reviews): the person themself and whoever manages them. */
export function canSeeWholeHistory(actor: Actor, person: { id: string; bodyPath: string | null }): boolean {
  if (person.id === actor.personId) return true;
  return !!person.bodyPath && manages(actor, person.bodyPath);
}

/** A body's member list: whoever manages the body, or a member of the primary organisation it lies in. */
export function canViewMembers(actor: Actor, body: { path: string; organisationId: string }): boolean {
  if (body.organisationId !== actor.organisationId) return false;
  return manages(actor, body.path) || inHomeOrganisation(actor, body.path);
}
export function assertCanViewMembers(actor: Actor, body: { path: string; organisationId: string }): void {
  if (!canViewMembers(actor, body)) throw CommonErrors.forbidden_scope();
}

/**
 * A card number: the person themself and whoever manages the body they are registered in. Fellow members and
 * meeting staff see names and registration only.
 */
export function canSeeCardNumber(actor: Actor, person: { id: string; bodyPath: string | null }): boolean {
  if (person.id === actor.personId) return true;
  return !!person.bodyPath && manages(actor, person.bodyPath);
}

/** Roots below which the actor may find a person by card number (the subtrees the actor manages). */
export function cardSearchRoots(actor: Actor): string[] {
  return actor.scopes.map((s) => s.path);
}

/** Person search runs within the subtrees the actor manages and their own primary organisation. */
export function searchRoots(actor: Actor): string[] {
  const roots = actor.scopes.map((s) => s.path);
  if (actor.homePath && !manages(actor, actor.homePath)) roots.push(actor.homePath);
  return roots;
}
export function canSearchPersons(actor: Actor): boolean {
  return searchRoots(actor).length > 0;
}
export function assertCanSearchPersons(actor: Actor): void {
  if (!canSearchPersons(actor)) throw CommonErrors.forbidden_scope();
}

/** Registering a person in a body: only whoever manages that body. */
export function canCreatePerson(actor: Actor, body: { path: string; organisationId: string }): boolean {
  return body.organisationId === actor.organisationId && manages(actor, body.path);
}
export function assertCanCreatePerson(actor: Actor, body: { path: string; organisationId: string }): void {
  if (!canCreatePerson(actor, body)) throw CommonErrors.forbidden_scope();
}

/** Correcting a person's record (names, social position, workplace): whoever manages their body. */
export function canUpdatePerson(actor: Actor, person: { organisationId: string; bodyPath: string | null }): boolean {
  return person.organisationId === actor.organisationId && !!person.bodyPath && manages(actor, person.bodyPath);
}
export function assertCanUpdatePerson(actor: Actor, person: { organisationId: string; bodyPath: string | null }): void {
  if (!canUpdatePerson(actor, person)) throw CommonErrors.forbidden_scope();
}
