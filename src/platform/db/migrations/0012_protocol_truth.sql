-- The protocol is a true record (issue 10, point 6): a vote keeps the statute's quorum for its meeting, fixed
-- when the vote is announced (more than this fraction of the voting participants present). With the voting
-- participants present and entitled counted when the vote opens, it tells whether the vote was taken with a
-- quorum; a vote without one is not valid. Null on votes recorded before: their results carry no quorum.
alter table vote add column quorum_more_than double precision;
