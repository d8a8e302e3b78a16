// The protocol of a meeting: generated from the record (attendance and quorum, presidium, agenda, speakers,
// decisions, question notes), edited by the secretary as a draft, approved once the meeting has closed (the
// transcript then refuses corrections), and sealed into the hash chain together with the transcript, the notes
// and every part of the record the protocol reports — attendance and quorum, roles, motions and amendments,
// votes and their ballots, elections, minority opinions, decisions (ADR 0010, payload version 2). A sealed
// protocol refuses every change here and in the database. PDFs of protocol and transcript. Every write marks the
// meeting changed (`meeting.protocol`) in its own transaction.
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { iso } from '../../platform/instant.js';
import type {
  EditProtocolInput,
  GenerateProtocolInput,
  MeetingKind,
  Protocol,
  ProtocolStatus,
  ProtocolStepInput,
  VerifyReport,
} from '../../contracts/assembly.js';
import type { MeetingDecisions } from '../../contracts/protocol-decisions.js';
import { DEFAULT_TIME_ZONE } from '../../contracts/time-zone.js';
import type { SealService, SealSource } from '../records/seal.service.js';
import { describeChanges, sortParts, type SealedPart } from '../records/rules/seal.js';
import { rulesOnMeetingDate, type AssemblyAccess } from './assembly.service.js';
import {
  assertCanKeepProtocol,
  assertCanViewMeeting,
  canApproveProtocol,
  canEditProtocol,
  canGenerateProtocol,
  canSealProtocol,
  protocolCan,
  type MeetingContext,
} from './assembly.policy.js';
import { AssemblyErrors } from './assembly.errors.js';
import { ProtocolErrors } from './protocol.errors.js';
import { assertCanVerifySeals } from './protocol.policy.js';
import { quorumOf } from './rules/quorum.js';
import {
  localParts,
  protocolText,
  type Name,
  type ProtocolDecision,
  type ProtocolLang,
  type ProtocolSnapshot,
} from './rules/protocol-text.js';
import { renderProtocolPdf, renderTranscriptPdf } from './protocol.pdf.js';
import * as repo from './protocol.repository.js';
import type { MeetingOutcomeListener } from './meeting.service.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** What the meeting decided by vote (the ballot module's DecisionsService), read in the generating transaction. */
export interface DecisionsSource {
  decisions(ex: Executor, meetingId: string): Promise<MeetingDecisions>;
  /** The parts of the record the ballot module keeps, as a seal covers them (motions, votes, ballots, elections). */
  sealedParts(ex: Executor, meetingId: string): Promise<SealedPart[]>;
}

/**
 * The payload version of a protocol's seal. 1 (no `version` field): meeting, protocol text, transcript, notes,
 * approval. 2: also `parts`, every record the protocol reports (attendance, quorum, roles, motions, amendments,
 * minority opinions, votes, ballots, elections, decisions). `verify` rebuilds a record in its own version.
 */
export const PROTOCOL_SEAL_VERSION = 2;

/** What `seal` writes into the chain for a protocol (and `verify` rebuilds from the live tables). */
export interface SealedProtocolContent {
  version?: number;
  meetingId: string;
  title: string;
  body: string;
  transcript: { seq: number; label: string; kind: string; text: string }[];
  notes: { text: string; answer: string | null; status: string }[];
  approvedAt: string | null;
  approvedBy: string | null;
  parts?: SealedPart[];
}

export const PROTOCOL_SEAL_KIND = 'meeting.protocol';
/**
 * The zone of the date in a sealed protocol's label in the chain (labels of records already sealed must not change).
 * The protocol itself, the transcript and the calendar file print times in the organisation's zone (its statute's).
 */
export const PROTOCOL_TIME_ZONE = DEFAULT_TIME_ZONE;
const SEAL_ATTEMPTS = 5;

const nm = (en: string, ru: string | null): Name => ({ en: en.trim(), ru });

function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === '40001' || code === '40P01';
}

export class ProtocolService {
  private listener: Pick<MeetingOutcomeListener, 'protocolApprovedInTx'> | null = null;

