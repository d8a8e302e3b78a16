// Which subtrees a person's offices let them manage. Pure: no IO.
import { SUB_BODY_KINDS, type BodyKind } from '../../../contracts/statute.js';

/** An office held today, with the body it is held in and that body's parent. */
export interface HeldOffice {
  title: string;
  bodyId: string;
  bodyKind: string;
  bodyPath: string;
  bodyName: string;
  bodyNameRu: string | null;
  parentId: string | null;
  parentPath: string | null;
  parentName: string | null;
  parentNameRu: string | null;
}

export interface NamedScope {
  bodyId: string;
  path: string;
  title: string;
  bodyName: string;
  bodyNameRu: string | null;
}

/** Whether an office held on `today` (ISO date) is in force: started and not yet ended. */
export function isOfficeActive(o: { startsOn: string; endsOn: string | null }, today: string): boolean {
  return o.startsOn <= today && (o.endsOn === null || o.endsOn >= today);
}

/**
 * Scopes granted by the offices: an office whose title the statute lists as managing grants its body's
 * subtree; held in an organ (bureau, secretariat …) it grants the parent committee's subtree. An office in a
 * control commission grants no scope: the commission checks the committees, it does not manage (deriveCommissions).
 * One scope per subtree root (the first title found wins).
 */
export function deriveScopes(offices: HeldOffice[], managingOffices: readonly string[]): NamedScope[] {
  const out = new Map<string, NamedScope>();
  for (const o of offices) {
    if (o.bodyKind === 'control_commission') continue;
    if (!managingOffices.includes(o.title)) continue;
    const organ = SUB_BODY_KINDS.includes(o.bodyKind as BodyKind);
    if (organ && o.parentId && o.parentPath && o.parentName !== null) {
      if (!out.has(o.parentId))
        out.set(o.parentId, {
          bodyId: o.parentId,
          path: o.parentPath,
          title: o.title,
          bodyName: o.parentName,
          bodyNameRu: o.parentNameRu,
        });
    } else if (!out.has(o.bodyId)) {
      out.set(o.bodyId, ownBody(o));
    }
  }
  return [...out.values()];
}

/** The office's own body, as a scope or a seat. */
function ownBody(o: HeldOffice): NamedScope {
  return { bodyId: o.bodyId, path: o.bodyPath, title: o.title, bodyName: o.bodyName, bodyNameRu: o.bodyNameRu };
}

/**
 * The control commissions a person sits on (any office in one: chair, member…). Not a scope: it lets them decide
 * the appeals addressed to that commission and see them in its worklist, and nothing else (issue 11, point 12).
 */
export function deriveCommissions(offices: HeldOffice[]): NamedScope[] {
  const out = new Map<string, NamedScope>();
  for (const o of offices) if (o.bodyKind === 'control_commission' && !out.has(o.bodyId)) out.set(o.bodyId, ownBody(o));
  return [...out.values()];
}

/** The body id whose path label ends `path` (labels are ids without dashes). */
export function bodyIdOfPath(path: string): string {
  const label = path.slice(path.lastIndexOf('.') + 1);
  return `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`;
}
