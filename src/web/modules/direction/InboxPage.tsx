// A body's direction inbox (ADR 0027): the directives and reports it is bound by or relays, each with its state,
// due date (overdue marked) and acts — acknowledge by the server's flag, open the report, the directive or the
// dashboard. The issue form is offered when the server says the reader may issue from this body.
import { Link, Navigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../contracts/direction.js';
import { client, ok } from '../../app/api.js';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { Loading } from '../../ui/feedback.js';
import { FormError, useAct } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useBody } from '../organisation/queries.js';
import { PageError, StateBadge, useDay, useTitle } from './common.js';
import { isOverdue } from './logic.js';
import { DIRECTION, useInbox, useNotices } from './queries.js';

function Acknowledge({ item, bodyId }: { item: InboxItem; bodyId: string }) {
  const { t } = useTranslation();
  const title = useTitle();
  const act = useAct(
    () =>
      ok(
        client.POST('/api/direction/directives/{id}/acknowledge', {
          params: { path: { id: item.directiveId! } },
          body: { bodyId },
        }),
      ),
    [[...DIRECTION]],
  );
  return (
    <>
      <ActButton
        act={act}
        className="button"
        label={t('direction.acknowledgeOf', { title: title(item) })}
        onClick={() => act.mutate()}
      >
        {act.isPending ? t('forms.working') : t('direction.acknowledge')}
      </ActButton>
      {act.error ? <FormError id={`ack-${item.roundId}`} error={act.error} /> : null}
    </>
  );
}

function Item({ item, bodyId }: { item: InboxItem; bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const title = useTitle();
  const overdue = isOverdue(item, new Date());
  const q = `?bodyId=${bodyId}`;
  return (
    <li className="case direction-item" data-testid="inbox-item">
      <p className="direction-item-title">
        {item.directiveId ? (
          <Link to={`/direction/directives/${item.directiveId}${q}`}>{title(item)}</Link>
        ) : (
          <strong>{title(item)}</strong>
        )}
      </p>
      <p className="small">
        {t('direction.from', { name: f.name({ name: item.issuerName, nameRu: item.issuerNameRu }) })} ·{' '}
        {item.directiveId ? t('direction.kindDirective') : t('direction.kindSchedule')}
        {item.relay && <span className="badge badge-kind">{t('direction.relay')}</span>}
      </p>
      <p className="direction-item-facts">
        <span className={overdue ? 'direction-due direction-overdue' : 'direction-due'}>
          {t('direction.dueOn', { date: day(item.dueAt) })}
          {overdue && <span className="badge badge-warn">{t('direction.overdue')}</span>}
        </span>{' '}
        {item.addressed && item.hasForm && <StateBadge state={item.state} />}{' '}
        {item.ackAt ? (
          <span className="small muted">{t('direction.acknowledgedOn', { date: f.dateTime(item.ackAt) })}</span>
        ) : null}
      </p>
      <div className="act-row direction-links">
        {item.can.acknowledge && <Acknowledge item={item} bodyId={bodyId} />}
        {item.addressed && item.hasForm && (
          <Link className="button button-secondary" to={`/direction/rounds/${item.roundId}/reports/${bodyId}`}>
            {t('direction.openReport')}
          </Link>
        )}
        {item.campaignId && (
          <Link className="button button-secondary" to={`/direction/campaigns/${item.campaignId}${q}`}>
            {item.addressed ? t('direction.campaign.openMeetingOrConvene') : t('direction.campaign.openProgress')}
          </Link>
        )}
        {item.relay && (
          <Link className="button button-secondary" to={`/direction/rounds/${item.roundId}${q}`}>
            {t('direction.openDashboard')}
          </Link>
        )}
      </div>
    </li>
  );
}

/** Reminders before a due date and escalations of children overdue (the ticker's notices), newest first. */
function Notices({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const title = useTitle();
  const q = useNotices(bodyId);
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="notices-h" data-testid="direction-notices">
      <h2 id="notices-h">
        {t('direction.noticesTitle')}
        <span className="badge count-badge">
          <span aria-hidden="true">{items.length}</span>
          <span className="visually-hidden">{t('worklists.count', { count: items.length })}</span>
        </span>
      </h2>
      <ul className="plain-list">
        {items.map((n) => (
          <li key={`${n.roundId}-${n.bodyId}-${n.kind}`} className="case direction-notice">
            <span className={n.kind === 'reminder' ? 'badge' : 'badge badge-warn'}>
              {t(`direction.notice.${n.kind}`)}
            </span>{' '}
            {n.kind === 'reminder' ? (
              <Link to={`/direction/rounds/${n.roundId}/reports/${n.bodyId}`}>{title(n)}</Link>
            ) : (
              <Link to={`/direction/rounds/${n.roundId}?bodyId=${bodyId}`}>{title(n)}</Link>
            )}
            <p className="small">
              {n.kind !== 'reminder' && <>{f.name({ name: n.bodyName, nameRu: n.bodyNameRu })} · </>}
              {t('direction.dueOn', { date: day(n.dueAt) })} ·{' '}
              <span className="muted">{t('direction.noticeAt', { date: f.dateTime(n.at) })}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InboxPage() {
  const { bodyId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const body = useBody(bodyId);
  const inbox = useInbox(bodyId);
  const name = body.data ? f.name(body.data.body) : '';
  const title = t('direction.inboxTitle');
  const items = inbox.data?.items ?? [];
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/bodies/${bodyId}`}>{name || t('direction.body')}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <PageTitle title={name ? `${title} · ${name}` : title} sub={name ? <p className="subtitle">{name}</p> : null}>
        {title}
      </PageTitle>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <PageError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          {inbox.data.can.issue && (
            <p>
              <Link className="button" to={`/direction/issue?bodyId=${bodyId}`}>
                {t('direction.issueLink')}
              </Link>
            </p>
          )}
          <p>
            <Link to={`/direction/bodies/${bodyId}/digest`}>{t('directionDigest.link')}</Link>
          </p>
          <Notices bodyId={bodyId} />
          <section className="card" aria-labelledby="inbox-h">
            <h2 id="inbox-h">
              {t('direction.inboxItems')}
              {items.length > 0 && (
                <span className="badge count-badge">
                  <span aria-hidden="true">{items.length}</span>
                  <span className="visually-hidden">{t('worklists.count', { count: items.length })}</span>
                </span>
              )}
            </h2>
            {items.length === 0 ? (
              <p className="muted">{t('direction.inboxEmpty')}</p>
            ) : (
              <ul className="plain-list">
                {items.map((i) => (
                  <Item key={i.roundId} item={i} bodyId={bodyId} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}

/** /direction: the inbox of the reader's one body, or the list of the bodies their offices are in. */
export function DirectionHome() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe().data!;
  const title = t('direction.homeTitle');
  if (me.scopes.length === 1) return <Navigate to={`/direction/bodies/${me.scopes[0]!.bodyId}`} replace />;
  return (
    <section className="direction-page">
      <PageTitle title={title}>{title}</PageTitle>
      {me.scopes.length === 0 ? (
        <p>{t('direction.noOffices')}</p>
      ) : (
        <ul className="plain-list">
          {me.scopes.map((s) => (
            <li key={s.bodyId} className="case">
              <Link to={`/direction/bodies/${s.bodyId}`}>{f.name({ name: s.bodyName, nameRu: s.bodyNameRu })}</Link>{' '}
              <span className="small muted">{t(`office.${s.title}`, { defaultValue: s.title })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
