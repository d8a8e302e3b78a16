// Loading and error states: a progress indicator announced politely, errors in an alert.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';
import { useTimeZone } from '../app/format.js';
import { en } from '../i18n/en.js';
import { errorText, type ErrorTexts } from './error-text.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

/**
 * The message to show for an error, in the person's language: the sentence for its code (never the code
 * itself, never the server's raw details); see error-text.ts.
 */
export function useErrorMessage() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  return (err: unknown): string => {
    const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
    const texts = (i18n.getResourceBundle(lang, 'translation') as ErrorTexts | undefined) ?? en;
    if (err instanceof ApiError) return errorText(err, texts, lang, timeZone);
    return texts.errors.unknown;
  };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="notice notice-error" role="alert">
      <p>{message(error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
