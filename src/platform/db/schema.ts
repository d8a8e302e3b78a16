// Kysely table types: the TypeScript view of the migrations. Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { BodyStatus } from '../../contracts/organisation.js';
import type { PersonStatus, SocialPosition } from '../../contracts/person.js';
import type { BodyKind } from '../../contracts/statute.js';
import type { AdmissionTables } from './schema-admission.js';
import type { DuesTables } from './schema-dues.js';
import type { DisciplineTables } from './schema-discipline.js';
import type { AssemblyTables } from './schema-assembly.js';
import type { BallotTables } from './schema-ballot.js';
import type { DirectionTables } from './schema-direction.js';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DateString = ColumnType<string, string, string>;

export interface OrganisationTable {
  id: string;
  name: string;
  name_ru: string | null;
  created_at: Timestamp;
}

export interface StatuteVersionTable {
  id: string;
  organisation_id: string;
  version: number;
  preset: string;
  effective_from: DateString;
  adopted_by: string;
  rules: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface EnterpriseTable {
  id: string;
  organisation_id: string;
  name: string;
  name_ru: string | null;
  industry: Generated<string>;
  workforce: number;
  created_at: Timestamp;
}

export interface BodyTable {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: BodyKind;
  name: string;
  name_ru: string | null;
  enterprise_id: string | null;
  primary_id: string | null;
  region_id: string | null;
  status: Generated<BodyStatus>;
  merged_into: string | null;
  created_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PersonTable {
  id: string;
  organisation_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  name_ru: string | null;
  sex: 'm' | 'f' | null;
  birth_year: number | null;
  social_position: SocialPosition;
  status: PersonStatus;
  body_id: string | null;
  enterprise_id: string | null;
  joined_on: ColumnType<string | null, string | null | undefined, string | null>;
  candidate_since: ColumnType<string | null, string | null | undefined, string | null>;
  card_number: string | null;
  created_at: Timestamp;
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  left_reason: ColumnType<string | null, string | null | undefined, string | null>;
  last_body_id: ColumnType<string | null, string | null | undefined, string | null>;
  deregistered_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OfficeTable {
  id: string;
  body_id: string;
  person_id: string;
  title: string;
  starts_on: DateString;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when the office was ended at once (the act, or dissolution): it confers nothing from then. */
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}

export interface AccountTable {
  id: string;
  person_id: string;
  login: string;
  password_hash: string;
  locale: Generated<string>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface PasswordResetTable {
  id: string;
  account_id: string;
  code_hash: string;
  issued_by: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  login: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface AuditEventTable {
  id: string;
  organisation_id: string;
  subject_person_id: string | null;
  actor_person_id: string | null;
  at: Timestamp;
  effective_on: DateString;
  process: string;
  entity_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: ColumnType<unknown, string | undefined, string>;
}

export interface DecisionTable {
  id: string;
  organisation_id: string;
  body_id: string;
  taken_on: DateString;
  process: string;
  entity_id: string;
  outcome: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstained: number | null;
  reasons: string | null;
  recorded_by: string | null;
  assembly_id: string | null;
  created_at: Timestamp;
}

/** The first start's mark (ADR 0018): one row, 'building' until the demo or `init` has written its last step. */
export interface InstallationTable {
  id: Generated<boolean>;
  kind: 'demo' | 'init';
  state: 'building' | 'complete';
  started_at: Generated<Timestamp>;
  completed_at: Timestamp | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
  /** sha256 of the file's text when applied (null only until the first run that kept checksums; ADR 0024). */
  checksum: string | null;
}

/** Members and candidates registered directly in a body, kept by triggers on person (migration 0015, ADR 0019). */
export interface BodyHeadcountTable {
  body_id: string;
  status: 'member' | 'candidate';
  social_position: string;
  n: number;
}

export interface DB
  extends AdmissionTables, DuesTables, DisciplineTables, AssemblyTables, BallotTables, DirectionTables {
  organisation: OrganisationTable;
  statute_version: StatuteVersionTable;
  enterprise: EnterpriseTable;
  body: BodyTable;
  person: PersonTable;
  office: OfficeTable;
  account: AccountTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  password_reset: PasswordResetTable;
  outbox: OutboxTable;
  schema_migration: SchemaMigrationTable;
  installation: InstallationTable;
  audit_event: AuditEventTable;
  decision: DecisionTable;
  body_headcount: BodyHeadcountTable;
}
