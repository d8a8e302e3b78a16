// The page's <h1> and document title; focus moves to the heading on navigation so screen-reader
// and keyboard users start at the new page's content.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

export function PageTitle({ children, title, sub }: { children: ReactNode; title: string; sub?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('nav.breadcrumbs, .tree, .site-nav')) {
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
