// The page's <h1> and document title; focus moves to the heading on navigation so screen-reader
// and keyboard users start at the new page's content.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

let lastPath: string | null = null;

export function PageTitle({ children, title, sub }: { children: ReactNode; title: string; sub?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // Not on the first page of a visit: there the skip link stays the first stop of the keyboard.
    const moved = lastPath !== null && lastPath !== pathname;
    lastPath = pathname;
    const active = document.activeElement;
    if (moved && (!active || active === document.body || active.closest('nav.breadcrumbs, .tree, .site-nav'))) {
      ref.current?.focus({ preventScroll: true });
    }
  }, [pathname]);
  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {sub}
    </div>
  );
}
