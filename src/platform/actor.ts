// Who is acting: the signed-in account, its person and the subtrees its offices cover.
// Pure data and pure checks; loaded by the auth module, read by every policy.

export interface Scope {
  bodyId: string;
  /** Materialised path of the subtree root. */
  path: string;
  /** Office that grants the scope. */
  title: string;
}

export interface Actor {
  accountId: string;
  personId: string;
  organisationId: string;
  login: string;
  displayName: string;
  locale: string;
  /** Subtrees the actor manages through its offices. */
  scopes: Scope[];
  /** Control commissions the actor sits on: they decide the appeals addressed to them, and manage nothing. */
  commissions?: Scope[];
  /** Path of the primary organisation the actor is registered in (null for non-members). */
  homePath: string | null;
  csrfToken: string;
}

/** True when `path` is `root` or lies below it (ltree semantics: label boundaries). */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '.');
}

export function manages(actor: Actor, path: string): boolean {
  return actor.scopes.some((s) => isWithin(path, s.path));
}
