// Kysely table types of the discipline and review migration (0006). Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { ActKind, AppealLevel, AppealState, CaseOutcome, CaseState } from '../../contracts/discipline.js';
import type { PersonStatus } from '../../contracts/person.js';
import type { ReviewItemState, ReviewOutcome } from '../../contracts/review.js';

type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface DisciplineCaseTable {
  id: string;
  organisation_id: string;
  person_id: string;
  primary_id: string;
  charged_by: string | null;
  charged_on: DateCol;
  charge: string;
  notified_on: DateCol;
  answer: string | null;
  answered_on: NullableDate;
  heard_on: NullableDate;
  hearing_notes: string | null;
  state: CaseState;
  decided_on: NullableDate;
  outcome: CaseOutcome | null;
  decision_id: string | null;
  prior: Json;
  created_at: CreatedAt;
}

export interface PenaltyTable {
  id: string;
  organisation_id: string;
  person_id: string;
  act_kind: ActKind;
  act_id: string;
  kind: string;
  imposed_on: DateCol;
  expires_on: NullableDate;
  with_record: Generated<boolean>;
  lifted_on: NullableDate;
  lift_reason: string | null;
  annulled_on: NullableDate;
  created_at: CreatedAt;
}

export interface AppealTable {
  id: string;
  organisation_id: string;
  act_kind: ActKind;
  act_id: string;
  person_id: string;
  level: AppealLevel;
  body_id: string;
  parent_appeal_id: string | null;
  lodged_on: DateCol;
  deadline: DateCol;
  reasons: string;
  state: Generated<AppealState>;
  decided_on: NullableDate;
  decision_reasons: string | null;
  decision_id: string | null;
  created_at: CreatedAt;
}

export interface ReviewTable {
  id: string;
  organisation_id: string;
  body_id: string;
  title: string;
  opened_on: DateCol;
  deadline: DateCol;
  opened_by: string | null;
  state: Generated<'open' | 'closed'>;
  closed_on: NullableDate;
  created_at: CreatedAt;
}

export interface ReviewItemTable {
  id: string;
  review_id: string;
  organisation_id: string;
  person_id: string;
  body_id: string;
  primary_id: string | null;
  status_at_opening: PersonStatus;
  state: Generated<ReviewItemState>;
  outcome: ReviewOutcome | null;
  reasons: string | null;
  decided_on: NullableDate;
  decided_by: string | null;
  decision_id: string | null;
  prior: Json;
}

export interface DisciplineTables {
  discipline_case: DisciplineCaseTable;
  penalty: PenaltyTable;
  appeal: AppealTable;
  review: ReviewTable;
  review_item: ReviewItemTable;
}
