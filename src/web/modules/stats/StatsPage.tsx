// Statistics: size bands of primary organisations for a chosen body (default: the whole
// organisation) as a table and a chart, with the body's members, candidates and saturation.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SizeBand } from '../../../contracts/stats.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useBody, useBodySearch } from '../organisation/queries.js';
import { BandChart } from './BandChart.js';
import { useMe } from '../../app/auth.js';

import type { Named } from '../../app/names.js';

function BodyPicker({ onPick }: { onPick: (id: string | null) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const search = useBodySearch(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };
  return (
    <div className="body-picker">
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="stats-body">{t('stats.chooseBody')}</label>
        <span id="stats-body-help" className="muted small">
          {t('stats.chooseBodyHelp')}
        </span>
        <div className="search-row">
          <input
            id="stats-body"
            type="search"
            aria-describedby="stats-body-help"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t('tree.searchSubmit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft('');
              setQ('');
              onPick(null);
            }}
          >
            {t('stats.reset')}
          </button>
        </div>
      </form>
      {q && (
        <div aria-busy={search.isFetching}>
          {search.isPending ? (
            <Loading label={t('tree.searching')} />
          ) : search.isError ? (
            <ErrorNotice error={search.error} />
          ) : search.data.items.length === 0 ? (
            <p role="status">{t('tree.noResults', { q })}</p>
          ) : (
            <ul className="picker-list">
              {search.data.items.map((b) => (
                <li key={b.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setQ('');
                      setDraft('');
                      onPick(b.id);
                    }}
                  >
                    <span>{f.name(b)}</span>
                    <span className="badge badge-kind">{t(`kind.${b.kind}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export function StatsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  // a committee's officer starts at their own committee (the whole organisation stays one choice away)
  const bodyId = params.get('body') ?? (params.has('whole') ? null : (me?.scopes[0]?.bodyId ?? null));
  const bands = useQuery({
    queryKey: ['stats', 'size-bands', bodyId],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/stats/size-bands', { params: { query: { bodyId: bodyId ?? undefined } }, signal })),
  });
  const statsId = bands.data?.body.id;
  const figures = useQuery({
    queryKey: ['stats', 'body', statsId],
    queryFn: ({ signal }) => ok(client.GET('/api/stats/body/{id}', { params: { path: { id: statsId! } }, signal })),
    enabled: Boolean(statsId),
  });

  const bandLabel = (b: SizeBand) =>
    b.max === null
      ? t('stats.bandOpen', { over: f.number(b.min - 1) })
      : b.min <= 0
        ? t('stats.bandBelow', { max: f.number(b.max + 1) })
        : t('stats.bandLabel', { min: f.number(b.min), max: f.number(b.max) });

  const pick = (id: string | null) => setParams(id ? new URLSearchParams({ body: id }) : new URLSearchParams());
  const data = bands.data;
  // The body's names in both languages come from its own record.
  const named = useBody(statsId ?? '', Boolean(statsId));
  const shownName = named.data ? f.name(named.data.body) : data ? f.name(data.body as Named) : '';

  return (
    <section>
      <PageTitle title={t('stats.title')}>{t('stats.title')}</PageTitle>
      <BodyPicker onPick={pick} />

      <div aria-busy={bands.isFetching || figures.isFetching}>
        {bands.isPending ? (
          <Loading />
        ) : bands.isError ? (
          <ErrorNotice error={bands.error} onRetry={() => void bands.refetch()} />
        ) : (
          <>
            <p className="results-count" role="status">
              {t('stats.forBody', { name: bodyId ? shownName : `${shownName} (${t('stats.wholeOrganisation')})` })}{' '}
              {bodyId && <Link to={`/bodies/${bodyId}`}>{t('stats.openBody')}</Link>}{' '}
              {bodyId && (
                <Link to="/stats?whole=1" data-testid="stats-whole">
                  {t('stats.showWhole')}
                </Link>
              )}
            </p>
            <div className="grid">
              <section className="card" aria-labelledby="bands-h">
                <h2 id="bands-h">{t('stats.sizeBands')}</h2>
                <div className="table-wrap">
                  <table data-testid="size-bands">
                    <caption
                      className="muted small"
                      style={{ textAlign: 'left', captionSide: 'bottom', paddingTop: '0.5rem' }}
                    >
                      {t('stats.summary', { count: data!.total, n: f.number(data!.total) })}
                      {data!.belowMinimum > 0 && ` · ${t('tree.belowMinimumLong')}: ${f.number(data!.belowMinimum)}`}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('stats.band')}</th>
                        <th scope="col" className="num">
                          {t('stats.count')}
                        </th>
                        <th scope="col" className="num">
                          {t('stats.share')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data!.bands.map((b) => (
                        <tr key={b.band}>
                          <th scope="row">{bandLabel(b)}</th>
                          <td className="num count">{f.number(b.count)}</td>
                          <td className="num">{data!.total ? f.percent(b.count / data!.total) : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{t('stats.total')}</th>
                        <td className="num count">{f.number(data!.total)}</td>
                        <td className="num">{data!.total ? f.percent(1) : '—'}</td>
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </section>
              <section className="card" aria-labelledby="chart-h">
                <h2 id="chart-h">{t('stats.chart')}</h2>
                <BandChart bars={data!.bands.map((b) => ({ label: bandLabel(b), value: b.count }))} />
              </section>
            </div>
            <section className="card" aria-labelledby="figures-h">
              <h2 id="figures-h">{t('stats.bodyStats')}</h2>
              {figures.isPending ? (
                <Loading />
              ) : figures.isError ? (
                <ErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />
              ) : (
                <>
                  <dl className="facts">
                    <div>
                      <dt>{t('stats.members')}</dt>
                      <dd>{f.number(figures.data.members)}</dd>
                    </div>
                    <div>
                      <dt>{t('stats.candidates')}</dt>
                      <dd>{f.number(figures.data.candidates)}</dd>
                    </div>
                    <div>
                      <dt>{t('stats.primaryOrganisations')}</dt>
                      <dd>{f.number(figures.data.primaryOrganisations)}</dd>
                    </div>
                    {figures.data.saturation && (
                      <>
                        <div>
                          <dt>{t('stats.workforce')}</dt>
                          <dd>{f.number(figures.data.saturation.workforce)}</dd>
                        </div>
                        <div>
                          <dt>{t('stats.saturation')}</dt>
                          <dd>{f.percent(figures.data.saturation.ratio)}</dd>
                        </div>
                      </>
                    )}
                  </dl>
                  {figures.data.bySocialPosition.length > 0 && (
                    <div className="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('body.socialPosition')}</th>
                            <th scope="col" className="num">
                              {t('stats.members')}
                            </th>
                            <th scope="col" className="num">
                              {t('stats.candidates')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {figures.data.bySocialPosition.map((s) => (
                            <tr key={s.socialPosition}>
                              <th scope="row">
                                {t(`socialPosition.${s.socialPosition}`, { defaultValue: s.socialPosition })}
                              </th>
                              <td className="num">{f.number(s.members)}</td>
                              <td className="num">{f.number(s.candidates)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </>
              )}
            </section>
          </>
        )}
      </div>
    </section>
  );
}
