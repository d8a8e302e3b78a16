// The protocol (the secretary, the body's managers): generate from the record (English or Russian), edit the
// draft, approve, seal (hash and predecessor's hash shown), and the PDFs of the protocol and the transcript.
import { useEffect, useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, Protocol } from '../../../contracts/assembly.js';
import { ApiError, client, ok, urlOf } from '../../app/api.js';
import { FormError, Select } from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { useDateTime } from './common.js';
import { useMeetingAction, useProtocol } from './queries.js';

/** A download link that fetches the file first (PDFs take a moment), showing that it is being prepared. */
export function DownloadLink({ href, label, testId }: { href: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const click = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        let code = `http_${res.status}`;
        let message = '';
        try {
          const body = (await res.json()) as { error?: { code?: string; message?: string } };
          code = body.error?.code ?? code;
          message = body.error?.message ?? '';
        } catch {
          // not JSON
        }
        throw new ApiError(res.status, code, message);
      }
      const blob = await res.blob();
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? href.split('/').pop() ?? 'download';
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network_error', ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download">
      <a
        href={href}
        download
        className="button button-secondary"
        onClick={(e) => void click(e)}
        aria-busy={busy}
        data-testid={testId}
      >
        {busy && <span className="spinner spinner-inline" aria-hidden="true" />}
        {label}
      </a>
      <span role="status" aria-live="polite" className="small muted">
        {busy ? t('meetings.preparingFile') : ''}
      </span>
      {error ? <FormError id={`${testId ?? 'dl'}-err`} error={error} /> : null}
    </span>
  );
}

