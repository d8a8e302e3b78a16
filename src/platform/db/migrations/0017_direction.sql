-- Direction (ADR 0027): indicators, report forms and their validation rules, schedules; directives with their
-- concretisations and targets; rounds that freeze the tree they bind (round_body), reports and their versions,
-- acts; roll-ups and completeness stored per frozen node in the submitting transaction (striped at the top
-- levels); discrepancies between a committee's own summary and its organisations' raw reports; flags.
-- Owned by the direction module.

create table indicator (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  code text not null,
  name text not null,
  name_ru text not null,
  value_type text not null check (value_type in ('number', 'integer', 'percentage', 'yes_no', 'text')),
  unit text,
  unit_ru text,
  aggregation text not null
    check (aggregation in ('sum', 'average', 'average_of_sums', 'count', 'last', 'min', 'max', 'none')),
  decimals int,
  min_value double precision,
  max_value double precision,
  tolerance_abs double precision,
  tolerance_rel double precision,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  unique (organisation_id, code)
);

create table report_form (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  name text not null,
  name_ru text not null,
  requires_protocol boolean not null default false,
  committee_summary boolean not null default false,
  -- set by the first round that uses the form: from then on it never changes (copy it to change it)
  used_at timestamptz,
  created_by uuid references person(id),
  created_at timestamptz not null default now()
);

create table report_form_item (
  form_id uuid not null references report_form(id),
  indicator_id uuid not null references indicator(id),
  position int not null,
  required boolean not null default false,
  primary key (form_id, indicator_id)
);

create table validation_rule (
  id uuid primary key,
  form_id uuid not null references report_form(id),
  position int not null,
  name text not null,
  name_ru text not null,
  importance text not null check (importance in ('high', 'medium', 'low')),
  blocking boolean not null default false,
  expr jsonb not null
);
create index validation_rule_form on validation_rule (form_id, position);

create table report_schedule (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  issuer_body_id uuid not null references body(id),
  form_id uuid not null references report_form(id),
  frequency text not null check (frequency in ('monthly', 'quarterly', 'yearly')),
  body_kinds text[] not null,
  due_days int not null check (due_days >= 0),
  expiry_days int not null check (expiry_days >= 0),
  starts_on date not null,
  ends_on date,
  created_by uuid references person(id),
  created_at timestamptz not null default now()
);

create table directive (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  issuer_body_id uuid not null references body(id),
  motion_id uuid,
  decision_id uuid,
  title text not null,
  title_ru text not null,
  text text not null,
  text_ru text not null,
  addressing jsonb not null,
  deadline timestamptz not null,
  split_mode text not null default 'at_least' check (split_mode in ('equal', 'at_least')),
  form_id uuid references report_form(id),
  issued_by uuid references person(id),
  issued_at timestamptz not null default now(),
  check (motion_id is not null or decision_id is not null)
);
create index directive_issuer on directive (issuer_body_id, issued_at);

create table directive_concretisation (
  directive_id uuid not null references directive(id),
  body_id uuid not null references body(id),
  text text not null,
  text_ru text not null,
  deadline timestamptz not null,
  motion_id uuid,
  decision_id uuid,
  issued_by uuid references person(id),
  issued_at timestamptz not null default now(),
  primary key (directive_id, body_id)
);

create table target_rule (
  directive_id uuid not null references directive(id),
  indicator_id uuid not null references indicator(id),
  mode text not null check (mode in ('per_addressee', 'per_member')),
  value double precision not null,
  sense text not null default 'at_least' check (sense in ('at_least', 'at_most')),
  primary key (directive_id, indicator_id)
);

create table direction_round (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  issuer_body_id uuid not null references body(id),
  directive_id uuid references directive(id),
  schedule_id uuid references report_schedule(id),
  form_id uuid references report_form(id),
  period_start date not null,
  period_end date not null,
  due_at timestamptz not null,
  expires_at timestamptz not null,
  frozen_at timestamptz not null default now(),
  unique (schedule_id, period_start),
  check ((directive_id is null) <> (schedule_id is null))
);
create index direction_round_issuer on direction_round (issuer_body_id, period_start);
create unique index direction_round_directive on direction_round (directive_id) where directive_id is not null;

