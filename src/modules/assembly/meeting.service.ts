// Meetings (issue 4, helper A): convening with agenda and the entitled participants, notice and the iCalendar
// file, attendance (check-in by personal code, by hall code on a phone, by the secretariat; guests; departures
// and late returns) with the quorum the statute sets, the meeting's roles, and the chair's moves through the
// agenda (open, advance, take up an item, close, cancel). Every change marks the meeting (revision + outbox).
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import icalGenerator, { ICalEventStatus } from 'ical-generator';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { manages } from '../../platform/actor.js';
import { CommonErrors } from '../../platform/errors.js';
import { iso } from '../../platform/instant.js';
import type { PersonLabel } from '../../contracts/person.js';
import type { MeetingKind, MeetingKindRules } from '../../contracts/assembly-rules.js';
import type {
  AgendaDocument,
  AgendaItemInput,
  BodyMeetingPage,
  ChairMoveInput,
  CheckInInput,
  CheckInResult,
  CheckOutInput,
  ConveneMeetingInput,
  Meeting,
  MeetingListQuery,
  MeetingPage,
  MeetingSummary,
  Participant,
  ParticipantPage,
  ParticipantQuery,
  Quorum,
  SetCurrentItemInput,
  SetRolesInput,
  UpdateMeetingInput,
} from '../../contracts/assembly.js';
import { rulesOnMeetingDate, type AssemblyAccess } from './assembly.service.js';
import { AssemblyErrors } from './assembly.errors.js';
import {
  assertCanManageMeeting,
  assertCanViewMeeting,
  assertNotClosed,
  assertOpen,
  canCheckInByHallCode,
  canConvene,
  canKeepDesk,
  canMoveSession,
  canRunMeeting,
  meetingCan,
  type MeetingContext,
} from './assembly.policy.js';
import { MeetingErrors } from './meeting.errors.js';
import { quorumOf as computeQuorum } from './rules/quorum.js';
import { codeCandidates, generateCode, generateCodes, type RandomSource } from './rules/codes.js';
import { calendarEvent } from './rules/ical.js';
import { noticeTooShort } from './rules/notice.js';
import * as repo from './meeting.repository.js';
import { searchTerms } from '../person/rules/registration.js';
import type { PersonService } from '../person/person.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** What tells persons apart (the person module decides what the actor may see of them). */
export type PersonLabels = Pick<PersonService, 'labels' | 'cardHolder'>;

const STAFF_ROLES = new Set(['stenographer', 'secretariat']);
const CODE_ATTEMPTS = 5;
const cryptoRandom: RandomSource = (n) => randomBytes(n);

const today = () => new Date().toISOString().slice(0, 10);

function toSummary(r: repo.MeetingRow): MeetingSummary {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    kind: r.kind,
    title: r.title,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at),
    place: r.place,
    status: r.status,
    entitled: Number(r.entitled),
    sealed: r.sealed,
    noticeSentAt: iso(r.notice_sent_at),
    urgent: r.urgent,
    agendaTitles: r.agenda_titles ?? [],
  };
}

/**
 * Refuses a start sooner than the statute's notice days after the notice (given at convening), unless the meeting
 * is urgent (an extraordinary meeting, marked as such).
 */
function assertNotice(kindRules: MeetingKindRules, startsAt: Date, noticeGivenAt: Date, urgent: boolean): void {
  if (urgent) return;
  const earliest = noticeTooShort(startsAt, noticeGivenAt, kindRules.noticeDays);
  if (!earliest) return;
  const date = earliest.toISOString().slice(0, 16).replace('T', ' ');
  throw MeetingErrors.meeting_notice_too_short(
    { noticeDays: kindRules.noticeDays, earliestStart: earliest.toISOString() },
    `The statute asks for ${kindRules.noticeDays} days' notice of this kind of meeting: it may start on ${date} UTC at the earliest. Choose a later start, or mark the meeting urgent if it is an extraordinary meeting that cannot wait.`,
  );
}

