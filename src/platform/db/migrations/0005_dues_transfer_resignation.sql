-- Dues register, dues accounts, and resignations. Transfers live on person (body_id, last_body_id,
-- deregistered_on, migration 0003) and in the audit trail.

-- The month an organisation's dues register starts: arrears are never counted before it.
-- Set by the first payment recorded in the organisation (its month), or by the demo seed.
create table dues_register (
  organisation_id uuid primary key references organisation(id),
  start_month date not null check (extract(day from start_month) = 1)
);

-- One payment per member and month (the natural key). Amounts in minor units (kopecks, cents): exact.
-- body_id: where the member was registered when the payment was recorded; history, so no foreign keys
-- (bodies merge, and bulk loads of millions of rows stay fast).
create table dues_payment (
  person_id uuid not null,
  month date not null check (extract(day from month) = 1),
  organisation_id uuid not null,
  body_id uuid not null,
  earnings_minor bigint not null check (earnings_minor >= 0),
  amount_minor bigint not null check (amount_minor >= 0),
  paid_on date not null,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  constraint dues_payment_person_month primary key (person_id, month)
);

-- Dues collected per body and month, kept with each payment in the same transaction: a roll-up of any
-- subtree reads at most one row per body.
create table dues_body_month (
  month date not null,
  body_id uuid not null references body(id),
  organisation_id uuid not null,
  amount_minor bigint not null default 0,
  payments int not null default 0,
  primary key (month, body_id)
);

-- Per member: payments counted so far, the last month paid, the last declared earnings, and dues settled
-- before the register (imported): arrears = months due up to the previous month minus months paid.
-- No foreign keys: rows are written in bulk with the members (demo, import) and never outlive them.
create table dues_account (
  person_id uuid primary key,
  organisation_id uuid not null,
  opening_through date,
  paid_months int not null default 0 check (paid_months >= 0),
  last_month date,
  monthly_earnings_minor bigint
);

create table resignation (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  person_id uuid not null references person(id),
  body_id uuid not null references body(id),
  state text not null check (state in ('submitted', 'discussed', 'accepted', 'withdrawn')),
  -- kept exactly as written, never edited
  reasons text not null,
  submitted_on date not null,
  discussion text,
  discussed_on date,
  decision_id uuid references decision(id),
  decided_on date,
  withdrawn_on date,
  created_at timestamptz not null default now()
);
create unique index resignation_one_open on resignation (person_id) where state in ('submitted', 'discussed');
create index resignation_body on resignation (body_id, state);
create index person_last_body on person (last_body_id) where body_id is null;
