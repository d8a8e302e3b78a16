-- Admission: applications for candidate or full membership, recommendations, the candidate stage and the
-- per-organisation card number counter.
create table admission_application (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  person_id uuid not null references person(id),
  -- the body applied to (a primary organisation or a shop cell) and its primary organisation
  body_id uuid not null references body(id),
  primary_id uuid not null references body(id),
  target text not null check (target in ('candidate', 'member')),
  state text not null check (state in ('collecting_recommendations', 'ready', 'admitted_by_primary',
    'rejected_by_primary', 'confirmed', 'rejected_by_committee', 'withdrawn')),
  social_position text not null,
  applied_on date not null,
  statement text,
  -- fixed by the statute in force on the application date
  required_recommendations int not null check (required_recommendations >= 0),
  min_standing_years numeric not null,
  primary_decision_id uuid references decision(id),
  decided_on date,
  confirming_body_id uuid references body(id),
  committee_decision_id uuid references decision(id),
  confirmed_on date,
  -- the general assembly that decided, once assemblies exist
  assembly_id uuid,
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index admission_application_primary on admission_application (primary_id, state);
create index admission_application_confirming on admission_application (confirming_body_id, state);
create index admission_application_person on admission_application (person_id);
-- one open application per person
create unique index admission_application_open on admission_application (person_id)
  where state in ('collecting_recommendations', 'ready', 'admitted_by_primary');

create table admission_recommendation (
  id uuid primary key,
  application_id uuid not null references admission_application(id),
  recommender_id uuid not null references person(id),
  state text not null check (state in ('requested', 'confirmed', 'declined')),
  text text,
  answered_on date,
  created_at timestamptz not null default now(),
  unique (application_id, recommender_id)
);
create index admission_recommendation_recommender on admission_recommendation (recommender_id, state);

-- The candidate stage of a person: from confirmation to full membership or refusal.
create table candidacy (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  person_id uuid not null references person(id),
  application_id uuid references admission_application(id),
  body_id uuid not null references body(id),
  primary_id uuid not null references body(id),
  state text not null check (state in ('candidate', 'extended', 'member', 'refused')),
  started_on date not null,
  ends_on date not null,
  extended_months int not null default 0 check (extended_months >= 0),
  closed_on date,
  created_at timestamptz not null default now()
);
create unique index candidacy_open on candidacy (person_id) where state in ('candidate', 'extended');
create index candidacy_primary on candidacy (primary_id, state, ends_on);

-- The last card number issued per organisation (taken with update … returning, never max()+1).
create table card_counter (
  organisation_id uuid primary key references organisation(id),
  last_value bigint not null default 0
);
