// On the sign-in page: "I have a reset code". The login, the code a secretary gave, the new password twice; on
// success the person is signed in with the new password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, type RedeemResetCodeInput } from '../../../contracts/auth.js';
import { client, ok } from '../../app/api.js';
import { useOneMutation } from '../../app/act.js';
import { useSignIn } from '../../app/auth.js';
import { useErrorMessage } from '../../ui/feedback.js';
import { PasswordField, newPasswordProblem } from './PasswordField.js';

export function ResetCodeForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const redeem = useOneMutation({
    mutationFn: (input: RedeemResetCodeInput) => ok(client.POST('/api/auth/password-reset', { body: input })),
  });
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState('');
  const busy = redeem.isPending || signIn.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim() || !code.trim()) {
      setProblem(t('password.codeRequired'));
      return;
    }
    const p = newPasswordProblem(t, next, repeat, PASSWORD_MIN_LENGTH);
    if (p) {
      setProblem(p);
      return;
    }
    setProblem('');
    redeem.mutate(
      { login: login.trim(), code: code.trim(), newPassword: next },
      {
        onSuccess: () =>
          signIn.mutate(
            { login: login.trim(), password: next },
            {
              onSuccess: () => navigate('/', { replace: true }),
              onError: (err) => setProblem(`${t('password.setButSignInFailed')} ${errorMessage(err)}`),
            },
          ),
        onError: (err) => setProblem(errorMessage(err)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form" aria-busy={busy} data-testid="reset-code-form">
      <h2>{t('password.haveCodeTitle')}</h2>
      <p className="muted">{t('password.haveCodeIntro')}</p>
      <div className="field">
        <label htmlFor="reset-login">{t('signIn.login')}</label>
        <input
          id="reset-login"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="reset-code">{t('password.code')}</label>
        <input
          id="reset-code"
          name="one-time-code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          className="mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <PasswordField
        label={t('password.new')}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        name="new-password"
        hint={t('password.policyHint', { count: PASSWORD_MIN_LENGTH })}
      />
      <PasswordField
        label={t('password.repeat')}
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        name="repeat-password"
      />
      <div className="form-error" role="alert" aria-live="assertive" id="reset-error">
        {problem}
      </div>
      <div className="act-row">
        <button type="submit" className="button" disabled={busy} aria-describedby={problem ? 'reset-error' : undefined}>
          {busy ? t('forms.working') : t('password.setSubmit')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('password.backToSignIn')}
        </button>
      </div>
    </form>
  );
}
