// Who may change the statute: a holder of a managing office whose scope is a root body of the
// organisation (e.g. a central-committee secretary). Pure.
import { CommonErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';

/** True when one of the actor's scopes is a root body (a path of one label). */
export function canAdoptStatute(actor: Actor): boolean {
  return actor.scopes.some((s) => s.path.length > 0 && !s.path.includes('.'));
}

export function assertCanAdoptStatute(actor: Actor): void {
  if (!canAdoptStatute(actor)) {
    throw CommonErrors.forbidden_scope(
      undefined,
      'Only a secretary of the central body may adopt a new statute version.',
    );
  }
}

/** Any signed-in person of the organisation may read its statute. */
export function canReadStatute(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}
