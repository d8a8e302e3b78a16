// Previous / next pagination for a list with a known total.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.js';

export function Pager(props: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { offset, limit, total, onChange } = props;
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset === 0 || props.busy}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('pager.previous')}
      </button>
      <span aria-live="polite">
        {t('pager.page', { page: f.number(page), pages: f.number(pages) })} ·{' '}
        {t('pager.range', {
          from: f.number(total === 0 ? 0 : offset + 1),
          to: f.number(Math.min(total, offset + limit)),
          total: f.number(total),
        })}
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset + limit >= total || props.busy}
        onClick={() => onChange(offset + limit)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
