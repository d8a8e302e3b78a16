// One worklist: a titled card section with the number of items (said with its plural), the loading, refused and
// error states of its query, an empty text, the items as a list (each with its link or act), and an optional
// pager. Every worklist (applications, confirmations, charges, appeals, arrears, …) is drawn by it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.js';
import { ErrorNotice, Loading } from './feedback.js';
import { Pager } from './Pager.js';

/** The part of a react-query result a worklist reads. */
export interface WorklistQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  fetchStatus?: string;
  isFetching?: boolean;
}

export interface WorklistProps<T> {
  id: string;
  title: string;
  query: WorklistQuery;
  /** How many items there are (the server's total when paged); the badge is left out while unknown or zero. */
  count?: number;
  /** Said when there is nothing to do. */
  empty: string;
  level?: 2 | 3;
  testId?: string;
  /** The items, each drawn by `render` as one list item keyed by `itemKey`. */
  items?: readonly T[];
  itemKey?: (item: T) => string;
  render?: (item: T) => ReactNode;
  /** The class of each list item (e.g. "case"), and its test id. */
  itemClassName?: string;
  itemTestId?: string;
  /** Shown above the list (a note on the rule the list follows). */
  before?: ReactNode;
  /** Anything else drawn instead of (or after) the list. */
  children?: ReactNode;
  /** Paging through a long list: where the page starts, its size, and moving to another page. */
  pager?: { offset: number; limit: number; onChange: (offset: number) => void };
}

export function Worklist<T>(props: WorklistProps<T>) {
  const { t } = useTranslation();
  const H = props.level === 3 ? 'h3' : 'h2';
  const q = props.query;
  const idle = q.isPending && q.fetchStatus === 'idle';
  const count = props.count ?? props.items?.length;
  return (
    <section className="card worklist" aria-labelledby={`${props.id}-h`} data-testid={props.testId ?? props.id}>
      <H id={`${props.id}-h`}>
        {props.title}
        {count !== undefined && count > 0 && (
          <span className="badge count-badge">
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden">{t('worklists.count', { count })}</span>
          </span>
        )}
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
      ) : count === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <>
          {props.before}
          {props.items && props.render && (
            <ul className="plain-list">
              {props.items.map((item, i) => (
                <li
                  key={props.itemKey ? props.itemKey(item) : i}
                  className={props.itemClassName}
                  data-testid={props.itemTestId}
                >
                  {props.render!(item)}
                </li>
              ))}
            </ul>
          )}
          {props.children}
          {props.pager && count !== undefined && (
            <Pager
              offset={props.pager.offset}
              limit={props.pager.limit}
              total={count}
              onChange={props.pager.onChange}
              busy={q.isFetching}
            />
          )}
        </>
      )}
    </section>
  );
}
