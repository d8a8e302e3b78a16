// The verbatim transcript (issue 4): the stenographer (or the meeting's secretary, or the body's managers) takes
// it down while the meeting sits, and corrects it until the protocol is approved. Entries are numbered per
// meeting (seq) under the meeting row lock and attributed as printed: 'Comrade Kirov' for a speech,
// 'Voice from the floor' for an interjection, nothing for a remark such as '(Laughter)', the chair's name for
// the chair's words. Corrections are guarded by the entry's version.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type {
  AddTranscriptInput,
  CorrectTranscriptInput,
  TranscriptEntry,
  TranscriptKind,
  TranscriptList,
  TranscriptQuery,
} from '../../contracts/assembly.js';
import { AssemblyErrors } from './assembly.errors.js';
import {
  assertCanRecordTranscript,
  assertCanViewMeeting,
  transcriptOpen,
  type MeetingContext,
} from './assembly.policy.js';
import type { AssemblyAccess } from './assembly.service.js';
import { TranscriptErrors } from './transcript.errors.js';
import * as repo from './transcript.repository.js';

export const VOICE_FROM_THE_FLOOR = 'Voice from the floor';
export const CHAIR_LABEL = 'Chair';

/** How the register's name is printed in the transcript: 'Comrade <family name>' for members and candidates. */
export function printedName(p: { family_name: string; given_name: string; status: string }): string {
  return p.status === 'member' || p.status === 'candidate'
    ? `Comrade ${p.family_name}`
    : `${p.given_name} ${p.family_name}`;
}