  constructor(
    private readonly db: Database,
    private readonly assembly: AssemblyAccess,
    private readonly seals: SealService,
    private readonly statute: StatuteSource,
    private readonly decisionsSource: DecisionsSource | null = null,
  ) {
    const source: SealSource = {
      live: (ex, subjectId, seq, sealed) => this.liveSealed(ex, subjectId, seq, sealed),
      claimed: async (ex) =>
        (await repo.sealedProtocols(ex)).map((r) => ({
          seq: r.sealed_record_seq ?? 0,
          subjectId: r.meeting_id,
          label: sealLabel(r.title, r.starts_at),
        })),
    };
    source.differences = describeChanges;
    seals.registerSource(PROTOCOL_SEAL_KIND, source);
  }

  /** The one listener told of approvals (registered by the composition root). */
  useOutcomeListener(listener: Pick<MeetingOutcomeListener, 'protocolApprovedInTx'>): void {
    this.listener = listener;
  }

  /** The protocol (viewers of the meeting). */
  async get(actor: Actor | null, meetingId: string): Promise<Protocol> {
    const c = await this.assembly.context(this.db, actor, meetingId);
    if (actor) assertCanViewMeeting(c);
    return this.view(this.db, meetingId, as(actor, c));
  }

  /** Generates the draft from the record, or regenerates it (only while a draft: edits are replaced). */
  async generate(actor: Actor | null, meetingId: string, input: GenerateProtocolInput): Promise<Protocol> {
    const { quorumMoreThan, timeZone } = await this.statuteOf(actor, meetingId);
    return this.db.transaction().execute(async (trx) => {
      const c = await this.assembly.context(trx, actor, meetingId, { lock: true });
      if (actor) assertCanKeepProtocol(c);
      if (c.status !== 'open' && c.status !== 'closed') throw ProtocolErrors.protocol_no_record();
      const existing = await repo.protocol(trx, meetingId, true);
      if (existing) refuseUnlessDraft(existing.status);
      allow(canGenerateProtocol(as(actor, c), (existing?.status as ProtocolStatus | undefined) ?? null));
      const body = protocolText(await this.snapshot(trx, meetingId, quorumMoreThan, timeZone), input.lang);
      if (existing) await repo.regenerateDraft(trx, { meetingId, lang: input.lang, body });
      else await repo.insertDraft(trx, { meetingId, lang: input.lang, body });
      await this.assembly.touch(trx, meetingId, 'meeting.protocol', { status: 'draft' });
      return this.view(trx, meetingId, as(actor, c));
    });
  }

  /** The secretary edits the draft (`version` guards against overwriting someone else's edit). */
  async edit(actor: Actor | null, meetingId: string, input: EditProtocolInput): Promise<Protocol> {
    return this.db.transaction().execute(async (trx) => {
      const { c, p } = await this.forChange(trx, actor, meetingId, input.version);
      refuseUnlessDraft(p.status);
      allow(canEditProtocol(as(actor, c), p.status as ProtocolStatus));
      await repo.editDraft(trx, { meetingId: c.id, body: input.body, by: actor?.personId ?? null });
      await this.assembly.touch(trx, meetingId, 'meeting.protocol', { status: 'draft' });
      return this.view(trx, meetingId, as(actor, c));
    });
  }

  /** Approves the draft once the meeting has closed; the transcript then refuses corrections. */
  async approve(actor: Actor | null, meetingId: string, input: ProtocolStepInput): Promise<Protocol> {
    return this.db.transaction().execute(async (trx) => {
      const { c, p } = await this.forChange(trx, actor, meetingId, input.version);
      refuseUnlessDraft(p.status);
      if (c.status !== 'closed') throw ProtocolErrors.meeting_not_closed();
      allow(canApproveProtocol(as(actor, c), p.status as ProtocolStatus));
      await repo.approve(trx, meetingId, actor?.personId ?? null);
      await this.listener?.protocolApprovedInTx(trx, meetingId);
      await this.assembly.touch(trx, meetingId, 'meeting.protocol', { status: 'approved' });
      return this.view(trx, meetingId, as(actor, c));
    });
  }

