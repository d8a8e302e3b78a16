-- Issue 10: convening a meeting gives its notice, so everyone entitled sees it from then on (the notice had been a
-- separate act the web app never offered, and a member saw no meeting until it opened). A meeting convened at
-- shorter notice than the statute asks is marked urgent (an extraordinary meeting).
alter table meeting add column urgent boolean not null default false;
update meeting set notice_sent_at = created_at where notice_sent_at is null and status = 'convened';
