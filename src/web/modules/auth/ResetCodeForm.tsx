// On the sign-in page: "I have a reset code". The login, the code a secretary gave, the new password twice; on
// success the person is signed in with the new password.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, RedeemResetCodeInput } from '../../../contracts/auth.js';
import { client, ok } from '../../app/api.js';
import { useOneMutation } from '../../app/act.js';
import { useSignIn } from '../../app/auth.js';
import { useErrorMessage } from '../../ui/feedback.js';
import { FormField, useContractForm, useFieldsProblem } from '../../ui/forms.js';
import { checkNewPassword, repeatField } from './new-password.js';

/** The contract's input and the new password again (the form's own field). */
const ResetCodeFormInput = RedeemResetCodeInput.extend(repeatField).superRefine(checkNewPassword);

export function ResetCodeForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const redeem = useOneMutation({
    mutationFn: (input: RedeemResetCodeInput) => ok(client.POST('/api/auth/password-reset', { body: input })),
  });
  const form = useContractForm(ResetCodeFormInput, { login: '', code: '', newPassword: '', repeat: '' });
  const fields = useFieldsProblem(form);
  const busy = redeem.isPending || signIn.isPending;
  // the fields that need attention; else why the code was refused, or why signing in with the new password failed
  const problem =
    fields ||
    (redeem.error
      ? errorMessage(redeem.error)
      : signIn.error
        ? `${t('password.setButSignInFailed')} ${errorMessage(signIn.error)}`
        : '');

  const submit = form.handleSubmit(({ login, code, newPassword }) => {
    signIn.reset();
    redeem.mutate(
      { login, code, newPassword },
      {
        onSuccess: () =>
          signIn.mutate({ login, password: newPassword }, { onSuccess: () => navigate('/', { replace: true }) }),
      },
    );
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form" aria-busy={busy} data-testid="reset-code-form">
      <h2>{t('password.haveCodeTitle')}</h2>
      <p className="muted">{t('password.haveCodeIntro')}</p>
      <FormField
        form={form}
        name="login"
        id="reset-login"
        label={t('signIn.login')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <FormField
        form={form}
        name="code"
        id="reset-code"
        label={t('password.code')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        className="mono"
        required
      />
      <FormField
        form={form}
        name="newPassword"
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        required
        hint={t('password.policyHint', { count: PASSWORD_MIN_LENGTH })}
      />
      <FormField
        form={form}
        name="repeat"
        label={t('password.repeat')}
        type="password"
        autoComplete="new-password"
        required
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
