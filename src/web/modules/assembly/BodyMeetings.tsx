// The body page's "Meetings" section: the body's meetings, and for those who manage the body the form to
// convene one (kind, title, date and time, place, agenda with reporters, delegates, notice, urgency). Convening
// gives the notice: the meeting is at once among every participant's own (MyMeetingsPage).
import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ConveneMeetingInput, MeetingKind, type MeetingSummary } from '../../../contracts/assembly.js';
import { client, isApiError, ok, urlOf } from '../../app/api.js';
import { DEFAULT_TIME_ZONE, instantToZoned, zonedToInstant } from '../../../contracts/time-zone.js';
import { useFormat, useTimeZone } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import {
  ContractForm,
  Disclosure,
  FormCheckbox,
  FormField,
  FormSelect,
  FormTextArea,
  fieldMessage,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { PersonPicker, type Choice } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import { StatusBadge, useDateTime, useMeetingLabels } from './common.js';
import { keys } from './keys.js';
import { useBodyMeetings } from './queries.js';
import './assembly.css';

const DEFAULT_KIND: Record<string, MeetingKind> = {
  primary_organisation: 'general_assembly',
  shop_cell: 'shop_cell_meeting',
  party_group: 'shop_cell_meeting',
  district_committee: 'conference',
  city_committee: 'conference',
  regional_committee: 'conference',
  central_committee: 'congress',
  bureau: 'bureau_session',
  politburo: 'bureau_session',
  orgburo: 'bureau_session',
  secretariat: 'bureau_session',
  control_commission: 'bureau_session',
};

const WITH_DELEGATES: string[] = ['conference', 'congress'];

/** A date and time in the organisation's zone (datetime-local value) a week from now at 18:00. */
function defaultStart(timeZone: string): string {
  return `${instantToZoned(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10)}T18:00`;
}

/**
 * Convening, as the contract checks it; only the start is typed as the organisation's clocks show it (a
 * datetime-local value) and becomes the instant the contract takes.
 */
function conveneForm(timeZone: string) {
  return ConveneMeetingInput.safeExtend({
    startsAt: z
      .string()
      .transform((local, ctx) => {
        const at = zonedToInstant(local, timeZone);
        if (at) return at.toISOString();
        ctx.addIssue({ code: 'invalid_format', format: 'datetime', input: local });
        return z.NEVER;
      })
      .pipe(ConveneMeetingInput.shape.startsAt),
  });
}

export function ConveneForm({ bodyId, bodyKind }: { bodyId: string; bodyKind: string }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const navigate = useNavigate();
  // the time is entered and shown in the organisation's zone, whatever the browser's
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const schema = useMemo(() => conveneForm(timeZone), [timeZone]);
  const form = useContractForm(schema, {
    kind: DEFAULT_KIND[bodyKind] ?? 'open_meeting',
    title: '',
    startsAt: defaultStart(timeZone),
    place: '',
    agenda: [{ title: '' }],
    urgent: false,
  });
  const agenda = useFieldArray({ control: form.control, name: 'agenda' });
  const kind = form.watch('kind');
  const D = useDateTime();
  // the statute's notice days for the chosen kind: convening gives the notice, so the start must be that far off
  const statute = useQuery({
    queryKey: ['statute'],
    queryFn: ({ signal }) => ok(client.GET('/api/statute', { signal })),
    staleTime: 60_000,
  });
  const noticeDays = statute.data?.rules.assemblies.kinds[kind]?.noticeDays;
  const noticeHint = !noticeDays
    ? undefined
    : t('meetings.noticeDaysHint', {
        count: noticeDays,
        // eslint-disable-next-line react-hooks/purity -- the hint names the earliest date counted from now, on purpose
        date: D.dateTime(new Date(Date.now() + noticeDays * 86_400_000).toISOString()),
      });
  const [delegates, setDelegates] = useState<Choice[]>([]);
  const choose = (next: Choice[]) => {
    setDelegates(next);
    form.setValue(
      'delegateIds',
      next.map((d) => d.id),
      { shouldValidate: form.formState.isSubmitted },
    );
  };
  const addRef = useRef<HTMLButtonElement>(null);
  const act = useAct(
    (input: ConveneMeetingInput) =>
      ok(client.POST('/api/bodies/{id}/meetings', { params: { path: { id: bodyId } }, body: input })),
    [keys.body(bodyId), keys.mine],
  );
  const withDelegates = WITH_DELEGATES.includes(kind);
  const listMessage = fieldMessage(form, 'agenda.root');

  return (
    <ContractForm
      form={form}
      title={t('meetings.conveneTitle')}
      submitLabel={t('meetings.conveneSubmit')}
      state={act}
      testId="convene-form"
      done={t('meetings.convened')}
      onValid={(input) =>
        act.mutate(
          { ...input, delegateIds: withDelegates ? (input.delegateIds ?? []) : undefined },
          { onSuccess: (m) => navigate(`/meetings/${m.id}`) },
        )
      }
    >
      <FormSelect
        form={form}
        name="kind"
        label={t('meetings.kindLabel')}
        options={MeetingKind.options.map((k) => ({ value: k, label: L.kind(k) }))}
      />
      <FormField form={form} name="title" label={t('meetings.titleLabel')} />
      <FormField
        form={form}
        name="startsAt"
        label={t('meetings.startsAtLabel')}
        type="datetime-local"
        hint={[t('meetings.startsAtZone', { zone: timeZone }), noticeHint].filter(Boolean).join(' ')}
      />
      <FormField form={form} name="place" label={t('meetings.placeLabel')} />
      <fieldset className="agenda-rows">
        <legend>{t('meetings.agenda')}</legend>
        <ol>
          {agenda.fields.map((row, i) => (
            <li key={row.id} className="agenda-row" data-testid="agenda-row">
              <FormField form={form} name={`agenda.${i}.title`} label={t('meetings.itemTitle', { n: i + 1 })} />
              <FormField
                form={form}
                name={`agenda.${i}.reporterName`}
                optional
                label={t('meetings.itemReporter', { n: i + 1 })}
              />
              {agenda.fields.length > 1 && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    agenda.remove(i);
                    addRef.current?.focus();
                  }}
                >
                  {t('meetings.removeItem', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        {listMessage && <p className="field-error small">{listMessage}</p>}
        <button
          type="button"
          ref={addRef}
          className="button button-secondary"
          // the new row's title takes the focus
          onClick={() => agenda.append({ title: '' }, { shouldFocus: true })}
        >
          {t('meetings.addItem')}
        </button>
      </fieldset>
      {withDelegates && (
        <div className="delegates">
          <PersonPicker
            label={t('meetings.delegates')}
            hint={t('meetings.delegatesHint')}
            source={{ kind: 'scope' }}
            onPick={(c) => choose(delegates.some((d) => d.id === c.id) ? delegates : [...delegates, c])}
            exclude={delegates.map((d) => d.id)}
            message={fieldMessage(form, 'delegateIds')}
          />
          {delegates.length > 0 && (
            <ul className="chosen-list" aria-label={t('meetings.chosenDelegates')} data-testid="chosen-delegates">
              {delegates.map((d) => (
                <li key={d.id}>
                  {d.person ? <PersonName person={d.person} /> : d.label}{' '}
                  {d.extra && <span className="small muted">{d.extra}</span>}{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('forms.removeNamed', { name: d.label })}
                    onClick={() => choose(delegates.filter((x) => x.id !== d.id))}
                  >
                    {t('forms.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FormTextArea form={form} name="notice" optional label={t('meetings.noticeLabel')} rows={4} />
      <FormCheckbox form={form} name="urgent" label={t('meetings.urgentLabel')} hint={t('meetings.urgentHint')} />
    </ContractForm>
  );
}

/**
 * A list of meetings. With `details` (a person's own meetings) a meeting not yet open also shows its agenda, when the
 * notice was given and its calendar file.
 */
export function MeetingList({
  items,
  showBody,
  details,
}: {
  items: MeetingSummary[];
  showBody?: boolean;
  details?: boolean;
}) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  const D = useDateTime();
  const f = useFormat();
  return (
    <ul className="meeting-list" data-testid="meeting-list">
      {items.map((m) => (
        <li key={m.id} data-testid="meeting-item">
          <Link to={`/meetings/${m.id}`} className="meeting-link">
            {m.title}
          </Link>{' '}
          <StatusBadge status={m.status} />
          <span className="badge badge-kind">{L.kind(m.kind)}</span>
          {m.sealed && <span className="badge">{t('meetings.sealedBadge')}</span>}
          <div className="small muted">
            <time dateTime={m.startsAt}>{D.dateTime(m.startsAt)}</time> · {m.place}
            {showBody && <> · {f.name({ name: m.bodyName, nameRu: m.bodyNameRu })}</>}
            {' · '}
            {t('meetings.entitledCount', { n: f.number(m.entitled) })}
          </div>
          {m.urgent && <div className="small">{t('meetings.urgentBadge')}</div>}
          {details && m.status === 'convened' && (
            <div className="meeting-details" data-testid="meeting-details">
              {m.agendaTitles.length > 0 && (
                <>
                  <h3>{t('meetings.agenda')}</h3>
                  <ol className="meeting-agenda" data-testid="meeting-agenda">
                    {m.agendaTitles.map((a, i) => (
                      <li key={i}>{a}</li>
                    ))}
                  </ol>
                </>
              )}
              {m.noticeSentAt && (
                <p className="small muted" data-testid="meeting-notice-date">
                  {t('meetings.noticeGiven', { date: D.dateTime(m.noticeSentAt) })}
                </p>
              )}
              <p className="small">
                <a
                  href={urlOf('/api/meetings/{id}/calendar.ics', { id: m.id })}
                  download
                  data-testid="meeting-calendar-link"
                >
                  {t('meetings.calendarFileNamed', { title: m.title })}
                </a>
              </p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The "Meetings" section of a body's page. */
export function BodyMeetings({ bodyId, bodyKind }: { bodyId: string; bodyKind: string }) {
  const { t } = useTranslation();
  const list = useBodyMeetings(bodyId);
  const items = list.data?.items ?? [];
  return (
    <section className="card meetings-section" aria-labelledby="meetings-h" data-testid="body-meetings">
      <h2 id="meetings-h">{t('meetings.sectionTitle')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        isApiError(list.error, 403) ? (
          <p className="muted">{t('meetings.refused')}</p>
        ) : (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        )
      ) : items.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <MeetingList items={items} />
      )}
      {list.data?.can.convene && (
        <Disclosure label={t('meetings.conveneOpen')}>
          <ConveneForm bodyId={bodyId} bodyKind={bodyKind} />
        </Disclosure>
      )}
    </section>
  );
}
