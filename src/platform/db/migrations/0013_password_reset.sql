-- One-time password reset codes a manager issues for a person's account (ADR 0016). Only the SHA-256 of the code
-- is kept; a code lives until it expires or is used, and a new one replaces any unused one of the account.
create table password_reset (
  id uuid primary key,
  account_id uuid not null references account(id) on delete cascade,
  code_hash text not null unique,
  issued_by uuid not null references person(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_account on password_reset (account_id);
