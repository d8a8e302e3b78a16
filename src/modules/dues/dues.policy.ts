// Who may record and see dues: the secretary (a managing office) of the member's organisation or a body
// above, or a treasurer of such a body; a member sees their own register.
import { isWithin, manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** `treasurerPaths`: subtrees where the actor holds a treasurer office today. */
export function canRecordPayment(actor: Actor, memberBodyPath: string, treasurerPaths: readonly string[]): boolean {
  return manages(actor, memberBodyPath) || treasurerPaths.some((p) => isWithin(memberBodyPath, p));
}
export function assertCanRecordPayment(actor: Actor, memberBodyPath: string, treasurerPaths: readonly string[]) {
  if (!canRecordPayment(actor, memberBodyPath, treasurerPaths)) throw CommonErrors.forbidden_scope();
}

export function canViewPersonDues(
  actor: Actor,
  person: { id: string; bodyPath: string | null },
  treasurerPaths: readonly string[],
): boolean {
  if (person.id === actor.personId) return true;
  return !!person.bodyPath && canRecordPayment(actor, person.bodyPath, treasurerPaths);
}
export function assertCanViewPersonDues(
  actor: Actor,
  person: { id: string; bodyPath: string | null },
  treasurerPaths: readonly string[],
) {
  if (!canViewPersonDues(actor, person, treasurerPaths)) throw CommonErrors.forbidden_scope();
}

/** Arrears lists and roll-ups of a subtree: whoever manages it (or is its treasurer). */
export function canViewBodyDues(actor: Actor, bodyPath: string, treasurerPaths: readonly string[]): boolean {
  return canRecordPayment(actor, bodyPath, treasurerPaths);
}
export function assertCanViewBodyDues(actor: Actor, bodyPath: string, treasurerPaths: readonly string[]) {
  if (!canViewBodyDues(actor, bodyPath, treasurerPaths)) throw CommonErrors.forbidden_scope();
}
