// The phone view for a delegate (no site chrome, mobile first, large touch targets): check in with the hall
// code (prefilled from ?hall= when the projector's QR was scanned), my status, the current item and speaker,
// ask to speak or withdraw, and send a question note — anonymous unless the person signs it.
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { LanguageSwitch, SkipLink } from '../../app/Layout.js';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { Countdown, LiveIndicator, QuorumLine, StatusBadge, useMeetingLabels, useSpeakerLine } from './common.js';
import { NoteSender } from './NoteSender.js';
import { FloorControls, HallCheckIn } from './ParticipantPanel.js';
import { useLive, useMeeting } from './queries.js';
import { BallotBox } from '../ballot/BallotBox.js';
import { LiveVoteView } from '../ballot/common.js';
import { useBallotLiveSync } from '../ballot/queries.js';
import './assembly.css';

export function DelegatePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const L = useMeetingLabels();
  const speakerLine = useSpeakerLine();
  const me = useMe().data;
  const meeting = useMeeting(id);
  const live = useLive(id);
  useBallotLiveSync(id, live);
  const m = meeting.data;
  const s = live.state;
  const status = s?.status ?? m?.status;
  return (
    <div className="delegate-app">
      <SkipLink />
      <header className="delegate-header">
        <Link to="/meetings" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          {t('meetings.myTitle')}
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="delegate-main">
        {meeting.isPending ? (
          <Loading />
        ) : meeting.isError ? (
          <ErrorNotice error={meeting.error} onRetry={() => void meeting.refetch()} />
        ) : m ? (
          <>
            <PageTitle
              title={m.title}
              sub={
                <p className="subtitle">
                  <StatusBadge status={status ?? m.status} />
                  <LiveIndicator live={live} />
                </p>
              }
            >
              {m.title}
            </PageTitle>

            <section className="card delegate-status" aria-labelledby="d-status-h" data-testid="delegate-status">
              <h2 id="d-status-h">{t('meetings.myStatus')}</h2>
              {!m.me.voice ? (
                <p>{t('meetings.notParticipant')}</p>
              ) : m.me.present ? (
                <p className="big-status present" data-testid="delegate-present">
                  {t('meetings.checkedInAs', { voice: L.voice(m.me.voice) })}
                </p>
              ) : (
                <>
                  <p className="big-status">{t('meetings.notCheckedIn')}</p>
                  {m.can.checkIn && <HallCheckIn meeting={m} initialCode={params.get('hall') ?? ''} />}
                </>
              )}
            </section>

            <section className="card delegate-now" aria-labelledby="d-now-h" data-testid="delegate-now">
              <h2 id="d-now-h">{t('meetings.now')}</h2>
              {s ? (
                <>
                  <p className="now-item" data-testid="current-item">
                    {s.currentItem ? `${s.currentItem.position}. ${s.currentItem.title}` : t('meetings.noCurrentItem')}
                  </p>
                  <p className="now-speaker" data-testid="current-speaker">
                    <span aria-live="polite">{speakerLine(s)}</span> {s.speaker && <Countdown live={live} />}
                  </p>
                  <p className="small muted">{t('meetings.waitingCount', { n: f.number(s.queueLength) })}</p>
                  <QuorumLine quorum={s.quorum} className="small" />
                </>
              ) : (
                <Loading />
              )}
            </section>

            {m.me.voice && me && <BallotBox meeting={m} live={live} personId={me.personId} />}

            {s?.vote && s.vote.status !== 'cancelled' && (
              <div className="card">
                <LiveVoteView vote={s.vote} />
              </div>
            )}

            {m.me.voice && (
              <section className="card" aria-labelledby="d-ask-h">
                <h2 id="d-ask-h">{t('meetings.askToSpeak')}</h2>
                <FloorControls meeting={m} live={live} />
              </section>
            )}

            {m.me.voice && me && (
              <section className="card" aria-labelledby="d-note-h">
                <h2 id="d-note-h">{t('meetings.sendNoteTitle')}</h2>
                <NoteSender
                  meetingId={m.id}
                  personId={me.personId}
                  present={m.me.present}
                  canObtain={m.can.obtainNoteTokens}
                  canSend={m.can.sendNote}
                  speakerName={s?.speaker ? f.name(s.speaker) : null}
                />
              </section>
            )}

            <p>
              <Link to={`/meetings/${m.id}`}>{t('meetings.fullPage')}</Link>
            </p>
          </>
        ) : null}
      </main>
    </div>
  );
}