function SealInfo({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const D = useDateTime();
  if (!protocol.seal) return null;
  return (
    <dl className="facts seal" data-testid="seal">
      <div>
        <dt>{t('meetings.sealedAt')}</dt>
        <dd>{D.dateTime(protocol.seal.sealedAt)}</dd>
      </div>
      <div>
        <dt>{t('meetings.sealNumber')}</dt>
        <dd>{protocol.seal.seq}</dd>
      </div>
      <div>
        <dt>{t('meetings.sealHash')}</dt>
        <dd className="mono hash" data-testid="seal-hash">
          {protocol.seal.hash}
        </dd>
      </div>
      <div>
        <dt>{t('meetings.sealPrevHash')}</dt>
        <dd className="mono hash">{protocol.seal.prevHash}</dd>
      </div>
    </dl>
  );
}

export function ProtocolPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const D = useDateTime();
  const id = useId();
  const q = useProtocol(meeting.id);
  const act = useMeetingAction(meeting.id);
  const [lang, setLang] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  const [body, setBody] = useState('');
  const [doing, setDoing] = useState('');
  const p = q.data ?? null;
  const serverBody = p?.body ?? null;
  // The editor follows the server's text whenever a new version arrives.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs the editor with the server's new version
    if (serverBody !== null) setBody(serverBody);
  }, [serverBody, p?.version]);
  const run = (what: string, call: Parameters<typeof act.mutate>[0]) => {
    setDoing(what);
    act.mutate(call);
  };
  const busyLabel =
    doing === 'generate'
      ? t('meetings.generating')
      : doing === 'save'
        ? t('meetings.saving')
        : doing === 'approve'
          ? t('meetings.approving')
          : doing === 'seal'
            ? t('meetings.sealing')
            : t('forms.working');
  const status = meeting.status;
  const edited = !!p && body !== p.body;
  // what the server says may be done: the protocol's own flags, or the meeting's before there is a protocol
  const can = p?.can ?? { generate: meeting.can.generateProtocol, edit: false, approve: false, seal: false };
  return (
    <div className="console protocol" data-testid="protocol-panel" aria-busy={act.isPending}>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <FormError id={`${id}-load`} error={q.error} />
      ) : (
        <>
          <p data-testid="protocol-status">
            {p ? (
              <>
                <span className={`badge ${p.status === 'sealed' ? '' : 'badge-warn'}`}>
                  {t(`meetings.protocolStatus.${p.status}`)}
                </span>{' '}
                <span className="small muted">
                  {t('meetings.protocolVersion', { n: p.version })} ·{' '}
                  {t('meetings.generatedAt', { time: D.dateTime(p.generatedAt) })}
                  {p.approvedAt && (
                    <> · {t('meetings.approvedAt', { time: D.dateTime(p.approvedAt), by: p.approvedBy ?? '' })}</>
                  )}
                </span>
              </>
            ) : status === 'closed' ? (
              t('meetings.noProtocol')
            ) : (
              t('meetings.protocolAfterClose')
            )}
          </p>
          {can.generate && (
            <div className="inline-fields">
              <Select
                label={t('meetings.protocolLang')}
                value={lang}
                onChange={setLang}
                options={[
                  { value: 'en', label: t('languages.en') },
                  { value: 'ru', label: t('languages.ru') },
                ]}
              />
              <button
                type="button"
                className="button"
                disabled={act.isPending}
                aria-busy={act.isPending || undefined}
                onClick={() => {
                  if (p && edited && !window.confirm(t('meetings.regenerateConfirm'))) return;
                  run('generate', () =>
                    ok(
                      client.POST('/api/meetings/{id}/protocol', {
                        params: { path: { id: meeting.id } },
                        body: { lang },
                      }),
                    ),
                  );
                }}
              >
                {p ? t('meetings.regenerate') : t('meetings.generate')}
              </button>
            </div>
          )}
          {p && (
            <>
              <div className="field">
                <label htmlFor={`${id}-body`}>{t('meetings.protocolText')}</label>
                <textarea
                  id={`${id}-body`}
                  className="protocol-text"
                  rows={18}
                  value={body}
                  readOnly={!can.edit}
                  onChange={(e) => setBody(e.target.value)}
                  lang={p.lang}
                />
              </div>
              <div className="button-row">
                {can.edit && (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={act.isPending || !edited || !body.trim()}
                    onClick={() =>
                      run('save', () =>
                        ok(
                          client.PATCH('/api/meetings/{id}/protocol', {
                            params: { path: { id: meeting.id } },
                            body: { version: p.version, body },
                          }),
                        ),
                      )
                    }
                  >
                    {t('meetings.saveProtocol')}
                  </button>
                )}
                {can.approve && (
                  <button
                    type="button"
                    className="button"
                    disabled={act.isPending || edited}
                    title={edited ? t('meetings.saveFirst') : undefined}
                    onClick={() => {
                      if (window.confirm(t('meetings.approveConfirm')))
                        run('approve', () =>
                          ok(
                            client.POST('/api/meetings/{id}/protocol/approve', {
                              params: { path: { id: meeting.id } },
                              body: { version: p.version },
                            }),
                          ),
                        );
                    }}
                  >
                    {t('meetings.approve')}
                  </button>
                )}
                {can.seal && (
                  <button
                    type="button"
                    className="button"
                    disabled={act.isPending}
                    aria-busy={act.isPending || undefined}
                    onClick={() => {
                      if (window.confirm(t('meetings.sealConfirm')))
                        run('seal', () =>
                          ok(
                            client.POST('/api/meetings/{id}/protocol/seal', {
                              params: { path: { id: meeting.id } },
                              body: { version: p.version },
                            }),
                          ),
                        );
                    }}
                  >
                    {t('meetings.seal')}
                  </button>
                )}
              </div>
              {edited && <p className="small muted">{t('meetings.unsaved')}</p>}
              <SealInfo protocol={p} />
            </>
          )}
          <p role="status" aria-live="polite" className="act-done">
            {act.isPending ? (
              <>
                <span className="spinner spinner-inline" aria-hidden="true" /> {busyLabel}
              </>
            ) : act.isSuccess ? (
              t('forms.done')
            ) : (
              ''
            )}
          </p>
          <FormError id={`${id}-err`} error={act.error} />
          <div className="button-row downloads">
            {p && (
              <DownloadLink
                href={urlOf('/api/meetings/{id}/protocol.pdf', { id: meeting.id })}
                label={t('meetings.protocolPdf')}
                testId="protocol-pdf"
              />
            )}
            <DownloadLink
              href={urlOf('/api/meetings/{id}/transcript.pdf', { id: meeting.id })}
              label={t('meetings.transcriptPdf')}
              testId="transcript-pdf"
            />
          </div>
        </>
      )}
    </div>
  );
}
