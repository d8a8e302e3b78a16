-- The first start of a database (`antaeus init`, the demo) marks itself 'building' before it writes anything and
-- 'complete' after its last step (ADR 0018). A mark still 'building' was left by an interrupted first start: the
-- next `init`, `demo` or `serve --demo` empties the database and begins again; `serve` refuses to serve it.
-- One row at most. A database with an organisation and no row (set up before this migration) counts as complete.
create table installation (
  id boolean primary key default true check (id),
  kind text not null check (kind in ('demo', 'init')),
  state text not null check (state in ('building', 'complete')),
  started_at timestamptz not null default now(),
  completed_at timestamptz
);
