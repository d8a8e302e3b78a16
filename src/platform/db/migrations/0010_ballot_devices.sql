-- Issue 10: a voter's one ballot token lives on the device where they chose to vote and may be moved to another of
-- their devices (by a transfer code the server never sees). The server records when the token was issued and when
-- it was last moved, for the voter's own screens ("your ballot token was taken on another device at 14:05") —
-- never the token, never which ballot is theirs. Rows issued before this migration have no time.
alter table ballot_token_issue add column issued_at timestamptz;
alter table ballot_token_issue alter column issued_at set default now();
alter table ballot_token_issue add column moved_at timestamptz;

-- The statute's minimum turnout for a valid vote (per cent of the voting participants entitled), fixed at announce
-- like the majority; 0 = any valid ballot suffices (a vote without a valid ballot is always void).
alter table vote add column min_turnout smallint not null default 0 check (min_turnout between 0 and 100);
