// Who may do what in the tree. Pure: derived from the actor's scopes (offices) and organisation.
import { CommonErrors } from '../../platform/errors.js';
import { manages, type Actor } from '../../platform/actor.js';
import { SUB_BODY_KINDS, type BodyKind } from '../../contracts/statute.js';
import { OrgErrors } from './organisation.errors.js';

/** A holder of a managing office over the body's subtree. */
export function canManageBody(actor: Actor, path: string): boolean {
  return manages(actor, path);
}

/** Any signed-in person of the organisation sees its tree. */
export function canViewTree(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}

function allow(allowed: boolean, message?: string): void {
  if (!allowed) throw CommonErrors.forbidden_scope(undefined, message);
}

export function assertCanViewTree(actor: Actor, organisationId: string): void {
  allow(canViewTree(actor, organisationId));
}

/** Creating a sub-body: the actor manages the parent. */
export function assertCanCreateBody(actor: Actor, parentPath: string): void {
  allow(canManageBody(actor, parentPath));
}

export function assertCanRenameBody(actor: Actor, path: string): void {
  allow(canManageBody(actor, path));
}

export function canMoveBody(actor: Actor, path: string, newParentPath: string): boolean {
  return canManageBody(actor, path) && canManageBody(actor, newParentPath);
}

/** Moving a subtree: the actor manages both the body and its new parent. */
export function assertCanMoveBody(actor: Actor, path: string, newParentPath: string): void {
  allow(canMoveBody(actor, path, newParentPath), 'You may move a body only between bodies you manage.');
}

export function canMergeBody(actor: Actor, path: string, intoPath: string): boolean {
  return canManageBody(actor, path) && canManageBody(actor, intoPath);
}

/** Merging: the actor manages both the source and the target. */
export function assertCanMergeBody(actor: Actor, path: string, intoPath: string): void {
  allow(canMergeBody(actor, path, intoPath), 'You may merge only bodies you manage.');
}

export function assertCanDissolveBody(actor: Actor, path: string): void {
  allow(canManageBody(actor, path));
}

export function assertCanAssignOffice(actor: Actor, bodyPath: string): void {
  allow(canManageBody(actor, bodyPath));
}

/** What deciding on an office needs: its holder and the body it is held in. */
export interface OfficeFacts {
  holderId: string;
  bodyKind: string;
  bodyPath: string;
}

/** The subtree an office governs: its body's, or for an office in an organ (bureau…) the committee's it serves. */
export function governedPath(bodyKind: string, bodyPath: string): string {
  const organ = SUB_BODY_KINDS.includes(bodyKind as BodyKind);
  const cut = bodyPath.lastIndexOf('.');
  return organ && cut > 0 ? bodyPath.slice(0, cut) : bodyPath;
}

/**
 * Ending, shortening or extending an office: a manager of a body strictly above the subtree the office
 * governs — never its holder, and never a peer in the same committee (ADR 0020).
 */
export function canChangeOffice(actor: Actor, o: OfficeFacts): boolean {
  if (actor.personId === o.holderId) return false;
  const governed = governedPath(o.bodyKind, o.bodyPath);
  return actor.scopes.some((s) => governed.startsWith(s.path + '.'));
}

export function assertCanChangeOffice(actor: Actor, o: OfficeFacts): void {
  if (actor.personId === o.holderId) throw OrgErrors.own_office_unchangeable();
  allow(canChangeOffice(actor, o), 'Only a committee above the body of an office may end or extend it.');
}

/** Linking an enterprise to a primary organisation: the actor manages that organisation. */
export function assertCanCreateEnterprise(actor: Actor, primaryPath: string): void {
  allow(canManageBody(actor, primaryPath));
}

/** A founding member must be registered in a body the actor manages. */
export function canEnrolFounder(actor: Actor, personBodyPath: string | null): boolean {
  return personBodyPath !== null && canManageBody(actor, personBodyPath);
}
