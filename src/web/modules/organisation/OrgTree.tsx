// The organisation tree, following the WAI-ARIA tree view pattern: role=tree/treeitem/group,
// aria-expanded, roving tabindex, arrow keys, Home/End, type-ahead, Enter opens the body page.
// Children are fetched when a branch is first opened; the open branches survive navigation.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Body, BodyList } from '../../../contracts/organisation.js';
import type { Me } from '../../../contracts/auth.js';
import { ME_KEY } from '../../app/auth.js';
import { fetchBody, fetchChildren, fetchRoots, keys } from './queries.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';

const ROOT = '__root__';

type Branch = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; ids: string[] };

/** Open branches and the focused node, kept while the person visits other pages. */
const memory = { owner: null as string | null, expanded: new Set<string>(), focused: null as string | null };

/** Forgets the open branches when another account signs in. */
function rememberFor(owner: string | null): typeof memory {
  if (memory.owner !== owner) {
    memory.owner = owner;
    memory.expanded = new Set();
    memory.focused = null;
  }
  return memory;
}

export function OrgTree({ revealId, onRevealed }: { revealId?: string | null; onRevealed?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  rememberFor(qc.getQueryData<Me | null>(ME_KEY)?.accountId ?? null);
  const [nodes, setNodes] = useState<Map<string, Body>>(() => new Map());
  const [branches, setBranches] = useState<Map<string, Branch>>(() => new Map());
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(memory.expanded));
  const [focused, setFocused] = useState<string | null>(memory.focused);
  const [revealing, setRevealing] = useState(false);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const moveFocus = useRef(false);
  const typeahead = useRef({ text: '', at: 0 });

  const load = useCallback(
    async (parent: string): Promise<string[]> => {
      setBranches((m) => (m.get(parent)?.state === 'ready' ? m : new Map(m).set(parent, { state: 'loading' })));
      try {
        const list: BodyList =
          parent === ROOT
            ? await qc.fetchQuery({ queryKey: keys.roots, queryFn: ({ signal }) => fetchRoots(signal) })
            : await qc.fetchQuery({
                queryKey: keys.children(parent),
                queryFn: ({ signal }) => fetchChildren(parent, signal),
              });
        setNodes((m) => {
          const next = new Map(m);
          for (const b of list.items) next.set(b.id, b);
          return next;
        });
        const ids = list.items.map((b) => b.id);
        setBranches((m) => new Map(m).set(parent, { state: 'ready', ids }));
        return ids;
      } catch (error) {
        setBranches((m) => new Map(m).set(parent, { state: 'error', error }));
        return [];
      }
    },
    [qc],
  );

  // Roots, then every branch that was open before.
  useEffect(() => {
    void (async () => {
      await load(ROOT);
      for (const id of memory.expanded) void load(id);
    })();
  }, [load]);

  useEffect(() => {
    memory.expanded = expanded;
    memory.focused = focused;
  }, [expanded, focused]);

  const parentOf = useMemo(() => {
    const m = new Map<string, string>();
    for (const [p, b] of branches) if (b.state === 'ready') for (const id of b.ids) m.set(id, p);
    return m;
  }, [branches]);

  /** Visible nodes in document order. */
  const visible = useMemo(() => {
    const out: string[] = [];
    const walk = (parent: string) => {
      const b = branches.get(parent);
      if (b?.state !== 'ready') return;
      for (const id of b.ids) {
        out.push(id);
        if (expanded.has(id)) walk(id);
      }
    };
    walk(ROOT);
    return out;
  }, [branches, expanded]);

  const current = focused && visible.includes(focused) ? focused : (visible[0] ?? null);

  useEffect(() => {
    if (moveFocus.current && current) {
      moveFocus.current = false;
      const el = itemRefs.current.get(current);
      el?.focus();
      el?.scrollIntoView({ block: 'nearest' });
    }
  }, [current, visible]);

  /** Whether the keyboard focus is on one of the tree's items. */
  const inTree = () => [...itemRefs.current.values()].some((el) => el.contains(document.activeElement));

  const focusNode = (id: string | undefined) => {
    if (!id) return;
    moveFocus.current = true;
    setFocused(id);
  };

  const hasChildren = (id: string) => {
    const b = branches.get(id);
    if (b?.state === 'ready') return b.ids.length > 0;
    return (nodes.get(id)?.childCount ?? 0) > 0;
  };

  // the reader's own openings and closings, counted: a reveal still loading does not undo them
  const toggles = useRef(0);
  const expand = (id: string) => {
    toggles.current++;
    setExpanded((s) => new Set(s).add(id));
    if (branches.get(id)?.state !== 'ready') void load(id);
  };
  const collapse = (id: string) => {
    toggles.current++;
    setExpanded((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  };
  const toggle = (id: string) => (expanded.has(id) ? collapse(id) : expand(id));

  // Open the tree down to a body found by search.
  useEffect(() => {
    if (!revealId) return;
    let cancelled = false;
    const togglesAtStart = toggles.current;
    setRevealing(true);
    void (async () => {
      try {
        const detail = await qc.fetchQuery({
          queryKey: keys.body(revealId),
          queryFn: ({ signal }) => fetchBody(revealId, signal),
        });
        await load(ROOT);
        for (const a of detail.ancestors) {
          if (cancelled) return;
          await load(a.id);
        }
        if (cancelled) return;
        setNodes((m) => new Map(m).set(detail.body.id, { ...detail.body, ...m.get(detail.body.id) }));
        // a reader who has opened or closed a branch meanwhile has taken the tree in hand: it stays as they left it
        if (toggles.current === togglesAtStart)
          setExpanded((s) => {
            const next = new Set(s);
            for (const a of detail.ancestors) next.add(a.id);
            return next;
          });
        // the reader who has already moved into the tree keeps their place: the branch opens, the focus stays
        if (!inTree()) focusNode(revealId);
      } catch {
        // the body could not be read (or the read was cancelled: signed out, page left): the tree stays as it is,
        // its branches show their own errors; nothing may escape as an unhandled rejection
      } finally {
        if (!cancelled) {
          setRevealing(false);
          onRevealed?.();
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opens the tree once per body to reveal; load and the callbacks are new on every render
  }, [revealId]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const i = visible.indexOf(current);
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focusNode(visible[i + 1]);
        break;
      case 'ArrowUp':
        focusNode(visible[i - 1]);
        break;
      case 'Home':
        focusNode(visible[0]);
        break;
      case 'End':
        focusNode(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (hasChildren(current)) {
          if (!expanded.has(current)) expand(current);
          else {
            const b = branches.get(current);
            if (b?.state === 'ready') focusNode(b.ids[0]);
          }
        }
        break;
      case 'ArrowLeft':
        if (expanded.has(current)) collapse(current);
        else {
          const p = parentOf.get(current);
          if (p && p !== ROOT) focusNode(p);
        }
        break;
      case 'Enter':
        navigate(`/bodies/${current}`);
        break;
      case '*': {
        const p = parentOf.get(current) ?? ROOT;
        const b = branches.get(p);
        if (b?.state === 'ready') for (const id of b.ids) if (hasChildren(id)) expand(id);
        break;
      }
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const now = Date.now();
          const ta = typeahead.current;
          ta.text = now - ta.at < 700 ? ta.text + e.key.toLowerCase() : e.key.toLowerCase();
          ta.at = now;
          const order = [...visible.slice(i + (ta.text.length === 1 ? 1 : 0)), ...visible.slice(0, i + 1)];
          const hit = order.find((id) => {
            const n = nodes.get(id);
            return n && f.name(n).toLowerCase().startsWith(ta.text);
          });
          focusNode(hit);
        } else handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const renderLevel = (parent: string, level: number) => {
    const b = branches.get(parent);
    if (!b || b.state === 'loading') {
      return (
        <li role="none" className="tree-status">
          <Loading label={t('tree.loadingChildren')} />
        </li>
      );
    }
    if (b.state === 'error') {
      return (
        <li role="none" className="tree-status">
          <ErrorNotice error={b.error} onRetry={() => void load(parent)} />
        </li>
      );
    }
    return b.ids.map((id, index) => {
      const n = nodes.get(id);
      if (!n) return null;
      const open = expanded.has(id);
      const expandable = hasChildren(id);
      const labelId = `ti-${id}`;
      return (
        <li
          key={id}
          ref={(el) => {
            if (el) itemRefs.current.set(id, el);
            else itemRefs.current.delete(id);
          }}
          role="treeitem"
          aria-level={level}
          aria-setsize={b.ids.length}
          aria-posinset={index + 1}
          aria-expanded={expandable ? open : undefined}
          aria-selected={id === current}
          aria-labelledby={labelId}
          aria-busy={open && branches.get(id)?.state === 'loading'}
          tabIndex={id === current ? 0 : -1}
          className="tree-item"
          onClick={(e) => {
            e.stopPropagation();
            setFocused(id);
          }}
          onFocus={(e) => {
            if (e.target === e.currentTarget && focused !== id) setFocused(id);
          }}
        >
          <div className="tree-row" style={{ '--level': level - 1 } as CSSProperties}>
            <span
              className={`tree-toggle${expandable ? '' : ' tree-toggle-leaf'}`}
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                setFocused(id);
                if (expandable) toggle(id);
              }}
            >
              {expandable ? (open ? '▾' : '▸') : '•'}
            </span>
            <span id={labelId} className="tree-label">
              <Link to={`/bodies/${id}`} tabIndex={-1} className="tree-name">
                {f.name(n)}
              </Link>
              <span className="tree-meta">
                <span className="badge badge-kind">{t(`kind.${n.kind}`)}</span>
                {n.memberCount !== undefined && (
                  <span className="tree-count">
                    {t('tree.members', { count: n.memberCount, n: f.number(n.memberCount) })}
                  </span>
                )}
                {n.belowMinimum && (
                  <span className="badge badge-warn" title={t('tree.belowMinimumLong')}>
                    {t('tree.belowMinimum')}
                  </span>
                )}
              </span>
            </span>
          </div>
          {open && expandable && (
            <ul role="group" className="tree-group">
              {renderLevel(id, level + 1)}
            </ul>
          )}
        </li>
      );
    });
  };

  const rootBranch = branches.get(ROOT);
  return (
    <div className="tree" aria-busy={revealing || rootBranch?.state === 'loading'}>
      {revealing && <Loading label={t('tree.revealing')} />}
      {rootBranch?.state === 'ready' && rootBranch.ids.length === 0 ? (
        <p>{t('tree.empty')}</p>
      ) : (
        <ul
          role="tree"
          aria-label={t('tree.treeLabel')}
          aria-describedby="tree-help"
          onKeyDown={onKeyDown}
          className="tree-root"
        >
          {renderLevel(ROOT, 1)}
        </ul>
      )}
      <p id="tree-help" className="muted small">
        {t('tree.help')}
      </p>
    </div>
  );
}
