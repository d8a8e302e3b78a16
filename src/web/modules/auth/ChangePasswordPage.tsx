// Change password: the current one and the new one twice. The account's other sessions end; this one goes on.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type ChangePasswordInput } from '../../../contracts/auth.js';
import { client, ok } from '../../app/api.js';
import { ActionForm, useAct } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PasswordField, newPasswordProblem } from './PasswordField.js';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
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
          <ActionForm
            submitLabel={t('password.changeSubmit')}
            state={change}
            onSubmit={() => {
              if (!current) return t('password.required');
              const problem = newPasswordProblem(t, next, repeat, PASSWORD_MIN_LENGTH);
              if (problem) return problem;
              change.mutate({ currentPassword: current, newPassword: next }, { onError: () => setCurrent('') });
            }}
          >
            <PasswordField
              label={t('password.current')}
              value={current}
              onChange={setCurrent}
              autoComplete="current-password"
              name="current-password"
            />
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
          </ActionForm>
        )}
      </section>
    </article>
  );
}