function toEntry(r: repo.EntryRow): TranscriptEntry {
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    seq: r.seq,
    kind: r.kind,
    speakerPersonId: r.speaker_person_id,
    speakerLabel: r.speaker_label,
    text: r.text,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export class TranscriptService {
  constructor(
    private readonly db: Database,
    private readonly assembly: AssemblyAccess,
  ) {}

  /** Entries in seq order (everyone who may view the meeting); `afterSeq` for what is new. */
  async list(actor: Actor, meetingId: string, q: TranscriptQuery): Promise<TranscriptList> {
    const ctx = await this.assembly.context(this.db, actor, meetingId);
    assertCanViewMeeting(ctx);
    const [rows, last] = await Promise.all([
      repo.listEntries(this.db, meetingId, q.afterSeq ?? 0, q.limit),
      repo.lastSeq(this.db, meetingId),
    ]);
    return { items: rows.map(toEntry), lastSeq: last };
  }

  /** The stenographer adds an entry (while the meeting sits, and after it closed until the protocol is approved). */
  async add(actor: Actor, meetingId: string, input: AddTranscriptInput): Promise<TranscriptEntry> {
    return this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      assertCanRecordTranscript(ctx);
      if (ctx.status !== 'open' && ctx.status !== 'closed') throw AssemblyErrors.meeting_not_open();
      await this.assertUnlocked(trx, meetingId);
      const itemId = input.agendaItemId === undefined ? ctx.currentItemId : input.agendaItemId;
      if (itemId && !(await repo.itemInMeeting(trx, meetingId, itemId)))
        throw TranscriptErrors.transcript_item_not_in_meeting({ agendaItemId: itemId });
      const speaker = await this.attribute(trx, ctx, input.kind, input.speakerPersonId, input.speakerLabel);
      const entry = await this.appendInTx(trx, meetingId, {
        agendaItemId: itemId,
        kind: input.kind,
        ...speaker,
        text: input.text,
        createdBy: actor.personId,
      });
      await this.assembly.touch(trx, meetingId, 'meeting.transcript', { entryId: entry.id });
      return entry;
    });
  }

  /** A correction of an entry at `version`; refused once the protocol is approved. */
  async correct(
    actor: Actor,
    meetingId: string,
    entryId: string,
    input: CorrectTranscriptInput,
  ): Promise<TranscriptEntry> {
    return this.db.transaction().execute(async (trx) => {
      const ctx = await this.assembly.context(trx, actor, meetingId, { lock: true });
      assertCanViewMeeting(ctx);
      assertCanRecordTranscript(ctx);
      await this.assertUnlocked(trx, meetingId);
      const e = await repo.findEntry(trx, meetingId, entryId);
      if (!e) throw TranscriptErrors.transcript_entry_not_found({ id: entryId });
      if (e.version !== input.version) throw TranscriptErrors.transcript_conflict({ version: e.version });
      let personId = e.speaker_person_id;
      let label = e.speaker_label;
      if (input.speakerPersonId) {
        const s = await this.attribute(trx, ctx, e.kind, input.speakerPersonId, input.speakerLabel);
        personId = s.speakerPersonId;
        label = s.speakerLabel;
      } else if (input.speakerPersonId === null) {
        personId = null;
        label = input.speakerLabel ?? label;
      } else if (input.speakerLabel !== undefined) {
        label = input.speakerLabel;
      }
      const row = await repo.correctEntry(trx, entryId, input.version, {
        text: input.text ?? e.text,
        speaker_label: label,
        speaker_person_id: personId,
      });
      if (!row) throw TranscriptErrors.transcript_conflict();
      await this.assembly.touch(trx, meetingId, 'meeting.transcript', { entryId });
      return toEntry(row);
    });
  }

  /**
   * Appends an entry with the next seq. For other parts of the assembly module (answers to question notes):
   * the caller holds the meeting row lock (`context(…, { lock: true })`) and calls `touch` itself.
   */
  async appendInTx(
    ex: Executor,
    meetingId: string,
    e: {
      agendaItemId: string | null;
      kind: TranscriptKind;
      speakerPersonId: string | null;
      speakerLabel: string;
      text: string;
      createdBy: string | null;
    },
  ): Promise<TranscriptEntry> {
    const seq = (await repo.lastSeq(ex, meetingId)) + 1;
    const row = await repo.insertEntry(ex, {
      id: uuidv7(),
      meeting_id: meetingId,
      agenda_item_id: e.agendaItemId,
      seq,
      kind: e.kind,
      speaker_person_id: e.speakerPersonId,
      speaker_label: e.speakerLabel,
      text: e.text,
      created_by: e.createdBy,
    });
    return toEntry(row);
  }

  /** The printed name of a person in the register (for other parts: answers attributed to a speaker). */
  async printedNameOf(ex: Executor, organisationId: string, personId: string): Promise<string | null> {
    const p = await repo.personName(ex, organisationId, personId);
    return p ? printedName(p) : null;
  }

  private async assertUnlocked(ex: Executor, meetingId: string): Promise<void> {
    const status = await repo.protocolStatus(ex, meetingId);
    if (!transcriptOpen(status)) throw TranscriptErrors.transcript_locked({ protocol: status });
  }

  /** Who an entry is attributed to, and the label printed, by kind and what the stenographer named. */
  private async attribute(
    ex: Executor,
    ctx: MeetingContext,
    kind: TranscriptKind,
    personId: string | null | undefined,
    label: string | undefined,
  ): Promise<{ speakerPersonId: string | null; speakerLabel: string }> {
    const given = label && label.length ? label : undefined;
    const named = async (id: string) => {
      const p = await repo.personName(ex, ctx.organisationId, id);
      if (!p) throw TranscriptErrors.transcript_speaker_unknown({ personId: id });
      return { speakerPersonId: id, speakerLabel: given ?? printedName(p) };
    };
    switch (kind) {
      case 'remark':
        return { speakerPersonId: null, speakerLabel: '' };
      case 'interjection':
        if (personId) return named(personId);
        return { speakerPersonId: null, speakerLabel: given ?? VOICE_FROM_THE_FLOOR };
      case 'chair': {
        const chair = personId ?? (personId === null ? undefined : await repo.chairOf(ex, ctx.id));
        if (chair) return named(chair);
        return { speakerPersonId: null, speakerLabel: given ?? CHAIR_LABEL };
      }
      default: {
        // a speech (or an answer to a note): the person named, else the label given, else whoever has the floor
        if (personId) return named(personId);
        if (given) return { speakerPersonId: null, speakerLabel: given };
        const speaking = personId === null ? undefined : await repo.currentSpeaker(ex, ctx.id);
        if (!speaking) throw TranscriptErrors.transcript_speaker_required();
        return named(speaking);
      }
    }
  }
}
