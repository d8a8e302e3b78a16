// A person's history: the audit trail of every state change (who, when, what, why).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, isApiError, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { useLabels } from './labels.js';

export function PersonHistory({ personId, headingLevel = 2 }: { personId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useQuery({
    queryKey: ['history', personId],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/persons/{id}/history', { params: { path: { id: personId } }, signal })),
    retry: false,
  });
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const items = q.data?.items ?? [];
  return (
    <section className="card history" aria-labelledby={`history-h-${personId}`} data-testid="history">
      <H id={`history-h-${personId}`}>{t('membership.history')}</H>
      {q.data?.scope === 'public' && (
        <p className="small muted" data-testid="history-public-only">
          {t('membership.historyPublicOnly')}
        </p>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        isApiError(q.error, 403) ? (
          <p className="muted">{t('membership.historyRefused')}</p>
        ) : isApiError(q.error, 404) ? (
          <p className="muted">{t('membership.unavailable')}</p>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )
      ) : items.length === 0 ? (
        <p className="muted">{t('membership.historyEmpty')}</p>
      ) : (
        <ol className="timeline">
          {[...items]
            .sort((a, b) => (a.at < b.at ? 1 : -1))
            .map((ev) => (
              <li key={ev.id}>
                <div>
                  <time dateTime={ev.effectiveOn}>{f.date(ev.effectiveOn)}</time>{' '}
                  <span className="badge badge-kind">{L.process(ev.process)}</span>{' '}
                  <strong>{L.action(ev.action)}</strong>
                  {(ev.fromState || ev.toState) && (
                    <span className="small">
                      {' '}
                      ({ev.fromState ? L.state(ev.fromState) : '—'} → {ev.toState ? L.state(ev.toState) : '—'})
                    </span>
                  )}
                </div>
                {ev.reason && <p className="reason">{ev.reason}</p>}
                <div className="small muted">
                  {ev.actorName
                    ? t('membership.by', { name: f.name({ name: ev.actorName, nameRu: ev.actorNameRu }) })
                    : t('membership.bySystem')}
                </div>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
