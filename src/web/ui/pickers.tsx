// Choosers inside a form (no nested <form>): type part of a name, press Enter or Search, pick
// from the list. Results are announced; the choice is shown with a button to change it.
// Only the results of the search in the box can be picked: a new search (or a change of the text) clears the
// previous results at once, and an answer that arrives late for an older search is never shown (each search
// text is its own query, and the one shown is always the latest).
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonLabel } from '../../contracts/person.js';
import { client, ok } from '../app/api.js';
import { ErrorNotice, Loading } from './feedback.js';
import { PersonName, personText } from './person.js';

export interface Choice {
  id: string;
  label: string;
  extra?: string;
  /** A person: shown with what tells namesakes apart (patronymic, shop cell or organisation, card). */
  person?: PersonLabel | null;
}

/** A person as a choice: `label` is the name with its distinguishing details (for confirmations). */
export function personChoice(
  p: PersonLabel,
  lang: string,
  t: ReturnType<typeof useTranslation>['t'],
  extra?: string,
): Choice {
  return { id: p.id, label: personText(p, lang, t), person: p, ...(extra ? { extra } : {}) };
}

/** Persons across the bodies the actor manages (and their own primary organisation): full names in any order, card numbers. */
export function usePersonSearchFn() {
  const { t, i18n } = useTranslation();
  return async (q: string, signal?: AbortSignal): Promise<Choice[]> => {
    const page = await ok(client.GET('/api/persons', { params: { query: { q, limit: 20 } }, signal }));
    return page.items.map((p) => personChoice(p, i18n.language, t));
  };
}

export function Chooser(props: {
  label: string;
  hint?: string;
  /** Builds the request for a search text; returns the choices. */
  search: (q: string, signal?: AbortSignal) => Promise<Choice[]>;
  queryKey: string;
  onPick: (c: Choice) => void;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['chooser', props.queryKey, q],
    queryFn: ({ signal }) => props.search(q, signal),
    enabled: q.length > 0,
    retry: false,
  });
  const go = () => setQ(draft.trim());
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go();
    }
  };
  const items = (res.data ?? []).filter((c) => !props.exclude?.includes(c.id));
  return (
    <div className="field chooser">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} className="small muted">
          {props.hint}
        </span>
      )}
      <div className="search-row">
        <input
          id={id}
          type="search"
          value={draft}
          autoComplete="off"
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            // The results shown belong to the previous text: never leave them to be picked by mistake.
            if (q && e.target.value.trim() !== q) setQ('');
          }}
          onKeyDown={onKey}
        />
        <button type="button" className="button button-secondary" onClick={go}>
          {t('tree.searchSubmit')}
        </button>
      </div>
      {q && (
        <div aria-busy={res.isFetching}>
          {res.isPending || res.isFetching ? (
            <Loading label={t('tree.searching')} />
          ) : res.isError ? (
            <ErrorNotice error={res.error} />
          ) : items.length === 0 ? (
            <p role="status">{t('tree.noResults', { q })}</p>
          ) : (
            <ul className="picker-list" aria-label={props.label}>
              {items.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => {
                      props.onPick(c);
                      setQ('');
                      setDraft('');
                    }}
                  >
                    {c.person ? <PersonName person={c.person} /> : <span>{c.label}</span>}
                    {c.extra && <span className="badge badge-kind">{c.extra}</span>}
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

/** Bodies of the organisation by name (Latin or Cyrillic). */
export function useBodySearchFn(kinds?: string[]) {
  const { t, i18n } = useTranslation();
  return async (q: string, signal?: AbortSignal): Promise<Choice[]> => {
    const page = await ok(client.GET('/api/bodies', { params: { query: { q, limit: 20 } }, signal }));
    return page.items
      .filter((b) => !kinds || kinds.includes(b.kind))
      .map((b) => ({
        id: b.id,
        label: i18n.language === 'ru' && b.nameRu ? b.nameRu : b.name,
        extra: t(`kind.${b.kind}`, { defaultValue: b.kind }),
      }));
  };
}
