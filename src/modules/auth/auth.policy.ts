// Who may do what with accounts and sessions. Pure checks on the actor.
import type { Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

/** Reading "me": anyone signed in. */
export function canReadOwnAccount(actor: Actor | null): actor is Actor {
  return actor !== null;
}
export function assertCanReadOwnAccount(actor: Actor | null): asserts actor is Actor {
  if (!canReadOwnAccount(actor)) throw CommonErrors.not_signed_in();
}

/** Changing account settings (locale): only the account's own holder. */
export function canUpdateAccount(actor: Actor | null, accountId: string): boolean {
  return actor !== null && actor.accountId === accountId;
}
export function assertCanUpdateAccount(actor: Actor | null, accountId: string): asserts actor is Actor {
  if (!actor) throw CommonErrors.not_signed_in();
  if (!canUpdateAccount(actor, accountId)) throw CommonErrors.forbidden_scope();
}
