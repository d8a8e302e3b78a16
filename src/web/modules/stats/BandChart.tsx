// Horizontal bar chart of size bands, drawn in SVG. It is an image with a title and description;
// the table beside it is the accessible alternative carrying the same figures.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';

export interface Bar {
  label: string;
  value: number;
}

export function BandChart({ bars }: { bars: Bar[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const width = 520;
  const labelW = 110;
  const valueW = 64;
  const rowH = 40;
  const barH = 24;
  const top = 8;
  const height = top * 2 + bars.length * rowH;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - valueW;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{t('stats.chartTitle')}</title>
      <desc id={`${id}-d`}>
        {t('stats.chartDesc')}{' '}
        {bars.map((b) => t('stats.barLabel', { band: b.label, count: b.value, n: f.number(b.value) })).join('; ')}
      </desc>
      <line className="chart-axis" x1={labelW} x2={labelW} y1={top / 2} y2={height - top / 2} />
      {bars.map((b, i) => {
        const y = top + i * rowH;
        const w = b.value === 0 ? 0 : Math.max(2, (b.value / max) * plotW);
        return (
          <g key={b.label}>
            <title>{t('stats.barLabel', { band: b.label, count: b.value, n: f.number(b.value) })}</title>
            <text className="chart-label" x={labelW - 8} y={y + rowH / 2} dominantBaseline="middle" textAnchor="end">
              {b.label}
            </text>
            <rect className="chart-bar" x={labelW} y={y + (rowH - barH) / 2} width={w} height={barH} rx={3} />
            <text className="chart-value" x={labelW + w + 6} y={y + rowH / 2} dominantBaseline="middle">
              {f.number(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
