-- Stored figures for the statistics (ADR 0019): members and candidates registered directly in each body, by status
-- and social position. Kept by statement-level triggers on person in the transaction of every change (admission,
-- transfer, expulsion, import, the demo's bulk load…), one aggregated upsert per statement; the statistics of any
-- subtree sum these rows over its bodies instead of counting persons. Rows are upserted in key order so that
-- concurrent changes take the counters' row locks in one order. Owned by the stats module.
create table body_headcount (
  body_id uuid not null references body(id) on delete cascade,
  status text not null check (status in ('member', 'candidate')),
  social_position text not null,
  n int not null,
  primary key (body_id, status, social_position)
);

create function antaeus_headcount_insert() returns trigger language plpgsql as $$
begin
  insert into body_headcount (body_id, status, social_position, n)
  select body_id, status, social_position, count(*)::int from headcount_new
  where body_id is not null and status in ('member', 'candidate')
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (body_id, status, social_position) do update set n = body_headcount.n + excluded.n;
  return null;
end
$$;

create function antaeus_headcount_delete() returns trigger language plpgsql as $$
begin
  update body_headcount h set n = h.n - d.n
  from (select body_id, status, social_position, count(*)::int as n from headcount_old
        where body_id is not null and status in ('member', 'candidate')
        group by 1, 2, 3) d
  where h.body_id = d.body_id and h.status = d.status and h.social_position = d.social_position;
  return null;
end
$$;

create function antaeus_headcount_update() returns trigger language plpgsql as $$
begin
  -- the net change per key; an update that moves no one between keys (a renamed person) touches no counter
  insert into body_headcount (body_id, status, social_position, n)
  select body_id, status, social_position, sum(d)::int from (
    select body_id, status, social_position, 1 as d from headcount_new
    where body_id is not null and status in ('member', 'candidate')
    union all
    select body_id, status, social_position, -1 as d from headcount_old
    where body_id is not null and status in ('member', 'candidate')
  ) x
  group by 1, 2, 3 having sum(d) <> 0 order by 1, 2, 3
  on conflict (body_id, status, social_position) do update set n = body_headcount.n + excluded.n;
  return null;
end
$$;

create trigger person_headcount_insert after insert on person
  referencing new table as headcount_new for each statement execute function antaeus_headcount_insert();
create trigger person_headcount_delete after delete on person
  referencing old table as headcount_old for each statement execute function antaeus_headcount_delete();
create trigger person_headcount_update after update on person
  referencing old table as headcount_old new table as headcount_new
  for each statement execute function antaeus_headcount_update();

insert into body_headcount (body_id, status, social_position, n)
select body_id, status, social_position, count(*)::int from person
where body_id is not null and status in ('member', 'candidate')
group by 1, 2, 3;
