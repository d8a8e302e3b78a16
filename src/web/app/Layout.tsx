// The frame of every page: skip link, header (name, navigation, language, sign out), main. On a phone the
// navigation and the account's controls fold into a menu behind one button, so the header takes one line.
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../contracts/auth.js';
import { useChangeLanguage, useSignOut } from './auth.js';
import { useFormat } from './format.js';
import { LANGUAGES, type Language } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = useChangeLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-button"
          aria-pressed={i18n.language === lang}
          disabled={change.isPending}
          onClick={() => change.mutate(lang)}
        >
          {t(`languages.${lang}`)}
        </button>
      ))}
    </div>
  );
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        const main = document.getElementById('main');
        if (main) {
          e.preventDefault();
          main.focus();
          main.scrollIntoView();
        }
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}

export function Layout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const f = useFormat();
  const myName = f.name({ name: me.displayName, nameRu: me.displayNameRu });
  // a new page closes the menu
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset on navigation (an outside event), once per page
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // a page opened by a link starts at its top (the browser's back and forward keep their own position)
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP' && !location.hash) window.scrollTo(0, 0);
  }, [location.pathname, navigationType, location.hash]);
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ▲
            </span>
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span className="menu-icon" aria-hidden="true">
              ☰
            </span>
            {t('app.menu')}
          </button>
          <div id="site-menu" className="site-menu" data-open={menuOpen}>
            <nav className="site-nav" aria-label={t('app.mainNav')}>
              <NavLink to="/" end>
                {t('app.nav.tree')}
              </NavLink>
              <NavLink to="/stats">{t('app.nav.stats')}</NavLink>
              <NavLink to="/me">{t('app.nav.membership')}</NavLink>
              <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
              {me.can.worklists && <NavLink to="/worklists">{t('app.nav.worklists')}</NavLink>}
              {me.can.worklists && <NavLink to="/direction">{t('app.nav.direction')}</NavLink>}
            </nav>
            <div className="site-user">
              <Link to={`/persons/${me.personId}`} className="user-name" title={t('app.signedInAs', { name: myName })}>
                {myName}
              </Link>
              <Link to="/account/password" className="user-password">
                {t('password.changeLink')}
              </Link>
              <LanguageSwitch />
              <button
                type="button"
                className="button button-secondary"
                disabled={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/signin', { replace: true }) })}
              >
                {signOut.isPending ? t('app.signingOut') : t('app.signOut')}
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
    </>
  );
}
