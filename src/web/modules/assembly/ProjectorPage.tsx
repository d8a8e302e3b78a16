// The projector: full screen, no site chrome, huge type. The meeting's title, the current item, the speaker
// with the clock, the next speakers, the quorum, the hall code (text and QR for phones) and the notes counter.
// Updates from the live stream only.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { Countdown, LiveIndicator, QrCode, useMeetingLabels } from './common.js';
import { useLive, useMeeting } from './queries.js';
import { LiveVoteView } from '../ballot/common.js';
import './assembly.css';

export function ProjectorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const L = useMeetingLabels();
  const meeting = useMeeting(id);
  const live = useLive(id);
  const s = live.state;
  const m = meeting.data;
  useEffect(() => {
    if (s?.title) document.title = `${s.title} · ${t('meetings.projector')}`;
  }, [s?.title, t]);
  if (meeting.isError && !s) {
    return (
      <main id="main" className="projector">
        <ErrorNotice error={meeting.error} onRetry={() => void meeting.refetch()} />
      </main>
    );
  }
  if (!s) {
    return (
      <main id="main" className="projector" aria-busy="true">
        <Loading />
      </main>
    );
  }
  const hall = m?.hallCode ?? null;
  const delegateUrl = hall ? `${window.location.origin}/meetings/${id}/delegate?hall=${encodeURIComponent(hall)}` : '';
  return (
    <main id="main" className="projector" data-testid="projector">
      <header className="projector-head">
        <h1 data-testid="projector-title">{s.title}</h1>
        <div className="projector-tools">
          <span className={`badge meeting-status meeting-status-${s.status}`}>{L.status(s.status)}</span>
          <LiveIndicator live={live} />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen();
              else void document.documentElement.requestFullscreen?.().catch(() => undefined);
            }}
          >
            {t('meetings.fullScreen')}
          </button>
        </div>
      </header>
      <div className="projector-grid">
        <div className="projector-main">
          {s.vote && s.vote.status !== 'cancelled' && <LiveVoteView vote={s.vote} big />}
          <section aria-labelledby="p-item-h">
            <h2 id="p-item-h" className="projector-label">
              {t('meetings.currentItem')}
            </h2>
            <p className="projector-item" data-testid="projector-item">
              {s.currentItem ? `${s.currentItem.position}. ${s.currentItem.title}` : t('meetings.noCurrentItem')}
            </p>
          </section>
          <section aria-labelledby="p-speaker-h">
            <h2 id="p-speaker-h" className="projector-label">
              {t('meetings.speaker')}
            </h2>
            <p className="projector-speaker" data-testid="projector-speaker" aria-live="polite">
              {s.speaker ? f.name(s.speaker) : t('meetings.noSpeaker')}
              {s.speaker && s.speaker.kind !== 'speech' && (
                <span className="projector-kind"> — {L.floorKind(s.speaker.kind)}</span>
              )}
            </p>
            {s.speaker && <Countdown live={live} className="projector-clock" />}
          </section>
          <section aria-labelledby="p-next-h">
            <h2 id="p-next-h" className="projector-label">
              {t('meetings.nextSpeakers')}
              {s.queueLength > s.queue.length && ` (${f.number(s.queueLength)})`}
            </h2>
            {s.queue.length === 0 ? (
              <p className="projector-muted">{t('meetings.queueEmpty')}</p>
            ) : (
              <ol className="projector-queue" data-testid="projector-queue">
                {s.queue.slice(0, 5).map((q) => (
                  <li key={q.requestId}>
                    {f.name(q)}
                    {q.kind !== 'speech' && <span className="projector-kind"> — {L.floorKind(q.kind)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside className="projector-side">
          <section
            aria-labelledby="p-quorum-h"
            className={`projector-quorum ${s.quorum.reached ? 'reached' : 'not-reached'}`}
            data-testid="projector-quorum"
            data-reached={s.quorum.reached}
          >
            <h2 id="p-quorum-h" className="projector-label">
              {t('meetings.quorum')}
            </h2>
            <p className="projector-number">
              <span data-testid="projector-present">{f.number(s.quorum.presentVoting)}</span>
              <span className="projector-of"> / {f.number(s.quorum.entitledVoting)}</span>
            </p>
            <p>
              {t('meetings.quorumRequired', { n: f.number(s.quorum.required) })}:{' '}
              <strong data-testid="projector-quorum-state">
                {s.quorum.reached ? t('meetings.quorumReached') : t('meetings.quorumNotReached')}
              </strong>
            </p>
          </section>
          {hall && (
            <section aria-labelledby="p-hall-h" className="projector-hall">
              <h2 id="p-hall-h" className="projector-label">
                {t('meetings.hallCode')}
              </h2>
              <p className="projector-code mono" data-testid="projector-hall-code">
                {hall}
              </p>
              <QrCode text={delegateUrl} label={t('meetings.hallQr')} size={220} />
              <p className="small">{t('meetings.hallQrHelp')}</p>
            </section>
          )}
          <section aria-labelledby="p-notes-h">
            <h2 id="p-notes-h" className="projector-label">
              {t('meetings.notesTitle')}
            </h2>
            <p className="projector-number" data-testid="projector-notes">
              {f.number(s.notesCount)}
            </p>
            <p>{t('meetings.notesAnsweredCount', { n: f.number(s.notesAnswered) })}</p>
          </section>
          {s.chair && (
            <p>
              {t('meetings.chair')}: {f.name({ name: s.chair, nameRu: s.chairRu })}
            </p>
          )}
        </aside>
      </div>
    </main>
  );
}
