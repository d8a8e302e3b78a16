// The list of speakers (issue 4): a present participant asks for the floor on the item under discussion (a
// speech, a point of order, a reply; the chair puts reports on the list and may add anyone present); the chair
// gives the floor (one speaker at a time: giving it ends the current speaker), ends it, extends the time and
// reorders the queue; a person withdraws their own request. Every move locks the meeting row, and marks the
// change (revision + outbox row) that the live stream turns into a new state on every screen.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type {
  ExtendTimeInput,
  FloorList,
  FloorMoveInput,
  FloorQuery,
  FloorRequest,
  ReorderFloorInput,
  RequestFloorInput,
} from '../../contracts/assembly.js';
import type { Executor } from '../../platform/db/executor.js';
import { iso } from '../../platform/instant.js';
import { AssemblyErrors } from './assembly.errors.js';
import {
  assertCanChair,
  assertCanViewMeeting,
  assertOpen,
  assertPresent,
  canAskFloor,
  canChair,
  type MeetingContext,
} from './assembly.policy.js';
import type { AssemblyAccess } from './assembly.service.js';
import type { PersonLabels } from './meeting.service.js';
import type { PersonLabel } from '../../contracts/person.js';
import { FloorErrors } from './floor.errors.js';
import { checkReorder, listOrder, placeInQueue } from './rules/floor-order.js';
import * as repo from './floor.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

function toFloor(r: repo.FloorRow, labels?: Map<string, PersonLabel>): FloorRequest {
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    personId: r.person_id,
    name: r.name,
    person: labels?.get(r.person_id) ?? null,
    kind: r.kind,
    status: r.status,
    position: r.position,
    limitSeconds: r.limit_seconds,
    requestedAt: iso(r.requested_at),
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
  };
}

/** A move made against the revision the chair's screen showed is refused when the meeting changed since. */
function checkRevision(ctx: MeetingContext, revision: number | undefined): void {
  if (revision !== undefined && revision !== ctx.revision)
    throw AssemblyErrors.meeting_conflict({ revision: ctx.revision });
}

export class FloorService {
  constructor(
    private readonly db: Database,
    private readonly assembly: AssemblyAccess,
    private readonly statute: StatuteSource,
    private readonly persons: Pick<PersonLabels, 'labels'>,
  ) {}

  /** The requests of an agenda item (default: the item under discussion), in the order the list reads. */
  async list(actor: Actor, meetingId: string, q: FloorQuery): Promise<FloorList> {
    const ctx = await this.assembly.context(this.db, actor, meetingId);
    assertCanViewMeeting(ctx);
    const itemId = q.item ?? ctx.currentItemId;
    if (!itemId) return { agendaItemId: null, items: [] };
    if (q.item && !(await repo.itemInMeeting(this.db, meetingId, q.item)))
      throw AssemblyErrors.agenda_item_not_found({ id: q.item });
    const rows = await repo.requestsOfItem(this.db, meetingId, itemId);
    const labels = await this.persons.labels(
      actor,
      rows.map((r) => r.person_id),
    );
    return { agendaItemId: itemId, items: listOrder(rows.map((r) => toFloor(r, labels))) };
  }

