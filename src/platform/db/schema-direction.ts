// Kysely table types of the direction migrations (0017, 0018; ADR 0027). Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string, string>;

export interface IndicatorTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  name_ru: string;
  value_type: 'number' | 'integer' | 'percentage' | 'yes_no' | 'text';
  unit: string | null;
  unit_ru: string | null;
  aggregation: 'sum' | 'average' | 'average_of_sums' | 'count' | 'last' | 'min' | 'max' | 'none';
  decimals: number | null;
  min_value: number | null;
  max_value: number | null;
  tolerance_abs: number | null;
  tolerance_rel: number | null;
  retired_at: NullableTs;
  created_at: Ts;
}

export interface ReportFormTable {
  id: string;
  organisation_id: string;
  name: string;
  name_ru: string;
  requires_protocol: Generated<boolean>;
  committee_summary: Generated<boolean>;
  used_at: NullableTs;
  created_by: string | null;
  created_at: Ts;
}

export interface ReportFormItemTable {
  form_id: string;
  indicator_id: string;
  position: number;
  required: Generated<boolean>;
}

export interface ValidationRuleTable {
  id: string;
  form_id: string;
  position: number;
  name: string;
  name_ru: string;
  importance: 'high' | 'medium' | 'low';
  blocking: Generated<boolean>;
  expr: Json;
}

export interface ReportScheduleTable {
  id: string;
  organisation_id: string;
  issuer_body_id: string;
  form_id: string;
  frequency: 'monthly' | 'quarterly' | 'yearly';
  body_kinds: string[];
  due_days: number;
  expiry_days: number;
  starts_on: DateCol;
  ends_on: NullableDate;
  created_by: string | null;
  created_at: Ts;
}

export interface DirectiveTable {
  id: string;
  organisation_id: string;
  issuer_body_id: string;
  motion_id: string | null;
  decision_id: string | null;
  title: string;
  title_ru: string;
  text: string;
  text_ru: string;
  addressing: Json;
  deadline: Ts;
  split_mode: 'equal' | 'at_least';
  form_id: string | null;
  issued_by: string | null;
  issued_at: Ts;
}

export interface DirectiveConcretisationTable {
  directive_id: string;
  body_id: string;
  text: string;
  text_ru: string;
  deadline: Ts;
  motion_id: string | null;
  decision_id: string | null;
  issued_by: string | null;
  issued_at: Ts;
}

export interface TargetRuleTable {
  directive_id: string;
  indicator_id: string;
  mode: 'per_addressee' | 'per_member';
  value: number;
  sense: 'at_least' | 'at_most';
}

export interface DirectionRoundTable {
  id: string;
  organisation_id: string;
  issuer_body_id: string;
  directive_id: string | null;
  schedule_id: string | null;
  form_id: string | null;
  period_start: DateCol;
  period_end: DateCol;
  due_at: Ts;
  expires_at: Ts;
  frozen_at: Ts;
}

export type ReportStateCol = 'none' | 'draft' | 'submitted' | 'returned' | 'approved' | 'reopened';

export interface RoundBodyTable {
  round_id: string;
  body_id: string;
  addressed: boolean;
  relay: boolean;
  path: string;
  depth: number;
  parent_id: string | null;
  stripe: Generated<number>;
  members: Generated<number>;
  due_at: Ts;
  ack_at: NullableTs;
  ack_by: string | null;
  state: Generated<ReportStateCol>;
  version: Generated<number>;
  current_version_id: string | null;
  counted_version_id: string | null;
  first_submitted_at: NullableTs;
  on_time: boolean | null;
  excused_at: NullableTs;
  accepted_at: NullableTs;
  open_until: NullableTs;
}

export interface ReportVersionTable {
  id: string;
  round_id: string;
  body_id: string;
  n: number;
  scope: 'own' | 'summary';
  vals: Json;
  text: string | null;
  meeting_id: string | null;
  agenda_item_id: string | null;
  saved_by: string | null;
  saved_at: Ts;
  submitted_at: NullableTs;
}

export interface DirectionActTable {
  id: string;
  round_id: string;
  body_id: string;
  act: string;
  version_id: string | null;
  reason: string | null;
  by_person: string | null;
  at: Ts;
}

export interface RollupTable {
  round_id: string;
  body_id: string;
  indicator_id: string;
  /** -1: the node's own report; 0..: its descendants' reports, striped */
  stripe: number;
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
}

export interface RoundProgressTable {
  round_id: string;
  body_id: string;
  stripe: number;
  expected: number;
  members: number;
  submitted: number;
  reported: number;
  on_time: number;
  returned: number;
  approved: number;
  excused: number;
  acknowledged: number;
}

export interface RoundTargetTable {
  round_id: string;
  body_id: string;
  indicator_id: string;
  value: number;
  set_by_body_id: string;
  set_at: Ts;
}

export interface DiscrepancyTable {
  round_id: string;
  body_id: string;
  indicator_id: string;
  summary: number;
  raw: number | null;
  raw_reports: number;
  expected: number;
  flagged: boolean;
  flagged_at: NullableTs;
}

export interface ReportFlagTable {
  id: string;
  round_id: string;
  body_id: string;
  version_id: string;
  kind: 'rule' | 'outlier';
  rule_id: string | null;
  indicator_id: string | null;
  importance: string;
  detail: Json;
}

export interface CampaignTable {
  id: string;
  directive_id: string;
  meet_by: DateCol;
  meeting_kind: string;
  item_title: string;
  item_title_ru: string;
  created_at: Generated<Date>;
}

export interface CampaignMeetingTable {
  meeting_id: string;
  campaign_id: string;
  body_id: string;
  agenda_item_id: string;
  convened_at: Generated<Date>;
  held_at: NullableTs;
  present: number | null;
  entitled: number | null;
  quorate: boolean | null;
  protocol_at: NullableTs;
  cancelled_at: NullableTs;
}

export interface CampaignProgressTable {
  round_id: string;
  body_id: string;
  stripe: number;
  convened: Generated<number>;
  held: Generated<number>;
  quorate: Generated<number>;
  protocols: Generated<number>;
}

export interface DirectionNoticeTable {
  round_id: string;
  body_id: string;
  kind: 'reminder' | 'escalation' | 'discrepancy';
  to_body_id: string;
  at: Ts;
}

export interface DirectionDigestTable {
  body_id: string;
  for_date: DateCol;
  content: Json;
  created_at: Ts;
}

export interface DirectionTables {
  indicator: IndicatorTable;
  report_form: ReportFormTable;
  report_form_item: ReportFormItemTable;
  validation_rule: ValidationRuleTable;
  report_schedule: ReportScheduleTable;
  directive: DirectiveTable;
  directive_concretisation: DirectiveConcretisationTable;
  target_rule: TargetRuleTable;
  direction_round: DirectionRoundTable;
  round_body: RoundBodyTable;
  report_version: ReportVersionTable;
  direction_act: DirectionActTable;
  rollup: RollupTable;
  round_progress: RoundProgressTable;
  round_target: RoundTargetTable;
  discrepancy: DiscrepancyTable;
  report_flag: ReportFlagTable;
  campaign: CampaignTable;
  campaign_meeting: CampaignMeetingTable;
  campaign_progress: CampaignProgressTable;
  direction_notice: DirectionNoticeTable;
  direction_digest: DirectionDigestTable;
}
