// Who may move members: the sending organisation's secretary (or a body above) deregisters; the receiving
// one's registers; a direct transfer needs both ends; the worklist belongs to whoever manages the subtree.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

export function canDeregister(actor: Actor, fromPath: string): boolean {
  return manages(actor, fromPath);
}
export function assertCanDeregister(actor: Actor, fromPath: string): void {
  if (!canDeregister(actor, fromPath)) throw CommonErrors.forbidden_scope();
}

export function canRegister(actor: Actor, toPath: string): boolean {
  return manages(actor, toPath);
}
export function assertCanRegister(actor: Actor, toPath: string): void {
  if (!canRegister(actor, toPath)) throw CommonErrors.forbidden_scope();
}

export function canTransferDirectly(actor: Actor, fromPath: string, toPath: string): boolean {
  return manages(actor, fromPath) && manages(actor, toPath);
}
export function assertCanTransferDirectly(actor: Actor, fromPath: string, toPath: string): void {
  if (!canTransferDirectly(actor, fromPath, toPath)) throw CommonErrors.forbidden_scope();
}

export function canViewUnregistered(actor: Actor, bodyPath: string): boolean {
  return manages(actor, bodyPath);
}
export function assertCanViewUnregistered(actor: Actor, bodyPath: string): void {
  if (!canViewUnregistered(actor, bodyPath)) throw CommonErrors.forbidden_scope();
}
