-- Issue 11: an office ended "now" confers nothing from that moment, although its last day (ends_on) is today.
-- ended_at is set by the act that ends an office at once (and by dissolution or merger of its body);
-- an office is in force while ended_at is null, starts_on <= today and ends_on is null or >= today.
alter table office add column ended_at timestamptz;