-- The tree as it was when the round opened: every addressee and every relay (committee between the issuer and an
-- addressee, the issuer included). Completeness, roll-ups, approval and visibility of the round read only these.
create table round_body (
  round_id uuid not null references direction_round(id),
  body_id uuid not null references body(id),
  addressed boolean not null,
  relay boolean not null,
  path ltree not null,
  depth int not null,
  parent_id uuid,
  -- the stripe this node's figures land in, in its parent's rows (ADR 0027 §6)
  stripe int not null default 0,
  members int not null default 0,
  due_at timestamptz not null,
  ack_at timestamptz,
  ack_by uuid references person(id),
  state text not null default 'none'
    check (state in ('none', 'draft', 'submitted', 'returned', 'approved', 'reopened')),
  version int not null default 0,
  current_version_id uuid,
  counted_version_id uuid,
  first_submitted_at timestamptz,
  on_time boolean,
  excused_at timestamptz,
  accepted_at timestamptz,
  open_until timestamptz,
  primary key (round_id, body_id)
);
create index round_body_parent on round_body (round_id, parent_id, state);
create index round_body_body on round_body (body_id, round_id);

create table report_version (
  id uuid primary key,
  round_id uuid not null references direction_round(id),
  body_id uuid not null references body(id),
  n int not null,
  scope text not null default 'own' check (scope in ('own', 'summary')),
  vals jsonb not null,
  text text,
  meeting_id uuid,
  agenda_item_id uuid,
  saved_by uuid references person(id),
  saved_at timestamptz not null default now(),
  submitted_at timestamptz,
  unique (round_id, body_id, scope, n)
);

-- Every act on a report, append-only: saved, submitted, returned, approved, reopened, excused, accepted, level reopened.
create table direction_act (
  id uuid primary key,
  round_id uuid not null references direction_round(id),
  body_id uuid not null references body(id),
  act text not null,
  version_id uuid,
  reason text,
  by_person uuid references person(id),
  at timestamptz not null default now()
);
create index direction_act_node on direction_act (round_id, body_id, at);

-- Roll-ups: stripe -1 holds a node's own report; stripes 0.. its descendants' reports, each stripe summing a fixed
-- set of its children (direction_stripe), so concurrent submissions below a hot node do not queue on one row.
create table rollup (
  round_id uuid not null,
  body_id uuid not null,
  indicator_id uuid not null,
  stripe int not null,
  n int not null default 0,
  sum double precision not null default 0,
  min double precision,
  max double precision,
  primary key (round_id, body_id, indicator_id, stripe)
);

-- Completeness of a node's subtree (the node itself in stripe -1), striped as rollup.
create table round_progress (
  round_id uuid not null,
  body_id uuid not null,
  stripe int not null,
  expected int not null default 0,
  members int not null default 0,
  submitted int not null default 0,
  reported int not null default 0,
  on_time int not null default 0,
  returned int not null default 0,
  approved int not null default 0,
  excused int not null default 0,
  acknowledged int not null default 0,
  primary key (round_id, body_id, stripe)
);

-- The stripe a node's figures land in, in its parent's rows: 32 stripes at depth 1, 4 at depth 2, else one; the
-- first 32 bits of the md5 of the node's id (as rules/stripes.ts stripeOf). label: the node's path label.
create function direction_stripe(label text, parent_depth int) returns int language sql immutable as $$
  select case when parent_depth in (1, 2)
    then (('x' || substr(md5(label::uuid::text), 1, 8))::bit(32)::bigint % (case parent_depth when 1 then 32 else 4 end))::int
    else 0 end
$$;

create table round_target (
  round_id uuid not null references direction_round(id),
  body_id uuid not null references body(id),
  indicator_id uuid not null references indicator(id),
  value double precision not null,
  set_by_body_id uuid not null references body(id),
  set_at timestamptz not null default now(),
  primary key (round_id, body_id, indicator_id)
);

create table discrepancy (
  round_id uuid not null,
  body_id uuid not null,
  indicator_id uuid not null,
  summary double precision not null,
  raw double precision,
  raw_reports int not null,
  expected int not null,
  flagged boolean not null,
  flagged_at timestamptz,
  primary key (round_id, body_id, indicator_id)
);

create table report_flag (
  id uuid primary key,
  round_id uuid not null,
  body_id uuid not null,
  version_id uuid not null,
  kind text not null check (kind in ('rule', 'outlier')),
  rule_id uuid,
  indicator_id uuid,
  importance text not null,
  detail jsonb not null default '{}'
);
create index report_flag_node on report_flag (round_id, body_id);