  /**
   * Seals the approved protocol with the transcript and the notes: one record appended to the chain and the
   * protocol marked sealed in one transaction. A concurrent sealer elsewhere makes the append collide on the
   * chain's unique hashes; the whole transaction is then tried again.
   */
  async seal(actor: Actor | null, meetingId: string, input: ProtocolStepInput): Promise<Protocol> {
    const { quorumMoreThan } = await this.statuteOf(actor, meetingId);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const { c, p } = await this.forChange(trx, actor, meetingId, input.version);
          if (p.status === 'sealed') throw ProtocolErrors.protocol_sealed();
          if (p.status !== 'approved') throw ProtocolErrors.protocol_not_approved();
          if (c.status !== 'closed') throw ProtocolErrors.meeting_not_closed();
          allow(canSealProtocol(as(actor, c), p.status as ProtocolStatus));
          const sealed = await this.sealedContent(trx, meetingId, {
            version: PROTOCOL_SEAL_VERSION,
            quorumMoreThan,
          });
          if ('problem' in sealed) throw ProtocolErrors.protocol_not_found();
          const record = await this.seals.seal(trx, {
            organisationId: c.organisationId,
            kind: PROTOCOL_SEAL_KIND,
            subjectId: meetingId,
            label: sealed.label,
            content: sealed.content,
            sealedBy: actor?.personId ?? null,
          });
          await repo.markSealed(trx, meetingId, record.seq);
          await this.assembly.touch(trx, meetingId, 'meeting.protocol', { status: 'sealed', seq: record.seq });
          return this.view(trx, meetingId, as(actor, c));
        });
      } catch (e) {
        if (e instanceof AppError || !isRetryable(e)) throw e;
        if (attempt >= SEAL_ATTEMPTS) throw ProtocolErrors.seal_busy();
      }
    }
  }

  async protocolPdf(actor: Actor | null, meetingId: string): Promise<Buffer> {
    const c = await this.assembly.context(this.db, actor, meetingId);
    if (actor) assertCanViewMeeting(c);
    const p = await this.view(this.db, meetingId, as(actor, c));
    return renderProtocolPdf({
      title: c.title,
      lang: p.lang,
      body: p.body,
      status: p.status,
      seal: p.seal,
    });
  }

  async transcriptPdf(actor: Actor | null, meetingId: string): Promise<Buffer> {
    const c = await this.assembly.context(this.db, actor, meetingId);
    if (actor) assertCanViewMeeting(c);
    const [m, p, entries] = await Promise.all([
      repo.meetingHead(this.db, meetingId),
      repo.protocol(this.db, meetingId),
      repo.transcript(this.db, meetingId),
    ]);
    if (!m) throw AssemblyErrors.meeting_not_found();
    const lang: ProtocolLang = (p?.lang ?? (actor?.locale?.startsWith('ru') ? 'ru' : 'en')) === 'ru' ? 'ru' : 'en';
    const seal = p?.sealed_record_seq ? await this.seals.record(this.db, p.sealed_record_seq) : null;
    const { timeZone } = await this.statuteOf(actor, meetingId);
    const start = localParts(iso(m.starts_at)!, timeZone);
    return renderTranscriptPdf({
      lang,
      title: m.title,
      body: lang === 'ru' ? (m.body_name_ru ?? m.body_name) : m.body_name,
      when: `${start.date}, ${start.time} (${timeZone})`,
      place: m.place,
      entries: entries.map((e) => ({
        seq: e.seq,
        kind: e.kind,
        label: e.speaker_label,
        text: e.text,
        item: e.item_position === null ? null : { position: e.item_position, title: e.item_title ?? '' },
      })),
      seal: seal ? { seq: seal.seq, hash: seal.hash, prevHash: seal.prevHash, sealedAt: seal.sealedAt } : null,
    });
  }

  /** Checks the whole chain of sealed records (managers of a body of the organisation; null: the CLI). */
  async verify(
    actor: Actor | null,
    opts: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<VerifyReport> {
    if (actor) assertCanVerifySeals(actor);
    return this.seals.verify({
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(actor ? { organisationId: actor.organisationId } : {}),
    });
  }

  // --- internals ---------------------------------------------------------------------------------------------

  private async forChange(
    trx: Executor,
    actor: Actor | null,
    meetingId: string,
    version: number,
  ): Promise<{ c: MeetingContext; p: repo.ProtocolRow }> {
    const c = await this.assembly.context(trx, actor, meetingId, { lock: true });
    if (actor) assertCanKeepProtocol(c);
    const p = await repo.protocol(trx, meetingId, true);
    if (!p) throw ProtocolErrors.protocol_not_found();
    if (p.status === 'sealed') throw ProtocolErrors.protocol_sealed();
    if (p.version !== version) throw ProtocolErrors.protocol_stale({ version: p.version });
    return { c, p };
  }

  /** What the protocol reads of the statute on the meeting's date: the quorum of its kind and the time zone. */
  private async statuteOf(
    actor: Actor | null,
    meetingId: string,
  ): Promise<{ quorumMoreThan: number; timeZone: string }> {
    const c = await this.assembly.context(this.db, actor, meetingId);
    const rules = await rulesOnMeetingDate(this.statute, c.organisationId, c.startsAt.toISOString().slice(0, 10));
    return {
      quorumMoreThan: rules.assemblies.kinds[c.kind as MeetingKind]?.quorumMoreThan ?? 0.5,
      timeZone: rules.timeZone,
    };
  }

  /** The protocol as `c`'s actor reads it, with what they may do with it (`Protocol.can`). */
  private async view(ex: Executor, meetingId: string, c: MeetingContext): Promise<Protocol> {
    const p = await repo.protocol(ex, meetingId);
    if (!p) throw ProtocolErrors.protocol_not_found();
    const seal = p.sealed_record_seq === null ? null : await this.seals.record(ex, p.sealed_record_seq);
    return {
      meetingId: p.meeting_id,
      lang: p.lang === 'en' ? 'en' : 'ru',
      body: p.body,
      status: p.status as Protocol['status'],
      generatedAt: iso(p.generated_at)!,
      editedAt: iso(p.edited_at),
      approvedAt: iso(p.approved_at),
      approvedBy: p.approved_by_name,
      version: p.version,
      seal: seal ? { seq: seal.seq, hash: seal.hash, prevHash: seal.prevHash, sealedAt: seal.sealedAt } : null,
      can: protocolCan(c, p.status as ProtocolStatus),
    };
  }

  /** The snapshot of the record the protocol text is built from. */
  async snapshot(
    ex: Executor,
    meetingId: string,
    quorumMoreThan: number,
    timeZone: string = DEFAULT_TIME_ZONE,
  ): Promise<ProtocolSnapshot> {
    const m = await repo.meetingHead(ex, meetingId);
    if (!m) throw AssemblyErrors.meeting_not_found();
    const [att, roles, items, speakers, decisions, notes, meetingDecisions] = await Promise.all([
      repo.attendance(ex, meetingId),
      repo.roles(ex, meetingId),
      repo.agenda(ex, meetingId),
      repo.speakers(ex, meetingId),
      repo.decisions(ex, meetingId),
      repo.notesForProtocol(ex, meetingId),
      this.decisionsSource ? this.decisionsSource.decisions(ex, meetingId) : null,
    ]);
    const count = (voice: string, k: 'listed' | 'attended') => att.find((a) => a.voice === voice)?.[k] ?? 0;
    const q = quorumOf(
      {
        entitledVoting: count('voting', 'listed'),
        presentVoting: count('voting', 'attended'),
        presentConsultative: count('consultative', 'attended'),
        presentGuests: count('guest', 'attended'),
      },
      quorumMoreThan,
    );
    const withRole = (role: string) => roles.filter((r) => r.role === role).map((r) => nm(r.name_en, r.name_ru));
    const decision = (d: (typeof decisions)[number]): ProtocolDecision => ({
      outcome: d.outcome,
      votes:
        d.votes_for === null
          ? null
          : { for: d.votes_for, against: d.votes_against ?? 0, abstained: d.votes_abstained ?? 0 },
      reasons: d.reasons,
    });
    const itemIds = new Set(items.map((i) => i.id));
    const md = meetingDecisions;
    // something moved or put to the vote on an item means it was taken up, whatever its status says
    const decidedOn = new Set(
      [...(md?.motions ?? []), ...(md?.elections ?? []), ...(md?.questions ?? [])].map((x) => x.itemPosition),
    );
    return {
      organisation: nm(m.org_name, m.org_name_ru),
      body: nm(m.body_name, m.body_name_ru),
      meeting: {
        kind: m.kind as MeetingKind,
        title: m.title,
        startsAt: iso(m.starts_at)!,
        endsAt: iso(m.ends_at),
        place: m.place,
        openedAt: iso(m.opened_at),
        closedAt: iso(m.closed_at),
      },
      timeZone,
      attendance: {
        entitledVoting: q.entitledVoting,
        entitledConsultative: count('consultative', 'listed'),
        presentVoting: q.presentVoting,
        presentConsultative: q.presentConsultative,
        guests: q.presentGuests,
        quorumRequired: q.required,
        quorumReached: q.reached,
      },
      chair: withRole('chair')[0] ?? null,
      secretaries: withRole('secretary'),
      presidium: withRole('presidium'),
      agenda: items.map((i) => ({
        position: i.position,
        title: i.title,
        reporter: i.has_reporter
          ? nm(i.reporter_en, i.reporter_ru)
          : i.reporter_name
            ? { en: i.reporter_name, ru: null }
            : null,
        speakers: speakers
          .filter((s) => s.agenda_item_id === i.id)
          .map((s) => ({
            name: nm(s.name_en, s.name_ru),
            kind: s.kind as ProtocolSnapshot['agenda'][0]['speakers'][0]['kind'],
          })),
        decisions: decisions.filter((d) => d.entity_id === i.id).map(decision),
        considered:
          i.taken_up ||
          speakers.some((s) => s.agenda_item_id === i.id) ||
          decisions.some((d) => d.entity_id === i.id) ||
          decidedOn.has(i.position),
      })),
      otherDecisions: decisions.filter((d) => !itemIds.has(d.entity_id)).map(decision),
      ...(meetingDecisions ? { meetingDecisions } : {}),
      notes: notes.map((n) => ({
        text: n.text,
        signedBy: n.signer_en === null ? null : nm(n.signer_en, n.name_ru),
        status: n.status as ProtocolSnapshot['notes'][0]['status'],
        answer: n.answer,
        itemPosition: n.item_position,
      })),
    };
  }

  /**
   * What a seal of this meeting's protocol contains, built from the live tables, in payload `version` (1 for
   * records sealed before version 2; `quorumMoreThan`: the statute's fraction, as sealed).
   */
  private async sealedContent(
    ex: Executor,
    meetingId: string,
    opts: { version: number; quorumMoreThan: number },
  ): Promise<
    { content: SealedProtocolContent; label: string; status: string; seq: number | null } | { problem: string }
  > {
    const [m, p, entries, notes] = await Promise.all([
      repo.meetingHead(ex, meetingId),
      repo.protocol(ex, meetingId),
      repo.transcript(ex, meetingId),
      repo.notesForSeal(ex, meetingId),
    ]);
    if (!m) return { problem: 'the meeting is gone' };
    if (!p) return { problem: 'the protocol is gone' };
    const content: SealedProtocolContent = {
      meetingId,
      title: m.title,
      body: p.body,
      transcript: entries.map((e) => ({ seq: e.seq, label: e.speaker_label, kind: e.kind, text: e.text })),
      notes: notes.map((n) => ({ text: n.text, answer: n.answer, status: n.status })),
      approvedAt: iso(p.approved_at),
      approvedBy: p.approved_by,
    };
    if (opts.version >= 2) {
      content.version = 2;
      content.parts = await this.sealedParts(ex, meetingId, opts.quorumMoreThan);
    }
    return { label: sealLabel(m.title, m.starts_at), status: p.status, seq: p.sealed_record_seq, content };
  }

  /**
   * The parts of the meeting's record a version 2 seal covers: the assembly's own (the roll and every check-in
   * and departure, the quorum they give under the sealed fraction, the roles, the decisions recorded as taken
   * here) and the ballot module's (through its service).
   */
  private async sealedParts(ex: Executor, meetingId: string, quorumMoreThan: number): Promise<SealedPart[]> {
    const [participants, events, roles, decisions, ballotParts] = await Promise.all([
      repo.participantsForSeal(ex, meetingId),
      repo.attendanceEventsForSeal(ex, meetingId),
      repo.rolesForSeal(ex, meetingId),
      repo.decisionsForSeal(ex, meetingId),
      this.decisionsSource ? this.decisionsSource.sealedParts(ex, meetingId) : [],
    ]);
    const attended = (r: (typeof participants)[number]) => r.present || r.checked_in_at !== null;
    const of = (voice: string) => participants.filter((r) => r.voice === voice);
    const quorum = quorumOf(
      {
        entitledVoting: of('voting').length,
        presentVoting: of('voting').filter(attended).length,
        presentConsultative: of('consultative').filter(attended).length,
        presentGuests: of('guest').filter(attended).length,
      },
      quorumMoreThan,
    );
    const byRole: Record<string, { personId: string; how: string }[]> = {};
    for (const r of roles) (byRole[r.role] ??= []).push({ personId: r.person_id, how: r.how });
    return sortParts([
      {
        kind: 'attendance',
        id: meetingId,
        participants: participants.map((r) => ({
          personId: r.person_id,
          voice: r.voice,
          present: r.present,
          checkedInAt: iso(r.checked_in_at),
          leftAt: iso(r.left_at),
        })),
        events: events.map((e) => ({
          id: e.id,
          personId: e.person_id,
          kind: e.kind,
          method: e.method,
          at: iso(e.at),
          recordedBy: e.recorded_by,
        })),
      },
      { kind: 'quorum', id: meetingId, quorumMoreThan, entitledConsultative: of('consultative').length, ...quorum },
      { kind: 'roles', id: meetingId, ...byRole },
      ...decisions.map((d) => ({
        kind: 'decision',
        id: d.id,
        bodyId: d.body_id,
        takenOn: d.taken_on,
        process: d.process,
        entityId: d.entity_id,
        outcome: d.outcome,
        votesFor: d.votes_for,
        votesAgainst: d.votes_against,
        votesAbstained: d.votes_abstained,
        reasons: d.reasons,
        recordedBy: d.recorded_by,
      })),
      ...ballotParts,
    ]);
  }

  private async liveSealed(
    ex: Executor,
    meetingId: string,
    seq: number,
    sealed: unknown,
  ): Promise<{ content: unknown } | { problem: string }> {
    const s = await this.sealedContent(ex, meetingId, sealedVersionOf(sealed));
    if ('problem' in s) return s;
    if (s.status !== 'sealed') return { problem: `the protocol is no longer sealed (status ${s.status})` };
    if (s.seq !== seq) return { problem: `the protocol names sealed record #${s.seq ?? '?'} instead` };
    return { content: s.content };
  }
}

