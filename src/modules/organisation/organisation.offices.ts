// Use cases on offices and enterprises: assign and end an office, link an enterprise to its
// primary organisation. Each: policy, statute check, one transaction with an outbox row.
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/actor.js';
import type {
  AssignOfficeInput,
  CreateEnterpriseInput,
  EndOfficeInput,
  EnterpriseDetail,
  Office,
} from '../../contracts/organisation.js';
import { OrgErrors } from './organisation.errors.js';
import { assertCanAssignOffice, assertCanCreateEnterprise, assertCanEndOffice } from './organisation.policy.js';
import { OrganisationQueries } from './organisation.queries.js';
import * as repo from './organisation.repository.js';
import * as offices from './office.repository.js';
import { toOffice } from './organisation.mappers.js';
import { todayIso } from './rules/dates.js';

export class OrganisationOffices extends OrganisationQueries {
  async assignOffice(actor: Actor, bodyId: string, input: AssignOfficeInput): Promise<Office> {
    const body = await this.bodyOf(actor, bodyId);
    assertCanAssignOffice(actor, body.path);
    if (body.status !== 'active') throw OrgErrors.body_not_active({ id: bodyId, status: body.status });
    const rules = await this.statute.rules(body.organisation_id);
    if (!rules.officeTitles.includes(input.title)) {
      throw OrgErrors.unknown_office({ title: input.title, allowed: rules.officeTitles });
    }
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

  async endOffice(actor: Actor, officeId: string, input: EndOfficeInput): Promise<Office> {
    const office = await offices.findOffice(this.db, officeId);
    if (!office || office.organisation_id !== actor.organisationId) throw OrgErrors.office_not_found({ id: officeId });
    assertCanEndOffice(actor, office.body_path);
    if (office.ends_on && office.ends_on < todayIso()) throw OrgErrors.office_already_ended({ endsOn: office.ends_on });
    if (input.endsOn < office.starts_on) {
      throw OrgErrors.office_dates_invalid({ startsOn: office.starts_on, endsOn: input.endsOn });
    }
    await this.db.transaction().execute(async (tx) => {
      await offices.setOfficeEnd(tx, officeId, input.endsOn);
      await repo.insertOutbox(tx, 'office.ended', {
        organisationId: office.organisation_id,
        officeId,
        bodyId: office.body_id,
        personId: office.person_id,
        endsOn: input.endsOn,
      });
    });
    return toOffice({ ...office, ends_on: input.endsOn });
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