function toParticipant(p: repo.ParticipantRow, labels?: Map<string, PersonLabel>): Participant {
  return {
    personId: p.person_id,
    name: p.name,
    person: labels?.get(p.person_id) ?? null,
    voice: p.voice,
    present: p.present,
    checkedInAt: iso(p.checked_in_at),
    leftAt: iso(p.left_at),
  };
}

/** What a meeting came to, for a module that links its own records to meetings (direction's campaigns). */
export interface MeetingOutcome {
  meetingId: string;
  organisationId: string;
  bodyId: string;
  status: 'convened' | 'open' | 'closed' | 'cancelled';
  closedAt: string | null;
  protocolStatus: 'draft' | 'approved' | 'sealed' | null;
  /** Voting participants present and entitled, and whether the statute's quorum is reached with them. */
  present: number;
  entitled: number;
  quorate: boolean;
  /** The agenda items taken up (made current at some point), in agenda order. */
  takenUp: string[];
}

/**
 * Told of a meeting's outcome inside the transaction that changes it (ADR 0027 §8): assembly owns the interface and
 * knows nothing of who listens; the composition root registers the listener after construction.
 */
export interface MeetingOutcomeListener {
  cancelledInTx(ex: Executor, meetingId: string): Promise<void>;
  closedInTx(ex: Executor, meetingId: string): Promise<void>;
  protocolApprovedInTx(ex: Executor, meetingId: string): Promise<void>;
}

/** Runs inside the convening transaction with the new meeting's and its agenda items' ids (in agenda order). */
export type ConveneLink = (ex: Executor, ids: { meetingId: string; agendaItemIds: string[] }) => Promise<void>;

