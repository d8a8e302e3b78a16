// Delegates' mandates at a higher conference or congress (issue 5): mandates arrive from the elections held below
// (ElectionService.closedInTx) or are entered from a paper protocol; the credentials commission (the meeting role
// 'credentials') or the convening body's secretaries check each one, confirming it within the electing body's quota
// under the statute's norm of representation, or rejecting it with a reason. A confirmed mandate seats the
// delegate (a participant with a voice): the seated delegates are the meeting's roll, and its quorum counts them.
// Rejecting a confirmed mandate un-seats the delegate only before the meeting opens.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { isWithin } from '../../platform/actor.js';
import { iso } from '../../platform/instant.js';
import type { StatuteRules } from '../../contracts/statute.js';
import type { CheckMandateInput, EnterMandateInput, Mandate, MandateList } from '../../contracts/ballot.js';
import {
  assertCanViewMeeting,
  assertNotClosed,
  canCheckMandates,
  rulesOnMeetingDate,
  type AssemblyAccess,
  type MeetingContext,
  type Seated,
} from '../assembly/assembly.service.js';
import { delegatesUnderNorm, isDelegateMeetingKind, withinQuota } from './rules/representation.js';
import { MandateErrors } from './mandate.errors.js';
import * as repo from './mandate.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

function toMandate(r: repo.MandateRow): Mandate {
  return {
    id: r.id,
    toMeetingId: r.to_meeting_id,
    personId: r.person_id,
    name: r.name,
    nameRu: r.name_ru,
    fromBodyId: r.from_body_id,
    fromBodyName: r.from_body_name,
    fromBodyNameRu: r.from_body_name_ru,
    electionId: r.election_id,
    voice: r.voice,
    status: r.status,
    checkedBy: r.checked_by,
    checkedAt: iso(r.checked_at),
    reason: r.reason,
  };
}

export class MandateService {
  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
    private readonly statute: StatuteSource,
  ) {}

  private async rulesFor(c: MeetingContext): Promise<StatuteRules> {
    return rulesOnMeetingDate(this.statute, c.organisationId, dateOf(c.startsAt));
  }

  private static delegateKind(c: MeetingContext): 'conference' | 'congress' {
    if (!isDelegateMeetingKind(c.kind)) throw MandateErrors.mandate_meeting_not_delegate({ kind: c.kind });
    return c.kind;
  }

  /**
   * GET /meetings/{id}/mandates: the mandates and, per electing body, its members, quota and delegates sent (empty
   * for meetings whose roll is not made of delegates).
   */
  async list(actor: Actor, meetingId: string): Promise<MandateList> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanViewMeeting(c);
    // A meeting of members or office holders has no mandates.
    if (!isDelegateMeetingKind(c.kind)) return { items: [], quotas: [] };
    const kind = c.kind;
    const rules = await this.rulesFor(c);
    const [rows, quotas] = await Promise.all([
      repo.mandatesOf(this.db, meetingId),
      repo.quotaRows(this.db, meetingId, c.organisationId),
    ]);
    return {
      items: rows.map(toMandate),
      quotas: quotas.map((q) => ({
        bodyId: q.body_id,
        bodyName: q.body_name,
        bodyNameRu: q.body_name_ru,
        members: q.members,
        allowed: delegatesUnderNorm(rules.decisions, kind, q.members),
        sent: q.sent,
      })),
    };
  }

  /** POST /meetings/{id}/mandates: a mandate entered from the electing body's paper protocol. */
  async enter(actor: Actor, meetingId: string, input: EnterMandateInput): Promise<Mandate> {
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const c = await this.access.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(c);
      if (!canCheckMandates(c)) throw MandateErrors.mandate_role_required();
      MandateService.delegateKind(c);
      assertNotClosed(c);
      const body = await repo.bodyRef(trx, input.fromBodyId);
      if (!body || body.organisation_id !== c.organisationId || !isWithin(body.path, c.bodyPath))
        throw MandateErrors.mandate_body_not_below({ fromBodyId: input.fromBodyId });
      if (!(await repo.isFullMemberIn(trx, c.organisationId, input.personId, body.path)))
        throw MandateErrors.mandate_person_ineligible({ personId: input.personId });
      const inserted = await repo.insertMandate(trx, {
        id,
        to_meeting_id: meetingId,
        person_id: input.personId,
        from_body_id: body.id,
        voice: input.voice ?? 'voting',
      });
      if (!inserted) throw MandateErrors.mandate_exists({ personId: input.personId });
      await this.access.touch(trx, meetingId, 'meeting.mandates', { mandateId: id, action: 'entered' });
    });
    return toMandate((await repo.mandateById(this.db, id))!);
  }

  /**
   * POST /mandates/{id}/check: the credentials commission confirms (within the electing body's quota; seats the
   * delegate) or rejects with a reason (a confirmed delegate is un-seated, only before the meeting opens).
   */
  async check(actor: Actor, mandateId: string, input: CheckMandateInput): Promise<Mandate> {
    const reason = input.reason?.trim() || null;
    if (input.status === 'rejected' && !reason) throw MandateErrors.mandate_reason_required();
    const meetingId = await repo.mandateMeeting(this.db, mandateId);
    if (!meetingId) throw MandateErrors.mandate_not_found();
    const first = await this.context(this.db, actor, meetingId);
    const rules = await this.rulesFor(first);
    await this.db.transaction().execute(async (trx) => {
      const c = await this.context(trx, actor, meetingId, true);
      assertCanViewMeeting(c);
      if (!canCheckMandates(c)) throw MandateErrors.mandate_role_required();
      const kind = MandateService.delegateKind(c);
      assertNotClosed(c);
      const m = (await repo.mandateById(trx, mandateId))!;
      let seated: Seated | null = null;
      if (m.person_id === actor.personId) throw MandateErrors.mandate_own();
      if (m.status === input.status) throw MandateErrors.mandate_already_checked({ status: m.status });
      if (input.status === 'confirmed') {
        const body = (await repo.bodyRef(trx, m.from_body_id))!;
        const members = await repo.countFullMembers(trx, c.organisationId, body.path);
        const allowed = delegatesUnderNorm(rules.decisions, kind, members);
        const confirmed = await repo.countConfirmed(trx, meetingId, m.from_body_id);
        if (!withinQuota(allowed, confirmed))
          throw MandateErrors.mandate_over_quota({ bodyId: m.from_body_id, members, allowed, confirmed });
        seated = await this.access.seatDelegate(trx, meetingId, m.person_id, m.voice);
      } else if (m.status === 'confirmed') {
        if (c.status !== 'convened') throw MandateErrors.mandate_delegate_seated();
        await this.access.unseatDelegate(trx, meetingId, m.person_id, m.seated);
      }
      await repo.setChecked(trx, mandateId, input.status, actor.personId, reason, seated);
      await this.access.touch(trx, meetingId, 'meeting.mandates', { mandateId, action: input.status });
    });
    return toMandate((await repo.mandateById(this.db, mandateId))!);
  }

  /** The meeting's context; a mandate of a meeting of another organisation is not found. */
  private async context(ex: Executor, actor: Actor, meetingId: string, lock = false): Promise<MeetingContext> {
    try {
      return await this.access.context(ex, actor, meetingId, { lock });
    } catch (err) {
      if ((err as { code?: string }).code === 'meeting_not_found') throw MandateErrors.mandate_not_found();
      throw err;
    }
  }
}
