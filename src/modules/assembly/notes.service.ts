// Question notes (zapiski): anyone present sends a written question to the current speaker or the presidium,
// anonymous by default. Anonymity is guaranteed by RFC 9474 blind RSA tokens: at check-in a present participant
// obtains blind signatures within the statute's per-person anonymous limit (the server counts them and stores
// nothing else); a note is then sent without any session and carries one unblinded token, which proves that some
// present participant sent it and nothing about who. The server keeps only the spent token's hash (so a token
// sends one note), the minute the note arrived and a random id. It logs nothing per note and never looks at
// the client's address. A note may instead be signed (sent with the session), counted against the statute's
// separate signed limit, so that obtaining every anonymous token never leaves a person unable to sign a note.
// The presidium groups, sets aside or answers notes; an answer enters the transcript.
import { createHash, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import {
  blindSign,
  generateNoteKey,
  importPrivateKey,
  importPublicKey,
  MalformedBlindedMessage,
  NOTE_KEY_SUITE,
  verifyToken,
} from '../../platform/crypto/blind-rsa.js';
import type {
  HandleNoteInput,
  IssueTokensInput,
  IssueTokensResult,
  NoteCreated,
  NoteKey,
  QuestionNote,
  QuestionNoteList,
  SendNoteInput,
} from '../../contracts/assembly.js';
import type { AssemblyAccess } from './assembly.service.js';
import { AssemblyErrors } from './assembly.errors.js';
import {
  assertCanHandleNotes,
  canAnswerNote,
  canGroupNote,
  canObtainNoteTokens,
  canSendNote,
  canSetNoteStatus,
  noteCan,
  assertCanViewMeeting,
  assertNotClosed,
  assertOpen,
  assertPresent,
  type MeetingContext,
} from './assembly.policy.js';
import { NotesErrors } from './notes.errors.js';
import * as repo from './notes.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** Where an answer enters the transcript (TranscriptService.appendInTx). */
export interface TranscriptSink {
  appendInTx(
    ex: Executor,
    meetingId: string,
    entry: {
      agendaItemId: string | null;
      kind: 'note_answer';
      speakerPersonId: string | null;
      speakerLabel: string;
      text: string;
      createdBy: string | null;
    },
  ): Promise<{ id: string }>;
}

interface Keys {
  publicKeySpki: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const PRESIDIUM_LABEL = 'Presidium';

function toNote(r: repo.NoteRow, c: MeetingContext): QuestionNote {
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    addressedTo: r.addressed_to,
    speakerPersonId: r.speaker_person_id,
    speakerName: r.speaker_name,
    speakerNameRu: r.speaker_name_ru,
    text: r.text,
    signedBy: r.signed_by ? r.signed_by_name : null,
    signedByRu: r.signed_by ? r.signed_by_name_ru : null,
    receivedMinute: new Date(r.received_minute).toISOString(),
    groupLabel: r.group_label,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    can: noteCan(c, r.status),
  };
}

function decode(b64: string): Buffer {
  return Buffer.from(b64, 'base64');
}

export class NotesService {
  /** Parsed keys by meeting (a meeting's key never changes once stored). */
  private readonly keys = new Map<string, Keys>();

  constructor(
    private readonly db: Database,
    private readonly access: AssemblyAccess,
    private readonly statute: StatuteSource,
    private readonly transcript: TranscriptSink,
  ) {}

  /** The statute's per-person limits in a meeting: anonymous tokens and signed notes, counted apart. */
  private async limits(organisationId: string): Promise<{ anonymous: number; signed: number }> {
    const a = (await this.statute.rules(organisationId)).assemblies;
    return { anonymous: a.anonymousNotesPerPerson, signed: a.signedNotesPerPerson };
  }

  /** The meeting's key, created on first use; two concurrent first requests agree on one key. */
  private async keysOf(ex: Executor, meetingId: string): Promise<Keys> {
    const cached = this.keys.get(meetingId);
    if (cached) return cached;
    let row = await repo.noteKey(ex, meetingId);
    if (!row) {
      const fresh = await generateNoteKey();
      await repo.insertNoteKeyIfAbsent(ex, meetingId, fresh.publicKeySpki, fresh.privateKeyPkcs8);
      row = await repo.noteKey(ex, meetingId);
      if (!row) throw new Error('note key not stored');
    }
    const keys: Keys = {
      publicKeySpki: row.public_key_spki,
      publicKey: importPublicKey(row.public_key_spki),
      privateKey: importPrivateKey(row.private_key_pkcs8),
    };
    if (this.keys.size > 1_000) this.keys.clear();
    this.keys.set(meetingId, keys);
    return keys;
  }

  /** GET /note-key: the meeting's public key and the tokens the actor may still obtain. */
  async noteKey(actor: Actor, meetingId: string): Promise<NoteKey> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanViewMeeting(c);
    const keys = await this.keysOf(this.db, meetingId);
    const p = c.participant;
    const limits = await this.limits(c.organisationId);
    return {
      meetingId,
      suite: NOTE_KEY_SUITE,
      publicKeySpki: keys.publicKeySpki,
      remaining: p ? Math.max(0, limits.anonymous - p.tokensIssued) : 0,
      signedRemaining: p ? Math.max(0, limits.signed - p.signedNotes) : 0,
      anonymousLimit: limits.anonymous,
      signedLimit: limits.signed,
    };
  }

  /**
   * POST /note-tokens: a present participant obtains blind signatures. Only the counter moves; the blinded
   * messages and the signatures are not stored, and no event or audit row is written.
   */
  async issueTokens(actor: Actor, meetingId: string, input: IssueTokensInput): Promise<IssueTokensResult> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertPresent(c);
    assertNotClosed(c);
    if (!canObtainNoteTokens(c)) throw AssemblyErrors.meeting_role_required();
    const limit = (await this.limits(c.organisationId)).anonymous;
    const keys = await this.keysOf(this.db, meetingId);
    const blinded = input.blinded.map(decode);
    return this.db.transaction().execute(async (trx) => {
      const counters = await repo.takeTokens(trx, meetingId, actor.personId, blinded.length, limit);
      if (!counters) {
        const now = await this.access.context(trx, actor, meetingId);
        assertPresent(now);
        throw NotesErrors.note_limit_reached({
          limit,
          remaining: Math.max(0, limit - (now.participant?.tokensIssued ?? 0)),
        });
      }
      let signatures: string[];
      try {
        signatures = blinded.map((b) => blindSign(keys.privateKey, b).toString('base64'));
      } catch (e) {
        if (e instanceof MalformedBlindedMessage) throw NotesErrors.note_token_malformed();
        throw e;
      }
      return { signatures, remaining: Math.max(0, limit - counters.tokens_issued) };
    });
  }

  /**
   * POST /notes without a session: the token is the only proof of presence. Nothing about the sender is
   * read or stored; the note gets a random (v4) id and the minute it arrived.
   */
  async sendAnonymous(meetingId: string, input: SendNoteInput): Promise<NoteCreated> {
    if (input.signed) throw NotesErrors.note_signed_route();
    if (!input.token) throw NotesErrors.note_token_invalid();
    const message = decode(input.token.message);
    const signature = decode(input.token.signature);
    const exists = await this.access.context(this.db, null, meetingId);
    const keyRow = await repo.noteKey(this.db, exists.id);
    if (!keyRow) throw NotesErrors.note_token_invalid();
    const keys = await this.keysOf(this.db, meetingId);
    if (!verifyToken(keys.publicKey, message, signature)) throw NotesErrors.note_token_invalid();
    const tokenHash = createHash('sha256').update(message).digest('hex');
    return this.insert(meetingId, input, async (trx, c) => {
      assertOpen(c);
      return { token_hash: tokenHash, signed_by: null };
    });
  }

  /** POST /notes with `signed: true`: sent with the session, counted against the statute's signed limit. */
  async sendSigned(actor: Actor, meetingId: string, input: SendNoteInput): Promise<NoteCreated> {
    if (!input.signed) throw NotesErrors.note_anonymous_route();
    const first = await this.access.context(this.db, actor, meetingId);
    const limit = (await this.limits(first.organisationId)).signed;
    return this.insert(
      meetingId,
      input,
      async (trx, c) => {
        assertPresent(c);
        assertOpen(c);
        if (!canSendNote(c)) throw AssemblyErrors.meeting_role_required();
        if (!(await repo.takeSignedNote(trx, meetingId, actor.personId, limit)))
          throw NotesErrors.note_signed_limit_reached({ limit, remaining: 0 });
        return { token_hash: null, signed_by: actor.personId };
      },
      actor,
    );
  }

  private async insert(
    meetingId: string,
    input: SendNoteInput,
    check: (trx: Executor, c: MeetingContext) => Promise<{ token_hash: string | null; signed_by: string | null }>,
    actor: Actor | null = null,
  ): Promise<NoteCreated> {
    const id = randomUUID();
    try {
      await this.db.transaction().execute(async (trx) => {
        const c = await this.access.context(trx, actor, meetingId, { lock: true });
        const who = await check(trx, c);
        const speaker = input.addressedTo === 'speaker' ? await repo.currentSpeaker(trx, meetingId) : null;
        await repo.insertNote(trx, {
          id,
          meeting_id: meetingId,
          agenda_item_id: c.currentItemId,
          addressed_to: speaker ? 'speaker' : 'presidium',
          speaker_person_id: speaker,
          text: input.text,
          ...who,
        });
        await this.access.touch(trx, meetingId, 'meeting.notes', {});
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw NotesErrors.note_token_spent();
      throw e;
    }
    return { id };
  }

  /** GET /notes: every note of the meeting, for the presidium. */
  async list(actor: Actor, meetingId: string): Promise<QuestionNoteList> {
    const c = await this.access.context(this.db, actor, meetingId);
    assertCanHandleNotes(c);
    return { items: (await repo.listNotes(this.db, meetingId)).map((r) => toNote(r, c)) };
  }

  /** PATCH /notes/{noteId}: group, set aside or restore, or answer (the answer enters the transcript). */
  async handle(actor: Actor, meetingId: string, noteId: string, input: HandleNoteInput): Promise<QuestionNote> {
    const answering = input.answer !== undefined;
    if ((answering && input.status !== undefined) || (!answering && !input.status && input.groupLabel === undefined))
      throw NotesErrors.note_nothing_to_change();
    return this.db.transaction().execute(async (trx) => {
      const c = await this.access.context(trx, actor, meetingId, { lock: true });
      assertCanHandleNotes(c);
      assertNotClosed(c);
      const note = await repo.noteById(trx, meetingId, noteId);
      if (!note) throw NotesErrors.note_not_found();
      if (note.status === 'answered' && (answering || input.status)) throw NotesErrors.note_already_answered();
      if (answering) assertOpen(c);
      // the very checks `QuestionNote.can` says (the specific refusals above come first)
      const allowed = answering
        ? canAnswerNote(c, note.status)
        : (!input.status || canSetNoteStatus(c, note.status)) && canGroupNote(c);
      if (!allowed) throw AssemblyErrors.meeting_role_required();
      const patch: Parameters<typeof repo.updateNote>[2] = {};
      if (input.groupLabel !== undefined) patch.group_label = input.groupLabel || null;
      if (input.status) patch.status = input.status;
      if (answering) {
        const by =
          input.answeredByPersonId ??
          (await repo.currentSpeaker(trx, meetingId)) ??
          (await repo.chairOf(trx, meetingId));
        if (input.answeredByPersonId && !(await repo.inMeeting(trx, meetingId, input.answeredByPersonId)))
          throw NotesErrors.note_answerer_unknown();
        const label = (by && (await repo.personName(trx, by))) || PRESIDIUM_LABEL;
        const question = note.signed_by ? `Question (note from ${note.signed_by_name}): ` : 'Question (note): ';
        const entry = await this.transcript.appendInTx(trx, meetingId, {
          agendaItemId: c.currentItemId ?? note.agenda_item_id,
          kind: 'note_answer',
          speakerPersonId: by,
          speakerLabel: label,
          text: `${question}${note.text}\nAnswer: ${input.answer!}`,
          createdBy: actor.personId,
        });
        Object.assign(patch, {
          status: 'answered',
          answer: input.answer!,
          answered_at: new Date(),
          answer_entry_id: entry.id,
        });
      }
      await repo.updateNote(trx, noteId, patch);
      await this.access.touch(trx, meetingId, 'meeting.notes', {});
      return toNote((await repo.noteById(trx, meetingId, noteId))!, c);
    });
  }
}
