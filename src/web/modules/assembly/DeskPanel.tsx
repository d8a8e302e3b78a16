// The check-in desk (the secretariat, the secretary, the body's managers): a code input that also takes a USB
// QR scanner's typed text and Enter, participants by name with check-in and check-out, guests, the counts.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useOneMutation } from '../../app/act.js';
import { useTranslation } from 'react-i18next';
import type { Meeting, Participant } from '../../../contracts/assembly.js';
import { client, ok } from '../../app/api.js';
import { FormError } from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { PersonPicker } from '../../ui/pickers.js';
import { PersonName, personText } from '../../ui/person.js';
import { QuorumLine, useDateTime, useMeetingLabels } from './common.js';
import { keys } from './keys.js';
import { useMeetingAction, useParticipants, type Live } from './queries.js';

function CodeCheckIn({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const id = useId();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [last, setLast] = useState('');
  const act = useOneMutation({
    mutationFn: (c: string) =>
      ok(client.POST('/api/meetings/{id}/check-in', { params: { path: { id: meeting.id } }, body: { code: c } })),
    onSuccess: (r) => {
      setLast(t('meetings.checkedInName', { name: r.participant.name }));
      setCode('');
      void qc.invalidateQueries({ queryKey: keys.participantsAll(meeting.id) });
      void qc.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    },
    onSettled: () => input.current?.focus(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim();
    if (c.length < 4) return;
    setLast('');
    act.mutate(c);
  };
  return (
    <form className="form code-checkin" onSubmit={submit} aria-busy={act.isPending} data-testid="code-checkin">
      <div className="field">
        <label htmlFor={id}>{t('meetings.codeLabel')}</label>
        <span id={`${id}-hint`} className="small muted">
          {t('meetings.codeHint')}
        </span>
        <div className="search-row">
          <input
            id={id}
            ref={input}
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="mono"
            value={code}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="button" disabled={act.isPending} aria-busy={act.isPending || undefined}>
            {act.isPending ? t('forms.working') : t('meetings.checkIn')}
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="act-done" data-testid="checkin-result">
        {last}
      </p>
      <FormError id={`${id}-err`} error={act.error} />
    </form>
  );
}

function ParticipantsSearch({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const L = useMeetingLabels();
  const D = useDateTime();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [present, setPresent] = useState<'all' | 'yes' | 'no'>('all');
  const list = useParticipants(meeting.id, q, present);
  const act = useMeetingAction(meeting.id);
  // Rows of an earlier search are never shown while a new one runs (nobody checks in the wrong namesake).
  const items = list.isPlaceholderData ? [] : (list.data?.items ?? []);
  const nameOf = (p: Participant) => (p.person ? personText(p.person, i18n.language, t) : p.name);
  return (
    <section className="console-block" aria-labelledby={`${id}-h`} data-testid="participants">
      <h3 id={`${id}-h`}>{t('meetings.participants')}</h3>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
        }}
      >
        <label htmlFor={`${id}-q`}>{t('meetings.participantSearch')}</label>
        <div className="search-row">
          <input id={`${id}-q`} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <select
            aria-label={t('meetings.presentFilter')}
            value={present}
            onChange={(e) => setPresent(e.target.value as 'all' | 'yes' | 'no')}
          >
            <option value="all">{t('meetings.filterAll')}</option>
            <option value="yes">{t('meetings.filterPresent')}</option>
            <option value="no">{t('meetings.filterAbsent')}</option>
          </select>
          <button type="submit" className="button button-secondary">
            {t('tree.searchSubmit')}
          </button>
        </div>
      </form>
      {list.isPending || list.isPlaceholderData ? (
        <Loading />
      ) : list.isError ? (
        <FormError id={`${id}-load`} error={list.error} />
      ) : items.length === 0 ? (
        <p className="muted" role="status">
          {t('meetings.noParticipants')}
        </p>
      ) : (
        <div className="table-wrap" aria-busy={list.isFetching || act.isPending}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('meetings.name')}</th>
                <th scope="col">{t('meetings.voiceLabel')}</th>
                <th scope="col">{t('meetings.attendance')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('meetings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.personId} data-testid="participant-row">
                  <th scope="row">
                    <PersonName person={p.person} fallback={p.name} />
                  </th>
                  <td>{L.voice(p.voice)}</td>
                  <td>
                    {p.present
                      ? t('meetings.presentSince', { time: D.time(p.checkedInAt) })
                      : p.leftAt
                        ? t('meetings.leftAt', { time: D.time(p.leftAt) })
                        : t('meetings.notPresent')}
                  </td>
                  <td>
                    {p.present ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={act.isPending}
                        aria-busy={act.isPending || undefined}
                        onClick={() =>
                          act.mutate(() =>
                            ok(
                              client.POST('/api/meetings/{id}/check-out', {
                                params: { path: { id: meeting.id } },
                                body: { personId: p.personId },
                              }),
                            ),
                          )
                        }
                      >
                        {t('meetings.checkOut')}
                        <span className="visually-hidden"> — {nameOf(p)}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={act.isPending}
                        aria-busy={act.isPending || undefined}
                        onClick={() =>
                          act.mutate(() =>
                            ok(
                              client.POST('/api/meetings/{id}/check-in', {
                                params: { path: { id: meeting.id } },
                                body: { personId: p.personId },
                              }),
                            ),
                          )
                        }
                      >
                        {t('meetings.checkIn')}
                        <span className="visually-hidden"> — {nameOf(p)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError id={`${id}-err`} error={act.error} />
    </section>
  );
}

function AdmitGuest({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const act = useMeetingAction(meeting.id);
  const [done, setDone] = useState('');
  return (
    <section className="console-block" aria-labelledby="guest-h" data-testid="admit-guest">
      <h3 id="guest-h">{t('meetings.admitGuest')}</h3>
      <PersonPicker
        label={t('meetings.guestPerson')}
        hint={t('meetings.guestHint')}
        source={{ kind: 'scope' }}
        onPick={(c) => {
          setDone('');
          act.mutate(
            () =>
              ok(
                client.POST('/api/meetings/{id}/check-in', {
                  params: { path: { id: meeting.id } },
                  body: { personId: c.id, asGuest: true },
                }),
              ),
            { onSuccess: () => setDone(t('meetings.guestAdmitted', { name: c.label })) },
          );
        }}
      />
      <p role="status" aria-live="polite" className="act-done">
        {done}
      </p>
      <FormError id={`guest-err-${meeting.id}`} error={act.error} />
    </section>
  );
}

export function DeskPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const quorum = live.state?.quorum ?? meeting.quorum;
  return (
    <div className="console" data-testid="desk">
      <QuorumLine quorum={quorum} />
      <CodeCheckIn meeting={meeting} />
      <ParticipantsSearch meeting={meeting} />
      <AdmitGuest meeting={meeting} />
    </div>
  );
}
