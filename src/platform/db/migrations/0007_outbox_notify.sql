-- Live updates (ADR 0009): one NOTIFY antaeus_outbox per statement that inserts outbox rows. PostgreSQL folds
-- identical notifications of one transaction into one, delivered at commit: listeners wake once per batch and
-- read the rows themselves. Runs on PGlite and PostgreSQL alike.
create function antaeus_outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('antaeus_outbox', '');
  return null;
end
$$;

create trigger outbox_notify after insert on outbox for each statement execute function antaeus_outbox_notify();
