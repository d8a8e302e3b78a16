// A campaign seen from a body (ADR 0027 §8): the meeting every addressed primary organisation holds by a date with
// the campaign's item first; the body's own meeting (convened, held, protocol approved) with a link to it, or — when
// the server says the reader may (Campaign.can.convene) — the form to convene it: date and time, place; the meeting
// page opens with the item pre-filled. Below, the progress by level: per body directly below, addressees, meetings
// convened, held, quorate, protocols approved, reports in and targets met, each relay opening its own level.
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConveneCampaignInput, type CampaignMeeting, type CampaignProgressRow } from '../../../contracts/direction.js';
import { DEFAULT_TIME_ZONE, instantToZoned, zonedToInstant } from '../../../contracts/time-zone.js';
import { client, isApiError, ok } from '../../app/api.js';
import { useFormat, useTimeZone } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import { ContractForm, FormCheckbox, FormField, useAct, useContractForm } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useBody } from '../organisation/queries.js';
import { PageError, useTitle } from './common.js';
import { DIRECTION, useCampaign, useCampaignProgress } from './queries.js';

/** The start as the organisation's clocks show it (datetime-local), turned into the instant the contract takes. */
function conveneSchema(timeZone: string) {
  return ConveneCampaignInput.pick({ startsAt: true, place: true, urgent: true }).safeExtend({
    startsAt: z
      .string()
      .transform((local, ctx) => {
        const at = zonedToInstant(local, timeZone);
        if (at) return at.toISOString();
        ctx.addIssue({ code: 'invalid_format', format: 'datetime', input: local });
        return z.NEVER;
      })
      .pipe(ConveneCampaignInput.shape.startsAt),
  });
}

/** The day before the campaign's meet-by date at 18:00, or a week from now when that is past. */
function defaultStart(meetBy: string, timeZone: string): string {
  const week = instantToZoned(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10);
  const day = meetBy < week ? meetBy : week;
  return `${day}T18:00`;
}

