// Pieces shared by the meeting pages: labels of kinds and statuses, date and time, the quorum line, the
// speaker's countdown, the live/reconnecting indicator and a QR code drawn as SVG in the browser (uqr).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { encode } from 'uqr';
import type { FloorKind, LiveState, MeetingStatus, Quorum } from '../../../contracts/assembly.js';
import { useFormat, useTimeZone } from '../../app/format.js';
import { serverNow, useNow, type Live } from './queries.js';

export function useMeetingLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: string) => t(`meetings.kind.${k}`, { defaultValue: k.replace(/_/g, ' ') }),
    status: (s: string) => t(`meetings.status.${s}`, { defaultValue: s }),
    floorKind: (k: FloorKind | string) => t(`meetings.floorKind.${k}`, { defaultValue: k.replace(/_/g, ' ') }),
    role: (r: string) => t(`meetings.role.${r}`, { defaultValue: r }),
    voice: (v: string) => t(`meetings.voice.${v}`, { defaultValue: v }),
  };
}

/** Date and time of a meeting in the current language, in the organisation's time zone. */
export function useDateTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const timeZone = useTimeZone();
  return useMemo(() => {
    const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    return {
      timeZone,
      dateTime: (iso: string | null | undefined) => {
        if (!iso) return '';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dt.format(d);
      },
      time: (iso: string | null | undefined) => {
        if (!iso) return '';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : time.format(d);
      },
    };
  }, [locale, timeZone]);
}

export function StatusBadge({ status }: { status: MeetingStatus | string }) {
  const L = useMeetingLabels();
  return (
    <span className={`badge meeting-status meeting-status-${status}`} data-testid="meeting-status">
      {L.status(status)}
    </span>
  );
}

/** "Present 312 of 4,400 voting — quorum 2,201: not reached". */
export function QuorumLine({ quorum, className }: { quorum: Quorum; className?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className={`quorum ${quorum.reached ? 'quorum-reached' : 'quorum-not'} ${className ?? ''}`} data-testid="quorum">
      {t('meetings.quorumLine', {
        count: quorum.presentVoting,
        present: f.number(quorum.presentVoting),
        entitled: f.number(quorum.entitledVoting),
        required: f.number(quorum.required),
        state: quorum.reached ? t('meetings.quorumReached') : t('meetings.quorumNotReached'),
      })}
      {quorum.presentConsultative + quorum.presentGuests > 0 && (
        <span className="small muted">
          {' '}
          {t('meetings.quorumOthers', {
            consultative: f.number(quorum.presentConsultative),
            guestsText: t('meetings.guestsN', { count: quorum.presentGuests, n: f.number(quorum.presentGuests) }),
          })}
        </span>
      )}
    </p>
  );
}

/** Seconds the current speaker has left (negative when over time). */
export function remainingSeconds(live: Live, clientNow: number): number | null {
  const sp = live.state?.speaker;
  if (!sp) return null;
  const started = Date.parse(sp.startedAt);
  if (Number.isNaN(started)) return null;
  return Math.round(sp.limitSeconds - (serverNow(live, clientNow) - started) / 1000);
}

export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  const mm = Math.floor(s / 60);
  const ss = String(s % 60).padStart(2, '0');
  return `${seconds < 0 ? '−' : ''}${mm}:${ss}`;
}

/** The speaker's clock: counts down from the limit; shown red when over time. */
export function Countdown({ live, className }: { live: Live; className?: string }) {
  const { t } = useTranslation();
  const now = useNow(!!live.state?.speaker);
  const left = remainingSeconds(live, now);
  if (left === null) return null;
  const over = left < 0;
  return (
    <span
      className={`countdown ${over ? 'countdown-over' : ''} ${className ?? ''}`}
      role="timer"
      aria-live="off"
      aria-label={
        over
          ? t('meetings.overTime', { time: formatClock(-left) })
          : t('meetings.timeLeft', { time: formatClock(left) })
      }
      data-testid="countdown"
    >
      {formatClock(left)}
    </span>
  );
}

export function LiveIndicator({ live }: { live: Live }) {
  const { t } = useTranslation();
  return (
    <span
      className={`live-indicator live-${live.connection}`}
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
    >
      <span className="live-dot" aria-hidden="true" />
      {live.connection === 'live'
        ? t('meetings.live')
        : live.connection === 'connecting'
          ? t('meetings.connecting')
          : t('meetings.reconnecting')}
    </span>
  );
}

/** A QR code of `text` as an SVG image, drawn in the browser. */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  const d = useMemo(() => {
    const parts: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((on, x) => {
        if (on) parts.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return parts.join('');
  }, [qr]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      data-qr={text}
    >
      <title>{label}</title>
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** The current item and speaker, in words (for the live panels). */
export function useSpeakerLine() {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const f = useFormat();
  return (s: LiveState) =>
    s.speaker
      ? s.speaker.kind === 'speech'
        ? f.name(s.speaker)
        : t('meetings.speakerWithKind', { name: f.name(s.speaker), kind: L.floorKind(s.speaker.kind) })
      : t('meetings.noSpeaker');
}
