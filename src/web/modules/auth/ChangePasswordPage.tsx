// Change password: the current one and the new one twice. The account's other sessions end; this one goes on.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ChangePasswordInput, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';
import { client, ok } from '../../app/api.js';
import { ContractForm, FormField, useAct, useContractForm } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { checkNewPassword, repeatField } from './new-password.js';

/** The contract's input and the new password again (the form's own field). */
const ChangePasswordForm = ChangePasswordInput.extend(repeatField).superRefine(checkNewPassword);

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const form = useContractForm(ChangePasswordForm, { currentPassword: '', newPassword: '', repeat: '' });
  const change = useAct((input: ChangePasswordInput) => ok(client.POST('/api/auth/password', { body: input })));
  return (
    <article>
      <PageTitle title={t('password.changeTitle')}>{t('password.changeTitle')}</PageTitle>
      <section className="card signin-card" data-testid="change-password">
        <p className="muted">{t('password.changeIntro', { min: PASSWORD_MIN_LENGTH })}</p>
        {change.isSuccess ? (
          <div role="status" className="notice notice-warn" data-testid="password-changed">
            <p>{t('password.changed')}</p>
            <p>
              <Link to="/">{t('password.backHome')}</Link>
            </p>
          </div>
        ) : (
          <ContractForm
            form={form}
            submitLabel={t('password.changeSubmit')}
            state={change}
            onValid={({ currentPassword, newPassword }) =>
              change.mutate({ currentPassword, newPassword }, { onError: () => form.setValue('currentPassword', '') })
            }
          >
            <FormField
              form={form}
              name="currentPassword"
              label={t('password.current')}
              type="password"
              autoComplete="current-password"
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
          </ContractForm>
        )}
      </section>
    </article>
  );
}
