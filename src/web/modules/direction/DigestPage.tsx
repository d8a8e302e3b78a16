// A committee's digest (issue 13 point 8): the rounds open at it with their due dates and completeness, its children
// past their due date that have not reported (the first ones named, the rest counted), discrepancies between
// committees' summaries and their organisations' reports, and reports returned for correction — in its subtree;
// with the PDF (English or Russian) and CSV downloads.
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PageError, StateBadge, useDay, useTitle } from './common.js';
import { useDigest } from './live.js';
import './insight.css';

export function DigestPage() {
  const { bodyId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const titleOf = useTitle();
  const q = useDigest(bodyId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const g = q.data;
  const name = f.name({ name: g.bodyName, nameRu: g.bodyNameRu });
  const title = t('directionDigest.title');
  const nameOf = (x: { name: string; nameRu: string | null }) => f.name(x);
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${bodyId}`}>{t('direction.inboxOf', { name })}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <PageTitle
        title={`${title} · ${name}`}
        sub={
          <p className="subtitle">
            {name} · {t('directionDigest.forDate', { date: f.date(g.forDate) })}
          </p>
        }
      >
        {title}
      </PageTitle>
      <p className="direction-digest-downloads">
        <a className="button button-secondary" href={urlOf('/api/direction/digest.pdf', {}, { bodyId, lang: 'en' })}>
          {t('directionDigest.pdfEn')}
        </a>
        <a className="button button-secondary" href={urlOf('/api/direction/digest.pdf', {}, { bodyId, lang: 'ru' })}>
          {t('directionDigest.pdfRu')}
        </a>
        <a className="button button-secondary" href={urlOf('/api/direction/digest', {}, { bodyId, format: 'csv' })}>
          {t('directionDigest.csv')}
        </a>
      </p>

      <section className="card" aria-labelledby="digest-due-h">
        <h2 id="digest-due-h">{t('directionDigest.due')}</h2>
        {g.rounds.length === 0 ? (
          <p className="muted">{t('directionDigest.nothing')}</p>
        ) : (
          <ul className="plain-list">
            {g.rounds.map((r) => (
              <li key={r.roundId}>
                <Link to={`/direction/rounds/${r.roundId}?bodyId=${bodyId}`}>{titleOf(r)}</Link>{' '}
                <span className="small muted">
                  {f.date(r.periodStart)} · {t('direction.dueOn', { date: day(r.dueAt) })}
                </span>{' '}
                {r.addressed && <StateBadge state={r.state} />}
                <dl className="direction-numbers">
                  <div>
                    <dt>{t('direction.c.expected')}</dt>
                    <dd>{f.number(r.expected)}</dd>
                  </div>
                  <div>
                    <dt>{t('direction.c.reported')}</dt>
                    <dd>{f.number(r.reported)}</dd>
                  </div>
                  <div>
                    <dt>{t('direction.c.onTime')}</dt>
                    <dd>{f.number(r.onTime)}</dd>
                  </div>
                </dl>
                {r.overdueCount > 0 && (
                  <>
                    <p className="notice notice-warn">{t('directionDigest.overdue', { count: r.overdueCount })}</p>
                    <ul>
                      {r.overdue.map((o) => (
                        <li key={o.bodyId}>
                          <Link to={`/direction/rounds/${r.roundId}?bodyId=${o.bodyId}`}>{nameOf(o)}</Link>{' '}
                          <span className="small muted">{t('directionDigest.missing', { count: o.missing })}</span>
                        </li>
                      ))}
                    </ul>
                    {r.overdueCount > r.overdue.length && (
                      <p className="small muted">
                        {t('directionDigest.more', { count: r.overdueCount - r.overdue.length })}
                      </p>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="digest-disc-h">
        <h2 id="digest-disc-h">{t('directionDigest.discrepancies')}</h2>
        {g.discrepancies.length === 0 ? (
          <p className="muted">{t('directionDigest.nothing')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('directionDigest.round')}</th>
                  <th scope="col">{t('direction.body')}</th>
                  <th scope="col">{t('directionDigest.indicator')}</th>
                  <th scope="col">{t('directionDigest.summary')}</th>
                  <th scope="col">{t('directionDigest.raw')}</th>
                </tr>
              </thead>
              <tbody>
                {g.discrepancies.map((x) => (
                  <tr key={`${x.roundId}-${x.bodyId}-${x.indicatorCode}`}>
                    <td>{titleOf(x)}</td>
                    <th scope="row">
                      <Link to={`/direction/rounds/${x.roundId}?bodyId=${x.bodyId}`}>{nameOf(x)}</Link>
                    </th>
                    <td>{x.indicatorCode}</td>
                    <td>{f.number(x.summary)}</td>
                    <td>{x.raw === null ? '—' : f.number(x.raw)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="digest-ret-h">
        <h2 id="digest-ret-h">{t('directionDigest.returned')}</h2>
        {g.returned.length === 0 ? (
          <p className="muted">{t('directionDigest.nothing')}</p>
        ) : (
          <ul>
            {g.returned.map((x) => (
              <li key={`${x.roundId}-${x.bodyId}`}>
                <Link to={`/direction/rounds/${x.roundId}/reports/${x.bodyId}`}>{nameOf(x)}</Link>{' '}
                <span className="small muted">{titleOf(x)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
