-- Direction (ADR 0027 §6, issue 13): a report's contribution lands, at every striped ancestor, in the stripe of the
-- REPORTING body (its hash modulo the ancestor's stripes), no longer in the stripe of the ancestor's child on the
-- path: the reports of one region now spread over all of the root's 32 stripes. round_body.stripe becomes the
-- node's own hash modulo 32 (every level's stripe count divides 32); the stored rows of the rounds already frozen
-- (rollup, round_progress, campaign_progress) are rebuilt under that meaning, so no round keeps both.
-- Owned by the direction module.

-- Rows per key at a node of this depth (rules/stripes.ts stripes): 32 at the root, 4 at a region and at a city, 1 below.
create function direction_stripes(depth int) returns int language sql immutable as $$
  select case depth when 1 then 32 when 2 then 4 when 3 then 4 else 1 end
$$;

-- A body's stored stripe (round_body.stripe): the first 32 bits of the md5 of its id modulo 32 (rules/stripes.ts
-- bodyStripe); at an ancestor of depth d its contributions land in direction_hash(id) % direction_stripes(d).
create function direction_hash(id uuid) returns int language sql immutable as $$
  select (('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % 32)::int
$$;

-- The stripe a body's contributions land in at an ancestor of depth `parent_depth` (rules/stripes.ts stripeOf).
create or replace function direction_stripe(label text, parent_depth int) returns int language sql immutable as $$
  select (('x' || substr(md5(label::uuid::text), 1, 8))::bit(32)::bigint
          % (case parent_depth when 1 then 32 when 2 then 4 when 3 then 4 else 1 end))::int
$$;

update round_body set stripe = direction_hash(body_id);

-- Retracting a stripe's extreme recomputes it from the own reports (stripe -1) of the descendants hashed into it:
-- those of one round and stored stripe, within the node's path range (only counted reports have a value).
create index round_body_stripe on round_body (round_id, stripe, path) where counted_version_id is not null;

-- Each round's rows rebuilt as recomputeRound does (t: the frozen depth of the round's issuer, where chains end).
delete from rollup;
insert into rollup (round_id, body_id, indicator_id, stripe, n, sum, min, max)
select x.round_id, subpath(x.path, d - 1, 1)::text::uuid, i.id,
       case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
       count(*) filter (where v.vals -> i.code is not null and v.vals -> i.code <> 'null'::jsonb)::int,
       coalesce(sum(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end), 0),
       min(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end),
       max(case when jsonb_typeof(v.vals -> i.code) = 'number' then (v.vals ->> i.code)::float8 end)
from round_body x
join (select r.id as round_id, i.depth from direction_round r
      join round_body i on i.round_id = r.id and i.body_id = r.issuer_body_id) t on t.round_id = x.round_id
join report_version v on v.id = x.counted_version_id
join direction_round r on r.id = x.round_id
join report_form_item fi on fi.form_id = r.form_id
join indicator i on i.id = fi.indicator_id
cross join generate_series(t.depth, x.depth) d
where x.counted_version_id is not null
group by 1, 2, 3, 4;

delete from round_progress;
insert into round_progress (round_id, body_id, stripe, expected, members, submitted, reported, on_time, returned,
                            approved, excused, acknowledged)
select x.round_id, subpath(x.path, d - 1, 1)::text::uuid,
       case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
       count(*)::int, sum(x.members)::int,
       count(*) filter (where x.state in ('submitted', 'approved', 'reopened'))::int,
       count(*) filter (where x.first_submitted_at is not null)::int,
       count(*) filter (where x.on_time)::int,
       count(*) filter (where x.state = 'returned')::int,
       count(*) filter (where x.state = 'approved')::int,
       count(*) filter (where x.excused_at is not null and x.state <> 'approved')::int,
       count(*) filter (where x.ack_at is not null)::int
from round_body x
join (select r.id as round_id, i.depth from direction_round r
      join round_body i on i.round_id = r.id and i.body_id = r.issuer_body_id) t on t.round_id = x.round_id
cross join generate_series(t.depth, x.depth) d
where x.addressed
group by 1, 2, 3;

delete from campaign_progress;
insert into campaign_progress (round_id, body_id, stripe, convened, held, quorate, protocols)
select x.round_id, subpath(x.path, d - 1, 1)::text::uuid,
       case when d = x.depth then -1 else x.stripe % direction_stripes(d) end,
       count(*)::int,
       count(*) filter (where m.held_at is not null)::int,
       count(*) filter (where m.quorate)::int,
       count(*) filter (where m.protocol_at is not null)::int
from campaign_meeting m
join campaign c on c.id = m.campaign_id
join direction_round r on r.directive_id = c.directive_id
join round_body x on x.round_id = r.id and x.body_id = m.body_id
join (select r.id as round_id, i.depth from direction_round r
      join round_body i on i.round_id = r.id and i.body_id = r.issuer_body_id) t on t.round_id = x.round_id
cross join generate_series(t.depth, x.depth) d
where m.cancelled_at is null
group by 1, 2, 3;