function ConveneCampaign({ id, bodyId, meetBy }: { id: string; bodyId: string; meetBy: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const schema = useMemo(() => conveneSchema(timeZone), [timeZone]);
  const form = useContractForm(schema, { startsAt: defaultStart(meetBy, timeZone), place: '', urgent: false });
  // the meeting's page opens as soon as it is convened (before the campaign refetches and this form goes away)
  const act = useAct(
    async (input: z.output<typeof schema>) => {
      const c = await ok(
        client.POST('/api/direction/campaigns/{id}/convene', {
          params: { path: { id } },
          body: { ...input, bodyId, lang: f.lang === 'ru' ? 'ru' : 'en' },
        }),
      );
      if (c.meeting) navigate(`/meetings/${c.meeting.meetingId}`);
      return c;
    },
    [[...DIRECTION], ['meetings']],
  );
  return (
    <ContractForm
      form={form}
      title={t('direction.campaign.conveneTitle')}
      submitLabel={t('direction.campaign.conveneSubmit')}
      state={act}
      testId="campaign-convene"
      onValid={(input) => act.mutate(input)}
    >
      <p className="small">{t('direction.campaign.conveneHelp')}</p>
      <FormField
        form={form}
        name="startsAt"
        label={t('meetings.startsAtLabel')}
        type="datetime-local"
        hint={t('meetings.startsAtZone', { zone: timeZone })}
      />
      <FormField form={form} name="place" label={t('meetings.placeLabel')} />
      <FormCheckbox form={form} name="urgent" label={t('meetings.urgentLabel')} hint={t('meetings.urgentHint')} />
    </ContractForm>
  );
}

/** Where a body's campaign meeting stands: convened, held (attendance, quorum), protocol approved. */
export function MeetingFacts({ m }: { m: CampaignMeeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="facts" data-testid="campaign-meeting">
      <div>
        <dt>{t('direction.campaign.meeting')}</dt>
        <dd>
          <Link to={`/meetings/${m.meetingId}`}>{t('direction.campaign.openMeeting')}</Link>{' '}
          <span className="small muted">{t('direction.campaign.convenedOn', { date: f.dateTime(m.convenedAt) })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('direction.campaign.held')}</dt>
        <dd>
          {m.heldAt ? (
            <>
              {f.dateTime(m.heldAt)}
              {m.present !== null && m.entitled !== null && (
                <span className="small muted">
                  {' '}
                  · {t('direction.campaign.attendance', { count: m.present, entitled: f.number(m.entitled) })}
                </span>
              )}{' '}
              {m.quorate !== null && (
                <span className={m.quorate ? 'badge' : 'badge badge-warn'}>
                  {m.quorate ? t('direction.campaign.quorate') : t('direction.campaign.notQuorate')}
                </span>
              )}
            </>
          ) : (
            <span className="badge badge-warn">{t('direction.campaign.notClosed')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('direction.campaign.protocol')}</dt>
        <dd>
          {m.protocolAt ? (
            t('direction.campaign.protocolApprovedOn', { date: f.dateTime(m.protocolAt) })
          ) : (
            <span className="badge badge-warn">{t('direction.campaign.protocolNotApproved')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

function ProgressCard({ id, roundId, bodyId }: { id: string; roundId: string; bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCampaignProgress(id, bodyId);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return isApiError(q.error, 403) ? null : <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const cols = ['addressees', 'convened', 'held', 'quorate', 'protocols', 'reportsIn'] as const;
  const row = (r: CampaignProgressRow, head: React.ReactNode) => (
    <>
      <th scope="row">{head}</th>
      {cols.map((c) => (
        <td key={c} className="num" data-label={t(`direction.campaign.col.${c}`)}>
          {f.number(r[c])}
        </td>
      ))}
      <td className="num" data-label={t('direction.campaign.col.targetsMet')}>
        {r.targets > 0 ? `${f.number(r.targetsMet)} / ${f.number(r.targets)}` : '—'}
      </td>
    </>
  );
  const link = (r: CampaignProgressRow) =>
    r.relay ? `/direction/campaigns/${id}?bodyId=${r.bodyId}` : `/direction/rounds/${roundId}/reports/${r.bodyId}`;
  return (
    <section className="card" aria-labelledby="progress-h" data-testid="campaign-progress">
      <h2 id="progress-h">{t('direction.campaign.progress')}</h2>
      <p className="small muted">{t('direction.campaign.progressHelp')}</p>
      <div className="table-wrap">
        <table className="direction-stack">
          <thead>
            <tr>
              <th scope="col">{t('direction.child')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`direction.campaign.col.${c}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('direction.campaign.col.targetsMet')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="direction-total" data-testid="progress-node">
              {row(
                p.node,
                t('direction.campaign.allBelow', {
                  name: f.name({ name: p.node.bodyName, nameRu: p.node.bodyNameRu }),
                }),
              )}
            </tr>
            {p.children.map((c) => (
              <tr key={c.bodyId} data-testid="progress-child">
                {row(c, <Link to={link(c)}>{f.name({ name: c.bodyName, nameRu: c.bodyNameRu })}</Link>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const bodyId = params.get('bodyId') ?? '';
  const { t } = useTranslation();
  const f = useFormat();
  const titleOf = useTitle();
  const q = useCampaign(id, bodyId);
  const body = useBody(q.data?.bodyId ?? bodyId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const at = c.bodyId;
  const title = titleOf(c);
  const item = f.name({ name: c.itemTitle, nameRu: c.itemTitleRu });
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${at}`}>
              {t('direction.inboxOf', { name: body.data ? f.name(body.data.body) : t('direction.body') })}
            </Link>
          </li>
          <li>
            <Link to={`/direction/directives/${c.directiveId}?bodyId=${at}`}>{t('direction.kindDirective')}</Link>
          </li>
          <li>
            <span aria-current="page">{t('direction.campaign.title')}</span>
          </li>
        </ol>
      </nav>
      <PageTitle
        title={`${t('direction.campaign.title')} · ${title}`}
        sub={<p className="subtitle">{t('direction.campaign.title')}</p>}
      >
        {title}
      </PageTitle>
      <dl className="facts">
        <div>
          <dt>{t('direction.campaign.meetBy')}</dt>
          <dd>{f.date(c.meetBy)}</dd>
        </div>
        <div>
          <dt>{t('direction.campaign.meetingKind')}</dt>
          <dd>{t(`meetings.kind.${c.meetingKind}`, { defaultValue: c.meetingKind })}</dd>
        </div>
        <div>
          <dt>{t('direction.campaign.item')}</dt>
          <dd>{item}</dd>
        </div>
      </dl>
      {(c.meeting || c.can.convene) && (
        <section className="card" aria-labelledby="own-meeting-h">
          <h2 id="own-meeting-h">{t('direction.campaign.ownMeeting')}</h2>
          {c.meeting ? <MeetingFacts m={c.meeting} /> : <ConveneCampaign id={c.id} bodyId={at} meetBy={c.meetBy} />}
          {c.meeting && (
            <p>
              <Link className="button button-secondary" to={`/direction/rounds/${c.roundId}/reports/${at}`}>
                {t('direction.openReport')}
              </Link>
            </p>
          )}
        </section>
      )}
      <p>
        <Link className="button button-secondary" to={`/direction/rounds/${c.roundId}?bodyId=${at}`}>
          {t('direction.openDashboard')}
        </Link>
      </p>
      <ProgressCard id={c.id} roundId={c.roundId} bodyId={at} />
    </article>
  );
}
