// Who may do what with accounts and sessions. Pure checks on the actor.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import { AuthErrors } from './auth.errors.js';

/**
 * `Me.can.worklists` (ADR 0026): the reader keeps worklists — a body their office manages (each worklist checks
 * `manages` on it) or a control commission they sit on (the appeals before it: `canDecideAppeal`).
 */
export function keepsWorklists(a: { scopes: readonly unknown[]; commissions?: readonly unknown[] }): boolean {
  return a.scopes.length > 0 || (a.commissions ?? []).length > 0;
}

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

/** Changing one's password: anyone signed in, for their own account only. */
export function canChangeOwnPassword(actor: Actor | null): actor is Actor {
  return actor !== null;
}
export function assertCanChangeOwnPassword(actor: Actor | null): asserts actor is Actor {
  if (!canChangeOwnPassword(actor)) throw CommonErrors.not_signed_in();
}

/** The person whose password a manager would reset, with the subtrees their own offices cover. */
export interface ResetTarget {
  personId: string;
  organisationId: string;
  /** Path of the body the person is registered in (null: none). */
  bodyPath: string | null;
  /** Paths of the subtrees the person manages through offices. */
  scopePaths: readonly string[];
  /** Whether the person sits on a control commission (which checks the committees: they never reset its members). */
  sitsOnCommission?: boolean;
}

/**
 * Issuing a password reset code: whoever manages the body the person is registered in, never for their own account,
 * never for someone whose offices reach as far as the actor's own (no resetting one's superiors or one's peers: each
 * of the person's subtrees lies strictly below one of the actor's), and never for a member of a control commission.
 */
export function canIssueResetCode(actor: Actor, target: ResetTarget): boolean {
  if (target.personId === actor.personId) return false;
  if (target.organisationId !== actor.organisationId) return false;
  if (target.sitsOnCommission) return false;
  if (!target.bodyPath || !manages(actor, target.bodyPath)) return false;
  return target.scopePaths.every((p) => actor.scopes.some((s) => p.startsWith(s.path + '.')));
}
export function assertCanIssueResetCode(actor: Actor | null, target: ResetTarget): asserts actor is Actor {
  if (!actor) throw CommonErrors.not_signed_in();
  if (target.personId === actor.personId) throw AuthErrors.reset_own_account();
  if (!canIssueResetCode(actor, target)) throw CommonErrors.forbidden_scope();
}

/** Setting a new password with a reset code: anyone, signed in or not (the code is the proof). */
export function canRedeemResetCode(): boolean {
  return true;
}
