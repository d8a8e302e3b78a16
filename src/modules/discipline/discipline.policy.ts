// Who may do what in discipline and appeal. Pure: derived from the actor's scopes.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import type { AppealState, CaseState } from '../../contracts/discipline.js';
import { DisciplineErrors } from './discipline.errors.js';
import { decideAppeal } from './rules/appeals.js';
import { nextCaseState } from './rules/case-machine.js';

/** Charges, hearings, decisions and lifting penalties: the primary organisation's secretary or a body above. */
export function canActForPrimary(actor: Actor, primaryPath: string): boolean {
  return manages(actor, primaryPath);
}
export function assertCanActForPrimary(actor: Actor, primaryPath: string): void {
  if (!canActForPrimary(actor, primaryPath)) throw CommonErrors.forbidden_scope();
}

/** Who can be charged: a member or candidate registered in a primary organisation. */
export function isChargeable(p: {
  status: string;
  primaryPath: string | null;
}): p is { status: string; primaryPath: string } {
  return (p.status === 'member' || p.status === 'candidate') && !!p.primaryPath;
}

/** Bringing a charge against a person (`PersonDetail.can.bringCharge`): the checks `openCase` makes. */
export function canBringCharge(actor: Actor, p: { status: string; primaryPath: string | null }): boolean {
  return isChargeable(p) && canActForPrimary(actor, p.primaryPath);
}

/** Only the accused answers. */
export function canAnswer(actor: Actor, accusedId: string): boolean {
  return actor.personId === accusedId;
}
export function assertCanAnswer(actor: Actor, accusedId: string): void {
  if (!canAnswer(actor, accusedId)) throw DisciplineErrors.not_the_accused();
}

/** Only the penalised member appeals. */
export function canAppeal(actor: Actor, personId: string): boolean {
  return actor.personId === personId;
}
export function assertCanAppeal(actor: Actor, personId: string): void {
  if (!canAppeal(actor, personId)) throw DisciplineErrors.not_the_penalised();
}

/**
 * Deciding an appeal: for the higher body, an office that manages that very committee (its secretary, its
 * bureau); for the control commission, an office in that commission (its chair, its members) — never the
 * committees it checks.
 */
export function canDecideAppeal(actor: Actor, body: { id: string; path: string; kind: string }): boolean {
  // the commission's own members decide what is addressed to it, never the committees it checks
  if (body.kind === 'control_commission') return (actor.commissions ?? []).some((c) => c.bodyId === body.id);
  return actor.scopes.some((s) => s.bodyId === body.id);
}
/** `appellantId`: the person the appeal is about, who never decides it (not even from the appellate body). */
export function assertCanDecideAppeal(
  actor: Actor,
  body: { id: string; path: string; kind: string },
  appellantId?: string,
): void {
  if (!canDecideAppeal(actor, body)) throw DisciplineErrors.no_jurisdiction();
  if (appellantId === actor.personId) throw DisciplineErrors.own_appeal();
}

/** A case page: the accused, the primary organisation's managers, or the appellate bodies' managers. */
export function canViewCase(actor: Actor, c: { personId: string; primaryPath: string }, appellatePaths: string[]) {
  if (actor.personId === c.personId || manages(actor, c.primaryPath)) return true;
  const commissions = (actor.commissions ?? []).map((k) => k.path);
  return appellatePaths.some((p) => manages(actor, p) || commissions.includes(p));
}

/** A person's penalties: the person or whoever manages their organisation (or last organisation). */
export function canViewPenalties(actor: Actor, personId: string, paths: (string | null)[]): boolean {
  return actor.personId === personId || paths.some((p) => !!p && manages(actor, p));
}

// ---- what the reader may do with a case or an appeal (ADR 0026): each the checks its write makes, in its order

/** Answering (`DisciplineCase.can.answer`, `answer`): the accused, while the charge waits for an answer. */
export function canAnswerCase(actor: Actor, c: { personId: string; state: CaseState }): boolean {
  return canAnswer(actor, c.personId) && nextCaseState(c.state, { type: 'answer' }).ok;
}

/** Recording the hearing (`can.hearing`, `hearing`): the primary organisation's managers, before the decision. */
export function canHearCase(actor: Actor, c: { primaryPath: string; state: CaseState }): boolean {
  return canActForPrimary(actor, c.primaryPath) && nextCaseState(c.state, { type: 'hear' }).ok;
}

/** Recording the decision (`can.decide`, `decide`): the primary organisation's managers, once heard. */
export function canDecideCase(actor: Actor, c: { primaryPath: string; state: CaseState }): boolean {
  return canActForPrimary(actor, c.primaryPath) && nextCaseState(c.state, { type: 'decide', acquittal: false }).ok;
}

/** Deciding an appeal (`Appeal.can.decide`, `AppealService.decide`): the appellate body, never the appellant. */
export function canDecidePendingAppeal(
  actor: Actor,
  body: { id: string; path: string; kind: string },
  a: { personId: string; state: AppealState },
): boolean {
  return canDecideAppeal(actor, body) && a.personId !== actor.personId && decideAppeal(a.state, true).ok;
}
