-- Direction (ADR 0027 §8–9): campaigns through the assemblies — a directive bundled with a meeting every addressed
-- body holds by a date with a given agenda item; each body's own meeting, its outcome (held, attendance, quorum) and
-- its protocol; the meetings counted per frozen node as completeness is (striped as round_progress); reminders and
-- escalations of the ticker. Owned by the direction module.

create table campaign (
  id uuid primary key,
  directive_id uuid not null unique references directive(id),
  meet_by date not null,
  meeting_kind text not null,
  item_title text not null,
  item_title_ru text not null,
  created_at timestamptz not null default now()
);

-- A body's meeting of a campaign, convened from its inbox through assembly. A cancelled meeting frees the slot: at most
-- one meeting not cancelled per campaign and body.
create table campaign_meeting (
  meeting_id uuid primary key,
  campaign_id uuid not null references campaign(id),
  body_id uuid not null references body(id),
  agenda_item_id uuid not null,
  convened_at timestamptz not null default now(),
  held_at timestamptz,
  present int,
  entitled int,
  quorate boolean,
  protocol_at timestamptz,
  cancelled_at timestamptz
);
create unique index campaign_meeting_live on campaign_meeting (campaign_id, body_id) where cancelled_at is null;

-- Meetings per frozen node of the campaign's round (the node itself in stripe -1, its descendants in its stripes).
create table campaign_progress (
  round_id uuid not null,
  body_id uuid not null,
  stripe int not null,
  convened int not null default 0,
  held int not null default 0,
  quorate int not null default 0,
  protocols int not null default 0,
  primary key (round_id, body_id, stripe)
);

-- Reminders to an addressee before its due date, escalations to its frozen parent once overdue: one of each kind per
-- round and body.
create table direction_notice (
  round_id uuid not null references direction_round(id),
  body_id uuid not null references body(id),
  kind text not null check (kind in ('reminder', 'escalation', 'discrepancy')),
  to_body_id uuid not null references body(id),
  at timestamptz not null,
  primary key (round_id, body_id, kind)
);
create index direction_notice_to on direction_notice (to_body_id, at desc);
