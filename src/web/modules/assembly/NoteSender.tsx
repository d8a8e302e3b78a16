// Sending a question note. Anonymous by default: after check-in the phone obtains blind tokens (RFC 9474,
// note-tokens.ts) and each note is sent with one token and WITHOUT credentials — no cookie, no CSRF header —
// so the server cannot tell who sent it. A note signed with the person's name goes through the session. The
// statute limits the two kinds apart (anonymousNotesPerPerson, signedNotesPerPerson); the form shows what is left
// of each.
import { useCallback, useEffect, useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SendNoteInput } from '../../../contracts/assembly.js';
import { ApiError, client, ok, urlOf } from '../../app/api.js';
import { FormError } from '../../ui/forms.js';
import { keys } from './keys.js';
import { addTokens, finalizeTokens, importNoteKey, loadTokens, prepareTokens, takeToken } from './note-tokens.js';

/** Tokens are kept per meeting and person (two people may share a browser). */
const tokenKey = (meetingId: string, personId: string) => `${meetingId}.${personId}`;
const inFlight = new Map<string, Promise<void>>();

async function obtainTokens(meetingId: string, store: string): Promise<void> {
  const key = await ok(client.GET('/api/meetings/{id}/note-key', { params: { path: { id: meetingId } } }));
  if (key.remaining <= 0) return;
  const publicKey = await importNoteKey(key.publicKeySpki);
  const { blinded, pending } = await prepareTokens(publicKey, Math.min(key.remaining, 100));
  const res = await ok(
    client.POST('/api/meetings/{id}/note-tokens', { params: { path: { id: meetingId } }, body: { blinded } }),
  );
  addTokens(store, await finalizeTokens(publicKey, pending, res.signatures));
}

/** The unspent anonymous tokens of the signed-in person in a meeting; obtains them once they may (present). */
export function useNoteTokens(meetingId: string, personId: string, mayObtain: boolean) {
  const store = tokenKey(meetingId, personId);
  const [count, setCount] = useState(() => loadTokens(store).length);
  const [state, setState] = useState<'idle' | 'fetching' | 'error'>('idle');
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => setCount(loadTokens(store).length), [store]);
  const obtain = useCallback(async () => {
    let p = inFlight.get(store);
    if (!p) {
      p = obtainTokens(meetingId, store).finally(() => inFlight.delete(store));
      inFlight.set(store, p);
    }
    setState('fetching');
    setError(null);
    try {
      await p;
      setState('idle');
    } catch (err) {
      setState('error');
      setError(err);
    } finally {
      refresh();
    }
  }, [meetingId, store, refresh]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- re-reads the tokens kept in this browser's storage
    refresh();
    if (mayObtain) void obtain();
  }, [mayObtain, obtain, refresh]);
  return { count, state, error, obtain, refresh, store };
}

/** Sends an anonymous note: plain fetch, credentials omitted, no CSRF header; one token. */
async function sendAnonymous(meetingId: string, store: string, text: string, addressedTo: 'speaker' | 'presidium') {
  const token = takeToken(store);
  if (!token) throw new ApiError(0, 'no_tokens', '');
  let res: Response;
  try {
    res = await fetch(urlOf('/api/meetings/{id}/anonymous-notes', { id: meetingId }), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ text, addressedTo, token } satisfies Partial<SendNoteInput>),
    });
  } catch {
    addTokens(store, [token]);
    throw new ApiError(0, 'network_error', '');
  }
  if (!res.ok) {
    let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON
    }
    const code = body.error?.code ?? `http_${res.status}`;
    // A spent or foreign token is gone for good; otherwise keep it for the next try.
    if (code !== 'note_token_spent' && code !== 'note_token_invalid') addTokens(store, [token]);
    throw new ApiError(res.status, code, body.error?.message ?? '', body.error?.details);
  }
}

