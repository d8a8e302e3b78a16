// Turns a plan into table rows: materialised paths, depths, resolved ids. Pure.
import { childPath, pathDepth } from '../../organisation/rules/path.js';
import type { OrganisationPlan } from './plan-types.js';

export interface BodyRow {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: string;
  name: string;
  name_ru: string | null;
  enterprise_id: string | null;
  primary_id: string | null;
  region_id: string | null;
}

/** Body rows of a plan; `rootId` replaces the planned id of the root (already created by the statute service). */
export function bodyRows(plan: OrganisationPlan, rootId: string): BodyRow[] {
  const ids = plan.bodies.map((b, i) => (i === 0 ? rootId : b.id));
  const paths: string[] = [];
  return plan.bodies.map((b, i) => {
    const path = childPath(b.parent === null ? null : paths[b.parent]!, ids[i]!);
    paths.push(path);
    return {
      id: ids[i]!,
      parent_id: b.parent === null ? null : ids[b.parent]!,
      path,
      depth: pathDepth(path),
      kind: b.kind,
      name: b.name,
      name_ru: b.nameRu,
      enterprise_id: b.enterprise === null ? null : plan.enterprises[b.enterprise]!.id,
      primary_id: b.primary === null ? null : ids[b.primary]!,
      region_id: b.region === null ? null : ids[b.region]!,
    };
  });
}
