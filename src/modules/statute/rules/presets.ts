// The two statute presets. Pure data, validated by the StatuteRules contract.
import { PARTY_1934_MEMBERSHIP, UNION_MEMBERSHIP } from '../../../contracts/membership-rules.js';
import { PARTY_1934_DECISIONS, UNION_DECISIONS } from '../../../contracts/decision-rules.js';
import { StatuteRules, type StatutePreset, type BodyKind } from '../../../contracts/statute.js';

const organs: BodyKind[] = ['bureau', 'control_commission'];

/** Modelled on the party rules the seeds describe (1926/1934): cells of at least 3, candidate stage, bureaus. */
const party1934 = StatuteRules.parse({
  title: 'Party rules (modelled on the statute of 1934)',
  // the demo organisation is in Leningrad
  timeZone: 'Europe/Moscow',
  rootKinds: ['central_committee'],
  allowedChildren: {
    central_committee: [
      'politburo',
      'orgburo',
      'secretariat',
      'control_commission',
      'regional_committee',
      'city_committee',
    ],
    regional_committee: [...organs, 'city_committee', 'district_committee', 'primary_organisation'],
    city_committee: [...organs, 'district_committee', 'primary_organisation'],
    district_committee: [...organs, 'primary_organisation', 'council'],
    primary_organisation: ['bureau', 'shop_cell', 'party_group', 'management', 'union_committee', 'council'],
    shop_cell: ['party_group', 'bureau'],
  },
  kindLabels: {},
  primaryMinMembers: 3,
  candidatesCountTowardsSize: true,
  candidateStageMonths: 12,
  officeTitles: [
    'general_secretary',
    'secretary',
    'second_secretary',
    'bureau_member',
    'chair',
    'member',
    'organiser',
    'director',
    'union_chair',
  ],
  managingOffices: ['general_secretary', 'secretary', 'second_secretary'],
  officeTermMonths: 12,
  payCapMultiple: null,
  proportionalRepresentation: false,
  platformsAllowed: false,
  membership: PARTY_1934_MEMBERSHIP,
  decisions: PARTY_1934_DECISIONS,
});

/** A democratic union federation: no candidate stage, proportional executives, open platforms, pay cap. */
const unionFederation = StatuteRules.parse({
  title: 'Democratic union federation rules',
  rootKinds: ['central_committee'],
  allowedChildren: {
    central_committee: ['secretariat', 'control_commission', 'regional_committee'],
    regional_committee: [...organs, 'district_committee', 'primary_organisation'],
    district_committee: [...organs, 'primary_organisation', 'council'],
    primary_organisation: ['bureau', 'shop_cell', 'management', 'union_committee', 'council'],
    shop_cell: ['bureau'],
  },
  kindLabels: {
    central_committee: { en: 'Federation executive', ru: 'Исполком федерации' },
    regional_committee: { en: 'Regional council', ru: 'Областной совет' },
    district_committee: { en: 'District council', ru: 'Районный совет' },
    primary_organisation: { en: 'Workplace branch', ru: 'Первичная организация' },
    shop_cell: { en: 'Section', ru: 'Секция' },
  },
  primaryMinMembers: 5,
  candidatesCountTowardsSize: false,
  candidateStageMonths: 0,
  officeTitles: ['president', 'secretary', 'treasurer', 'executive_member', 'chair', 'steward'],
  managingOffices: ['president', 'secretary'],
  officeTermMonths: 24,
  payCapMultiple: 3,
  proportionalRepresentation: true,
  platformsAllowed: true,
  membership: UNION_MEMBERSHIP,
  decisions: UNION_DECISIONS,
});

export const PRESETS: Record<StatutePreset, StatuteRules> = {
  'party-1934': party1934,
  'union-federation': unionFederation,
};