  /** A present participant asks for the floor on the current item; the chair may add anyone present. */
  async request(actor: Actor, meetingId: string, input: RequestFloorInput): Promise<FloorRequest> {
    const kind = input.kind;
    const personId = input.personId ?? actor.personId;
    const forOther = personId !== actor.personId;
    const id = uuidv7();
    // The meeting is of the actor's organisation (else the context below answers 404): its statute sets the limit.
    const limit = (await this.statute.rules(actor.organisationId)).assemblies.speakingSeconds[kind];
    await this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      if (kind === 'report' && !canChair(ctx)) throw FloorErrors.floor_report_chair_only();
      if (forOther) assertCanChair(ctx);
      assertOpen(ctx);
      const itemId = ctx.currentItemId;
      if (!itemId) throw FloorErrors.floor_no_current_item();
      if (forOther) {
        const p = await repo.participant(trx, meetingId, personId);
        if (!p) throw FloorErrors.floor_not_a_participant({ personId });
        if (!p.present) throw AssemblyErrors.meeting_not_present({ personId });
      } else {
        assertPresent(ctx);
        if (kind !== 'report' && !canAskFloor(ctx)) throw AssemblyErrors.meeting_role_required();
      }
      const waiting = await repo.waitingOfItem(trx, itemId);
      if (waiting.some((w) => w.person_id === personId && w.kind === kind))
        throw FloorErrors.floor_already_requested({ personId, kind });
      const { position, shiftFrom } = placeInQueue(waiting, kind, await repo.lastPosition(trx, itemId));
      if (shiftFrom !== null) await repo.shiftQueue(trx, itemId, shiftFrom);
      await repo.insertRequest(trx, {
        id,
        meeting_id: meetingId,
        agenda_item_id: itemId,
        person_id: personId,
        kind,
        position,
        limit_seconds: limit,
      });
      await this.assembly.touch(trx, meetingId, 'meeting.floor', { requestId: id, personId });
    });
    return this.load(this.db, meetingId, id);
  }

  /** The chair gives the floor: whoever speaks now is ended first (one speaker at a time). */
  async give(actor: Actor, meetingId: string, requestId: string, input: FloorMoveInput = {}): Promise<FloorRequest> {
    return this.chairMove(actor, meetingId, requestId, input.revision, async (trx, ctx, r) => {
      assertOpen(ctx);
      if (r.status !== 'waiting') throw FloorErrors.floor_not_waiting({ status: r.status });
      if (r.agenda_item_id !== ctx.currentItemId) throw FloorErrors.floor_not_current_item();
      const p = await repo.participant(trx, meetingId, r.person_id);
      if (!p?.present) throw AssemblyErrors.meeting_not_present({ personId: r.person_id });
      const now = new Date();
      await repo.endSpeaking(trx, meetingId, now);
      if (!(await repo.transition(trx, r.id, 'waiting', 'speaking', now))) throw FloorErrors.floor_not_waiting();
    });
  }

  /** The chair ends the speech (also after the meeting closed, so no one is left speaking). */
  async end(actor: Actor, meetingId: string, requestId: string, input: FloorMoveInput = {}): Promise<FloorRequest> {
    return this.chairMove(actor, meetingId, requestId, input.revision, async (trx, _ctx, r) => {
      if (r.status !== 'speaking') throw FloorErrors.floor_not_speaking({ status: r.status });
      if (!(await repo.transition(trx, r.id, 'speaking', 'done', new Date()))) throw FloorErrors.floor_not_speaking();
    });
  }

  /** The chair gives the speaker more time. */
  async extend(actor: Actor, meetingId: string, requestId: string, input: ExtendTimeInput): Promise<FloorRequest> {
    return this.chairMove(actor, meetingId, requestId, input.revision, async (trx, ctx, r) => {
      assertOpen(ctx);
      if (r.status !== 'speaking') throw FloorErrors.floor_not_speaking({ status: r.status });
      if (!(await repo.extend(trx, r.id, input.seconds))) throw FloorErrors.floor_not_speaking();
    });
  }

  /** The person withdraws their own waiting request (the chair may strike anyone's). */
  async withdraw(
    actor: Actor,
    meetingId: string,
    requestId: string,
    input: FloorMoveInput = {},
  ): Promise<FloorRequest> {
    await this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      const r = await repo.findRequest(trx, meetingId, requestId);
      if (!r) throw FloorErrors.floor_request_not_found({ id: requestId });
      if (r.person_id !== actor.personId && !canChair(ctx)) throw FloorErrors.floor_not_yours();
      checkRevision(ctx, input.revision);
      if (r.status !== 'waiting') throw FloorErrors.floor_not_waiting({ status: r.status });
      if (!(await repo.transition(trx, r.id, 'waiting', 'withdrawn', new Date())))
        throw FloorErrors.floor_not_waiting();
      await this.assembly.touch(trx, meetingId, 'meeting.floor', { requestId });
    });
    return this.load(this.db, meetingId, requestId);
  }

  /** The chair reorders the waiting queue of the current item: `requestIds` names each waiting request once. */
  async reorder(actor: Actor, meetingId: string, input: ReorderFloorInput): Promise<FloorList> {
    await this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      assertCanChair(ctx);
      checkRevision(ctx, input.revision);
      assertOpen(ctx);
      if (!ctx.currentItemId) throw FloorErrors.floor_no_current_item();
      const check = checkReorder(await repo.waitingOfItem(trx, ctx.currentItemId), input.requestIds);
      if (!check.ok) {
        const details = { missing: check.missing, unknown: check.unknown };
        throw check.reason === 'duplicates'
          ? FloorErrors.floor_reorder_invalid(details)
          : FloorErrors.floor_queue_changed(details);
      }
      await repo.setPositions(trx, check.positions);
      await this.assembly.touch(trx, meetingId, 'meeting.floor', { agendaItemId: ctx.currentItemId });
    });
    return this.list(actor, meetingId, {});
  }

  private async chairMove(
    actor: Actor,
    meetingId: string,
    requestId: string,
    revision: number | undefined,
    move: (trx: Executor, ctx: MeetingContext, r: repo.FloorRow) => Promise<void>,
  ): Promise<FloorRequest> {
    await this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      assertCanChair(ctx);
      checkRevision(ctx, revision);
      const r = await repo.findRequest(trx, meetingId, requestId);
      if (!r) throw FloorErrors.floor_request_not_found({ id: requestId });
      await move(trx, ctx, r);
      await this.assembly.touch(trx, meetingId, 'meeting.floor', { requestId, personId: r.person_id });
    });
    return this.load(this.db, meetingId, requestId);
  }

  private async load(ex: Executor, meetingId: string, id: string): Promise<FloorRequest> {
    const r = await repo.findRequest(ex, meetingId, id);
    if (!r) throw FloorErrors.floor_request_not_found({ id });
    return toFloor(r);
  }
}
