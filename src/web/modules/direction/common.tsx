// Pieces the direction pages share: a report's state as a badge, a title in the reader's language, the
// completeness bar with its numbers, and the page's refusal when the reader may not see it.
import { useTranslation } from 'react-i18next';
import type { Completeness, ReportState } from '../../../contracts/direction.js';
import { isApiError } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice } from '../../ui/feedback.js';
import { completenessParts } from './logic.js';
import './direction.css';

export function StateBadge({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return <span className={`badge direction-state direction-state-${state}`}>{t(`direction.state.${state}`)}</span>;
}

/** A title in the reader's language (the Russian one in Russian). */
export function useTitle() {
  const f = useFormat();
  return (x: { title: string; titleRu: string }) => f.name({ name: x.title, nameRu: x.titleRu });
}

/** A calendar day of an instant (a due date) in the organisation's zone, formatted: never the ISO string. */
export function useDay() {
  const f = useFormat();
  const zone = f.timeZone;
  return (iso: string) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(d)
      .slice(0, 10);
    return f.date(day);
  };
}

/** The same calendar day as YYYY-MM-DD (for a date field's bound). */
export function dayOf(iso: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(d)
    .slice(0, 10);
}

/** A stacked bar of a body's reports: approved, awaiting approval, returned, excused, not yet in. */
export function CompletenessBar({ c, label }: { c: Completeness; label: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const parts = completenessParts(c);
  const total = Math.max(1, c.expected);
  const text = parts
    .filter((p) => p.n > 0)
    .map((p) => `${t(`direction.part.${p.part}`)}: ${f.number(p.n)}`)
    .join(', ');
  return (
    <div className="direction-bar" role="img" aria-label={`${label}. ${text}`}>
      {parts.map((p) =>
        p.n > 0 ? (
          <span
            key={p.part}
            className={`direction-bar-part direction-bar-${p.part}`}
            style={{ width: `${(p.n / total) * 100}%` }}
            title={`${t(`direction.part.${p.part}`)}: ${f.number(p.n)}`}
          />
        ) : null,
      )}
    </div>
  );
}

/** The legend of the completeness bar's colours. */
export function BarLegend() {
  const { t } = useTranslation();
  return (
    <ul className="direction-legend small" aria-hidden="true">
      {(['approved', 'submitted', 'returned', 'excused', 'missing'] as const).map((p) => (
        <li key={p}>
          <span className={`direction-swatch direction-bar-${p}`} /> {t(`direction.part.${p}`)}
        </li>
      ))}
    </ul>
  );
}

/** A page's query failed: a refusal or an absence said plainly, anything else as an error with a retry. */
export function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 403)) return <p className="notice notice-warn">{t('direction.refused')}</p>;
  return <ErrorNotice error={error} onRetry={onRetry} />;
}
