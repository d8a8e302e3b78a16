// The shape of a generated organisation, before it touches the database. Pure data.
import type { BodyKind, StatutePreset } from '../../../contracts/statute.js';

export interface PlanBody {
  id: string;
  /** Index of the parent in `bodies` (parents always come first), or null for the root. */
  parent: number | null;
  kind: BodyKind;
  name: string;
  nameRu: string | null;
  enterprise: number | null;
  /** Index of the primary organisation this body belongs to (itself for a primary organisation). */
  primary: number | null;
  /** Index of the top-level region (a regional committee; for the committee, itself). */
  region: number | null;
}

export interface PlanEnterprise {
  id: string;
  name: string;
  nameRu: string | null;
  industry: string;
  workforce: number;
}

export interface PlanOfficer {
  /** Which person of the group (0 = the first generated) holds the office. Office holders are full members. */
  ordinal: number;
  /** The body the office is held in; null for an account without an office (a rank-and-file member). */
  body: number | null;
  title: string;
  /** A demo account is created for this person. */
  login?: string;
  /** A fixed date of joining (e.g. a veteran of 1917), instead of a drawn one. */
  joinedOn?: string;
}

/** A non-member registered in no body (e.g. a worker who may apply for admission), with a demo account. */
export interface PlanOutsider {
  login: string;
  familyName: string;
  givenName: string;
  patronymic: string;
  nameRu: string;
  sex: 'm' | 'f';
  birthYear: number;
  socialPosition: string;
  /** Index in `enterprises` of the workplace. */
  enterprise: number | null;
}

/** People registered together: a primary organisation (with its shop cells) or a committee's apparatus. */
export interface PersonGroup {
  home: number;
  size: number;
  /** The first `direct` persons are registered in `home`; the rest in the cells (by weight), or home when none. */
  direct: number;
  cells: { body: number; weight: number }[];
  enterprise: number | null;
  industry: string;
  officers: PlanOfficer[];
}

export interface OrganisationPlan {
  seed: number;
  organisation: {
    name: string;
    nameRu: string | null;
    preset: StatutePreset;
    effectiveFrom: string;
    adoptedBy: string;
  };
  /** bodies[0] is the root (the central committee). */
  bodies: PlanBody[];
  enterprises: PlanEnterprise[];
  groups: PersonGroup[];
  /** Share of persons who are candidates (office holders never are). */
  candidateShare: number;
  /** Date the offices start. */
  officesFrom: string;
  /** Non-members registered nowhere (not counted in any body's size). */
  outsiders?: PlanOutsider[];
}

export interface PlanPerson {
  id: string;
  familyName: string;
  givenName: string;
  patronymic: string;
  nameRu: string;
  sex: 'm' | 'f';
  birthYear: number;
  socialPosition: string;
  status: 'member' | 'candidate';
  body: number;
  enterprise: number | null;
  joinedOn: string;
  candidateSince: string | null;
  cardNumber: string | null;
}

export interface PlanOffice {
  id: string;
  body: number;
  personId: string;
  title: string;
  startsOn: string;
}

export interface PersonBatch {
  persons: PlanPerson[];
  offices: PlanOffice[];
  /** login → person id, for accounts whose holders are in this batch. */
  logins: Record<string, string>;
  /** Non-members registered nowhere (in the last batch only). */
  outsiders?: (PlanOutsider & { id: string })[];
}
