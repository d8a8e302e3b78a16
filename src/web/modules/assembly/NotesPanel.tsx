// Question notes for the presidium (the chair, the presidium, the body's managers): read them (anonymous ones
// shown as "Anonymous"), group them, answer (the answer enters the transcript) or set them aside.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, QuestionNote } from '../../../contracts/assembly.js';
import { client, ok } from '../../app/api.js';
import { FormError } from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { ActButton } from '../../ui/ActButton.js';
import { useFormat } from '../../app/format.js';
import { useDateTime } from './common.js';
import { useMeetingAction, useNotes, type Live } from './queries.js';

/** A note and the acts on it its flags offer (`note.can`, as PATCH /notes/{noteId} checks them). */
function NoteCard({ meeting, note }: { meeting: Meeting; note: QuestionNote }) {
  const { t } = useTranslation();
  const D = useDateTime();
  const f = useFormat();
  const id = useId();
  const act = useMeetingAction(meeting.id);
  const [answer, setAnswer] = useState('');
  const [group, setGroup] = useState(note.groupLabel ?? '');
  const patch = (body: object) =>
    act.mutate(() =>
      ok(
        client.PATCH('/api/meetings/{id}/notes/{noteId}', {
          params: { path: { id: meeting.id, noteId: note.id } },
          body: body,
        }),
      ),
    );
  const to =
    note.addressedTo === 'presidium'
      ? t('meetings.toPresidium')
      : note.speakerName
        ? t('meetings.toSpeakerNamed', { name: f.name({ name: note.speakerName, nameRu: note.speakerNameRu }) })
        : t('meetings.toSpeaker');
  return (
    <li className={`note note-${note.status}`} data-testid="note" aria-busy={act.isPending}>
      <p className="note-meta small">
        <strong data-testid="note-author">
          {note.signedBy ? f.name({ name: note.signedBy, nameRu: note.signedByRu }) : t('meetings.anonymous')}
        </strong>{' '}
        · {to} · {D.time(note.receivedMinute)} ·{' '}
        <span className={`badge ${note.status === 'new' ? 'badge-warn' : ''}`}>
          {t(`meetings.noteStatus.${note.status}`)}
        </span>
        {note.groupLabel && <span className="badge badge-kind">{note.groupLabel}</span>}
      </p>
      <blockquote className="prose note-text" data-testid="note-text">
        {note.text}
      </blockquote>
      {note.answer && (
        <p className="note-answer">
          <strong>{t('meetings.answer')}:</strong> {note.answer}
        </p>
      )}
      {(note.can.answer || note.can.setAside || note.can.restore || note.can.group) && (
        <div className="note-actions">
          {(note.can.answer || note.can.setAside || note.can.restore) && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!answer.trim()) return;
                patch({ answer: answer.trim() });
              }}
            >
              {note.can.answer && (
                <div className="field">
                  <label htmlFor={`${id}-a`}>{t('meetings.answerLabel')}</label>
                  <textarea id={`${id}-a`} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />
                </div>
              )}
              <div className="button-row">
                {note.can.answer && (
                  <button type="submit" className="button" disabled={act.isPending || !answer.trim()}>
                    {act.isPending ? t('forms.working') : t('meetings.answerSubmit')}
                  </button>
                )}
                {note.can.setAside && (
                  <ActButton
                    act={act}
                    className="button button-secondary"
                    onClick={() => patch({ status: 'set_aside' })}
                  >
                    {t('meetings.setAside')}
                  </ActButton>
                )}
                {note.can.restore && (
                  <ActButton act={act} className="button button-secondary" onClick={() => patch({ status: 'new' })}>
                    {t('meetings.restore')}
                  </ActButton>
                )}
              </div>
            </form>
          )}
          {note.can.group && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                patch({ groupLabel: group.trim() || null });
              }}
            >
              <label htmlFor={`${id}-g`}>{t('meetings.groupLabel')}</label>
              <div className="search-row">
                <input id={`${id}-g`} type="text" value={group} onChange={(e) => setGroup(e.target.value)} />
                <button
                  type="submit"
                  className="button button-secondary"
                  disabled={act.isPending}
                  aria-busy={act.isPending || undefined}
                >
                  {t('meetings.setGroup')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      <FormError id={`${id}-err`} error={act.error} />
    </li>
  );
}

export function NotesPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useNotes(meeting.id);
  const [filter, setFilter] = useState<'all' | 'new' | 'answered' | 'set_aside'>('all');
  const notes = q.data?.items ?? [];
  const shown = filter === 'all' ? notes : notes.filter((n) => n.status === filter);
  // Grouped notes together, by label; the rest after.
  const sorted = [...shown].sort((a, b) => (a.groupLabel ?? '\uffff').localeCompare(b.groupLabel ?? '\uffff'));
  const s = live.state;
  return (
    <div className="console" data-testid="notes-panel">
      <p role="status" aria-live="polite" data-testid="notes-count">
        {t('meetings.notesCounter', {
          count: s?.notesCount ?? notes.length,
          n: f.number(s?.notesCount ?? notes.length),
          answered: f.number(s?.notesAnswered ?? notes.filter((n) => n.status === 'answered').length),
        })}
      </p>
      <div className="field inline-field">
        <label htmlFor={`notes-filter-${meeting.id}`}>{t('meetings.notesFilter')}</label>
        <select
          id={`notes-filter-${meeting.id}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
        >
          <option value="all">{t('meetings.filterAll')}</option>
          <option value="new">{t('meetings.noteStatus.new')}</option>
          <option value="answered">{t('meetings.noteStatus.answered')}</option>
          <option value="set_aside">{t('meetings.noteStatus.set_aside')}</option>
        </select>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <FormError id={`notes-load-${meeting.id}`} error={q.error} />
      ) : sorted.length === 0 ? (
        <p className="muted">{t('meetings.noNotes')}</p>
      ) : (
        <ul className="notes" aria-label={t('meetings.tabs.notes')}>
          {sorted.map((n) => (
            <NoteCard key={`${n.id}-${n.status}`} meeting={meeting} note={n} />
          ))}
        </ul>
      )}
    </div>
  );
}
