-- Discipline cases, penalties, appeals (generic over the decided act: a discipline case or a review item),
-- membership reviews and their items.
create table discipline_case (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  person_id uuid not null references person(id),
  -- the primary organisation the charge is brought in (and that decides)
  primary_id uuid not null references body(id),
  charged_by uuid references person(id),
  charged_on date not null,
  charge text not null,
  notified_on date not null,
  answer text,
  answered_on date,
  heard_on date,
  hearing_notes text,
  state text not null,
  decided_on date,
  outcome text,
  decision_id uuid references decision(id),
  -- the person's record before the decision's effects, restored when an appeal is upheld
  prior jsonb,
  created_at timestamptz not null default now()
);
create index discipline_case_person on discipline_case (person_id);
create index discipline_case_primary on discipline_case (primary_id, state);

create table penalty (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  person_id uuid not null references person(id),
  act_kind text not null,
  act_id uuid not null,
  kind text not null,
  imposed_on date not null,
  expires_on date,
  with_record boolean not null default false,
  lifted_on date,
  lift_reason text,
  annulled_on date,
  created_at timestamptz not null default now()
);
create index penalty_person on penalty (person_id);
create index penalty_act on penalty (act_id);

create table appeal (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  act_kind text not null check (act_kind in ('discipline', 'review')),
  act_id uuid not null,
  person_id uuid not null references person(id),
  level text not null check (level in ('higher_body', 'control_commission')),
  body_id uuid not null references body(id),
  parent_appeal_id uuid references appeal(id),
  lodged_on date not null,
  deadline date not null,
  reasons text not null,
  state text not null default 'pending' check (state in ('pending', 'upheld', 'dismissed')),
  decided_on date,
  decision_reasons text,
  decision_id uuid references decision(id),
  created_at timestamptz not null default now(),
  -- one appeal per act and level
  unique (act_id, level)
);
create index appeal_body on appeal (body_id, state);

create table review (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  body_id uuid not null references body(id),
  title text not null,
  opened_on date not null,
  deadline date not null,
  opened_by uuid references person(id),
  state text not null default 'open' check (state in ('open', 'closed')),
  closed_on date,
  created_at timestamptz not null default now()
);
create index review_body on review (body_id);

create table review_item (
  id uuid primary key,
  -- Only review and person are foreign keys: the items are written in bulk (tens of thousands in one
  -- INSERT … SELECT), and organisation, body and primary organisation are copied from rows just read.
  review_id uuid not null references review(id),
  organisation_id uuid not null,
  person_id uuid not null references person(id),
  -- where the person was registered when the review opened, and its primary organisation
  body_id uuid not null,
  primary_id uuid,
  status_at_opening text not null,
  state text not null default 'pending',
  outcome text,
  reasons text,
  decided_on date,
  decided_by uuid references person(id),
  decision_id uuid references decision(id),
  prior jsonb,
  unique (review_id, person_id)
);
create index review_item_body on review_item (review_id, body_id);
create index review_item_primary on review_item (primary_id, state);
