// Kysely table types of the decisions migration (0009). Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type {
  ElectionOffice,
  ElectionStatus,
  MandateStatus,
  MotionStatus,
  VoteMethod,
  VoteStatus,
} from '../../contracts/ballot.js';
import type { CountMethod, MajorityBase, QuestionKind, Threshold } from '../../contracts/decision-rules.js';

type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface MotionTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  amends_id: string | null;
  seq: number;
  title: string;
  text: string;
  replaces: string | null;
  current_text: string | null;
  question_kind: Generated<QuestionKind>;
  proposed_by: string | null;
  proposer_label: string;
  status: Generated<MotionStatus>;
  created_at: Generated<Date>;
  decided_at: NullableTs;
}

export interface MotionSupporterTable {
  motion_id: string;
  person_id: string;
  supported_at: Generated<Date>;
}

export interface MinorityOpinionTable {
  id: string;
  motion_id: string;
  person_id: string;
  text: string;
  created_at: Generated<Date>;
}

export interface ElectionTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  title: string;
  office: ElectionOffice;
  target_body_id: string | null;
  delegate_meeting_id: string | null;
  seats: number;
  method: CountMethod;
  ballot: 'open' | 'secret';
  status: Generated<ElectionStatus>;
  created_by: string | null;
  created_at: Generated<Date>;
  closed_at: NullableTs;
}

export interface CandidateTable {
  election_id: string;
  person_id: string;
  position: number;
  nominated_by: string | null;
  nominated_at: Generated<Date>;
  consent: Generated<'pending' | 'consented' | 'declined'>;
  consent_at: NullableTs;
  withdrawn: Generated<boolean>;
  elected: Generated<boolean>;
}

export interface VoteTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  motion_id: string | null;
  election_id: string | null;
  title: string;
  method: VoteMethod;
  question_kind: QuestionKind | null;
  threshold: Threshold | null;
  base: MajorityBase | null;
  election_spec: NullableJson;
  status: Generated<VoteStatus>;
  present_at_open: number | null;
  entitled: number | null;
  /** The statute's quorum fraction, fixed at announce (null: recorded before it was kept). */
  quorum_more_than: ColumnType<number | null, number | null | undefined, number | null>;
  announced_by: string | null;
  opened_by: string | null;
  closed_by: string | null;
  created_at: Generated<Date>;
  opened_at: NullableTs;
  closed_at: NullableTs;
  public_key_spki: string | null;
  private_key_pkcs8: string | null;
  tellers_count: NullableJson;
  counted_by: string | null;
  result: NullableJson;
  board_hash: string | null;
  /** Per cent of the voting participants entitled who must cast a ballot for the vote to be valid (0010). */
  min_turnout: Generated<number>;
}

export interface RollCallEntryTable {
  vote_id: string;
  person_id: string;
  choice: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface BallotTokenIssueTable {
  vote_id: string;
  person_id: string;
  /** Null for tokens issued before migration 0010. */
  issued_at: NullableTs;
  moved_at: NullableTs;
}

export interface BallotTable {
  id: string;
  vote_id: string;
  receipt: string;
  token_message: string;
  token_signature: string;
  content: Json;
}

export interface MandateTable {
  id: string;
  to_meeting_id: string;
  person_id: string;
  from_body_id: string;
  election_id: string | null;
  voice: Generated<'voting' | 'consultative'>;
  status: Generated<MandateStatus>;
  checked_by: string | null;
  checked_at: NullableTs;
  reason: string | null;
  seated: string | null;
  created_at: Generated<Date>;
}

export interface BallotTables {
  motion: MotionTable;
  motion_supporter: MotionSupporterTable;
  minority_opinion: MinorityOpinionTable;
  election: ElectionTable;
  candidate: CandidateTable;
  vote: VoteTable;
  roll_call_entry: RollCallEntryTable;
  ballot_token_issue: BallotTokenIssueTable;
  ballot: BallotTable;
  mandate: MandateTable;
}
