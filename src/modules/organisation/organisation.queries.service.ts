// Read use cases of the organisation tree: any signed-in person of the organisation may view it.
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { StatuteService } from '../statute/statute.service.js';
import type { RecordsService } from '../records/records.service.js';
import type { Body, BodyDetail, BodyPage, EnterpriseDetail, OrganisationInfo } from '../../contracts/organisation.js';
import type { BodyKind } from '../../contracts/statute.js';
import type { PageQuery } from '../../contracts/common.js';
import { todayIso } from './rules/dates.js';
import { OrgErrors } from './organisation.errors.js';
import { assertCanViewTree, canChangeOffice } from './organisation.policy.js';
import * as repo from './organisation.repository.js';
import * as q from './organisation.queries.repository.js';
import * as offices from './office.repository.js';
import { toBody, toBodyRef, toEnterprise, toListedBody, toOffice, toTriangle } from './organisation.mappers.js';
import { countedSize, isBelowMinimum, likeEscape, saturation } from './rules/tree.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LTREE_RE = /^[0-9a-f]{32}(\.[0-9a-f]{32})*$/i;

export interface BodyRef {
  id: string;
  path: string;
  kind: BodyKind;
  name: string;
  nameRu: string | null;
  organisationId: string;
  status: 'active' | 'dissolved' | 'merged';
  primaryId: string | null;
  regionId: string | null;
}

export class OrganisationQueries {
  constructor(
    protected readonly db: Database,
    protected readonly statute: StatuteService,
    protected readonly records: RecordsService,
  ) {}

  /** The body, if it belongs to the actor's organisation; 404 otherwise (no leak across organisations). */
  protected async bodyOf(actor: Actor, id: string): Promise<repo.BodyRow> {
    const row = await repo.findBody(this.db, id);
    if (!row || row.organisation_id !== actor.organisationId) throw OrgErrors.body_not_found({ id });
    return row;
  }

  async info(actor: Actor): Promise<OrganisationInfo> {
    assertCanViewTree(actor, actor.organisationId);
    return this.statute.organisation(actor.organisationId);
  }

  async roots(actor: Actor): Promise<Body[]> {
    assertCanViewTree(actor, actor.organisationId);
    const rules = await this.statute.rules(actor.organisationId);
    return (await q.roots(this.db, actor.organisationId)).map((r) => toListedBody(r, rules));
  }

  async children(actor: Actor, id: string): Promise<Body[]> {
    const body = await this.bodyOf(actor, id);
    assertCanViewTree(actor, body.organisation_id);
    const rules = await this.statute.rules(body.organisation_id);
    return (await q.children(this.db, id)).map((r) => toListedBody(r, rules));
  }

  async getBody(actor: Actor, id: string): Promise<BodyDetail> {
    const row = await this.bodyOf(actor, id);
    assertCanViewTree(actor, row.organisation_id);
    const today = todayIso();
    const rules = await this.statute.rules(row.organisation_id);
    const [anc, held, size, childCount] = await Promise.all([
      q.ancestors(this.db, row.path),
      offices.activeOffices(this.db, id, today),
      repo.countRegistered(this.db, row.path),
      repo.countActiveChildren(this.db, id),
    ]);
    const ent = row.enterprise_id ? await this.enterpriseDetail(row.enterprise_id) : null;
    return {
      body: toBody(row),
      ancestors: anc.map(toBodyRef),
      offices: held.map((o) =>
        toOffice(o, canChangeOffice(actor, { holderId: o.person_id, bodyKind: row.kind, bodyPath: row.path })),
      ),
      enterprise: ent?.enterprise ?? null,
      triangle: ent?.triangle ?? null,
      saturation: ent?.saturation ?? null,
      size: {
        members: size.members,
        candidates: size.candidates,
        counted: countedSize(rules, size.members, size.candidates),
        statuteMinimum: rules.primaryMinMembers,
      },
      belowMinimum: isBelowMinimum(rules, row.kind, size.members, size.candidates),
      childCount,
    };
  }

