// On a person's page, for whoever manages their body: issue a one-time reset code. The code is shown once, here,
// to be handed to the person; the server keeps only its hash. Leaving the page (or "Done") forgets it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResetCode } from '../../../contracts/auth.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActionForm, useAct } from '../../ui/forms.js';

export function ResetPasswordPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [shown, setShown] = useState<ResetCode | null>(null);
  const [copied, setCopied] = useState(false);
  const issue = useAct(() =>
    ok(client.POST('/api/persons/{id}/password-reset', { params: { path: { id: personId } } })),
  );
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="card" aria-labelledby="reset-h" data-testid="reset-password">
      <h2 id="reset-h">{t('password.resetTitle')}</h2>
      {shown ? (
        <div className="notice notice-warn" role="status" data-testid="reset-code">
          <p>{t('password.codeFor', { login: shown.login })}</p>
          <p>
            <strong className="mono reset-code" data-testid="reset-code-value">
              {shown.code}
            </strong>
          </p>
          <p className="small">{t('password.codeHint', { until: f.dateTime(shown.expiresAt) })}</p>
          <div className="act-row">
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              {copied ? t('password.copied') : t('password.copy')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setShown(null);
                setCopied(false);
                issue.reset();
              }}
            >
              {t('password.codeDone')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="muted">{t('password.resetIntro')}</p>
          <ActionForm
            submitLabel={t('password.resetSubmit')}
            state={issue}
            secondary
            onSubmit={() => {
              issue.mutate(undefined, { onSuccess: (code) => setShown(code) });
            }}
          />
        </>
      )}
    </section>
  );
}
