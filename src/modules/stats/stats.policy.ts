// Who may view statistics: any signed-in member of the organisation (the CLI acts as the operator).
import type { Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** `actor` null is the local operator (CLI), who holds the database anyway. */
export function canViewStats(actor: Actor | null, organisationId: string): boolean {
  return actor === null || actor.organisationId === organisationId;
}

export function assertCanViewStats(actor: Actor | null, organisationId: string): void {
  if (!canViewStats(actor, organisationId)) throw CommonErrors.forbidden_scope();
}