  async searchBodies(actor: Actor, page: PageQuery): Promise<BodyPage> {
    assertCanViewTree(actor, actor.organisationId);
    const { rows, total } = await q.searchBodies(
      this.db,
      actor.organisationId,
      likeEscape(page.q ?? ''),
      page.limit,
      page.offset,
    );
    return { items: rows.map(toBody), total, limit: page.limit, offset: page.offset };
  }

  /** Primary organisations in the subtree whose size is below the statute minimum. */
  async flagged(actor: Actor, id: string): Promise<Body[]> {
    const row = await this.bodyOf(actor, id);
    assertCanViewTree(actor, row.organisation_id);
    const rules = await this.statute.rules(row.organisation_id);
    const rows = await q.belowMinimum(this.db, row.path, rules.primaryMinMembers, rules.candidatesCountTowardsSize);
    return rows.map((r) => toListedBody(r, rules));
  }

  /** Members and candidates registered anywhere in the body's subtree. */
  async subtreeMemberCount(id: string): Promise<number> {
    const row = await repo.findBody(this.db, id);
    if (!row) throw OrgErrors.body_not_found({ id });
    const c = await repo.countRegistered(this.db, row.path);
    return c.members + c.candidates;
  }

  async getEnterprise(actor: Actor, id: string): Promise<EnterpriseDetail> {
    assertCanViewTree(actor, actor.organisationId);
    const detail = await this.enterpriseDetail(id);
    if (!detail || detail.organisationId !== actor.organisationId) throw OrgErrors.enterprise_not_found({ id });
    return { enterprise: detail.enterprise, triangle: detail.triangle, saturation: detail.saturation };
  }

  protected async enterpriseDetail(id: string) {
    const e = await offices.findEnterprise(this.db, id);
    if (!e) return null;
    const bodies = await offices.triangleBodies(this.db, id);
    const triangle = toTriangle(bodies);
    const po = triangle.primaryOrganisation;
    let sat = null;
    if (po) {
      const rules = await this.statute.rules(e.organisation_id);
      const s = await q.primarySize(this.db, po.id);
      sat = saturation(countedSize(rules, s.members, s.candidates), e.workforce);
    }
    return {
      organisationId: e.organisation_id,
      enterprise: toEnterprise(e, po?.id ?? null),
      triangle,
      saturation: sat,
    };
  }

  /** A body's identity for other modules; throws body_not_found. */
  async getBodyRef(id: string): Promise<BodyRef> {
    const r = await repo.findBody(this.db, id);
    if (!r) throw OrgErrors.body_not_found({ id });
    return {
      id: r.id,
      path: r.path,
      kind: r.kind as BodyKind,
      name: r.name,
      nameRu: r.name_ru,
      organisationId: r.organisation_id,
      status: r.status,
      primaryId: r.primary_id,
      regionId: r.region_id,
    };
  }

  /** Resolves a body given as a uuid, an ltree path, or an exact (case-insensitive) unique name. */
  async resolveBody(organisationId: string, idOrPath: string): Promise<BodyRef> {
    const key = idOrPath.trim();
    let row: repo.BodyRow | undefined;
    if (UUID_RE.test(key)) {
      row = await repo.findBody(this.db, key);
      if (row && row.organisation_id !== organisationId) row = undefined;
    } else if (LTREE_RE.test(key)) {
      row = await repo.findBodyByPath(this.db, organisationId, key.toLowerCase());
    } else {
      const rows = await repo.findBodiesByName(this.db, organisationId, key);
      if (rows.length > 1) {
        throw OrgErrors.body_name_ambiguous({ name: key, candidates: rows.map((r) => ({ id: r.id, path: r.path })) });
      }
      row = rows[0];
    }
    if (!row) throw OrgErrors.body_not_found({ body: key });
    return this.getBodyRef(row.id);
  }
}
