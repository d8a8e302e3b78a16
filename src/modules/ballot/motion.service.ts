// Motions (draft resolutions) and their amendments. A present voting participant moves a motion on an agenda item
// of an open meeting (or the chair or presidium moves one in the name of a body: a draft resolution of the
// bureau); it needs the statute's number of supporters (`decisions.motionSupporters`, present voting participants
// other than the proposer) before the chair may put it. Amendments name words of the motion's current text and
// the words to put in their place; they are supported like motions and voted in the order moved, all before the
// motion itself. An adopted amendment changes the motion's current text (its final text once the motion is
// adopted); a later undecided amendment whose words no longer occur exactly once lapses. After the vote a voting
// participant may record a minority opinion, printed in the protocol. MotionService is the vote engine's subject
// for motions (VoteSubject). Every write locks the meeting and marks it changed (`meeting.motion`).
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { iso } from '../../platform/instant.js';
import type {
  MinorityOpinionInput,
  Motion,
  MotionList,
  ProposeAmendmentInput,
  ProposeMotionInput,
  VoteResult,
} from '../../contracts/ballot.js';
import {
  ProposeAmendmentInput as AmendmentSchema,
  ProposeMotionInput as MotionSchema,
} from '../../contracts/ballot.js';
import {
  assertCanViewMeeting,
  assertOpen,
  assertPresent,
  AssemblyErrors,
  canChair,
  canProposeMotion,
  rulesOnMeetingDate,
  type AssemblyAccess,
  type MeetingContext,
} from '../assembly/assembly.service.js';
import { MotionErrors } from './motion.errors.js';
import {
  canAmendMotion,
  canRecordMinorityOpinion,
  canSupportMotion,
  canWithdrawMotion,
  motionCan,
  type MotionFacts,
} from './motion.policy.js';
import { amendmentProblem, applyAmendment, applicable, locate } from './rules/amend.js';
import type { SubjectInfo, VoteRef, VoteSubject } from './vote-subject.js';
import * as repo from './motion.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** Amendments that hold up a vote on their motion or on a later amendment: those supported, or being voted on.
 * One nobody supported does not (its proposer could otherwise block the motion); it lapses when the motion is put. */
const PENDING: readonly string[] = ['supported', 'voting'];

function assertVotingPresent(c: MeetingContext): void {
  assertPresent(c);
  if (c.participant?.voice !== 'voting') throw MotionErrors.motion_voice_required();
}

function wordsProblem(text: string, replaces: string, newText: string): void {
  const p = amendmentProblem(text, { replaces, text: newText });
  if (!p) return;
  if (p.kind === 'empty') throw MotionErrors.amendment_empty();
  if (p.kind === 'no_change') throw MotionErrors.amendment_no_change();
  if (p.kind === 'not_found')
    throw MotionErrors.amendment_words_not_found(
      { replaces },
      `The words “${excerpt(replaces)}” do not occur in the motion’s current text. Quote them exactly as they stand.`,
    );
  throw MotionErrors.amendment_words_ambiguous(
    { replaces, occurrences: p.occurrences },
    `The words “${excerpt(replaces)}” occur ${p.occurrences} times in the motion’s current text; quote more of the passage so it is found exactly once.`,
  );
}

/** The motion as the policy reads it (`over`: what the write knows beyond the row). */
function factsOf(m: repo.MotionRow, over: Partial<MotionFacts> = {}): MotionFacts {
  return {
    amendsId: m.amends_id,
    status: m.status,
    proposedBy: m.proposed_by,
    supported: false,
    amendmentVoting: false,
    hasOpinion: false,
    ...over,
  };
}

/** The policy the flag says, after a write's specific refusals (so that the two never part). */
function allow(ok: boolean): void {
  if (!ok) throw AssemblyErrors.meeting_role_required();
}

