// The stenographer's live verbatim editor: choose what is being recorded (the current speaker's speech, a voice
// from the floor, the chair), type, Enter adds it; quick buttons for remarks; entries corrected in place.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddTranscriptInput, Meeting, TranscriptEntry } from '../../../contracts/assembly.js';
import { client, ok, urlOf } from '../../app/api.js';
import { FormError } from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { useDateTime } from './common.js';
import { useMeetingAction, useTranscript, type Live } from './queries.js';

type Mode = 'speech' | 'interjection' | 'chair';

function EntryRow({ meeting, entry, locked }: { meeting: Meeting; entry: TranscriptEntry; locked: boolean }) {
  const { t } = useTranslation();
  const D = useDateTime();
  const id = useId();
  const act = useMeetingAction(meeting.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const [label, setLabel] = useState(entry.speakerLabel);
  const editBtn = useRef<HTMLButtonElement>(null);
  const isRemark = entry.kind === 'remark';
  return (
    <li className={`transcript-entry transcript-${entry.kind}`} data-testid="transcript-entry">
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate(
              () =>
                ok(
                  client.PATCH('/api/meetings/{id}/transcript/{entryId}', {
                    params: { path: { id: meeting.id, entryId: entry.id } },
                    body: {
                      version: entry.version,
                      ...(text !== entry.text ? { text } : {}),
                      ...(label !== entry.speakerLabel ? { speakerLabel: label } : {}),
                    },
                  }),
                ),
              {
                onSuccess: () => {
                  setEditing(false);
                  setTimeout(() => editBtn.current?.focus(), 0);
                },
              },
            );
          }}
        >
          {!isRemark && (
            <div className="field">
              <label htmlFor={`${id}-l`}>{t('meetings.speakerLabel')}</label>
              <input id={`${id}-l`} type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-t`}>{t('meetings.entryText')}</label>
            <textarea id={`${id}-t`} rows={3} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={act.isPending} aria-busy={act.isPending || undefined}>
              {act.isPending ? t('forms.working') : t('meetings.saveCorrection')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setEditing(false);
                setText(entry.text);
                setLabel(entry.speakerLabel);
                setTimeout(() => editBtn.current?.focus(), 0);
              }}
            >
              {t('meetings.cancelEdit')}
            </button>
          </div>
          <FormError id={`${id}-err`} error={act.error} />
        </form>
      ) : (
        <>
          <p className="entry-text">
            {isRemark ? (
              <em>{entry.text}</em>
            ) : (
              <>
                <strong>{entry.speakerLabel}:</strong> {entry.text}
              </>
            )}
          </p>
          <p className="small muted">
            {D.time(entry.updatedAt)}
            {entry.version > 1 && <> · {t('meetings.corrected', { count: entry.version - 1, n: entry.version - 1 })}</>}
            {!locked && (
              <>
                {' · '}
                <button type="button" ref={editBtn} className="link-button" onClick={() => setEditing(true)}>
                  {t('meetings.correct')}
                  <span className="visually-hidden"> — {entry.speakerLabel}</span>
                </button>
              </>
            )}
          </p>
        </>
      )}
    </li>
  );
}

/** The transcript as a list (also shown read-only to the presidium). */
export function TranscriptList({ meeting, locked }: { meeting: Meeting; locked: boolean }) {
  const { t } = useTranslation();
  const q = useTranscript(meeting.id);
  const items = (q.data?.items ?? []).sort((a, b) => a.seq - b.seq);
  return q.isPending ? (
    <Loading />
  ) : q.isError ? (
    <FormError id={`transcript-load-${meeting.id}`} error={q.error} />
  ) : items.length === 0 ? (
    <p className="muted">{t('meetings.transcriptEmpty')}</p>
  ) : (
    <ol className="transcript" aria-label={t('meetings.transcript')} data-testid="transcript">
      {items.map((e) => (
        <EntryRow key={`${e.id}-${e.version}`} meeting={meeting} entry={e} locked={locked} />
      ))}
    </ol>
  );
}

export function StenographerPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const id = useId();
  const act = useMeetingAction(meeting.id);
  const [mode, setMode] = useState<Mode>('speech');
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const speakerNow = live.state?.speaker?.name ?? null;
  const status = live.state?.status ?? meeting.status;
  // the server's flag: the transcript is closed once the protocol is approved
  const locked = !meeting.can.recordTranscript;

  const add = (body: AddTranscriptInput, after?: () => void) =>
    act.mutate(
      () => ok(client.POST('/api/meetings/{id}/transcript', { params: { path: { id: meeting.id } }, body: body })),
      {
        onSuccess: () => {
          after?.();
          input.current?.focus();
        },
      },
    );

  const submit = () => {
    const v = text.trim();
    if (!v) return;
    const label = speaker.trim();
    const body: AddTranscriptInput =
      mode === 'interjection'
        ? { kind: 'interjection', text: v, speakerLabel: label || t('meetings.voiceFromFloor') }
        : mode === 'chair'
          ? { kind: 'chair', text: v, ...(label ? { speakerLabel: label } : {}) }
          : { kind: 'speech', text: v, ...(label ? { speakerLabel: label } : {}) };
    add(body, () => setText(''));
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };

  const remarks = [t('meetings.remarks.laughter'), t('meetings.remarks.applause'), t('meetings.remarks.noise')];
  const modes: { value: Mode; label: string }[] = [
    {
      value: 'speech',
      label: speakerNow ? t('meetings.modeSpeechOf', { name: speakerNow }) : t('meetings.modeSpeech'),
    },
    { value: 'interjection', label: t('meetings.modeInterjection') },
    { value: 'chair', label: t('meetings.modeChair') },
  ];

  return (
    <div className="console stenographer" data-testid="stenographer">
      {status !== 'open' && <p className="notice notice-warn">{t('meetings.transcriptWhenOpen')}</p>}
      {!locked && (
        <form
          className="form transcript-input"
          aria-busy={act.isPending}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="mode-picker">
            <legend>{t('meetings.recording')}</legend>
            {modes.map((m) => (
              <label key={m.value} className="radio">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={m.value}
                  checked={mode === m.value}
                  onChange={() => setMode(m.value)}
                />{' '}
                {m.label}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-who`}>{t('meetings.speakerOverride')}</label>
            <input
              id={`${id}-who`}
              type="text"
              value={speaker}
              placeholder={mode === 'interjection' ? t('meetings.voiceFromFloor') : (speakerNow ?? '')}
              onChange={(e) => setSpeaker(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('meetings.entryText')}</label>
            <span id={`${id}-hint`} className="small muted">
              {t('meetings.enterToAdd')}
            </span>
            <textarea
              id={`${id}-text`}
              ref={input}
              rows={3}
              value={text}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKey}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={act.isPending} aria-busy={act.isPending || undefined}>
              {act.isPending ? t('forms.working') : t('meetings.addEntry')}
            </button>
            <span role="group" aria-label={t('meetings.remarksLabel')} className="button-row">
              {remarks.map((r) => (
                <button
                  key={r}
                  type="button"
                  className="button button-secondary"
                  disabled={act.isPending}
                  aria-busy={act.isPending || undefined}
                  onClick={() => add({ kind: 'remark', text: r })}
                >
                  {r}
                </button>
              ))}
            </span>
          </div>
          <FormError id={`${id}-err`} error={act.error} />
        </form>
      )}
      <h3>{t('meetings.transcript')}</h3>
      <TranscriptList meeting={meeting} locked={locked} />
      <p className="small">
        <a
          href={urlOf('/api/meetings/{id}/transcript.pdf', { id: meeting.id })}
          download
          data-testid="transcript-pdf-link"
        >
          {t('meetings.transcriptPdf')}
        </a>
      </p>
    </div>
  );
}
