// Penalties: which the statute allows, when they expire, whether one is in force, what a decision does
// to the person's record. Pure.
import type { MembershipRules, Penalty } from '../../../contracts/membership-rules.js';

/** Adds whole months to an ISO date (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm, Math.min(d, last))).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The day a penalty expires (it is no longer in force from that day); null for expulsion. */
export function expiryOf(kind: Penalty, imposedOn: string, rules: Pick<MembershipRules, 'penaltyExpiryMonths'>) {
  return kind === 'expulsion' ? null : addMonths(imposedOn, rules.penaltyExpiryMonths);
}

export interface PenaltyState {
  expiresOn: string | null;
  liftedOn: string | null;
  annulledOn: string | null;
}

/** In force on `today`: not annulled, not lifted, not expired. */
export function isActive(p: PenaltyState, today: string): boolean {
  if (p.annulledOn !== null) return false;
  if (p.liftedOn !== null && p.liftedOn <= today) return false;
  return p.expiresOn === null || p.expiresOn > today;
}

/** The majority a decision needs: the statute's expulsion majority for expulsion, simple otherwise. */
export function majorityFor(outcome: Penalty | 'acquittal', rules: Pick<MembershipRules, 'expulsionMajority'>) {
  return outcome === 'expulsion' ? rules.expulsionMajority : ('simple' as const);
}

export interface PersonRecord {
  status: 'member' | 'candidate' | 'sympathiser' | 'non_member';
  bodyId: string | null;
  cardNumber: string | null;
  candidateSince: string | null;
  leftOn: string | null;
  leftReason: string | null;
  lastBodyId: string | null;
}

/** What a status-changing outcome does to a person's record; null when the record is unchanged. */
export type StatusEffect = 'to_candidate' | 'to_sympathiser' | 'expel';

export function applyEffect(p: PersonRecord, effect: StatusEffect, on: string): PersonRecord {
  switch (effect) {
    case 'to_candidate':
      return { ...p, status: 'candidate', candidateSince: on };
    case 'to_sympathiser':
      return { ...p, status: 'sympathiser', cardNumber: null, candidateSince: null, leftOn: on, leftReason: 'review' };
    case 'expel':
      return {
        ...p,
        status: 'non_member',
        bodyId: null,
        lastBodyId: p.bodyId ?? p.lastBodyId,
        cardNumber: null,
        candidateSince: null,
        leftOn: on,
        leftReason: 'expelled',
      };
  }
}

export function effectOfPenalty(kind: Penalty): StatusEffect | null {
  if (kind === 'demotion_to_candidate') return 'to_candidate';
  if (kind === 'expulsion') return 'expel';
  return null;
}

/** Whether the outcome can be applied to a person of this status (demotion needs a full member). */
export function effectApplies(effect: StatusEffect | null, status: PersonRecord['status']): boolean {
  if (effect === 'to_candidate') return status === 'member';
  return status === 'member' || status === 'candidate';
}
