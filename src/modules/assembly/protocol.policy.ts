// Who may check the chain of sealed records through the API: anyone who manages a body of the organisation (holds
// an office with a scope). Verification shows the labels and hashes of sealed records, nothing of their content.
import type { Actor } from '../../platform/actor.js';
import { ProtocolErrors } from './protocol.errors.js';

export const canVerifySeals = (actor: Actor) => actor.scopes.length > 0;

export function assertCanVerifySeals(actor: Actor): void {
  if (!canVerifySeals(actor)) throw ProtocolErrors.verify_forbidden();
}
