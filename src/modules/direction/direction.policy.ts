// Who may issue, concretise, acknowledge, report, approve and see in direction (ADR 0027 §10). Pure.
// Acts on a body's report belong to an office in that very body (no superior files a subordinate's report);
// decisions on a report to an office in its frozen parent; accepting a level to an office in the level's parent.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** An office in that very body. */
export function holdsOfficeIn(actor: Actor, bodyId: string | null): boolean {
  return bodyId !== null && actor.scopes.some((s) => s.bodyId === bodyId);
}
export function assertOfficeIn(actor: Actor, bodyId: string | null): void {
  if (!holdsOfficeIn(actor, bodyId)) throw CommonErrors.forbidden_scope();
}

/** Defining indicators and forms: any holder of a managing office (committees' staff). */
export function canDefine(actor: Actor): boolean {
  return actor.scopes.length > 0;
}
export function assertCanDefine(actor: Actor): void {
  if (!canDefine(actor)) throw CommonErrors.forbidden_scope();
}

/**
 * Seeing a round at a node: whoever manages the node as it was frozen or as it is now (who had it then and who
 * has it now), and the node's own office holders.
 */
export function canSeeNode(actor: Actor, node: { bodyId: string; frozenPath: string; currentPath: string }): boolean {
  return holdsOfficeIn(actor, node.bodyId) || manages(actor, node.frozenPath) || manages(actor, node.currentPath);
}
export function assertCanSeeNode(
  actor: Actor,
  node: { bodyId: string; frozenPath: string; currentPath: string },
): void {
  if (!canSeeNode(actor, node)) throw CommonErrors.forbidden_scope();
}

/** Reading a directive's text: those who see any node of it, and members registered below an addressee. */
export function canReadDirective(actor: Actor, issuerPath: string): boolean {
  return (
    manages(actor, issuerPath) ||
    actor.scopes.some((s) => s.path.startsWith(issuerPath + '.')) ||
    (actor.homePath !== null && actor.homePath.startsWith(issuerPath + '.'))
  );
}
