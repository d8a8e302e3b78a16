// A body's report in a round (ADR 0027 §4–5): one field per indicator by its type, with its unit; every entry
// parsed as the server parses it and every rule of the form run with the contracts' `evaluate` as one types
// (blocking rules hold Submit back with their names, warnings are shown); Save draft and Submit carry the version
// the reader saw (report_changed: someone else changed it, reload). The versions and the acts on the report, and
// for the committee above the decisions its flags allow: return with a comment, approve, reopen or excuse with a
// reason. Usable on a phone: the fields stack, the number keyboard opens for numbers.
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ReasonInput } from '../../../contracts/direction.js';
import { client, isApiError, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { Loading } from '../../ui/feedback.js';
import { ContractForm, Disclosure, FormError, FormTextArea, useAct, useContractForm } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PageError, StateBadge, useDay, useTitle } from './common.js';
import { checkReport, entriesOf, inputModeOf, type CheckedReport, type Entries } from './logic.js';
import { DIRECTION, useReport } from './queries.js';
import { LiveNote } from './LiveNote.js';
import { MeetingFacts } from './CampaignPage.js';

/** The report as the API answers it (the client's type: a rule's binary node is an array there, not a pair). */
type Report = NonNullable<ReturnType<typeof useReport>['data']>;
type Item = NonNullable<Report['form']>['items'][number];
type Path = '/api/direction/rounds/{id}/reports/{bodyId}';

function useRuleName() {
  const f = useFormat();
  return (r: { name: string; nameRu: string }) => f.name({ name: r.name, nameRu: r.nameRu });
}

/** The bounds a numeric field takes, said as a hint. */
function useBoundsHint() {
  const { t } = useTranslation();
  const f = useFormat();
  return (i: Item): string | null => {
    const min = i.valueType === 'percentage' ? Math.max(0, i.minValue ?? 0) : i.minValue;
    const max = i.valueType === 'percentage' ? Math.min(100, i.maxValue ?? 100) : i.maxValue;
    if (min !== null && max !== null) return t('direction.between', { min: f.number(min), max: f.number(max) });
    if (min !== null) return t('direction.atLeast', { min: f.number(min) });
    if (max !== null) return t('direction.atMost', { max: f.number(max) });
    return null;
  };
}

