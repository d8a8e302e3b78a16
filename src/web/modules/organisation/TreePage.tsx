// The organisation page: search bodies by name, and the lazily loaded, keyboard-navigable tree.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { OrgTree } from './OrgTree.js';
import { SEARCH_LIMIT, useBodySearch } from './queries.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { Pager } from '../../ui/Pager.js';
import { useMe } from '../../app/auth.js';
import type { Me } from '../../../contracts/auth.js';

/** Where a reader's tree and statistics open: the body their first office covers, else where they are registered. */
export function homeBodyOf(me: Me | null | undefined): string | null {
  return me?.scopes[0]?.bodyId ?? me?.homeBodyId ?? null;
}

export function TreePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(q);
  const me = useMe().data;
  // the tree opens at the reader's own committee (a district secretary's district), else at their organisation
  const [reveal, setReveal] = useState<string | null>(() => homeBodyOf(me));
  const search = useBodySearch(q, offset);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    setParams(next);
  };
  const clear = () => {
    setDraft('');
    setParams(new URLSearchParams());
  };

  return (
    <section>
      <PageTitle title={t('tree.title')}>{t('tree.title')}</PageTitle>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="body-search">{t('tree.search')}</label>
        <div className="search-row">
          <input
            id="body-search"
            type="search"
            value={draft}
            placeholder={t('tree.searchPlaceholder')}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t('tree.searchSubmit')}
          </button>
          {q && (
            <button type="button" className="button button-secondary" onClick={clear}>
              {t('tree.clear')}
            </button>
          )}
        </div>
      </form>

      {q && (
        <div className="search-results" aria-busy={search.isFetching}>
          {search.isPending ? (
            <Loading label={t('tree.searching')} />
          ) : search.isError ? (
            <ErrorNotice error={search.error} onRetry={() => void search.refetch()} />
          ) : (
            <>
              <p role="status" className="results-count">
                {search.data.total === 0
                  ? t('tree.noResults', { q })
                  : t('tree.results', { count: search.data.total, n: f.number(search.data.total) })}
              </p>
              {search.data.items.length > 0 && (
                <ul className="result-list">
                  {search.data.items.map((b) => (
                    <li key={b.id}>
                      <Link to={`/bodies/${b.id}`} className="result-name">
                        {f.name(b)}
                      </Link>
                      {f.altName(b) && (
                        <span className="muted" lang={f.lang === 'ru' ? 'en' : 'ru'}>
                          {' '}
                          · {f.altName(b)}
                        </span>
                      )}
                      <span className="badge badge-kind">{t(`kind.${b.kind}`)}</span>
                      {b.belowMinimum && <span className="badge badge-warn">{t('tree.belowMinimum')}</span>}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setReveal(b.id)}
                        aria-label={`${t('tree.showInTree')}: ${f.name(b)}`}
                      >
                        {t('tree.showInTree')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <Pager
                offset={offset}
                limit={SEARCH_LIMIT}
                total={search.data.total}
                busy={search.isFetching}
                onChange={(o) => setParams(new URLSearchParams({ q, offset: String(o) }))}
              />
            </>
          )}
        </div>
      )}

      <OrgTree revealId={reveal} onRevealed={() => setReveal(null)} />
    </section>
  );
}
