-- Assemblies (issue 4): meetings of every kind with agenda, participants and attendance, presidium, list of
-- speakers, verbatim transcript, anonymous question notes (RFC 9474 blind RSA tokens), protocol, and the
-- sealed-record hash chain. Runs on PostgreSQL 15 and PGlite alike.

create table meeting (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  body_id uuid not null references body(id),
  kind text not null check (kind in ('general_assembly', 'shop_cell_meeting', 'bureau_session', 'conference', 'congress', 'open_meeting')),
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text not null,
  status text not null default 'convened' check (status in ('convened', 'open', 'closed', 'cancelled')),
  -- shown on the projector; typed or scanned by a delegate to check in on a phone
  hall_code text not null,
  notice text,
  notice_sent_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  current_item_id uuid,
  convened_by uuid references person(id),
  -- bumped on every change of the live state; optimistic concurrency for the chair's moves
  revision int not null default 0,
  created_at timestamptz not null default now()
);
create index meeting_body on meeting (body_id, starts_at desc);
create index meeting_org_starts on meeting (organisation_id, starts_at desc);

create table agenda_item (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  position int not null,
  title text not null,
  reporter_person_id uuid references person(id),
  reporter_name text,
  -- [{ title, text?, url? }]
  documents jsonb not null default '[]',
  status text not null default 'pending' check (status in ('pending', 'current', 'done')),
  started_at timestamptz,
  ended_at timestamptz,
  unique (meeting_id, position) deferrable initially deferred
);

