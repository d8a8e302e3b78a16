-- Membership foundation: the sympathiser status, leaving and registration dates on persons,
-- the audit trail of every state change, and recorded decisions of bodies.
alter table person drop constraint person_status_check;
alter table person add constraint person_status_check
  check (status in ('member', 'candidate', 'sympathiser', 'non_member'));
alter table person add column left_on date;
alter table person add column left_reason text;
-- The body that last held a member deregistered for a transfer, and since when they are registered nowhere.
alter table person add column last_body_id uuid references body(id);
alter table person add column deregistered_on date;

-- Every state change in a member's life: who, when, what, why.
create table audit_event (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  subject_person_id uuid references person(id),
  actor_person_id uuid references person(id),
  at timestamptz not null default now(),
  effective_on date not null,
  process text not null,
  entity_id uuid,
  action text not null,
  from_state text,
  to_state text,
  reason text,
  details jsonb not null default '{}'
);
create index audit_event_subject on audit_event (subject_person_id, at);
create index audit_event_entity on audit_event (entity_id, at);

-- A decision of a body, by vote, with its reasons (admission, discipline, appeal, review, resignation).
create table decision (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  body_id uuid not null references body(id),
  taken_on date not null,
  process text not null,
  entity_id uuid not null,
  outcome text not null,
  votes_for int check (votes_for >= 0),
  votes_against int check (votes_against >= 0),
  votes_abstained int check (votes_abstained >= 0),
  reasons text,
  recorded_by uuid references person(id),
  -- the general assembly that took it, once assemblies exist
  assembly_id uuid,
  created_at timestamptz not null default now()
);
create index decision_entity on decision (entity_id, taken_on);
