// The demo's admission accounts: a non-party worker at the Red Putilovite works, three veterans of 1917–1920
// and a rank-and-file member there; the size bands do not change.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, planDemo } from '../../src/modules/demo/rules/demo-plan.js';
import { personBatches } from '../../src/modules/demo/rules/persons.js';
import { hasStanding } from '../../src/modules/admission/rules/admission.js';
import type { PlanPerson } from '../../src/modules/demo/rules/plan-types.js';

describe('demo admission accounts', () => {
  it('plans the applicant, the veterans and the Red Putilovite member', () => {
    const plan = planDemo();
    const logins: Record<string, string> = {};
    const byId = new Map<string, PlanPerson>();
    const outsiders = [];
    for (const b of personBatches(plan)) {
      Object.assign(logins, b.logins);
      for (const p of b.persons) if (Object.values(b.logins).includes(p.id)) byId.set(p.id, p);
      outsiders.push(...(b.outsiders ?? []));
    }
    for (const login of ['applicant', 'veteran.1', 'veteran.2', 'veteran.3', 'putilov.member'])
      expect(DEMO_ACCOUNTS.map((a) => a.login)).toContain(login);
    const putilov = plan.primaries[plan.putilov]!;
    const inPutilov = (p: PlanPerson) => p.body === putilov.body || plan.bodies[p.body]!.primary === putilov.body;
    for (const v of ['veteran.1', 'veteran.2', 'veteran.3']) {
      const p = byId.get(logins[v]!)!;
      expect(p.status).toBe('member');
      expect(inPutilov(p)).toBe(true);
      expect(Number(p.joinedOn.slice(0, 4))).toBeGreaterThanOrEqual(1917);
      expect(Number(p.joinedOn.slice(0, 4))).toBeLessThanOrEqual(1920);
      expect(hasStanding(p.joinedOn, '1934-02-10', 10)).toBe(true);
      expect(p.birthYear).toBeLessThanOrEqual(Number(p.joinedOn.slice(0, 4)) - 17);
    }
    const m = byId.get(logins['putilov.member']!)!;
    expect(m.status).toBe('member');
    expect(inPutilov(m)).toBe(true);
    expect(outsiders).toHaveLength(1);
    expect(outsiders[0]).toMatchObject({ login: 'applicant', enterprise: putilov.enterprise });
    expect(logins.applicant).toBe(outsiders[0]!.id);
  });
});