export class MeetingService {
  private listener: MeetingOutcomeListener | null = null;

  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly assembly: AssemblyAccess,
    private readonly persons: PersonLabels,
    private readonly random: RandomSource = cryptoRandom,
  ) {}

  /** The one listener told of cancellations and closings (registered by the composition root). */
  useOutcomeListener(listener: MeetingOutcomeListener): void {
    this.listener = listener;
  }

  /** A meeting's outcome, read in the caller's transaction (null: no such meeting). */
  async outcomeOf(ex: Executor, meetingId: string): Promise<MeetingOutcome | null> {
    const f = await repo.outcomeFacts(ex, meetingId);
    if (!f) return null;
    const q = await this.quorumIn(ex, { id: meetingId, organisationId: f.organisation_id, kind: f.kind }, f.starts_on);
    return {
      meetingId,
      organisationId: f.organisation_id,
      bodyId: f.body_id,
      status: f.status,
      closedAt: iso(f.closed_at),
      protocolStatus: f.protocol_status,
      present: q.presentVoting,
      entitled: q.entitledVoting,
      quorate: q.reached,
      takenUp: f.taken_up ?? [],
    };
  }

  // --- convening and reading -------------------------------------------------------------------------------

  /**
   * The body's secretary convenes a meeting; the entitled participants are materialised at once. Convening gives
   * the notice: from now on every participant finds the meeting (with its agenda, place and calendar file) among
   * their own, so the start must be the statute's notice days away unless the meeting is urgent. `link` (another
   * module's record of the meeting) runs inside the convening transaction with the meeting's and items' ids.
   */
  async convene(actor: Actor, bodyId: string, input: ConveneMeetingInput, link?: ConveneLink): Promise<Meeting> {
    const body = await repo.bodyFor(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw MeetingErrors.body_not_found();
    if (!canConvene(actor, body)) throw CommonErrors.forbidden_scope();
    const rules = await this.statute.rules(body.organisation_id, input.startsAt.slice(0, 10));
    const kindRules = rules.assemblies.kinds[input.kind];
    if (!kindRules || !kindRules.bodyKinds.includes(body.kind))
      throw MeetingErrors.meeting_kind_not_allowed({
        kind: input.kind,
        bodyKind: body.kind,
        allowedBodyKinds: kindRules?.bodyKinds ?? [],
      });
    const delegates = [...new Set(input.delegateIds ?? [])];
    if (kindRules.entitled === 'delegates') {
      if (delegates.length === 0) throw MeetingErrors.meeting_delegates_required();
    } else if (delegates.length > 0) throw MeetingErrors.meeting_delegates_not_expected();
    const urgent = input.urgent ?? false;
    assertNotice(kindRules, new Date(input.startsAt), new Date(), urgent);
    await this.checkPersons(body.organisation_id, [...delegates, ...reportersOf(input.agenda)]);

    const id = uuidv7();
    const source: repo.EntitledSource =
      kindRules.entitled === 'members'
        ? { kind: 'members', organisationId: body.organisation_id, path: body.path }
        : kindRules.entitled === 'office_holders'
          ? { kind: 'office_holders', bodyId: body.id, today: today() }
          : { kind: 'delegates', organisationId: body.organisation_id, ids: delegates };
    await this.db.transaction().execute(async (trx) => {
      await repo.insertMeeting(trx, {
        id,
        organisation_id: body.organisation_id,
        body_id: body.id,
        kind: input.kind,
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt ?? null,
        place: input.place,
        hall_code: generateCode(this.random),
        notice: input.notice ?? null,
        convened_by: actor.personId,
        urgent,
      });
      const items = agendaRows(input.agenda);
      await repo.replaceAgenda(trx, id, items);
      await this.materialise(trx, id, source);
      if (link) await link(trx, { meetingId: id, agendaItemIds: items.map((i) => i.id) });
      await this.assembly.touch(trx, id, 'meeting.convened', { bodyId: body.id });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string, ex: Executor = this.db): Promise<Meeting> {
    const c = await this.assembly.context(ex, actor, id);
    assertCanViewMeeting(c);
    return this.view(ex, actor, c);
  }

  /** Meetings of a body: all for its managers, else the ones the actor takes part in. */
  async listForBody(actor: Actor, bodyId: string, q: MeetingListQuery): Promise<BodyMeetingPage> {
    const body = await repo.bodyFor(this.db, bodyId);
    if (!body || body.organisation_id !== actor.organisationId) throw MeetingErrors.body_not_found();
    const { rows, total } = await repo.listBodyMeetings(this.db, {
      bodyId,
      personId: actor.personId,
      all: manages(actor, body.path),
      when: q.when,
      limit: q.limit,
      offset: q.offset,
    });
    return {
      items: rows.map(toSummary),
      total,
      limit: q.limit,
      offset: q.offset,
      can: { convene: canConvene(actor, body) },
    };
  }

  /** The actor's meetings: where they take part or hold a role; upcoming, open, and closed lately. */
  async listMine(actor: Actor, q: MeetingListQuery): Promise<MeetingPage> {
    const { rows, total } = await repo.listMyMeetings(this.db, {
      organisationId: actor.organisationId,
      personId: actor.personId,
      when: q.when,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(toSummary), total, limit: q.limit, offset: q.offset };
  }

  /**
   * Date, place, notice and agenda, while the meeting is not yet open. A new start (or dropping urgency) must still
   * respect the statute's notice days, counted from the notice given at convening.
   */
  async update(actor: Actor, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    const before = await this.assembly.context(this.db, actor, id);
    assertCanManageMeeting(before);
    if (input.agenda) await this.checkPersons(before.organisationId, reportersOf(input.agenda));
    const checkNotice = input.startsAt !== undefined || input.urgent === false;
    // the statute is read before the transaction, on the date the meeting will have
    const kindRules = checkNotice
      ? await this.kindRules(this.db, { ...before, startsAt: new Date(input.startsAt ?? before.startsAt) })
      : undefined;
    return this.db.transaction().execute(async (trx) => {
      const c = await this.assembly.context(trx, actor, id, { lock: true });
      assertCanManageMeeting(c);
      if (c.status !== 'convened') throw MeetingErrors.meeting_already_open();
      const patch: Parameters<typeof repo.updateMeeting>[2] = {};
      if (input.title !== undefined) patch.title = input.title;
      if (input.startsAt !== undefined) patch.starts_at = input.startsAt;
      if (input.endsAt !== undefined) patch.ends_at = input.endsAt;
      if (input.place !== undefined) patch.place = input.place;
      if (input.notice !== undefined) patch.notice = input.notice;
      if (input.urgent !== undefined) patch.urgent = input.urgent;
      await repo.updateMeeting(trx, id, patch);
      const t = await repo.meetingTimes(trx, id);
      if (t.ends_at && new Date(t.ends_at) <= new Date(t.starts_at)) throw MeetingErrors.meeting_ends_before_start();
      if (kindRules) assertNotice(kindRules, new Date(t.starts_at), new Date(t.notice_sent_at ?? Date.now()), t.urgent);
      if (input.agenda) await repo.replaceAgenda(trx, id, agendaRows(input.agenda));
      await this.assembly.touch(trx, id, 'meeting.updated', {});
      return this.get(actor, id, trx);
    });
  }

  /**
   * Sends the notice again (e.g. after a change of date or place): a new event for every open page. Convening gave
   * the first notice already; its date stays, as the statute's notice days count from it.
   */
  async sendNotice(actor: Actor, id: string): Promise<Meeting> {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.assembly.context(trx, actor, id, { lock: true });
      assertCanManageMeeting(c);
      assertNotClosed(c);
      await repo.markNoticeSent(trx, id);
      await this.assembly.touch(trx, id, 'meeting.notice', { bodyId: c.bodyId });
      return this.get(actor, id, trx);
    });
  }

  /** The meeting as an iCalendar file (RFC 5545). */
  async calendar(actor: Actor, id: string): Promise<{ filename: string; ics: string }> {
    const c = await this.assembly.context(this.db, actor, id);
    assertCanViewMeeting(c);
    const m = (await repo.findMeeting(this.db, id))!;
    const agenda = await repo.agendaOf(this.db, id);
    const rules = await rulesOnMeetingDate(this.statute, c.organisationId, c.startsAt.toISOString().slice(0, 10));
    const e = calendarEvent({
      timeZone: rules.timeZone,
      id,
      title: m.title,
      startsAt: new Date(m.starts_at),
      endsAt: m.ends_at ? new Date(m.ends_at) : null,
      place: m.place,
      notice: m.notice,
      bodyName: m.body_name,
      agenda: agenda.map((a) => ({
        position: a.position,
        title: a.title,
        reporter: a.reporter_person_name ?? a.reporter_name,
      })),
    });
    const cal = icalGenerator({ prodId: { company: 'Antaeus', product: 'Antaeus', language: 'EN' } });
    cal.createEvent({
      id: e.uid,
      start: e.start,
      end: e.end,
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    return { filename: e.filename, ics: cal.toString() };
  }

  // --- attendance ------------------------------------------------------------------------------------------

  /** Participants (the desk, the body's managers, the chair and presidium). */
  async participants(actor: Actor, id: string, q: ParticipantQuery): Promise<ParticipantPage> {
    const c = await this.assembly.context(this.db, actor, id);
    if (!canRunMeeting(c)) throw AssemblyErrors.meeting_role_required();
    const terms = searchTerms(q.q);
    const { rows, total } = await repo.listParticipants(this.db, {
      meetingId: id,
      present: q.present,
      limit: q.limit,
      offset: q.offset,
      terms,
      cardHolderId: terms.length > 0 ? await this.persons.cardHolder(actor, q.q) : null,
    });
    const labels = await this.persons.labels(
      actor,
      rows.map((r) => r.person_id),
    );
    return { items: rows.map((r) => toParticipant(r, labels)), total, limit: q.limit, offset: q.offset };
  }

  /**
   * An arrival: by personal code or by name at the desk (guests admitted there), or the participant on their
   * phone with the hall code. Idempotent: someone already present stays so and nothing is written.
   */
  async checkIn(actor: Actor, id: string, input: CheckInInput): Promise<CheckInResult> {
    const { c, personId } = await this.db.transaction().execute(async (trx) => {
      // Read without the meeting's lock. The lock is taken by the first write (`touchLive`, which also sees a close
      // committed meanwhile), as late as can be: a hall's check-ins queue only for their two writes. The meeting's
      // row before the participant's, as every write on the meeting takes them: no lock cycles.
      const c = await this.assembly.context(trx, actor, id);
      assertNotClosed(c);
      let personId: string;
      let method: 'code' | 'hall_code' | 'secretariat';
      let present: boolean;
      if (input.hallCode !== undefined) {
        if (!c.participant) throw AssemblyErrors.meeting_not_participant();
        if (!canCheckInByHallCode(c)) throw AssemblyErrors.meeting_already_closed();
        const m = (await repo.findMeeting(trx, id))!;
        if (!codeCandidates(input.hallCode).includes(m.hall_code)) throw MeetingErrors.hall_code_wrong();
        personId = actor.personId;
        method = 'hall_code';
        present = c.participant.present;
      } else if (input.code !== undefined) {
        if (!canKeepDesk(c)) throw AssemblyErrors.meeting_role_required();
        const p = await repo.participantByCode(trx, id, codeCandidates(input.code));
        if (!p) throw MeetingErrors.check_in_code_unknown();
        personId = p.person_id;
        method = 'code';
        present = p.present;
      } else {
        if (!canKeepDesk(c)) throw AssemblyErrors.meeting_role_required();
        personId = input.personId!;
        method = 'secretariat';
        const p = await repo.participant(trx, id, personId);
        if (!p) {
          if (!input.asGuest) throw MeetingErrors.meeting_person_not_entitled();
          if (!(await repo.personOf(trx, c.organisationId, personId))) throw MeetingErrors.meeting_person_unknown();
          const kindRules = await this.kindRules(trx, c);
          if (!kindRules?.guestsAdmitted) throw MeetingErrors.meeting_guests_not_admitted();
          await this.assembly.touchLive(trx, id, 'meeting.attendance');
          // another desk may have admitted them while this one read: the row is held now, so look again
          const admitted = await repo.participant(trx, id, personId);
          if (admitted) {
            await repo.recordAttendance(trx, { meetingId: id, personId, kind: 'in', method, by: actor.personId });
            return { c, personId };
          }
          await this.admitGuest(trx, id, personId);
          await repo.insertAttendance(trx, { meetingId: id, personId, kind: 'in', method, by: actor.personId });
          return { c, personId };
        }
        present = p.present;
      }
      if (present) {
        // read without the lock: a departure may have committed since, so confirm under it before writing nothing
        await this.assembly.lockLive(trx, id);
        present = (await repo.participant(trx, id, personId))!.present;
      }
      // someone already present stays so and nothing is written (two desks at once: the update lets one flip it)
      if (!present) {
        await this.assembly.touchLive(trx, id, 'meeting.attendance');
        await repo.recordAttendance(trx, { meetingId: id, personId, kind: 'in', method, by: actor.personId });
      }
      return { c, personId };
    });
    // read after the commit, without holding the meeting's row
    return this.attendanceResult(this.db, c, personId);
  }

  /** A departure: the participant themselves, or the desk for someone. Idempotent like the check-in. */
  async checkOut(actor: Actor, id: string, input: CheckOutInput): Promise<CheckInResult> {
    const { c, personId } = await this.db.transaction().execute(async (trx) => {
      // as the check-in: read without the lock, which the first write takes
      const c = await this.assembly.context(trx, actor, id);
      assertNotClosed(c);
      const personId = input.personId ?? actor.personId;
      const self = personId === actor.personId;
      if (!self && !canKeepDesk(c)) throw AssemblyErrors.meeting_role_required();
      const p = await repo.participant(trx, id, personId);
      if (!p) {
        if (self) throw AssemblyErrors.meeting_not_participant();
        throw MeetingErrors.meeting_person_not_entitled();
      }
      // read without the lock: an arrival may have committed since, so confirm under it before writing nothing
      let present = p.present;
      if (!present) {
        await this.assembly.lockLive(trx, id);
        present = (await repo.participant(trx, id, personId))!.present;
      }
      if (present) {
        const method = self ? 'hall_code' : 'secretariat';
        await this.assembly.touchLive(trx, id, 'meeting.attendance');
        await repo.recordAttendance(trx, { meetingId: id, personId, kind: 'out', method, by: actor.personId });
      }
      return { c, personId };
    });
    return this.attendanceResult(this.db, c, personId);
  }

  /** The quorum now: entitled voting participants, present per voice, required by the statute. */
  async quorumOf(meetingId: string, ex: Executor = this.db): Promise<Quorum> {
    const b = await repo.meetingBasics(ex, meetingId);
    if (!b) throw AssemblyErrors.meeting_not_found();
    return this.quorumIn(ex, { id: meetingId, organisationId: b.organisation_id, kind: b.kind }, b.starts_on);
  }

  /** The quorum of a meeting whose context is known (no need to read the meeting again). */
  private async quorumIn(
    ex: Executor,
    c: Pick<MeetingContext, 'id' | 'organisationId' | 'kind'>,
    startsOn: string,
  ): Promise<Quorum> {
    const rules = await rulesOnMeetingDate(this.statute, c.organisationId, startsOn, ex);
    const fraction = rules.assemblies.kinds[c.kind as MeetingKind]?.quorumMoreThan ?? 0.5;
    const n = await repo.attendanceCounts(ex, c.id);
    return computeQuorum(
      {
        entitledVoting: Number(n.entitled_voting),
        presentVoting: Number(n.present_voting),
        presentConsultative: Number(n.present_consultative),
        presentGuests: Number(n.present_guests),
      },
      fraction,
    );
  }

  // --- roles and the chair's moves -------------------------------------------------------------------------

  /** Replaces the meeting's roles (the body's managers or the chair). */
  async setRoles(actor: Actor, id: string, input: SetRolesInput): Promise<Meeting> {
    const seen = new Map<string, SetRolesInput['roles'][number]>();
    for (const r of input.roles) seen.set(`${r.personId}:${r.role}`, r);
    const roles = [...seen.values()];
    if (roles.filter((r) => r.role === 'chair').length > 1) throw MeetingErrors.meeting_one_chair();
    return this.db.transaction().execute(async (trx) => {
      const c = await this.assembly.context(trx, actor, id, { lock: true });
      if (!canMoveSession(c)) throw AssemblyErrors.meeting_role_required();
      assertNotClosed(c);
      const persons = [...new Set(roles.map((r) => r.personId))];
      if ((await repo.countPersonsOf(trx, c.organisationId, persons)) !== persons.length)
        throw MeetingErrors.meeting_person_unknown();
      const inMeeting = await repo.participantIds(
        trx,
        id,
        roles.filter((r) => !STAFF_ROLES.has(r.role)).map((r) => r.personId),
      );
      const outsiders = roles.filter((r) => !STAFF_ROLES.has(r.role) && !inMeeting.has(r.personId));
      if (outsiders.length > 0)
        throw MeetingErrors.meeting_role_needs_participant({
          personIds: [...new Set(outsiders.map((r) => r.personId))],
        });
      await repo.replaceRoles(trx, id, roles);
      await this.assembly.touch(trx, id, 'meeting.roles', {});
      return this.get(actor, id, trx);
    });
  }

  /** The meeting opens with its chair named (the protocol says who presided); its first item is taken up. */
  open(actor: Actor, id: string, input: ChairMoveInput): Promise<Meeting> {
    return this.move(actor, id, input.revision, 'meeting.status', async (trx, c) => {
      if (c.status !== 'convened') throw statusError(c);
      if (!(await repo.hasChair(trx, id))) throw MeetingErrors.chair_required();
      await repo.setStatus(trx, id, 'open');
      const first = await repo.firstPendingItem(trx, id);
      if (first) await repo.makeCurrent(trx, id, first.id);
    });
  }

  /** The current item is done; the next pending one is taken up (none left: no current item). */
  advance(actor: Actor, id: string, input: ChairMoveInput): Promise<Meeting> {
    return this.move(actor, id, input.revision, 'meeting.agenda', async (trx, c) => {
      assertOpen(c);
      await repo.finishCurrentItem(trx, id);
      const next = await repo.firstPendingItem(trx, id);
      if (next) await repo.makeCurrent(trx, id, next.id);
    });
  }

  /** The chair takes up a given item (the one under way, if another, is done). */
  setCurrent(actor: Actor, id: string, input: SetCurrentItemInput): Promise<Meeting> {
    return this.move(actor, id, input.revision, 'meeting.agenda', async (trx, c) => {
      assertOpen(c);
      if (!(await repo.itemOf(trx, id, input.itemId))) throw AssemblyErrors.agenda_item_not_found();
      if (c.currentItemId === input.itemId) return;
      await repo.finishCurrentItem(trx, id);
      await repo.makeCurrent(trx, id, input.itemId);
    });
  }

  /** The meeting closes: the item under way is done, the floor ends, waiting requests are withdrawn. */
  close(actor: Actor, id: string, input: ChairMoveInput): Promise<Meeting> {
    return this.move(actor, id, input.revision, 'meeting.status', async (trx, c) => {
      if (c.status !== 'open') throw statusError(c);
      // the meeting row is locked: no vote can be announced meanwhile (announcing takes the same lock)
      if (await repo.hasRunningVote(trx, id)) throw MeetingErrors.meeting_vote_running();
      await repo.finishCurrentItem(trx, id);
      await repo.closeFloor(trx, id);
      await repo.setStatus(trx, id, 'closed');
      await this.listener?.closedInTx(trx, id);
    });
  }

  /** A meeting not yet open is called off (the body's managers). */
  cancel(actor: Actor, id: string, input: ChairMoveInput): Promise<Meeting> {
    return this.move(actor, id, input.revision, 'meeting.status', async (trx, c) => {
      assertCanManageMeeting(c);
      if (c.status !== 'convened') throw statusError(c);
      await repo.setStatus(trx, id, 'cancelled');
      await this.listener?.cancelledInTx(trx, id);
    });
  }

  // --- internals -------------------------------------------------------------------------------------------

  private move(
    actor: Actor,
    id: string,
    revision: number,
    topic: string,
    apply: (trx: Executor, c: MeetingContext) => Promise<void>,
  ): Promise<Meeting> {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.assembly.context(trx, actor, id, { lock: true });
      if (!canMoveSession(c)) throw AssemblyErrors.meeting_role_required();
      if (c.revision !== revision) throw AssemblyErrors.meeting_conflict({ revision: c.revision });
      await apply(trx, c);
      await this.assembly.touch(trx, id, topic, {});
      return this.get(actor, id, trx);
    });
  }

  private async view(ex: Executor, actor: Actor, c: MeetingContext): Promise<Meeting> {
    const [m, agenda, roles, quorum] = [
      (await repo.findMeeting(ex, c.id))!,
      await repo.agendaOf(ex, c.id),
      await repo.rolesOfMeeting(ex, c.id),
      await this.quorumIn(ex, c, c.startsAt.toISOString().slice(0, 10)),
    ];
    const labels = await this.persons.labels(
      actor,
      roles.map((r) => r.person_id),
      ex,
    );
    return {
      ...toSummary(m),
      notice: m.notice,
      openedAt: iso(m.opened_at),
      closedAt: iso(m.closed_at),
      agenda: agenda.map((a) => ({
        id: a.id,
        position: a.position,
        title: a.title,
        reporterPersonId: a.reporter_person_id,
        reporterName: a.reporter_name ?? a.reporter_person_name,
        // a name typed in is shown as typed; a member chosen is named in the reader's language
        reporterNameRu: a.reporter_name ? null : a.reporter_person_name_ru,
        documents: parseDocuments(a.documents),
        status: a.status,
        startedAt: iso(a.started_at),
        endedAt: iso(a.ended_at),
      })),
      roles: roles.map((r) => ({
        personId: r.person_id,
        name: r.name,
        person: labels.get(r.person_id) ?? null,
        role: r.role,
        how: r.how,
      })),
      quorum,
      me: {
        convener: c.manager,
        chair: c.roles.has('chair'),
        presidium: c.roles.has('presidium'),
        secretary: c.roles.has('secretary'),
        stenographer: c.roles.has('stenographer'),
        secretariat: c.roles.has('secretariat'),
        teller: c.roles.has('teller'),
        credentials: c.roles.has('credentials'),
        voice: c.participant?.voice ?? null,
        present: c.participant?.present ?? false,
        code: c.participant?.code ?? null,
      },
      can: meetingCan(c, m.protocol_status),
      revision: m.revision,
      hallCode: canRunMeeting(c) ? m.hall_code : null,
    };
  }

  private async attendanceResult(trx: Executor, c: MeetingContext, personId: string): Promise<CheckInResult> {
    const p = (await repo.participant(trx, c.id, personId))!;
    return {
      participant: toParticipant(p),
      quorum: await this.quorumIn(trx, c, c.startsAt.toISOString().slice(0, 10)),
    };
  }

  private async kindRules(ex: Executor, c: MeetingContext): Promise<MeetingKindRules | undefined> {
    const rules = await rulesOnMeetingDate(this.statute, c.organisationId, c.startsAt.toISOString().slice(0, 10), ex);
    return rules.assemblies.kinds[c.kind as MeetingKind];
  }

  /** Inserts the entitled participants with unique codes; a code taken twice is retried with a fresh one. */
  private async materialise(trx: Executor, meetingId: string, source: repo.EntitledSource): Promise<void> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const missing = await repo.countMissingEntitled(trx, meetingId, source);
      if (missing === 0) return;
      await repo.insertEntitled(trx, meetingId, source, generateCodes(missing, this.random));
    }
    throw MeetingErrors.meeting_code_collision();
  }

  private async admitGuest(trx: Executor, meetingId: string, personId: string): Promise<void> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++)
      if (await repo.insertGuest(trx, meetingId, personId, generateCode(this.random))) return;
    throw MeetingErrors.meeting_code_collision();
  }

  private async checkPersons(organisationId: string, ids: string[]): Promise<void> {
    const distinct = [...new Set(ids)];
    if ((await repo.countPersonsOf(this.db, organisationId, distinct)) !== distinct.length)
      throw MeetingErrors.meeting_person_unknown();
  }
}

function statusError(c: MeetingContext) {
  if (c.status === 'closed' || c.status === 'cancelled') return AssemblyErrors.meeting_already_closed();
  if (c.status === 'open') return MeetingErrors.meeting_already_open();
  return AssemblyErrors.meeting_not_open();
}

function reportersOf(agenda: AgendaItemInput[]): string[] {
  return agenda.map((a) => a.reporterPersonId).filter((x): x is string => !!x);
}

function agendaRows(agenda: AgendaItemInput[]): repo.AgendaRowInput[] {
  return agenda.map((a, i) => ({
    id: uuidv7(),
    position: i + 1,
    title: a.title,
    reporter_person_id: a.reporterPersonId ?? null,
    reporter_name: a.reporterName ?? null,
    documents: a.documents ?? [],
  }));
}

function parseDocuments(v: unknown): AgendaDocument[] {
  const arr = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(arr) ? (arr as AgendaDocument[]) : [];
}
