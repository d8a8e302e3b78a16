// Transfer use cases: deregistration (into transit), registration in the receiving organisation, a direct
// transfer when the actor manages both ends, and the worklist of members registered nowhere too long.
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type {
  DeregisterInput,
  DirectTransferInput,
  RegisterInput,
  TransferResult,
  UnregisteredPage,
  UnregisteredQuery,
} from '../../contracts/transfer.js';
import type { RecordsService } from '../records/records.service.js';
import { TransferErrors } from './transfer.errors.js';
import {
  assertCanDeregister,
  assertCanRegister,
  assertCanTransferDirectly,
  assertCanViewUnregistered,
  canDeregister,
} from './transfer.policy.js';
import {
  nextTransferState,
  transferStateOf,
  unregisteredCutoff,
  wholeMonthsBetween,
  type TransferEvent,
} from './rules/transfer.js';
import * as repo from './transfer.repository.js';
import { personRows } from '../person/person-rows.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class TransferService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
  ) {}

  /**
   * `PersonDetail.can.transfer` (ADR 0026): the sending end's acts (deregister, or a direct transfer from here) —
   * the step `deregister` and `transfer` both check, and the policy `deregister` checks.
   */
  async personCan(
    actor: Actor,
    p: { status: string; bodyId: string | null; bodyPath: string | null },
  ): Promise<{ transfer: boolean }> {
    const step = nextTransferState(transferStateOf({ status: p.status, bodyId: p.bodyId }), 'deregister');
    return { transfer: step.ok && !!p.bodyPath && canDeregister(actor, p.bodyPath) };
  }

  /** The sending organisation deregisters a member: registered nowhere (in transit) from `on`; the card stays. */
  async deregister(actor: Actor, input: DeregisterInput): Promise<TransferResult> {
    const p = await this.person(actor, input.personId);
    assertCanDeregister(actor, p.body_path ?? p.last_body_path ?? '');
    this.step(p, 'deregister');
    await this.checkDate(p, input.on, p.joined_on);
    await this.db.transaction().execute(async (trx) => {
      if (!(await personRows.deregister(trx, p.id, p.body_id!, input.on))) throw TransferErrors.transfer_conflict();
      await this.records.audit(trx, {
        organisationId: p.organisation_id,
        subjectPersonId: p.id,
        actor,
        effectiveOn: input.on,
        process: 'transfer',
        entityId: p.id,
        action: 'transfer.deregistered',
        fromState: 'registered',
        toState: 'in_transit',
        reason: input.reason ?? null,
        details: { fromBodyId: p.body_id },
      });
      await repo.writeOutbox(trx, 'person.deregistered', { personId: p.id, fromBodyId: p.body_id, on: input.on });
    });
    return { personId: p.id, state: 'in_transit', bodyId: null, lastBodyId: p.body_id, deregisteredOn: input.on };
  }

  /** The receiving organisation registers a member in transit. */
  async register(actor: Actor, input: RegisterInput): Promise<TransferResult> {
    const p = await this.person(actor, input.personId);
    const to = await this.target(actor, input.bodyId);
    assertCanRegister(actor, to.path);
    this.step(p, 'register');
    await this.checkDate(p, input.on, p.deregistered_on ?? p.joined_on);
    await this.db.transaction().execute(async (trx) => {
      if (!(await personRows.register(trx, p.id, to.id))) throw TransferErrors.transfer_conflict();
      await this.records.audit(trx, {
        organisationId: p.organisation_id,
        subjectPersonId: p.id,
        actor,
        effectiveOn: input.on,
        process: 'transfer',
        entityId: p.id,
        action: 'transfer.registered',
        fromState: 'in_transit',
        toState: 'registered',
        reason: input.reason ?? null,
        details: { toBodyId: to.id, lastBodyId: p.last_body_id },
      });
      await repo.writeOutbox(trx, 'person.registered', { personId: p.id, toBodyId: to.id, on: input.on });
    });
    return { personId: p.id, state: 'registered', bodyId: to.id, lastBodyId: p.last_body_id, deregisteredOn: null };
  }

  /** One act moving a registered member between two bodies the actor both manages. */
  async transfer(actor: Actor, input: DirectTransferInput): Promise<TransferResult> {
    const p = await this.person(actor, input.personId);
    const to = await this.target(actor, input.bodyId);
    assertCanTransferDirectly(actor, p.body_path ?? p.last_body_path ?? '', to.path);
    this.step(p, 'transfer');
    if (p.body_id === to.id) throw TransferErrors.transfer_same_body();
    await this.checkDate(p, input.on, p.joined_on);
    await this.db.transaction().execute(async (trx) => {
      if (!(await personRows.move(trx, p.id, p.body_id!, to.id))) throw TransferErrors.transfer_conflict();
      await this.records.audit(trx, {
        organisationId: p.organisation_id,
        subjectPersonId: p.id,
        actor,
        effectiveOn: input.on,
        process: 'transfer',
        entityId: p.id,
        action: 'transfer.transferred',
        fromState: 'registered',
        toState: 'registered',
        reason: input.reason ?? null,
        details: { fromBodyId: p.body_id, toBodyId: to.id },
      });
      await repo.writeOutbox(trx, 'person.transferred', {
        personId: p.id,
        fromBodyId: p.body_id,
        toBodyId: to.id,
        on: input.on,
      });
    });
    return { personId: p.id, state: 'registered', bodyId: to.id, lastBodyId: p.body_id, deregisteredOn: null };
  }

  /** Members and candidates last held in the subtree, registered nowhere past the statute's limit on the check date. */
  async unregistered(actor: Actor, q: UnregisteredQuery): Promise<UnregisteredPage> {
    const body = await repo.bodyFacts(this.db, q.bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw TransferErrors.body_not_found({ id: q.bodyId });
    assertCanViewUnregistered(actor, body.path);
    const on = q.on ?? today();
    const rules = await this.statute.rules(actor.organisationId, on);
    const limitMonths = rules.membership.unregisteredLimitMonths;
    const { rows, total } = await repo.unregistered(this.db, {
      organisationId: actor.organisationId,
      rootPath: body.path,
      cutoff: unregisteredCutoff(on, limitMonths),
      limit: q.limit,
      offset: q.offset,
    });
    return {
      items: rows.map((r) => ({
        personId: r.id,
        familyName: r.family_name,
        givenName: r.given_name,
        nameRu: r.name_ru,
        status: r.status,
        cardNumber: r.card_number,
        lastBodyId: r.last_body_id,
        lastBodyName: r.last_body_name,
        lastBodyNameRu: r.last_body_name_ru,
        deregisteredOn: r.deregistered_on,
        monthsUnregistered: wholeMonthsBetween(r.deregistered_on, on),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
      limitMonths,
      on,
    };
  }

  private async person(actor: Actor, id: string) {
    const p = await repo.personForTransfer(this.db, id);
    if (!p || p.organisation_id !== actor.organisationId) throw TransferErrors.person_not_found({ id });
    return p;
  }

  private async target(actor: Actor, id: string) {
    const b = await repo.bodyFacts(this.db, id);
    if (!b || b.organisation_id !== actor.organisationId) throw TransferErrors.body_not_found({ id });
    if (b.status !== 'active' || b.primary_id === null) throw TransferErrors.transfer_body_invalid({ bodyId: id });
    return b;
  }

  private step(p: repo.TransferPersonRow, event: TransferEvent): void {
    const t = nextTransferState(transferStateOf({ status: p.status, bodyId: p.body_id }), event);
    if (!t.ok) throw TransferErrors[t.code]({ personId: p.id });
  }

  /** The act's date: not in the future, not before `notBefore`; a statute must be in force on it. */
  private async checkDate(p: repo.TransferPersonRow, on: string, notBefore: string | null): Promise<void> {
    if (on > today()) throw TransferErrors.transfer_date_in_future({ on });
    if (notBefore && on < notBefore) throw TransferErrors.transfer_date_too_early({ on, notBefore });
    await this.statute.rules(p.organisation_id, on);
  }
}
