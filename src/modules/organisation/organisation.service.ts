// Use cases that change the tree: create, rename, move, merge, dissolve a body. Each: named
// policy check, validation against the statute in force, one transaction with an outbox row.
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/actor.js';
import type {
  Body,
  CreateBodyInput,
  MergeBodyInput,
  MoveBodyInput,
  RenameBodyInput,
} from '../../contracts/organisation.js';
import { OrgErrors } from './organisation.errors.js';
import {
  assertCanCreateBody,
  assertCanDissolveBody,
  assertCanMergeBody,
  assertCanMoveBody,
  assertCanRenameBody,
  canEnrolFounder,
} from './organisation.policy.js';
import { OrganisationOffices } from './organisation.offices.service.js';
import * as repo from './organisation.repository.js';
import { personRows } from '../person/person-rows.service.js';
import * as offices from './office.repository.js';
import { toBody } from './organisation.mappers.js';
import { childPath, pathDepth } from './rules/path.js';
import { PRIMARY_MEMBER_KINDS, isInSubtree, isKindAllowedUnder, primaryIdFor, regionIdOf } from './rules/tree.js';
import { todayIso } from './rules/dates.js';

export type { BodyRef } from './organisation.queries.service.js';

function assertActive(b: repo.BodyRow): void {
  if (b.status !== 'active') throw OrgErrors.body_not_active({ id: b.id, status: b.status });
}

export class OrganisationService extends OrganisationOffices {
  async createBody(actor: Actor, input: CreateBodyInput): Promise<Body> {
    const parent = await this.bodyOf(actor, input.parentId);
    assertCanCreateBody(actor, parent.path);
    assertActive(parent);
    const rules = await this.statute.rules(parent.organisation_id);
    if (!isKindAllowedUnder(rules, parent.kind, input.kind)) {
      throw OrgErrors.kind_not_allowed_here({
        parentKind: parent.kind,
        kind: input.kind,
        allowed: rules.allowedChildren[parent.kind as keyof typeof rules.allowedChildren] ?? [],
      });
    }
    const founders = [...new Set(input.foundingMemberIds ?? [])];
    if (input.kind === 'primary_organisation' && founders.length < rules.primaryMinMembers) {
      throw OrgErrors.below_statute_minimum({ required: rules.primaryMinMembers, given: founders.length });
    }
    if (founders.length > 0) {
      const found = await repo.findPersonsWithPath(this.db, parent.organisation_id, founders);
      const eligible = new Set(
        found.filter((p) => p.status === 'member' && canEnrolFounder(actor, p.bodyPath)).map((p) => p.id),
      );
      const refused = founders.filter((id) => !eligible.has(id));
      if (refused.length > 0) throw OrgErrors.founding_member_not_eligible({ personIds: refused });
    }
    let enterpriseId = input.enterpriseId ?? null;
    if (enterpriseId) {
      const e = await offices.findEnterprise(this.db, enterpriseId);
      if (!e || e.organisation_id !== parent.organisation_id)
        throw OrgErrors.enterprise_not_found({ id: enterpriseId });
    } else if (
      (input.kind === 'management' || input.kind === 'union_committee') &&
      parent.kind === 'primary_organisation'
    ) {
      enterpriseId = parent.enterprise_id;
    }
    const id = uuidv7();
    const path = childPath(parent.path, id);
    const row = {
      id,
      organisation_id: parent.organisation_id,
      parent_id: parent.id,
      path,
      depth: pathDepth(path),
      kind: input.kind,
      name: input.name,
      name_ru: input.nameRu ?? null,
      enterprise_id: enterpriseId,
      primary_id: primaryIdFor(id, input.kind, { id: parent.id, kind: parent.kind, primaryId: parent.primary_id }),
      region_id: regionIdOf(path),
    };
    await this.db.transaction().execute(async (tx) => {
      const locked = await repo.lockBody(tx, parent.id);
      if (!locked || locked.path !== parent.path) throw OrgErrors.body_not_found({ id: parent.id });
      assertActive(locked);
      await repo.insertBody(tx, row);
      await personRows.registerMany(tx, founders, id);
      await repo.insertOutbox(tx, 'body.created', {
        organisationId: row.organisation_id,
        bodyId: id,
        parentId: parent.id,
        kind: row.kind,
        foundingMemberIds: founders,
      });
    });
    return toBody({ ...row, status: 'active', merged_into: null });
  }

  async renameBody(actor: Actor, id: string, input: RenameBodyInput): Promise<Body> {
    const body = await this.bodyOf(actor, id);
    assertCanRenameBody(actor, body.path);
    assertActive(body);
    const nameRu = input.nameRu === undefined ? body.name_ru : input.nameRu;
    await this.db.transaction().execute(async (tx) => {
      await repo.updateBodyName(tx, id, input.name, nameRu);
      await repo.insertOutbox(tx, 'body.renamed', {
        organisationId: body.organisation_id,
        bodyId: id,
        name: input.name,
      });
    });
    return toBody({ ...body, name: input.name, name_ru: nameRu });
  }

