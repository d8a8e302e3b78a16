// Who acts on a resignation: the member submits and withdraws their own; the secretary of their organisation
// (or a body above) records the discussion and the decision; both may read it.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import type { ResignationCan, ResignationState } from '../../contracts/resignation.js';
import { nextResignationState } from './rules/resignation.js';

export function canSubmitResignation(actor: Actor, personId: string): boolean {
  return actor.personId === personId;
}
export function assertCanSubmitResignation(actor: Actor, personId: string): void {
  if (!canSubmitResignation(actor, personId)) throw CommonErrors.forbidden_scope();
}

export function canWithdrawResignation(actor: Actor, r: { personId: string }): boolean {
  return actor.personId === r.personId;
}
export function assertCanWithdrawResignation(actor: Actor, r: { personId: string }): void {
  if (!canWithdrawResignation(actor, r)) throw CommonErrors.forbidden_scope();
}

export function canHandleResignation(actor: Actor, r: { bodyPath: string }): boolean {
  return manages(actor, r.bodyPath);
}
export function assertCanHandleResignation(actor: Actor, r: { bodyPath: string }): void {
  if (!canHandleResignation(actor, r)) throw CommonErrors.forbidden_scope();
}

export function canViewResignation(actor: Actor, r: { personId: string; bodyPath: string }): boolean {
  return actor.personId === r.personId || manages(actor, r.bodyPath);
}
export function assertCanViewResignation(actor: Actor, r: { personId: string; bodyPath: string }): void {
  if (!canViewResignation(actor, r)) throw CommonErrors.forbidden_scope();
}

/** `Resignation.can` (ADR 0026): the checks `discuss` and `accept` make before their dates and votes. */
export function resignationCan(actor: Actor, r: { bodyPath: string; state: ResignationState }): ResignationCan {
  const handles = canHandleResignation(actor, r);
  return {
    discuss: handles && nextResignationState(r.state, 'discuss').ok,
    accept: handles && nextResignationState(r.state, 'accept').ok,
  };
}
