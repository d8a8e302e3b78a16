// Person use cases: a person's page, a body's member list, search, registration and corrections.
import type { RecordsService } from '../records/records.service.js';
import type { PersonHistory } from '../../contracts/records.js';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type {
  CreatePersonInput,
  MemberListQuery,
  PersonCan,
  PersonDetail,
  PersonPage,
  PersonSearchQuery,
  PersonSummary,
  UpdatePersonInput,
  Person,
  PersonBodyRef,
  PersonLabel,
} from '../../contracts/person.js';
import type { Executor } from '../../platform/db/executor.js';
import { PersonErrors } from './person.errors.js';
import {
  assertCanCreatePerson,
  assertCanSearchPersons,
  assertCanUpdatePerson,
  assertCanViewMembers,
  assertCanViewPerson,
  canSeeCardNumber,
  canSeeWholeHistory,
  cardSearchRoots,
  searchRoots,
} from './person.policy.js';
import { registrationProblem, searchTerms } from './rules/registration.js';
import { publicHistory } from './rules/history.js';
import * as repo from './person.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

export interface BodyRefLike {
  id: string;
  path: string;
  kind: string;
  organisationId: string;
  status: string;
  primaryId: string | null;
}

/** What the person module needs of the organisation module. */
export interface BodySource {
  getBodyRef(id: string): Promise<BodyRefLike | null | undefined>;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The label of a person as the actor may see it: the card number only for those entitled. */
function toLabel(actor: Actor, r: repo.PersonLabelRow): PersonLabel {
  const ownPrimary = r.primary_id === null || r.primary_id === r.body_id;
  return {
    id: r.id,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    nameRu: r.name_ru,
    cardNumber: canSeeCardNumber(actor, { id: r.id, bodyPath: r.body_path }) ? r.card_number : null,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    primaryName: ownPrimary ? null : r.primary_name,
    primaryNameRu: ownPrimary ? null : r.primary_name_ru,
  };
}

function toSummary(actor: Actor, r: repo.PersonSummaryRow): PersonSummary {
  return {
    ...toLabel(actor, r),
    status: r.status,
    socialPosition: r.social_position as PersonSummary['socialPosition'],
    joinedOn: r.joined_on,
    bodyId: r.body_id,
  };
}

function toPerson(actor: Actor, r: repo.PersonRow): Person {
  return {
    ...toSummary(actor, r),
    organisationId: r.organisation_id,
    sex: r.sex,
    birthYear: r.birth_year,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    enterpriseNameRu: r.enterprise_name_ru,
    candidateSince: r.candidate_since,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === '23505';
}

/** A person as the modules that act on persons see them when they say what the reader may do. */
export interface PersonFacts {
  id: string;
  organisationId: string;
  status: string;
  bodyId: string | null;
  bodyPath: string | null;
  primaryPath: string | null;
}

/**
 * A module that acts on persons (auth, dues, discipline, transfer): its flags of `PersonDetail.can`, computed by the
 * policy functions its own writes check (ADR 0026). The composition root hands them to the person module.
 */
export interface PersonActs {
  personCan(actor: Actor, person: PersonFacts): Promise<Partial<PersonCan>>;
}

export class PersonService {
  private readonly acts: PersonActs[] = [];

  /** The modules that act on persons (they depend on this one, so they are handed over after construction). */
  useActs(...acts: PersonActs[]): void {
    this.acts.push(...acts);
  }

  /** What the actor may do with the person: this module's own flag, then each acting module's. */
  private async can(actor: Actor, person: PersonFacts): Promise<PersonCan> {
    const can: PersonCan = {
      seeHistory: canSeeWholeHistory(actor, person),
      issueResetCode: false,
      recordPayment: false,
      bringCharge: false,
      transfer: false,
    };
    for (const a of this.acts) Object.assign(can, await a.personCan(actor, person));
    return can;
  }

  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly organisation: BodySource,
    private readonly records: Pick<RecordsService, 'historyOf'>,
  ) {}

  /**
   * A person's history (the audit trail of their membership): whole for the person and those who manage them;
   * fellow members who may see the person get its public part only (rules/history.ts).
   */
  async history(actor: Actor, id: string): Promise<PersonHistory> {
    const row = await repo.findPerson(this.db, id);
    if (!row || row.organisation_id !== actor.organisationId) throw PersonErrors.person_not_found({ id });
    const person = { id: row.id, organisationId: row.organisation_id, bodyPath: row.body_path };
    assertCanViewPerson(actor, person);
    const items = await this.records.historyOf(id);
    return canSeeWholeHistory(actor, person)
      ? { items, scope: 'full' }
      : { items: publicHistory(items), scope: 'public' };
  }

  /** A person's page: record, registration, primary organisation and offices (current and past). */
  async getPerson(actor: Actor, id: string): Promise<PersonDetail> {
    const row = await repo.findPerson(this.db, id);
    if (!row || row.organisation_id !== actor.organisationId) throw PersonErrors.person_not_found({ id });
    assertCanViewPerson(actor, { id: row.id, organisationId: row.organisation_id, bodyPath: row.body_path });
    const day = today();
    const offices = (await repo.officesOf(this.db, id))
      .map((o) => ({
        id: o.id,
        bodyId: o.body_id,
        bodyName: o.body_name,
        bodyNameRu: o.body_name_ru,
        bodyKind: o.body_kind as PersonDetail['offices'][number]['bodyKind'],
        title: o.title,
        startsOn: o.starts_on,
        endsOn: o.ends_on,
        active: o.ended_at === null && o.starts_on <= day && (o.ends_on === null || o.ends_on >= day),
      }))
      .sort((a, b) => Number(b.active) - Number(a.active));
    const ref = (
      id: string | null,
      kind: string | null,
      name: string | null,
      nameRu: string | null,
      path: string | null,
    ) => (id && kind && name !== null && path ? ({ id, kind, name, nameRu, path } as PersonBodyRef) : null);
    return {
      person: toPerson(actor, row),
      body: ref(row.body_id, row.body_kind, row.body_name, row.body_name_ru, row.body_path),
      primaryOrganisation: ref(
        row.primary_id,
        row.primary_kind,
        row.primary_name,
        row.primary_name_ru,
        row.primary_path,
      ),
      offices,
      can: await this.can(actor, {
        id: row.id,
        organisationId: row.organisation_id,
        status: row.status,
        bodyId: row.body_id,
        bodyPath: row.body_path,
        primaryPath: row.primary_path,
      }),
    };
  }

  /** Members (and candidates) registered anywhere in a body's subtree; by name prefix or exact card number. */
  async listMembers(actor: Actor, bodyId: string, query: Partial<MemberListQuery> = {}): Promise<PersonPage> {
    const body = await this.bodyRef(bodyId);
    if (body.organisationId !== actor.organisationId) throw PersonErrors.body_not_found({ id: bodyId });
    assertCanViewMembers(actor, body);
    return this.page(actor, [body.path], query, query.status ? [query.status] : ['member', 'candidate']);
  }

  /** Persons of every status across the bodies the actor manages (and their own primary organisation). */
  async searchPersons(actor: Actor, query: Partial<PersonSearchQuery> = {}): Promise<PersonPage> {
    assertCanSearchPersons(actor);
    return this.page(actor, searchRoots(actor), query, ['member', 'candidate', 'sympathiser', 'non_member']);
  }

  /**
   * Labels of persons for another module's list or chooser (participants, speakers, roles, candidates,
   * recommenders): what tells namesakes apart, the card number only where the actor may see it. Persons of
   * another organisation are left out. Inside a write transaction pass its executor.
   */
  async labels(actor: Actor, ids: readonly string[], ex: Executor = this.db): Promise<Map<string, PersonLabel>> {
    const distinct = [...new Set(ids)];
    const rows = await repo.personLabels(ex, actor.organisationId, distinct);
    return new Map(rows.map((r) => [r.id, toLabel(actor, r)]));
  }

  /**
   * Who holds a card number, for another module's search (a meeting's participants): only among the persons
   * whose card the actor may see, so that a search never reveals a card number to anyone else.
   */
  async cardHolder(actor: Actor, card: string | undefined, ex: Executor = this.db): Promise<string | null> {
    const c = card?.trim();
    if (!c) return null;
    return repo.cardHolderWithin(ex, actor.organisationId, c, cardSearchRoots(actor));
  }

  /** Registers a person in a body within the actor's scope. */
  async createPerson(actor: Actor, input: CreatePersonInput): Promise<PersonDetail> {
    const body = await this.bodyRef(input.bodyId);
    if (body.organisationId !== actor.organisationId) throw PersonErrors.body_not_found({ id: input.bodyId });
    assertCanCreatePerson(actor, body);
    const { rules } = await this.statute.inForce(actor.organisationId);
    const day = today();
    const cardNumber = input.cardNumber ?? null;
    const joinedOn = input.status === 'non_member' ? (input.joinedOn ?? null) : (input.joinedOn ?? day);
    const problem = registrationProblem({
      status: input.status,
      cardNumber,
      bodyStatus: body.status,
      bodyPrimaryId: body.primaryId,
      candidateStageMonths: rules.candidateStageMonths,
      joinedOn,
      today: day,
    });
    if (problem) throw PersonErrors[problem]({ bodyId: body.id });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (input.enterpriseId && !(await repo.enterpriseInOrganisation(trx, input.enterpriseId, actor.organisationId)))
        throw PersonErrors.enterprise_not_found({ id: input.enterpriseId });
      if (cardNumber && (await repo.cardNumberHolder(trx, actor.organisationId, cardNumber)))
        throw PersonErrors.card_number_taken({ cardNumber });
      try {
        await repo.insertPerson(trx, {
          id,
          organisation_id: actor.organisationId,
          family_name: input.familyName,
          given_name: input.givenName,
          patronymic: input.patronymic ?? null,
          name_ru: input.nameRu ?? null,
          sex: input.sex ?? null,
          birth_year: input.birthYear ?? null,
          social_position: input.socialPosition,
          status: input.status,
          body_id: body.id,
          enterprise_id: input.enterpriseId ?? null,
          joined_on: joinedOn,
          candidate_since: input.status === 'candidate' ? (input.candidateSince ?? joinedOn) : null,
          card_number: cardNumber,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw PersonErrors.card_number_taken({ cardNumber });
        throw e;
      }
      await repo.writeOutbox(trx, 'person.created', {
        personId: id,
        bodyId: body.id,
        organisationId: actor.organisationId,
        status: input.status,
        by: actor.personId,
      });
    });
    return this.getPerson(actor, id);
  }

  /** Corrects a person's names, social position or workplace. */
  async updatePerson(actor: Actor, id: string, patch: UpdatePersonInput): Promise<PersonDetail> {
    const row = await repo.findPerson(this.db, id);
    if (!row || row.organisation_id !== actor.organisationId) throw PersonErrors.person_not_found({ id });
    assertCanUpdatePerson(actor, { organisationId: row.organisation_id, bodyPath: row.body_path });
    await this.db.transaction().execute(async (trx) => {
      if (patch.enterpriseId && !(await repo.enterpriseInOrganisation(trx, patch.enterpriseId, actor.organisationId)))
        throw PersonErrors.enterprise_not_found({ id: patch.enterpriseId });
      const set: repo.PersonPatchRow = {};
      if (patch.familyName !== undefined) set.family_name = patch.familyName;
      if (patch.givenName !== undefined) set.given_name = patch.givenName;
      if (patch.patronymic !== undefined) set.patronymic = patch.patronymic;
      if (patch.nameRu !== undefined) set.name_ru = patch.nameRu;
      if (patch.sex !== undefined) set.sex = patch.sex;
      if (patch.birthYear !== undefined) set.birth_year = patch.birthYear;
      if (patch.socialPosition !== undefined) set.social_position = patch.socialPosition;
      if (patch.enterpriseId !== undefined) set.enterprise_id = patch.enterpriseId;
      if (Object.keys(set).length === 0) return;
      await repo.updatePerson(trx, id, set);
      await repo.writeOutbox(trx, 'person.updated', { personId: id, fields: Object.keys(patch), by: actor.personId });
    });
    return this.getPerson(actor, id);
  }

  private async page(
    actor: Actor,
    roots: string[],
    query: Partial<PersonSearchQuery>,
    statuses: ('member' | 'candidate' | 'sympathiser' | 'non_member')[],
  ): Promise<PersonPage> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const q = query.q?.trim() || undefined;
    const { items, total } = await repo.listPersons(this.db, {
      organisationId: actor.organisationId,
      roots,
      terms: searchTerms(q),
      card: q ?? null,
      cardRoots: cardSearchRoots(actor),
      statuses,
      limit,
      offset,
    });
    return { items: items.map((r) => toSummary(actor, r)), total, limit, offset };
  }

  private async bodyRef(id: string): Promise<BodyRefLike> {
    const ref = await this.organisation.getBodyRef(id);
    if (!ref) throw PersonErrors.body_not_found({ id });
    return ref;
  }
}
