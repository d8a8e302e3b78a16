// Who may import and export members: the operator (CLI, actor null) or a secretary managing every body concerned.
import { manages, type Actor } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';

export function canImportMembers(actor: Actor | null, organisationId: string, bodyPaths: readonly string[]): boolean {
  if (actor === null) return true;
  return actor.organisationId === organisationId && bodyPaths.every((p) => manages(actor, p));
}

export function assertCanImportMembers(
  actor: Actor | null,
  organisationId: string,
  bodyPaths: readonly string[],
): void {
  if (!canImportMembers(actor, organisationId, bodyPaths)) throw CommonErrors.forbidden_scope();
}

/** Export of a subtree (rootPath) or, with null, of the whole organisation (the operator only). */
export function canExportMembers(actor: Actor | null, organisationId: string, rootPath: string | null): boolean {
  if (actor === null) return true;
  return actor.organisationId === organisationId && rootPath !== null && manages(actor, rootPath);
}

export function assertCanExportMembers(actor: Actor | null, organisationId: string, rootPath: string | null): void {
  if (!canExportMembers(actor, organisationId, rootPath)) throw CommonErrors.forbidden_scope();
}
