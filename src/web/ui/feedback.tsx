// Loading and error states: a progress indicator announced politely, errors in an alert.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

/** The message to show for an error: the server's own message when it sent one. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.code === 'network_error') return t('errors.network');
      // The server writes its messages in English; other languages translate the known codes.
      if (i18n.language !== 'en' && i18n.exists(`errorCode.${err.code}`)) return t(`errorCode.${err.code}`);
      if (err.message) return err.message;
      if (err.status === 404) return t('errors.notFound');
    }
    return t('errors.unknown');
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