/** The payload version of a sealed protocol's content and the quorum fraction it was sealed with. */
function sealedVersionOf(sealed: unknown): { version: number; quorumMoreThan: number } {
  const c = (typeof sealed === 'object' && sealed !== null ? sealed : {}) as {
    version?: unknown;
    parts?: unknown;
  };
  const version = typeof c.version === 'number' ? c.version : 1;
  const quorum = Array.isArray(c.parts)
    ? (c.parts as { kind?: unknown; quorumMoreThan?: unknown }[]).find((p) => p?.kind === 'quorum')
    : undefined;
  return { version, quorumMoreThan: typeof quorum?.quorumMoreThan === 'number' ? quorum.quorumMoreThan : 0.5 };
}

/** The meeting's context as the writes judge it: without an actor (the CLI, the system) the role checks are skipped. */
function as(actor: Actor | null, c: MeetingContext): MeetingContext {
  return actor ? c : { ...c, manager: true };
}

/** The policy a write's flag says, after the write's specific refusals (so that the two never part). */
function allow(ok: boolean): void {
  if (!ok) throw AssemblyErrors.meeting_role_required();
}

function refuseUnlessDraft(status: string): void {
  if (status === 'sealed') throw ProtocolErrors.protocol_sealed();
  if (status !== 'draft') throw ProtocolErrors.protocol_not_draft();
}

/** 'Protocol: <meeting title>, <date>' — how a sealed protocol is named in the chain and by `antaeus verify`. */
export function sealLabel(title: string, startsAt: Date | string): string {
  return `Protocol: ${title}, ${localParts(new Date(startsAt).toISOString(), PROTOCOL_TIME_ZONE).date}`;
}
