// "My meetings": upcoming and open meetings where the signed-in person is a participant or holds a role — from the
// moment a meeting is convened (convening gives the notice), each not yet open with its agenda, notice date and
// calendar file.
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { MeetingList } from './BodyMeetings.js';
import { useMyMeetings } from './queries.js';

export function MyMeetingsPage() {
  const { t } = useTranslation();
  const q = useMyMeetings();
  const title = t('meetings.myTitle');
  const items = q.data?.items ?? [];
  const open = items.filter((m) => m.status === 'open');
  const upcoming = items.filter((m) => m.status !== 'open');
  return (
    <article className="my-meetings">
      <PageTitle title={title}>{title}</PageTitle>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('meetings.myNone')}</p>
      ) : (
        <>
          {open.length > 0 && (
            <section className="card" aria-labelledby="open-meetings-h" data-testid="open-meetings">
              <h2 id="open-meetings-h">{t('meetings.inSession')}</h2>
              <MeetingList items={open} showBody />
            </section>
          )}
          {upcoming.length > 0 && (
            <section className="card" aria-labelledby="upcoming-meetings-h" data-testid="upcoming-meetings">
              <h2 id="upcoming-meetings-h">{t('meetings.upcoming')}</h2>
              <MeetingList items={upcoming} showBody details />
            </section>
          )}
        </>
      )}
    </article>
  );
}
