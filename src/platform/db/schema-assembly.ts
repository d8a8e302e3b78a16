// Kysely table types of the assemblies migration (0008). Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type {
  FloorKind,
  FloorStatus,
  MeetingRoleName,
  MeetingStatus,
  NoteStatus,
  ProtocolStatus,
  TranscriptKind,
} from '../../contracts/assembly.js';
import type { MeetingKind } from '../../contracts/assembly-rules.js';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;
/** bigint columns: pg returns strings, PGlite numbers or bigints. */
type BigintCol = ColumnType<string | number | bigint, number | string, number | string>;

export interface MeetingTable {
  id: string;
  organisation_id: string;
  body_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Ts;
  ends_at: NullableTs;
  place: string;
  status: Generated<MeetingStatus>;
  hall_code: string;
  notice: string | null;
  notice_sent_at: NullableTs;
  opened_at: NullableTs;
  closed_at: NullableTs;
  current_item_id: string | null;
  convened_by: string | null;
  revision: Generated<number>;
  created_at: Generated<Date>;
  /** Convened at shorter notice than the statute asks (an extraordinary meeting). */
  urgent: Generated<boolean>;
}

export interface AgendaItemTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  reporter_person_id: string | null;
  reporter_name: string | null;
  documents: Json;
  status: Generated<'pending' | 'current' | 'done'>;
  started_at: NullableTs;
  ended_at: NullableTs;
}

export interface MeetingParticipantTable {
  meeting_id: string;
  person_id: string;
  voice: 'voting' | 'consultative' | 'guest';
  code: string;
  present: Generated<boolean>;
  checked_in_at: NullableTs;
  left_at: NullableTs;
  tokens_issued: Generated<number>;
  signed_notes: Generated<number>;
}

export interface AttendanceEventTable {
  id: Generated<BigintCol>;
  meeting_id: string;
  person_id: string;
  kind: 'in' | 'out';
  method: 'code' | 'hall_code' | 'secretariat';
  at: Generated<Date>;
  recorded_by: string | null;
}

export interface MeetingRoleTable {
  meeting_id: string;
  person_id: string;
  role: MeetingRoleName;
  how: Generated<'elected' | 'appointed'>;
  assigned_at: Generated<Date>;
}

export interface SpeakerRequestTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  person_id: string;
  kind: FloorKind;
  status: Generated<FloorStatus>;
  position: number;
  limit_seconds: number;
  requested_at: Generated<Date>;
  started_at: NullableTs;
  ended_at: NullableTs;
}

export interface TranscriptEntryTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  seq: number;
  kind: TranscriptKind;
  speaker_person_id: string | null;
  speaker_label: string;
  text: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface NoteKeyTable {
  meeting_id: string;
  public_key_spki: string;
  private_key_pkcs8: string;
  created_at: Generated<Date>;
}

export interface QuestionNoteTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  addressed_to: 'speaker' | 'presidium';
  speaker_person_id: string | null;
  text: string;
  token_hash: string | null;
  signed_by: string | null;
  received_minute: Ts;
  group_label: string | null;
  status: Generated<NoteStatus>;
  answer: string | null;
  answered_at: NullableTs;
  answer_entry_id: string | null;
}

export interface MeetingProtocolTable {
  meeting_id: string;
  lang: 'en' | 'ru';
  body: string;
  status: Generated<ProtocolStatus>;
  generated_at: Generated<Date>;
  edited_by: string | null;
  edited_at: NullableTs;
  approved_by: string | null;
  approved_at: NullableTs;
  sealed_record_seq: BigintCol | null;
  version: Generated<number>;
}

export interface SealedRecordTable {
  seq: BigintCol;
  organisation_id: string;
  kind: string;
  subject_id: string;
  label: string;
  content: string;
  content_hash: string;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
  sealed_by: string | null;
}

export interface AssemblyTables {
  meeting: MeetingTable;
  agenda_item: AgendaItemTable;
  meeting_participant: MeetingParticipantTable;
  attendance_event: AttendanceEventTable;
  meeting_role: MeetingRoleTable;
  speaker_request: SpeakerRequestTable;
  transcript_entry: TranscriptEntryTable;
  note_key: NoteKeyTable;
  question_note: QuestionNoteTable;
  meeting_protocol: MeetingProtocolTable;
  sealed_record: SealedRecordTable;
}
