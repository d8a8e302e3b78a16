// Choosers inside a form (no nested <form>): type part of a name or a card number — the search starts by itself
// once the text is long enough and typing pauses, or at once on Enter or Search — and pick from the list.
// Results are announced; the choice is shown with a button to change it. One person picker (PersonPicker) for
// every place a person is chosen, its `source` saying whom it searches.
// Only the results of the search in the box can be picked: a new search (or a change of the text) clears the
// previous results at once, and an answer that arrives late for an older search is never shown (each search
// text is its own query, and the one shown is always the latest).
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonLabel } from '../../contracts/person.js';
import { client, isApiError, ok } from '../app/api.js';
import { ErrorNotice, Loading } from './feedback.js';
import { PersonName, personText } from './person.js';
import { localName } from '../app/names.js';

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

/**
 * Whom a person picker searches:
 * - `scope`: everyone in the bodies the actor manages (and their own primary organisation);
 * - `recommenders`: members who may recommend for the given organisation (the admission module's lookup; the
 *   person search when no organisation is chosen yet or the server has no lookup for it);
 * - `participants`: the participants of a meeting, each with their voice;
 * - `staff`: a meeting's participants first, then anyone in scope (stenographer, secretariat need not attend).
 */
export type PersonSource =
  | { kind: 'scope' }
  | { kind: 'recommenders'; bodyId: string | null }
  | { kind: 'participants'; meetingId: string }
  | { kind: 'staff'; meetingId: string };

/** The search of a person source and the cache key that tells its answers apart. */
export function usePersonSource(source: PersonSource): {
  key: string;
  search: (q: string, signal?: AbortSignal) => Promise<Choice[]>;
} {
  const { t, i18n } = useTranslation();
  const scope = usePersonSearchFn();
  const participants = async (meetingId: string, q: string, signal?: AbortSignal): Promise<Choice[]> => {
    const page = await ok(
      client.GET('/api/meetings/{id}/participants', {
        params: { path: { id: meetingId }, query: { q, limit: 20 } },
        signal,
      }),
    );
    return page.items.map((p) => {
      const voice = t(`meetings.voice.${p.voice}`, { defaultValue: p.voice });
      return p.person
        ? personChoice(p.person, i18n.language, t, voice)
        : { id: p.personId, label: p.name, extra: voice };
    });
  };
  switch (source.kind) {
    case 'scope':
      return { key: 'person-scope', search: scope };
    case 'recommenders': {
      const bodyId = source.bodyId;
      return {
        key: `recommenders-${bodyId ?? ''}`,
        search: async (q, signal) => {
          const anyone = () => ok(client.GET('/api/persons', { params: { query: { q, limit: 20 } }, signal }));
          const lookup = (id: string) =>
            ok(client.GET('/api/admission/recommenders', { params: { query: { bodyId: id, q } }, signal }));
          let page: Awaited<ReturnType<typeof anyone>> | Awaited<ReturnType<typeof lookup>>;
          try {
            page = bodyId ? await lookup(bodyId) : await anyone();
          } catch (err) {
            if (!isApiError(err, 404)) throw err;
            page = await anyone();
          }
          return page.items
            .filter((p) => !p.status || p.status === 'member')
            .map((p) => personChoice(p, i18n.language, t));
        },
      };
    }
    case 'participants':
      return {
        key: `participants-${source.meetingId}`,
        search: (q, signal) => participants(source.meetingId, q, signal),
      };
    case 'staff':
      return {
        key: `staff-${source.meetingId}`,
        search: async (q, signal) => {
          const [inMeeting, register] = await Promise.all([
            participants(source.meetingId, q, signal),
            scope(q, signal).catch(() => [] as Choice[]),
          ]);
          const seen = new Set(inMeeting.map((c) => c.id));
          return [...inMeeting, ...register.filter((c) => !seen.has(c.id))];
        },
      };
  }
}

/** The one person picker: a Chooser over the persons of `source`. */
export function PersonPicker(props: {
  label: string;
  hint?: string;
  source: PersonSource;
  onPick: (c: Choice) => void;
  exclude?: string[];
  message?: string;
}) {
  const { key, search } = usePersonSource(props.source);
  return (
    <Chooser
      label={props.label}
      hint={props.hint}
      search={search}
      queryKey={key}
      onPick={props.onPick}
      exclude={props.exclude}
      message={props.message}
    />
  );
}

/** How long typing must pause before the search starts by itself (ms). */
export const SEARCH_DEBOUNCE_MS = 350;
/** The shortest search text: one letter matches too much to be of use. */
export const SEARCH_MIN_LENGTH = 2;

export function Chooser(props: {
  label: string;
  hint?: string;
  /** Builds the request for a search text; returns the choices. */
  search: (q: string, signal?: AbortSignal) => Promise<Choice[]>;
  queryKey: string;
  onPick: (c: Choice) => void;
  exclude?: string[];
  minLength?: number;
  /** Why the contract form's field this picker fills fails: said under it, the search box marked invalid. */
  message?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const minLength = props.minLength ?? SEARCH_MIN_LENGTH;
  // Debounced: the search starts by itself once the text is long enough and typing pauses.
  useEffect(() => {
    const text = draft.trim();
    if (text.length < minLength || text === q) return;
    const timer = setTimeout(() => setQ(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, q, minLength]);
  const res = useQuery({
    queryKey: ['chooser', props.queryKey, q],
    queryFn: ({ signal }) => props.search(q, signal),
    enabled: q.length > 0,
    retry: false,
  });
  const go = () => {
    const text = draft.trim();
    setTooShort(text.length > 0 && text.length < minLength);
    setQ(text.length >= minLength ? text : '');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go();
    }
  };
  const items = (res.data ?? []).filter((c) => !props.exclude?.includes(c.id));
  const describedBy = [props.hint ? `${id}-hint` : null, props.message ? `${id}-msg` : null].filter(Boolean).join(' ');
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
          aria-describedby={describedBy || undefined}
          aria-invalid={props.message ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setTooShort(false);
            // The results shown belong to the previous text: never leave them to be picked by mistake.
            if (q && e.target.value.trim() !== q) setQ('');
          }}
          onKeyDown={onKey}
        />
        <button type="button" className="button button-secondary" onClick={go}>
          {t('tree.searchSubmit')}
        </button>
      </div>
      {props.message && (
        <span id={`${id}-msg`} className="field-error small">
          {props.message}
        </span>
      )}
      {tooShort && <p role="status">{t('forms.searchTooShort', { count: minLength })}</p>}
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
        label: localName(b, i18n.language),
        extra: t(`kind.${b.kind}`, { defaultValue: b.kind }),
      }));
  };
}
