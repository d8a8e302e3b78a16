-- Foundation: organisations, statute versions, enterprises, the tree of bodies, persons,
-- offices, accounts and sessions, and the outbox. Runs on PGlite and PostgreSQL alike.
create extension if not exists ltree;

create table organisation (
  id uuid primary key,
  name text not null,
  name_ru text,
  created_at timestamptz not null default now()
);

-- Each version of the statute (Ustav): its rules as validated JSON, the date it takes
-- effect and the decision that adopted it. Acts are judged by the version in force on their date.
create table statute_version (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  version int not null,
  preset text not null,
  effective_from date not null,
  adopted_by text not null,
  rules jsonb not null,
  created_at timestamptz not null default now(),
  unique (organisation_id, version)
);

create table enterprise (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  name text not null,
  name_ru text,
  industry text not null default 'industry',
  workforce int not null check (workforce >= 0),
  created_at timestamptz not null default now()
);

-- The tree. path is the materialised path of ltree labels (one per ancestor id, hex, no dashes),
-- so a subtree or the ancestors of a body are one indexed query. region_id is the top-level
-- region (distribution key for a future Citus deployment).
create table body (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  parent_id uuid references body(id),
  path ltree not null,
  depth int not null,
  kind text not null,
  name text not null,
  name_ru text,
  enterprise_id uuid references enterprise(id),
  -- the primary organisation a shop cell or party group belongs to (itself for a primary organisation)
  primary_id uuid references body(id),
  region_id uuid,
  status text not null default 'active' check (status in ('active', 'dissolved', 'merged')),
  merged_into uuid references body(id),
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index body_path_gist on body using gist (path);
create index body_parent on body (parent_id);
create index body_org_kind on body (organisation_id, kind);
create index body_primary on body (primary_id);
create index body_enterprise on body (enterprise_id);
create index body_name_lower on body (lower(name) text_pattern_ops);

create table person (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  family_name text not null,
  given_name text not null,
  patronymic text,
  name_ru text,
  sex text check (sex in ('m', 'f')),
  birth_year int,
  social_position text not null,
  status text not null check (status in ('member', 'candidate', 'non_member')),
  body_id uuid references body(id),
  enterprise_id uuid references enterprise(id),
  joined_on date,
  candidate_since date,
  card_number text,
  created_at timestamptz not null default now()
);
create unique index person_card on person (organisation_id, card_number) where card_number is not null;
create index person_body_status on person (body_id, status);
create index person_family_lower on person (lower(family_name) text_pattern_ops);
create index person_org on person (organisation_id);

create table office (
  id uuid primary key,
  body_id uuid not null references body(id),
  person_id uuid not null references person(id),
  title text not null,
  starts_on date not null,
  ends_on date,
  created_at timestamptz not null default now()
);
create index office_person on office (person_id);
create index office_body on office (body_id);

create table account (
  id uuid primary key,
  person_id uuid not null unique references person(id),
  login text not null unique,
  password_hash text not null,
  locale text not null default 'en',
  created_at timestamptz not null default now()
);

-- Sessions are stored by the SHA-256 of their token, never the token itself.
create table session (
  token_hash text primary key,
  account_id uuid not null references account(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_account on session (account_id);

create table login_attempt (
  id bigint generated always as identity primary key,
  login text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_login_at on login_attempt (login, at);

-- Outbox: every change others must see is written here in the same transaction;
-- one notifier wakes listeners with one NOTIFY per batch.
create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