function ValueField({
  item,
  value,
  onChange,
  message,
}: {
  item: Item;
  value: string;
  onChange: (v: string) => void;
  message: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const bounds = useBoundsHint();
  const unit = f.lang === 'ru' && item.unitRu ? item.unitRu : item.unit;
  const hint = [unit, bounds(item), item.valueType === 'integer' ? t('direction.wholeNumber') : null]
    .filter(Boolean)
    .join(' · ');
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-msg` : null].filter(Boolean).join(' ');
  const aria = { 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy || undefined };
  const label = f.name({ name: item.name, nameRu: item.nameRu });
  return (
    <div className="field direction-value" data-code={item.code}>
      <label htmlFor={id}>
        {label}
        {item.required && <span className="direction-required"> ({t('direction.required')})</span>}
      </label>
      {item.valueType === 'yes_no' ? (
        <select id={id} name={item.code} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
          <option value="">{t('direction.notGiven')}</option>
          <option value="yes">{t('direction.yes')}</option>
          <option value="no">{t('direction.no')}</option>
        </select>
      ) : item.valueType === 'text' ? (
        <textarea
          id={id}
          name={item.code}
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      ) : (
        <input
          id={id}
          name={item.code}
          type="text"
          inputMode={inputModeOf(item.valueType)}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
      {hint && (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      )}
      {message && (
        <span id={`${id}-msg`} className="field-error small">
          {message}
        </span>
      )}
    </div>
  );
}

/** The rules of the form with their outcomes over what is typed now. */
function RulesPanel({ checked }: { checked: CheckedReport }) {
  const { t } = useTranslation();
  const name = useRuleName();
  if (checked.rules.length === 0) return null;
  return (
    <section className="direction-rules" aria-labelledby="rules-h">
      <h3 id="rules-h">{t('direction.rules')}</h3>
      <ul className="plain-list">
        {checked.rules.map(({ rule, outcome }) => (
          <li
            key={rule.id}
            className={`direction-rule direction-rule-${outcome}${outcome === 'fail' && rule.blocking ? ' direction-rule-blocking' : ''}`}
          >
            <span className="direction-rule-mark" aria-hidden="true">
              {outcome === 'pass' ? '✓' : outcome === 'fail' ? (rule.blocking ? '✕' : '!') : '…'}
            </span>{' '}
            {name(rule)}{' '}
            <span className="small muted">
              {outcome === 'pass'
                ? t('direction.rulePass')
                : outcome === 'skip'
                  ? t('direction.ruleSkip')
                  : rule.blocking
                    ? t('direction.ruleBlocks')
                    : t('direction.ruleWarns')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Editor({ report, onReload }: { report: Report; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ruleName = useRuleName();
  const form = report.form!;
  const [entries, setEntries] = useState<Entries>(() => entriesOf(form.items, report.current?.values));
  const [text, setText] = useState(report.current?.text ?? '');
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState('');
  const checked = checkReport(form, entries);
  const path = { id: report.roundId, bodyId: report.bodyId };
  const save = useAct(
    (b: BodyOf<Path, 'put'>) =>
      ok(client.PUT('/api/direction/rounds/{id}/reports/{bodyId}', { params: { path }, body: b })),
    [[...DIRECTION]],
  );
  const submit = useAct(
    (b: BodyOf<'/api/direction/rounds/{id}/reports/{bodyId}/submit'>) =>
      ok(client.POST('/api/direction/rounds/{id}/reports/{bodyId}/submit', { params: { path }, body: b })),
    [[...DIRECTION]],
  );
  const busy = { isPending: save.isPending || submit.isPending };
  const error = save.error ?? submit.error;
  const changed = isApiError(error) && error.code === 'report_changed';
  const reasonText = (code: string) => t(`direction.problem.${checked.problems[code]!}`);
  const messageOf = (i: Item): string | null =>
    checked.problems[i.code]
      ? reasonText(i.code)
      : tried && checked.missing.includes(i.code)
        ? t('forms.fieldRequired')
        : null;
  // a campaign's report links the body's meeting and the campaign's item on its agenda (pre-filled from the server)
  const link = report.campaignMeeting
    ? { meetingId: report.campaignMeeting.meetingId, agendaItemId: report.campaignMeeting.agendaItemId }
    : { meetingId: report.current?.meetingId ?? null, agendaItemId: report.current?.agendaItemId ?? null };
  const body = () => ({
    version: report.version,
    values: checked.values,
    text: text.trim() === '' ? null : text,
    ...link,
  });
  const protocolReason =
    isApiError(error) && error.code === 'report_protocol_required'
      ? (error.details as { reason?: string } | undefined)?.reason
      : undefined;
  const problemsCount = Object.keys(checked.problems).length;
  const focusFirst = () => {
    const first = form.items.find((i) => messageOf(i) !== null || checked.problems[i.code]);
    if (first) document.querySelector<HTMLElement>(`.direction-value[data-code="${first.code}"] [name]`)?.focus();
  };
  const onSave = () => {
    setProblem('');
    if (problemsCount > 0) {
      setProblem(t('forms.checkFields', { count: problemsCount }));
      focusFirst();
      return;
    }
    submit.reset();
    save.mutate(body());
  };
  const onSubmit = () => {
    setTried(true);
    setProblem('');
    const fields = problemsCount + checked.missing.length;
    if (fields > 0) {
      setProblem(t('forms.checkFields', { count: fields }));
      setTimeout(focusFirst, 0);
      return;
    }
    if (checked.blocking.length > 0) {
      setProblem(t('direction.blockedBy', { name: checked.blocking.map((r) => ruleName(r.rule)).join('; ') }));
      return;
    }
    save.reset();
    submit.mutate(body());
  };
  return (
    <form
      className="form direction-report-form"
      noValidate
      aria-busy={busy.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="direction-values">
        {form.items.map((i) => (
          <ValueField
            key={i.id}
            item={i}
            value={entries[i.code] ?? ''}
            onChange={(v) => setEntries((e) => ({ ...e, [i.code]: v }))}
            message={messageOf(i)}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor="report-text">{t('direction.reportText')}</label>
        <textarea id="report-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {form.requiresProtocol && <ProtocolLink report={report} />}
      {protocolReason && (
        <p className="notice notice-error" data-testid="protocol-refused">
          {t(`direction.campaign.missing.${protocolReason as 'missing'}`, {
            defaultValue: t('direction.protocolNeeded'),
          })}
        </p>
      )}
      <RulesPanel checked={checked} />
      {checked.warnings.length > 0 && (
        <p className="notice notice-warn small" role="status">
          {t('direction.warningsNote', { name: checked.warnings.map((r) => ruleName(r.rule)).join('; ') })}
        </p>
      )}
      {changed ? (
        <div className="notice notice-error" role="alert">
          <p>{t('direction.changedBySomeone')}</p>
          <p className="small">{t('direction.changedKeep')}</p>
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('direction.reload')}
          </button>
        </div>
      ) : (
        <FormError id="report-err" error={error} problem={problem} />
      )}
      <div className="act-row">
        {report.can.submit && (
          <button type="submit" className="button" disabled={busy.isPending || checked.blocking.length > 0}>
            {submit.isPending && <span className="spinner spinner-inline" aria-hidden="true" />}
            {submit.isPending ? t('forms.working') : t('direction.submit')}
          </button>
        )}
        {report.can.edit && (
          <ActButton act={busy} className="button button-secondary" onClick={onSave}>
            {save.isPending ? t('forms.working') : t('direction.saveDraft')}
          </ActButton>
        )}
        <span role="status" aria-live="polite" className="act-done">
          {save.isSuccess && !busy.isPending
            ? t('direction.savedVersion', { n: f.number(save.data.version) })
            : submit.isSuccess && !busy.isPending
              ? t('direction.submittedDone')
              : ''}
        </span>
      </div>
      {checked.blocking.length > 0 && report.can.submit && (
        <p className="small field-error">
          {t('direction.blockedBy', { name: checked.blocking.map((r) => ruleName(r.rule)).join('; ') })}
        </p>
      )}
    </form>
  );
}

/**
 * A report on a form that requires the protocol: the body's campaign meeting it will give (pre-filled), and what is
 * still missing before the server takes it — the meeting closed, its protocol approved.
 */
function ProtocolLink({ report }: { report: Report }) {
  const { t } = useTranslation();
  const m = report.campaignMeeting;
  const missing = !m ? ['noMeeting'] : [!m.heldAt ? 'notClosed' : null, !m.protocolAt ? 'notApproved' : null];
  const said = missing.filter((x): x is string => x !== null);
  return (
    <section className="direction-protocol" aria-labelledby="protocol-h" data-testid="report-protocol">
      <h3 id="protocol-h">{t('direction.campaign.reportMeeting')}</h3>
      <p className="small">{t('direction.protocolNeeded')}</p>
      {m && <MeetingFacts m={m} />}
      {said.length > 0 && (
        <ul className="notice notice-warn small" data-testid="protocol-missing">
          {said.map((k) => (
            <li key={k}>{t(`direction.campaign.still.${k as 'noMeeting'}`)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The values of a version, read-only. */
function Values({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = report.current;
  if (!report.form) return null;
  if (!v) return <p className="muted">{t('direction.noValues')}</p>;
  const show = (i: Item) => {
    const x = v.values[i.code];
    if (x === null || x === undefined) return '—';
    if (i.valueType === 'yes_no') return x === true || x === 1 ? t('direction.yes') : t('direction.no');
    if (typeof x === 'number') return f.number(x);
    return String(x);
  };
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('direction.indicator')}</th>
            <th scope="col" className="num">
              {t('direction.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.form.items.map((i) => (
            <tr key={i.id}>
              <th scope="row">{f.name({ name: i.name, nameRu: i.nameRu })}</th>
              <td className="num">
                {show(i)} {f.lang === 'ru' && i.unitRu ? i.unitRu : (i.unit ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.text && <p className="prose direction-text">{v.text}</p>}
    </div>
  );
}

function ReasonAct({
  report,
  act,
  title,
  submitLabel,
  label,
}: {
  report: Report;
  act: 'return' | 'reopen' | 'excuse';
  title: string;
  submitLabel: string;
  label: string;
}) {
  const form = useContractForm(ReasonInput, { version: report.version, reason: '' });
  const path = { id: report.roundId, bodyId: report.bodyId };
  const run = useAct(
    (b: BodyOf<'/api/direction/rounds/{id}/reports/{bodyId}/return'>) =>
      act === 'return'
        ? ok(client.POST('/api/direction/rounds/{id}/reports/{bodyId}/return', { params: { path }, body: b }))
        : act === 'reopen'
          ? ok(client.POST('/api/direction/rounds/{id}/reports/{bodyId}/reopen', { params: { path }, body: b }))
          : ok(client.POST('/api/direction/rounds/{id}/reports/{bodyId}/excuse', { params: { path }, body: b })),
    [[...DIRECTION]],
  );
  return (
    <ContractForm
      form={form}
      title={title}
      submitLabel={submitLabel}
      state={run}
      onValid={(input) => run.mutate({ ...input, version: report.version })}
    >
      <FormTextArea form={form} name="reason" label={label} rows={3} />
    </ContractForm>
  );
}

function Decisions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const path = { id: report.roundId, bodyId: report.bodyId };
  const approve = useAct(
    () =>
      ok(
        client.POST('/api/direction/rounds/{id}/reports/{bodyId}/approve', {
          params: { path },
          body: { version: report.version },
        }),
      ),
    [[...DIRECTION]],
  );
  const c = report.can;
  if (!c.approve && !c.return && !c.reopen && !c.excuse) return null;
  return (
    <section className="card" aria-labelledby="decide-h">
      <h2 id="decide-h">{t('direction.decideTitle')}</h2>
      <div className="act-stack">
        {c.approve && (
          <div className="act-row">
            <ActButton act={approve} className="button" onClick={() => approve.mutate()}>
              {approve.isPending ? t('forms.working') : t('direction.approve')}
            </ActButton>
            <span role="status" aria-live="polite" className="act-done">
              {approve.isSuccess ? t('direction.approvedDone') : ''}
            </span>
            {approve.error ? <FormError id="approve-err" error={approve.error} /> : null}
          </div>
        )}
        {c.return && (
          <Disclosure label={t('direction.return')}>
            <ReasonAct
              report={report}
              act="return"
              title={t('direction.return')}
              submitLabel={t('direction.returnSubmit')}
              label={t('direction.comment')}
            />
          </Disclosure>
        )}
        {c.reopen && (
          <Disclosure label={t('direction.reopen')}>
            <ReasonAct
              report={report}
              act="reopen"
              title={t('direction.reopen')}
              submitLabel={t('direction.reopenSubmit')}
              label={t('direction.reason')}
            />
          </Disclosure>
        )}
        {c.excuse && (
          <Disclosure label={t('direction.excuse')}>
            <ReasonAct
              report={report}
              act="excuse"
              title={t('direction.excuse')}
              submitLabel={t('direction.excuseSubmit')}
              label={t('direction.reason')}
            />
          </Disclosure>
        )}
      </div>
    </section>
  );
}

function History({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (report.versions.length === 0 && report.acts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">{t('direction.history')}</h2>
      {report.acts.length > 0 && (
        <ol className="timeline direction-acts">
          {report.acts.map((a, i) => (
            <li key={`${a.at}-${i}`}>
              <strong>{t(`direction.act.${a.act}`, { defaultValue: a.act })}</strong>{' '}
              <span className="small muted">
                {f.dateTime(a.at)}
                {a.by ? ` · ${a.by}` : ''}
              </span>
              {a.reason && <p className="direction-reason">{a.reason}</p>}
            </li>
          ))}
        </ol>
      )}
      {report.versions.length > 0 && (
        <Disclosure label={t('direction.versions', { count: report.versions.length })}>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('direction.versionN')}
                  </th>
                  <th scope="col">{t('direction.savedAt')}</th>
                  <th scope="col">{t('direction.submittedAt')}</th>
                  <th scope="col" className="hide-narrow">
                    {t('direction.savedBy')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.versions.map((v) => (
                  <tr key={v.id}>
                    <td className="num">
                      {f.number(v.n)}
                      {v.scope === 'summary' && <span className="badge">{t('direction.summary')}</span>}
                    </td>
                    <td>{f.dateTime(v.savedAt)}</td>
                    <td>{v.submittedAt ? f.dateTime(v.submittedAt) : '—'}</td>
                    <td className="hide-narrow">{v.savedBy ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Disclosure>
      )}
    </section>
  );
}

export function ReportPage() {
  const { roundId = '', bodyId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const titleOf = useTitle();
  const q = useReport(roundId, bodyId);
  // the page follows the report's node live: a decision on it or a correction elsewhere refetches the report
  const live = <LiveNote roundId={roundId} bodyId={bodyId} queryKey={['direction', 'report', roundId, bodyId]} />;
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const bodyName = f.name({ name: r.bodyName, nameRu: r.bodyNameRu });
  const title = titleOf(r);
  const editable = r.form && (r.can.edit || r.can.submit);
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${bodyId}`}>{t('direction.inboxOf', { name: bodyName })}</Link>
          </li>
          {r.parentId && r.can.viewParent && (
            <li>
              <Link to={`/direction/rounds/${roundId}?bodyId=${r.parentId}`}>{t('direction.dashboardAbove')}</Link>
            </li>
          )}
          <li>
            <span aria-current="page">{t('direction.reportTitle')}</span>
          </li>
        </ol>
      </nav>
      <PageTitle
        title={`${t('direction.reportTitle')} · ${bodyName}`}
        sub={
          <p className="subtitle">
            {bodyName} <StateBadge state={r.state} />
            {r.excusedAt && <span className="badge">{t('direction.excused')}</span>}
          </p>
        }
      >
        {title}
      </PageTitle>
      {live}
      <dl className="facts">
        <div>
          <dt>{t('direction.period')}</dt>
          <dd>{t('direction.periodRange', { from: f.date(r.periodStart), to: f.date(r.periodEnd) })}</dd>
        </div>
        <div>
          <dt>{t('direction.due')}</dt>
          <dd>{day(r.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('direction.locksOn')}</dt>
          <dd>{r.openUntil ? f.dateTime(r.openUntil) : day(r.expiresAt)}</dd>
        </div>
        {r.firstSubmittedAt && (
          <div>
            <dt>{t('direction.firstSubmitted')}</dt>
            <dd>
              {f.dateTime(r.firstSubmittedAt)}{' '}
              {r.onTime !== null && (
                <span className={r.onTime ? 'badge' : 'badge badge-warn'}>
                  {r.onTime ? t('direction.onTime') : t('direction.late')}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {r.flags.length > 0 && (
        <div className="notice notice-warn">
          <p>{t('direction.flagsNote', { count: r.flags.length })}</p>
          <ul>
            {r.flags.map((fl, i) => (
              <li key={i}>
                {fl.kind === 'outlier'
                  ? t('direction.flagOutlier')
                  : typeof fl.detail.name === 'string'
                    ? f.name({
                        name: fl.detail.name,
                        nameRu: typeof fl.detail.nameRu === 'string' ? fl.detail.nameRu : null,
                      })
                    : t('direction.flagRule')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <section className="card" aria-labelledby="values-h">
        <h2 id="values-h">{r.form ? f.name({ name: r.form.name, nameRu: r.form.nameRu }) : t('direction.noForm')}</h2>
        {editable ? (
          <Editor key={`${r.version}`} report={r} onReload={() => void q.refetch()} />
        ) : (
          <Values report={r} />
        )}
      </section>
      <Decisions report={r} />
      <History report={r} />
    </article>
  );
}