  /** Moves a body with its whole subtree under a new parent. */
  async moveBody(actor: Actor, id: string, input: MoveBodyInput): Promise<Body> {
    const body = await this.bodyOf(actor, id);
    const parent = await this.bodyOf(actor, input.newParentId);
    assertCanMoveBody(actor, body.path, parent.path);
    if (!body.parent_id) throw OrgErrors.root_body_fixed({ id });
    assertActive(body);
    assertActive(parent);
    if (isInSubtree(parent.path, body.path))
      throw OrgErrors.cannot_move_into_own_subtree({ id, newParentId: parent.id });
    const rules = await this.statute.rules(body.organisation_id);
    if (!isKindAllowedUnder(rules, parent.kind, body.kind)) {
      throw OrgErrors.kind_not_allowed_here({ parentKind: parent.kind, kind: body.kind });
    }
    const oldPrimary = PRIMARY_MEMBER_KINDS.includes(body.kind) ? body.primary_id : null;
    const newPrimary = primaryIdFor(body.id, body.kind, {
      id: parent.id,
      kind: parent.kind,
      primaryId: parent.primary_id,
    });
    await this.db.transaction().execute(async (tx) => {
      const b = await repo.lockBody(tx, body.id);
      const p = await repo.lockBody(tx, parent.id);
      if (!b || !p) throw OrgErrors.body_not_found({ id });
      if (isInSubtree(p.path, b.path)) throw OrgErrors.cannot_move_into_own_subtree({ id, newParentId: p.id });
      await repo.rewriteSubtreeForMove(tx, {
        bodyId: b.id,
        oldPath: b.path,
        newParentId: p.id,
        newParentPath: p.path,
        oldPrimary,
        newPrimary,
      });
      await repo.insertOutbox(tx, 'body.moved', {
        organisationId: b.organisation_id,
        bodyId: b.id,
        fromParentId: b.parent_id,
        toParentId: p.id,
      });
    });
    return toBody((await repo.findBody(this.db, id))!);
  }

  /** Merges a body into another of the same kind: its persons and sub-bodies move to the target. */
  async mergeBody(actor: Actor, id: string, input: MergeBodyInput): Promise<Body> {
    const src = await this.bodyOf(actor, id);
    const tgt = await this.bodyOf(actor, input.intoId);
    assertCanMergeBody(actor, src.path, tgt.path);
    if (!src.parent_id) throw OrgErrors.root_body_fixed({ id });
    assertActive(src);
    assertActive(tgt);
    if (isInSubtree(tgt.path, src.path)) throw OrgErrors.cannot_merge_into_itself({ id, intoId: tgt.id });
    if (src.kind !== tgt.kind) throw OrgErrors.merge_kind_mismatch({ kind: src.kind, intoKind: tgt.kind });
    const today = todayIso();
    await this.db.transaction().execute(async (tx) => {
      const s = await repo.lockBody(tx, src.id);
      const t = await repo.lockBody(tx, tgt.id);
      if (!s || !t) throw OrgErrors.body_not_found({ id });
      if (isInSubtree(t.path, s.path)) throw OrgErrors.cannot_merge_into_itself({ id, intoId: t.id });
      const personsMoved = await personRows.moveAllOfBody(tx, s.id, t.id);
      await repo.rewriteSubtreeForMerge(tx, {
        sourceId: s.id,
        sourcePath: s.path,
        targetId: t.id,
        targetPath: t.path,
        oldPrimary: s.primary_id,
        newPrimary: t.primary_id,
      });
      await offices.endOfficesOfBody(tx, s.id, today);
      await repo.closeBody(tx, s.id, 'merged', t.id);
      await repo.insertOutbox(tx, 'body.merged', {
        organisationId: s.organisation_id,
        bodyId: s.id,
        intoId: t.id,
        personsMoved,
      });
    });
    return toBody((await repo.findBody(this.db, tgt.id))!);
  }

  /** Dissolves a body; refused while persons are registered in its subtree or it has active sub-bodies. */
  async dissolveBody(actor: Actor, id: string): Promise<Body> {
    const body = await this.bodyOf(actor, id);
    assertCanDissolveBody(actor, body.path);
    if (!body.parent_id) throw OrgErrors.root_body_fixed({ id });
    assertActive(body);
    const today = todayIso();
    await this.db.transaction().execute(async (tx) => {
      const b = await repo.lockBody(tx, id);
      if (!b) throw OrgErrors.body_not_found({ id });
      assertActive(b);
      const reg = await repo.countRegistered(tx, b.path);
      const count = reg.members + reg.candidates;
      if (count > 0) throw OrgErrors.body_has_members({ count, members: reg.members, candidates: reg.candidates });
      const children = await repo.countActiveChildren(tx, id);
      if (children > 0) throw OrgErrors.body_has_children({ count: children });
      await offices.endOfficesOfBody(tx, id, today);
      await repo.closeBody(tx, id, 'dissolved', null);
      await repo.insertOutbox(tx, 'body.dissolved', { organisationId: b.organisation_id, bodyId: id });
    });
    return toBody((await repo.findBody(this.db, id))!);
  }
}
