// Who may open, decide and follow reviews. Pure.
// The review commission of a person's organisation is modelled as the secretary (any managing office) of the
// person's primary organisation, or any manager of a body above it.
import { isWithin, manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import type { ReviewItemState } from '../../contracts/review.js';
import { canClose, nextItemState } from './rules/item-machine.js';

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

/**
 * Seeing a review: those who manage the body it was opened over or a body above it, the managers of bodies under it
 * (their commissions decide its items), and the members registered under it (the review concerns them). Nobody else:
 * another district does not learn of it.
 */
export function canViewReview(actor: Actor, bodyPath: string): boolean {
  return (
    manages(actor, bodyPath) ||
    actor.scopes.some((s) => isWithin(s.path, bodyPath)) ||
    (actor.homePath !== null && isWithin(actor.homePath, bodyPath))
  );
}
export function assertCanViewReview(actor: Actor, bodyPath: string): void {
  if (!canViewReview(actor, bodyPath)) throw CommonErrors.forbidden_scope();
}

// ---- what the reader may do (ADR 0026): each the checks its write makes

/** `ReviewItem.can.decide` (`decideItem`): the review commission, on a pending item of an open review. */
export function canDecideItemNow(
  actor: Actor,
  i: { primaryPath: string | null; state: ReviewItemState; reviewState: 'open' | 'closed' },
): boolean {
  return (
    !!i.primaryPath &&
    canDecideItem(actor, i.primaryPath) &&
    i.reviewState !== 'closed' &&
    nextItemState(i.state, { type: 'decide' }, null).ok
  );
}

/** `Review.can.close` (`close`, on `today`): the committee's managers, on an open review past its deadline. */
export function canCloseReviewNow(
  actor: Actor,
  r: { bodyId: string; bodyPath: string; state: 'open' | 'closed'; deadline: string },
  today: string,
): boolean {
  return canOpenReview(actor, { id: r.bodyId, path: r.bodyPath }) && canClose(r.state, r.deadline, today) === null;
}
