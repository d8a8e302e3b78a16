// Use cases on offices and enterprises: assign and end an office, link an enterprise to its
// primary organisation. Each: policy, statute check, one transaction with an outbox row.
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/executor.js';
import type {
  AssignOfficeInput,
  CreateEnterpriseInput,
  EndOfficeInput,
  EnterpriseDetail,
  ExtendOfficeInput,
  Office,
} from '../../contracts/organisation.js';
import { OrgErrors } from './organisation.errors.js';
import { assertCanAssignOffice, assertCanChangeOffice, assertCanCreateEnterprise } from './organisation.policy.js';
import { OrganisationQueries } from './organisation.queries.service.js';
import * as repo from './organisation.repository.js';
import * as offices from './office.repository.js';
import { toOffice } from './organisation.mappers.js';
import { todayIso } from './rules/dates.js';

export class OrganisationOffices extends OrganisationQueries {
  async assignOffice(actor: Actor, bodyId: string, input: AssignOfficeInput): Promise<Office> {
    const body = await this.bodyOf(actor, bodyId);
    assertCanAssignOffice(actor, body.path);
    if (input.personId === actor.personId) throw OrgErrors.own_office_assignment();
    if (body.status !== 'active') throw OrgErrors.body_not_active({ id: bodyId, status: body.status });
    const rules = await this.statute.rules(body.organisation_id);
    if (!rules.officeTitles.includes(input.title)) {
      throw OrgErrors.unknown_office({ title: input.title, allowed: rules.officeTitles });
    }
    // an office that manages is given from a committee above, like ending it: a peer never restores or doubles one
    if (rules.managingOffices.includes(input.title))
      assertCanChangeOffice(actor, { holderId: input.personId, bodyKind: body.kind, bodyPath: body.path });
    const endsOn = input.endsOn ?? null;
    if (endsOn && endsOn < input.startsOn) throw OrgErrors.office_dates_invalid({ startsOn: input.startsOn, endsOn });
    const id = uuidv7();
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.findPerson(tx, actor.organisationId, input.personId))) {
        throw OrgErrors.person_not_found({ id: input.personId });
      }
      await offices.insertOffice(tx, {
        id,
        body_id: bodyId,
        person_id: input.personId,
        title: input.title,
        starts_on: input.startsOn,
        ends_on: endsOn,
      });
      await repo.insertOutbox(tx, 'office.assigned', {
        organisationId: body.organisation_id,
        officeId: id,
        bodyId,
        personId: input.personId,
        title: input.title,
      });
    });
    return toOffice((await offices.findOffice(this.db, id))!);
  }

  /**
   * Ends an office (ADR 0020). A day up to today ends it at once: it confers nothing from this moment,
   * although its last day reads as that day. A later day only shortens its term. Never later than the
   * current term: extending is its own act. Decided by a committee above the office, never its holder.
   */
  async endOffice(actor: Actor, officeId: string, input: EndOfficeInput): Promise<Office> {
    const day = todayIso();
    return this.db.transaction().execute(async (tx) => {
      const office = await this.officeToChange(tx, actor, officeId, day);
      // "end it now" of an office yet to start: cancelled at once (its last day reads as its first)
      const endsOn = input.endsOn ?? (office.starts_on > day ? office.starts_on : day);
      const cancelled = input.endsOn === undefined && office.starts_on > day;
      if (endsOn < office.starts_on) throw OrgErrors.office_dates_invalid({ startsOn: office.starts_on, endsOn });
      if (office.ends_on !== null && endsOn > office.ends_on) {
        throw OrgErrors.office_end_later_than_term({ endsOn: office.ends_on });
      }
      const atOnce = endsOn <= day || cancelled;
      await offices.setOfficeEnd(tx, officeId, endsOn, atOnce);
      await this.recordOfficeAct(tx, actor, office, atOnce ? 'term_ended' : 'term_shortened', endsOn, input.reason);
      return toOffice({ ...office, ends_on: endsOn });
    });
  }

  /** Extends the term of an office in force to a later last day, or (null) until it is ended. */
  async extendOffice(actor: Actor, officeId: string, input: ExtendOfficeInput): Promise<Office> {
    const day = todayIso();
    return this.db.transaction().execute(async (tx) => {
      const office = await this.officeToChange(tx, actor, officeId, day);
      if (office.ends_on === null) throw OrgErrors.office_without_end();
      if (input.endsOn !== null && input.endsOn <= office.ends_on) {
        throw OrgErrors.office_extension_not_later({ endsOn: office.ends_on });
      }
      await offices.setOfficeEnd(tx, officeId, input.endsOn, false);
      await this.recordOfficeAct(tx, actor, office, 'term_extended', input.endsOn, input.reason);
      return toOffice({ ...office, ends_on: input.endsOn }, true);
    });
  }

  /** The office, locked, if the actor may change it and it is still in force (or yet to start). */
  private async officeToChange(tx: Executor, actor: Actor, officeId: string, day: string) {
    const office = await offices.findOffice(tx, officeId, true);
    if (!office || office.organisation_id !== actor.organisationId) throw OrgErrors.office_not_found({ id: officeId });
    assertCanChangeOffice(actor, {
      holderId: office.person_id,
      bodyKind: office.body_kind,
      bodyPath: office.body_path,
    });
    if (office.ended_at !== null || (office.ends_on !== null && office.ends_on < day)) {
      throw OrgErrors.office_already_ended({ endsOn: office.ends_on });
    }
    return office;
  }

  private async recordOfficeAct(
    tx: Executor,
    actor: Actor,
    office: {
      id: string;
      organisation_id: string;
      body_id: string;
      person_id: string;
      title: string;
      ends_on: string | null;
    },
    action: 'term_ended' | 'term_shortened' | 'term_extended',
    endsOn: string | null,
    reason: string | undefined,
  ): Promise<void> {
    await this.records.audit(tx, {
      organisationId: office.organisation_id,
      subjectPersonId: office.person_id,
      actor,
      effectiveOn: todayIso(),
      process: 'office',
      entityId: office.id,
      action,
      fromState: office.ends_on,
      toState: endsOn,
      reason: reason || null,
      details: { title: office.title, bodyId: office.body_id },
    });
    await repo.insertOutbox(tx, `office.${action.slice('term_'.length)}`, {
      organisationId: office.organisation_id,
      officeId: office.id,
      bodyId: office.body_id,
      personId: office.person_id,
      endsOn,
    });
  }

  /** Creates an enterprise and links it to its primary organisation (and that organisation's triangle bodies). */
  async createEnterprise(actor: Actor, input: CreateEnterpriseInput): Promise<EnterpriseDetail> {
    const po = await this.bodyOf(actor, input.primaryOrganisationId);
    assertCanCreateEnterprise(actor, po.path);
    if (po.kind !== 'primary_organisation') throw OrgErrors.not_a_primary_organisation({ id: po.id, kind: po.kind });
    if (po.status !== 'active') throw OrgErrors.body_not_active({ id: po.id, status: po.status });
    if (po.enterprise_id) throw OrgErrors.enterprise_already_linked({ enterpriseId: po.enterprise_id });
    const id = uuidv7();
    await this.db.transaction().execute(async (tx) => {
      const locked = await repo.lockBody(tx, po.id);
      if (locked?.enterprise_id) throw OrgErrors.enterprise_already_linked({ enterpriseId: locked.enterprise_id });
      await offices.insertEnterprise(tx, {
        id,
        organisation_id: po.organisation_id,
        name: input.name,
        name_ru: input.nameRu ?? null,
        industry: input.industry,
        workforce: input.workforce,
      });
      await offices.linkEnterprise(tx, po.id, id);
      await repo.insertOutbox(tx, 'enterprise.created', {
        organisationId: po.organisation_id,
        enterpriseId: id,
        primaryOrganisationId: po.id,
      });
    });
    return this.getEnterprise(actor, id);
  }
}
