// Sign-in: login and password; errors are announced in an aria-live region. "I have a reset code" switches to
// setting a new password with a code a secretary gave.
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoginInput } from '../../../contracts/auth.js';
import { useMe, useSignIn } from '../../app/auth.js';
import { LanguageSwitch, SkipLink } from '../../app/Layout.js';
import { useErrorMessage, Loading } from '../../ui/feedback.js';
import { FormField, useContractForm, useFieldsProblem } from '../../ui/forms.js';
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
  const form = useContractForm(LoginInput, { login: '', password: '' });
  const fields = useFieldsProblem(form);
  const [withCode, setWithCode] = useState(false);

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  // the fields that need attention, else why the sign-in was refused
  const problem = fields || (signIn.error ? `${t('signIn.failed')} ${errorMessage(signIn.error)}` : '');
  const submit = form.handleSubmit((input) => signIn.mutate(input, { onError: () => form.setValue('password', '') }));

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
            <form onSubmit={(e) => void submit(e)} noValidate className="form">
              <FormField
                form={form}
                name="login"
                id="login"
                label={t('signIn.login')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
              />
              <FormField
                form={form}
                name="password"
                id="password"
                label={t('signIn.password')}
                type="password"
                autoComplete="current-password"
                required
              />
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
