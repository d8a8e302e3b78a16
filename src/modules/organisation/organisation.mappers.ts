// Rows of the organisation area to the camelCase contracts. Pure.
import type { Body, BodyRef, Enterprise, Office, Triangle } from '../../contracts/organisation.js';
import type { BodyKind, StatuteRules } from '../../contracts/statute.js';
import type { BodyRow } from './organisation.repository.js';
import type { BodyListRow } from './organisation.queries.repository.js';
import type { EnterpriseRow, OfficeRow } from './office.repository.js';
import { isBelowMinimum } from './rules/tree.js';

export function toBody(r: BodyRow): Body {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    nameRu: r.name_ru,
    path: r.path,
    depth: r.depth,
    status: r.status,
    enterpriseId: r.enterprise_id,
    primaryId: r.primary_id,
    regionId: r.region_id,
    mergedInto: r.merged_into,
  };
}

export function toListedBody(r: BodyListRow, rules: StatuteRules): Body {
  const members = r.members ?? 0;
  const candidates = r.candidates ?? 0;
  const body: Body = { ...toBody(r), childCount: r.child_count ?? 0, memberCount: members + candidates };
  if (r.kind === 'primary_organisation') body.belowMinimum = isBelowMinimum(rules, r.kind, members, candidates);
  return body;
}

export function toBodyRef(r: {
  id: string;
  kind: string;
  name: string;
  name_ru: string | null;
  path: string;
  depth: number;
}): BodyRef {
  return { id: r.id, kind: r.kind as BodyKind, name: r.name, nameRu: r.name_ru, path: r.path, depth: r.depth };
}

export function personName(r: { given_name: string; patronymic: string | null; family_name: string }): string {
  return [r.given_name, r.patronymic, r.family_name].filter(Boolean).join(' ');
}

export function toOffice(r: OfficeRow, mayChange = false): Office {
  return {
    id: r.id,
    bodyId: r.body_id,
    personId: r.person_id,
    personName: personName(r),
    personNameRu: r.name_ru,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    mayChange,
  };
}

export function toEnterprise(r: EnterpriseRow, primaryOrganisationId: string | null): Enterprise {
  return {
    id: r.id,
    name: r.name,
    nameRu: r.name_ru,
    industry: r.industry,
    workforce: r.workforce,
    primaryOrganisationId,
  };
}

export function toTriangle(
  rows: { id: string; kind: string; name: string; name_ru: string | null; path: string; depth: number }[],
): Triangle {
  const find = (kind: string) => {
    const r = rows.find((x) => x.kind === kind);
    return r ? toBodyRef(r) : null;
  };
  return {
    primaryOrganisation: find('primary_organisation'),
    management: find('management'),
    unionCommittee: find('union_committee'),
  };
}