-- Everyone entitled (voting or consultative voice) and guests admitted at the door.
create table meeting_participant (
  meeting_id uuid not null references meeting(id),
  person_id uuid not null references person(id),
  voice text not null check (voice in ('voting', 'consultative', 'guest')),
  -- personal check-in code (also encoded in the participant's QR)
  code text not null,
  present boolean not null default false,
  checked_in_at timestamptz,
  left_at timestamptz,
  -- blind-signed note tokens issued to this person (the statute's per-person limit)
  tokens_issued int not null default 0,
  -- notes sent under the person's own name
  signed_notes int not null default 0,
  primary key (meeting_id, person_id),
  unique (meeting_id, code)
);
create index meeting_participant_present on meeting_participant (meeting_id, present, voice);
create index meeting_participant_person on meeting_participant (person_id);

-- Arrivals and departures, in order (late arrivals, early departures).
create table attendance_event (
  id bigint generated always as identity primary key,
  meeting_id uuid not null references meeting(id),
  person_id uuid not null references person(id),
  kind text not null check (kind in ('in', 'out')),
  method text not null check (method in ('code', 'hall_code', 'secretariat')),
  at timestamptz not null default now(),
  recorded_by uuid references person(id)
);
create index attendance_event_meeting on attendance_event (meeting_id, id);

-- Presidium, chair, secretary of the meeting, and working staff (stenographer, secretariat at the desk).
create table meeting_role (
  meeting_id uuid not null references meeting(id),
  person_id uuid not null references person(id),
  role text not null check (role in ('chair', 'presidium', 'secretary', 'stenographer', 'secretariat')),
  -- 'elected' by the meeting (with votes) or 'appointed' by the convening body
  how text not null default 'appointed' check (how in ('elected', 'appointed')),
  assigned_at timestamptz not null default now(),
  primary key (meeting_id, person_id, role)
);
create unique index meeting_one_chair on meeting_role (meeting_id) where role = 'chair';

create table speaker_request (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid not null references agenda_item(id),
  person_id uuid not null references person(id),
  kind text not null check (kind in ('report', 'speech', 'point_of_order', 'reply')),
  status text not null default 'waiting' check (status in ('waiting', 'speaking', 'done', 'withdrawn')),
  -- queue order within the item; points of order go before speeches
  position int not null,
  limit_seconds int not null,
  requested_at timestamptz not null default now(),
  started_at timestamptz,
  ended_at timestamptz
);
create index speaker_request_item on speaker_request (agenda_item_id, status, position);
create unique index speaker_one_speaking on speaker_request (meeting_id) where status = 'speaking';

create table transcript_entry (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid references agenda_item(id),
  seq int not null,
  kind text not null check (kind in ('speech', 'interjection', 'remark', 'note_answer', 'chair')),
  speaker_person_id uuid references person(id),
  -- as printed: 'Comrade Kirov', 'Voice from the floor', '' for a remark such as '(Laughter)'
  speaker_label text not null,
  text text not null,
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  unique (meeting_id, seq)
);

-- One RSA key per meeting for note tokens (RFC 9474, RSABSSA-SHA384-PSS-Randomized). Unlinkability rests on
-- the blinding, not on the key's secrecy: holding this row does not link a note to its author.
create table note_key (
  meeting_id uuid primary key references meeting(id),
  public_key_spki text not null,
  private_key_pkcs8 text not null,
  created_at timestamptz not null default now()
);

-- A question note. An anonymous note carries no person, no session, no token issuance reference: only the
-- spent token's hash (double-spend check) and when it arrived (rounded to the minute).
create table question_note (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid references agenda_item(id),
  addressed_to text not null check (addressed_to in ('speaker', 'presidium')),
  speaker_person_id uuid references person(id),
  text text not null,
  token_hash text unique,
  signed_by uuid references person(id),
  received_minute timestamptz not null,
  -- presidium's handling
  group_label text,
  status text not null default 'new' check (status in ('new', 'answered', 'set_aside')),
  answer text,
  answered_at timestamptz,
  answer_entry_id uuid references transcript_entry(id),
  check ((token_hash is null) <> (signed_by is null))
);
create index question_note_meeting on question_note (meeting_id, status);

create table meeting_protocol (
  meeting_id uuid primary key references meeting(id),
  lang text not null check (lang in ('en', 'ru')),
  body text not null,
  status text not null default 'draft' check (status in ('draft', 'approved', 'sealed')),
  generated_at timestamptz not null default now(),
  edited_by uuid references person(id),
  edited_at timestamptz,
  approved_by uuid references person(id),
  approved_at timestamptz,
  sealed_record_seq bigint,
  version int not null default 1
);

-- Records that cannot be altered unseen: each sealed record carries the SHA-256 of its canonical content
-- chained to its predecessor's hash. `prev_hash` is unique, so two concurrent seals cannot fork the chain.
create table sealed_record (
  seq bigint primary key,
  organisation_id uuid not null references organisation(id),
  kind text not null,
  subject_id uuid not null,
  label text not null,
  content text not null,
  content_hash text not null,
  prev_hash text not null unique,
  hash text not null unique,
  sealed_at timestamptz not null default now(),
  sealed_by uuid references person(id)
);
create index sealed_record_subject on sealed_record (subject_id);

create function antaeus_sealed_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'sealed records cannot be changed' using errcode = 'P0001';
end
$$;
create trigger sealed_record_immutable before update or delete on sealed_record
  for each row execute function antaeus_sealed_immutable();

-- A sealed protocol, and the transcript of a meeting whose protocol is sealed, refuse changes in the database
-- too (the app refuses first, with a clear error).
create function antaeus_protocol_sealed() returns trigger language plpgsql as $$
begin
  if old.status = 'sealed' then
    raise exception 'the protocol is sealed' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger meeting_protocol_sealed before update or delete on meeting_protocol
  for each row execute function antaeus_protocol_sealed();

create function antaeus_transcript_sealed() returns trigger language plpgsql as $$
begin
  if exists (select 1 from meeting_protocol p where p.meeting_id = old.meeting_id and p.status = 'sealed') then
    raise exception 'the transcript is sealed' using errcode = 'P0001';
  end if;
  return coalesce(new, old);
end
$$;
create trigger transcript_entry_sealed before update or delete on transcript_entry
  for each row execute function antaeus_transcript_sealed();
