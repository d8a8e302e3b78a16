// Consistency checks of a plan (pure): parents first, offices held by persons who exist.
import type { OrganisationPlan } from './plan-types.js';

export function assertPlanConsistent(plan: OrganisationPlan): void {
  plan.bodies.forEach((b, i) => {
    if (b.parent !== null && b.parent >= i) throw new Error(`plan: body ${i} comes before its parent`);
  });
  for (const g of plan.groups) {
    for (const o of g.officers) {
      if (o.ordinal >= g.size)
        throw new Error(`plan: office ${o.title} given to person ${o.ordinal} of a group of ${g.size}`);
    }
  }
}
