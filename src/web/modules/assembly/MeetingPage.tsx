// A meeting's page: header, agenda with reporters and documents, notice, calendar file, the person's check-in
// code (text and QR), the live panel, and the consoles the person's roles open: chair, desk, stenographer,
// notes, protocol, and the participant's own controls.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Meeting } from '../../../contracts/assembly.js';
import { urlOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { ChairConsole } from './ChairConsole.js';
import {
  Countdown,
  LiveIndicator,
  QrCode,
  QuorumLine,
  StatusBadge,
  useDateTime,
  useMeetingLabels,
  useSpeakerLine,
} from './common.js';
import { DeskPanel } from './DeskPanel.js';
import { NotesPanel } from './NotesPanel.js';
import { ParticipantPanel } from './ParticipantPanel.js';
import { ProtocolPanel } from './ProtocolPanel.js';
import { useLive, useMeeting, type Live } from './queries.js';
import { StenographerPanel } from './StenographerPanel.js';
import { useMe } from '../../app/auth.js';
import { BallotBox } from '../ballot/BallotBox.js';
import { LiveVoteView } from '../ballot/common.js';
import { ElectionsPanel } from '../ballot/ElectionsPanel.js';
import { MandatesPanel } from '../ballot/MandatesPanel.js';
import { MotionsPanel } from '../ballot/MotionsPanel.js';
import { useBallotLiveSync } from '../ballot/queries.js';
import { VotesPanel } from '../ballot/VotesPanel.js';
import './assembly.css';

export function LivePanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useMeetingLabels();
  const speakerLine = useSpeakerLine();
  const s = live.state;
  return (
    <section className="card live-panel" aria-labelledby="live-h" data-testid="live-panel">
      <div className="live-head">
        <h2 id="live-h">{t('meetings.livePanel')}</h2>
        <LiveIndicator live={live} />
      </div>
      {!s ? (
        <Loading />
      ) : (
        <>
          <dl className="facts live-facts">
            <div>
              <dt>{t('meetings.currentItem')}</dt>
              <dd data-testid="current-item">
                {s.currentItem ? `${s.currentItem.position}. ${s.currentItem.title}` : t('meetings.noCurrentItem')}
              </dd>
            </div>
            <div>
              <dt>{t('meetings.speaker')}</dt>
              <dd data-testid="current-speaker">
                <span aria-live="polite">{speakerLine(s)}</span> {s.speaker && <Countdown live={live} />}
              </dd>
            </div>
            <div>
              <dt>{t('meetings.chair')}</dt>
              <dd>{s.chair ? f.name({ name: s.chair, nameRu: s.chairRu }) : '—'}</dd>
            </div>
          </dl>
          <QuorumLine quorum={s.quorum} />
          {s.vote && s.vote.status !== 'cancelled' && <LiveVoteView vote={s.vote} level={3} />}
          <div aria-labelledby="queue-h">
            <h3 id="queue-h">
              {t('meetings.queue')} <span className="badge count-badge">{f.number(s.queueLength)}</span>
            </h3>
            {s.queue.length === 0 ? (
              <p className="muted">{t('meetings.queueEmpty')}</p>
            ) : (
              <ol className="queue" data-testid="live-queue">
                {s.queue.map((q) => (
                  <li key={q.requestId}>
                    {f.name(q)}
                    {q.kind !== 'speech' && <span className="badge badge-warn">{L.floorKind(q.kind)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {meeting.status === 'open' || s.status === 'open' ? null : (
            <p className="muted small">{t('meetings.notInSession')}</p>
          )}
        </>
      )}
      {meeting.can.project && (
        <p className="small">
          <Link to={`/meetings/${meeting.id}/projector`} target="_blank" rel="noopener" data-testid="projector-link">
            {t('meetings.openProjector')}
          </Link>
        </p>
      )}
    </section>
  );
}

function Header({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const D = useDateTime();
  const f = useFormat();
  return (
    <>
      <PageTitle
        title={meeting.title}
        sub={
          <p className="subtitle">
            <StatusBadge status={meeting.status} />
            <span className="badge badge-kind">{L.kind(meeting.kind)}</span>
            {meeting.sealed && <span className="badge">{t('meetings.sealedBadge')}</span>}
            <Link to={`/bodies/${meeting.bodyId}`}>
              {f.name({ name: meeting.bodyName, nameRu: meeting.bodyNameRu })}
            </Link>
          </p>
        }
      >
        {meeting.title}
      </PageTitle>
      <dl className="facts">
        <div>
          <dt>{t('meetings.when')}</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{D.dateTime(meeting.startsAt)}</time>
            {meeting.endsAt && (
              <>
                {' – '}
                <time dateTime={meeting.endsAt}>{D.time(meeting.endsAt)}</time>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.place')}</dt>
          <dd>{meeting.place}</dd>
        </div>
        <div>
          <dt>{t('meetings.entitled')}</dt>
          <dd>{f.number(meeting.entitled)}</dd>
        </div>
        {meeting.noticeSentAt && (
          <div>
            <dt>{t('meetings.noticeGivenLabel')}</dt>
            <dd data-testid="notice-given">
              <time dateTime={meeting.noticeSentAt}>{D.dateTime(meeting.noticeSentAt)}</time>
              {meeting.urgent && <> · {t('meetings.urgentBadge')}</>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('meetings.calendar')}</dt>
          <dd>
            <a href={urlOf('/api/meetings/{id}/calendar.ics', { id: meeting.id })} download data-testid="calendar-link">
              {t('meetings.addToCalendar')}
            </a>
          </dd>
        </div>
      </dl>
    </>
  );
}

function AgendaSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const D = useDateTime();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="agenda-h" data-testid="agenda">
      <h2 id="agenda-h">{t('meetings.agenda')}</h2>
      <ol className="agenda">
        {meeting.agenda.map((item) => (
          <li
            key={item.id}
            className={`agenda-item agenda-${item.status}`}
            aria-current={item.status === 'current' ? 'step' : undefined}
          >
            <span className="agenda-title">{item.title}</span>{' '}
            {item.status !== 'pending' && (
              <span className={`badge ${item.status === 'current' ? 'badge-warn' : ''}`}>
                {t(`meetings.itemStatus.${item.status}`)}
              </span>
            )}
            {item.reporterName && (
              <div className="small">
                {t('meetings.reporter')}: {f.name({ name: item.reporterName, nameRu: item.reporterNameRu })}
              </div>
            )}
            {item.startedAt && (
              <div className="small muted">
                {D.time(item.startedAt)}
                {item.endedAt ? ` – ${D.time(item.endedAt)}` : ''}
              </div>
            )}
            {item.documents.length > 0 && (
              <ul className="documents">
                {item.documents.map((d, i) => (
                  <li key={i}>
                    {d.url ? (
                      <a href={d.url} target="_blank" rel="noopener noreferrer">
                        {d.title}
                      </a>
                    ) : (
                      <details>
                        <summary>{d.title}</summary>
                        {d.text && <p className="prose">{d.text}</p>}
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {meeting.notice && (
        <>
          <h3>{t('meetings.notice')}</h3>
          <p className="prose" data-testid="notice">
            {meeting.notice}
          </p>
        </>
      )}
    </section>
  );
}

function MyCode({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const me = meeting.me;
  if (!me.voice) return null;
  return (
    <section className="card my-code" aria-labelledby="mycode-h" data-testid="my-code">
      <h2 id="mycode-h">{t('meetings.myCodeTitle')}</h2>
      <p>
        {t('meetings.myVoice', { voice: L.voice(me.voice) })}{' '}
        <span className={`badge ${me.present ? 'badge-ok' : ''}`} data-testid="my-presence">
          {me.present ? t('meetings.present') : t('meetings.notPresent')}
        </span>
      </p>
      {me.code && (
        <div className="code-row">
          <QrCode text={me.code} label={t('meetings.myCodeQr', { code: me.code })} size={160} />
          <div>
            <p className="small muted">{t('meetings.myCodeHelp')}</p>
            <p className="code-text mono" data-testid="my-code-text">
              {me.code}
            </p>
          </div>
        </div>
      )}
      <p className="small">
        <Link to={`/meetings/${meeting.id}/delegate`}>{t('meetings.openDelegateView')}</Link>
      </p>
    </section>
  );
}

interface Tab {
  id: string;
  label: string;
  panel: () => ReactNode;
}

/** WAI-ARIA tabs: arrows move between tabs, Home/End to the ends; the chosen tab's panel is shown. */
function Tabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const base = useId();
  const [chosen, setChosen] = useState(tabs[0]?.id ?? '');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0];
  if (!current) return null;
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((t) => t.id === current.id);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    setChosen(id);
    refs.current[id]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            className="tab"
            onClick={() => setChosen(tab.id)}
            onKeyDown={onKey}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.id}`}
        aria-labelledby={`${base}-tab-${current.id}`}
        className="tabpanel"
        data-testid={`panel-${current.id}`}
      >
        {current.panel()}
      </div>
    </div>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const live = useLive(id);
  const account = useMe().data;
  useBallotLiveSync(id, live);
  if (meeting.isPending) {
    return (
      <div aria-busy="true">
        <Loading />
      </div>
    );
  }
  if (meeting.isError) return <ErrorNotice error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const me = m.me;
  // Which consoles the reader gets: the server says what they may do (`can`, ADR 0026).
  const can = m.can;
  const tabs: Tab[] = [];
  if (me.voice)
    tabs.push({
      id: 'participant',
      label: t('meetings.tabs.participant'),
      panel: () => <ParticipantPanel meeting={m} live={live} />,
    });
  if (can.chair)
    tabs.push({ id: 'chair', label: t('meetings.tabs.chair'), panel: () => <ChairConsole meeting={m} live={live} /> });
  if (can.keepDesk)
    tabs.push({ id: 'desk', label: t('meetings.tabs.desk'), panel: () => <DeskPanel meeting={m} live={live} /> });
  if (can.keepTranscript)
    tabs.push({
      id: 'transcript',
      label: t('meetings.tabs.transcript'),
      panel: () => <StenographerPanel meeting={m} live={live} />,
    });
  if (can.handleNotes)
    tabs.push({ id: 'notes', label: t('meetings.tabs.notes'), panel: () => <NotesPanel meeting={m} live={live} /> });
  if (can.keepProtocol)
    tabs.push({ id: 'protocol', label: t('meetings.tabs.protocol'), panel: () => <ProtocolPanel meeting={m} /> });
  // Decisions (issue 5): motions, votes, elections and, for conferences and congresses, mandates.
  tabs.push({ id: 'motions', label: t('ballots.tabs.motions'), panel: () => <MotionsPanel meeting={m} live={live} /> });
  if (can.tell)
    tabs.push({ id: 'votes', label: t('ballots.tabs.votes'), panel: () => <VotesPanel meeting={m} live={live} /> });
  tabs.push({
    id: 'elections',
    label: t('ballots.tabs.elections'),
    panel: () => <ElectionsPanel meeting={m} live={live} />,
  });
  if ((m.kind === 'conference' || m.kind === 'congress') && (can.checkMandates || can.chair))
    tabs.push({ id: 'mandates', label: t('ballots.tabs.mandates'), panel: () => <MandatesPanel meeting={m} /> });
  return (
    <article className="meeting-page" key={m.id}>
      <Header meeting={m} />
      <div className="grid">
        <LivePanel meeting={m} live={live} />
        <MyCode meeting={m} />
      </div>
      {account && <BallotBox meeting={m} live={live} personId={account.personId} />}
      {tabs.length > 0 && <Tabs tabs={tabs} label={t('meetings.tabs.label')} />}
      <AgendaSection meeting={m} />
    </article>
  );
}
