// Kysely table types of the admission migrations. Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { ApplicationState, CandidacyState, RecommendationState } from '../../contracts/admission.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface AdmissionApplicationTable {
  id: string;
  organisation_id: string;
  person_id: string;
  body_id: string;
  primary_id: string;
  target: 'candidate' | 'member';
  state: ApplicationState;
  social_position: string;
  applied_on: ColumnType<string, string, string>;
  statement: string | null;
  required_recommendations: number;
  min_standing_years: ColumnType<number, number, number>;
  primary_decision_id: string | null;
  decided_on: NullableDate;
  confirming_body_id: string | null;
  committee_decision_id: string | null;
  confirmed_on: NullableDate;
  assembly_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AdmissionRecommendationTable {
  id: string;
  application_id: string;
  recommender_id: string;
  state: RecommendationState;
  text: string | null;
  answered_on: NullableDate;
  created_at: Timestamp;
}

export interface CandidacyTable {
  id: string;
  organisation_id: string;
  person_id: string;
  application_id: string | null;
  body_id: string;
  primary_id: string;
  state: CandidacyState;
  started_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  extended_months: Generated<number>;
  closed_on: NullableDate;
  created_at: Timestamp;
}

export interface CardCounterTable {
  organisation_id: string;
  last_value: ColumnType<number, number | undefined, number>;
}

export interface AdmissionTables {
  admission_application: AdmissionApplicationTable;
  admission_recommendation: AdmissionRecommendationTable;
  candidacy: CandidacyTable;
  card_counter: CardCounterTable;
}
