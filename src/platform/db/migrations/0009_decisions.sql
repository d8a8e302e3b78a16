-- How an assembly decides (issue 5): motions and amendments, votes (open, roll-call, verifiable secret ballot),
-- elections and delegates' mandates. Runs on PostgreSQL 15 and PGlite alike.

-- Tellers (the counting commission) and the credentials commission are meeting roles too.
alter table meeting_role drop constraint meeting_role_role_check;
alter table meeting_role add constraint meeting_role_role_check
  check (role in ('chair', 'presidium', 'secretary', 'stenographer', 'secretariat', 'teller', 'credentials'));

-- A motion (draft resolution) on an agenda item, or an amendment to a motion (amends_id).
create table motion (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid not null references agenda_item(id),
  amends_id uuid references motion(id),
  -- number within the meeting, for people
  seq int not null,
  title text not null,
  -- a motion: its text as proposed; an amendment: the words it puts in
  text text not null,
  -- an amendment: the words of the motion's current text it replaces ('' adds `text` at the end)
  replaces text,
  -- a motion: its text with the amendments adopted so far (the final text once adopted)
  current_text text,
  question_kind text not null default 'ordinary'
    check (question_kind in ('ordinary', 'amendment', 'procedural', 'expulsion', 'statute', 'recall')),
  proposed_by uuid references person(id),
  proposer_label text not null,
  status text not null default 'proposed'
    check (status in ('proposed', 'supported', 'voting', 'adopted', 'rejected', 'withdrawn', 'lapsed')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  unique (meeting_id, seq),
  check ((amends_id is null) = (replaces is null))
);
create index motion_item on motion (agenda_item_id, seq);
create index motion_amends on motion (amends_id) where amends_id is not null;

create table motion_supporter (
  motion_id uuid not null references motion(id),
  person_id uuid not null references person(id),
  supported_at timestamptz not null default now(),
  primary key (motion_id, person_id)
);

-- A dissent recorded by a participant after the vote, printed in the protocol.
create table minority_opinion (
  id uuid primary key,
  motion_id uuid not null references motion(id),
  person_id uuid not null references person(id),
  text text not null,
  created_at timestamptz not null default now(),
  unique (motion_id, person_id)
);

-- An election of a bureau, a secretary, delegates or a commission.
create table election (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid not null references agenda_item(id),
  title text not null,
  office text not null check (office in ('bureau', 'secretary', 'delegates', 'commission', 'other')),
  target_body_id uuid references body(id),
  delegate_meeting_id uuid references meeting(id),
  seats int not null check (seats between 1 and 1000),
  method text not null check (method in ('plurality', 'approval', 'scottish_stv', 'meek')),
  ballot text not null check (ballot in ('open', 'secret')),
  status text not null default 'nominating' check (status in ('nominating', 'voting', 'closed', 'cancelled')),
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index election_meeting on election (meeting_id, created_at);

create table candidate (
  election_id uuid not null references election(id),
  person_id uuid not null references person(id),
  -- order on the ballot paper (the BLT candidate number)
  position int not null,
  nominated_by uuid references person(id),
  nominated_at timestamptz not null default now(),
  consent text not null default 'pending' check (consent in ('pending', 'consented', 'declined')),
  consent_at timestamptz,
  withdrawn boolean not null default false,
  elected boolean not null default false,
  primary key (election_id, person_id),
  unique (election_id, position)
);

-- A vote: on a motion, in an election, or on a question the chair puts.
create table vote (
  id uuid primary key,
  meeting_id uuid not null references meeting(id),
  agenda_item_id uuid references agenda_item(id),
  motion_id uuid references motion(id),
  election_id uuid references election(id),
  title text not null,
  method text not null check (method in ('open', 'roll_call', 'secret')),
  question_kind text check (question_kind in ('ordinary', 'amendment', 'procedural', 'expulsion', 'statute', 'recall')),
  -- the statute's majority for the question, fixed when announced
  threshold text check (threshold in ('simple', 'two_thirds')),
  base text check (base in ('cast', 'present', 'members')),
  -- elections: {method, seats, candidates: [{id, name}]} from the election, fixed when announced
  election_spec jsonb,
  status text not null default 'announced' check (status in ('announced', 'open', 'closed', 'cancelled')),
  -- voting participants present when the vote opened, and entitled to vote in all
  present_at_open int,
  entitled int,
  announced_by uuid references person(id),
  opened_by uuid references person(id),
  closed_by uuid references person(id),
  created_at timestamptz not null default now(),
  opened_at timestamptz,
  closed_at timestamptz,
  -- secret ballots: this vote's RSA key for eligibility tokens (RFC 9474)
  public_key_spki text,
  private_key_pkcs8 text,
  -- open votes: the tellers' count (ChoiceCounts or tallies per candidate), entered before the close
  tellers_count jsonb,
  counted_by uuid references person(id),
  -- the VoteResult once closed, and the published ballot board's SHA-256 (secret ballots)
  result jsonb,
  board_hash text,
  check (motion_id is null or election_id is null)
);
create index vote_meeting on vote (meeting_id, created_at);
create index vote_motion on vote (motion_id) where motion_id is not null;
create index vote_election on vote (election_id) where election_id is not null;
-- one vote at a time in a meeting
create unique index vote_one_running on vote (meeting_id) where status in ('announced', 'open');

-- Roll-call: each named vote.
create table roll_call_entry (
  vote_id uuid not null references vote(id),
  person_id uuid not null references person(id),
  choice text not null check (choice in ('for', 'against', 'abstain')),
  recorded_by uuid references person(id),
  recorded_at timestamptz not null default now(),
  primary key (vote_id, person_id)
);

-- Who obtained their one eligibility token for a secret ballot (who took part; never which ballot is theirs).
create table ballot_token_issue (
  vote_id uuid not null references vote(id),
  person_id uuid not null references person(id),
  primary key (vote_id, person_id)
);

-- A secret ballot: no person, no session, no time. The receipt is the SHA-256 of the token message; the token is
-- kept so anyone can check from the published board that the vote's key signed every ballot.
create table ballot (
  id uuid primary key,
  vote_id uuid not null references vote(id),
  receipt text not null,
  token_message text not null,
  token_signature text not null,
  content jsonb not null,
  unique (vote_id, receipt)
);

-- A delegate's mandate to a higher conference: from the electing body (and its election, if held here), checked
-- by the higher conference's credentials commission. Confirmed mandates make up the conference's roll.
create table mandate (
  id uuid primary key,
  to_meeting_id uuid not null references meeting(id),
  person_id uuid not null references person(id),
  from_body_id uuid not null references body(id),
  election_id uuid references election(id),
  voice text not null default 'voting' check (voice in ('voting', 'consultative')),
  status text not null default 'submitted' check (status in ('submitted', 'confirmed', 'rejected')),
  checked_by uuid references person(id),
  checked_at timestamptz,
  reason text,
  -- what confirming did to the roll, so a rejection undoes exactly that: 'new' participant row, a 'guest' given a
  -- voice, or a participant 'kept' as they were (entitled already)
  seated text check (seated in ('new', 'guest', 'kept')),
  created_at timestamptz not null default now(),
  unique (to_meeting_id, person_id)
);
create index mandate_from on mandate (from_body_id);

-- Ballots cannot be changed or removed, and a closed vote's result cannot be rewritten (the app refuses first).
create function antaeus_ballot_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'ballots cannot be changed' using errcode = 'P0001';
end
$$;
create trigger ballot_immutable before update or delete on ballot
  for each row execute function antaeus_ballot_immutable();

create function antaeus_vote_closed() returns trigger language plpgsql as $$
begin
  if old.status = 'closed' and (new.result is distinct from old.result or new.board_hash is distinct from old.board_hash
      or new.status <> old.status) then
    raise exception 'the vote is closed' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger vote_closed before update on vote
  for each row execute function antaeus_vote_closed();