export function NoteSender(props: {
  meetingId: string;
  personId: string;
  /** Checked in (the form is offered; before, a word on checking in). */
  present: boolean;
  /** May obtain anonymous-note tokens (`Meeting.can.obtainNoteTokens`). */
  canObtain: boolean;
  /** May send a note now (`Meeting.can.sendNote`). */
  canSend: boolean;
  speakerName: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const qc = useQueryClient();
  const tokens = useNoteTokens(props.meetingId, props.personId, props.canObtain);
  const noteKey = useQuery({
    queryKey: keys.noteKey(props.meetingId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/meetings/{id}/note-key', { params: { path: { id: props.meetingId } }, signal })),
    enabled: props.present,
  });
  const [text, setText] = useState('');
  const [to, setTo] = useState<'speaker' | 'presidium'>(props.speakerName ? 'speaker' : 'presidium');
  const [signed, setSigned] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');

  if (!props.present) {
    return <p className="muted">{t('meetings.noteAfterCheckIn')}</p>;
  }
  const submit = async () => {
    const v = text.trim();
    setSent('');
    setError(null);
    if (!v) {
      setError(new ApiError(0, 'empty', t('meetings.noteEmpty')));
      return;
    }
    setBusy(true);
    try {
      if (signed) {
        await ok(
          client.POST('/api/meetings/{id}/notes', {
            params: { path: { id: props.meetingId } },
            body: { text: v, addressedTo: to, signed: true },
          }),
        );
      } else {
        if (tokens.count === 0) await tokens.obtain();
        await sendAnonymous(props.meetingId, tokens.store, v, to);
      }
      setText('');
      setSent(signed ? t('meetings.noteSentSigned') : t('meetings.noteSentAnonymous'));
      void qc.invalidateQueries({ queryKey: keys.notes(props.meetingId) });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'no_tokens'
          ? new ApiError(0, 'no_tokens', t('meetings.noTokens'))
          : err,
      );
    } finally {
      tokens.refresh();
      void qc.invalidateQueries({ queryKey: keys.noteKey(props.meetingId) });
      setBusy(false);
    }
  };
  // Anonymous notes this browser can still send: its unspent tokens plus those it may still obtain.
  const anonymousLeft = tokens.count + (tokens.state === 'idle' ? (noteKey.data?.remaining ?? 0) : 0);
  const signedLeft = noteKey.data?.signedRemaining;
  return (
    <form
      className="form note-form"
      data-testid="note-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('meetings.noteText')}</label>
        <textarea id={`${id}-text`} rows={4} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <fieldset className="note-to">
        <legend>{t('meetings.noteTo')}</legend>
        <label className="radio big-touch">
          <input type="radio" name={`${id}-to`} checked={to === 'speaker'} onChange={() => setTo('speaker')} />{' '}
          {props.speakerName ? t('meetings.toSpeakerNamed', { name: props.speakerName }) : t('meetings.toSpeaker')}
        </label>
        <label className="radio big-touch">
          <input type="radio" name={`${id}-to`} checked={to === 'presidium'} onChange={() => setTo('presidium')} />{' '}
          {t('meetings.toPresidium')}
        </label>
      </fieldset>
      <div className="field checkbox-field">
        <label className="radio big-touch">
          <input
            type="checkbox"
            checked={signed}
            aria-describedby={`${id}-anon`}
            onChange={(e) => setSigned(e.target.checked)}
          />{' '}
          {t('meetings.signWithName')}
        </label>
        <span id={`${id}-anon`} className="small muted">
          {t('meetings.anonymousExplained')}
        </span>
      </div>
      <div className="notes-left" aria-live="polite">
        <p className="small" data-testid="notes-remaining">
          {tokens.state === 'fetching'
            ? t('meetings.obtainingTokens')
            : anonymousLeft === 0 && tokens.state === 'idle'
              ? t('meetings.noTokens')
              : t('meetings.notesRemaining', { count: anonymousLeft })}
        </p>
        {signedLeft !== undefined && (
          <p className="small" data-testid="signed-notes-remaining">
            {signedLeft === 0 ? t('meetings.noSignedNotes') : t('meetings.signedNotesRemaining', { count: signedLeft })}
          </p>
        )}
      </div>
      {tokens.state === 'error' && <FormError id={`${id}-tok`} error={tokens.error} />}
      <FormError id={`${id}-err`} error={error} />
      <div className="act-row">
        <button type="submit" className="button big-touch" disabled={busy || !props.canSend}>
          {busy ? t('forms.working') : t('meetings.sendNote')}
        </button>
        <span role="status" aria-live="polite" className="act-done" data-testid="note-sent">
          {sent}
        </span>
      </div>
      {!props.canSend && <p className="small muted">{t('meetings.notesWhenOpen')}</p>}
    </form>
  );
}
