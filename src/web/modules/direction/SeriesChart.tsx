// The chart over periods on a scheduled round's dashboard (issue 13 point 9): for one body, each opened period of the
// schedule as a bar of completeness (reports in of expected) and the chosen indicator's total as a line over them.
// SVG with a title and a description for screen readers, and the same figures as a table (the accessible
// alternative, also what a phone shows).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Series } from '../../../contracts/direction-insight.js';
import { useFormat } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import { useSeries } from './live.js';
import './insight.css';

const W = 560;
const H = 220;
const PAD = { left: 44, right: 52, top: 12, bottom: 34 };

function share(p: Series['points'][number]): number {
  return p.completeness.expected > 0 ? Math.min(1, p.completeness.reported / p.completeness.expected) : 0;
}

function Chart({ series, code }: { series: Series; code: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const pts = series.points;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, pts.length);
  const barW = Math.max(4, Math.min(40, step * 0.6));
  const totals = pts.map((p) => p.figures.find((x) => x.code === code)?.total ?? null);
  const max = Math.max(0, ...totals.map((x) => x ?? 0));
  const top = max > 0 ? max : 1;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const yShare = (s: number) => PAD.top + plotH * (1 - s);
  const yTotal = (v: number) => PAD.top + plotH * (1 - v / top);
  const line = totals
    .map((v, i) => (v === null ? null : `${x(i)},${yTotal(v)}`))
    .filter((s): s is string => s !== null)
    .join(' ');
  const every = Math.max(1, Math.ceil(pts.length / 8));
  return (
    <svg
      className="chart direction-series hide-narrow"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{t('directionSeries.chartTitle', { name: code })}</title>
      <desc id={`${id}-d`}>{t('directionSeries.chartDesc')}</desc>
      <line className="chart-axis" x1={PAD.left} x2={W - PAD.right} y1={yShare(0)} y2={yShare(0)} />
      <text className="direction-series-axis" x={PAD.left - 6} y={yShare(1) + 4} textAnchor="end">
        {f.percent(1)}
      </text>
      <text className="direction-series-axis" x={PAD.left - 6} y={yShare(0)} textAnchor="end">
        {f.percent(0)}
      </text>
      <text className="direction-series-axis" x={W - PAD.right + 6} y={yTotal(top) + 4}>
        {f.number(top)}
      </text>
      {pts.map((p, i) => (
        <g key={p.roundId}>
          <title>{`${f.date(p.periodStart)}: ${f.percent(share(p))}`}</title>
          <rect className="direction-series-track" x={x(i) - barW / 2} y={yShare(1)} width={barW} height={plotH} />
          <rect
            className="chart-bar direction-chart-reported"
            x={x(i) - barW / 2}
            y={yShare(share(p))}
            width={barW}
            height={plotH * share(p)}
          />
          {i % every === 0 && (
            <text className="direction-series-axis" x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle">
              {f.date(p.periodStart)}
            </text>
          )}
        </g>
      ))}
      {line && <polyline className="direction-series-line" points={line} fill="none" />}
      {totals.map((v, i) =>
        v === null ? null : (
          <circle key={pts[i]!.roundId} className="direction-series-dot" cx={x(i)} cy={yTotal(v)} r={3.5} />
        ),
      )}
    </svg>
  );
}

/** The series of a schedule at a body; null for a round that is not a schedule's period. */
export function SeriesCard({ scheduleId, bodyId }: { scheduleId: string | null; bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const q = useSeries(scheduleId, bodyId);
  const [chosen, setChosen] = useState('');
  if (!scheduleId) return null;
  if (q.isPending) return <Loading />;
  if (q.isError) return null;
  const s = q.data;
  const numeric = s.indicators.filter((i) => i.valueType !== 'text' && i.aggregation !== 'none');
  const code = numeric.some((i) => i.code === chosen) ? chosen : (numeric[0]?.code ?? '');
  const indicator = numeric.find((i) => i.code === code);
  const indicatorName = indicator ? f.name({ name: indicator.name, nameRu: indicator.nameRu }) : '';
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('directionSeries.title')}</h2>
      {s.points.length === 0 ? (
        <p className="muted">{t('directionSeries.empty')}</p>
      ) : (
        <>
          {numeric.length > 0 && (
            <label className="field">
              <span>{t('directionSeries.indicator')}</span>
              <select value={code} onChange={(e) => setChosen(e.target.value)}>
                {numeric.map((i) => (
                  <option key={i.id} value={i.code}>
                    {f.name({ name: i.name, nameRu: i.nameRu })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Chart series={s} code={code} />
          <ul className="direction-legend small" aria-hidden="true">
            <li>
              <span className="direction-swatch direction-chart-reported" /> {t('directionSeries.legendBars')}
            </li>
            <li>
              <span className="direction-swatch direction-series-line-swatch" />{' '}
              {t('directionSeries.legendLine', { name: indicatorName })}
            </li>
          </ul>
          <details>
            <summary>{t('directionSeries.table')}</summary>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('directionSeries.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('directionSeries.period')}</th>
                    <th scope="col">{t('direction.c.expected')}</th>
                    <th scope="col">{t('direction.c.reported')}</th>
                    <th scope="col">{t('direction.c.onTime')}</th>
                    <th scope="col">{indicatorName || t('directionSeries.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.points.map((p) => {
                    const total = p.figures.find((x) => x.code === code)?.total ?? null;
                    return (
                      <tr key={p.roundId}>
                        <th scope="row">{f.date(p.periodStart)}</th>
                        <td>{f.number(p.completeness.expected)}</td>
                        <td>{f.number(p.completeness.reported)}</td>
                        <td>{f.number(p.completeness.onTime)}</td>
                        <td>{total === null ? '—' : f.number(Number(total.toFixed(2)))}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
