// A participant's own controls (meeting page and phone view): check in with the hall code, ask to speak
// (speech, point of order, reply), withdraw, and send a question note.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorKind, Meeting } from '../../../contracts/assembly.js';
import { client, ok } from '../../app/api.js';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { FormError } from '../../ui/forms.js';
import { useMeetingLabels } from './common.js';
import { NoteSender } from './NoteSender.js';
import { useFloor, useMeetingAction, type Live } from './queries.js';

export function HallCheckIn({ meeting, initialCode }: { meeting: Meeting; initialCode?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const act = useMeetingAction(meeting.id);
  const [code, setCode] = useState(initialCode ?? '');
  return (
    <form
      className="form hall-checkin"
      data-testid="hall-checkin"
      aria-busy={act.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim().length < 4) return;
        act.mutate(() =>
          ok(
            client.POST('/api/meetings/{id}/check-in', {
              params: { path: { id: meeting.id } },
              body: { hallCode: code.trim() },
            }),
          ),
        );
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('meetings.hallCode')}</label>
        <span id={`${id}-hint`} className="small muted">
          {t('meetings.hallCodeHint')}
        </span>
        <input
          id={id}
          type="text"
          className="mono big-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button big-touch"
        disabled={act.isPending}
        aria-busy={act.isPending || undefined}
      >
        {act.isPending ? t('forms.working') : t('meetings.checkIn')}
      </button>
      <FormError id={`${id}-err`} error={act.error} />
    </form>
  );
}

export function FloorControls({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const me = useMe().data;
  const floor = useFloor(meeting.id, meeting.me.present);
  const act = useMeetingAction(meeting.id);
  // what the last act did; "you are on the list" is said only while it is still true
  const [done, setDone] = useState<{ text: string; asked: boolean } | null>(null);
  const s = live.state;
  const mine = (floor.data?.items ?? []).filter(
    (r) => r.personId === me?.personId && (r.status === 'waiting' || r.status === 'speaking'),
  );
  // The live state is the latest word on the floor: the list may lag behind it (a speech just ended).
  const inLiveQueue = (requestId: string) =>
    !s || s.queue.some((q) => q.requestId === requestId) || s.queue.length < s.queueLength;
  const waiting = mine.find(
    (r) => r.status === 'waiting' && inLiveQueue(r.id) && (!s || s.speaker?.requestId !== r.id),
  );
  const speaking = s
    ? s.speaker && s.speaker.personId === me?.personId
      ? s.speaker
      : undefined
    : mine.find((r) => r.status === 'speaking');
  const place = waiting && s ? s.queue.findIndex((q) => q.requestId === waiting.id) : -1;
  const open = (s?.status ?? meeting.status) === 'open';
  const ask = (kind: FloorKind) =>
    act.mutate(
      () => ok(client.POST('/api/meetings/{id}/floor', { params: { path: { id: meeting.id } }, body: { kind } })),
      {
        onSuccess: () => {
          setDone({ text: t('meetings.askedFloor', { kind: L.floorKind(kind) }), asked: true });
          live.refresh?.();
        },
      },
    );
  return (
    <div className="floor-controls" data-testid="floor-controls" aria-busy={act.isPending}>
      {speaking && <p className="notice notice-warn">{t('meetings.youHaveFloor')}</p>}
      {waiting ? (
        <p data-testid="my-request">
          {place >= 0
            ? t('meetings.inQueueAt', { n: place + 1, kind: L.floorKind(waiting.kind) })
            : t('meetings.inQueue', { kind: L.floorKind(waiting.kind) })}
        </p>
      ) : null}
      <div className="button-row big-buttons" role="group" aria-label={t('meetings.askToSpeak')}>
        {(['speech', 'point_of_order', 'reply'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={k === 'speech' ? 'button big-touch' : 'button button-secondary big-touch'}
            disabled={act.isPending || !meeting.can.askFloor || !!waiting}
            onClick={() => ask(k)}
          >
            {t(`meetings.ask.${k}`)}
          </button>
        ))}
        {waiting && (
          <button
            type="button"
            className="button button-secondary big-touch"
            disabled={act.isPending}
            aria-busy={act.isPending || undefined}
            onClick={() =>
              act.mutate(
                () =>
                  ok(
                    client.POST('/api/meetings/{id}/floor/{requestId}/withdraw', {
                      params: { path: { id: meeting.id, requestId: waiting.id } },
                      body: {},
                    }),
                  ),
                {
                  onSuccess: () => {
                    setDone({ text: t('meetings.withdrawn'), asked: false });
                    live.refresh?.();
                  },
                },
              )
            }
          >
            {t('meetings.withdraw')}
          </button>
        )}
      </div>
      {!open && <p className="small muted">{t('meetings.floorWhenOpen')}</p>}
      <p role="status" aria-live="polite" className="act-done">
        {done && (!done.asked || waiting) ? done.text : ''}
      </p>
      <FormError id={`floor-mine-${meeting.id}`} error={act.error} />
    </div>
  );
}

export function ParticipantPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe().data;
  return (
    <div className="console participant" data-testid="participant-panel">
      {!meeting.me.present && meeting.can.checkIn && <HallCheckIn meeting={meeting} />}
      <section className="console-block" aria-labelledby="ask-h">
        <h3 id="ask-h">{t('meetings.askToSpeak')}</h3>
        <FloorControls meeting={meeting} live={live} />
      </section>
      <section className="console-block" aria-labelledby="note-h">
        <h3 id="note-h">{t('meetings.sendNoteTitle')}</h3>
        {me && (
          <NoteSender
            meetingId={meeting.id}
            personId={me.personId}
            present={meeting.me.present}
            canObtain={meeting.can.obtainNoteTokens}
            canSend={meeting.can.sendNote}
            speakerName={live.state?.speaker ? f.name(live.state.speaker) : null}
          />
        )}
      </section>
    </div>
  );
}
