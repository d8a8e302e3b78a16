// Sign-in: login and password; errors are announced in an aria-live region. "I have a reset code" switches to
// setting a new password with a code a secretary gave.
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe, useSignIn } from '../../app/auth.js';
import { LanguageSwitch, SkipLink } from '../../app/Layout.js';
import { useErrorMessage, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { ResetCodeForm } from './ResetCodeForm.js';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signIn = useSignIn();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [withCode, setWithCode] = useState(false);

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim() || !password) {
      setProblem(t('signIn.required'));
      return;
    }
    setProblem('');
    signIn.mutate(
      { login: login.trim(), password },
      {
        onError: (err) => {
          setPassword('');
          setProblem(`${t('signIn.failed')} ${errorMessage(err)}`);
        },
      },
    );
  };

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ▲
            </span>
            {t('app.name')}
          </span>
          <div className="site-user">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main signin-main">
        <section className="card signin-card" aria-busy={signIn.isPending}>
          <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
          <p className="muted">{t('signIn.intro')}</p>
          {me.isPending ? (
            <Loading />
          ) : withCode ? (
            <ResetCodeForm onCancel={() => setWithCode(false)} />
          ) : (
            <form onSubmit={submit} noValidate className="form">
              <div className="field">
                <label htmlFor="login">{t('signIn.login')}</label>
                <input
                  id="login"
                  name="login"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={login}
                  aria-invalid={problem !== '' && !login.trim()}
                  onChange={(e) => setLogin(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="password">{t('signIn.password')}</label>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  aria-invalid={problem !== '' && !password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
              <div className="form-error" role="alert" aria-live="assertive" id="signin-error">
                {problem}
              </div>
              <button
                type="submit"
                className="button"
                disabled={signIn.isPending}
                aria-describedby={problem ? 'signin-error' : undefined}
              >
                {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
              </button>
              <p>
                <button type="button" className="link-button" onClick={() => setWithCode(true)}>
                  {t('password.haveCode')}
                </button>
              </p>
            </form>
          )}
        </section>
      </main>
    </>
  );
}
