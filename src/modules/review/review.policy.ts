// Who may open, decide and follow reviews. Pure.
// The review commission of a person's organisation is modelled as the secretary (any managing office) of the
// person's primary organisation, or any manager of a body above it.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** Opening or closing a review: whoever manages the committee (its secretary, its bureau). */
export function canOpenReview(actor: Actor, body: { id: string; path: string }): boolean {
  return manages(actor, body.path);
}
export function assertCanOpenReview(actor: Actor, body: { id: string; path: string }): void {
  if (!canOpenReview(actor, body)) throw CommonErrors.forbidden_scope();
}

/** Deciding an item: the review commission of the person's organisation (see above). */
export function canDecideItem(actor: Actor, primaryPath: string): boolean {
  return manages(actor, primaryPath);
}
export function assertCanDecideItem(actor: Actor, primaryPath: string): void {
  if (!canDecideItem(actor, primaryPath)) throw CommonErrors.forbidden_scope();
}

/** Progress of a body's part of a review: whoever manages that body. */
export function canViewProgress(actor: Actor, bodyPath: string): boolean {
  return manages(actor, bodyPath);
}
export function assertCanViewProgress(actor: Actor, bodyPath: string): void {
  if (!canViewProgress(actor, bodyPath)) throw CommonErrors.forbidden_scope();
}
