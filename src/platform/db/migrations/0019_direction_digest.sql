-- Direction (ADR 0027 §9, issue 13 point 8): each committee's daily digest of what is due, overdue and flagged in its
-- subtree, stored by the ticker once per body and local day (idempotent by the key) and served when present.
-- Owned by the direction module.

create table direction_digest (
  body_id uuid not null references body(id),
  for_date date not null,
  content jsonb not null,
  created_at timestamptz not null default now(),
  primary key (body_id, for_date)
);

-- The committees of a round (the ticker's daily digest finds them without reading every organisation's node).
create index round_body_relay on round_body (round_id, body_id) where relay;
