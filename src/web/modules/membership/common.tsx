// Shared pieces of the membership pages: the statute in force, a query that may be refused or
// missing (shown as a quiet note, not a broken page), and a worklist section frame.
import type { ReactNode } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Penalty } from '../../../contracts/membership-rules.js';
import { client, isApiError, ok } from '../../app/api.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';

export function useStatute() {
  return useQuery({
    queryKey: ['statute'],
    queryFn: ({ signal }) => ok(client.GET('/api/statute', { signal })),
    staleTime: 60_000,
  });
}

export function usePenalties(): Penalty[] {
  const s = useStatute();
  return s.data?.rules.membership.penalties ?? ['warning', 'reprimand', 'severe_reprimand_with_record', 'expulsion'];
}

/** A worklist's query: `read` is the typed call (null while it cannot be made yet). */
export function useList<T>(key: QueryKey, read: ((signal: AbortSignal) => Promise<T>) | null) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => read!(signal),
    enabled: read !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** A card section with a heading, the loading and error states of its query, and an empty text. */
export function Section(props: {
  id: string;
  title: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown; fetchStatus?: string };
  count?: number;
  empty: string;
  children: ReactNode;
  level?: 2 | 3;
  testId?: string;
}) {
  const { t } = useTranslation();
  const H = props.level === 3 ? 'h3' : 'h2';
  const q = props.query;
  const idle = q.isPending && q.fetchStatus === 'idle';
  return (
    <section className="card worklist" aria-labelledby={`${props.id}-h`} data-testid={props.testId ?? props.id}>
      <H id={`${props.id}-h`}>
        {props.title}
        {props.count !== undefined && props.count > 0 && <span className="badge count-badge">{props.count}</span>}
      </H>
      {idle ? null : q.isPending ? (
        <Loading />
      ) : q.isError ? (
        isApiError(q.error, 403) ? (
          <p className="muted">{t('membership.refused')}</p>
        ) : isApiError(q.error, 404) ? (
          <p className="muted">{t('membership.unavailable')}</p>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )
      ) : props.count === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        props.children
      )}
    </section>
  );
}