function excerpt(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export class MotionService implements VoteSubject {
  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
    private readonly statute: StatuteSource,
  ) {}

  /** The statute's number of supporters a motion needs; `ex`: the caller's transaction, if it runs in one. */
  private async supportersNeeded(c: MeetingContext, ex: Executor = this.db): Promise<number> {
    const rules = await rulesOnMeetingDate(this.statute, c.organisationId, c.startsAt.toISOString().slice(0, 10), ex);
    return rules.decisions.motionSupporters;
  }

  // --- reads ---------------------------------------------------------------------------------------------------

  /**
   * What another module needs to act on a motion's adoption (direction's directives, ADR 0027): whether it is an
   * adopted main motion, the body whose meeting adopted it, its final text and when. Reads through `ex`.
   */
  async adoptedFacts(
    ex: Executor,
    motionId: string,
  ): Promise<{
    adopted: boolean;
    bodyId: string;
    organisationId: string;
    text: string | null;
    decidedAt: Date | null;
  } | null> {
    const m = await repo.motionFacts(ex, motionId);
    if (!m) return null;
    return {
      adopted: m.status === 'adopted' && m.amends_id === null,
      bodyId: m.body_id,
      organisationId: m.organisation_id,
      text: m.current_text,
      decidedAt: m.decided_at,
    };
  }

  /**
   * Main motions adopted in meetings of the given bodies, the latest decided first, at most `limit` (what direction
   * offers as the decision a directive rests on). The caller checks who may read them.
   */
  async adoptedOfBodies(
    organisationId: string,
    bodyIds: string[],
    limit: number,
    ex: Executor = this.db,
  ): Promise<
    {
      id: string;
      title: string;
      text: string;
      decidedAt: Date | null;
      meetingId: string;
      meetingTitle: string;
      meetingKind: string;
      meetingStartsAt: Date;
      bodyId: string;
    }[]
  > {
    const rows = await repo.adoptedOfBodies(ex, organisationId, bodyIds, limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      text: r.current_text ?? r.text,
      decidedAt: r.decided_at,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingKind: r.meeting_kind,
      meetingStartsAt: r.starts_at,
      bodyId: r.body_id,
    }));
  }

  /** GET /api/meetings/{id}/motions: motions and amendments in the order moved, with supporters and opinions. */
  async list(actor: Actor, meetingId: string): Promise<MotionList> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanViewMeeting(c);
    const needed = await this.supportersNeeded(c);
    const items = await this.view(this.db, await repo.motionsOfMeeting(this.db, meetingId), needed, c, actor);
    return { items, can: { propose: canProposeMotion(c) } };
  }

  /** One motion as the API shows it. */
  async get(actor: Actor, motionId: string): Promise<Motion> {
    const row = await repo.motion(this.db, motionId);
    if (!row) throw MotionErrors.motion_not_found();
    const c = await this.access.context(this.db, actor, row.meeting_id);
    assertCanViewMeeting(c);
    return this.one(this.db, row.id, await this.supportersNeeded(c), c, actor);
  }

  private async one(ex: Executor, id: string, needed: number, c: MeetingContext, actor: Actor): Promise<Motion> {
    const row = await repo.motion(ex, id);
    if (!row) throw MotionErrors.motion_not_found();
    return (await this.view(ex, [row], needed, c, actor))[0]!;
  }

  /** The motions as `actor` (in the meeting as `c`) reads them, with what they may do with each (`Motion.can`). */
  private async view(
    ex: Executor,
    rows: repo.MotionRow[],
    needed: number,
    c: MeetingContext,
    actor: Actor,
  ): Promise<Motion[]> {
    const ids = rows.map((r) => r.id);
    const [supporters, opinions, votes, amendmentVoting, protocol] = await Promise.all([
      repo.supportersOf(ex, ids),
      repo.minorityOpinionsOf(ex, ids),
      repo.votesOf(ex, ids),
      repo.withAmendmentVoting(ex, ids),
      repo.protocolStatus(ex, c.id),
    ]);
    return rows.map((r) => {
      const sup = supporters
        .filter((s) => s.motion_id === r.id)
        .map((s) => ({ personId: s.person_id, name: s.name, nameRu: s.name_ru }));
      const last = votes.filter((v) => v.motion_id === r.id).at(-1);
      const mine = opinions.some((o) => o.motion_id === r.id && o.person_id === actor.personId);
      const facts: MotionFacts = {
        amendsId: r.amends_id,
        status: r.status,
        proposedBy: r.proposed_by,
        supported: sup.some((x) => x.personId === actor.personId),
        amendmentVoting: amendmentVoting.has(r.id),
        hasOpinion: mine,
      };
      return {
        id: r.id,
        meetingId: r.meeting_id,
        agendaItemId: r.agenda_item_id,
        amendsId: r.amends_id,
        seq: r.seq,
        title: r.title,
        text: r.text,
        replaces: r.replaces,
        currentText: r.current_text,
        proposedBy: r.proposed_by,
        proposerLabel: r.proposer_label,
        supporters: sup,
        supportNeeded: r.status === 'proposed' ? Math.max(0, needed - sup.length) : 0,
        status: r.status,
        questionKind: r.question_kind,
        voteId: last?.id ?? null,
        minorityOpinions: opinions
          .filter((o) => o.motion_id === r.id)
          .map((o) => ({
            id: o.id,
            personId: o.person_id,
            name: o.name,
            nameRu: o.name_ru,
            text: o.text,
            createdAt: iso(o.created_at)!,
          })),
        createdAt: iso(r.created_at)!,
        decidedAt: iso(r.decided_at),
        can: motionCan(c, actor.personId, facts, protocol),
      };
    });
  }

  // --- writes --------------------------------------------------------------------------------------------------

  /** Who moves it: a present voting participant in their own name, or the chair/presidium in a body's name. */
  private async proposer(
    ex: Executor,
    c: MeetingContext,
    actor: Actor,
    label: string | undefined,
  ): Promise<{ proposed_by: string; proposer_label: string }> {
    if (label) {
      if (!canChair(c)) throw MotionErrors.motion_label_needs_chair();
      return { proposed_by: actor.personId, proposer_label: label };
    }
    assertVotingPresent(c);
    return {
      proposed_by: actor.personId,
      proposer_label: (await repo.nameOf(ex, actor.personId)) ?? actor.displayName,
    };
  }

  /** POST /api/meetings/{id}/motions. */
  async propose(actor: Actor, meetingId: string, input: ProposeMotionInput): Promise<Motion> {
    const p = MotionSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const c = await this.access.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(c);
      assertOpen(c);
      if (!(await repo.agendaItemInMeeting(trx, meetingId, p.agendaItemId))) throw MotionErrors.motion_item_not_found();
      const who = await this.proposer(trx, c, actor, p.proposerLabel || undefined);
      if (!p.proposerLabel) allow(canProposeMotion(c));
      const needed = await this.supportersNeeded(c, trx);
      const id = uuidv7();
      const seq = await repo.nextSeq(trx, meetingId);
      await repo.insertMotion(trx, {
        id,
        meeting_id: meetingId,
        agenda_item_id: p.agendaItemId,
        amends_id: null,
        seq,
        title: p.title.trim(),
        text: p.text,
        replaces: null,
        current_text: p.text,
        question_kind: p.questionKind,
        ...who,
        status: needed === 0 ? 'supported' : 'proposed',
      });
      await this.access.touch(trx, meetingId, 'meeting.motion', { motionId: id, action: 'proposed' });
      return this.one(trx, id, needed, c, actor);
    });
  }

  /** The motion (locked) and its meeting's context (locked first), for a write on it. */
  private async forWrite(trx: Executor, actor: Actor, motionId: string) {
    const first = await repo.motion(trx, motionId);
    if (!first) throw MotionErrors.motion_not_found();
    const c = await this.access.context(trx, actor, first.meeting_id, { lock: true });
    assertCanViewMeeting(c);
    const m = (await repo.motion(trx, motionId, true))!;
    return { c, m };
  }

  /** POST /api/motions/{id}/amendments: an amendment to a motion still before the meeting. */
  async amend(actor: Actor, motionId: string, input: ProposeAmendmentInput): Promise<Motion> {
    const a = AmendmentSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const { c, m } = await this.forWrite(trx, actor, motionId);
      assertOpen(c);
      if (m.amends_id !== null) throw MotionErrors.motion_amend_amendment();
      if (m.status !== 'proposed' && m.status !== 'supported') throw MotionErrors.motion_not_amendable();
      wordsProblem(m.current_text ?? m.text, a.replaces, a.text);
      const who = await this.proposer(trx, c, actor, undefined);
      allow(canAmendMotion(c, factsOf(m)));
      const needed = await this.supportersNeeded(c, trx);
      const id = uuidv7();
      const seq = await repo.nextSeq(trx, c.id);
      await repo.insertMotion(trx, {
        id,
        meeting_id: c.id,
        agenda_item_id: m.agenda_item_id,
        amends_id: m.id,
        seq,
        title: a.title || `Amendment ${seq} to motion ${m.seq}`,
        text: a.text,
        replaces: a.replaces,
        current_text: null,
        question_kind: 'amendment',
        ...who,
        status: needed === 0 ? 'supported' : 'proposed',
      });
      await this.access.touch(trx, c.id, 'meeting.motion', { motionId: id, amends: m.id, action: 'proposed' });
      return this.one(trx, id, needed, c, actor);
    });
  }

  /** POST /api/motions/{id}/support: a present voting participant other than the proposer seconds it. */
  async support(actor: Actor, motionId: string): Promise<Motion> {
    return this.db.transaction().execute(async (trx) => {
      const { c, m } = await this.forWrite(trx, actor, motionId);
      assertOpen(c);
      assertVotingPresent(c);
      if (m.status !== 'proposed' && m.status !== 'supported') throw MotionErrors.motion_not_open_for_support();
      if (m.proposed_by === actor.personId) throw MotionErrors.motion_own_support();
      allow(canSupportMotion(c, actor.personId, factsOf(m))); // a second support: the insert below refuses it
      if (!(await repo.addSupporter(trx, m.id, actor.personId))) throw MotionErrors.motion_already_supported();
      const needed = await this.supportersNeeded(c, trx);
      if (m.status === 'proposed' && (await repo.supporterCount(trx, m.id)) >= needed)
        await repo.setStatus(trx, [m.id], 'supported', false);
      await this.access.touch(trx, c.id, 'meeting.motion', { motionId: m.id, action: 'supported' });
      return this.one(trx, m.id, needed, c, actor);
    });
  }

  /** POST /api/motions/{id}/withdraw: the proposer withdraws it before the vote; its open amendments lapse. */
  async withdraw(actor: Actor, motionId: string): Promise<Motion> {
    return this.db.transaction().execute(async (trx) => {
      const { c, m } = await this.forWrite(trx, actor, motionId);
      assertOpen(c);
      if (m.proposed_by !== actor.personId) throw MotionErrors.motion_withdraw_not_proposer();
      if (m.status !== 'proposed' && m.status !== 'supported') throw MotionErrors.motion_not_withdrawable();
      const amendments = m.amends_id === null ? await repo.amendmentsOf(trx, m.id, true) : [];
      if (amendments.some((x) => x.status === 'voting')) throw MotionErrors.motion_not_withdrawable();
      allow(canWithdrawMotion(c, actor.personId, factsOf(m)));
      await repo.setStatus(trx, [m.id], 'withdrawn', true);
      await repo.setStatus(
        trx,
        amendments.filter((x) => x.status === 'proposed' || x.status === 'supported').map((x) => x.id),
        'lapsed',
        true,
      );
      await this.access.touch(trx, c.id, 'meeting.motion', { motionId: m.id, action: 'withdrawn' });
      return this.one(trx, m.id, await this.supportersNeeded(c, trx), c, actor);
    });
  }

  /**
   * POST /api/motions/{id}/minority-opinions: after the vote closed, a voting participant records their dissent,
   * once per motion; possible until the protocol is approved.
   */
  async minorityOpinion(actor: Actor, motionId: string, input: MinorityOpinionInput): Promise<Motion> {
    return this.db.transaction().execute(async (trx) => {
      const { c, m } = await this.forWrite(trx, actor, motionId);
      if (c.participant?.voice !== 'voting') throw MotionErrors.minority_opinion_not_participant();
      if (m.status !== 'adopted' && m.status !== 'rejected') throw MotionErrors.minority_opinion_too_early();
      const protocol = c.status === 'open' ? null : await repo.protocolStatus(trx, c.id);
      if (c.status !== 'open' && (c.status !== 'closed' || (protocol !== null && protocol !== 'draft')))
        throw MotionErrors.minority_opinion_protocol_closed();
      const hasOpinion = await repo.hasMinorityOpinion(trx, m.id, actor.personId);
      if (hasOpinion) throw MotionErrors.minority_opinion_exists();
      allow(canRecordMinorityOpinion(c, factsOf(m, { hasOpinion }), protocol));
      await repo.insertMinorityOpinion(trx, {
        id: uuidv7(),
        motion_id: m.id,
        person_id: actor.personId,
        text: input.text.trim(),
      });
      await this.access.touch(trx, c.id, 'meeting.motion', { motionId: m.id, action: 'minority_opinion' });
      return this.one(trx, m.id, await this.supportersNeeded(c, trx), c, actor);
    });
  }

  // --- the vote engine's subject -----------------------------------------------------------------------------

  /** At announce: the motion (or amendment) is supported, in order, and its words still apply; marks it voting. */
  async prepareInTx(
    ex: Executor,
    ctx: MeetingContext,
    subjectId: string,
    _actorPersonId: string | null,
  ): Promise<SubjectInfo> {
    const m = await repo.motion(ex, subjectId, true);
    if (!m || m.meeting_id !== ctx.id) throw MotionErrors.motion_not_found();
    if (m.status === 'proposed') throw MotionErrors.motion_not_supported();
    if (m.status !== 'supported') throw MotionErrors.motion_not_votable({ status: m.status });
    if (m.amends_id === null) {
      const amendments = await repo.amendmentsOf(ex, m.id);
      const pending = amendments.filter((a) => PENDING.includes(a.status));
      if (pending.length)
        throw MotionErrors.motion_amendments_pending(
          { amendments: pending.map((a) => a.seq) },
          `Motion ${m.seq} cannot be put to the vote while ${pending.length === 1 ? 'amendment' : 'amendments'} ${pending.map((a) => a.seq).join(', ')} to it ${pending.length === 1 ? 'is' : 'are'} undecided: vote on ${pending.length === 1 ? 'it' : 'them'} first, in order.`,
        );
      const unsupported = amendments.filter((a) => a.status === 'proposed').map((a) => a.id);
      await repo.setStatus(ex, unsupported, 'lapsed', true);
    } else {
      const parent = (await repo.motion(ex, m.amends_id, true))!;
      if (parent.status !== 'proposed' && parent.status !== 'supported') throw MotionErrors.amendment_motion_decided();
      const earlier = (await repo.amendmentsOf(ex, parent.id)).filter(
        (a) => a.seq < m.seq && PENDING.includes(a.status),
      );
      if (earlier.length)
        throw MotionErrors.amendment_out_of_order(
          { amendments: earlier.map((a) => a.seq) },
          `Amendments are voted in the order they were moved: amendment ${earlier[0]!.seq} to motion ${parent.seq} comes first.`,
        );
      wordsProblem(parent.current_text ?? parent.text, m.replaces ?? '', m.text);
    }
    await repo.setStatus(ex, [m.id], 'voting', false);
    await this.access.touch(ex, ctx.id, 'meeting.motion', { motionId: m.id, action: 'voting' });
    return {
      title: m.amends_id === null ? `Motion ${m.seq}: ${m.title}` : m.title,
      agendaItemId: m.agenda_item_id,
      questionKind: m.question_kind,
      election: null,
    };
  }

  /** At close: adopted or rejected; an adopted amendment changes the motion's text and may lapse later ones. */
  async closedInTx(ex: Executor, vote: VoteRef, result: VoteResult, _actorPersonId: string | null): Promise<void> {
    if (!vote.motionId) return;
    const m = await repo.motion(ex, vote.motionId, true);
    if (!m || m.status !== 'voting') throw MotionErrors.motion_not_voting();
    const carried = result.carried === true;
    if (!carried || m.amends_id === null) {
      await repo.setStatus(ex, [m.id], carried ? 'adopted' : 'rejected', true);
    } else {
      const parent = (await repo.motion(ex, m.amends_id, true))!;
      const base = parent.current_text ?? parent.text;
      const replaces = m.replaces ?? '';
      if (!applicable(base, replaces)) {
        await repo.setStatus(ex, [m.id], 'lapsed', true);
      } else {
        const next = applyAmendment(base, { replaces, text: m.text });
        await repo.setCurrentText(ex, parent.id, next);
        await repo.setStatus(ex, [m.id], 'adopted', true);
        const lapsed = (await repo.amendmentsOf(ex, parent.id, true)).filter(
          (a) =>
            a.id !== m.id &&
            (a.status === 'proposed' || a.status === 'supported') &&
            locate(next, a.replaces ?? '').kind !== 'at' &&
            (a.replaces ?? '') !== '',
        );
        await repo.setStatus(
          ex,
          lapsed.map((a) => a.id),
          'lapsed',
          true,
        );
      }
    }
    await this.access.touch(ex, vote.meetingId, 'meeting.motion', { motionId: m.id, action: 'decided' });
  }

  /** At cancel: back to supported, to be put again. */
  async cancelledInTx(ex: Executor, vote: VoteRef): Promise<void> {
    if (!vote.motionId) return;
    const m = await repo.motion(ex, vote.motionId, true);
    if (!m || m.status !== 'voting') return;
    await repo.setStatus(ex, [m.id], 'supported', false);
    await this.access.touch(ex, vote.meetingId, 'meeting.motion', { motionId: m.id, action: 'cancelled' });
  }
}
