// The chair's console (the body's managers, the chair, the presidium): roles of the meeting, opening and
// closing, the agenda, and the list of speakers (give the floor, end, extend, reorder with buttons).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MeetingRoleName,
  type FloorKind,
  type FloorRequest,
  type Meeting,
  type MeetingRoleEntry,
} from '../../../contracts/assembly.js';
import { client, ok } from '../../app/api.js';
import { ActButton } from '../../ui/ActButton.js';
import { FormError, Select } from '../../ui/forms.js';
import { PersonPicker } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import { Countdown, useDateTime, useMeetingLabels } from './common.js';
import { useFloor, useMeetingAction, type Live } from './queries.js';

/** Roles that need not attend: their holder is searched among the participants first, then the register. */
const STAFF: MeetingRoleName[] = ['stenographer', 'secretariat'];

type Draft = Pick<MeetingRoleEntry, 'personId' | 'name' | 'person' | 'role' | 'how'>;

function RolesEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const act = useMeetingAction(meeting.id);
  const [draft, setDraft] = useState<Draft[]>(() => meeting.roles.map((r) => ({ ...r })));
  const [role, setRole] = useState<MeetingRoleName>('chair');
  const [how, setHow] = useState<'elected' | 'appointed'>('elected');
  const [dirty, setDirty] = useState(false);
  // Follow the server while nothing is being edited here.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs the local draft with the server's roles
    if (!dirty) setDraft(meeting.roles.map((r) => ({ ...r })));
  }, [meeting.roles, dirty]);
  const closed = !meeting.can.setRoles;
  return (
    <section className="console-block" aria-labelledby="roles-h" data-testid="roles-editor">
      <h3 id="roles-h">{t('meetings.rolesTitle')}</h3>
      {draft.length === 0 ? (
        <p className="muted">{t('meetings.noRoles')}</p>
      ) : (
        <ul className="chosen-list" aria-label={t('meetings.rolesTitle')} data-testid="roles-list">
          {draft.map((r, i) => (
            <li key={`${r.personId}-${r.role}`}>
              <strong>{L.role(r.role)}</strong>: <PersonName person={r.person} fallback={r.name} />{' '}
              <span className="small muted">{t(`meetings.how.${r.how}`)}</span>{' '}
              {!closed && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('meetings.removeRole', { role: L.role(r.role), name: r.name })}
                  onClick={() => {
                    setDirty(true);
                    setDraft((d) => d.filter((_, j) => j !== i));
                  }}
                >
                  {t('forms.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <>
          <div className="inline-fields">
            <Select
              label={t('meetings.roleLabel')}
              value={role}
              onChange={setRole}
              options={MeetingRoleName.options.map((r) => ({ value: r, label: L.role(r) }))}
            />
            <Select
              label={t('meetings.howLabel')}
              value={how}
              onChange={setHow}
              options={[
                { value: 'elected', label: t('meetings.how.elected') },
                { value: 'appointed', label: t('meetings.how.appointed') },
              ]}
            />
          </div>
          <PersonPicker
            label={t('meetings.rolePerson')}
            hint={t('meetings.rolePersonHint')}
            source={{ kind: STAFF.includes(role) ? 'staff' : 'participants', meetingId: meeting.id }}
            onPick={(c) => {
              setDirty(true);
              setDraft((d) =>
                d.some((x) => x.personId === c.id && x.role === role)
                  ? d
                  : [...d, { personId: c.id, name: c.label, person: c.person ?? null, role, how }],
              );
            }}
          />
          <div className="act-row">
            <button
              type="button"
              className="button"
              disabled={act.isPending}
              aria-busy={act.isPending || undefined}
              onClick={() =>
                act.mutate(
                  () =>
                    ok(
                      client.PUT('/api/meetings/{id}/roles', {
                        params: { path: { id: meeting.id } },
                        body: { roles: draft.map((r) => ({ personId: r.personId, role: r.role, how: r.how })) },
                      }),
                    ),
                  { onSuccess: () => setDirty(false) },
                )
              }
            >
              {act.isPending ? t('forms.working') : t('meetings.saveRoles')}
            </button>
            <span role="status" aria-live="polite" className="act-done">
              {act.isSuccess && !dirty ? t('meetings.rolesSaved') : ''}
            </span>
          </div>
          <FormError id={`roles-err-${meeting.id}`} error={act.error} />
        </>
      )}
    </section>
  );
}

function SessionControls({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const D = useDateTime();
  const act = useMeetingAction(meeting.id);
  const revision = Math.max(live.state?.revision ?? 0, meeting.revision);
  const move = (
    path:
      | '/api/meetings/{id}/open'
      | '/api/meetings/{id}/cancel'
      | '/api/meetings/{id}/agenda/advance'
      | '/api/meetings/{id}/close',
  ) => act.mutate(() => ok(client.POST(path, { params: { path: { id: meeting.id } }, body: { revision } })));
  const makeCurrent = (itemId: string) =>
    act.mutate(() =>
      ok(
        client.POST('/api/meetings/{id}/agenda/current', {
          params: { path: { id: meeting.id } },
          body: { revision, itemId },
        }),
      ),
    );
  const current = meeting.agenda.find((a) => a.status === 'current');
  const noChair = meeting.can.open && !meeting.roles.some((r) => r.role === 'chair');
  return (
    <section className="console-block" aria-labelledby="session-h" data-testid="session-controls">
      <h3 id="session-h">{t('meetings.sessionTitle')}</h3>
      {noChair && (
        <p className="notice notice-warn" data-testid="chair-needed">
          {t('meetings.chairNeeded')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const roles = document.getElementById('roles-h');
              roles?.scrollIntoView({ block: 'start' });
              roles?.parentElement?.querySelector<HTMLElement>('select, input')?.focus();
            }}
          >
            {t('meetings.assignChair')}
          </button>
        </p>
      )}
      <div className="button-row">
        {meeting.can.open && (
          <ActButton act={act} className="button" disabled={noChair} onClick={() => move('/api/meetings/{id}/open')}>
            {t('meetings.openMeeting')}
          </ActButton>
        )}
        {meeting.can.cancel && (
          <ActButton
            act={act}
            className="button button-secondary"
            confirm={t('meetings.cancelConfirm')}
            onClick={() => move('/api/meetings/{id}/cancel')}
          >
            {t('meetings.cancelMeeting')}
          </ActButton>
        )}
        {meeting.can.moveAgenda && (
          <ActButton act={act} className="button" onClick={() => move('/api/meetings/{id}/agenda/advance')}>
            {current ? t('meetings.nextItem') : t('meetings.firstItem')}
          </ActButton>
        )}
        {meeting.can.close && (
          <ActButton
            act={act}
            className="button button-secondary"
            confirm={t('meetings.closeConfirm')}
            onClick={() => move('/api/meetings/{id}/close')}
          >
            {t('meetings.closeMeeting')}
          </ActButton>
        )}
        {act.isPending && <span className="spinner spinner-inline" aria-hidden="true" />}
      </div>
      {meeting.openedAt && (
        <p className="small muted">
          {t('meetings.openedAt', { time: D.dateTime(meeting.openedAt) })}
          {meeting.closedAt ? ` · ${t('meetings.closedAt', { time: D.dateTime(meeting.closedAt) })}` : ''}
        </p>
      )}
      {meeting.can.moveAgenda && (
        <ol className="agenda agenda-console" aria-label={t('meetings.agenda')}>
          {meeting.agenda.map((item) => (
            <li key={item.id} aria-current={item.status === 'current' ? 'step' : undefined}>
              <span className="agenda-title">
                {item.position}. {item.title}
              </span>{' '}
              {item.status === 'current' ? (
                <span className="badge badge-warn">{t('meetings.itemStatus.current')}</span>
              ) : (
                <ActButton act={act} onClick={() => makeCurrent(item.id)}>
                  {t('meetings.takeUp', { n: item.position })}
                </ActButton>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormError id={`session-err-${meeting.id}`} error={act.error} />
    </section>
  );
}

function FloorQueue({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const floor = useFloor(meeting.id);
  const act = useMeetingAction(meeting.id);
  const [addKind, setAddKind] = useState<FloorKind>('speech');
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<string | null>(null);
  const currentItemId = live.state?.currentItem?.id ?? meeting.agenda.find((a) => a.status === 'current')?.id;
  const all = (floor.data?.items ?? []).filter((r) => !currentItemId || r.agendaItemId === currentItemId);
  const speaking = all.find((r) => r.status === 'speaking');
  const waiting = all.filter((r) => r.status === 'waiting').sort((a, b) => a.position - b.position);

  useEffect(() => {
    if (!focusAfter.current || !listRef.current) return;
    const el = listRef.current.querySelector<HTMLButtonElement>(`[data-focus-key="${focusAfter.current}"]`);
    if (el && !el.disabled) {
      el.focus();
      focusAfter.current = null;
    }
  });

  /** An act on one request of the list of speakers: give or end the floor, extend the time, withdraw it. */
  const onFloor = (a: 'give' | 'end' | 'extend' | 'withdraw', requestId: string, body: { seconds?: number } = {}) =>
    act.mutate(() =>
      ok(
        client.POST(`/api/meetings/{id}/floor/{requestId}/${a}`, {
          params: { path: { id: meeting.id, requestId } },
          body,
        }),
      ),
    );

  const reorder = (r: FloorRequest, delta: -1 | 1) => {
    const ids = waiting.map((w) => w.id);
    const i = ids.indexOf(r.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    const lands = j === 0 ? 'down' : j === ids.length - 1 ? 'up' : delta < 0 ? 'up' : 'down';
    focusAfter.current = `${r.id}-${lands}`;
    act.mutate(() =>
      ok(
        client.POST('/api/meetings/{id}/floor/order', {
          params: { path: { id: meeting.id } },
          body: { requestIds: ids },
        }),
      ),
    );
  };

  if (meeting.status !== 'open' && live.state?.status !== 'open') {
    return (
      <section className="console-block" aria-labelledby="floor-h">
        <h3 id="floor-h">{t('meetings.floorTitle')}</h3>
        <p className="muted">{t('meetings.floorWhenOpen')}</p>
      </section>
    );
  }
  return (
    <section className="console-block" aria-labelledby="floor-h" data-testid="floor-queue" aria-busy={act.isPending}>
      <h3 id="floor-h">{t('meetings.floorTitle')}</h3>
      {speaking ? (
        <div className="speaking" data-testid="speaking-now">
          <p>
            <strong>{t('meetings.speakingNow')}:</strong>{' '}
            <PersonName person={speaking.person} fallback={speaking.name} />{' '}
            {speaking.kind !== 'speech' && <span className="badge badge-warn">{L.floorKind(speaking.kind)}</span>}{' '}
            <Countdown live={live} />
          </p>
          <div className="button-row">
            <ActButton act={act} className="button" onClick={() => onFloor('end', speaking.id)}>
              {t('meetings.endSpeech')}
            </ActButton>
            {[60, 120].map((sec) => (
              <ActButton
                key={sec}
                act={act}
                className="button button-secondary"
                onClick={() => onFloor('extend', speaking.id, { seconds: sec })}
              >
                {t('meetings.extend', { n: sec / 60 })}
              </ActButton>
            ))}
          </div>
        </div>
      ) : (
        <p className="muted">{t('meetings.noSpeaker')}</p>
      )}
      {floor.isError && <FormError id={`floor-load-${meeting.id}`} error={floor.error} />}
      {waiting.length === 0 ? (
        <p className="muted">{t('meetings.queueEmpty')}</p>
      ) : (
        <ol className="floor-list" ref={listRef} aria-label={t('meetings.queue')}>
          {waiting.map((r, i) => (
            <li key={r.id} data-testid="floor-request">
              <span className="floor-name">
                <PersonName person={r.person} fallback={r.name} />
                {r.kind !== 'speech' && <span className="badge badge-warn">{L.floorKind(r.kind)}</span>}
              </span>
              <span className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={act.isPending || !!speaking}
                  data-focus-key={`${r.id}-give`}
                  onClick={() => onFloor('give', r.id)}
                >
                  {t('meetings.giveFloor')}
                  <span className="visually-hidden"> — {r.name}</span>
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={act.isPending || i === 0}
                  data-focus-key={`${r.id}-up`}
                  aria-label={t('meetings.moveUp', { name: r.name })}
                  onClick={() => reorder(r, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={act.isPending || i === waiting.length - 1}
                  data-focus-key={`${r.id}-down`}
                  aria-label={t('meetings.moveDown', { name: r.name })}
                  onClick={() => reorder(r, 1)}
                >
                  ↓
                </button>
                <ActButton
                  act={act}
                  label={t('meetings.removeFromQueue', { name: r.name })}
                  onClick={() => onFloor('withdraw', r.id)}
                >
                  {t('forms.remove')}
                </ActButton>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="add-speaker">
        <Select
          label={t('meetings.addSpeakerKind')}
          value={addKind}
          onChange={setAddKind}
          options={(['report', 'speech', 'point_of_order', 'reply'] as const).map((k) => ({
            value: k,
            label: L.floorKind(k),
          }))}
        />
        <PersonPicker
          label={t('meetings.addSpeaker')}
          source={{ kind: 'participants', meetingId: meeting.id }}
          onPick={(c) =>
            act.mutate(() =>
              ok(
                client.POST('/api/meetings/{id}/floor', {
                  params: { path: { id: meeting.id } },
                  body: { kind: addKind, personId: c.id },
                }),
              ),
            )
          }
        />
      </div>
      <FormError id={`floor-err-${meeting.id}`} error={act.error} />
    </section>
  );
}

export function ChairConsole({ meeting, live }: { meeting: Meeting; live: Live }) {
  return (
    <div className="console" data-testid="chair-console">
      <SessionControls meeting={meeting} live={live} />
      <FloorQueue meeting={meeting} live={live} />
      <RolesEditor meeting={meeting} />
    </div>
  );
}
