// Pure rules of the tree: which kind may sit where, the derived columns of a body
// (region, primary organisation), sizes against the statute minimum, saturation.
import type { BodyKind, StatuteRules } from '../../../contracts/statute.js';

/** Kinds that belong to the primary organisation above them. */
export const PRIMARY_MEMBER_KINDS: readonly string[] = ['shop_cell', 'party_group'];

export function isKindAllowedUnder(rules: StatuteRules, parentKind: string, kind: string): boolean {
  const allowed = rules.allowedChildren[parentKind as BodyKind] ?? [];
  return (allowed as string[]).includes(kind);
}

/** Restores a uuid from a path label (32 hex digits). */
export function labelToId(label: string): string {
  return `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`;
}

/** The top-level region of a body: its depth-2 ancestor (itself at depth 2); null for a root. */
export function regionIdOf(path: string): string | null {
  const labels = path.split('.');
  return labels.length >= 2 ? labelToId(labels[1]!) : null;
}

/** primary_id of a new body: itself for a primary organisation, the parent's primary organisation for a shop cell or party group. */
export function primaryIdFor(
  id: string,
  kind: string,
  parent: { id: string; kind: string; primaryId: string | null } | null,
): string | null {
  if (kind === 'primary_organisation') return id;
  if (PRIMARY_MEMBER_KINDS.includes(kind) && parent) {
    return parent.kind === 'primary_organisation' ? parent.id : parent.primaryId;
  }
  return null;
}

/** True when `path` is `root` or below it. */
export function isInSubtree(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '.');
}

/** Size as the statute counts it. */
export function countedSize(rules: StatuteRules, members: number, candidates: number): number {
  return rules.candidatesCountTowardsSize ? members + candidates : members;
}

export function isBelowMinimum(rules: StatuteRules, kind: string, members: number, candidates: number): boolean {
  return kind === 'primary_organisation' && countedSize(rules, members, candidates) < rules.primaryMinMembers;
}

export function saturation(members: number, workforce: number): { members: number; workforce: number; ratio: number } {
  return { members, workforce, ratio: workforce > 0 ? members / workforce : 0 };
}

/** A name filter for LIKE: escapes the wildcard characters. */
export function likeEscape(q: string): string {
  return q.toLowerCase().replace(/[\\%_]/g, (ch) => '\\' + ch);
}
